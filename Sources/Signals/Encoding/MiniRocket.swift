import Foundation

/// Random convolutional kernel features after MiniRocket (Dempster, Schmidt and Webb, "MINIROCKET: a very fast
/// (almost) deterministic transform for time series classification", KDD 2021).
///
/// As in MiniRocket: the 84 kernels of length 9 whose weights are −1 except for three positions of weight 2
/// (all C(9, 3) choices, in lexicographic order; the weights sum to zero, so a constant offset has no effect);
/// exponentially spaced dilations; zero padding on alternate kernel/dilation pairs; biases drawn from
/// quantiles of the convolution output on reference data, the quantiles following the low-discrepancy
/// sequence frac(k·φ); and one feature per (kernel, dilation, bias): the proportion of positive values (PPV) of
/// convolution output minus bias.
///
/// Fixed here: 8 dilations (1, 2, 4, 8, 16, 32, 64, 120 samples; at 100 Hz the kernel spans 80 ms to 9.6 s, from
/// QRS shape to rhythm) × 32 features = 256 features. Feature f uses kernel f mod 84, dilation f / 32, padding
/// when f is even, and the bias at quantile frac((f + 1)·φ) of that convolution over the reference windows.
/// The reference is a fixed set of synthetic ECGs (see `SignalEncoder`): MiniRocket fits its biases on training
/// data, and a fixed reference keeps the encoder deterministic without any training set.
struct MiniRocket: Sendable {
    static let kernelLength = 9
    static let dilations = [1, 2, 4, 8, 16, 32, 64, 120]
    static let featuresPerDilation = 32
    static let featureCount = dilations.count * featuresPerDilation
    static let goldenRatio = (5.0.squareRoot() + 1) / 2

    /// For each of the 84 kernels, the three positions (0–8) of weight 2.
    static let kernels: [[Int]] = {
        var result: [[Int]] = []
        for a in 0..<9 {
            for b in (a + 1)..<9 {
                for c in (b + 1)..<9 { result.append([a, b, c]) }
            }
        }
        return result
    }()

    struct Feature: Sendable {
        var kernel: Int
        var dilation: Int
        var padding: Bool
        var quantile: Double
        var bias: Double
    }

    let features: [Feature]

    static func layout() -> [Feature] {
        (0..<featureCount).map { f in
            let q = (Double(f + 1) * goldenRatio).truncatingRemainder(dividingBy: 1)
            return Feature(
                kernel: f % kernels.count, dilation: dilations[f / featuresPerDilation], padding: f % 2 == 0,
                quantile: q, bias: 0)
        }
    }

    /// Biases fitted on `reference` windows (each already normalised).
    init(reference: [[Double]]) {
        var features = Self.layout()
        let prepared = reference.map(Prepared.init)
        for index in features.indices {
            var outputs: [Double] = []
            for window in prepared {
                outputs.append(contentsOf: window.output(features[index], valid: 0..<window.count))
            }
            features[index].bias = Statistics.selectQuantile(&outputs, features[index].quantile)
        }
        self.features = features
    }

    /// PPV of every feature over one window, counting output positions whose centre lies in `valid`.
    func transform(_ x: [Double], valid: Range<Int>) -> [Double] {
        let window = Prepared(x)
        return features.map { feature in
            let output = window.output(feature, valid: valid)
            guard !output.isEmpty else { return 0 }
            var positive = 0
            for value in output where value > feature.bias { positive += 1 }
            return Double(positive) / Double(output.count)
        }
    }

    /// One window with, for each dilation, its zero-padded copy and the sum of the nine taps at every position,
    /// which all the kernels of that dilation share: output = 3·(the three weight-2 taps) − (all nine taps).
    struct Prepared {
        let count: Int
        /// Per dilation: the window with 4·d zeros on each side (index t + 4d is sample t).
        var padded: [[Double]] = []
        var sums: [[Double]] = []

        init(_ x: [Double]) {
            count = x.count
            for d in MiniRocket.dilations {
                let reach = 4 * d
                var padded = [Double](repeating: 0, count: count + 2 * reach)
                padded.replaceSubrange(reach..<(reach + count), with: x)
                var sum = [Double](repeating: 0, count: count)
                for j in 0..<MiniRocket.kernelLength {
                    let offset = j * d
                    for t in 0..<count { sum[t] += padded[t + offset] }
                }
                self.padded.append(padded)
                sums.append(sum)
            }
        }

        /// A feature's convolution output at the positions whose centre lies in `valid`: all of them with
        /// padding, only those where the kernel fits inside the window without (when it cannot fit anywhere,
        /// padding is used, as MiniRocket does).
        func output(_ feature: Feature, valid: Range<Int>) -> [Double] {
            let d = feature.dilation
            let reach = 4 * d
            var lo = valid.lowerBound
            var hi = min(valid.upperBound, count)
            if !feature.padding && count > 2 * reach {
                lo = max(lo, reach)
                hi = min(hi, count - reach)
            }
            guard lo < hi, let slot = MiniRocket.dilations.firstIndex(of: d) else { return [] }
            let x = padded[slot]
            let sum = sums[slot]
            let heavy = MiniRocket.kernels[feature.kernel]
            let (a, b, c) = (heavy[0] * d, heavy[1] * d, heavy[2] * d)
            var output = [Double](repeating: 0, count: hi - lo)
            for t in lo..<hi { output[t - lo] = 3 * (x[t + a] + x[t + b] + x[t + c]) - sum[t] }
            return output
        }
    }
}
