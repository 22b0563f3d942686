import Foundation

/// Changes the sampling rate by band-limited interpolation with a Kaiser-windowed sinc (J. O. Smith's
/// "bandlimited interpolation"), for any ratio of rates, so recordings at 128, 250, 257, 360 or 1000 Hz are
/// analysed at one rate with the same filters and thresholds.
///
/// Each output sample at input position t = n · inRate / outRate is Σᵢ x[i] · h(t − i), where h is a low-pass
/// sinc at `cutoffFraction` of the lower of the two Nyquist frequencies (so downsampling does not alias),
/// windowed by a Kaiser window of β = `kaiserBeta` spanning ±`zeroCrossings` of the sinc, and normalised so the
/// weights of every output sample sum to 1 (constants pass exactly). The kernel is tabulated at
/// `tableDensity` points per zero crossing and interpolated linearly. When both rates are whole numbers of
/// hertz (L/M in lowest terms), the output positions cycle through L fractional phases and the weights of each
/// phase are computed once: a polyphase filter bank. Samples beyond the ends repeat the end values.
public enum Resampler {
    public static let zeroCrossings = 16
    public static let kaiserBeta = 8.0
    public static let cutoffFraction = 0.92
    static let tableDensity = 512

    /// The window-sinc kernel sampled on [0, zeroCrossings] in units of the sinc's zero crossings.
    static let table: [Double] = {
        let count = zeroCrossings * tableDensity + 2
        let denominator = besselI0(kaiserBeta)
        return (0..<count).map { k in
            let u = Double(k) / Double(tableDensity)
            let r = u / Double(zeroCrossings)
            let window = r >= 1 ? 0 : besselI0(kaiserBeta * (1 - r * r).squareRoot()) / denominator
            let sinc = u == 0 ? 1 : sin(Double.pi * u) / (Double.pi * u)
            return sinc * window
        }
    }()

    /// The signal at `outRate`; its length is round(count · outRate / inRate).
    public static func resample(_ input: [Double], from inRate: Double, to outRate: Double) -> [Double] {
        guard inRate > 0, outRate > 0, !input.isEmpty else { return [] }
        if abs(inRate - outRate) < 1e-9 * inRate { return input }
        let ratio = outRate / inRate
        let outCount = max(1, Int((Double(input.count) * ratio).rounded()))
        // Sinc cutoff in input samples: fc = 1 means the input's Nyquist frequency.
        let fc = cutoffFraction * min(1, ratio)
        let reach = Int((Double(zeroCrossings) / fc).rounded(.down)) + 1
        let taps = 2 * reach
        let last = input.count - 1
        var output = [Double](repeating: 0, count: outCount)

        // Output n sits at input position n·M/L. With integer rates the fractional part cycles through L
        // phases, so each phase's weights are computed once (a polyphase filter bank); otherwise per sample.
        let (upsample, downsample) = integerRatio(inRate, outRate) ?? (0, 0)
        let phases = upsample > 0 && upsample <= 4096 ? upsample : 0
        var bank: [Double] = []
        if phases > 0 {
            bank.reserveCapacity(phases * taps)
            for phase in 0..<phases { bank += weights(fraction: Double(phase) / Double(phases), fc: fc, reach: reach) }
        }
        input.withUnsafeBufferPointer { x in
            // Taps cover input samples base − reach + 1 ... base + reach.
            func dot(_ w: UnsafeBufferPointer<Double>, _ base: Int) -> Double {
                let first = base - reach + 1
                var sum = 0.0
                if first >= 0 && first + taps - 1 <= last {
                    for k in 0..<taps { sum += w[k] * x[first + k] }
                } else {
                    for k in 0..<taps { sum += w[k] * x[min(max(first + k, 0), last)] }
                }
                return sum
            }
            bank.withUnsafeBufferPointer { bank in
                for n in 0..<outCount {
                    if phases > 0 {
                        let position = n * downsample
                        let base = position / phases
                        let phase = position - base * phases
                        output[n] = dot(
                            UnsafeBufferPointer(rebasing: bank[(phase * taps)..<((phase + 1) * taps)]), base)
                    } else {
                        let t = Double(n) / ratio
                        let base = Int(t.rounded(.down))
                        let w = weights(fraction: t - Double(base), fc: fc, reach: reach)
                        output[n] = w.withUnsafeBufferPointer { dot($0, base) }
                    }
                }
            }
        }
        return output
    }

    /// L and M with outRate / inRate = L / M when both rates are whole numbers of hertz.
    static func integerRatio(_ inRate: Double, _ outRate: Double) -> (Int, Int)? {
        guard inRate == inRate.rounded(), outRate == outRate.rounded(), inRate < 1e7, outRate < 1e7 else { return nil }
        var a = Int(inRate)
        var b = Int(outRate)
        while b != 0 { (a, b) = (b, a % b) }
        return (Int(outRate) / a, Int(inRate) / a)
    }

    /// The normalised kernel weights for an output `fraction` of a sample after input sample `base`, for the
    /// taps base − reach + 1 ... base + reach.
    static func weights(fraction: Double, fc: Double, reach: Int) -> [Double] {
        let density = Double(tableDensity)
        var w = [Double](repeating: 0, count: 2 * reach)
        var total = 0.0
        table.withUnsafeBufferPointer { kernel in
            for k in 0..<(2 * reach) {
                let distance = Double(k - reach + 1) - fraction
                let position = (distance < 0 ? -distance : distance) * fc * density
                let index = Int(position)
                guard index + 1 < kernel.count else { continue }
                let h = kernel[index] + (position - Double(index)) * (kernel[index + 1] - kernel[index])
                w[k] = h
                total += h
            }
        }
        if total != 0 { for k in w.indices { w[k] /= total } }
        return w
    }

    /// Modified Bessel function of the first kind, order zero (power series; converges fast for β ≤ 20).
    static func besselI0(_ x: Double) -> Double {
        var sum = 1.0
        var term = 1.0
        let quarter = x * x / 4
        for k in 1..<60 {
            term *= quarter / Double(k * k)
            sum += term
            if term < 1e-17 * sum { break }
        }
        return sum
    }
}
