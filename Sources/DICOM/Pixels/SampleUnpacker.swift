/// Reads stored sample values out of little-endian sample containers, honouring Bits Stored:
/// the unused high bits are ignored and signed values are sign-extended from Bits Stored.
struct SampleUnpacker {
    let bitsAllocated: Int
    let bitsStored: Int
    let isSigned: Bool

    /// `count` samples starting at sample `first` (bit-granular for 1-bit data).
    func unpack(_ bytes: [UInt8], count: Int, first: Int = 0) -> [Double] {
        var output = [Double](repeating: 0, count: count)
        let mask: UInt64 = bitsStored >= 64 ? .max : (1 << UInt64(bitsStored)) - 1
        let signBit: UInt64 = 1 << UInt64(bitsStored - 1)
        let span = Double(1 << UInt64(bitsStored))
        let signed = isSigned
        @inline(__always) func value(_ raw: UInt64) -> Double {
            let stored = raw & mask
            if signed && stored & signBit != 0 { return Double(stored) - span }
            return Double(stored)
        }
        bytes.withUnsafeBufferPointer { buffer in
            switch bitsAllocated {
            case 1:
                for index in 0..<count {
                    let bit = first + index
                    output[index] = value(UInt64((buffer[bit >> 3] >> UInt8(bit & 7)) & 1))
                }
            case 8:
                for index in 0..<count { output[index] = value(UInt64(buffer[first + index])) }
            case 16:
                for index in 0..<count {
                    let at = (first + index) * 2
                    output[index] = value(UInt64(buffer[at]) | UInt64(buffer[at + 1]) << 8)
                }
            default:
                for index in 0..<count {
                    let at = (first + index) * 4
                    let raw =
                        UInt64(buffer[at]) | UInt64(buffer[at + 1]) << 8 | UInt64(buffer[at + 2]) << 16
                        | UInt64(buffer[at + 3]) << 24
                    output[index] = value(raw)
                }
            }
        }
        return output
    }
}
