/// Otsu's threshold: the split of a histogram into two classes with the largest between-class
/// variance ω0 ω1 (μ0 - μ1)².
///
/// It separates an image's dark background from its foreground without a calibrated unit, which is
/// what an MR or ultrasound image needs where a CT can use a fixed HU threshold.
public enum OtsuThreshold {
    /// The last bin of the lower class, or nil when fewer than two bins hold anything (nothing to
    /// separate).
    ///
    /// Where several splits score the same (the empty bins between two well separated
    /// populations), the middle one of the first such run is taken, so the threshold sits in the
    /// middle of the gap rather than against one population.
    public static func splitBin(histogram counts: [Int]) -> Int? {
        guard counts.lazy.filter({ $0 > 0 }).count >= 2 else { return nil }
        var total = 0.0
        var weightedTotal = 0.0
        for (bin, count) in counts.enumerated() {
            total += Double(count)
            weightedTotal += Double(bin) * Double(count)
        }
        var lowerWeight = 0.0
        var lowerWeighted = 0.0
        var best = -Double.infinity
        var firstBest = 0
        var lastBest = 0
        var inBestRun = false
        for bin in 0..<(counts.count - 1) {
            lowerWeight += Double(counts[bin])
            lowerWeighted += Double(bin) * Double(counts[bin])
            let upperWeight = total - lowerWeight
            guard lowerWeight > 0, upperWeight > 0 else {
                inBestRun = false
                continue
            }
            let difference = lowerWeighted / lowerWeight - (weightedTotal - lowerWeighted) / upperWeight
            let score = lowerWeight * upperWeight * difference * difference
            if score > best * (1 + 1e-12) {
                best = score
                firstBest = bin
                lastBest = bin
                inBestRun = true
            } else if inBestRun, score >= best * (1 - 1e-12) {
                lastBest = bin
            } else {
                inBestRun = false
            }
        }
        return (firstBest + lastBest) / 2
    }

    /// The Otsu threshold of the finite values of `values`, over `binCount` equal bins between
    /// their minimum and maximum: values above it are foreground. Nil when there are fewer than
    /// two distinct values.
    public static func threshold(_ values: [Float], binCount: Int = 256) -> Float? {
        var minimum = Float.infinity
        var maximum = -Float.infinity
        for value in values where value.isFinite {
            minimum = Swift.min(minimum, value)
            maximum = Swift.max(maximum, value)
        }
        guard minimum < maximum, binCount >= 2 else { return nil }
        let lower = Double(minimum)
        let width = (Double(maximum) - lower) / Double(binCount)
        var counts = [Int](repeating: 0, count: binCount)
        counts.withUnsafeMutableBufferPointer { counts in
            values.withUnsafeBufferPointer { values in
                for value in values where value.isFinite {
                    counts[Swift.min(Int((Double(value) - lower) / width), binCount - 1)] += 1
                }
            }
        }
        guard let split = splitBin(histogram: counts) else { return nil }
        return Float(lower + Double(split + 1) * width)
    }
}
