import Foundation
import Radiomics
import Testing

/// Hand-computable cases for the intensity-based statistics, the intensity histogram and the
/// intensity-volume histogram, including the degenerate regions that must not trap.
struct IntensityFeatureTests {
    /// A 1 x 1 x n image holding `values`, with the region `inside` (all voxels by default).
    static func row(_ values: [Float], inside: [Bool]? = nil) -> (image: IntensityImage, mask: RegionMask) {
        let grid = VoxelGrid(sizeX: values.count, sizeY: 1, sizeZ: 1, spacing: SIMD3(1, 1, 1))
        let flags = inside ?? [Bool](repeating: true, count: values.count)
        return (IntensityImage(grid: grid, values: values), RegionMask(grid: grid, inside: flags))
    }

    /// The phantom's ROI population: 50 voxels at 1, 1 at 3, 16 at 4 and 7 at 6, interleaved.
    static let phantomPopulation: [Float] = {
        var values: [Float] = []
        for index in 0..<74 {
            switch index % 10 {
            case 0, 5: values.append(4)
            default: values.append(1)
            }
        }
        // 74 voxels: 15 fours and 59 ones so far; turn 9 ones into 7 sixes, 1 three and 1 four.
        var changed = 0
        for index in values.indices where values[index] == 1 && changed < 9 {
            values[index] = changed < 7 ? 6 : (changed == 7 ? 3 : 4)
            changed += 1
        }
        return values
    }()

    static func value(_ features: [RadiomicsFeature], _ symbol: String) -> Double {
        features.first { $0.symbol == symbol }?.value ?? .infinity
    }

    static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
        Swift.abs(a - b) <= tolerance * Swift.max(1, Swift.abs(b))
    }

    /// Grey levels as a discretised image on a 1 x 1 x n grid (level 0 outside the region).
    static func levels(_ levels: [Int32], levelCount: Int) -> DiscretisedImage {
        let grid = VoxelGrid(sizeX: levels.count, sizeY: 1, sizeZ: 1, spacing: SIMD3(1, 1, 1))
        let mask = RegionMask(grid: grid, inside: levels.map { $0 > 0 })
        return DiscretisedImage(grid: grid, levels: levels, levelCount: levelCount, mask: mask)
    }

    // MARK: - Intensity-based statistics

    @Test func statisticsOfOneToFour() throws {
        let (image, mask) = Self.row([3, 1, 4, 2])
        let features = try IntensityStatisticsFeatures.compute(image: image, mask: mask)
        #expect(features.count == 18)
        #expect(features.allSatisfy { $0.family == .intensityStatistics && $0.aggregation == .volume })
        let v = { (symbol: String) in Self.value(features, symbol) }
        #expect(Self.close(v("stat.mean"), 2.5))
        #expect(Self.close(v("stat.var"), 1.25))
        #expect(Self.close(v("stat.skew"), 0))
        #expect(Self.close(v("stat.kurt"), 2.5625 / 1.5625 - 3))
        #expect(Self.close(v("stat.median"), 2.5))
        #expect(Self.close(v("stat.min"), 1))
        #expect(Self.close(v("stat.P10"), 1.3))
        #expect(Self.close(v("stat.P90"), 3.7))
        #expect(Self.close(v("stat.max"), 4))
        #expect(Self.close(v("stat.iqr"), 3.25 - 1.75))
        #expect(Self.close(v("stat.range"), 3))
        #expect(Self.close(v("stat.mad"), 1))
        #expect(Self.close(v("stat.rmad"), 0.5))
        #expect(Self.close(v("stat.medad"), 1))
        #expect(Self.close(v("stat.cov"), 1.25.squareRoot() / 2.5))
        #expect(Self.close(v("stat.qcod"), 1.5 / 5))
        #expect(Self.close(v("stat.energy"), 30))
        #expect(Self.close(v("stat.rms"), 7.5.squareRoot()))
    }

    @Test func statisticsOfThePhantomPopulationUseTheReferencePercentile() throws {
        // A voxel of 9 outside the region must not count.
        let (image, mask) = Self.row(Self.phantomPopulation + [9], inside: [Bool](repeating: true, count: 74) + [false])
        let features = try IntensityStatisticsFeatures.compute(image: image, mask: mask)
        let v = { (symbol: String) in Self.value(features, symbol) }
        #expect(Self.close(v("stat.mean"), 159.0 / 74))
        #expect(v("stat.P10") == 1)
        #expect(v("stat.P90") == 4)  // not 4.2
        #expect(v("stat.median") == 1)
        #expect(v("stat.iqr") == 3)
        #expect(Self.close(v("stat.qcod"), 0.6))
        #expect(Self.close(v("stat.rmad"), 1.1138338159946546))
        #expect(Self.close(v("stat.medad"), 85.0 / 74))
        #expect(v("stat.energy") == 567)
    }

    @Test func uniformRegionHasZeroShape() throws {
        let (image, mask) = Self.row([7, 7, 7, 7, 7])
        let features = try IntensityStatisticsFeatures.compute(image: image, mask: mask)
        for symbol in [
            "stat.var", "stat.skew", "stat.kurt", "stat.iqr", "stat.range", "stat.mad", "stat.rmad",
            "stat.medad", "stat.cov", "stat.qcod",
        ] {
            #expect(Self.value(features, symbol) == 0)
        }
        for symbol in ["stat.mean", "stat.median", "stat.min", "stat.P10", "stat.P90", "stat.max", "stat.rms"] {
            #expect(Self.value(features, symbol) == 7)
        }
    }

    @Test func singleVoxelRegion() throws {
        let (image, mask) = Self.row([-5, 3, 8], inside: [false, true, false])
        let features = try IntensityStatisticsFeatures.compute(image: image, mask: mask)
        #expect(features.allSatisfy { !$0.value.isNaN })
        #expect(Self.value(features, "stat.median") == 3)
        #expect(Self.value(features, "stat.P90") == 3)
        #expect(Self.value(features, "stat.kurt") == 0)
        #expect(Self.value(features, "stat.energy") == 9)
    }

    @Test func zeroMeanGivesUndefinedCoefficients() throws {
        let (image, mask) = Self.row([-1, 1])
        let features = try IntensityStatisticsFeatures.compute(image: image, mask: mask)
        #expect(Self.value(features, "stat.var") == 1)
        #expect(Self.value(features, "stat.cov").isNaN)
        #expect(Self.value(features, "stat.qcod").isNaN)  // P25 = -0.5, P75 = 0.5
    }

    @Test func percentilesMatchASortOfContinuousValues() throws {
        var state: UInt64 = 12345
        var values: [Float] = []
        for index in 0..<20_011 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let uniform = Float(Double(state >> 11) / Double(1 << 53))
            // Negative and positive, repeated values and both zeros.
            values.append(index % 7 == 0 ? (index % 14 == 0 ? 0 : -0.0) : (uniform - 0.3) * 2000)
        }
        let (image, mask) = Self.row(values)
        let features = try IntensityStatisticsFeatures.compute(image: image, mask: mask)
        let sorted = values.map(Double.init).sorted()
        func percentile(_ fraction: Double) -> Double {
            let position = fraction * Double(sorted.count - 1)
            let lower = Int(position.rounded(.down))
            let upper = Swift.min(lower + 1, sorted.count - 1)
            return sorted[lower] + (position - Double(lower)) * (sorted[upper] - sorted[lower])
        }
        #expect(Self.close(Self.value(features, "stat.P10"), percentile(0.1)))
        #expect(Self.close(Self.value(features, "stat.median"), percentile(0.5)))
        #expect(Self.close(Self.value(features, "stat.P90"), percentile(0.9)))
        #expect(Self.close(Self.value(features, "stat.iqr"), percentile(0.75) - percentile(0.25)))
        #expect(Self.value(features, "stat.min") == sorted.first)
        #expect(Self.value(features, "stat.max") == sorted.last)
    }

    @Test func statisticsRejectBadInput() {
        let (image, _) = Self.row([1, 2, 3])
        let empty = RegionMask(grid: image.grid, inside: [false, false, false])
        #expect(throws: RadiomicsError.self) { try IntensityStatisticsFeatures.compute(image: image, mask: empty) }
        do {
            _ = try IntensityStatisticsFeatures.compute(image: image, mask: empty)
        } catch {
            #expect(error.kind == .emptyRegion)
        }
        let (withNaN, nanMask) = Self.row([1, .nan, 3])
        do {
            _ = try IntensityStatisticsFeatures.compute(image: withNaN, mask: nanMask)
            Issue.record("a NaN inside the region must throw")
        } catch {
            #expect(error.kind == .invalidIntensity)
        }
        // A NaN outside the region is ignored.
        let outside = RegionMask(grid: withNaN.grid, inside: [true, false, true])
        #expect((try? IntensityStatisticsFeatures.compute(image: withNaN, mask: outside)) != nil)
        let otherGrid = VoxelGrid(sizeX: 3, sizeY: 1, sizeZ: 1, spacing: SIMD3(2, 2, 2))
        do {
            _ = try IntensityStatisticsFeatures.compute(
                image: image, mask: RegionMask(grid: otherGrid, inside: [true, true, true]))
            Issue.record("different grids must throw")
        } catch {
            #expect(error.kind == .mismatchedGrid)
        }
    }

    // MARK: - Intensity histogram

    @Test func histogramOfThePhantomPopulation() {
        let image = Self.levels(Self.phantomPopulation.map { Int32($0) }, levelCount: 6)
        let features = IntensityHistogramFeatures.compute(image)
        #expect(features.count == 23)
        let v = { (symbol: String) in Self.value(features, symbol) }
        // H = (50, 0, 1, 16, 0, 7); H' = (-50, -24.5, 8, -0.5, -4.5, 7).
        #expect(v("ih.max.grad") == 8)
        #expect(v("ih.max.grad.gl") == 3)
        #expect(v("ih.min.grad") == -50)
        #expect(v("ih.min.grad.gl") == 1)
        #expect(v("ih.mode") == 1)
        #expect(v("ih.min") == 1)
        #expect(v("ih.max") == 6)
        #expect(v("ih.range") == 5)
        #expect(v("ih.P90") == 4)
        #expect(v("ih.median") == 1)
        let p = [50.0, 1, 16, 7].map { $0 / 74 }
        #expect(Self.close(v("ih.entropy"), -p.reduce(0) { $0 + $1 * log2($1) }))
        #expect(Self.close(v("ih.uniformity"), p.reduce(0) { $0 + $1 * $1 }))
        #expect(Self.close(v("ih.mean"), 159.0 / 74))
        #expect(Self.close(v("ih.rmad"), 1.1138338159946546))
    }

    @Test func histogramModeTies() {
        func mode(_ levels: [Int32], _ levelCount: Int) -> Double {
            Self.value(IntensityHistogramFeatures.compute(Self.levels(levels, levelCount: levelCount)), "ih.mode")
        }
        // Levels 1 and 3 twice each: mean 2, equidistant, the lower wins.
        #expect(mode([1, 3, 1, 3], 3) == 1)
        // Adding a 4 moves the mean to 2.4: level 3 is closer.
        #expect(mode([1, 3, 1, 3, 4], 4) == 3)
    }

    @Test func histogramOfASingleLevel() {
        let features = IntensityHistogramFeatures.compute(Self.levels([1, 1, 1], levelCount: 1))
        #expect(features.allSatisfy { !$0.value.isNaN })
        #expect(Self.value(features, "ih.max.grad") == 0)
        #expect(Self.value(features, "ih.max.grad.gl") == 1)
        #expect(Self.value(features, "ih.min.grad") == 0)
        #expect(Self.value(features, "ih.skew") == 0)
        #expect(Self.value(features, "ih.entropy") == 0)
        #expect(Self.value(features, "ih.uniformity") == 1)
    }

    @Test func histogramWithoutVoxelsIsNaN() {
        let features = IntensityHistogramFeatures.compute(Self.levels([0, 0], levelCount: 4))
        #expect(features.count == 23)
        #expect(features.allSatisfy { $0.value.isNaN })
    }

    @Test func histogramCountsEmptyLevelsAboveTheLastVoxel() {
        // Ng = 5 but only levels 1 and 2 occur: H = (1, 3, 0, 0, 0), H' = (2, -0.5, -1.5, 0, 0).
        let features = IntensityHistogramFeatures.compute(Self.levels([1, 2, 2, 2], levelCount: 5))
        #expect(Self.value(features, "ih.max.grad") == 2)
        #expect(Self.value(features, "ih.max.grad.gl") == 1)
        #expect(Self.value(features, "ih.min.grad") == -1.5)
        #expect(Self.value(features, "ih.min.grad.gl") == 3)
        #expect(Self.value(features, "ih.max") == 2)
    }

    // MARK: - Intensity-volume histogram

    @Test func volumeHistogramOfThePhantomPopulation() throws {
        let (image, mask) = Self.row(Self.phantomPopulation)
        let features = try IntensityVolumeHistogramFeatures.compute(image: image, mask: mask, settings: .phantom)
        #expect(
            features.map(\.symbol) == [
                "ivh.V10", "ivh.V90", "ivh.I10", "ivh.I90", "ivh.V10minusV90", "ivh.I10minusI90",
            ])
        let v = { (symbol: String) in Self.value(features, symbol) }
        #expect(Self.close(v("ivh.V10"), 24.0 / 74))
        #expect(Self.close(v("ivh.V90"), 7.0 / 74))
        #expect(v("ivh.I10") == 5)
        #expect(v("ivh.I90") == 2)
        #expect(Self.close(v("ivh.V10minusV90"), 17.0 / 74))
        #expect(v("ivh.I10minusI90") == 3)
    }

    @Test func volumeHistogramWithFixedBinSize() throws {
        // Bins of 2.5 from 0: one voxel each in bins 1...5, centres 1.25...11.25; γ = k / 4.
        let (image, mask) = Self.row([0, 2.5, 5, 7.5, 10])
        let features = try IntensityVolumeHistogramFeatures.compute(
            image: image, mask: mask, settings: .computedTomography(binWidth: 2.5))
        #expect(Self.close(Self.value(features, "ivh.V10"), 0.8))
        #expect(Self.close(Self.value(features, "ivh.V90"), 0.2))
        // No point holds 10 % or less: the next point above the range.
        #expect(Self.close(Self.value(features, "ivh.I10"), 13.75))
        #expect(Self.close(Self.value(features, "ivh.I90"), 3.75))
    }

    @Test func volumeHistogramWithFixedBinNumber() throws {
        let (image, mask) = Self.row((0..<10).map { Float($0) * 3 + 100 })
        let features = try IntensityVolumeHistogramFeatures.compute(
            image: image, mask: mask, settings: .arbitraryUnits(binCount: 10))
        #expect(Self.close(Self.value(features, "ivh.V10"), 0.9))
        #expect(Self.close(Self.value(features, "ivh.V90"), 0.1))
        #expect(Self.value(features, "ivh.I10") == 10)
        #expect(Self.value(features, "ivh.I90") == 2)
    }

    @Test func volumeHistogramOverAWiderRange() throws {
        // G = [0, 10], w = 1: γ = i / 10; the single voxel at 5 is at least i for i ≤ 5.
        let (image, mask) = Self.row([5])
        let settings = IntensityVolumeHistogramSettings(binning: .calibrated(interval: 1), range: 0...10)
        let features = try IntensityVolumeHistogramFeatures.compute(image: image, mask: mask, settings: settings)
        #expect(Self.value(features, "ivh.V10") == 1)
        #expect(Self.value(features, "ivh.V90") == 0)
        #expect(Self.value(features, "ivh.I10") == 6)
        #expect(Self.value(features, "ivh.I90") == 6)
    }

    @Test func volumeHistogramOfAUniformRegion() throws {
        let (image, mask) = Self.row([40, 40, 40])
        let features = try IntensityVolumeHistogramFeatures.compute(
            image: image, mask: mask, settings: IntensityVolumeHistogramSettings(binning: .calibrated(interval: 1)))
        #expect(features.allSatisfy { !$0.value.isNaN })
        #expect(Self.value(features, "ivh.V10") == 1)
        #expect(Self.value(features, "ivh.V90") == 1)
        #expect(Self.value(features, "ivh.I10") == 41)
        #expect(Self.value(features, "ivh.I10minusI90") == 0)
    }

    @Test func volumeHistogramRejectsBadSettings() {
        let (image, mask) = Self.row([1, 2, 3])
        for settings in [
            IntensityVolumeHistogramSettings(binning: .fixedBinSize(width: 0)),
            IntensityVolumeHistogramSettings(binning: .calibrated(interval: -1)),
            IntensityVolumeHistogramSettings(binning: .fixedBinNumber(0)),
            IntensityVolumeHistogramSettings(binning: .calibrated(interval: 1e-9), range: 0...1e9),
        ] {
            do {
                _ = try IntensityVolumeHistogramFeatures.compute(image: image, mask: mask, settings: settings)
                Issue.record("\(settings) must be rejected")
            } catch {
                #expect(error.kind == .invalidSetting)
            }
        }
    }

    @Test func volumeHistogramSettingsDescribeThemselves() {
        #expect(IntensityVolumeHistogramSettings.phantom.description == "cal=1.0@1.0...6.0")
        #expect(IntensityVolumeHistogramSettings.computedTomography().description == "fbs=2.5")
        #expect(IntensityVolumeHistogramSettings.arbitraryUnits().description == "fbn=1000")
    }
}
