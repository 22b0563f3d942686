import Radiomics
import Testing

/// Interpolation to a new spacing: grid alignment, exact reproduction of linear intensities, and
/// the region's volume kept.
@Suite struct ResamplingTests {
    func ramp(_ grid: VoxelGrid) -> IntensityImage {
        var values: [Float] = []
        for z in 0..<grid.sizeZ {
            for y in 0..<grid.sizeY {
                for x in 0..<grid.sizeX {
                    let position = grid.position(x: x, y: y, z: z)
                    values.append(Float(2 * position.x - position.y + 3 * position.z))
                }
            }
        }
        return IntensityImage(grid: grid, values: values)
    }

    @Test func theNewGridKeepsTheCentre() throws {
        let grid = VoxelGrid(sizeX: 10, sizeY: 10, sizeZ: 4, spacing: SIMD3(0.5, 0.5, 3))
        let resampling = try Resampling(spacing: SIMD3(1, 1, 1))
        let (target, origin) = try resampling.target(of: grid)
        #expect(target.sizeX == 5 && target.sizeY == 5 && target.sizeZ == 12)
        #expect(target.spacing == SIMD3(1, 1, 1))
        // Old extent 4.5 mm between first and last centres, new 4 mm: the new grid starts 0.25 mm in
        // (0.5 old voxels); along z old 9 mm, new 11 mm: it starts 1 mm before (-1/3 of a voxel).
        #expect(abs(origin.x - 0.5) < 1e-12 && abs(origin.z + 1.0 / 3) < 1e-12)
        let inPlane = try Resampling(spacing: SIMD3(1, 1, 1), inPlaneOnly: true).target(of: grid).grid
        #expect(inPlane.sizeZ == 4 && inPlane.spacing.z == 3)
    }

    @Test func linearIntensitiesAreReproducedInside() throws {
        let grid = VoxelGrid(sizeX: 12, sizeY: 9, sizeZ: 6, spacing: SIMD3(0.7, 0.7, 2.5))
        let resampling = try Resampling(spacing: SIMD3(1, 1, 1))
        let (target, origin) = try resampling.target(of: grid)
        let image = try resampling.apply(to: ramp(grid))
        #expect(image.grid == target)
        // Away from the clamped border, trilinear interpolation of a linear function is exact.
        for z in 2..<(target.sizeZ - 2) {
            for y in 1..<(target.sizeY - 1) {
                for x in 1..<(target.sizeX - 1) {
                    let position = origin * grid.spacing + target.position(x: x, y: y, z: z)
                    let expected = 2 * position.x - position.y + 3 * position.z
                    #expect(abs(Double(image.values[target.index(x: x, y: y, z: z)]) - expected) < 1e-3)
                }
            }
        }
    }

    @Test func theRegionKeepsItsVolume() throws {
        let grid = VoxelGrid(sizeX: 60, sizeY: 60, sizeZ: 24, spacing: SIMD3(0.5, 0.5, 1.25))
        var inside = [Bool](repeating: false, count: grid.voxelCount)
        for z in 0..<grid.sizeZ {
            for y in 0..<grid.sizeY {
                for x in 0..<grid.sizeX {
                    let p = grid.position(x: x, y: y, z: z) - SIMD3(15, 15, 15)
                    inside[grid.index(x: x, y: y, z: z)] = (p * p).sum() <= 100
                }
            }
        }
        let mask = RegionMask(grid: grid, inside: inside)
        let resampled = try Resampling(spacing: SIMD3(1, 1, 1)).apply(to: mask)
        let before = Double(mask.voxelCount) * grid.voxelVolume
        let after = Double(resampled.voxelCount) * resampled.grid.voxelVolume
        #expect(abs(after - before) / before < 0.03)
        // Through the extractor: the same morphology within a few per cent.
        let image = IntensityImage(grid: grid, values: [Float](repeating: 40, count: grid.voxelCount))
        let settings = FeatureSettings(
            discretisation: .fixedBinNumber(8), intensityVolumeHistogram: .arbitraryUnits(), families: [.morphology])
        var resampledSettings = settings
        resampledSettings.resampling = try Resampling(spacing: SIMD3(1, 1, 1))
        func volume(_ settings: FeatureSettings) throws -> Double {
            try FeatureExtractor(settings: settings).features(image: image, mask: mask).first {
                $0.symbol == "morph.vol"
            }?.value ?? 0
        }
        let native = try volume(settings)
        #expect(abs(try volume(resampledSettings) - native) / native < 0.04)
        #expect(settings.canonicalDescription.hasSuffix("resample=none"))
        #expect(resampledSettings.canonicalDescription.hasSuffix("resample=1.0x1.0x1.0"))
    }

    @Test func badSpacingsAreRefused() {
        #expect(throws: RadiomicsError.self) { try Resampling(spacing: SIMD3(0, 1, 1)) }
        #expect(throws: RadiomicsError.self) { try Resampling(spacing: SIMD3(1, .nan, 1)) }
        let grid = VoxelGrid(sizeX: 512, sizeY: 512, sizeZ: 100, spacing: SIMD3(0.7, 0.7, 2.5))
        #expect(throws: RadiomicsError.self) { try Resampling(spacing: SIMD3(0.01, 0.01, 0.01)).target(of: grid) }
    }
}
