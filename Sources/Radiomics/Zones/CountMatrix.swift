/// A grey level x column count matrix (GLSZM, GLDZM, NGLDM), stored sparsely.
///
/// The column is the zone size, the zone distance or the dependence count. Zone sizes reach
/// millions in a large CT region, so only non-zero cells are kept: `levels[k]`, `columns[k]` and
/// `counts[k]` describe cell k, ordered by column and then by level.
struct CountMatrix {
    /// Ng, counting levels no voxel takes.
    let levelCount: Int
    /// N_v: voxels the matrix was counted over (summed when matrices are merged).
    let voxelCount: Int
    var levels: [Int32] = []
    var columns: [Int] = []
    var counts: [Double] = []
}

/// Builds `CountMatrix` values from (level, column) observations.
///
/// Columns up to `denseColumnCount` are counted in a dense table, which costs one add per
/// observation; the few larger columns (large zones) go to a list that is sorted once. Cells that
/// were touched are remembered, so emptying the table costs as much as the cells used, not Ng x
/// columns: one accumulator serves every slice of a 2D aggregation.
struct CountAccumulator {
    let levelCount: Int
    let denseColumnCount: Int
    private var dense: [Int]
    private var touched: [Int] = []
    private var overflow: [OverflowCell] = []
    /// The overflow list is merged in place when it reaches this length, so memory stays bounded by
    /// the number of distinct large cells.
    private var compactionLength = 1 << 20

    private struct OverflowCell {
        let column: Int
        let level: Int32
        let count: Int
    }

    /// A dense-table budget for matrices with few columns (NGLDM's 9 or 27 dependence counts): keeps
    /// them fully dense up to Ng = 155 000 while bounding the table at 32 MB.
    static let fewColumnsCellLimit = 1 << 22

    /// - Parameters:
    ///   - largestColumn: the largest column that can occur (a bound, not necessarily reached).
    ///   - denseCellLimit: at most this many dense cells are allocated (8 bytes each).
    init(levelCount: Int, largestColumn: Int, denseCellLimit: Int = 1 << 20) {
        self.levelCount = levelCount
        let affordable = max(1, denseCellLimit / max(levelCount, 1))
        denseColumnCount = max(1, min(largestColumn, affordable))
        dense = [Int](repeating: 0, count: denseColumnCount * levelCount)
    }

    /// Counts `count` observations of `level` (1...Ng) in `column` (1 or more).
    @inline(__always)
    mutating func add(level: Int32, column: Int, count: Int = 1) {
        guard count > 0, column >= 1 else { return }
        if column <= denseColumnCount {
            let cell = (column - 1) * levelCount + Int(level) - 1
            if dense[cell] == 0 { touched.append(cell) }
            dense[cell] += count
        } else {
            overflow.append(OverflowCell(column: column, level: level, count: count))
            if overflow.count >= compactionLength {
                compactOverflow()
                compactionLength = max(compactionLength, 2 * overflow.count)
            }
        }
    }

    /// Sorts the overflow cells by column and level and sums duplicates.
    private mutating func compactOverflow() {
        overflow.sort { ($0.column, $0.level) < ($1.column, $1.level) }
        var merged = 0
        for k in overflow.indices {
            let cell = overflow[k]
            if merged > 0, overflow[merged - 1].column == cell.column, overflow[merged - 1].level == cell.level {
                overflow[merged - 1] = OverflowCell(
                    column: cell.column, level: cell.level, count: overflow[merged - 1].count + cell.count)
            } else {
                overflow[merged] = cell
                merged += 1
            }
        }
        overflow.removeLast(overflow.count - merged)
    }

    /// Adds every cell of `matrix`: merging matrices, as the 2.5D aggregation does.
    mutating func add(_ matrix: CountMatrix) {
        for k in matrix.counts.indices {
            add(level: matrix.levels[k], column: matrix.columns[k], count: Int(matrix.counts[k]))
        }
    }

    /// The matrix of everything added since the last call; the accumulator is left empty.
    mutating func takeMatrix(voxelCount: Int) -> CountMatrix {
        var matrix = CountMatrix(levelCount: levelCount, voxelCount: voxelCount)
        touched.sort()
        matrix.levels.reserveCapacity(touched.count + overflow.count)
        matrix.columns.reserveCapacity(touched.count + overflow.count)
        matrix.counts.reserveCapacity(touched.count + overflow.count)
        for cell in touched {
            matrix.levels.append(Int32(cell % levelCount + 1))
            matrix.columns.append(cell / levelCount + 1)
            matrix.counts.append(Double(dense[cell]))
            dense[cell] = 0
        }
        touched.removeAll(keepingCapacity: true)
        compactOverflow()
        for cell in overflow {
            matrix.levels.append(cell.level)
            matrix.columns.append(cell.column)
            matrix.counts.append(Double(cell.count))
        }
        overflow.removeAll(keepingCapacity: true)
        return matrix
    }
}
