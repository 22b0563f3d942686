import Foundation
import Radiomics
import Testing

/// GLSZM, GLDZM, NGTDM and NGLDM: hand-counted matrices, aggregation semantics and edge cases. The
/// comparison with the IBSI phantom lives with the other compliance tests.
@Suite struct ZoneTextureTests {
    // MARK: Helpers

    /// Levels given as rows (y) of slices (z); 0 marks a voxel outside the region. Levels are used
    /// as they are (bin width 1 from lower bound 1), so Ng is the largest level.
    static func image(_ slices: [[[Int]]]) -> DiscretisedImage {
        let sizeZ = slices.count
        let sizeY = slices[0].count
        let sizeX = slices[0][0].count
        let grid = VoxelGrid(sizeX: sizeX, sizeY: sizeY, sizeZ: sizeZ, spacing: SIMD3(1, 1, 1))
        let flat = slices.flatMap { $0.flatMap { $0 } }
        let intensities = IntensityImage(grid: grid, values: flat.map { Float(max($0, 1)) })
        let mask = RegionMask(grid: grid, inside: flat.map { $0 > 0 })
        return try! Discretisation.fixedBinSize(width: 1, lowerBound: 1).apply(to: intensities, mask: mask)
    }

    /// Feature values by symbol for one aggregation method.
    static func values(_ features: [RadiomicsFeature], _ method: FeatureAggregation) -> [String: Double] {
        var values: [String: Double] = [:]
        for feature in features where feature.aggregation == method { values[feature.symbol] = feature.value }
        return values
    }

    static func expectClose(
        _ values: [String: Double], _ expected: [String: Double], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for (symbol, value) in expected {
            let actual = values[symbol] ?? .nan
            #expect(
                abs(actual - value) <= 1e-12 * max(1, abs(value)), "\(symbol): \(actual) != \(value)",
                sourceLocation: sourceLocation)
        }
    }

    /// A 4 x 4 single-slice image with 3 grey levels whose zones and neighbourhoods are counted by
    /// hand below (x to the right, y downwards):
    ///
    ///     1 1 2 2
    ///     1 3 3 2
    ///     1 3 3 2
    ///     2 2 1 1
    static let square = image([[[1, 1, 2, 2], [1, 3, 3, 2], [1, 3, 3, 2], [2, 2, 1, 1]]])

    // MARK: GLSZM

    /// 8-connected zones (level, size): (1, 4), (1, 2), (2, 4), (2, 2), (3, 4); N_s = 5, N_v = 16.
    /// A single slice has the same zones in 2D, 2.5D and 3D.
    @Test func sizeZonesOfTheSquare() {
        let features = GLSZMFeatures.compute(Self.square)
        #expect(features.count == 48)
        let expected: [String: Double] = [
            "szm.sze": (1.0 / 16 + 1.0 / 4 + 1.0 / 16 + 1.0 / 4 + 1.0 / 16) / 5,
            "szm.lze": (16.0 + 4 + 16 + 4 + 16) / 5,
            "szm.lgze": (1.0 + 1 + 1.0 / 4 + 1.0 / 4 + 1.0 / 9) / 5,
            "szm.hgze": (1.0 + 1 + 4 + 4 + 9) / 5,
            "szm.szlge": (1.0 / 16 + 1.0 / 4 + 1.0 / 64 + 1.0 / 16 + 1.0 / 144) / 5,
            "szm.szhge": (1.0 / 16 + 1.0 / 4 + 4.0 / 16 + 4.0 / 4 + 9.0 / 16) / 5,
            "szm.lzlge": (16.0 + 4 + 16.0 / 4 + 4.0 / 4 + 16.0 / 9) / 5,
            "szm.lzhge": (16.0 + 4 + 4 * 16 + 4 * 4 + 9 * 16) / 5,
            "szm.glnu": 9.0 / 5,
            "szm.glnu.norm": 9.0 / 25,
            "szm.zsnu": 13.0 / 5,
            "szm.zsnu.norm": 13.0 / 25,
            "szm.z.perc": 5.0 / 16,
            "szm.gl.var": 0.56,
            "szm.zs.var": 0.96,
            "szm.zs.entr": log2(5.0),
        ]
        for method in FeatureAggregation.regional {
            Self.expectClose(Self.values(features, method), expected)
        }
    }

    /// A U-shaped zone is reached from two seeds in raster order and must be merged into one.
    @Test func zonesThatMeetLateAreOneZone() {
        let cup = Self.image([[[1, 2, 1], [1, 2, 1], [1, 1, 1]]])
        let values = Self.values(GLSZMFeatures.compute(cup, aggregations: [.volumetric]), .volumetric)
        Self.expectClose(values, ["szm.lze": (49.0 + 4) / 2, "szm.z.perc": 2.0 / 9])
    }

    /// Two voxels touching only at a corner across slices form one 26-connected zone in 3D, but
    /// two zones in 2D, and 2.5D merges the slices' matrices (N_s and N_v summed) before computing.
    @Test func aggregationMethodsDifferAsIBSIDefines() {
        let diagonal = Self.image([[[1, 2], [2, 2]], [[2, 2], [2, 1]]])
        let features = GLSZMFeatures.compute(diagonal)
        // Per slice: zones (1, 1) and (2, 3); N_v = 4.
        Self.expectClose(Self.values(features, .planar), ["szm.z.perc": 0.5, "szm.lze": 5])
        Self.expectClose(Self.values(features, .stack), ["szm.z.perc": 0.5, "szm.zsnu": 2])
        // 3D: zones (1, 2) and (2, 6); N_v = 8.
        Self.expectClose(Self.values(features, .volumetric), ["szm.z.perc": 0.25, "szm.lze": 20])
    }

    // MARK: GLDZM

    /// In 2D the distance is measured within the slice: the border ring has distance 1 and the
    /// central 2 x 2 (the level-3 zone) distance 2. Zones (level, distance): (1, 1), (1, 1), (2, 1),
    /// (2, 1), (3, 2). In 3D a single slice is all edge, so every zone has distance 1.
    @Test func distanceZonesOfTheSquare() {
        let features = GLDZMFeatures.compute(Self.square)
        let planar: [String: Double] = [
            "dzm.sde": (4 + 1.0 / 4) / 5,
            "dzm.lde": (4.0 + 4) / 5,
            "dzm.lgze": (1.0 + 1 + 1.0 / 4 + 1.0 / 4 + 1.0 / 9) / 5,
            "dzm.sdlge": (1.0 + 1 + 1.0 / 4 + 1.0 / 4 + 1.0 / 36) / 5,
            "dzm.ldhge": (1.0 + 1 + 4 + 4 + 36) / 5,
            "dzm.glnu": 9.0 / 5,
            "dzm.zdnu": 17.0 / 5,
            "dzm.zdnu.norm": 17.0 / 25,
            "dzm.z.perc": 5.0 / 16,
            "dzm.gl.var": 0.56,
            "dzm.zd.var": 0.16,
            "dzm.zd.entr": -(0.4 * log2(0.4) * 2 + 0.2 * log2(0.2)),
        ]
        Self.expectClose(Self.values(features, .planar), planar)
        Self.expectClose(Self.values(features, .stack), planar)
        Self.expectClose(
            Self.values(features, .volumetric),
            ["dzm.sde": 1, "dzm.lde": 1, "dzm.zdnu": 5, "dzm.zd.var": 0, "dzm.zd.entr": planar["dzm.zd.entr"]!])
    }

    /// The distance is taken on the mask: a hole in the region is an edge.
    @Test func holesInTheMaskAreEdges() {
        let ring = Self.image([
            [[1, 1, 1, 1, 1], [1, 1, 1, 1, 1], [1, 1, 0, 1, 1], [1, 1, 1, 1, 1], [1, 1, 1, 1, 1]]
        ])
        let solid = Self.image([[[Int]](repeating: [1, 1, 1, 1, 1], count: 5)])
        // One zone either way; its distance is the minimum over its voxels, 1 on the outer edge.
        #expect(Self.values(GLDZMFeatures.compute(ring), .planar)["dzm.lde"] == 1)
        #expect(Self.values(GLDZMFeatures.compute(solid), .planar)["dzm.lde"] == 1)
        // Splitting the levels makes the centre ring its own zone, at distance 2 without the hole
        // and 1 with it.
        let edge = [1, 1, 1, 1, 1]
        let inner = [1, 2, 2, 2, 1]
        let centreSolid = Self.image([[edge, inner, inner, inner, edge]])
        let centreRing = Self.image([[edge, inner, [1, 2, 0, 2, 1], inner, edge]])
        #expect(Self.values(GLDZMFeatures.compute(centreSolid), .planar)["dzm.lde"] == (1.0 + 4) / 2)
        #expect(Self.values(GLDZMFeatures.compute(centreRing), .planar)["dzm.lde"] == 1)
    }

    // MARK: NGTDM

    /// Neighbourhood means of the square give s_1 = 88/15, s_2 = 14/15, s_3 = 15/4 with n = 6, 6, 4
    /// (every voxel has neighbours), so p = 3/8, 3/8, 1/4 and sum p_i s_i = 3.4875.
    @Test func toneDifferencesOfTheSquare() {
        let features = NGTDMFeatures.compute(Self.square)
        #expect(features.count == 15)
        let expected: [String: Double] = [
            "ngt.coarseness": 1 / 3.4875,
            "ngt.contrast": (2 * 0.609375 / 6) * ((88.0 / 15 + 14.0 / 15 + 3.75) / 16),
            "ngt.busyness": 3.4875 / 1.5,
            "ngt.complexity": 31.0 / 16,
            "ngt.strength": 7.75 / (88.0 / 15 + 14.0 / 15 + 3.75),
        ]
        for method in FeatureAggregation.regional {
            Self.expectClose(Self.values(features, method), expected)
        }
    }

    /// A single grey level has no tone differences: the IBSI conventions give coarseness 10^6 and 0
    /// for the other four.
    @Test func flatRegionFollowsIBSIConventions() {
        let flat = Self.image([[[4, 4, 4], [4, 4, 4]], [[4, 4, 4], [4, 4, 4]]])
        for method in FeatureAggregation.regional {
            Self.expectClose(
                Self.values(NGTDMFeatures.compute(flat), method),
                ["ngt.coarseness": 1e6, "ngt.contrast": 0, "ngt.busyness": 0, "ngt.complexity": 0, "ngt.strength": 0])
        }
    }

    /// Voxels without any neighbour in the region are not counted; with none left the features are
    /// undefined (NaN). In 2D such slices are left out of the average.
    @Test func voxelsWithoutNeighboursAreLeftOut() {
        // Slice 0: two isolated voxels (no in-plane neighbour). Slice 1: a level-1/level-2 pair.
        let sparse = Self.image([[[1, 0, 2], [0, 0, 0]], [[1, 2, 0], [0, 0, 0]]])
        let features = NGTDMFeatures.compute(sparse)
        let planar = Self.values(features, .planar)
        // Only slice 1 counts: p = 1/2, 1/2, s_1 = s_2 = 1, so coarseness 1 and strength 2 * 1 / 2.
        Self.expectClose(planar, ["ngt.coarseness": 1, "ngt.strength": 1, "ngt.complexity": 1])
        // In 3D every voxel has a neighbour (across the slices).
        #expect(Self.values(features, .volumetric)["ngt.coarseness"]?.isFinite == true)
        let lonely = Self.image([[[1, 0, 2]]])
        for feature in NGTDMFeatures.compute(lonely) {
            #expect(feature.value.isNaN, "\(feature.name)")
        }
    }

    // MARK: NGLDM

    /// Dependences of the square (1 + equal 8-neighbours): level 1 has j = 2, 2, 2, 3, 3, 4,
    /// level 2 the same, level 3 j = 4 four times.
    @Test func dependencesOfTheSquare() {
        let features = NGLDMFeatures.compute(Self.square)
        #expect(features.count == 51)
        let expected: [String: Double] = [
            "ngl.lde": (2 * (3.0 / 4 + 2.0 / 9 + 1.0 / 16) + 4.0 / 16) / 16,
            "ngl.hde": (2 * (3.0 * 4 + 2 * 9 + 16) + 4 * 16) / 16,
            "ngl.lgce": (6.0 + 6.0 / 4 + 4.0 / 9) / 16,
            "ngl.hgce": (6.0 + 24 + 36) / 16,
            "ngl.ldlge": ((3.0 / 4 + 2.0 / 9 + 1.0 / 16) * (1 + 1.0 / 4) + 4.0 / (9 * 16)) / 16,
            "ngl.hdhge": ((3.0 * 4 + 2 * 9 + 16) * (1 + 4) + 9 * 4 * 16) / 16,
            "ngl.glnu": 88.0 / 16,
            "ngl.glnu.norm": 88.0 / 256,
            "ngl.dcnu": 88.0 / 16,
            "ngl.dcnu.norm": 88.0 / 256,
            "ngl.dc.perc": 1,
            "ngl.gl.var": 9.75 / 16,
            "ngl.dc.var": 0.75,
            "ngl.dc.entr":
                -(2 * (3.0 / 16) * log2(3.0 / 16) + 2 * (2.0 / 16) * log2(2.0 / 16)
                + 2 * (1.0 / 16) * log2(1.0 / 16) + (4.0 / 16) * log2(4.0 / 16)),
            "ngl.dc.energy": 44.0 / 256,
        ]
        for method in FeatureAggregation.regional {
            Self.expectClose(Self.values(features, method), expected)
        }
    }

    /// Neighbours across slices count in 3D only.
    @Test func dependenceCountsAcrossSlicesIn3DOnly() {
        let column = Self.image([[[3]], [[3]], [[3]]])
        let features = NGLDMFeatures.compute(column)
        Self.expectClose(Self.values(features, .planar), ["ngl.hde": 1, "ngl.dc.var": 0])
        // Dependences 2, 3, 2.
        Self.expectClose(Self.values(features, .volumetric), ["ngl.hde": (4.0 + 9 + 4) / 3, "ngl.lgce": 1.0 / 9])
    }

    // MARK: Edge cases and bookkeeping

    /// One voxel: one zone of size 1 at distance 1, one dependence of 1; NGTDM is undefined.
    @Test func oneVoxelRegion() {
        let single = Self.image([[[0, 0, 0], [0, 5, 0], [0, 0, 0]]])
        for method in FeatureAggregation.regional {
            Self.expectClose(
                Self.values(GLSZMFeatures.compute(single), method),
                ["szm.sze": 1, "szm.lze": 1, "szm.z.perc": 1, "szm.gl.var": 0, "szm.zs.entr": 0, "szm.hgze": 25])
            Self.expectClose(
                Self.values(GLDZMFeatures.compute(single), method),
                ["dzm.sde": 1, "dzm.lde": 1, "dzm.zd.var": 0, "dzm.zd.entr": 0])
            Self.expectClose(
                Self.values(NGLDMFeatures.compute(single), method),
                ["ngl.lde": 1, "ngl.dc.perc": 1, "ngl.dc.energy": 1, "ngl.dc.entr": 0, "ngl.gl.var": 0])
        }
        #expect(NGTDMFeatures.compute(single).allSatisfy { $0.value.isNaN })
    }

    /// A hand-built image whose region holds no valid level gives NaN instead of trapping, and a
    /// level outside 1...Ng is left out of the region.
    @Test func invalidInputDoesNotTrap() {
        let grid = VoxelGrid(sizeX: 2, sizeY: 2, sizeZ: 1, spacing: SIMD3(1, 1, 1))
        let everywhere = RegionMask(grid: grid, inside: [true, true, true, true])
        let noLevels = DiscretisedImage(grid: grid, levels: [0, 0, 0, 0], levelCount: 3, mask: everywhere)
        let families = [GLSZMFeatures.compute, GLDZMFeatures.compute, NGTDMFeatures.compute, NGLDMFeatures.compute]
        for compute in families {
            let features = compute(noLevels, FeatureAggregation.regional)
            #expect(!features.isEmpty && features.allSatisfy { $0.value.isNaN })
        }
        let outOfRange = DiscretisedImage(grid: grid, levels: [1, 7, -2, 1], levelCount: 2, mask: everywhere)
        let values = Self.values(GLSZMFeatures.compute(outOfRange, aggregations: [.volumetric]), .volumetric)
        // Voxels 0 and 3 remain: diagonal neighbours, one zone of 2 in a region of 2.
        Self.expectClose(values, ["szm.lze": 4, "szm.z.perc": 0.5])
    }

    /// Only the regional methods are produced, each once, in the order asked for, and every feature
    /// carries its family, IBSI symbol and identifier.
    @Test func featuresAreNamedAndAggregationsFiltered() {
        let features = GLDZMFeatures.compute(Self.square, aggregations: [.volume, .volumetric, .planar, .volumetric])
        #expect(features.count == 32)
        #expect(features.first?.aggregation == .volumetric && features.last?.aggregation == .planar)
        #expect(features.allSatisfy { $0.family == .gldzm && $0.symbol.hasPrefix("dzm.") && $0.code.count == 4 })
        #expect(GLSZMFeatures.compute(Self.square, aggregations: [.volume]).isEmpty)
        let codes = Dictionary(
            uniqueKeysWithValues: (GLSZMFeatures.compute(Self.square, aggregations: [.stack])
                + NGTDMFeatures.compute(Self.square, aggregations: [.stack])
                + NGLDMFeatures.compute(Self.square, aggregations: [.stack])).map { ($0.symbol, $0.code) })
        #expect(codes["szm.sze"] == "5QRC" && codes["ngt.complexity"] == "HDEZ" && codes["ngl.dc.energy"] == "CAS9")
    }

    /// Mirroring the image changes the raster order the zone labelling and the neighbourhood sums
    /// see, but no feature: a check of the union-find merging on irregular random regions.
    @Test func featuresDoNotDependOnOrientation() {
        var state: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<20 {
            let (sizeX, sizeY, sizeZ) = (2 + next(9), 2 + next(9), 1 + next(5))
            var slices = [[[Int]]](
                repeating: [[Int]](repeating: [Int](repeating: 0, count: sizeX), count: sizeY), count: sizeZ)
            for z in 0..<sizeZ {
                for y in 0..<sizeY {
                    for x in 0..<sizeX {
                        // Blocks of 2 voxels, mostly inside the region, 4 levels: zones of many shapes.
                        let inherited = x > 0 && next(3) > 0 ? slices[z][y][x - 1] : 0
                        slices[z][y][x] = next(6) == 0 ? 0 : (inherited > 0 ? inherited : 1 + next(4))
                    }
                }
            }
            slices[0][0][0] = 1
            let mirrored = slices.reversed().map { $0.reversed().map { Array($0.reversed()) } }
            let original = Self.image(slices)
            let flipped = Self.image(Array(mirrored))
            let families = [GLSZMFeatures.compute, GLDZMFeatures.compute, NGTDMFeatures.compute, NGLDMFeatures.compute]
            for compute in families {
                let methods = FeatureAggregation.regional
                for (a, b) in zip(compute(original, methods), compute(flipped, methods)) {
                    let same = a.value.isNaN ? b.value.isNaN : abs(a.value - b.value) <= 1e-9 * max(1, abs(a.value))
                    #expect(same, "\(a.name): \(a.value) vs \(b.value)")
                }
            }
        }
    }
}
