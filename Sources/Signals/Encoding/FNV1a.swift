/// FNV-1a, 64-bit (Fowler, Noll, Vo): a short, stable, dependency-free hash for fingerprinting the encoder's
/// parameters. Not a cryptographic hash; it only has to change when the parameters change.
enum FNV1a {
    static func hash64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// 16 lower-case hex digits.
    static func hex(_ text: String) -> String {
        let value = String(hash64(text), radix: 16)
        return String(repeating: "0", count: 16 - value.count) + value
    }
}
