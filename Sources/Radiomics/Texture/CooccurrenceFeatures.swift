import Foundation

/// The 25 grey level co-occurrence matrix features of IBSI 1 (family code LFYI).
///
/// Co-occurrence features describe how grey levels of neighbouring voxels combine: whether the region
/// is made of large patches of one level (high joint maximum, energy, inverse differences) or of
/// neighbours that differ (high contrast, entropy). The matrix is symmetric, at Chebyshev distance 1,
/// and counts only pairs whose two voxels are both in the region. Entropies use log₂.
///
/// Conventions where IBSI leaves a value open (documented per feature in `names`' order below):
/// - A matrix with no pair (a one-voxel region, a slice with one voxel, an out-of-plane direction of a
///   one-slice region) has no probabilities, so it is skipped by the averaging methods; a merged
///   method whose single matrix is empty reports NaN for every feature.
/// - Correlation (`cm.corr`) and information correlation 1 (`cm.info.corr.1`) divide by the marginal
///   variance and entropy; for a matrix with a single grey level both are 0/0 and reported as NaN
///   (the averaging methods then average over the matrices where they are defined). Every other
///   feature is defined for any non-empty matrix; for a single grey level `cm.info.corr.2` is 0.
public enum GLCMFeatures {
    /// IBSI symbols and identifiers, in the order the features are reported.
    static let names: [TextureFeatureName] = [
        .init(symbol: "cm.joint.max", code: "GYBY"),
        .init(symbol: "cm.joint.avg", code: "60VM"),
        .init(symbol: "cm.joint.var", code: "UR99"),
        .init(symbol: "cm.joint.entr", code: "TU9B"),
        .init(symbol: "cm.diff.avg", code: "TF7R"),
        .init(symbol: "cm.diff.var", code: "D3YU"),
        .init(symbol: "cm.diff.entr", code: "NTRS"),
        .init(symbol: "cm.sum.avg", code: "ZGXS"),
        .init(symbol: "cm.sum.var", code: "OEEB"),
        .init(symbol: "cm.sum.entr", code: "P6QZ"),
        .init(symbol: "cm.energy", code: "8ZQL"),
        .init(symbol: "cm.contrast", code: "ACUI"),
        .init(symbol: "cm.dissimilarity", code: "8S9J"),
        .init(symbol: "cm.inv.diff", code: "IB1Z"),
        .init(symbol: "cm.inv.diff.norm", code: "NDRX"),
        .init(symbol: "cm.inv.diff.mom", code: "WF0Z"),
        .init(symbol: "cm.inv.diff.mom.norm", code: "1QCO"),
        .init(symbol: "cm.inv.var", code: "E8JP"),
        .init(symbol: "cm.corr", code: "NI2N"),
        .init(symbol: "cm.auto.corr", code: "QWB0"),
        .init(symbol: "cm.clust.tend", code: "DG8W"),
        .init(symbol: "cm.clust.shade", code: "7NFM"),
        .init(symbol: "cm.clust.prom", code: "AE86"),
        .init(symbol: "cm.info.corr.1", code: "R8DG"),
        .init(symbol: "cm.info.corr.2", code: "JN9H"),
    ]

    /// The largest number of table cells (13 directions x present levels²) the counting pass may
    /// allocate (4 bytes each, plus 8 for each cell of the merged matrices): about 1130 distinct grey
    /// levels in the region. Beyond it the matrices would take gigabytes, and every feature is
    /// reported as NaN instead; use a coarser discretisation.
    public static let maximumTableCells = 1 << 24

    /// Every GLCM feature of `image`'s region for each of `aggregations` (other methods than the six
    /// directional ones are ignored), in the order of `aggregations`, then of the IBSI feature list.
    ///
    /// Never traps: an empty region, a grey level above 65536, or more levels than
    /// `maximumTableCells` allows gives NaN for every feature.
    public static func compute(
        _ image: DiscretisedImage, aggregations: [FeatureAggregation] = FeatureAggregation.directional
    ) -> [RadiomicsFeature] {
        var values: [FeatureAggregation: [Double]] = [:]
        let wanted = Set(aggregations).intersection(FeatureAggregation.directional)
        if !wanted.isEmpty, let volume = RankedLevelVolume(image),
            (volume.rankCount + 1) * (volume.rankCount + 1) * NeighbourDirections.volumetric.count
                <= maximumTableCells
        {
            let levels = volume.levels.map(Double.init)
            let levelCount = Double(volume.levelCount)
            var aggregator = DirectionalAggregator<CooccurrenceMatrix>(wanted: wanted, featureCount: names.count) {
                features(of: $0, levels: levels, levelCount: levelCount)
            }
            let outOfPlane = CooccurrenceMatrix.count(in: volume) { aggregator.addSlice($0) }
            values = aggregator.finish(outOfPlane: outOfPlane)
        }
        return directionalFeatures(family: .glcm, names: names, aggregations: aggregations, values: values)
    }

    /// The 25 features of one matrix in `names`' order, or nil when it holds no pair.
    ///
    /// Everything but the joint maximum, entropy, energy and autocorrelation is computed from the
    /// marginal, sum (p_{x+y}) and difference (p_{x-y}) distributions, formed once. The matrix is
    /// symmetric, so p_x = p_y, μ_x = μ_y, σ_x = σ_y, and HXY1 = HXY2 = HX + HY = 2 HX exactly.
    static func features(of matrix: CooccurrenceMatrix, levels: [Double], levelCount: Double) -> [Double]? {
        let side = matrix.side
        var marginalCounts = [Double](repeating: 0, count: side)
        var oneSidedTotal = 0
        matrix.counts.withUnsafeBufferPointer { counts in
            for a in 1..<side {
                for b in 1..<side {
                    let count = counts[a * side + b]
                    guard count != 0 else { continue }
                    oneSidedTotal += count
                    marginalCounts[a] += Double(count)
                    marginalCounts[b] += Double(count)
                }
            }
        }
        guard oneSidedTotal > 0 else { return nil }
        let pairTotal = 2 * Double(oneSidedTotal)
        let present = (1..<side).filter { marginalCounts[$0] > 0 }
        let lowest = levels[present.first!]
        let highest = levels[present.last!]
        let spread = Int(highest - lowest)

        // Sum distribution indexed by i + j - 2·lowest, difference distribution by |i - j|.
        var sumDistribution = [Double](repeating: 0, count: 2 * spread + 1)
        var differenceDistribution = [Double](repeating: 0, count: spread + 1)
        var jointMaximum = 0.0
        var jointEntropy = 0.0
        var energy = 0.0
        var autocorrelation = 0.0
        matrix.counts.withUnsafeBufferPointer { counts in
            for a in present {
                let i = levels[a]
                for b in present {
                    let count = counts[a * side + b] + counts[b * side + a]
                    guard count != 0 else { continue }
                    let j = levels[b]
                    let p = Double(count) / pairTotal
                    jointMaximum = Swift.max(jointMaximum, p)
                    jointEntropy -= p * log2(p)
                    energy += p * p
                    autocorrelation += i * j * p
                    sumDistribution[Int(i + j - 2 * lowest)] += p
                    differenceDistribution[Int(abs(i - j))] += p
                }
            }
        }

        var mean = 0.0
        var marginalEntropy = 0.0
        for a in present {
            let p = marginalCounts[a] / pairTotal
            mean += levels[a] * p
            marginalEntropy -= p * log2(p)
        }
        var variance = 0.0
        for a in present { variance += (levels[a] - mean) * (levels[a] - mean) * marginalCounts[a] / pairTotal }

        var differenceAverage = 0.0
        var differenceEntropy = 0.0
        var contrast = 0.0
        var inverseDifference = 0.0
        var normalisedInverseDifference = 0.0
        var inverseDifferenceMoment = 0.0
        var normalisedInverseDifferenceMoment = 0.0
        var inverseVariance = 0.0
        for (k, p) in differenceDistribution.enumerated() where p > 0 {
            let k = Double(k)
            differenceAverage += k * p
            differenceEntropy -= p * log2(p)
            contrast += k * k * p
            inverseDifference += p / (1 + k)
            normalisedInverseDifference += p / (1 + k / levelCount)
            inverseDifferenceMoment += p / (1 + k * k)
            normalisedInverseDifferenceMoment += p / (1 + k * k / (levelCount * levelCount))
            if k > 0 { inverseVariance += p / (k * k) }
        }
        var differenceVariance = 0.0
        for (k, p) in differenceDistribution.enumerated() where p > 0 {
            differenceVariance += (Double(k) - differenceAverage) * (Double(k) - differenceAverage) * p
        }

        var sumAverage = 0.0
        var sumEntropy = 0.0
        for (index, p) in sumDistribution.enumerated() where p > 0 {
            sumAverage += (Double(index) + 2 * lowest) * p
            sumEntropy -= p * log2(p)
        }
        var sumVariance = 0.0
        var clusterTendency = 0.0
        var clusterShade = 0.0
        var clusterProminence = 0.0
        for (index, p) in sumDistribution.enumerated() where p > 0 {
            let k = Double(index) + 2 * lowest
            sumVariance += (k - sumAverage) * (k - sumAverage) * p
            let deviation = k - 2 * mean
            let squared = deviation * deviation
            clusterTendency += squared * p
            clusterShade += squared * deviation * p
            clusterProminence += squared * squared * p
        }

        // 0/0 for a single grey level: undefined, NaN.
        let correlation = variance > 0 ? (autocorrelation - mean * mean) / variance : .nan
        let informationCorrelation1 =
            marginalEntropy > 0 ? (jointEntropy - 2 * marginalEntropy) / marginalEntropy : .nan
        let informationCorrelation2 = (1 - exp(-2 * Swift.max(0, 2 * marginalEntropy - jointEntropy))).squareRoot()

        return [
            jointMaximum, mean, variance, jointEntropy,
            differenceAverage, differenceVariance, differenceEntropy,
            sumAverage, sumVariance, sumEntropy,
            energy, contrast, differenceAverage,
            inverseDifference, normalisedInverseDifference, inverseDifferenceMoment, normalisedInverseDifferenceMoment,
            inverseVariance, correlation, autocorrelation,
            clusterTendency, clusterShade, clusterProminence,
            informationCorrelation1, informationCorrelation2,
        ]
    }
}
