/// Interpolation of an image and its region to a new voxel spacing (IBSI 1, "Interpolation").
///
/// Texture features count neighbours, so they depend on the voxel size: resampling every image to
/// one spacing (isotropic 1 mm, say) makes features of scans with different resolutions
/// comparable. The new grid keeps the old grid's centre (IBSI's "align grid centres"): it has
/// ceil(n s / s') voxels per axis and its first voxel sits (s (n - 1) - s' (n' - 1)) / 2 from the old
/// first voxel. Intensities are interpolated trilinearly (positions beyond the last voxel take the
/// border value); the region is interpolated as a fraction and a voxel is inside when the fraction
/// is at least 0.5. With `inPlaneOnly`, z is left as it is (the manual's 2D interpolation).
public struct Resampling: Sendable, Hashable, CustomStringConvertible {
    /// Target spacing in millimetres along x, y and z.
    public let spacing: SIMD3<Double>
    public let inPlaneOnly: Bool
    /// The largest grid a resampling may produce; finer spacings are refused rather than allocated.
    public static let maximumVoxels = 1 << 27

    public init(spacing: SIMD3<Double>, inPlaneOnly: Bool = false) throws(RadiomicsError) {
        guard spacing.x > 0, spacing.y > 0, spacing.z > 0, spacing.x.isFinite, spacing.y.isFinite, spacing.z.isFinite
        else {
            throw RadiomicsError(.invalidSetting, "the resampling spacing must be positive, not \(spacing)")
        }
        self.spacing = spacing
        self.inPlaneOnly = inPlaneOnly
    }

    public var description: String {
        "resample=\(spacing.x)x\(spacing.y)x\(inPlaneOnly ? "orig" : String(spacing.z))"
    }

    /// The grid of `grid` at the target spacing, and where its first voxel lies in old voxel units.
    public func target(of grid: VoxelGrid) throws(RadiomicsError) -> (grid: VoxelGrid, origin: SIMD3<Double>) {
        let old = SIMD3(Double(grid.sizeX), Double(grid.sizeY), Double(grid.sizeZ))
        var new = spacing
        if inPlaneOnly { new.z = grid.spacing.z }
        guard (0..<3).allSatisfy({ grid.spacing[$0].isFinite && grid.spacing[$0] > 0 }) else {
            throw RadiomicsError(.invalidSetting, "the image's voxel spacing is not a positive number")
        }
        let sizes = (old * grid.spacing / new).rounded(.up)
        let count = sizes.x * sizes.y * sizes.z
        guard count.isFinite, count <= Double(Self.maximumVoxels) else {
            throw RadiomicsError(
                .invalidSetting, "resampling to \(new) mm would make more than \(Self.maximumVoxels) voxels")
        }
        let resampled = VoxelGrid(
            sizeX: max(Int(sizes.x), 1), sizeY: max(Int(sizes.y), 1), sizeZ: max(Int(sizes.z), 1), spacing: new)
        let counts = SIMD3(Double(resampled.sizeX), Double(resampled.sizeY), Double(resampled.sizeZ))
        // In old voxel units: the offset of the new first centre from the old first centre.
        let origin = (grid.spacing * (old - 1) - new * (counts - 1)) / 2 / grid.spacing
        return (resampled, origin)
    }

    public func apply(to image: IntensityImage) throws(RadiomicsError) -> IntensityImage {
        let (grid, origin) = try target(of: image.grid)
        let values = interpolate(image.values.map(Double.init), from: image.grid, to: grid, origin: origin)
        return IntensityImage(grid: grid, values: values.map(Float.init))
    }

    public func apply(to mask: RegionMask) throws(RadiomicsError) -> RegionMask {
        let (grid, origin) = try target(of: mask.grid)
        let fractions = interpolate(mask.inside.map { $0 ? 1 : 0 }, from: mask.grid, to: grid, origin: origin)
        return RegionMask(grid: grid, inside: fractions.map { $0 >= 0.5 - 1e-9 })
    }

    /// Trilinear interpolation of `values` at every voxel centre of `grid`.
    private func interpolate(_ values: [Double], from source: VoxelGrid, to grid: VoxelGrid, origin: SIMD3<Double>)
        -> [Double]
    {
        let step = grid.spacing / source.spacing
        let axisX = Self.axis(count: grid.sizeX, origin: origin.x, step: step.x, size: source.sizeX)
        let axisY = Self.axis(count: grid.sizeY, origin: origin.y, step: step.y, size: source.sizeY)
        let axisZ = Self.axis(count: grid.sizeZ, origin: origin.z, step: step.z, size: source.sizeZ)
        var output = [Double](repeating: 0, count: grid.voxelCount)
        values.withUnsafeBufferPointer { input in
            var index = 0
            for z in axisZ {
                for y in axisY {
                    let rows = (
                        (z.lower * source.sizeY + y.lower) * source.sizeX,
                        (z.lower * source.sizeY + y.upper) * source.sizeX,
                        (z.upper * source.sizeY + y.lower) * source.sizeX,
                        (z.upper * source.sizeY + y.upper) * source.sizeX
                    )
                    let weights = (
                        (1 - z.weight) * (1 - y.weight), (1 - z.weight) * y.weight, z.weight * (1 - y.weight),
                        z.weight * y.weight
                    )
                    for x in axisX {
                        @inline(__always) func along(_ row: Int) -> Double {
                            (1 - x.weight) * input[row + x.lower] + x.weight * input[row + x.upper]
                        }
                        let sum =
                            weights.0 * along(rows.0) + weights.1 * along(rows.1) + weights.2 * along(rows.2)
                            + weights.3 * along(rows.3)
                        output[index] = sum
                        index += 1
                    }
                }
            }
        }
        return output
    }

    /// For each new coordinate, the two old neighbours and the weight of the upper one, clamped to
    /// the old grid.
    private static func axis(count: Int, origin: Double, step: Double, size: Int) -> [(
        lower: Int, upper: Int, weight: Double
    )] {
        (0..<count).map { index in
            let position = min(max(origin + Double(index) * step, 0), Double(size - 1))
            let lower = Int(position.rounded(.down))
            let upper = min(lower + 1, size - 1)
            return (lower, upper, position - Double(lower))
        }
    }
}
