#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file read front to back with `read(2)` straight into the caller's buffer: no copy of the
/// whole file is made on the way.
///
/// A class, so that the descriptor has one owner and is closed when the stream goes away.
public final class FileStream: ByteStream {
    public let path: String
    private let descriptor: Int32
    private let size: Int
    private var offset = 0

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
        guard buffer.count <= remaining else {
            throw VaultError(.io, path, "ends after \(size) bytes, before the data it describes")
        }
        var filled = 0
        while filled < buffer.count {
            let result = systemRead(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            if result < 0 {
                if errno == EINTR { continue }
                throw VaultError(.io, path, "read failed: \(FileIO.errnoText())")
            }
            guard result > 0 else { throw VaultError(.io, path, "became shorter while it was being read") }
            filled += result
        }
        offset += filled
    }
}

/// `read(2)`, under a name the stream's own `read(into:)` does not hide.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
