/// The region's bounding box cut out of its mask with one layer of empty voxels around it.
///
/// IBSI pads the morphological mask so the surface closes where the region touches the image border; cropping to
/// the bounding box at the same time keeps the marching-cubes sweep and the vertex scan proportional to the
/// region, not to the whole image. Voxels are bytes (0 or 1), x fastest.
struct PaddedMask {
    /// Size of the padded box along x, y and z (bounding box + 2).
    let size: SIMD3<Int>
    /// Voxel index, in the original grid, of the padded box's voxel (0, 0, 0): the bounding box corner minus 1.
    let origin: SIMD3<Int>
    let voxels: [UInt8]

    /// nil when the region is empty.
    init?(_ mask: RegionMask) {
        guard let box = mask.boundingBox else { return nil }
        let grid = mask.grid
        let lower = SIMD3(box.x.lowerBound, box.y.lowerBound, box.z.lowerBound)
        let size = SIMD3(box.x.count, box.y.count, box.z.count) &+ 2
        var voxels = [UInt8](repeating: 0, count: size.x * size.y * size.z)
        mask.inside.withUnsafeBufferPointer { inside in
            voxels.withUnsafeMutableBufferPointer { voxels in
                for z in box.z {
                    for y in box.y {
                        let source = grid.index(x: lower.x, y: y, z: z)
                        let target = ((z - lower.z + 1) * size.y + (y - lower.y + 1)) * size.x + 1
                        for offset in 0..<box.x.count where inside[source + offset] {
                            voxels[target + offset] = 1
                        }
                    }
                }
            }
        }
        self.size = size
        self.origin = lower &- 1
        self.voxels = voxels
    }
}
