/// IBSI intensity-based statistical features (family UHIW): 18 features of the region's raw
/// intensities, computed over the whole volume (aggregation DHQ4).
///
/// They need no discretisation, so they keep the unit of the image (HU for CT) and are only
/// meaningful when that unit is calibrated. Percentiles, the median and the interquartile range
/// follow `Percentile` (linear interpolation; the phantom's P90 is 4) and are found by exact
/// linear-time selection, so a 26-million-voxel region costs a few passes, not a sort.
///
/// Degenerate regions never trap: a single voxel or a uniform region has variance 0, skewness 0,
/// excess kurtosis 0, coefficient of variation 0 and quartile coefficient of dispersion 0 (see
/// `DistributionShape` for the zero-mean cases).
public enum IntensityStatisticsFeatures {
    /// The 18 features in the manual's order.
    ///
    /// Throws `.mismatchedGrid`, `.emptyRegion`, or `.invalidIntensity` when the region holds a
    /// NaN or an infinity.
    public static func compute(image: IntensityImage, mask: RegionMask) throws(RadiomicsError) -> [RadiomicsFeature] {
        let region = try RegionIntensities(image: image, mask: mask)
        let count = Double(region.count)
        let mean = region.mean

        let moments = region.withBuffers { values, inside in
            CentralMoments(values: values, inside: inside, mean: mean)
        }
        let variance = moments.second / count
        let skewness = DistributionShape.skewness(variance: variance, thirdMoment: moments.third / count)
        let kurtosis = DistributionShape.excessKurtosis(variance: variance, fourthMoment: moments.fourth / count)

        let quantiles = region.percentiles([0.10, 0.25, 0.50, 0.75, 0.90])
        let (p10, p25, median, p75, p90) = (quantiles[0], quantiles[1], quantiles[2], quantiles[3], quantiles[4])
        let deviations = region.withBuffers { values, inside in
            RobustDeviations(values: values, inside: inside, median: median, lower: p10, upper: p90)
        }

        let values: [(symbol: String, code: String, value: Double)] = [
            ("stat.mean", "Q4LE", mean),
            ("stat.var", "ECT3", variance),
            ("stat.skew", "KE2A", skewness),
            ("stat.kurt", "IPH6", kurtosis),
            ("stat.median", "Y12H", median),
            ("stat.min", "1GSF", region.minimum),
            ("stat.P10", "QG58", p10),
            ("stat.P90", "8DWT", p90),
            ("stat.max", "84IY", region.maximum),
            ("stat.iqr", "SALO", p75 - p25),
            ("stat.range", "2OJQ", region.maximum - region.minimum),
            ("stat.mad", "4FUA", moments.absolute / count),
            ("stat.rmad", "1128", deviations.robustMeanAbsolute),
            ("stat.medad", "N72L", deviations.medianAbsolute),
            ("stat.cov", "7TET", DistributionShape.coefficientOfVariation(variance: variance, mean: mean)),
            ("stat.qcod", "9S40", DistributionShape.quartileCoefficientOfDispersion(p25: p25, p75: p75)),
            ("stat.energy", "N8CA", region.sumOfSquares),
            ("stat.rms", "5ZWQ", (region.sumOfSquares / count).squareRoot()),
        ]
        return values.map {
            RadiomicsFeature(
                family: .intensityStatistics, symbol: $0.symbol, code: $0.code, aggregation: .volume, value: $0.value)
        }
    }
}

/// Sums of (x - μ)², (x - μ)³, (x - μ)⁴ and |x - μ| over a region, in one pass about a mean
/// already known (the two-pass form, which stays accurate where Σx² - Nμ² would cancel).
private struct CentralMoments {
    var second = 0.0
    var third = 0.0
    var fourth = 0.0
    var absolute = 0.0

    init(values: UnsafeBufferPointer<Float>, inside: UnsafeBufferPointer<Bool>, mean: Double) {
        for index in 0..<values.count where inside[index] {
            let deviation = Double(values[index]) - mean
            let square = deviation * deviation
            second += square
            third += square * deviation
            fourth += square * square
            absolute += Swift.abs(deviation)
        }
    }
}

/// The median absolute deviation, and the mean absolute deviation of the voxels between P10 and
/// P90 about their own mean.
private struct RobustDeviations {
    var medianAbsolute = 0.0
    var robustMeanAbsolute = 0.0

    init(
        values: UnsafeBufferPointer<Float>, inside: UnsafeBufferPointer<Bool>, median: Double, lower: Double,
        upper: Double
    ) {
        var count = 0
        var robustCount = 0
        var robustSum = 0.0
        for index in 0..<values.count where inside[index] {
            let value = Double(values[index])
            count += 1
            medianAbsolute += Swift.abs(value - median)
            if value >= lower, value <= upper {
                robustCount += 1
                robustSum += value
            }
        }
        medianAbsolute /= Double(Swift.max(count, 1))
        // P10 and P90 lie between the minimum and the maximum, so at least the voxels at those
        // ranks fall in between; the guard only protects against an empty region.
        guard robustCount > 0 else { return }
        let robustMean = robustSum / Double(robustCount)
        for index in 0..<values.count where inside[index] {
            let value = Double(values[index])
            if value >= lower, value <= upper { robustMeanAbsolute += Swift.abs(value - robustMean) }
        }
        robustMeanAbsolute /= Double(robustCount)
    }
}
