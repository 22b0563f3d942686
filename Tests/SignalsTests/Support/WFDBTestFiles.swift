import Foundation

/// Hand-made WFDB files for the tests: an independent packer for every signal format (written from
/// the signal(5) layouts, not shared with the reader), and a way to lay out a record's files.
enum WFDBTestFiles {
    /// The bytes of a flat sample stream (frame after frame) in `format`. For format 8 the stream must
    /// already be first differences.
    static func pack(_ flat: [Int32], format: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        func le(_ value: Int64, _ count: Int) {
            for k in 0..<count { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * Int64(k)))) }
        }
        switch format {
        case 8: for value in flat { bytes.append(UInt8(bitPattern: Int8(value))) }
        case 80: for value in flat { bytes.append(UInt8(value + 128)) }
        case 16: for value in flat { le(Int64(value), 2) }
        case 24: for value in flat { le(Int64(value), 3) }
        case 32: for value in flat { le(Int64(value), 4) }
        case 61:
            for value in flat { bytes += [UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value)] }
        case 160: for value in flat { le(Int64(value) + 32_768, 2) }
        case 212:
            var index = 0
            while index < flat.count {
                let a = UInt32(bitPattern: flat[index]) & 0xFFF
                let b = index + 1 < flat.count ? UInt32(bitPattern: flat[index + 1]) & 0xFFF : 0
                bytes += [UInt8(a & 0xFF), UInt8((a >> 8) | ((b >> 8) << 4))]
                if index + 1 < flat.count { bytes.append(UInt8(b & 0xFF)) }
                index += 2
            }
        case 310, 311:
            var index = 0
            while index < flat.count {
                let count = min(3, flat.count - index)
                let s = (0..<3).map { $0 < count ? UInt32(bitPattern: flat[index + $0]) & 0x3FF : 0 }
                var block: [UInt8]
                if format == 311 {
                    let word = s[0] | s[1] << 10 | s[2] << 20
                    block = (0..<4).map { UInt8(truncatingIfNeeded: word >> (8 * UInt32($0))) }
                    block = Array(block.prefix([0, 2, 3, 4][count]))
                } else {
                    let w0 = s[0] << 1 | (s[2] & 0x1F) << 11
                    let w1 = s[1] << 1 | (s[2] >> 5) << 11
                    block = [UInt8(w0 & 0xFF), UInt8(w0 >> 8), UInt8(w1 & 0xFF), UInt8(w1 >> 8)]
                    block = Array(block.prefix([0, 2, 4, 4][count]))
                }
                bytes += block
                index += 3
            }
        default:
            fatalError("no test packer for format \(format)")
        }
        return bytes
    }

    /// Interleaves signals frame by frame (one sample per frame each).
    static func interleave(_ signals: [[Int32]]) -> [Int32] {
        guard let count = signals.first?.count else { return [] }
        return (0..<count).flatMap { frame in signals.map { $0[frame] } }
    }

    /// The 16-bit checksum a header states for these samples.
    static func checksum(_ samples: [Int32]) -> Int {
        Int(Int16(truncatingIfNeeded: samples.reduce(0) { $0 &+ Int($1) }))
    }

    /// Writes `files` (name → bytes or text) into `folder`.
    static func write(_ files: [String: [UInt8]], in folder: URL) throws {
        for (name, bytes) in files {
            try Data(bytes).write(to: folder.appendingPathComponent(name))
        }
    }

    static func text(_ string: String) -> [UInt8] { Array(string.utf8) }
}
