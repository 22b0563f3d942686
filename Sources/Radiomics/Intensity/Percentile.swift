/// The sample percentile the IBSI reference values were computed with.
///
/// IBSI 1 does not print a percentile formula; its consensus values for the digital phantom
/// (P90 = 4, not the 4.2 some implementations give) match linear interpolation between the two
/// closest order statistics, Hyndman and Fan's definition 7 (NumPy's and R's default, used by
/// MIRP): with the N values sorted as v(0) ≤ ... ≤ v(N-1), Pp lies at position h = p (N - 1) and
/// is v(⌊h⌋) + (h - ⌊h⌋) (v(⌊h⌋ + 1) - v(⌊h⌋)). The median is P50, which for an even N is the
/// mean of the two middle values.
enum Percentile {
    /// Where percentile `fraction` (0...1) of `count` sorted values lies: two 0-based ranks and
    /// the weight of the upper one.
    struct Position: Equatable {
        let lowerRank: Int
        let upperRank: Int
        let upperWeight: Double

        /// The percentile from the values at the two ranks.
        func interpolate(lower: Double, upper: Double) -> Double {
            upperWeight == 0 || lower == upper ? lower : lower + upperWeight * (upper - lower)
        }
    }

    /// `count` must be at least 1.
    static func position(of fraction: Double, count: Int) -> Position {
        let clamped = Swift.min(Swift.max(fraction, 0), 1)
        let h = clamped * Double(count - 1)
        let lower = Swift.min(Int(h.rounded(.down)), count - 1)
        let upper = Swift.min(lower + 1, count - 1)
        return Position(lowerRank: lower, upperRank: upper, upperWeight: upper == lower ? 0 : h - Double(lower))
    }

    /// Percentiles of integer levels given as a histogram: `counts[i]` voxels take level
    /// `firstLevel + i`. One cumulative scan for all fractions; `total` must be the sum of counts
    /// and at least 1.
    static func ofHistogram(_ fractions: [Double], counts: [Int], total: Int, firstLevel: Int = 1) -> [Double] {
        let positions = fractions.map { position(of: $0, count: total) }
        let ranks = positions.flatMap { [$0.lowerRank, $0.upperRank] }
        let levels = levelsAtRanks(ranks, counts: counts, firstLevel: firstLevel)
        return positions.indices.map { index in
            positions[index].interpolate(lower: Double(levels[2 * index]), upper: Double(levels[2 * index + 1]))
        }
    }

    /// The level at each 0-based rank of the sorted voxels, from a histogram.
    static func levelsAtRanks(_ ranks: [Int], counts: [Int], firstLevel: Int) -> [Int] {
        let order = ranks.indices.sorted { ranks[$0] < ranks[$1] }
        var result = [Int](repeating: firstLevel + Swift.max(counts.count - 1, 0), count: ranks.count)
        var cumulative = 0
        var bin = 0
        for index in order {
            while bin < counts.count, cumulative + counts[bin] <= ranks[index] {
                cumulative += counts[bin]
                bin += 1
            }
            result[index] = firstLevel + Swift.min(bin, Swift.max(counts.count - 1, 0))
        }
        return result
    }
}
