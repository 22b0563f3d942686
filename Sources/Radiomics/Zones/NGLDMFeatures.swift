/// Neighbouring grey level dependence matrix features (IBSI 1, family REK0).
///
/// Each voxel's dependence is 1 plus the number of its neighbours in the region with the same grey
/// level (Chebyshev distance 1: 26 neighbours in 3D, 8 within the x-y slice in 2D and 2.5D;
/// coarseness alpha = 0); the matrix counts voxels by grey level and dependence. Like GLSZM it
/// measures how homogeneous the texture is, but locally and without tracing whole zones.
public enum NGLDMFeatures {
    /// The 17 features in the manual's order, with the CSV symbols and identifiers.
    static let definitions: [FeatureDefinition] = [
        FeatureDefinition(symbol: "ngl.lde", code: "SODN"),
        FeatureDefinition(symbol: "ngl.hde", code: "IMOQ"),
        FeatureDefinition(symbol: "ngl.lgce", code: "TL9H"),
        FeatureDefinition(symbol: "ngl.hgce", code: "OAE7"),
        FeatureDefinition(symbol: "ngl.ldlge", code: "EQ3F"),
        FeatureDefinition(symbol: "ngl.ldhge", code: "JA6D"),
        FeatureDefinition(symbol: "ngl.hdlge", code: "NBZI"),
        FeatureDefinition(symbol: "ngl.hdhge", code: "9QMG"),
        FeatureDefinition(symbol: "ngl.glnu", code: "FP8K"),
        FeatureDefinition(symbol: "ngl.glnu.norm", code: "5SPA"),
        FeatureDefinition(symbol: "ngl.dcnu", code: "Z87G"),
        FeatureDefinition(symbol: "ngl.dcnu.norm", code: "OKJI"),
        FeatureDefinition(symbol: "ngl.dc.perc", code: "6XV8"),
        FeatureDefinition(symbol: "ngl.gl.var", code: "1PFV"),
        FeatureDefinition(symbol: "ngl.dc.var", code: "DNX2"),
        FeatureDefinition(symbol: "ngl.dc.entr", code: "FCBV"),
        FeatureDefinition(symbol: "ngl.dc.energy", code: "CAS9"),
    ]

    /// The NGLDM features of `image`'s region for each requested method (`.planar`, `.stack`,
    /// `.volumetric`; other methods are ignored), 17 per method.
    ///
    /// Every region voxel is a neighbourhood centre, so every feature is defined for a region with
    /// at least one voxel: a voxel without neighbours simply has dependence 1 (a one-voxel region
    /// gives dependence emphases 1, variances 0, entropy 0, energy 1), and dependence count
    /// percentage is always 1. Only a region without any voxel whose level lies in 1...Ng gives
    /// NaN throughout. For 2D the slices without region voxels are skipped.
    public static func compute(
        _ image: DiscretisedImage, aggregations: [FeatureAggregation] = FeatureAggregation.regional
    ) -> [RadiomicsFeature] {
        let methods = RegionalAggregation.methods(aggregations)
        var values: [FeatureAggregation: [Double]] = [:]
        if let region = PaddedRegion(image), !methods.isEmpty {
            let planar = methods.contains(.planar) || methods.contains(.stack)
            let volumetric = methods.contains(.volumetric)
            var merged = CountAccumulator(
                levelCount: region.levelCount, largestColumn: 9, denseCellLimit: CountAccumulator.fewColumnsCellLimit)
            var average = SliceAverage(featureCount: definitions.count)
            let volume = NeighbourhoodDependence.sweep(region, planar: planar, volumetric: volumetric) { slice in
                average.add(CountMatrixStatistics(slice).values)
                merged.add(slice)
            }
            if planar {
                values[.planar] = average.means
                values[.stack] = CountMatrixStatistics(merged.takeMatrix(voxelCount: region.voxelCount)).values
            }
            if let volume {
                values[.volumetric] = CountMatrixStatistics(volume).values
            }
        }
        return RegionalAggregation.features(.ngldm, definitions, methods: methods, values: values)
    }
}
