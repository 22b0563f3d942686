import Foundation

/// IBSI intensity histogram features (family ZVCW): 23 features of the discretised grey levels
/// 1...Ng inside the region, over the whole volume (aggregation DHQ4).
///
/// Everything is derived from the histogram n(1)...n(Ng), counting levels that no voxel takes:
/// the histogram gradients need those empty bins (the phantom's levels 2 and 5), and working on
/// Ng counts instead of the voxels makes the median and percentiles exact in linear time.
///
/// Conventions: the features describe levels, not intensities (multiply back through the bin
/// width for HU). Ties for the mode go to the level closest to the mean, then to the lower
/// level, as the manual prescribes; ties for the largest or smallest gradient go to the lowest
/// level. With a single grey level (Ng = 1) the gradient is 0 at level 1. A uniform region has
/// skewness, excess kurtosis, coefficient of variation and quartile coefficient of dispersion 0
/// (see `DistributionShape`). A discretised image without a voxel in range (which
/// `Discretisation.apply` never produces) gives NaN for every feature.
public enum IntensityHistogramFeatures {
    /// The 23 features in the manual's order. Voxels outside the mask, or whose level lies
    /// outside 1...levelCount, are not counted.
    public static func compute(_ image: DiscretisedImage) -> [RadiomicsFeature] {
        let counts = histogram(of: image)
        let total = counts.reduce(0, +)
        guard total > 0 else {
            return definitions.map { feature(symbol: $0.symbol, code: $0.code, value: .nan) }
        }
        let values = features(counts: counts, total: total)
        return zip(definitions, values).map { feature(symbol: $0.symbol, code: $0.code, value: $1) }
    }

    private static let definitions: [(symbol: String, code: String)] = [
        ("ih.mean", "X6K6"), ("ih.var", "CH89"), ("ih.skew", "88K1"), ("ih.kurt", "C3I7"),
        ("ih.median", "WIFQ"), ("ih.min", "1PR8"), ("ih.P10", "GPMT"), ("ih.P90", "OZ0C"),
        ("ih.max", "3NCY"), ("ih.mode", "AMMC"), ("ih.iqr", "WR0O"), ("ih.range", "5Z3W"),
        ("ih.mad", "D2ZX"), ("ih.rmad", "WRZB"), ("ih.medad", "4RNL"), ("ih.cov", "CWYJ"),
        ("ih.qcod", "SLWD"), ("ih.entropy", "TLU2"), ("ih.uniformity", "BJ5W"), ("ih.max.grad", "12CE"),
        ("ih.max.grad.gl", "8E6O"), ("ih.min.grad", "VQB3"), ("ih.min.grad.gl", "RHQZ"),
    ]

    private static func feature(symbol: String, code: String, value: Double) -> RadiomicsFeature {
        RadiomicsFeature(family: .intensityHistogram, symbol: symbol, code: code, aggregation: .volume, value: value)
    }

    /// n(i) at index i - 1 for i in 1...Ng.
    static func histogram(of image: DiscretisedImage) -> [Int] {
        let levelCount = Swift.max(image.levelCount, 0)
        var counts = [Int](repeating: 0, count: levelCount)
        let voxels = Swift.min(image.levels.count, image.mask.inside.count)
        counts.withUnsafeMutableBufferPointer { counts in
            image.levels.withUnsafeBufferPointer { levels in
                image.mask.inside.withUnsafeBufferPointer { inside in
                    for index in 0..<voxels where inside[index] {
                        let level = Int(levels[index])
                        if level >= 1, level <= levelCount { counts[level - 1] += 1 }
                    }
                }
            }
        }
        return counts
    }

    /// Values in the order of `definitions`; `total` is the sum of `counts`, at least 1.
    private static func features(counts: [Int], total: Int) -> [Double] {
        let levelCount = counts.count
        let n = Double(total)
        let levels = 1...levelCount
        func probability(_ level: Int) -> Double { Double(counts[level - 1]) / n }

        var mean = 0.0
        for level in levels { mean += Double(level) * probability(level) }
        var variance = 0.0
        var thirdMoment = 0.0
        var fourthMoment = 0.0
        var absoluteDeviation = 0.0
        var entropy = 0.0
        var uniformity = 0.0
        for level in levels where counts[level - 1] > 0 {
            let p = probability(level)
            let deviation = Double(level) - mean
            variance += deviation * deviation * p
            thirdMoment += deviation * deviation * deviation * p
            fourthMoment += deviation * deviation * deviation * deviation * p
            absoluteDeviation += Swift.abs(deviation) * p
            entropy -= p * log2(p)
            uniformity += p * p
        }

        let quantiles = Percentile.ofHistogram([0.10, 0.25, 0.50, 0.75, 0.90], counts: counts, total: total)
        let (p10, p25, median, p75, p90) = (quantiles[0], quantiles[1], quantiles[2], quantiles[3], quantiles[4])
        let minimum = Double(levels.first { counts[$0 - 1] > 0 } ?? 1)
        let maximum = Double(levels.last { counts[$0 - 1] > 0 } ?? levelCount)

        var medianDeviation = 0.0
        var robustCount = 0
        var robustSum = 0.0
        for level in levels where counts[level - 1] > 0 {
            let value = Double(level)
            medianDeviation += Swift.abs(value - median) * probability(level)
            if value >= p10, value <= p90 {
                robustCount += counts[level - 1]
                robustSum += value * Double(counts[level - 1])
            }
        }
        var robustDeviation = 0.0
        if robustCount > 0 {
            let robustMean = robustSum / Double(robustCount)
            for level in levels where counts[level - 1] > 0 && Double(level) >= p10 && Double(level) <= p90 {
                robustDeviation += Swift.abs(Double(level) - robustMean) * Double(counts[level - 1])
            }
            robustDeviation /= Double(robustCount)
        }

        let gradient = histogramGradient(counts)
        var largest = 0
        var smallest = 0
        for index in gradient.indices {
            if gradient[index] > gradient[largest] { largest = index }
            if gradient[index] < gradient[smallest] { smallest = index }
        }

        return [
            mean, variance,
            DistributionShape.skewness(variance: variance, thirdMoment: thirdMoment),
            DistributionShape.excessKurtosis(variance: variance, fourthMoment: fourthMoment),
            median, minimum, p10, p90, maximum,
            Double(mode(counts: counts, mean: mean)),
            p75 - p25, maximum - minimum, absoluteDeviation, robustDeviation, medianDeviation,
            DistributionShape.coefficientOfVariation(variance: variance, mean: mean),
            DistributionShape.quartileCoefficientOfDispersion(p25: p25, p75: p75),
            entropy, uniformity,
            gradient[largest], Double(largest + 1), gradient[smallest], Double(smallest + 1),
        ]
    }

    /// The most frequent level; among equally frequent levels the one closest to the mean, and of
    /// two equidistant ones the lower.
    static func mode(counts: [Int], mean: Double) -> Int {
        let highest = counts.max() ?? 0
        var best = 1
        var bestDistance = Double.infinity
        for index in counts.indices where counts[index] == highest {
            let distance = Swift.abs(Double(index + 1) - mean)
            if distance < bestDistance {
                best = index + 1
                bestDistance = distance
            }
        }
        return best
    }

    /// H'(i): one-sided differences at the two ends, central differences between; all zeros for
    /// a single level.
    static func histogramGradient(_ counts: [Int]) -> [Double] {
        let levelCount = counts.count
        guard levelCount > 1 else { return [Double](repeating: 0, count: Swift.max(levelCount, 1)) }
        return (0..<levelCount).map { index in
            switch index {
            case 0: Double(counts[1] - counts[0])
            case levelCount - 1: Double(counts[index] - counts[index - 1])
            default: Double(counts[index + 1] - counts[index - 1]) / 2
            }
        }
    }
}
