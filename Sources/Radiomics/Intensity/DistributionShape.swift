/// Ratios shared by the intensity-statistics and intensity-histogram families, with one
/// convention for the cases where their denominators vanish, so that no feature is ever a
/// division by zero.
///
/// - Skewness and excess kurtosis are 0 when the variance is 0, as the IBSI manual prescribes for
///   a uniform region (and a single voxel).
/// - The coefficient of variation is 0 when the standard deviation is 0 and NaN (undefined, not
///   ±infinity) when only the mean is 0.
/// - The quartile coefficient of dispersion is 0 when P75 = P25 and NaN when only P75 + P25 is 0.
enum DistributionShape {
    /// m3 / m2^(3/2) from central moments.
    static func skewness(variance: Double, thirdMoment: Double) -> Double {
        variance > 0 ? thirdMoment / (variance * variance.squareRoot()) : 0
    }

    /// m4 / m2² - 3 from central moments.
    static func excessKurtosis(variance: Double, fourthMoment: Double) -> Double {
        variance > 0 ? fourthMoment / (variance * variance) - 3 : 0
    }

    /// σ / μ.
    static func coefficientOfVariation(variance: Double, mean: Double) -> Double {
        guard variance > 0 else { return 0 }
        return mean == 0 ? .nan : variance.squareRoot() / mean
    }

    /// (P75 - P25) / (P75 + P25).
    static func quartileCoefficientOfDispersion(p25: Double, p75: Double) -> Double {
        guard p75 != p25 else { return 0 }
        return p75 + p25 == 0 ? .nan : (p75 - p25) / (p75 + p25)
    }
}
