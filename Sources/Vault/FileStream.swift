#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A regular file read front to back with `read(2)` straight into the caller's buffer: no copy
/// of the whole file is made on the way.
///
/// The size is taken when the file is opened: bytes appended later are not read, and a file that
/// shrinks gives an error. After any error the stream refuses further reads, since its position
/// is no longer known. A class, so that the descriptor has one owner and is closed when the
/// stream goes away.
public final class FileStream: RandomAccessByteStream {
    public let path: String
    private let descriptor: Int32
    private let size: Int
    private var offset = 0
    private var failed = false

    public init(path: String) throws(VaultError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw VaultError(.io, path, errno == ENOENT ? "does not exist" : "cannot be read: \(FileIO.errnoText())")
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw VaultError(.io, path, "is not a regular file")
        }
        self.path = path
        self.descriptor = descriptor
        self.size = Int(info.st_size)
    }

    deinit { close(descriptor) }

    public var remaining: Int { size - offset }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(VaultError) {
        guard !failed else { throw VaultError(.io, path, "an earlier read failed") }
        guard buffer.count <= remaining else {
            throw VaultError(.io, path, "ends after \(size) bytes, before the data it describes")
        }
        do throws(VaultError) {
            try fill(buffer) { destination, count, _ in systemRead(descriptor, destination, count) }
        } catch {
            failed = true
            throw error
        }
        offset += buffer.count
    }

    public func read(at start: Int, into buffer: UnsafeMutableRawBufferPointer) throws(VaultError) {
        guard start >= 0, buffer.count <= size - start else {
            throw VaultError(.io, path, "ends after \(size) bytes, before the data it describes")
        }
        try fill(buffer) { pread(descriptor, $0, $1, off_t(start + $2)) }
    }

    /// Calls `transfer(destination, count, done)` until `buffer` is full.
    private func fill(
        _ buffer: UnsafeMutableRawBufferPointer, _ transfer: (UnsafeMutableRawPointer, Int, Int) -> Int
    ) throws(VaultError) {
        var filled = 0
        while filled < buffer.count {
            let result = FileIO.retryingInterrupts {
                transfer(buffer.baseAddress! + filled, buffer.count - filled, filled)
            }
            guard result >= 0 else { throw VaultError(.io, path, "read failed: \(FileIO.errnoText())") }
            guard result > 0 else { throw VaultError(.io, path, "became shorter while it was being read") }
            filled += result
        }
    }
}

/// `read(2)`, under a name that `FileStream.read(into:)` and `FileIO.read` do not hide.
func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
