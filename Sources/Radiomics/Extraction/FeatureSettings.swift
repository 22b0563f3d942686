/// Everything that changes a feature value, so that it can be reported beside the values and
/// hashed into an encoder fingerprint.
public struct FeatureSettings: Sendable, Hashable {
    /// Grey levels for the histogram and texture families.
    public var discretisation: Discretisation
    /// How the intensity-volume histogram bins intensities.
    public var intensityVolumeHistogram: IntensityVolumeHistogramSettings
    /// The families to compute; all of them by default.
    public var families: Set<FeatureFamily>
    /// Aggregation methods of GLCM and GLRLM.
    public var directionalAggregations: [FeatureAggregation]
    /// Aggregation methods of GLSZM, GLDZM, NGTDM and NGLDM.
    public var regionalAggregations: [FeatureAggregation]
    /// Interpolation to a new spacing before anything else; nil keeps the image's own grid.
    public var resampling: Resampling?

    public init(
        discretisation: Discretisation,
        intensityVolumeHistogram: IntensityVolumeHistogramSettings,
        families: Set<FeatureFamily> = Set(FeatureFamily.allCases),
        directionalAggregations: [FeatureAggregation] = FeatureAggregation.directional,
        regionalAggregations: [FeatureAggregation] = FeatureAggregation.regional,
        resampling: Resampling? = nil
    ) {
        self.discretisation = discretisation
        self.intensityVolumeHistogram = intensityVolumeHistogram
        self.families = families
        self.directionalAggregations = directionalAggregations
        self.regionalAggregations = regionalAggregations
        self.resampling = resampling
    }

    /// A canonical one-line description, stable across runs (used in fingerprints).
    public var canonicalDescription: String {
        let bins: String
        switch discretisation {
        case .fixedBinNumber(let count): bins = "fbn=\(count)"
        case .fixedBinSize(let width, let lower): bins = "fbs=\(width)" + (lower.map { "@\($0)" } ?? "")
        }
        let families = FeatureFamily.allCases.filter { self.families.contains($0) }.map(\.rawValue)
        return [
            bins, "ivh=\(intensityVolumeHistogram)", "families=\(families.joined(separator: "+"))",
            "dir=\(directionalAggregations.map(\.code).joined(separator: "+"))",
            "reg=\(regionalAggregations.map(\.code).joined(separator: "+"))",
            resampling?.description ?? "resample=none",
        ].joined(separator: ";")
    }
}
