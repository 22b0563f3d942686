/// Grey level distance zone matrix features (IBSI 1, family VMDZ).
///
/// Zones are those of GLSZM (26-connected in 3D, 8-connected within an x-y slice in 2D and 2.5D);
/// the matrix counts them by grey level and by distance to the edge of the region: the smallest
/// city-block distance over the zone's voxels, 1 on the edge, measured on the morphological mask
/// (in 3D, or within the slice for 2D and 2.5D). The features relate texture to location: whether
/// grey levels form a rim or a core.
public enum GLDZMFeatures {
    /// The 16 features in the manual's order, with the CSV symbols and identifiers.
    static let definitions: [FeatureDefinition] = [
        FeatureDefinition(symbol: "dzm.sde", code: "0GBI"),
        FeatureDefinition(symbol: "dzm.lde", code: "MB4I"),
        FeatureDefinition(symbol: "dzm.lgze", code: "S1RA"),
        FeatureDefinition(symbol: "dzm.hgze", code: "K26C"),
        FeatureDefinition(symbol: "dzm.sdlge", code: "RUVG"),
        FeatureDefinition(symbol: "dzm.sdhge", code: "DKNJ"),
        FeatureDefinition(symbol: "dzm.ldlge", code: "A7WM"),
        FeatureDefinition(symbol: "dzm.ldhge", code: "KLTH"),
        FeatureDefinition(symbol: "dzm.glnu", code: "VFT7"),
        FeatureDefinition(symbol: "dzm.glnu.norm", code: "7HP3"),
        FeatureDefinition(symbol: "dzm.zdnu", code: "V294"),
        FeatureDefinition(symbol: "dzm.zdnu.norm", code: "IATH"),
        FeatureDefinition(symbol: "dzm.z.perc", code: "VIWW"),
        FeatureDefinition(symbol: "dzm.gl.var", code: "QK93"),
        FeatureDefinition(symbol: "dzm.zd.var", code: "7WT1"),
        FeatureDefinition(symbol: "dzm.zd.entr", code: "GBDU"),
    ]

    /// The GLDZM features of `image`'s region for each requested method (`.planar`, `.stack`,
    /// `.volumetric`; other methods are ignored), 16 per method.
    ///
    /// Every region with at least one voxel has at least one zone, so every feature is defined: a
    /// one-voxel region is one zone at distance 1 (variances 0, entropy 0). Only a region without
    /// any voxel whose level lies in 1...Ng gives NaN throughout. For 2D the slices without region
    /// voxels are skipped.
    public static func compute(
        _ image: DiscretisedImage, aggregations: [FeatureAggregation] = FeatureAggregation.regional
    ) -> [RadiomicsFeature] {
        let methods = RegionalAggregation.methods(aggregations)
        let values = ZoneMatrices.statistics(image, column: .distance, methods: methods)
        return RegionalAggregation.features(.gldzm, definitions, methods: methods, values: values)
    }
}
