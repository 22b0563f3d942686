/// The storage formats of WFDB signal files (PhysioNet's "signal(5)"), with the bit layouts this
/// reader decodes. Each case knows how many bytes a run of samples takes, so that readers can
/// compare a header's sample count with a file's size before they read anything.
enum WFDBSampleFormat: Int, Sendable, CaseIterable {
    /// No file: every sample is missing.
    case null = 0
    /// Each sample is an 8-bit two's-complement difference from the previous one of its signal.
    case difference8 = 8
    /// 16-bit two's complement, little-endian.
    case int16 = 16
    /// 24-bit two's complement, little-endian.
    case int24 = 24
    /// 32-bit two's complement, little-endian.
    case int32 = 32
    /// 16-bit two's complement, big-endian.
    case bigEndian16 = 61
    /// 8-bit offset binary (the stored byte minus 128).
    case offset8 = 80
    /// 16-bit offset binary, little-endian (the stored word minus 32 768).
    case offset16 = 160
    /// Two 12-bit samples in three bytes: the first from byte 0 and the low nibble of byte 1, the
    /// second from byte 2 and the high nibble of byte 1.
    case packed212 = 212
    /// Three 10-bit samples in two little-endian 16-bit words: bits 1-10 of each word hold the
    /// first and second sample; bits 11-15 of the first and second word hold the low and high five
    /// bits of the third.
    case packed310 = 310
    /// Three 10-bit samples in one little-endian 32-bit word, at bits 0-9, 10-19 and 20-29.
    case packed311 = 311

    /// The format a header's number names, or an error saying why it cannot be read.
    static func named(_ code: Int, source: String, line: Int) throws(SignalError) -> WFDBSampleFormat {
        if let format = WFDBSampleFormat(rawValue: code) { return format }
        if [508, 516, 524].contains(code) {
            throw SignalError(
                source,
                "line \(line): signal format \(code) (FLAC-compressed) is not supported; "
                    + "convert the record to format 16 or 212 (e.g. with WFDB's xform) to read it")
        }
        throw SignalError(
            source,
            "line \(line): unknown signal format \(code); supported formats are "
                + Self.allCases.map { String($0.rawValue) }.joined(separator: ", "))
    }

    /// The ADC resolution a header means when it leaves the field out or writes 0.
    var defaultResolution: Int {
        switch self {
        case .null: 12
        case .difference8, .offset8: 8
        case .int16, .bigEndian16, .offset16: 16
        case .int24: 24
        case .int32: 32
        case .packed212: 12
        case .packed310, .packed311: 10
        }
    }

    /// The stored value that marks a sample as invalid (WFDB's "WFDB_INVALID_SAMPLE" in each
    /// format's range); format 8 has none because it stores differences.
    var invalidSample: Int32? {
        switch self {
        case .null: Int32.min
        case .difference8: nil
        case .offset8: -128
        case .int16, .bigEndian16, .offset16: -32_768
        case .int24: -8_388_608
        case .int32: Int32.min
        case .packed212: -2048
        case .packed310, .packed311: -512
        }
    }

    /// The digital value a reader stores for a sample the file does not have (a skewed signal's
    /// tail, a null signal): the invalid value, or Int32.min for format 8.
    var missingSample: Int32 { invalidSample ?? Int32.min }

    /// The smallest and largest value a sample can hold.
    var range: ClosedRange<Int64> {
        switch self {
        case .null, .int32, .difference8: Int64(Int32.min)...Int64(Int32.max)
        case .offset8: -128...127
        case .int16, .bigEndian16, .offset16: -32_768...32_767
        case .int24: -8_388_608...8_388_607
        case .packed212: -2048...2047
        case .packed310, .packed311: -512...511
        }
    }

    /// Samples in a block that starts on a byte boundary, and the bytes of that block.
    private var block: (samples: Int, bytes: Int) {
        switch self {
        case .null: (1, 0)
        case .difference8, .offset8: (1, 1)
        case .int16, .bigEndian16, .offset16: (1, 2)
        case .int24: (1, 3)
        case .int32: (1, 4)
        case .packed212: (2, 3)
        case .packed310, .packed311: (3, 4)
        }
    }

    /// Bytes that hold the first `samples` samples of a file (a partial last block takes only the
    /// bytes its samples touch, as the WFDB library writes it). Nil on overflow.
    func bytes(forSamples samples: Int) -> Int? {
        let (perBlock, blockBytes) = block
        let (blocks, overflow) = (samples / perBlock).multipliedReportingOverflow(by: blockBytes)
        guard !overflow, samples >= 0 else { return nil }
        let rest = samples % perBlock
        let extra: Int
        switch (self, rest) {
        case (_, 0): extra = 0
        case (.packed212, _): extra = 2
        case (.packed310, 1): extra = 2
        case (.packed310, _): extra = 4
        case (.packed311, 1): extra = 2
        case (.packed311, _): extra = 3
        default: extra = 0
        }
        let (total, overflow2) = blocks.addingReportingOverflow(extra)
        return overflow2 ? nil : total
    }

    /// Whole samples held by `bytes` bytes (the inverse of `bytes(forSamples:)`).
    func samples(inBytes bytes: Int) -> Int {
        let (perBlock, blockBytes) = block
        guard blockBytes > 0, bytes > 0 else { return 0 }
        let whole = (bytes / blockBytes) * perBlock
        let rest = bytes % blockBytes
        switch (self, rest) {
        case (.packed212, 2): return whole + 1
        case (.packed310, 2), (.packed310, 3): return whole + 1
        case (.packed311, 2): return whole + 1
        case (.packed311, 3): return whole + 2
        default: return whole
        }
    }

    /// Samples per aligned block: a decode that starts at a multiple of this starts on a byte.
    static let alignment = 6

    /// Decodes `out.count` samples that start at sample `first` (a multiple of `alignment`) from
    /// `bytes`, the file's bytes from the first sample on. The caller guarantees that `bytes` holds
    /// `bytes(forSamples: first + out.count)` bytes. Format 8 yields the raw differences.
    func decode(_ bytes: UnsafeBufferPointer<UInt8>, first: Int, into out: UnsafeMutableBufferPointer<Int32>) {
        let count = out.count
        guard count > 0 else { return }
        guard first % Self.alignment == 0, let start = self.bytes(forSamples: first),
            let end = self.bytes(forSamples: first + count), end <= bytes.count
        else {
            // A caller error; never read past the buffer.
            for i in 0..<count { out[i] = missingSample }
            return
        }
        let b = UnsafeBufferPointer(rebasing: bytes[start..<end])
        switch self {
        case .null:
            for i in 0..<count { out[i] = Int32.min }
        case .difference8:
            for i in 0..<count { out[i] = Int32(Int8(bitPattern: b[i])) }
        case .offset8:
            for i in 0..<count { out[i] = Int32(b[i]) - 128 }
        case .int16:
            for i in 0..<count {
                out[i] = Int32(Int16(bitPattern: UInt16(b[2 * i]) | UInt16(b[2 * i + 1]) << 8))
            }
        case .bigEndian16:
            for i in 0..<count {
                out[i] = Int32(Int16(bitPattern: UInt16(b[2 * i]) << 8 | UInt16(b[2 * i + 1])))
            }
        case .offset16:
            for i in 0..<count { out[i] = Int32(UInt16(b[2 * i]) | UInt16(b[2 * i + 1]) << 8) - 32_768 }
        case .int24:
            for i in 0..<count {
                let raw = UInt32(b[3 * i]) | UInt32(b[3 * i + 1]) << 8 | UInt32(b[3 * i + 2]) << 16
                out[i] = Int32(bitPattern: raw << 8) >> 8
            }
        case .int32:
            for i in 0..<count {
                let raw =
                    UInt32(b[4 * i]) | UInt32(b[4 * i + 1]) << 8 | UInt32(b[4 * i + 2]) << 16
                    | UInt32(b[4 * i + 3]) << 24
                out[i] = Int32(bitPattern: raw)
            }
        case .packed212:
            for i in 0..<count {
                let at = (i / 2) * 3
                let raw: UInt32 =
                    i % 2 == 0
                    ? UInt32(b[at]) | UInt32(b[at + 1] & 0x0F) << 8
                    : UInt32(b[at + 2]) | UInt32(b[at + 1] & 0xF0) << 4
                out[i] = Self.signExtend(raw, bits: 12)
            }
        case .packed310:
            for i in 0..<count {
                let at = (i / 3) * 4
                let word0 = UInt32(b[at]) | UInt32(b[at + 1]) << 8
                let raw: UInt32
                switch i % 3 {
                case 0: raw = (word0 >> 1) & 0x3FF
                case 1: raw = ((UInt32(b[at + 2]) | UInt32(b[at + 3]) << 8) >> 1) & 0x3FF
                default: raw = (word0 >> 11) & 0x1F | ((UInt32(b[at + 3]) >> 3) & 0x1F) << 5
                }
                out[i] = Self.signExtend(raw, bits: 10)
            }
        case .packed311:
            for i in 0..<count {
                let at = (i / 3) * 4
                let raw: UInt32
                switch i % 3 {
                case 0: raw = UInt32(b[at]) | UInt32(b[at + 1] & 0x03) << 8
                case 1: raw = UInt32(b[at + 1]) >> 2 | UInt32(b[at + 2] & 0x0F) << 6
                default: raw = UInt32(b[at + 2]) >> 4 | UInt32(b[at + 3] & 0x3F) << 4
                }
                out[i] = Self.signExtend(raw, bits: 10)
            }
        }
    }

    private static func signExtend(_ raw: UInt32, bits: Int) -> Int32 {
        let shift = UInt32(32 - bits)
        return Int32(bitPattern: raw << shift) >> Int32(shift)
    }
}
