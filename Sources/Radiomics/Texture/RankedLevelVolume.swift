/// A region's grey levels cut out of their image, laid out for the neighbour walks of the directional
/// texture matrices (GLCM, GLRLM).
///
/// Three choices keep those walks fast and their matrices small:
/// - Only the bounding box of the region is kept, so a small tumour in a 512 x 512 x 100 CT costs what
///   its box costs.
/// - A one-voxel border of zeros surrounds the box, so every voxel of the box has all 26 neighbours in
///   the array and the hot loops need no bounds checks: a neighbour outside the box reads as "outside
///   the region".
/// - Grey levels are replaced by their rank among the levels the region actually holds (1...rankCount,
///   0 outside). Matrices then have one row per present level instead of one per possible level, which
///   keeps them small when a wide level range is sparsely used; the features look the real level up in
///   `levels`, and absent levels contribute nothing to any IBSI texture feature.
struct RankedLevelVolume {
    /// Size of the padded box (the bounding box plus one voxel on each side) along x, y and z.
    let sizeX: Int
    let sizeY: Int
    let sizeZ: Int
    /// Ranks, x fastest; 0 outside the region and on the border.
    let ranks: [UInt16]
    /// `levels[rank]` is the grey level with that rank; `levels[0]` (outside) is 0.
    let levels: [Int]
    /// Ng: the number of grey levels of the discretisation, absent ones included (the normalised
    /// inverse differences divide by it).
    let levelCount: Int
    /// Number of voxels in the region.
    let voxelCount: Int

    /// Number of grey levels present in the region.
    var rankCount: Int { levels.count - 1 }
    /// Voxels in one padded slice.
    var sliceSize: Int { sizeX * sizeY }
    /// The most voxels a straight line can cross inside the bounding box: the longest possible run.
    var longestLine: Int { Swift.max(sizeX, sizeY, sizeZ) - 2 }

    /// Linear offset of the neighbour one step along `direction`.
    func offset(of direction: SIMD3<Int>) -> Int { (direction.z * sizeY + direction.y) * sizeX + direction.x }

    /// The highest grey level accepted: the most levels `Discretisation` produces.
    static let highestLevel = 65_536

    /// Nil when the region is empty (no level above 0), holds a level above `highestLevel`, or holds
    /// more than 65535 distinct levels, which no texture matrix could hold in memory anyway. Levels
    /// above `image.levelCount` are kept and raise Ng to the highest level.
    init?(_ image: DiscretisedImage) {
        let grid = image.grid
        var lower = SIMD3<Int>(repeating: .max)
        var upper = SIMD3<Int>(repeating: .min)
        var voxelCount = 0
        var levelOutOfRange = false
        // Marks the levels present (1 = present); grows in the rare case of levels above Ng.
        var rankOfLevel = [Int](repeating: 0, count: Swift.min(Swift.max(image.levelCount, 1), Self.highestLevel) + 1)
        image.levels.withUnsafeBufferPointer { levels in
            for z in 0..<grid.sizeZ {
                for y in 0..<grid.sizeY {
                    let row = grid.index(x: 0, y: y, z: z)
                    var first = -1
                    var last = -1
                    for x in 0..<grid.sizeX {
                        let level = Int(levels[row + x])
                        guard level > 0 else { continue }
                        if first < 0 { first = x }
                        last = x
                        voxelCount += 1
                        if level >= rankOfLevel.count {
                            guard level <= Self.highestLevel else {
                                levelOutOfRange = true
                                continue
                            }
                            rankOfLevel += Array(repeating: 0, count: level + 1 - rankOfLevel.count)
                        }
                        rankOfLevel[level] = 1
                    }
                    if first >= 0 {
                        lower = pointwiseMin(lower, SIMD3(first, y, z))
                        upper = pointwiseMax(upper, SIMD3(last, y, z))
                    }
                }
            }
        }
        guard voxelCount > 0, !levelOutOfRange else { return nil }

        var levels = [0]
        for level in 1..<rankOfLevel.count where rankOfLevel[level] != 0 {
            rankOfLevel[level] = levels.count
            levels.append(level)
        }
        guard levels.count - 1 <= Int(UInt16.max) else { return nil }

        let size = upper &- lower &+ 3
        var ranks = [UInt16](repeating: 0, count: size.x * size.y * size.z)
        ranks.withUnsafeMutableBufferPointer { ranks in
            image.levels.withUnsafeBufferPointer { levels in
                for z in lower.z...upper.z {
                    for y in lower.y...upper.y {
                        let source = grid.index(x: lower.x, y: y, z: z)
                        let target = ((z - lower.z + 1) * size.y + y - lower.y + 1) * size.x + 1
                        for x in 0...(upper.x - lower.x) {
                            let level = Int(levels[source + x])
                            ranks[target + x] = level > 0 ? UInt16(rankOfLevel[level]) : 0
                        }
                    }
                }
            }
        }
        self.sizeX = size.x
        self.sizeY = size.y
        self.sizeZ = size.z
        self.ranks = ranks
        self.levels = levels
        self.levelCount = Swift.max(image.levelCount, levels.last!)
        self.voxelCount = voxelCount
    }
}
