/// Little-endian binary writing and bounds-checked reading for the index's own formats.
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

struct BinaryReader {
    let bytes: [UInt8]
    var offset = 0
    let source: String

    init(_ bytes: [UInt8], source: String) {
        self.bytes = bytes
        self.source = source
    }

    private func fail() -> VectorIndexError {
        VectorIndexError(.corrupt, "\(source): the data ends early or is malformed at byte \(offset)")
    }

    mutating func integer<T: FixedWidthInteger>(_ type: T.Type) throws(VectorIndexError) -> T {
        let size = MemoryLayout<T>.size
        guard offset + size <= bytes.count else { throw fail() }
        var value: T = 0
        for index in 0..<size { value |= T(bytes[offset + index]) << (8 * index) }
        offset += size
        return value
    }

    mutating func string() throws(VectorIndexError) -> String {
        let count = Int(try integer(UInt32.self))
        guard count <= bytes.count - offset else { throw fail() }
        defer { offset += count }
        return String(decoding: bytes[offset..<(offset + count)], as: UTF8.self)
    }

    /// The next `count` values of `T` as raw bytes, or an error when the data ends first.
    private mutating func take<T>(_ type: T.Type, count: Int) throws(VectorIndexError) -> Range<Int> {
        let size = MemoryLayout<T>.stride
        guard count >= 0, count <= (bytes.count - offset) / max(size, 1) else { throw fail() }
        defer { offset += count * size }
        return offset..<(offset + count * size)
    }

    mutating func array<T>(_ type: T.Type, count: Int) throws(VectorIndexError) -> [T] {
        let range = try take(T.self, count: count)
        guard !range.isEmpty else { return [] }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBytes { raw in
                UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(
                    from: raw.baseAddress! + range.lowerBound, byteCount: range.count)
            }
            initialized = count
        }
    }

    /// Like `array`, but straight into huge-page-backed memory (one copy, not two).
    mutating func hugePageBuffer<T: BitwiseCopyable>(_ type: T.Type, count: Int) throws(VectorIndexError)
        -> HugePageBuffer<T>
    {
        let range = try take(T.self, count: count)
        var buffer = HugePageBuffer<T>()
        buffer.reserve(count)
        bytes.withUnsafeBytes { buffer.append(copyingBytes: UnsafeRawBufferPointer(rebasing: $0[range])) }
        return buffer
    }

    var isAtEnd: Bool { offset == bytes.count }
}
