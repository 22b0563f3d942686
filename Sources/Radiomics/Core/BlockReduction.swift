/// Coarser copies of an image and its region, for features at several scales.
///
/// Reduction is in-plane only (x and y), because clinical slices are usually thicker than their
/// pixels; a trailing partial block is dropped.
extension IntensityImage {
    /// Means of `factor` x `factor` blocks; the grid's x and y spacing grow by `factor`.
    /// Returns the image unchanged when it is smaller than one block.
    public func blockAveraged(_ factor: Int) -> IntensityImage {
        guard factor > 1, grid.sizeX >= factor, grid.sizeY >= factor else { return self }
        let reduced = grid.reducedInPlane(factor)
        var values = [Float](repeating: 0, count: reduced.voxelCount)
        let scale = 1 / Double(factor * factor)
        for z in 0..<reduced.sizeZ {
            for y in 0..<reduced.sizeY {
                for x in 0..<reduced.sizeX {
                    var sum = 0.0
                    for dy in 0..<factor {
                        let row = grid.index(x: x * factor, y: y * factor + dy, z: z)
                        for dx in 0..<factor { sum += Double(self.values[row + dx]) }
                    }
                    values[reduced.index(x: x, y: y, z: z)] = Float(sum * scale)
                }
            }
        }
        return IntensityImage(grid: reduced, values: values)
    }
}

extension RegionMask {
    /// A block is inside when at least half of its voxels are.
    /// Returns the region unchanged when its grid is smaller than one block.
    public func blockReduced(_ factor: Int) -> RegionMask {
        guard factor > 1, grid.sizeX >= factor, grid.sizeY >= factor else { return self }
        let reduced = grid.reducedInPlane(factor)
        var flags = [Bool](repeating: false, count: reduced.voxelCount)
        let half = (factor * factor + 1) / 2
        for z in 0..<reduced.sizeZ {
            for y in 0..<reduced.sizeY {
                for x in 0..<reduced.sizeX {
                    var count = 0
                    for dy in 0..<factor {
                        let row = grid.index(x: x * factor, y: y * factor + dy, z: z)
                        for dx in 0..<factor where inside[row + dx] { count += 1 }
                    }
                    flags[reduced.index(x: x, y: y, z: z)] = count >= half
                }
            }
        }
        return RegionMask(grid: reduced, inside: flags)
    }
}

extension VoxelGrid {
    /// The grid of `factor` x `factor` in-plane blocks (at least one voxel a side).
    public func reducedInPlane(_ factor: Int) -> VoxelGrid {
        VoxelGrid(
            sizeX: Swift.max(sizeX / factor, 1), sizeY: Swift.max(sizeY / factor, 1), sizeZ: sizeZ,
            spacing: SIMD3(spacing.x * Double(factor), spacing.y * Double(factor), spacing.z))
    }
}
