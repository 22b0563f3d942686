/// How continuous intensities become the grey levels 1...Ng that histogram and texture features
/// count (IBSI 1, section "Intensity discretisation").
public enum Discretisation: Sendable, Hashable {
    /// Ng equal bins between the region's minimum and maximum: contrast-normalising, the usual
    /// choice for arbitrary-unit images (MR, US, colour luminance).
    case fixedBinNumber(Int)
    /// Bins of `width` starting at `lowerBound` (the region's minimum when nil): keeps the
    /// meaning of a calibrated unit (HU for CT, SUV for PET).
    case fixedBinSize(width: Double, lowerBound: Double?)

    /// Grey levels for `image` within `mask`.
    public func apply(to image: IntensityImage, mask: RegionMask) throws(RadiomicsError) -> DiscretisedImage {
        guard image.grid == mask.grid else {
            throw RadiomicsError(.mismatchedGrid, "the image and the mask have different grids")
        }
        guard mask.voxelCount > 0 else {
            throw RadiomicsError(.emptyRegion, "the region of interest is empty")
        }
        var minimum = Double.infinity
        var maximum = -Double.infinity
        for (value, inside) in zip(image.values, mask.inside) where inside {
            let value = Double(value)
            guard value.isFinite else {
                throw RadiomicsError(.invalidIntensity, "the region holds a non-finite intensity")
            }
            minimum = Swift.min(minimum, value)
            maximum = Swift.max(maximum, value)
        }
        var levels = [Int32](repeating: 0, count: image.values.count)
        let levelCount: Int
        switch self {
        case .fixedBinNumber(let bins):
            guard bins >= 1, bins <= 65_536 else {
                throw RadiomicsError(.invalidSetting, "the bin number must lie in 1...65536, not \(bins)")
            }
            let range = maximum - minimum
            for index in levels.indices where mask.inside[index] {
                let value = Double(image.values[index])
                let level = range > 0 ? Int((Double(bins) * (value - minimum) / range).rounded(.down)) + 1 : 1
                levels[index] = Int32(Swift.min(level, bins))
            }
            levelCount = bins
        case .fixedBinSize(let width, let lowerBound):
            guard width > 0, width.isFinite else {
                throw RadiomicsError(.invalidSetting, "the bin width must be a positive number, not \(width)")
            }
            let origin = lowerBound ?? minimum
            guard origin <= minimum else {
                throw RadiomicsError(
                    .invalidSetting, "the region holds intensities below the bin lower bound \(origin)")
            }
            let steps = ((maximum - origin) / width).rounded(.down)
            guard steps < 65_536 else {
                throw RadiomicsError(
                    .invalidSetting,
                    "a bin width of \(width) gives more than 65536 grey levels over this region's range; widen the bins"
                )
            }
            let count = Int(steps) + 1
            for index in levels.indices where mask.inside[index] {
                let value = Double(image.values[index])
                levels[index] = Int32(Swift.min(Int(((value - origin) / width).rounded(.down)) + 1, count))
            }
            levelCount = count
        }
        return DiscretisedImage(
            grid: image.grid, levels: levels, levelCount: levelCount, mask: mask,
            binLowerEdge: { level in
                switch self {
                case .fixedBinNumber(let bins): minimum + Double(level - 1) * (maximum - minimum) / Double(bins)
                case .fixedBinSize(let width, let lowerBound): (lowerBound ?? minimum) + Double(level - 1) * width
                }
            }(1))
    }
}

/// Grey levels on a voxel grid: 1...levelCount inside the region, 0 outside.
public struct DiscretisedImage: Sendable {
    public let grid: VoxelGrid
    /// x-fastest, see `VoxelGrid`; 0 marks a voxel outside the region.
    public let levels: [Int32]
    /// Ng: the number of grey levels, counting levels no voxel takes.
    public let levelCount: Int
    /// The region the levels were computed in (also the morphological mask).
    public let mask: RegionMask
    /// Intensity at the lower edge of grey level 1, for reporting.
    public let binLowerEdge: Double

    public init(grid: VoxelGrid, levels: [Int32], levelCount: Int, mask: RegionMask, binLowerEdge: Double = 1) {
        precondition(levels.count == grid.voxelCount, "one level per voxel")
        self.grid = grid
        self.levels = levels
        self.levelCount = levelCount
        self.mask = mask
        self.binLowerEdge = binLowerEdge
    }
}
