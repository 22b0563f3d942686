/// The intensities of the voxels inside a region, checked once and summarised in one pass.
///
/// Both the statistics and the intensity-volume histogram need the same guarantees before any
/// arithmetic: image and mask share a grid, the region holds a voxel, and every intensity in it
/// is finite (one NaN would silently poison every moment).
struct RegionIntensities {
    let image: IntensityImage
    let mask: RegionMask
    /// Number of voxels inside, Nv.
    let count: Int
    let minimum: Double
    let maximum: Double
    /// Sum of the intensities, accumulated in Double.
    let sum: Double
    /// Sum of the squared intensities.
    let sumOfSquares: Double

    init(image: IntensityImage, mask: RegionMask) throws(RadiomicsError) {
        guard image.grid == mask.grid, image.values.count == mask.inside.count else {
            throw RadiomicsError(.mismatchedGrid, "the image and the mask have different grids")
        }
        var count = 0
        var minimum = Double.infinity
        var maximum = -Double.infinity
        var sum = 0.0
        var sumOfSquares = 0.0
        var allFinite = true
        image.values.withUnsafeBufferPointer { values in
            mask.inside.withUnsafeBufferPointer { inside in
                for index in 0..<values.count where inside[index] {
                    let value = Double(values[index])
                    allFinite = allFinite && value.isFinite
                    count += 1
                    minimum = Swift.min(minimum, value)
                    maximum = Swift.max(maximum, value)
                    sum += value
                    sumOfSquares += value * value
                }
            }
        }
        guard count > 0 else { throw RadiomicsError(.emptyRegion, "the region of interest is empty") }
        guard allFinite else {
            throw RadiomicsError(.invalidIntensity, "the region holds a non-finite intensity")
        }
        self.image = image
        self.mask = mask
        self.count = count
        self.minimum = minimum
        self.maximum = maximum
        self.sum = sum
        self.sumOfSquares = sumOfSquares
    }

    var mean: Double { sum / Double(count) }

    /// Calls `body` once with the image's intensities and the mask's flags (same length), for a
    /// pass over the region written as a plain loop at the call site: a per-voxel closure from
    /// another file would not be inlined without whole-module optimisation.
    func withBuffers<Result>(
        _ body: (_ values: UnsafeBufferPointer<Float>, _ inside: UnsafeBufferPointer<Bool>) -> Result
    ) -> Result {
        image.values.withUnsafeBufferPointer { values in
            mask.inside.withUnsafeBufferPointer { inside in body(values, inside) }
        }
    }

    /// The IBSI percentiles (see `Percentile`) at each fraction in 0...1, exactly and in linear
    /// time.
    func percentiles(_ fractions: [Double]) -> [Double] {
        let positions = fractions.map { Percentile.position(of: $0, count: count) }
        let ranks = positions.flatMap { [$0.lowerRank, $0.upperRank] }
        let values = withBuffers { values, inside in
            RegionOrderStatistics.values(atRanks: ranks, values: values, inside: inside)
        }
        return positions.indices.map { index in
            positions[index].interpolate(lower: Double(values[2 * index]), upper: Double(values[2 * index + 1]))
        }
    }
}
