/// Reads stored sample values out of little-endian sample containers, honouring Bits Stored:
/// the unused high bits are ignored and signed values are sign-extended from Bits Stored.
struct SampleUnpacker {
    let bitsAllocated: Int
    let bitsStored: Int
    let isSigned: Bool

    /// `count` samples starting at sample `first` (bit-granular for 1-bit data).
    func unpack(_ bytes: [UInt8], count: Int, first: Int = 0) -> [Double] {
        unpack(bytes, count: count, first: first) { $0 }
    }

    /// `count` samples starting at sample `first`, each passed through `transform` on the way out.
    ///
    /// One pass from the container bytes to the caller's values (for pixels: the modality LUT to
    /// `Float`), with no intermediate array: a 30-frame colour ultrasound is 7 million samples,
    /// and an extra array of doubles per frame cost more than the decoding. Every stored value is
    /// exact as a `Double` (at most 32 bits), so `transform` sees exactly the stored value.
    @inline(__always)
    func unpack<Value>(_ bytes: [UInt8], count: Int, first: Int = 0, _ transform: (Double) -> Value) -> [Value] {
        precondition(
            first >= 0 && count >= 0 && (first + count) * bitsAllocated <= bytes.count * 8, "samples past the data")
        let mask: UInt32 = bitsStored >= 32 ? .max : (1 << UInt32(bitsStored)) - 1
        let signBit: UInt32 = 1 << UInt32(bitsStored - 1)
        let span = Double(1 << UInt64(bitsStored))
        let signed = isSigned
        @inline(__always) func stored(_ raw: UInt32) -> Double {
            let value = raw & mask
            if signed && value & signBit != 0 { return Double(value) - span }
            return Double(value)
        }
        return [Value](unsafeUninitializedCapacity: count) { output, initialized in
            bytes.withUnsafeBytes { raw in
                switch bitsAllocated {
                case 1:
                    for index in 0..<count {
                        let bit = first + index
                        output[index] = transform(stored(UInt32((raw[bit >> 3] >> UInt8(bit & 7)) & 1)))
                    }
                case 8:
                    for index in 0..<count { output[index] = transform(stored(UInt32(raw[first + index]))) }
                case 16:
                    for index in 0..<count {
                        let word = raw.loadUnaligned(fromByteOffset: (first + index) * 2, as: UInt16.self)
                        output[index] = transform(stored(UInt32(UInt16(littleEndian: word))))
                    }
                default:
                    for index in 0..<count {
                        let word = raw.loadUnaligned(fromByteOffset: (first + index) * 4, as: UInt32.self)
                        output[index] = transform(stored(UInt32(littleEndian: word)))
                    }
                }
            }
            initialized = count
        }
    }
}
