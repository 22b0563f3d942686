/// One computed IBSI feature.
///
/// `symbol` is the IBSI manual's symbol (`cm.joint.max` for F_cm.joint.max) and `code` its
/// permanent identifier (`GYBY`); together with the aggregation they name a value uniquely, and
/// are how results are compared with the published reference values.
public struct RadiomicsFeature: Sendable, Hashable {
    public let family: FeatureFamily
    public let symbol: String
    public let code: String
    public let aggregation: FeatureAggregation
    public let value: Double

    public init(family: FeatureFamily, symbol: String, code: String, aggregation: FeatureAggregation, value: Double) {
        self.family = family
        self.symbol = symbol
        self.code = code
        self.aggregation = aggregation
        self.value = value
    }

    /// `symbol` for whole-volume features, `symbol/aggregation` for texture features, e.g.
    /// `cm.joint.max/3D:mrg`: the name the command line and the encoder use.
    public var name: String {
        aggregation == .volume ? symbol : "\(symbol)/\(aggregation.abbreviation)"
    }
}

/// The IBSI chapter 1 feature families.
public enum FeatureFamily: String, Sendable, Hashable, CaseIterable {
    case morphology
    case localIntensity = "local intensity"
    case intensityStatistics = "intensity-based statistics"
    case intensityHistogram = "intensity histogram"
    case intensityVolumeHistogram = "intensity-volume histogram"
    case glcm = "GLCM"
    case glrlm = "GLRLM"
    case glszm = "GLSZM"
    case gldzm = "GLDZM"
    case ngtdm = "NGTDM"
    case ngldm = "NGLDM"
}

/// How per-slice and per-direction results are combined (IBSI 1, "Feature aggregation").
public enum FeatureAggregation: String, Sendable, Hashable, CaseIterable {
    /// Computed over the whole region at once (morphology, intensity, histogram features).
    case volume = "DHQ4"
    // GLCM and GLRLM.
    /// One matrix per slice and in-plane direction; features averaged.
    case planarAveraged = "BTW3"
    /// A slice's directional matrices merged; features averaged over slices.
    case planarSliceMerged = "SUJT"
    /// One direction's matrices merged over all slices; features averaged over directions.
    case stackDirectionMerged = "JJUI"
    /// Every slice's and direction's matrix merged into one.
    case stackMerged = "ZW7Z"
    /// One matrix per 3D direction; features averaged.
    case volumetricAveraged = "ITBB"
    /// The 13 directional matrices merged into one.
    case volumetricMerged = "IAZD"
    // GLSZM, GLDZM, NGTDM and NGLDM.
    /// One matrix per slice; features averaged.
    case planar = "8QNN"
    /// The per-slice matrices merged into one.
    case stack = "62GR"
    /// One 3D matrix.
    case volumetric = "KOBO"

    /// The IBSI permanent identifier of the aggregation method.
    public var code: String { rawValue }

    /// The IBSI reporting nomenclature, e.g. `3D:mrg`.
    public var abbreviation: String {
        switch self {
        case .volume: "3D"
        case .planarAveraged: "2D:avg"
        case .planarSliceMerged: "2D:smrg"
        case .stackDirectionMerged: "2.5D:dmrg"
        case .stackMerged: "2.5D:vmrg"
        case .volumetricAveraged: "3D:avg"
        case .volumetricMerged: "3D:mrg"
        case .planar: "2D"
        case .stack: "2.5D"
        case .volumetric: "3D"
        }
    }

    /// The six methods of the directional families (GLCM, GLRLM).
    public static let directional: [FeatureAggregation] = [
        .planarAveraged, .planarSliceMerged, .stackDirectionMerged, .stackMerged, .volumetricAveraged,
        .volumetricMerged,
    ]
    /// The three methods of the zone and neighbourhood families (GLSZM, GLDZM, NGTDM, NGLDM).
    public static let regional: [FeatureAggregation] = [.planar, .stack, .volumetric]
}
