/// A count matrix that the IBSI aggregation methods can merge.
///
/// Merging adds counts element by element before any probability is formed (IBSI 1, "Feature
/// aggregation"); that is what distinguishes the merged methods from the averaged ones.
protocol MergeableCountMatrix {
    mutating func merge(_ other: Self)
}

extension Array where Element: MergeableCountMatrix {
    /// All matrices merged into one; nil for an empty list.
    var merged: Element? {
        guard var result = first else { return nil }
        for matrix in dropFirst() { result.merge(matrix) }
        return result
    }
}

/// A feature's IBSI name: the manual's symbol (`cm.joint.max`) and its permanent identifier (`GYBY`).
struct TextureFeatureName: Sendable {
    let symbol: String
    let code: String
}

/// The running mean of feature vectors over the matrices an averaging method visits.
///
/// An empty matrix (nil vector) is skipped entirely, so a slice that the region does not touch
/// does not drag a 2D average toward zero. A value that is undefined for one matrix (NaN, e.g. a
/// correlation where that matrix holds a single grey level) is skipped for that feature only: the
/// mean is over the matrices where the feature is defined, and NaN only where it is defined for none.
struct FeatureVectorMean {
    private var sums: [Double]
    private var counts: [Int]

    init(featureCount: Int) {
        sums = Array(repeating: 0, count: featureCount)
        counts = Array(repeating: 0, count: featureCount)
    }

    mutating func add(_ values: [Double]?) {
        guard let values else { return }
        for (index, value) in values.enumerated() where !value.isNaN {
            sums[index] += value
            counts[index] += 1
        }
    }

    var mean: [Double] {
        zip(sums, counts).map { sum, count in count > 0 ? sum / Double(count) : .nan }
    }
}

/// Turns the directional matrices of a GLCM or GLRLM into feature vectors for the six IBSI
/// aggregation methods.
///
/// The 3D matrix of an in-plane direction holds exactly the pairs (or runs) of that direction's 2D
/// matrices in all slices, so it *is* the 2.5D direction-merged matrix. The counting passes
/// therefore deliver the 4 in-plane matrices slice by slice plus only the 9 out-of-plane 3D
/// matrices; every other matrix is derived here by merging, and no slice is kept after it has been
/// seen.
struct DirectionalAggregator<Matrix: MergeableCountMatrix> {
    private let wanted: Set<FeatureAggregation>
    private let featureCount: Int
    private let features: (Matrix) -> [Double]?
    private var planarAveraged: FeatureVectorMean
    private var planarSliceMerged: FeatureVectorMean
    /// The 4 in-plane directions, each merged over the slices seen so far.
    private var stackedDirections: [Matrix] = []

    /// `features` gives one matrix's feature vector, or nil when the matrix holds no counts.
    init(wanted: Set<FeatureAggregation>, featureCount: Int, features: @escaping (Matrix) -> [Double]?) {
        self.wanted = wanted
        self.featureCount = featureCount
        self.features = features
        planarAveraged = FeatureVectorMean(featureCount: featureCount)
        planarSliceMerged = FeatureVectorMean(featureCount: featureCount)
    }

    /// Takes one slice's in-plane matrices, in the order of `NeighbourDirections.planar`.
    mutating func addSlice(_ planar: [Matrix]) {
        if wanted.contains(.planarAveraged) {
            for matrix in planar { planarAveraged.add(features(matrix)) }
        }
        if wanted.contains(.planarSliceMerged), let merged = planar.merged {
            planarSliceMerged.add(features(merged))
        }
        if stackedDirections.isEmpty {
            stackedDirections = planar
        } else {
            for index in planar.indices { stackedDirections[index].merge(planar[index]) }
        }
    }

    /// The feature vector of every wanted method, given the 9 out-of-plane 3D matrices (in the order
    /// of `NeighbourDirections.volumetric`).
    func finish(outOfPlane: [Matrix]) -> [FeatureAggregation: [Double]] {
        var values: [FeatureAggregation: [Double]] = [:]
        func mean(_ matrices: [Matrix]) -> [Double] {
            var mean = FeatureVectorMean(featureCount: featureCount)
            for matrix in matrices { mean.add(features(matrix)) }
            return mean.mean
        }
        func single(_ matrix: Matrix?) -> [Double] {
            matrix.flatMap(features) ?? Array(repeating: .nan, count: featureCount)
        }
        let volumetric = stackedDirections + outOfPlane
        for aggregation in wanted {
            switch aggregation {
            case .planarAveraged: values[aggregation] = planarAveraged.mean
            case .planarSliceMerged: values[aggregation] = planarSliceMerged.mean
            case .stackDirectionMerged: values[aggregation] = mean(stackedDirections)
            case .stackMerged: values[aggregation] = single(stackedDirections.merged)
            case .volumetricAveraged: values[aggregation] = mean(volumetric)
            case .volumetricMerged: values[aggregation] = single(volumetric.merged)
            default: break
            }
        }
        return values
    }
}

/// The features of a directional family in the order asked for: one per name and wanted method.
///
/// Methods that do not apply to GLCM and GLRLM (`.volume`, `.planar`, ...) are ignored, and a
/// method listed twice is reported once. A method without values (an empty region, or matrices too
/// large to hold) reports NaN for every feature.
func directionalFeatures(
    family: FeatureFamily, names: [TextureFeatureName], aggregations: [FeatureAggregation],
    values: [FeatureAggregation: [Double]]
) -> [RadiomicsFeature] {
    var reported = Set<FeatureAggregation>()
    var features: [RadiomicsFeature] = []
    for aggregation in aggregations
    where FeatureAggregation.directional.contains(aggregation) && reported.insert(aggregation).inserted {
        let vector = values[aggregation] ?? Array(repeating: .nan, count: names.count)
        for (name, value) in zip(names, vector) {
            features.append(
                RadiomicsFeature(
                    family: family, symbol: name.symbol, code: name.code, aggregation: aggregation, value: value))
        }
    }
    return features
}
