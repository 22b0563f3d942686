import Foundation

/// The 16 grey level run length matrix features of IBSI 1 (family code TP0I).
///
/// Run length features describe how far a grey level extends in a straight line: coarse textures
/// have long runs (high long-run emphasis), fine ones many short runs. A run is a maximal line of
/// voxels of one grey level along one of the 13 (3D) or 4 (2D) directions, inside the region.
/// Entropy uses log₂.
///
/// N_v, the voxel count of run percentage, is the number of voxels the matrix's runs cover, which is
/// the region's voxel count for one direction and that count times the number of matrices merged,
/// as IBSI prescribes for merging.
///
/// Every feature is defined for any non-empty region (a single voxel is a run of length 1 in every
/// direction). A matrix without runs only arises for a slice that the region does not touch; it is
/// skipped by the averaging methods, and an empty region reports NaN for every feature.
public enum GLRLMFeatures {
    /// IBSI symbols and identifiers, in the order the features are reported.
    static let names: [TextureFeatureName] = [
        .init(symbol: "rlm.sre", code: "22OV"),
        .init(symbol: "rlm.lre", code: "W4KF"),
        .init(symbol: "rlm.lgre", code: "V3SW"),
        .init(symbol: "rlm.hgre", code: "G3QZ"),
        .init(symbol: "rlm.srlge", code: "HTZT"),
        .init(symbol: "rlm.srhge", code: "GD3A"),
        .init(symbol: "rlm.lrlge", code: "IVPO"),
        .init(symbol: "rlm.lrhge", code: "3KUM"),
        .init(symbol: "rlm.glnu", code: "R5YN"),
        .init(symbol: "rlm.glnu.norm", code: "OVBL"),
        .init(symbol: "rlm.rlnu", code: "W92Y"),
        .init(symbol: "rlm.rlnu.norm", code: "IC23"),
        .init(symbol: "rlm.r.perc", code: "9ZK5"),
        .init(symbol: "rlm.gl.var", code: "8CE5"),
        .init(symbol: "rlm.rl.var", code: "SXLW"),
        .init(symbol: "rlm.rl.entr", code: "HJ9O"),
    ]

    /// The largest number of table cells (13 directions x present levels x longest possible run) the
    /// counting pass may allocate (4 bytes each): about 10 000 distinct grey levels in a region 512
    /// voxels across. Beyond it, or for a region 65535 voxels or more across, the matrices would take
    /// gigabytes, and every feature is reported as NaN instead.
    public static let maximumTableCells = 1 << 26

    /// Every GLRLM feature of `image`'s region for each of `aggregations` (other methods than the six
    /// directional ones are ignored), in the order of `aggregations`, then of the IBSI feature list.
    ///
    /// Never traps: an empty region, a grey level above 65536, or more levels than
    /// `maximumTableCells` allows gives NaN for every feature.
    public static func compute(
        _ image: DiscretisedImage, aggregations: [FeatureAggregation] = FeatureAggregation.directional
    ) -> [RadiomicsFeature] {
        var values: [FeatureAggregation: [Double]] = [:]
        let wanted = Set(aggregations).intersection(FeatureAggregation.directional)
        if !wanted.isEmpty, let volume = RankedLevelVolume(image), volume.longestLine < Int(UInt16.max),
            (volume.rankCount + 1) * (volume.longestLine + 1) * NeighbourDirections.volumetric.count
                <= maximumTableCells
        {
            let levels = volume.levels.map(Double.init)
            var aggregator = DirectionalAggregator<RunLengthMatrix>(wanted: wanted, featureCount: names.count) {
                features(of: $0, levels: levels)
            }
            let outOfPlane = RunLengthMatrix.count(in: volume) { aggregator.addSlice($0) }
            values = aggregator.finish(outOfPlane: outOfPlane)
        }
        return directionalFeatures(family: .glrlm, names: names, aggregations: aggregations, values: values)
    }

    /// The 16 features of one matrix in `names`' order, or nil when it holds no run.
    static func features(of matrix: RunLengthMatrix, levels: [Double]) -> [Double]? {
        let (side, width) = (matrix.side, matrix.width)
        var levelRuns = [Double](repeating: 0, count: side)
        var lengthRuns = [Double](repeating: 0, count: width)
        var weighted = (shortLow: 0.0, shortHigh: 0.0, longLow: 0.0, longHigh: 0.0)
        var entropy = 0.0
        let runCount = Double(matrix.counts.reduce(0, +))
        guard runCount > 0 else { return nil }
        matrix.counts.withUnsafeBufferPointer { counts in
            for rank in 1..<side {
                let level = levels[rank]
                let levelSquared = level * level
                for length in 1..<width {
                    let count = counts[rank * width + length]
                    guard count != 0 else { continue }
                    let runs = Double(count)
                    let lengthSquared = Double(length * length)
                    levelRuns[rank] += runs
                    lengthRuns[length] += runs
                    weighted.shortLow += runs / (levelSquared * lengthSquared)
                    weighted.shortHigh += runs * levelSquared / lengthSquared
                    weighted.longLow += runs * lengthSquared / levelSquared
                    weighted.longHigh += runs * levelSquared * lengthSquared
                    let p = runs / runCount
                    entropy -= p * log2(p)
                }
            }
        }

        var shortRuns = 0.0
        var longRuns = 0.0
        var lengthNonUniformity = 0.0
        var voxelCount = 0.0
        var meanLength = 0.0
        for (length, runs) in lengthRuns.enumerated() where runs > 0 {
            let length = Double(length)
            shortRuns += runs / (length * length)
            longRuns += runs * length * length
            lengthNonUniformity += runs * runs
            voxelCount += runs * length
            meanLength += length * runs / runCount
        }
        var lengthVariance = 0.0
        for (length, runs) in lengthRuns.enumerated() where runs > 0 {
            lengthVariance += (Double(length) - meanLength) * (Double(length) - meanLength) * runs / runCount
        }

        var lowLevels = 0.0
        var highLevels = 0.0
        var levelNonUniformity = 0.0
        var meanLevel = 0.0
        for (rank, runs) in levelRuns.enumerated() where runs > 0 {
            let level = levels[rank]
            lowLevels += runs / (level * level)
            highLevels += runs * level * level
            levelNonUniformity += runs * runs
            meanLevel += level * runs / runCount
        }
        var levelVariance = 0.0
        for (rank, runs) in levelRuns.enumerated() where runs > 0 {
            levelVariance += (levels[rank] - meanLevel) * (levels[rank] - meanLevel) * runs / runCount
        }

        return [
            shortRuns / runCount, longRuns / runCount, lowLevels / runCount, highLevels / runCount,
            weighted.shortLow / runCount, weighted.shortHigh / runCount,
            weighted.longLow / runCount, weighted.longHigh / runCount,
            levelNonUniformity / runCount, levelNonUniformity / (runCount * runCount),
            lengthNonUniformity / runCount, lengthNonUniformity / (runCount * runCount),
            runCount / voxelCount, levelVariance, lengthVariance, entropy,
        ]
    }
}
