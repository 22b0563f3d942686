/// One feature of a family as the IBSI manual names it: formula symbol and permanent identifier.
struct FeatureDefinition: Sendable {
    let symbol: String
    let code: String
}

/// The bookkeeping the three aggregation methods of the zone and neighbourhood families share
/// (IBSI 1: 2D `8QNN`, 2.5D `62GR`, 3D `KOBO`).
enum RegionalAggregation {
    /// The requested methods that apply to these families, each once, in the order asked for.
    /// Directional methods (GLCM, GLRLM) and `.volume` do not apply and are dropped.
    static func methods(_ requested: [FeatureAggregation]) -> [FeatureAggregation] {
        var methods: [FeatureAggregation] = []
        for method in requested where FeatureAggregation.regional.contains(method) && !methods.contains(method) {
            methods.append(method)
        }
        return methods
    }

    /// Names `values[method][k]` after `definitions[k]`, method by method; a method without values
    /// (the region was empty) gets NaN for every feature.
    static func features(
        _ family: FeatureFamily, _ definitions: [FeatureDefinition], methods: [FeatureAggregation],
        values: [FeatureAggregation: [Double]]
    ) -> [RadiomicsFeature] {
        var features: [RadiomicsFeature] = []
        features.reserveCapacity(methods.count * definitions.count)
        for method in methods {
            let row = values[method] ?? []
            for (k, definition) in definitions.enumerated() {
                features.append(
                    RadiomicsFeature(
                        family: family, symbol: definition.symbol, code: definition.code, aggregation: method,
                        value: k < row.count ? row[k] : .nan))
            }
        }
        return features
    }
}

/// The 2D aggregation's mean of per-slice feature values.
///
/// Each feature is averaged over the slices where it is defined: a slice that gives NaN (for
/// example an NGTDM slice whose voxels have no in-plane neighbour) does not count for that
/// feature. A feature that no slice defines stays NaN.
struct SliceAverage {
    private var sums: [Double]
    private var counts: [Int]

    init(featureCount: Int) {
        sums = [Double](repeating: 0, count: featureCount)
        counts = [Int](repeating: 0, count: featureCount)
    }

    mutating func add(_ values: [Double]) {
        for k in sums.indices where k < values.count && !values[k].isNaN {
            sums[k] += values[k]
            counts[k] += 1
        }
    }

    var means: [Double] {
        sums.indices.map { counts[$0] > 0 ? sums[$0] / Double(counts[$0]) : .nan }
    }
}
