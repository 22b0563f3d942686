/// Bytes read front to back, a piece at a time.
///
/// A snapshot of hundreds of megabytes passes through a stream into the structures that keep it,
/// instead of first being held whole in memory (and, when sealed, held once more as plaintext).
public protocol ByteStream {
    /// How many bytes are left. A reader checks a length it was given against this before
    /// allocating, so a damaged or hostile length cannot make it allocate without bound. (A
    /// sealed stream's count is known, and its last frame authenticated, when it is opened.)
    var remaining: Int { get }

    /// Fills `buffer` with the next `buffer.count` bytes, or throws if the stream cannot.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(VaultError)
}

extension ByteStream {
    /// The next `count` values of `T`, read as they are stored (callers check `count` against
    /// `remaining` first when it comes from the data).
    public mutating func read<T: BitwiseCopyable>(_ type: T.Type, count: Int) throws(VaultError) -> [T] {
        var failure: VaultError?
        let values = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            do throws(VaultError) {
                try read(into: UnsafeMutableRawBufferPointer(buffer))
                initialized = count
            } catch {
                failure = error
                initialized = 0
            }
        }
        if let failure { throw failure }
        return values
    }

    /// The next `count` bytes, as an array.
    public mutating func read(count: Int) throws(VaultError) -> [UInt8] { try read(UInt8.self, count: count) }

    /// Everything that is left, as one array.
    public mutating func readAll() throws(VaultError) -> [UInt8] { try read(count: remaining) }
}

/// A stream that can also read at any position, leaving the front-to-back position alone: a
/// sealed file's last frame is checked before the rest is read.
public protocol RandomAccessByteStream: ByteStream {
    /// Fills `buffer` with the bytes at `offset` from the start of the stream.
    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws(VaultError)
}

/// A stream over bytes already in memory (an upload, a log record, a test's mutant).
public struct MemoryStream: RandomAccessByteStream {
    private let bytes: [UInt8]
    private var offset = 0
    private let name: String

    /// `name` is what an error calls these bytes (a path, or what they are).
    public init(_ bytes: [UInt8], name: String) {
        self.bytes = bytes
        self.name = name
    }

    public var remaining: Int { bytes.count - offset }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(VaultError) {
        try read(at: offset, into: buffer)
        offset += buffer.count
    }

    public func read(at start: Int, into buffer: UnsafeMutableRawBufferPointer) throws(VaultError) {
        guard start >= 0, buffer.count <= bytes.count - start else {
            throw VaultError(.badFormat, name, "ends after \(bytes.count) bytes, before the data it describes")
        }
        guard let target = buffer.baseAddress else { return }
        bytes.withUnsafeBytes { target.copyMemory(from: $0.baseAddress! + start, byteCount: buffer.count) }
    }
}
