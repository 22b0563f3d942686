import Foundation

/// A small, fast, seedable generator (Steele, Lea and Flood 2014), so that synthetic signals are the same on every
/// machine and Swift version: the standard library's generator is neither seedable nor stable.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1) with 53 random bits; defined here rather than through `Double.random(in:using:)`, whose
    /// algorithm the standard library does not promise to keep.
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Uniform in [low, high).
    public mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * uniform()
    }

    /// Standard normal deviate (Box–Muller; one of the pair is discarded to keep the state simple).
    public mutating func gaussian() -> Double {
        let u1 = max(uniform(), 0x1.0p-60)
        let u2 = uniform()
        return (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2)
    }
}
