import Foundation

/// Neighbourhood grey tone difference matrix features (IBSI 1, family IPET).
///
/// Each voxel is compared with the mean grey level of its neighbours in the region (Chebyshev
/// distance 1: 26 neighbours in 3D, 8 within the x-y slice in 2D and 2.5D). The features
/// (Amadasun and King) describe how fast and how strongly grey levels change, as a viewer would
/// judge coarseness, contrast, busyness, complexity and strength.
///
/// With n_i, s_i as in `ToneDifferenceMatrix`, N_v,c = sum n_i, p_i = n_i / N_v,c and N_g,p the
/// number of levels with p_i > 0 (sums over i1, i2 only run over such levels):
/// - coarseness 1 / sum p_i s_i, and 10^6 when that sum is 0 (the IBSI cap);
/// - contrast [sum p_i1 p_i2 (i1 - i2)^2 / (N_g,p (N_g,p - 1))] [sum s_i / N_v,c], 0 when N_g,p = 1;
/// - busyness sum p_i s_i / sum |i1 p_i1 - i2 p_i2|, 0 when N_g,p = 1;
/// - complexity sum |i1 - i2| (p_i1 s_i1 + p_i2 s_i2) / (p_i1 + p_i2) / N_v,c;
/// - strength sum (p_i1 + p_i2)(i1 - i2)^2 / sum s_i, 0 when sum s_i = 0.
public enum NGTDMFeatures {
    /// The 5 features in the manual's order, with the CSV symbols and identifiers.
    static let definitions: [FeatureDefinition] = [
        FeatureDefinition(symbol: "ngt.coarseness", code: "QCDE"),
        FeatureDefinition(symbol: "ngt.contrast", code: "65HE"),
        FeatureDefinition(symbol: "ngt.busyness", code: "NQ30"),
        FeatureDefinition(symbol: "ngt.complexity", code: "HDEZ"),
        FeatureDefinition(symbol: "ngt.strength", code: "1X9X"),
    ]

    /// The NGTDM features of `image`'s region for each requested method (`.planar`, `.stack`,
    /// `.volumetric`; other methods are ignored), 5 per method.
    ///
    /// A voxel without any neighbour in the region (a one-voxel region; in 2D, a voxel alone in its
    /// slice) is left out of n_i and s_i, as IBSI prescribes. The features are NaN only where they
    /// are mathematically undefined:
    /// - all five when no voxel has a neighbour (N_v,c = 0: p_i is undefined), e.g. a one-voxel
    ///   region; in 2D such slices are left out of the average, and the feature is NaN only when
    ///   every slice is like that;
    /// - busyness when its denominator sum |i1 p_i1 - i2 p_i2| is 0 with N_g,p > 1 (every present
    ///   level has the same i p_i) while the numerator is positive.
    ///
    /// A single grey level gives coarseness 10^6 and contrast, busyness, complexity, strength 0.
    public static func compute(
        _ image: DiscretisedImage, aggregations: [FeatureAggregation] = FeatureAggregation.regional
    ) -> [RadiomicsFeature] {
        let methods = RegionalAggregation.methods(aggregations)
        var values: [FeatureAggregation: [Double]] = [:]
        if let region = PaddedRegion(image), !methods.isEmpty {
            let planar = methods.contains(.planar) || methods.contains(.stack)
            let volumetric = methods.contains(.volumetric)
            var merged = ToneDifferenceMatrix(levelCount: region.levelCount)
            var average = SliceAverage(featureCount: definitions.count)
            let volume = ToneDifferenceCounting.sweep(region, planar: planar, volumetric: volumetric) { slice in
                average.add(features(slice))
                merged.merge(slice)
            }
            if planar {
                values[.planar] = average.means
                values[.stack] = features(merged)
            }
            if let volume {
                values[.volumetric] = features(volume)
            }
        }
        return RegionalAggregation.features(.ngtdm, definitions, methods: methods, values: values)
    }

    /// Coarseness, contrast, busyness, complexity and strength of one matrix.
    static func features(_ matrix: ToneDifferenceMatrix) -> [Double] {
        let total = matrix.neighbouredVoxelCount
        guard total > 0 else { return [Double](repeating: .nan, count: definitions.count) }
        // The levels present (p_i > 0), with p_i and s_i.
        var levels: [Double] = []
        var probabilities: [Double] = []
        var differences: [Double] = []
        for k in matrix.voxelCounts.indices where matrix.voxelCounts[k] > 0 {
            levels.append(Double(k + 1))
            probabilities.append(matrix.voxelCounts[k] / total)
            differences.append(matrix.differences[k])
        }
        let present = levels.count
        var weightedDifference = 0.0  // sum p_i s_i
        var differenceSum = 0.0  // sum s_i
        var levelMean = 0.0  // sum p_i i
        var presentLevelMean = 0.0  // unweighted mean of the present levels
        for k in 0..<present {
            weightedDifference += probabilities[k] * differences[k]
            differenceSum += differences[k]
            levelMean += probabilities[k] * levels[k]
            presentLevelMean += levels[k]
        }
        presentLevelMean /= Double(present)

        let coarseness = weightedDifference > 0 ? 1 / weightedDifference : 1e6

        // sum_i1 sum_i2 p_i1 p_i2 (i1 - i2)^2 = 2 sum_i p_i (i - mean)^2, because sum p_i = 1.
        var levelSpread = 0.0
        var presentSpread = 0.0  // sum over present i of (i - presentLevelMean)^2
        for k in 0..<present {
            levelSpread += probabilities[k] * (levels[k] - levelMean) * (levels[k] - levelMean)
            presentSpread += (levels[k] - presentLevelMean) * (levels[k] - presentLevelMean)
        }
        let contrast =
            present > 1 ? 2 * levelSpread / Double(present * (present - 1)) * (differenceSum / total) : 0

        // sum_i1 sum_i2 |v_i1 - v_i2| with v = i p_i: sort, then the k-th smallest of n values
        // enters with sign + k times and - (n - 1 - k) times.
        let busyness: Double
        if present > 1 {
            let weighted = (0..<present).map { levels[$0] * probabilities[$0] }.sorted()
            var spread = 0.0
            for (k, value) in weighted.enumerated() { spread += value * Double(2 * k - present + 1) }
            spread *= 2
            // Rounding leaves a trace of spread when every i p_i is equal; that is a zero denominator.
            if spread > 1e-12 * Double(present) * weighted.reduce(0, +) {
                busyness = weightedDifference / spread
            } else {
                busyness = weightedDifference > 0 ? .nan : 0
            }
        } else {
            busyness = 0
        }

        var complexitySum = 0.0
        for a in 0..<present {
            let termA = probabilities[a] * differences[a]
            for b in 0..<present where b != a {
                complexitySum +=
                    abs(levels[a] - levels[b]) * (termA + probabilities[b] * differences[b])
                    / (probabilities[a] + probabilities[b])
            }
        }
        let complexity = complexitySum / total

        // sum_i1 sum_i2 (p_i1 + p_i2)(i1 - i2)^2 = 2 sum_i1 p_i1 sum_i2 (i1 - i2)^2, and
        // sum_i2 (i1 - i2)^2 = N_g,p (i1 - m)^2 + sum_i2 (i2 - m)^2 with m the present levels' mean.
        var strengthSum = 0.0
        for k in 0..<present {
            let offset = levels[k] - presentLevelMean
            strengthSum += probabilities[k] * (Double(present) * offset * offset + presentSpread)
        }
        let strength = differenceSum > 0 ? 2 * strengthSum / differenceSum : 0

        return [coarseness, contrast, busyness, complexity, strength]
    }
}
