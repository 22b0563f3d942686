import Foundation

/// An open file whose size is known before anything is read, so that readers compare what a header
/// claims with what the file holds before they allocate, and read only the byte ranges they need.
final class SignalFileBytes {
    let path: String
    let size: Int
    private let handle: FileHandle

    /// Opens `path`; `role` says what the file is for in the error ("signal file", "annotation file").
    init(path: String, role: String) throws(SignalError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw SignalError(path, "\(role) not found")
        }
        guard !isDirectory.boolValue else { throw SignalError(path, "\(role) is a directory, not a file") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw SignalError(path, "\(role) cannot be opened for reading")
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let size = (attributes?[.size] as? NSNumber)?.intValue else {
            try? handle.close()
            throw SignalError(path, "\(role): its size cannot be read")
        }
        self.path = path
        self.size = size
        self.handle = handle
    }

    deinit { try? handle.close() }

    /// Up to `count` bytes from `offset`: fewer only when the file ends first.
    func read(offset: Int, count: Int) throws(SignalError) -> [UInt8] {
        guard offset >= 0, count >= 0 else { throw SignalError(path, "invalid read of \(count) bytes at \(offset)") }
        let available = max(0, min(count, size - offset))
        guard available > 0 else { return [] }
        do {
            try handle.seek(toOffset: UInt64(offset))
            var bytes: [UInt8] = []
            bytes.reserveCapacity(available)
            while bytes.count < available {
                guard let chunk = try handle.read(upToCount: min(available - bytes.count, 1 << 24)), !chunk.isEmpty
                else { break }
                bytes.append(contentsOf: chunk)
            }
            return bytes
        } catch {
            throw SignalError(path, "read error at byte \(offset): \(error.localizedDescription)")
        }
    }

    /// The whole file, refused when it is larger than `maxBytes`.
    func readAll(maxBytes: Int, what: String) throws(SignalError) -> [UInt8] {
        guard size <= maxBytes else {
            throw SignalError(path, "\(what) is \(size) bytes, more than the \(maxBytes) bytes allowed")
        }
        return try read(offset: 0, count: size)
    }
}

/// Reads a file front to back in fixed-size chunks, so a parser can walk a file of any size while
/// holding only one chunk and what it decoded.
struct SignalByteStream {
    private let file: SignalFileBytes
    private var chunk: [UInt8] = []
    private var chunkStart = 0
    private var position = 0
    private static let chunkSize = 1 << 16

    init(_ file: SignalFileBytes) { self.file = file }

    /// Bytes consumed so far.
    var offset: Int { position }
    var isAtEnd: Bool { position >= file.size }

    /// The next `count` bytes, or nil when the file ends first.
    mutating func next(_ count: Int) throws(SignalError) -> [UInt8]? {
        guard count >= 0, position + count <= file.size else { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(count)
        while result.count < count {
            let inChunk = position - chunkStart
            if inChunk < 0 || inChunk >= chunk.count {
                chunk = try file.read(offset: position, count: Self.chunkSize)
                chunkStart = position
                if chunk.isEmpty { return nil }
                continue
            }
            let take = min(count - result.count, chunk.count - inChunk)
            result.append(contentsOf: chunk[inChunk..<(inChunk + take)])
            position += take
        }
        return result
    }

    /// The next little-endian 16-bit word, or nil at the end of the file (or of a half word).
    mutating func nextWord() throws(SignalError) -> UInt16? {
        let inChunk = position - chunkStart
        if inChunk >= 0 && inChunk + 1 < chunk.count {
            position += 2
            return UInt16(chunk[inChunk]) | UInt16(chunk[inChunk + 1]) << 8
        }
        guard let bytes = try next(2) else { return nil }
        return UInt16(bytes[0]) | UInt16(bytes[1]) << 8
    }
}
