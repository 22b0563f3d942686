/// The distinct vertices of a padded mask's marching-cubes mesh, reduced to those that can be convex hull corners.
///
/// At iso-level 0.5 the mesh has one vertex at the midpoint of every voxel edge whose two voxels differ, so the
/// vertex set is read straight off the mask (no mesh, no deduplication). Coordinates are integers in half-voxel
/// units of the padded box: voxel (x, y, z) is at (2x, 2y, 2z). A point that is neither the first nor the last
/// vertex on its lattice line along x, along y and along z lies between two other vertices, so it cannot be a
/// corner of the hull; dropping it keeps the hull input near the size of the region's outline instead of its
/// whole surface.
enum MeshVertices {
    /// The candidate hull corners (every extreme point of the vertex set is among them).
    static func hullCandidates(_ mask: PaddedMask) -> [SIMD3<Int>] {
        let lattice = mask.size &* 2 &- 1
        // Lowest and highest coordinate seen on each lattice line: x-lines keyed by (y, z), y-lines by (x, z),
        // z-lines by (x, y). One buffer: [xLow | xHigh | yLow | yHigh | zLow | zHigh].
        let xLines = lattice.y * lattice.z
        let yLines = lattice.x * lattice.z
        let zLines = lattice.x * lattice.y
        var extremes = [Int32](repeating: 0, count: 2 * (xLines + yLines + zLines))
        var candidates: [SIMD3<Int>] = []
        extremes.withUnsafeMutableBufferPointer { buffer in
            let xLow = buffer.baseAddress!
            let xHigh = xLow + xLines
            let yLow = xHigh + xLines
            let yHigh = yLow + yLines
            let zLow = yHigh + yLines
            let zHigh = zLow + zLines
            xLow.update(repeating: .max, count: xLines)
            xHigh.update(repeating: .min, count: xLines)
            yLow.update(repeating: .max, count: yLines)
            yHigh.update(repeating: .min, count: yLines)
            zLow.update(repeating: .max, count: zLines)
            zHigh.update(repeating: .min, count: zLines)
            forEachVertex(mask) { x, y, z in
                let (x32, y32, z32) = (
                    Int32(truncatingIfNeeded: x), Int32(truncatingIfNeeded: y), Int32(truncatingIfNeeded: z)
                )
                let xLine = z &* lattice.y &+ y
                let yLine = z &* lattice.x &+ x
                let zLine = y &* lattice.x &+ x
                xLow[xLine] = min(xLow[xLine], x32)
                xHigh[xLine] = max(xHigh[xLine], x32)
                yLow[yLine] = min(yLow[yLine], y32)
                yHigh[yLine] = max(yHigh[yLine], y32)
                zLow[zLine] = min(zLow[zLine], z32)
                zHigh[zLine] = max(zHigh[zLine], z32)
            }
            forEachVertex(mask) { x, y, z in
                let (x32, y32, z32) = (
                    Int32(truncatingIfNeeded: x), Int32(truncatingIfNeeded: y), Int32(truncatingIfNeeded: z)
                )
                let xLine = z &* lattice.y &+ y
                let yLine = z &* lattice.x &+ x
                let zLine = y &* lattice.x &+ x
                guard x32 == xLow[xLine] || x32 == xHigh[xLine] else { return }
                guard y32 == yLow[yLine] || y32 == yHigh[yLine] else { return }
                guard z32 == zLow[zLine] || z32 == zHigh[zLine] else { return }
                candidates.append(SIMD3(x, y, z))
            }
        }
        return candidates
    }

    /// Calls `body` once per mesh vertex with its half-voxel coordinates.
    @inline(__always)
    static func forEachVertex(_ mask: PaddedMask, _ body: (Int, Int, Int) -> Void) {
        let size = mask.size
        let sliceSize = size.x * size.y
        mask.voxels.withUnsafeBufferPointer { voxels in
            for z in 0..<size.z {
                for y in 0..<size.y {
                    let row = (z * size.y + y) * size.x
                    for x in 0..<size.x {
                        let here = voxels[row + x]
                        if x + 1 < size.x, voxels[row + x + 1] != here { body(2 * x + 1, 2 * y, 2 * z) }
                        if y + 1 < size.y, voxels[row + x + size.x] != here { body(2 * x, 2 * y + 1, 2 * z) }
                        if z + 1 < size.z, voxels[row + x + sliceSize] != here { body(2 * x, 2 * y, 2 * z + 1) }
                    }
                }
            }
        }
    }
}
