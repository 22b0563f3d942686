/// Grey level size zone matrix features (IBSI 1, family 9SAK).
///
/// A zone is a maximal group of linked voxels with the same grey level (26-connected in 3D,
/// 8-connected within an x-y slice in 2D and 2.5D); the matrix counts zones by grey level and size.
/// Large homogeneous regions give large zones, fine texture many small ones, so the features
/// describe texture coarseness independently of direction.
public enum GLSZMFeatures {
    /// The 16 features in the manual's order, with the CSV symbols and identifiers.
    static let definitions: [FeatureDefinition] = [
        FeatureDefinition(symbol: "szm.sze", code: "5QRC"),
        FeatureDefinition(symbol: "szm.lze", code: "48P8"),
        FeatureDefinition(symbol: "szm.lgze", code: "XMSY"),
        FeatureDefinition(symbol: "szm.hgze", code: "5GN9"),
        FeatureDefinition(symbol: "szm.szlge", code: "5RAI"),
        FeatureDefinition(symbol: "szm.szhge", code: "HW1V"),
        FeatureDefinition(symbol: "szm.lzlge", code: "YH51"),
        FeatureDefinition(symbol: "szm.lzhge", code: "J17V"),
        FeatureDefinition(symbol: "szm.glnu", code: "JNSA"),
        FeatureDefinition(symbol: "szm.glnu.norm", code: "Y1RO"),
        FeatureDefinition(symbol: "szm.zsnu", code: "4JP3"),
        FeatureDefinition(symbol: "szm.zsnu.norm", code: "VB3A"),
        FeatureDefinition(symbol: "szm.z.perc", code: "P30P"),
        FeatureDefinition(symbol: "szm.gl.var", code: "BYLV"),
        FeatureDefinition(symbol: "szm.zs.var", code: "3NSA"),
        FeatureDefinition(symbol: "szm.zs.entr", code: "GU8N"),
    ]

    /// The GLSZM features of `image`'s region for each requested method (`.planar`, `.stack`,
    /// `.volumetric`; other methods are ignored), 16 per method.
    ///
    /// Every region with at least one voxel has at least one zone, so every feature is defined: a
    /// one-voxel region or a single grey level gives one zone size/level, variances 0 and entropy 0.
    /// Only a region without any voxel whose level lies in 1...Ng gives NaN throughout. For 2D the
    /// slices without region voxels are skipped.
    public static func compute(
        _ image: DiscretisedImage, aggregations: [FeatureAggregation] = FeatureAggregation.regional
    ) -> [RadiomicsFeature] {
        let methods = RegionalAggregation.methods(aggregations)
        let values = ZoneMatrices.statistics(image, column: .size, methods: methods)
        return RegionalAggregation.features(.glszm, definitions, methods: methods, values: values)
    }
}
