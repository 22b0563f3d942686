import Foundation
import Radiomics
import Testing

/// Morphology and local intensity features on shapes whose values are known in closed form or from an
/// independent marching-cubes implementation. (The phantom comparison lives in its own suite.)
@Suite struct MorphologyTests {
    /// A grid of `size` voxels at isotropic `spacing` mm with intensity `value(x, y, z)`, region `inside(x, y, z)`.
    static func region(
        _ size: SIMD3<Int>, spacing: Double = 1, value: (Int, Int, Int) -> Float = { _, _, _ in 1 },
        inside: (Int, Int, Int) -> Bool
    ) -> (image: IntensityImage, mask: RegionMask) {
        let grid = VoxelGrid(sizeX: size.x, sizeY: size.y, sizeZ: size.z, spacing: SIMD3(repeating: spacing))
        var values: [Float] = []
        var flags: [Bool] = []
        for z in 0..<size.z {
            for y in 0..<size.y {
                for x in 0..<size.x {
                    values.append(value(x, y, z))
                    flags.append(inside(x, y, z))
                }
            }
        }
        return (IntensityImage(grid: grid, values: values), RegionMask(grid: grid, inside: flags))
    }

    static func morphology(_ region: (image: IntensityImage, mask: RegionMask)) throws -> [String: Double] {
        let features = try MorphologyFeatures.compute(image: region.image, mask: region.mask)
        #expect(features.count == 25)
        #expect(features.allSatisfy { $0.family == .morphology && $0.aggregation == .volume })
        return Dictionary(uniqueKeysWithValues: features.map { ($0.symbol, $0.value) })
    }

    static func peaks(_ region: (image: IntensityImage, mask: RegionMask)) throws -> (local: Double, global: Double) {
        let features = try LocalIntensityFeatures.compute(image: region.image, mask: region.mask)
        let value = { (symbol: String) in features.first { $0.symbol == symbol }!.value }
        return (value("loc.peak.local"), value("loc.peak.global"))
    }

    static func close(_ a: Double, _ b: Double, relative: Double = 1e-9) -> Bool {
        abs(a - b) <= relative * max(abs(a), abs(b))
    }

    /// A voxelised ball of radius 10 voxels (15 mm at 1.5 mm). Marching cubes on a binary mask keeps the volume
    /// within ~1 % but overestimates the area by ~9 % at any resolution (the surface is a staircase of facets
    /// with quantised normals), so sphericity settles near 0.92, not 1. The exact values are scikit-image's
    /// `marching_cubes` on the same padded mask, an independent implementation.
    @Test func voxelisedSphereApproachesTheBall() throws {
        let radius = 10
        let ball = Self.region(SIMD3(25, 25, 25), spacing: 1.5) { x, y, z in
            let d = SIMD3(x, y, z) &- 12
            return (d &* d).wrappedSum() <= radius * radius
        }
        let f = try Self.morphology(ball)
        let r = 15.0
        let volume = try #require(f["morph.vol"])
        let area = try #require(f["morph.area"])
        #expect(abs(volume / (4 / 3 * Double.pi * r * r * r) - 1) < 0.02)
        #expect(area / (4 * Double.pi * r * r) > 1 && area / (4 * Double.pi * r * r) < 1.12)
        #expect(Self.close(volume, 13998.9375))
        #expect(Self.close(area, 3087.094820419142, relative: 1e-6))
        let sphericity = try #require(f["morph.sphericity"])
        #expect(sphericity > 0.88 && sphericity < 0.95)
        #expect(Self.close(try #require(f["morph.comp.2"]), sphericity * sphericity * sphericity))
        #expect(Self.close(try #require(f["morph.asphericity"]), 1 / sphericity - 1))
        // Hull volume and area of the same mesh vertices by SciPy's ConvexHull (Qhull): 15092.4375 mm³ and
        // 2972.969271572666 mm². The single voxels capping each axis make the hull noticeably larger than the mesh.
        #expect(Self.close(try #require(f["morph.v.dens.conv.hull"]), volume / 15092.4375))
        #expect(Self.close(try #require(f["morph.a.dens.conv.hull"]), area / 2972.969271572666, relative: 1e-6))
        // The ball's principal axes are equal.
        #expect(abs(try #require(f["morph.pca.elongation"]) - 1) < 1e-9)
        #expect(abs(try #require(f["morph.pca.flatness"]) - 1) < 1e-9)
        // The widest vertex pair spans the ball's 21 voxels along an axis: 21 x 1.5 mm.
        #expect(Self.close(try #require(f["morph.diam"]), 31.5))
    }

    /// The mesh of an a x b x c box of voxels is the box with its edges chamfered (x + y ≥ ½ voxel) and corners cut
    /// (x + y + z ≥ 1): V = abc − (a + b + c − 3)/2 − 5/6 and A = 2Σ(a−1)(b−1) + √2·2Σ(a−1) + √3 (voxel units).
    /// That polytope is convex, so its hull is itself, and its bounding box is the voxel box.
    @Test func boxMeshMatchesClosedFormAndEqualsItsHull() throws {
        let (a, b, c) = (6.0, 4.0, 3.0)
        let spacing = 2.0
        let box = Self.region(SIMD3(10, 8, 7), spacing: spacing) { x, y, z in
            (2..<8).contains(x) && (2..<6).contains(y) && (1..<4).contains(z)
        }
        let f = try Self.morphology(box)
        let volume = (a * b * c - (a + b + c - 3) / 2 - 5.0 / 6) * pow(spacing, 3)
        let faces = 2 * ((a - 1) * (b - 1) + (a - 1) * (c - 1) + (b - 1) * (c - 1))
        let area = (faces + 2 * 2.0.squareRoot() * (a + b + c - 3) + 3.0.squareRoot()) * spacing * spacing
        #expect(Self.close(try #require(f["morph.vol"]), volume))
        #expect(Self.close(try #require(f["morph.area"]), area))
        #expect(Self.close(try #require(f["morph.approx.vol"]), a * b * c * pow(spacing, 3)))
        #expect(Self.close(try #require(f["morph.v.dens.aabb"]), volume / (a * b * c * pow(spacing, 3))))
        let boxArea = 2 * (a * b + a * c + b * c) * spacing * spacing
        #expect(Self.close(try #require(f["morph.a.dens.aabb"]), area / boxArea))
        #expect(Self.close(try #require(f["morph.v.dens.conv.hull"]), 1))
        #expect(Self.close(try #require(f["morph.a.dens.conv.hull"]), 1))
        // The farthest vertices sit on the end faces of the longest side, at the centres of opposite corner
        // voxels' faces: √(a² + (b − 1)² + (c − 1)²) voxels apart (a ≥ b ≥ c).
        #expect(Self.close(try #require(f["morph.diam"]), 7 * spacing))
    }

    /// The chamfers matter less as the box grows: a 40³ box fills 99.9 % of its bounding box.
    @Test func largeBoxFillsItsBoundingBox() throws {
        let box = Self.region(SIMD3(40, 40, 40)) { _, _, _ in true }
        let density = try #require(try Self.morphology(box)["morph.v.dens.aabb"])
        #expect(Self.close(density, (64000 - 58.5 - 5.0 / 6) / 64000))
        #expect(density > 0.999)
    }

    /// PCA of a box's voxel centres: along a side of n voxels the centres have variance s²(n² − 1)/12, times
    /// N/(N − 1) for the sample covariance over all N voxels, so the axis lengths 4√λ are known exactly; and the
    /// intensity-weighted centre shifts towards the brighter half.
    @Test func principalAxesAndCentreOfMass() throws {
        let spacing = 2.0
        let box = Self.region(SIMD3(8, 5, 3), spacing: spacing, value: { x, _, _ in x < 4 ? 1 : 3 }) { _, _, _ in
            true
        }
        let f = try Self.morphology(box)
        let count = 8.0 * 5 * 3
        func axis(_ n: Double) -> Double {
            4 * (spacing * spacing * (n * n - 1) / 12 * count / (count - 1)).squareRoot()
        }
        #expect(Self.close(try #require(f["morph.pca.major"]), axis(8)))
        #expect(Self.close(try #require(f["morph.pca.minor"]), axis(5)))
        #expect(Self.close(try #require(f["morph.pca.least"]), axis(3)))
        #expect(Self.close(try #require(f["morph.pca.elongation"]), axis(5) / axis(8)))
        // Geometric centre x = 3.5 voxels; weighted: (1·1.5 + 3·5.5) / 4 = 4.5 voxels; shift 1 voxel = 2 mm.
        #expect(Self.close(try #require(f["morph.com"]), 2))
        // Integrated intensity: mean 2 times the mesh volume.
        #expect(Self.close(try #require(f["morph.integ.int"]), 2 * (try #require(f["morph.vol"]))))
    }

    /// Moran's I and Geary's C of two voxels: one pair, perfectly anti-correlated.
    @Test func spatialAutocorrelationOfTwoVoxels() throws {
        let pair = Self.region(SIMD3(2, 1, 1), value: { x, _, _ in x == 0 ? 1 : 5 }) { _, _, _ in true }
        let f = try Self.morphology(pair)
        // z = ∓2: I = 2/(2w) · (2w · −4) / 8 = −1; C = 1/(2·2w) · (2w · 16) / 8 = 1.
        #expect(Self.close(try #require(f["morph.moran.i"]), -1, relative: 1e-6))
        #expect(Self.close(try #require(f["morph.geary.c"]), 1, relative: 1e-6))
    }

    @Test func degenerateRegionsGiveDocumentedValues() throws {
        // One voxel: the mesh is an octahedron of 1/6 voxel; no spread, no pairs.
        let single = try Self.morphology(Self.region(SIMD3(3, 3, 3), spacing: 2) { x, y, z in (x, y, z) == (1, 1, 1) })
        #expect(Self.close(try #require(single["morph.vol"]), 8.0 / 6))
        #expect(Self.close(try #require(single["morph.area"]), 3.0.squareRoot() * 4))
        #expect(Self.close(try #require(single["morph.v.dens.conv.hull"]), 1))
        #expect(Self.close(try #require(single["morph.diam"]), 2))
        #expect(single["morph.pca.major"] == 0)
        #expect(single["morph.pca.elongation"]!.isNaN)
        #expect(single["morph.v.dens.aee"]!.isNaN)
        #expect(single["morph.moran.i"]!.isNaN)
        #expect(single["morph.geary.c"]!.isNaN)
        #expect(single["morph.com"] == 0)

        // A line of 6 voxels: no minor or least extent.
        let line = try Self.morphology(Self.region(SIMD3(8, 3, 3)) { x, y, z in y == 1 && z == 1 && x >= 1 && x <= 6 })
        #expect(line["morph.pca.minor"] == 0 && line["morph.pca.elongation"] == 0)
        #expect(line["morph.v.dens.aee"]!.isNaN && line["morph.a.dens.aee"]!.isNaN)
        #expect(Self.close(try #require(line["morph.diam"]), 6))
        #expect(Self.close(try #require(line["morph.v.dens.conv.hull"]), 1))

        // One slice: flat, but the mesh still has thickness; the ellipsoid area density stays defined.
        let flat = try Self.morphology(
            Self.region(SIMD3(8, 6, 3), value: { x, y, _ in Float(x + y) }) { x, y, z in
                z == 1 && (1...6).contains(x) && (1...4).contains(y)
            })
        #expect(flat["morph.pca.least"] == 0 && flat["morph.pca.flatness"] == 0)
        #expect(flat["morph.v.dens.aee"]!.isNaN)
        #expect(flat["morph.a.dens.aee"]!.isFinite)
        #expect(try #require(flat["morph.vol"]) > 0 && flat["morph.moran.i"]!.isFinite)

        // Constant intensity: no variance for Moran's I and Geary's C.
        let constant = try Self.morphology(Self.region(SIMD3(4, 4, 4)) { _, _, _ in true })
        #expect(constant["morph.moran.i"]!.isNaN && constant["morph.geary.c"]!.isNaN)

        // Intensities summing to zero: no intensity-weighted centre.
        let zeroSum = try Self.morphology(
            Self.region(SIMD3(2, 1, 1), value: { x, _, _ in x == 0 ? -1 : 1 }) { _, _, _ in true })
        #expect(zeroSum["morph.com"]!.isNaN)

        // Two voxels meeting only along an edge are separate pieces of surface.
        let diagonal = try Self.morphology(
            Self.region(SIMD3(3, 3, 1)) { x, y, _ in (x, y) == (0, 0) || (x, y) == (1, 1) })
        #expect(Self.close(try #require(diagonal["morph.vol"]), 2.0 / 6))
    }

    @Test func invalidInputsThrow() throws {
        let empty = Self.region(SIMD3(2, 2, 2)) { _, _, _ in false }
        #expect(throws: RadiomicsError.self) { try MorphologyFeatures.compute(image: empty.image, mask: empty.mask) }
        #expect(throws: RadiomicsError.self) {
            try LocalIntensityFeatures.compute(image: empty.image, mask: empty.mask)
        }
        let nan = Self.region(SIMD3(2, 2, 2), value: { x, _, _ in x == 0 ? .nan : 1 }) { _, _, _ in true }
        #expect(throws: RadiomicsError.self) { try MorphologyFeatures.compute(image: nan.image, mask: nan.mask) }
        #expect(throws: RadiomicsError.self) { try LocalIntensityFeatures.compute(image: nan.image, mask: nan.mask) }
        let flat = Self.region(SIMD3(2, 2, 2), spacing: 0) { _, _, _ in true }
        #expect(throws: RadiomicsError.self) { try MorphologyFeatures.compute(image: flat.image, mask: flat.mask) }
        #expect(throws: RadiomicsError.self) { try LocalIntensityFeatures.compute(image: flat.image, mask: flat.mask) }
        let other = Self.region(SIMD3(2, 2, 3)) { _, _, _ in true }
        let one = Self.region(SIMD3(2, 2, 2)) { _, _, _ in true }
        #expect(throws: RadiomicsError.self) { try MorphologyFeatures.compute(image: other.image, mask: one.mask) }
    }

    /// At 2 mm the 6.2 mm sphere holds the 123 voxels with dx² + dy² + dz² ≤ 9. One hot voxel of 123 therefore
    /// gives a sphere mean of 1 around every voxel that sees it; a voxel that also sees a second hot voxel of 50
    /// reaches 173/123. The local peak is the mean around the hottest voxel, the global peak the best of all.
    @Test func localAndGlobalPeaksOfAHandMadeImage() throws {
        let image = Self.region(
            SIMD3(15, 15, 20), spacing: 2,
            value: { x, y, z in
                switch (x, y, z) {
                case (7, 7, 7): 123
                case (7, 7, 12): 50
                default: 0
                }
            }
        ) { _, _, _ in true }
        let peaks = try Self.peaks(image)
        #expect(Self.close(peaks.local, 1))
        #expect(Self.close(peaks.global, 173.0 / 123))
    }

    /// When several voxels share the maximum intensity, the highest of their peaks counts (IBSI manual), not
    /// their mean; and the sphere draws on voxels outside the region.
    @Test func tiedMaximaTakeTheHighestPeak() throws {
        let image = Self.region(
            SIMD3(20, 15, 15), spacing: 2,
            value: { x, y, z in
                switch (x, y, z) {
                case (5, 7, 7), (14, 7, 7): 10
                case (14, 7, 8): 5
                default: 0
                }
            }
        ) { x, y, z in (x, y, z) == (5, 7, 7) || (x, y, z) == (14, 7, 7) }
        let peaks = try Self.peaks(image)
        #expect(Self.close(peaks.local, 15.0 / 123))
        #expect(Self.close(peaks.global, 15.0 / 123))
    }

    /// Near the image border the sphere is cut off and the mean is over the voxels present; non-finite voxels
    /// outside the region are left out like voxels beyond the border.
    @Test func peaksAtTheBorderAndWithMissingVoxels() throws {
        let corner = Self.region(SIMD3(5, 5, 5), spacing: 2, value: { x, y, z in x + y + z == 0 ? 20 : 0 }) {
            x, y, z in x + y + z == 0
        }
        // Only the octant x, y, z ≥ 0 of the sphere lies in the image.
        var octant = 0
        for x in 0..<5 { for y in 0..<5 { for z in 0..<5 where x * x + y * y + z * z <= 9 { octant += 1 } } }
        #expect(Self.close(try Self.peaks(corner).local, 20 / Double(octant)))

        let withNaN = Self.region(
            SIMD3(3, 1, 1), spacing: 2, value: { x, _, _ in x == 0 ? .nan : Float(x) }
        ) { x, _, _ in x == 2 }
        let peaks = try Self.peaks(withNaN)
        #expect(Self.close(peaks.local, 1.5))
        #expect(Self.close(peaks.global, 1.5))

        let single = Self.region(SIMD3(1, 1, 1), value: { _, _, _ in 7 }) { _, _, _ in true }
        let singlePeaks = try Self.peaks(single)
        #expect(singlePeaks.local == 7 && singlePeaks.global == 7)
    }
}
