import Foundation
import Radiomics
import Testing

/// Automatic regions of interest: connected components, hole filling, Otsu's threshold and the
/// body masks built from them, on synthetic volumes whose answer is known voxel by voxel.
struct BodyMaskTests {
    static let grid = VoxelGrid(sizeX: 48, sizeY: 48, sizeZ: 12, spacing: SIMD3(1, 1, 2))

    /// Squared in-plane distance from (x, y) to (cx, cy).
    static func distanceSquared(_ x: Int, _ y: Int, _ cx: Int, _ cy: Int) -> Int {
        (x - cx) * (x - cx) + (y - cy) * (y - cy)
    }

    /// A CT phantom: air (-1000 HU) around a water cylinder (0 HU, radius 16) that runs through
    /// every slice, holding an air pocket (-900 HU, a lung, which also runs through every slice
    /// like a trachea cut by the scan) and a bone ring (+700 HU); plus a small water blob in the
    /// air, separate from the cylinder. Returns the image and the expected body: the cylinder.
    static func ctPhantom() -> (image: IntensityImage, body: [Bool]) {
        var values = [Float](repeating: -1000, count: grid.voxelCount)
        var body = [Bool](repeating: false, count: grid.voxelCount)
        for z in 0..<grid.sizeZ {
            for y in 0..<grid.sizeY {
                for x in 0..<grid.sizeX {
                    let index = grid.index(x: x, y: y, z: z)
                    let radius = distanceSquared(x, y, 24, 24)
                    guard radius <= 16 * 16 else { continue }
                    body[index] = true
                    if distanceSquared(x, y, 21, 23) <= 5 * 5 {
                        values[index] = -900
                    } else if radius >= 12 * 12, radius <= 14 * 14 {
                        values[index] = 700
                    } else {
                        values[index] = 0
                    }
                }
            }
        }
        for z in 4...6 {
            for y in 1...3 {
                for x in 1...3 { values[grid.index(x: x, y: y, z: z)] = 0 }
            }
        }
        return (IntensityImage(grid: grid, values: values), body)
    }

    @Test func ctBodyIsTheCylinderWithItsAirPocket() {
        let (image, body) = Self.ctPhantom()
        let mask = BodyMask.ct(image)
        #expect(mask.grid == image.grid)
        #expect(mask.voxelCount == body.filter { $0 }.count)
        #expect(mask.inside == body)
        // The pocket is inside, the blob in the air is not.
        #expect(mask.inside[Self.grid.index(x: 21, y: 23, z: 0)])
        #expect(mask.inside[Self.grid.index(x: 21, y: 23, z: 11)])
        #expect(!mask.inside[Self.grid.index(x: 2, y: 2, z: 5)])
    }

    @Test func airOnlyCTGivesAnEmptyMask() {
        let air = IntensityImage(grid: Self.grid, values: [Float](repeating: -1000, count: Self.grid.voxelCount))
        #expect(BodyMask.ct(air).voxelCount == 0)
        // And the empty region is what feature extraction reports.
        do {
            _ = try IntensityStatisticsFeatures.compute(image: air, mask: BodyMask.ct(air))
            Issue.record("an empty body must throw")
        } catch {
            #expect(error.kind == .emptyRegion)
        }
    }

    @Test func holeFillingPerSliceFillsOpenEndedTubesButVolumetricDoesNot() {
        let (image, _) = Self.ctPhantom()
        let threshold = RegionMask(grid: Self.grid, inside: image.values.map { $0 > -500 })
        let cylinder = ConnectedComponents.largest(threshold)
        let pocket = Self.grid.index(x: 21, y: 23, z: 6)
        #expect(!cylinder.inside[pocket])
        // The pocket reaches the top and bottom faces, so it is no 3D hole.
        #expect(!HoleFilling.volumetric(cylinder).inside[pocket])
        #expect(HoleFilling.perSlice(cylinder).inside[pocket])
    }

    @Test func holeFillingFillsAnEnclosedCavityInBothModes() {
        // A 6 x 6 x 6 box with a 2 x 2 x 2 cavity in a 10 x 10 x 10 grid.
        let grid = VoxelGrid(sizeX: 10, sizeY: 10, sizeZ: 10, spacing: SIMD3(1, 1, 1))
        var inside = [Bool](repeating: false, count: grid.voxelCount)
        let cavity = 4..<6
        for z in 2..<8 {
            for y in 2..<8 {
                for x in 2..<8 {
                    let inCavity = cavity.contains(x) && cavity.contains(y) && cavity.contains(z)
                    inside[grid.index(x: x, y: y, z: z)] = !inCavity
                }
            }
        }
        let box = RegionMask(grid: grid, inside: inside)
        #expect(box.voxelCount == 216 - 8)
        #expect(HoleFilling.volumetric(box).voxelCount == 216)
        #expect(HoleFilling.perSlice(box).voxelCount == 216)
    }

    @Test func holeFillingLeavesOpenShapesAlone() {
        // A C shape in one slice: its inside opens onto the background.
        let grid = VoxelGrid(sizeX: 7, sizeY: 7, sizeZ: 1, spacing: SIMD3(1, 1, 1))
        var inside = [Bool](repeating: false, count: grid.voxelCount)
        for y in 1...5 {
            for x in 1...5 where x == 1 || y == 1 || y == 5 { inside[grid.index(x: x, y: y, z: 0)] = true }
        }
        let shape = RegionMask(grid: grid, inside: inside)
        #expect(HoleFilling.perSlice(shape).inside == inside)
        #expect(HoleFilling.volumetric(shape).inside == inside)
        // Closing the C makes a ring, whose inside is filled.
        for y in 1...5 { inside[grid.index(x: 5, y: y, z: 0)] = true }
        #expect(HoleFilling.perSlice(RegionMask(grid: grid, inside: inside)).voxelCount == 25)
    }

    @Test func componentsDependOnConnectivity() {
        // Two 2 x 2 x 2 cubes touching only at a corner, and a single voxel far away.
        let grid = VoxelGrid(sizeX: 8, sizeY: 8, sizeZ: 8, spacing: SIMD3(1, 1, 1))
        var inside = [Bool](repeating: false, count: grid.voxelCount)
        for z in 0..<2 {
            for y in 0..<2 {
                for x in 0..<2 {
                    inside[grid.index(x: x, y: y, z: z)] = true
                    inside[grid.index(x: x + 2, y: y + 2, z: z + 2)] = true
                }
            }
        }
        inside[grid.index(x: 7, y: 7, z: 7)] = true
        let mask = RegionMask(grid: grid, inside: inside)
        let faces = ConnectedComponents.label(mask, connectivity: .faces)
        #expect(faces.count == 3)
        #expect(faces.sizes == [8, 8, 1])
        #expect(faces.largestLabel == 1)
        #expect(faces.labels[grid.index(x: 0, y: 0, z: 0)] == 1)
        #expect(faces.labels[grid.index(x: 3, y: 3, z: 3)] == 2)
        #expect(faces.labels[grid.index(x: 5, y: 5, z: 5)] == 0)
        let full = ConnectedComponents.label(mask, connectivity: .full)
        #expect(full.sizes == [16, 1])
        #expect(ConnectedComponents.largest(mask, connectivity: .full).voxelCount == 16)
        #expect(ConnectedComponents.largest(mask, connectivity: .faces).voxelCount == 8)
        let empty = RegionMask(grid: grid, inside: [Bool](repeating: false, count: grid.voxelCount))
        #expect(ConnectedComponents.label(empty).count == 0)
        #expect(ConnectedComponents.largest(empty).voxelCount == 0)
    }

    @Test func componentsSpanningTheWholeGrid() {
        // Every voxel inside, so the fill runs along all six faces of the grid.
        let grid = VoxelGrid(sizeX: 5, sizeY: 4, sizeZ: 3, spacing: SIMD3(1, 1, 1))
        let mask = RegionMask(grid: grid, inside: [Bool](repeating: true, count: grid.voxelCount))
        #expect(ConnectedComponents.label(mask, connectivity: .faces).sizes == [60])
        #expect(ConnectedComponents.label(mask, connectivity: .full).sizes == [60])
        #expect(HoleFilling.perSlice(mask).voxelCount == 60)
    }

    /// Normally distributed values (Box-Muller over a fixed linear congruential sequence).
    static func gaussian(count: Int, mean: Double, deviation: Double, seed: UInt64) -> [Float] {
        var state = seed
        func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return (Double(state >> 11) + 0.5) / Double(1 << 53)
        }
        return (0..<count).map { _ in
            Float(mean + deviation * (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform()))
        }
    }

    @Test func otsuSeparatesTwoGaussianPopulations() throws {
        let values =
            Self.gaussian(count: 6000, mean: 100, deviation: 15, seed: 1)
            + Self.gaussian(count: 4000, mean: 300, deviation: 20, seed: 2)
        let threshold = try #require(OtsuThreshold.threshold(values))
        #expect(threshold > 160 && threshold < 240)
        let misclassified =
            values.prefix(6000).filter { $0 > threshold }.count
            + values.suffix(4000).filter { $0 <= threshold }.count
        #expect(misclassified < 10)
    }

    @Test func otsuSplitsAtTheMiddleOfAGap() {
        // Bins 0...2 and 7...9 occupied: every split in 2...6 separates them equally well.
        #expect(OtsuThreshold.splitBin(histogram: [5, 5, 5, 0, 0, 0, 0, 5, 5, 5]) == 4)
        #expect(OtsuThreshold.splitBin(histogram: [0, 9, 0]) == nil)
        #expect(OtsuThreshold.threshold([3, 3, 3]) == nil)
    }

    @Test func foregroundOfAnMRLikeImage() {
        // Dark noisy background (about 10), a bright sphere (about 200) with a dark cavity
        // (about 15) at its centre, and a bright speck in the background.
        let grid = VoxelGrid(sizeX: 32, sizeY: 32, sizeZ: 16, spacing: SIMD3(1, 1, 1))
        let noise = Self.gaussian(count: grid.voxelCount, mean: 0, deviation: 3, seed: 7)
        var values = [Float](repeating: 0, count: grid.voxelCount)
        var sphere = [Bool](repeating: false, count: grid.voxelCount)
        for z in 0..<16 {
            for y in 0..<32 {
                for x in 0..<32 {
                    let index = grid.index(x: x, y: y, z: z)
                    let radius = (x - 16) * (x - 16) + (y - 16) * (y - 16) + (z - 8) * (z - 8)
                    sphere[index] = radius <= 7 * 7
                    values[index] = (radius <= 2 * 2 ? 15 : radius <= 7 * 7 ? 200 : 10) + noise[index]
                }
            }
        }
        values[grid.index(x: 1, y: 1, z: 1)] = 220
        let image = IntensityImage(grid: grid, values: values)
        #expect(BodyMask.foreground(image).inside == sphere)
        let uniform = IntensityImage(grid: grid, values: [Float](repeating: 5, count: grid.voxelCount))
        #expect(BodyMask.foreground(uniform).voxelCount == 0)
    }
}
