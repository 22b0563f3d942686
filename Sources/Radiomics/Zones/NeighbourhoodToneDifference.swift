/// The neighbourhood grey tone difference matrix (NGTDM): per grey level i, n_i, the number of
/// voxels with level i that have at least one neighbour in the region, and s_i, the sum of
/// |i - mean level of those neighbours| over them (IBSI 1; Chebyshev distance 1, neighbours
/// outside the region left out of the mean).
struct ToneDifferenceMatrix {
    /// n_i, indexed by level - 1.
    var voxelCounts: [Double]
    /// s_i, indexed by level - 1.
    var differences: [Double]

    init(levelCount: Int) {
        voxelCounts = [Double](repeating: 0, count: levelCount)
        differences = [Double](repeating: 0, count: levelCount)
    }

    /// N_v,c: voxels with at least one neighbour.
    var neighbouredVoxelCount: Double { voxelCounts.reduce(0, +) }

    /// Sums n_i and s_i element-wise: the 2.5D merge.
    mutating func merge(_ other: ToneDifferenceMatrix) {
        for k in voxelCounts.indices {
            voxelCounts[k] += other.voxelCounts[k]
            differences[k] += other.differences[k]
        }
    }

    /// From a table holding n_i for every level, then s_i for every level.
    init(table: [Double]) {
        let levelCount = table.count / 2
        voxelCounts = Array(table[0..<levelCount])
        differences = Array(table[levelCount...])
    }
}

/// Counts NGTDMs in one sweep over the region: one per slice with the 8 in-plane neighbours (2D,
/// 2.5D) and one for the volume with all 26 (3D).
///
/// A neighbourhood's level sum and region-voxel count come from box sums instead of 26 look-ups per
/// voxel: each region voxel holds `level + 2^40` (0 outside), so one addition sums levels in the low
/// 40 bits and counts voxels in the high bits (27 levels below 2^31 sum to less than 2^40).
/// The 3 x 3 in-plane sums of a slice are two separable passes, the 3 x 3 x 3 sum adds three
/// consecutive slices' in-plane sums, and subtracting the centre leaves the neighbourhood.
enum ToneDifferenceCounting {
    private static let countUnit: UInt64 = 1 << 40

    /// - Parameters:
    ///   - eachSlice: called with each padded slice's 2D matrix, in order, when `planar`; slices
    ///     without region voxels are skipped.
    /// - Returns: the 3D matrix when `volumetric`, else nil.
    static func sweep(
        _ region: PaddedRegion, planar: Bool, volumetric: Bool, eachSlice: (ToneDifferenceMatrix) -> Void
    ) -> ToneDifferenceMatrix? {
        let sizeX = region.sizeX
        let sizeY = region.sizeY
        let stride = region.sliceStride
        let levelCount = region.levelCount
        // n_i in [0, Ng), s_i in [Ng, 2 Ng): one buffer per matrix keeps the hot loop's pointers few.
        var sliceTable = [Double](repeating: 0, count: 2 * levelCount)
        var volumeTable = [Double](repeating: 0, count: 2 * levelCount)
        // In-plane box sums of slices z - 1, z, z + 1 (rotating), and a scratch buffer.
        var planes = [[UInt64]](repeating: [UInt64](repeating: 0, count: stride), count: 3)
        var rows = [UInt64](repeating: 0, count: stride)
        if volumetric { boxSums(region, slice: 1, into: &planes[1], rows: &rows) }
        for z in 1..<(region.sizeZ - 1) {
            if volumetric {
                // Slice z's sums exist already; add slice z + 1's (the margin slice gives zeros).
                boxSums(region, slice: z + 1, into: &planes[(z + 1) % 3], rows: &rows)
            } else if region.voxelsPerSlice[z] > 0 {
                boxSums(region, slice: z, into: &planes[z % 3], rows: &rows)
            }
            guard region.voxelsPerSlice[z] > 0 else { continue }
            let lower = planes[(z + 2) % 3]
            let middle = planes[z % 3]
            let upper = planes[(z + 1) % 3]
            region.levels.withUnsafeBufferPointer { levels in
                sliceTable.withUnsafeMutableBufferPointer { sliceTable in
                    volumeTable.withUnsafeMutableBufferPointer { volumeTable in
                        let slice = levels.baseAddress! + z * stride
                        for y in 1..<(sizeY - 1) {
                            for x in 1..<(sizeX - 1) {
                                let local = y * sizeX + x
                                let level = slice[local]
                                if level == 0 { continue }
                                let centre = UInt64(level) &+ countUnit
                                let index = Int(level) - 1
                                if planar {
                                    let sum = middle[local] &- centre
                                    if sum >= countUnit {
                                        sliceTable[index] += 1
                                        sliceTable[levelCount + index] += difference(level, sum)
                                    }
                                }
                                if volumetric {
                                    let sum = lower[local] &+ middle[local] &+ upper[local] &- centre
                                    if sum >= countUnit {
                                        volumeTable[index] += 1
                                        volumeTable[levelCount + index] += difference(level, sum)
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if planar {
                eachSlice(ToneDifferenceMatrix(table: sliceTable))
                for k in sliceTable.indices { sliceTable[k] = 0 }
            }
        }
        return volumetric ? ToneDifferenceMatrix(table: volumeTable) : nil
    }

    /// |i - neighbourhood mean| for a packed neighbourhood sum.
    @inline(__always)
    private static func difference(_ level: Int32, _ packed: UInt64) -> Double {
        let count = Double(packed >> 40)
        let sum = Double(packed & (countUnit - 1))
        return abs(Double(level) - sum / count)
    }

    /// The 3 x 3 in-plane sums of packed values over padded slice `z` (0 in the margin).
    private static func boxSums(_ region: PaddedRegion, slice z: Int, into sums: inout [UInt64], rows: inout [UInt64]) {
        let sizeX = region.sizeX
        let sizeY = region.sizeY
        let stride = region.sliceStride
        guard z >= 1, z < region.sizeZ - 1, region.voxelsPerSlice[z] > 0 else {
            for k in sums.indices { sums[k] = 0 }
            return
        }
        region.levels.withUnsafeBufferPointer { levels in
            rows.withUnsafeMutableBufferPointer { rows in
                sums.withUnsafeMutableBufferPointer { sums in
                    let slice = levels.baseAddress! + z * stride
                    // Sums along x (every row, margin rows included, so the y pass can read them).
                    for y in 0..<sizeY {
                        let row = y * sizeX
                        for x in 1..<(sizeX - 1) {
                            rows[row + x] =
                                packed(slice[row + x - 1]) &+ packed(slice[row + x])
                                &+ packed(slice[row + x + 1])
                        }
                    }
                    // Sums along y.
                    for y in 1..<(sizeY - 1) {
                        let row = y * sizeX
                        for x in 1..<(sizeX - 1) {
                            sums[row + x] = rows[row - sizeX + x] &+ rows[row + x] &+ rows[row + sizeX + x]
                        }
                    }
                }
            }
        }
    }

    @inline(__always)
    private static func packed(_ level: Int32) -> UInt64 {
        level == 0 ? 0 : UInt64(level) &+ countUnit
    }
}
