import Foundation

/// Digital Butterworth filters as cascades of second-order sections, by the bilinear transform with the cutoff
/// pre-warped (the "Audio EQ Cookbook" forms of R. Bristow-Johnson, with each section's Q taken from the poles of
/// the analog Butterworth prototype). Butterworth because its pass band is maximally flat: ECG amplitudes in the
/// pass band are not changed.
public enum Butterworth {
    /// Low-pass of `order` (any order ≥ 1) with its −3 dB point at `cutoff` Hz.
    public static func lowPass(order: Int, cutoff: Double, samplingRate: Double) -> SectionCascade {
        design(order: order, cutoff: cutoff, samplingRate: samplingRate, highPass: false)
    }

    /// High-pass of `order` (any order ≥ 1) with its −3 dB point at `cutoff` Hz.
    public static func highPass(order: Int, cutoff: Double, samplingRate: Double) -> SectionCascade {
        design(order: order, cutoff: cutoff, samplingRate: samplingRate, highPass: true)
    }

    /// Band-pass as a high-pass at `low` followed by a low-pass at `high`, each of `order`. Used forward-backward,
    /// the effective order doubles and the −3 dB points become −6 dB points.
    public static func bandPass(order: Int, low: Double, high: Double, samplingRate: Double) -> SectionCascade {
        highPass(order: order, cutoff: low, samplingRate: samplingRate)
            .then(lowPass(order: order, cutoff: min(high, 0.49 * samplingRate), samplingRate: samplingRate))
    }

    /// A notch (band-stop) section at `frequency` with quality factor `q` (centre frequency over −3 dB width).
    public static func notch(frequency: Double, q: Double, samplingRate: Double) -> SectionCascade {
        let w0 = 2 * Double.pi * frequency / samplingRate
        let alpha = sin(w0) / (2 * q)
        let a0 = 1 + alpha
        return SectionCascade([
            Biquad(b0: 1 / a0, b1: -2 * cos(w0) / a0, b2: 1 / a0, a1: -2 * cos(w0) / a0, a2: (1 - alpha) / a0)
        ])
    }

    private static func design(order: Int, cutoff: Double, samplingRate: Double, highPass: Bool) -> SectionCascade {
        precondition(order >= 1 && cutoff > 0 && cutoff < samplingRate / 2, "Butterworth: bad order or cutoff")
        var sections: [Biquad] = []
        let w0 = 2 * Double.pi * cutoff / samplingRate
        let cosW = cos(w0)
        for k in 1...(order / 2) {
            // Poles of the prototype in conjugate pairs; each pair is one section with this Q.
            let q = 1 / (2 * sin(Double(2 * k - 1) * Double.pi / Double(2 * order)))
            let alpha = sin(w0) / (2 * q)
            let a0 = 1 + alpha
            let (b0, b1): (Double, Double) = highPass ? ((1 + cosW) / 2, -(1 + cosW)) : ((1 - cosW) / 2, 1 - cosW)
            sections.append(Biquad(b0: b0 / a0, b1: b1 / a0, b2: b0 / a0, a1: -2 * cosW / a0, a2: (1 - alpha) / a0))
        }
        if order % 2 == 1 {
            // The real pole: a first-order section.
            let k = tan(w0 / 2)
            let a1 = (k - 1) / (k + 1)
            sections.append(
                highPass
                    ? Biquad(b0: 1 / (1 + k), b1: -1 / (1 + k), b2: 0, a1: a1, a2: 0)
                    : Biquad(b0: k / (1 + k), b1: k / (1 + k), b2: 0, a1: a1, a2: 0))
        }
        return SectionCascade(sections)
    }
}
