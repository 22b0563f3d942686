import Foundation

/// The features GLSZM, GLDZM and NGLDM share: they are the same formulas over a grey level (i) x
/// column (j) count matrix s_ij, with the column being zone size, zone distance or dependence count.
///
/// With N_s = sum s_ij, s_i. and s_.j the marginal sums and p_ij = s_ij / N_s (IBSI 1):
/// small/large column emphasis sum s_.j j^-2 / N_s and sum j^2 s_.j / N_s; low/high grey level
/// emphasis likewise over i; the four joint emphases; grey level and column non-uniformity
/// sum s_i.^2 / N_s and sum s_.j^2 / N_s with their versions normalised by N_s^2; percentage
/// N_s / N_v; grey level and column variance sum (i - mu)^2 p_ij; entropy -sum p log2 p; energy
/// sum p^2.
struct CountMatrixStatistics {
    var smallColumnEmphasis = Double.nan
    var largeColumnEmphasis = Double.nan
    var lowGreyLevelEmphasis = Double.nan
    var highGreyLevelEmphasis = Double.nan
    var smallColumnLowGreyLevelEmphasis = Double.nan
    var smallColumnHighGreyLevelEmphasis = Double.nan
    var largeColumnLowGreyLevelEmphasis = Double.nan
    var largeColumnHighGreyLevelEmphasis = Double.nan
    var greyLevelNonUniformity = Double.nan
    var normalisedGreyLevelNonUniformity = Double.nan
    var columnNonUniformity = Double.nan
    var normalisedColumnNonUniformity = Double.nan
    var percentage = Double.nan
    var greyLevelVariance = Double.nan
    var columnVariance = Double.nan
    var entropy = Double.nan
    var energy = Double.nan

    /// The statistics of `matrix`; every one is NaN for an empty matrix (no zone, no voxel), where
    /// the formulas divide by N_s = 0.
    init(_ matrix: CountMatrix) {
        var total = 0.0
        for count in matrix.counts { total += count }
        guard total > 0 else { return }
        var small = 0.0, large = 0.0, low = 0.0, high = 0.0
        var smallLow = 0.0, smallHigh = 0.0, largeLow = 0.0, largeHigh = 0.0
        var levelSum = 0.0, columnSum = 0.0, entropySum = 0.0, energySum = 0.0
        var columnSquares = 0.0
        var rowTotals = [Double](repeating: 0, count: matrix.levelCount)
        var columnTotal = 0.0
        var previousColumn = -1
        for k in matrix.counts.indices {
            let count = matrix.counts[k]
            let i = Double(matrix.levels[k])
            let j = Double(matrix.columns[k])
            let i2 = i * i
            let j2 = j * j
            small += count / j2
            large += count * j2
            low += count / i2
            high += count * i2
            smallLow += count / (i2 * j2)
            smallHigh += count * i2 / j2
            largeLow += count * j2 / i2
            largeHigh += count * i2 * j2
            levelSum += count * i
            columnSum += count * j
            let p = count / total
            entropySum -= p * log2(p)
            energySum += p * p
            rowTotals[Int(matrix.levels[k]) - 1] += count
            // Cells are ordered by column, so a column's cells are consecutive.
            if matrix.columns[k] != previousColumn {
                columnSquares += columnTotal * columnTotal
                columnTotal = 0
                previousColumn = matrix.columns[k]
            }
            columnTotal += count
        }
        columnSquares += columnTotal * columnTotal
        var rowSquares = 0.0
        for row in rowTotals { rowSquares += row * row }
        let levelMean = levelSum / total
        let columnMean = columnSum / total
        var levelSpread = 0.0, columnSpread = 0.0
        for k in matrix.counts.indices {
            let di = Double(matrix.levels[k]) - levelMean
            let dj = Double(matrix.columns[k]) - columnMean
            levelSpread += matrix.counts[k] * di * di
            columnSpread += matrix.counts[k] * dj * dj
        }
        smallColumnEmphasis = small / total
        largeColumnEmphasis = large / total
        lowGreyLevelEmphasis = low / total
        highGreyLevelEmphasis = high / total
        smallColumnLowGreyLevelEmphasis = smallLow / total
        smallColumnHighGreyLevelEmphasis = smallHigh / total
        largeColumnLowGreyLevelEmphasis = largeLow / total
        largeColumnHighGreyLevelEmphasis = largeHigh / total
        greyLevelNonUniformity = rowSquares / total
        normalisedGreyLevelNonUniformity = rowSquares / (total * total)
        columnNonUniformity = columnSquares / total
        normalisedColumnNonUniformity = columnSquares / (total * total)
        percentage = matrix.voxelCount > 0 ? total / Double(matrix.voxelCount) : .nan
        greyLevelVariance = levelSpread / total
        columnVariance = columnSpread / total
        entropy = entropySum + 0  // + 0 turns the -0 of a one-cell matrix into 0
        energy = energySum
    }

    /// The statistics in the IBSI order of the zone and dependence families (energy last, which
    /// only NGLDM reports).
    var values: [Double] {
        [
            smallColumnEmphasis, largeColumnEmphasis, lowGreyLevelEmphasis, highGreyLevelEmphasis,
            smallColumnLowGreyLevelEmphasis, smallColumnHighGreyLevelEmphasis, largeColumnLowGreyLevelEmphasis,
            largeColumnHighGreyLevelEmphasis, greyLevelNonUniformity, normalisedGreyLevelNonUniformity,
            columnNonUniformity, normalisedColumnNonUniformity, percentage, greyLevelVariance, columnVariance,
            entropy, energy,
        ]
    }
}
