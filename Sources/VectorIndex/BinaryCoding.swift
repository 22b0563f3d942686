import Vault

/// Little-endian binary writing for the index's own formats.
struct BinaryWriter {
    var bytes: [UInt8] = []

    mutating func integer<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ value: String) {
        let utf8 = Array(value.utf8)
        integer(UInt32(utf8.count))
        bytes += utf8
    }

    mutating func array<T>(_ values: [T]) {
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    mutating func array<T>(_ values: UnsafeBufferPointer<T>) {
        bytes.append(contentsOf: UnsafeRawBufferPointer(values))
    }
}

/// Bounds-checked reading from a stream: a length read from the data is checked against what is
/// left before anything is allocated, so damaged data gives an error, never a huge allocation.
struct BinaryReader<Input: ByteStream> {
    private var input: Input
    private(set) var offset = 0
    /// What errors call the data (its path).
    let source: String

    init(_ input: Input, source: String) {
        self.input = input
        self.source = source
    }

    private func fail() -> VectorIndexError {
        VectorIndexError(.corrupt, "\(source): the data ends early or is malformed at byte \(offset)")
    }

    /// Runs a read of `byteCount` bytes from the input. A storage failure (a frame that does not
    /// authenticate, a read error) keeps the vault's message, which names the file.
    private mutating func reading<T>(byteCount: Int, _ body: (inout Input) throws(VaultError) -> T)
        throws(VectorIndexError) -> T
    {
        guard byteCount <= input.remaining else { throw fail() }
        do throws(VaultError) {
            let value = try body(&input)
            offset += byteCount
            return value
        } catch {
            throw VectorIndexError(.storage, error.description)
        }
    }

    private mutating func fill(_ buffer: UnsafeMutableRawBufferPointer) throws(VectorIndexError) {
        try reading(byteCount: buffer.count) { (input) throws(VaultError) in try input.read(into: buffer) }
    }

    mutating func integer<T: FixedWidthInteger>(_ type: T.Type) throws(VectorIndexError) -> T {
        var value: T = 0
        try withUnsafeMutableBytes(of: &value) { (raw) throws(VectorIndexError) in try fill(raw) }
        return T(littleEndian: value)
    }

    mutating func string() throws(VectorIndexError) -> String {
        String(decoding: try array(UInt8.self, count: Int(try integer(UInt32.self))), as: UTF8.self)
    }

    /// Checks that `count` values of `T` are left, before room for them is made.
    private func check<T>(_ type: T.Type, count: Int) throws(VectorIndexError) {
        guard count >= 0, count <= input.remaining / max(MemoryLayout<T>.stride, 1) else { throw fail() }
    }

    mutating func array<T: BitwiseCopyable>(_ type: T.Type, count: Int) throws(VectorIndexError) -> [T] {
        try check(T.self, count: count)
        return try reading(byteCount: count * MemoryLayout<T>.stride) { (input) throws(VaultError) in
            try input.read(T.self, count: count)
        }
    }

    /// Like `array`, but read straight into huge-page-backed memory.
    mutating func hugePageBuffer<T: BitwiseCopyable>(_ type: T.Type, count: Int) throws(VectorIndexError)
        -> HugePageBuffer<T>
    {
        try check(T.self, count: count)
        var buffer = HugePageBuffer<T>()
        try buffer.append(count: count) { (raw) throws(VectorIndexError) in try fill(raw) }
        return buffer
    }

    var isAtEnd: Bool { input.remaining == 0 }
}
