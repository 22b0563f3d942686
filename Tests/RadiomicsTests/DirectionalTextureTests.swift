import Foundation
import Radiomics
import Testing

/// Hand-computed GLCM and GLRLM values on images small enough to count pairs and runs on paper,
/// and the degenerate regions (one voxel, one grey level, one slice, no voxel) that must not trap.
struct DirectionalTextureTests {
    /// Grey levels given as `slices[z][y][x]`, 0 outside the region.
    static func image(_ slices: [[[Int32]]], levelCount: Int) -> DiscretisedImage {
        let grid = VoxelGrid(
            sizeX: slices[0][0].count, sizeY: slices[0].count, sizeZ: slices.count, spacing: SIMD3(1, 1, 1))
        let levels = slices.flatMap { $0.flatMap { $0 } }
        let mask = RegionMask(grid: grid, inside: levels.map { $0 > 0 })
        return DiscretisedImage(grid: grid, levels: levels, levelCount: levelCount, mask: mask)
    }

    static func value(_ features: [RadiomicsFeature], _ symbol: String, _ aggregation: FeatureAggregation) -> Double {
        features.first { $0.symbol == symbol && $0.aggregation == aggregation }?.value ?? .infinity
    }

    static func close(_ a: Double, _ b: Double) -> Bool {
        Swift.abs(a - b) <= 1e-12 * Swift.max(1, Swift.abs(b))
    }

    /// `#expect(close(...))` with the expected value typed as `Double` up front: arithmetic on
    /// literals inside `#expect` makes the type checker give up.
    static func expectClose(
        _ actual: Double, _ expected: Double, _ label: String = "", sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(close(actual, expected), "\(label) \(actual) != \(expected)", sourceLocation: sourceLocation)
    }

    /// A 2 x 2 checkerboard in one slice:
    ///
    ///     1 2
    ///     2 1
    ///
    /// Symmetric pair counts: horizontal and vertical {1-2: 2, 2-1: 2}; diagonal (1,1) {1-1: 2};
    /// anti-diagonal (-1,1) {2-2: 2}. Merged: p11 = p22 = 1/6, p12 = p21 = 1/3.
    static let checkerboard = image([[[1, 2], [2, 1]]], levelCount: 2)

    // MARK: - GLCM

    @Test func checkerboardMergedCooccurrence() {
        let features = GLCMFeatures.compute(Self.checkerboard)
        // One slice: slice-merged, stack-merged and 3D merged are all the same merged matrix (the
        // out-of-plane matrices hold no pair).
        for aggregation in [FeatureAggregation.planarSliceMerged, .stackMerged, .volumetricMerged] {
            let v = { (symbol: String) in Self.value(features, symbol, aggregation) }
            Self.expectClose(v("cm.joint.max"), 1.0 / 3)
            Self.expectClose(v("cm.joint.avg"), 1.5)
            Self.expectClose(v("cm.joint.var"), 0.25)
            Self.expectClose(v("cm.joint.entr"), log2(6) / 3 + 2 * log2(3) / 3)
            Self.expectClose(v("cm.energy"), 5.0 / 18)
            Self.expectClose(v("cm.contrast"), 2.0 / 3)
            Self.expectClose(v("cm.dissimilarity"), 2.0 / 3)
            Self.expectClose(v("cm.diff.avg"), 2.0 / 3)
            Self.expectClose(v("cm.diff.var"), 2.0 / 9)
            Self.expectClose(v("cm.sum.avg"), 3)
            Self.expectClose(v("cm.sum.var"), 1.0 / 3)
            Self.expectClose(v("cm.inv.diff"), 2.0 / 3)
            // Ng = 2: 1/3 + (2/3) / (1 + 1/2).
            Self.expectClose(v("cm.inv.diff.norm"), 7.0 / 9)
            Self.expectClose(v("cm.inv.var"), 2.0 / 3)
            Self.expectClose(v("cm.auto.corr"), 13.0 / 6)
            Self.expectClose(v("cm.corr"), -1.0 / 3)
            Self.expectClose(v("cm.clust.tend"), 1.0 / 3)
            Self.expectClose(v("cm.clust.shade"), 0)
        }
    }

    @Test func checkerboardAveragedCooccurrence() {
        let features = GLCMFeatures.compute(Self.checkerboard)
        // Horizontal and vertical: p12 = p21 = 1/2; the diagonals hold a single level (p = 1), so
        // their correlation is undefined and left out of the average.
        for aggregation in [FeatureAggregation.planarAveraged, .stackDirectionMerged, .volumetricAveraged] {
            let v = { (symbol: String) in Self.value(features, symbol, aggregation) }
            Self.expectClose(v("cm.joint.max"), (0.5 + 0.5 + 1 + 1) / 4)
            Self.expectClose(v("cm.joint.avg"), (1.5 + 1.5 + 1 + 2) / 4)
            Self.expectClose(v("cm.joint.entr"), (1 + 1 + 0 + 0) / 4)
            Self.expectClose(v("cm.energy"), (0.5 + 0.5 + 1 + 1) / 4)
            Self.expectClose(v("cm.contrast"), (1 + 1 + 0 + 0) / 4)
            Self.expectClose(v("cm.corr"), -1)
            // Horizontal and vertical: HX = HXY = 1 bit; diagonals: 0.
            Self.expectClose(v("cm.info.corr.1"), -1)
            Self.expectClose(v("cm.info.corr.2"), (1 - exp(-2.0)).squareRoot() / 2)
        }
    }

    @Test func normalisedInverseDifferencesCountAbsentLevels() {
        // The same checkerboard with Ng = 6 (levels 3...6 absent): 1/3 + (2/3) / (1 + 1/6).
        let features = GLCMFeatures.compute(
            Self.image([[[1, 2], [2, 1]]], levelCount: 6), aggregations: [.volumetricMerged])
        Self.expectClose(Self.value(features, "cm.inv.diff.norm", .volumetricMerged), 19.0 / 21)
        Self.expectClose(Self.value(features, "cm.inv.diff.mom.norm", .volumetricMerged), 1.0 / 3 + (2.0 / 3) * 36 / 37)
    }

    @Test func columnAcrossTwoSlicesHasOnlyAnOutOfPlanePair() {
        // 1 above 2: the only pair is along (0, 0, 1); no slice holds a pair.
        let features = GLCMFeatures.compute(Self.image([[[1]], [[2]]], levelCount: 2))
        for aggregation in [FeatureAggregation.volumetricAveraged, .volumetricMerged] {
            Self.expectClose(Self.value(features, "cm.contrast", aggregation), 1)
            Self.expectClose(Self.value(features, "cm.joint.max", aggregation), 0.5)
        }
        let planar: [FeatureAggregation] = [.planarAveraged, .planarSliceMerged, .stackDirectionMerged, .stackMerged]
        for aggregation in planar {
            #expect(Self.value(features, "cm.contrast", aggregation).isNaN)
        }
    }

    // MARK: - GLRLM

    /// Runs of the checkerboard: horizontal and vertical {(1, 1): 2, (2, 1): 2}; diagonal
    /// {(1, 2): 1, (2, 1): 2}; anti-diagonal {(2, 2): 1, (1, 1): 2}; each of the 9 out-of-plane
    /// directions {(1, 1): 2, (2, 1): 2}, as every voxel is a run of one across a single slice.
    @Test func checkerboardRunLengths() {
        let features = GLRLMFeatures.compute(Self.checkerboard)
        let v = { (symbol: String, aggregation: FeatureAggregation) in Self.value(features, symbol, aggregation) }
        Self.expectClose(v("rlm.sre", .planarAveraged), (1 + 1 + 0.75 + 0.75) / 4)
        Self.expectClose(v("rlm.lre", .planarAveraged), (1 + 1 + 2 + 2) / 4)
        Self.expectClose(v("rlm.r.perc", .planarAveraged), (1 + 1 + 0.75 + 0.75) / 4)
        for aggregation in [FeatureAggregation.planarSliceMerged, .stackMerged] {
            // 14 runs covering 16 voxel-directions.
            Self.expectClose(v("rlm.sre", aggregation), 12.5 / 14)
            Self.expectClose(v("rlm.lre", aggregation), 20.0 / 14)
            Self.expectClose(v("rlm.glnu", aggregation), 98.0 / 14)
            Self.expectClose(v("rlm.rlnu", aggregation), 148.0 / 14)
            Self.expectClose(v("rlm.r.perc", aggregation), 14.0 / 16)
        }
        // 50 runs covering 4 voxels x 13 directions.
        Self.expectClose(v("rlm.sre", .volumetricMerged), 48.5 / 50)
        Self.expectClose(v("rlm.lre", .volumetricMerged), 56.0 / 50)
        Self.expectClose(v("rlm.glnu", .volumetricMerged), 25)
        Self.expectClose(v("rlm.r.perc", .volumetricMerged), 50.0 / 52)
        Self.expectClose(v("rlm.sre", .volumetricAveraged), (3.5 + 9) / 13)
        Self.expectClose(v("rlm.lre", .volumetricAveraged), (6.0 + 9) / 13)
        Self.expectClose(v("rlm.lgre", .volumetricMerged), (25 + 25.0 / 4) / 50)
        Self.expectClose(v("rlm.hgre", .volumetricMerged), (25 + 25.0 * 4) / 50)
        Self.expectClose(v("rlm.gl.var", .volumetricMerged), 0.25)
    }

    @Test func runsStopAtTheRegionEdge() {
        // 1 1 0 1 along x: the gap splits the level-1 voxels into runs of 2 and 1.
        let features = GLRLMFeatures.compute(Self.image([[[1, 1, 0, 1]]], levelCount: 1))
        let v = { (symbol: String) in Self.value(features, symbol, .planarAveraged) }
        // Horizontal {2: 1, 1: 1}; vertical and both diagonals {1: 3}.
        Self.expectClose(v("rlm.lre"), (2.5 + 1 + 1 + 1) / 4)
        Self.expectClose(v("rlm.r.perc"), (2.0 / 3 + 1 + 1 + 1) / 4)
    }

    // MARK: - Degenerate regions

    @Test func singleVoxel() {
        let image = Self.image([[[0, 0, 0], [0, 3, 0], [0, 0, 0]]], levelCount: 3)
        let glcm = GLCMFeatures.compute(image)
        #expect(glcm.count == 150)
        // No pair at all: every co-occurrence feature is undefined.
        #expect(glcm.allSatisfy { $0.value.isNaN })
        let glrlm = GLRLMFeatures.compute(image)
        #expect(glrlm.count == 96)
        // One run of length 1 in every direction.
        for feature in glrlm {
            switch feature.symbol {
            case "rlm.sre", "rlm.lre", "rlm.glnu.norm", "rlm.rlnu.norm", "rlm.r.perc":
                #expect(feature.value == 1, "\(feature.name)")
            case "rlm.gl.var", "rlm.rl.var", "rlm.rl.entr":
                #expect(feature.value == 0, "\(feature.name)")
            case "rlm.lgre", "rlm.srlge", "rlm.lrlge":
                Self.expectClose(feature.value, 1.0 / 9, "\(feature.name)")
            default:
                #expect(feature.value.isFinite, "\(feature.name)")
            }
        }
        #expect(Self.value(glrlm, "rlm.glnu", .volumetricMerged) == 13)
    }

    @Test func uniformRegion() {
        let cube = [[Int32]](repeating: [2, 2, 2], count: 3)
        let glcm = GLCMFeatures.compute(Self.image([cube, cube, cube], levelCount: 2))
        #expect(glcm.count == 150)
        for feature in glcm {
            switch feature.symbol {
            case "cm.corr", "cm.info.corr.1":
                // 0/0: a single grey level has no variance and no entropy.
                #expect(feature.value.isNaN, "\(feature.name)")
            case "cm.joint.max", "cm.energy", "cm.inv.diff", "cm.inv.diff.norm", "cm.inv.diff.mom",
                "cm.inv.diff.mom.norm":
                #expect(feature.value == 1, "\(feature.name)")
            case "cm.joint.avg":
                #expect(feature.value == 2, "\(feature.name)")
            case "cm.sum.avg", "cm.auto.corr":
                #expect(feature.value == 4, "\(feature.name)")
            default:
                #expect(feature.value == 0, "\(feature.name)")
            }
        }
        let glrlm = GLRLMFeatures.compute(Self.image([cube, cube, cube], levelCount: 2))
        #expect(glrlm.allSatisfy { $0.value.isFinite })
        #expect(Self.value(glrlm, "rlm.glnu.norm", .volumetricMerged) == 1)
        #expect(Self.value(glrlm, "rlm.gl.var", .volumetricMerged) == 0)
        // Along x and y every row is one run of 3 (long run emphasis 9); along each diagonal of a
        // slice the runs have lengths 1, 2, 3, 2, 1 (19 / 5).
        Self.expectClose(Self.value(glrlm, "rlm.lre", .stackDirectionMerged), (9 + 9 + 3.8 + 3.8) / 4)
    }

    @Test func oneSliceRegion() {
        let slice: [[Int32]] = [[1, 2, 3, 1], [2, 3, 1, 2], [3, 1, 2, 3], [1, 2, 3, 1]]
        let empty = [[Int32]](repeating: [0, 0, 0, 0], count: 4)
        let glcm = GLCMFeatures.compute(Self.image([empty, slice, empty], levelCount: 3))
        #expect(glcm.count == 150)
        #expect(glcm.allSatisfy { $0.value.isFinite })
        // The out-of-plane matrices are empty, so 3D reduces to the slice's four directions.
        for symbol in ["cm.joint.max", "cm.contrast", "cm.corr", "cm.info.corr.1", "cm.clust.prom"] {
            let averaged = Self.value(glcm, symbol, .planarAveraged)
            Self.expectClose(Self.value(glcm, symbol, .volumetricAveraged), averaged, "\(symbol)")
            Self.expectClose(Self.value(glcm, symbol, .stackDirectionMerged), averaged, "\(symbol)")
            let merged = Self.value(glcm, symbol, .planarSliceMerged)
            Self.expectClose(Self.value(glcm, symbol, .volumetricMerged), merged, "\(symbol)")
            Self.expectClose(Self.value(glcm, symbol, .stackMerged), merged, "\(symbol)")
        }
        let glrlm = GLRLMFeatures.compute(Self.image([empty, slice, empty], levelCount: 3))
        #expect(glrlm.count == 96)
        #expect(glrlm.allSatisfy { $0.value.isFinite })
        // Empty slices in the box are skipped, not averaged in as zeros.
        Self.expectClose(Self.value(glrlm, "rlm.sre", .planarSliceMerged), Self.value(glrlm, "rlm.sre", .stackMerged))
    }

    @Test func emptyRegion() {
        let image = Self.image([[[0, 0], [0, 0]]], levelCount: 1)
        let glcm = GLCMFeatures.compute(image)
        let glrlm = GLRLMFeatures.compute(image)
        #expect(glcm.count == 150 && glcm.allSatisfy { $0.value.isNaN })
        #expect(glrlm.count == 96 && glrlm.allSatisfy { $0.value.isNaN })
    }

    @Test func namesAndAggregationSelection() {
        let glcm = GLCMFeatures.compute(
            Self.checkerboard, aggregations: [.volumetricMerged, .volume, .volumetricMerged])
        #expect(glcm.count == 25)
        #expect(glcm.allSatisfy { $0.family == .glcm && $0.aggregation == .volumetricMerged })
        #expect(glcm.first?.symbol == "cm.joint.max" && glcm.first?.code == "GYBY")
        #expect(Set(glcm.map(\.code)).count == 25)
        let glrlm = GLRLMFeatures.compute(Self.checkerboard, aggregations: [.planar, .stack])
        #expect(glrlm.isEmpty)
        let all = GLRLMFeatures.compute(Self.checkerboard)
        #expect(all.count == 96 && all.allSatisfy { $0.family == .glrlm })
        #expect(all.first?.symbol == "rlm.sre" && all.first?.code == "22OV")
        #expect(Set(all.map(\.aggregation)) == Set(FeatureAggregation.directional))
    }
}
