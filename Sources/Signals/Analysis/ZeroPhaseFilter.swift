import Foundation

/// One second-order IIR section, `y = (b0 + b1 z⁻¹ + b2 z⁻²) / (1 + a1 z⁻¹ + a2 z⁻²) x`, normalised so a0 = 1.
/// First-order sections are biquads with `b2 = a2 = 0`.
public struct Biquad: Sendable, Equatable {
    public var b0, b1, b2, a1, a2: Double

    public init(b0: Double, b1: Double, b2: Double, a1: Double, a2: Double) {
        (self.b0, self.b1, self.b2, self.a1, self.a2) = (b0, b1, b2, a1, a2)
    }

    /// The gain at 0 Hz, used to start a section in its steady state.
    var dcGain: Double {
        let denominator = 1 + a1 + a2
        return abs(denominator) < 1e-300 ? 0 : (b0 + b1 + b2) / denominator
    }

    /// |H(f)| at `frequency` for a section running at `samplingRate`.
    public func magnitude(at frequency: Double, samplingRate: Double) -> Double {
        let w = 2 * Double.pi * frequency / samplingRate
        func evaluate(_ c0: Double, _ c1: Double, _ c2: Double) -> (Double, Double) {
            (c0 + c1 * cos(w) + c2 * cos(2 * w), -(c1 * sin(w) + c2 * sin(2 * w)))
        }
        let (nr, ni) = evaluate(b0, b1, b2)
        let (dr, di) = evaluate(1, a1, a2)
        return ((nr * nr + ni * ni) / max(dr * dr + di * di, 1e-300)).squareRoot()
    }
}

/// A cascade of second-order sections, run causally or forward-backward.
///
/// Forward-backward ("filtfilt") filtering is used throughout the analysis because it has zero phase: a wave's
/// peak and its onset and end stay where they are, so R-peak times, QRS onset and T end need no delay
/// compensation. The magnitude response is squared (the attenuation in dB doubles).
public struct SectionCascade: Sendable, Equatable {
    public var sections: [Biquad]

    public init(_ sections: [Biquad]) {
        self.sections = sections
    }

    /// A cascade of this one followed by `other`.
    public func then(_ other: SectionCascade) -> SectionCascade {
        SectionCascade(sections + other.sections)
    }

    /// |H(f)| of one (causal) pass.
    public func magnitude(at frequency: Double, samplingRate: Double) -> Double {
        sections.reduce(1) { $0 * $1.magnitude(at: frequency, samplingRate: samplingRate) }
    }

    /// One causal pass, each section started in the steady state it would have reached had the signal stayed at
    /// its first value forever (as SciPy's `lfilter_zi`), so a step at the start does not ring.
    public func apply(_ input: [Double]) -> [Double] {
        var signal = input
        guard let first = signal.first else { return signal }
        var level = first
        for section in sections {
            let gain = section.dcGain
            // Direct form II transposed with states (s1, s2) set for a constant input `level`.
            var s2 = (section.b2 - section.a2 * gain) * level
            var s1 = (section.b1 - section.a1 * gain) * level + s2
            let (b0, b1, b2, a1, a2) = (section.b0, section.b1, section.b2, section.a1, section.a2)
            signal.withUnsafeMutableBufferPointer { buffer in
                for i in 0..<buffer.count {
                    let x = buffer[i]
                    let y = b0 * x + s1
                    s1 = b1 * x - a1 * y + s2
                    s2 = b2 * x - a2 * y
                    buffer[i] = y
                }
            }
            level *= gain
        }
        return signal
    }

    /// Zero-phase filtering: forward, then backward, over the signal extended at both ends by `padding` samples of
    /// odd reflection (2·x[0] − x[k]), which keeps the level and the slope continuous at the edges so the slowest
    /// section has settled before the real samples start. The padding is cut to the signal length minus one.
    public func applyForwardBackward(_ input: [Double], padding: Int) -> [Double] {
        let count = input.count
        guard count > 1 else { return input }
        let pad = max(0, min(padding, count - 1))
        var extended = [Double]()
        extended.reserveCapacity(count + 2 * pad)
        let first = input[0]
        let last = input[count - 1]
        if pad > 0 {
            for k in stride(from: pad, through: 1, by: -1) { extended.append(2 * first - input[k]) }
        }
        extended.append(contentsOf: input)
        if pad > 0 {
            for k in 1...pad { extended.append(2 * last - input[count - 1 - k]) }
        }
        var forward = apply(extended)
        forward.reverse()
        var backward = apply(forward)
        backward.reverse()
        return Array(backward[pad..<(pad + count)])
    }
}
