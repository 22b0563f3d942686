/// The region of interest: which voxels of a grid are inside it.
///
/// IBSI distinguishes a morphological mask (shape features) from an intensity mask (everything
/// else); without re-segmentation they are the same, which is what this project uses.
public struct RegionMask: Sendable {
    public let grid: VoxelGrid
    /// x-fastest, see `VoxelGrid`.
    public let inside: [Bool]
    /// Number of voxels inside the region.
    public let voxelCount: Int

    public init(grid: VoxelGrid, inside: [Bool]) {
        precondition(inside.count == grid.voxelCount, "one flag per voxel")
        self.grid = grid
        self.inside = inside
        self.voxelCount = inside.reduce(0) { $0 + ($1 ? 1 : 0) }
    }

    /// The smallest box holding every voxel of the region, as inclusive index ranges; nil when the
    /// region is empty.
    public var boundingBox: (x: ClosedRange<Int>, y: ClosedRange<Int>, z: ClosedRange<Int>)? {
        var lower = SIMD3<Int>(repeating: .max)
        var upper = SIMD3<Int>(repeating: .min)
        var index = 0
        for z in 0..<grid.sizeZ {
            for y in 0..<grid.sizeY {
                for x in 0..<grid.sizeX {
                    if inside[index] {
                        let point = SIMD3(x, y, z)
                        lower = pointwiseMin(lower, point)
                        upper = pointwiseMax(upper, point)
                    }
                    index += 1
                }
            }
        }
        guard voxelCount > 0 else { return nil }
        return (lower.x...upper.x, lower.y...upper.y, lower.z...upper.z)
    }
}
