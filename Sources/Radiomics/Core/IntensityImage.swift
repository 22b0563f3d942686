/// Intensities on a voxel grid, in the modality's own units (HU for CT).
///
/// Stored as `Float` so a 512 x 512 x 100 CT volume fits in 100 MB; every feature accumulates in
/// `Double`.
public struct IntensityImage: Sendable {
    public let grid: VoxelGrid
    /// x-fastest, see `VoxelGrid`.
    public let values: [Float]

    public init(grid: VoxelGrid, values: [Float]) {
        precondition(values.count == grid.voxelCount, "one intensity per voxel")
        self.grid = grid
        self.values = values
    }
}
