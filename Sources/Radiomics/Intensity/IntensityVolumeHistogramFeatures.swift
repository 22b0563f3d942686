/// IBSI intensity-volume histogram features (family P88C): volume fractions at intensity
/// fractions and intensities at volume fractions, over the whole volume (aggregation DHQ4).
///
/// The IVH is evaluated at the discrete intensities i(k) = i(0) + k·w, k = 0...K, that
/// `IntensityVolumeHistogramSettings` defines. For each, ν(k) is the fraction of the region's
/// voxels whose (discretised) intensity is at least i(k), and γ(k) = k / K the intensity
/// fraction of i(k) within the total range, intensities absent from the region included. One
/// counting pass over the region, then suffix sums over the K + 1 points.
///
/// - V_x is the largest ν with γ ≥ x, i.e. ν at the first k with γ(k) ≥ x.
/// - I_x is the smallest i(k) with ν(k) ≤ x; when even the highest point holds more than x of the
///   volume, the next point above the range, i(K) + w, as MIRP does.
/// - A range of a single point (a uniform region, K = 0) has γ = 1 there: V10 = V90 = ν(0), and
///   I10 = I90 = i(0) + w.
///
/// The area under the IVH curve has no reference value and the manual says not to use it, so it
/// is not computed.
public enum IntensityVolumeHistogramFeatures {
    /// The six features with reference values: V10, V90, I10, I90, V10 - V90, I10 - I90.
    ///
    /// Throws `.mismatchedGrid`, `.emptyRegion`, `.invalidIntensity` for a non-finite intensity,
    /// and `.invalidSetting` for a non-positive or non-finite width, a bin count below 1, a
    /// non-finite range, or more than 2^24 evaluation points.
    public static func compute(
        image: IntensityImage, mask: RegionMask, settings: IntensityVolumeHistogramSettings
    ) throws(RadiomicsError) -> [RadiomicsFeature] {
        let region = try RegionIntensities(image: image, mask: mask)
        let curve = try IntensityVolumeCurve(region: region, settings: settings)
        let v10 = curve.volumeFraction(atIntensityPercent: 10)
        let v90 = curve.volumeFraction(atIntensityPercent: 90)
        let i10 = curve.intensity(atVolumePercent: 10)
        let i90 = curve.intensity(atVolumePercent: 90)
        let values: [(symbol: String, code: String, value: Double)] = [
            ("ivh.V10", "BC2M", v10),
            ("ivh.V90", "BC2M", v90),
            ("ivh.I10", "GBPN", i10),
            ("ivh.I90", "GBPN", i90),
            ("ivh.V10minusV90", "DDTU", v10 - v90),
            ("ivh.I10minusI90", "CNV2", i10 - i90),
        ]
        return values.map {
            RadiomicsFeature(
                family: .intensityVolumeHistogram, symbol: $0.symbol, code: $0.code, aggregation: .volume,
                value: $0.value)
        }
    }
}

/// The cumulative intensity-volume histogram of one region: ν at each evaluated intensity.
struct IntensityVolumeCurve {
    /// The intensity of point 0 and the spacing w between points.
    let firstIntensity: Double
    let interval: Double
    /// atLeast[k]: voxels whose discretised intensity is at least point k's, k = 0...K.
    let atLeast: [Int]
    /// Nv, including voxels below the range (which count at no point).
    let total: Int

    static let maximumPointCount = 1 << 24

    init(region: RegionIntensities, settings: IntensityVolumeHistogramSettings) throws(RadiomicsError) {
        if let range = settings.range, !(range.lowerBound.isFinite && range.upperBound.isFinite) {
            throw RadiomicsError(.invalidSetting, "the intensity-volume histogram range must be finite")
        }
        let lower = settings.range?.lowerBound ?? region.minimum
        let upper = settings.range?.upperBound ?? region.maximum
        let mapping: PointMapping
        switch settings.binning {
        case .calibrated(let interval):
            guard interval > 0, interval.isFinite else {
                throw RadiomicsError(.invalidSetting, "the IVH interval must be a positive number, not \(interval)")
            }
            let steps = ((upper - lower) / interval + PointMapping.tolerance).rounded(.down)
            guard steps < Double(Self.maximumPointCount) else { throw Self.tooManyPoints(steps + 1) }
            mapping = .calibrated(lower: lower, interval: interval, last: Swift.max(Int(steps), 0))
            firstIntensity = lower
            self.interval = interval
        case .fixedBinSize(let width):
            guard width > 0, width.isFinite else {
                throw RadiomicsError(.invalidSetting, "the IVH bin width must be a positive number, not \(width)")
            }
            let steps = ((upper - lower) / width).rounded(.down)
            guard steps < Double(Self.maximumPointCount) else { throw Self.tooManyPoints(steps + 1) }
            mapping = .binSize(lower: lower, width: width, last: Swift.max(Int(steps), 0))
            firstIntensity = lower + 0.5 * width
            interval = width
        case .fixedBinNumber(let bins):
            guard bins >= 1, bins <= Self.maximumPointCount else {
                throw RadiomicsError(.invalidSetting, "the IVH bin number must lie in 1...2^24, not \(bins)")
            }
            mapping = .binNumber(lower: lower, span: upper - lower, bins: bins)
            firstIntensity = 1
            interval = 1
        }
        var counts = [Int](repeating: 0, count: mapping.lastPoint + 1)
        counts.withUnsafeMutableBufferPointer { counts in
            region.withBuffers { values, inside in
                for index in 0..<values.count where inside[index] {
                    let point = mapping.point(of: Double(values[index]))
                    if point >= 0 { counts[point] += 1 }
                }
            }
        }
        var running = 0
        for point in counts.indices.reversed() {
            running += counts[point]
            counts[point] = running
        }
        atLeast = counts
        total = region.count
    }

    /// Which evaluation point a voxel's intensity reaches.
    private enum PointMapping {
        /// Absorbs the rounding of (value - lower) / interval just below a whole number.
        static let tolerance = 1e-9

        case calibrated(lower: Double, interval: Double, last: Int)
        case binSize(lower: Double, width: Double, last: Int)
        case binNumber(lower: Double, span: Double, bins: Int)

        var lastPoint: Int {
            switch self {
            case .calibrated(_, _, let last), .binSize(_, _, let last): last
            case .binNumber(_, _, let bins): bins - 1
            }
        }

        /// k such that the intensity is at least point k's and below point k + 1's, clamped to
        /// the last point; -1 below the first point (only possible for calibrated intensities with
        /// a range that starts above the region's minimum: binned voxels fall in the first bin).
        @inline(__always)
        func point(of value: Double) -> Int {
            switch self {
            case .calibrated(let lower, let interval, let last):
                let position = ((value - lower) / interval + Self.tolerance).rounded(.down)
                return position < 0 ? -1 : Int(Swift.min(position, Double(last)))
            case .binSize(let lower, let width, let last):
                let bin = ((value - lower) / width).rounded(.down)
                return Int(Swift.min(Swift.max(bin, 0), Double(last)))
            case .binNumber(let lower, let span, let bins):
                guard span > 0 else { return 0 }
                let bin = (Double(bins) * (value - lower) / span).rounded(.down)
                return Int(Swift.min(Swift.max(bin, 0), Double(bins - 1)))
            }
        }
    }

    private static func tooManyPoints(_ count: Double) -> RadiomicsError {
        RadiomicsError(
            .invalidSetting,
            "the intensity-volume histogram would have \(count) points; at most 2^24 are allowed")
    }

    var lastPoint: Int { atLeast.count - 1 }

    func intensity(ofPoint point: Int) -> Double { firstIntensity + Double(point) * interval }

    /// V_x for x = `percent` / 100.
    func volumeFraction(atIntensityPercent percent: Double) -> Double {
        let last = lastPoint
        // γ(k) = k / K ≥ percent / 100, compared without division so that 10 % of K = 10 is exact.
        let point = last == 0 ? 0 : (0...last).first { Double($0) * 100 >= percent * Double(last) } ?? last
        return Double(atLeast[point]) / Double(total)
    }

    /// I_x for x = `percent` / 100.
    func intensity(atVolumePercent percent: Double) -> Double {
        // atLeast is non-increasing, so the first point at or below x is found by bisection.
        let limit = percent * Double(total)
        var low = 0
        var high = atLeast.count
        while low < high {
            let middle = (low + high) / 2
            if Double(atLeast[middle]) * 100 <= limit { high = middle } else { low = middle + 1 }
        }
        return intensity(ofPoint: low)
    }
}
