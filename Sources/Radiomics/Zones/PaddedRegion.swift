/// The region's bounding box cut out of the image, with a margin of one outside voxel on every side.
///
/// The zone and neighbourhood families visit every neighbour of every region voxel; with the margin
/// every neighbour of an interior voxel exists, so their hot loops need no bounds checks, and a
/// 512 x 512 x 100 CT volume shrinks to the few million voxels the region actually spans.
struct PaddedRegion {
    /// Padded sizes: the bounding box plus two voxels along each axis.
    let sizeX: Int
    let sizeY: Int
    let sizeZ: Int
    /// Ng, counting levels no voxel takes.
    let levelCount: Int
    /// Grey level per padded voxel (x-fastest); 0 outside the intensity region and in the margin.
    let levels: [Int32]
    /// Intensity-region voxels in each padded slice (0 for the two margin slices).
    let voxelsPerSlice: [Int]
    /// N_v: intensity-region voxels in total.
    let voxelCount: Int
    /// Where the padded voxel (0, 0, 0) lies in the original grid.
    let origin: SIMD3<Int>
    /// The image the region was cut from, kept to read the morphological mask on demand.
    let image: DiscretisedImage

    var sliceStride: Int { sizeX * sizeY }

    /// Cuts the intensity region out of `image`, or returns nil when it holds no voxel.
    ///
    /// The intensity region is the mask's voxels whose level lies in 1...Ng; a voxel with any other
    /// level (only possible for a hand-built `DiscretisedImage`) is left out rather than trapping,
    /// and when the mask's grid does not match the image's, the non-zero levels define the region.
    init?(_ image: DiscretisedImage) {
        let grid = image.grid
        let levelCount = image.levelCount
        guard levelCount >= 1, image.levels.count == grid.voxelCount else { return nil }
        let useMask = image.mask.inside.count == grid.voxelCount
        let inside = image.mask.inside
        let source = image.levels
        var lower = SIMD3<Int>(repeating: .max)
        var upper = SIMD3<Int>(repeating: .min)
        var found = false
        source.withUnsafeBufferPointer { levels in
            inside.withUnsafeBufferPointer { inside in
                for z in 0..<grid.sizeZ {
                    for y in 0..<grid.sizeY {
                        let row = (z * grid.sizeY + y) * grid.sizeX
                        var first = -1
                        var last = -1
                        for x in 0..<grid.sizeX where useMask ? inside[row + x] : levels[row + x] != 0 {
                            if first < 0 { first = x }
                            last = x
                        }
                        if first >= 0 {
                            found = true
                            lower = pointwiseMin(lower, SIMD3(first, y, z))
                            upper = pointwiseMax(upper, SIMD3(last, y, z))
                        }
                    }
                }
            }
        }
        guard found else { return nil }
        // The box spans the morphological mask (a superset of the intensity region), so that GLDZM
        // distances see the whole mask.
        let padX = upper.x - lower.x + 3
        let padY = upper.y - lower.y + 3
        let padZ = upper.z - lower.z + 3
        var padded = [Int32](repeating: 0, count: padX * padY * padZ)
        var perSlice = [Int](repeating: 0, count: padZ)
        var total = 0
        source.withUnsafeBufferPointer { levels in
            inside.withUnsafeBufferPointer { inside in
                padded.withUnsafeMutableBufferPointer { padded in
                    for z in lower.z...upper.z {
                        var count = 0
                        for y in lower.y...upper.y {
                            let row = (z * grid.sizeY + y) * grid.sizeX
                            let target = ((z - lower.z + 1) * padY + (y - lower.y + 1)) * padX + 1 - lower.x
                            for x in lower.x...upper.x {
                                let level = levels[row + x]
                                if level >= 1, Int(level) <= levelCount, !useMask || inside[row + x] {
                                    padded[target + x] = level
                                    count += 1
                                }
                            }
                        }
                        perSlice[z - lower.z + 1] = count
                        total += count
                    }
                }
            }
        }
        guard total > 0 else { return nil }
        sizeX = padX
        sizeY = padY
        sizeZ = padZ
        self.levelCount = levelCount
        levels = padded
        voxelsPerSlice = perSlice
        voxelCount = total
        origin = lower &- 1
        self.image = image
    }

    /// Index offsets of the Chebyshev-distance-1 neighbours: the 8 in-plane ones, or all 26.
    func neighbourOffsets(planar: Bool) -> [Int] {
        var offsets: [Int] = []
        for dz in (planar ? 0...0 : -1...1) {
            for dy in -1...1 {
                for dx in -1...1 where dx != 0 || dy != 0 || dz != 0 {
                    offsets.append((dz * sizeY + dy) * sizeX + dx)
                }
            }
        }
        return offsets
    }

    /// The morphological mask over the padded box (false in the margin): the region GLDZM measures
    /// distances in. It is the image's mask, or the intensity region when the mask does not fit.
    func morphologicalMask() -> [Bool] {
        let grid = image.grid
        guard image.mask.inside.count == grid.voxelCount else { return levels.map { $0 != 0 } }
        var mask = [Bool](repeating: false, count: levels.count)
        image.mask.inside.withUnsafeBufferPointer { inside in
            mask.withUnsafeMutableBufferPointer { mask in
                for z in 1..<(sizeZ - 1) {
                    for y in 1..<(sizeY - 1) {
                        let row = ((origin.z + z) * grid.sizeY + origin.y + y) * grid.sizeX + origin.x
                        let target = (z * sizeY + y) * sizeX
                        for x in 1..<(sizeX - 1) {
                            mask[target + x] = inside[row + x]
                        }
                    }
                }
            }
        }
        return mask
    }
}
