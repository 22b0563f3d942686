import Foundation

/// IBSI chapter 1 morphological features (family HCUG): the region's size, shape and the spatial layout of its
/// intensities, always computed in 3D (aggregation DHQ4).
///
/// The surface is the marching-cubes mesh of the mask padded with empty voxels, at iso-level 0.5, in mm (see
/// `MarchingCubes`); its convex hull is built on the mesh vertices (`ConvexHull`); axis lengths and the
/// approximate enclosing ellipsoid come from PCA of the voxel centres (`PrincipalAxes`). The mask serves both as
/// morphological and intensity mask. The oriented minimum bounding box and minimum volume enclosing ellipsoid
/// densities are left out: the manual gives them no reference value and says they should not be used.
///
/// Degenerate regions never trap. Every non-empty region has a closed 3D mesh (one voxel gives an octahedron of
/// volume 1/6 voxel), so volume, area, their ratios, the convex hull, the diameter and the bounding box are always
/// defined. Otherwise a value is NaN exactly when its formula has a zero denominator:
/// - one voxel: the covariance is taken as 0, so the three axis lengths are 0 and elongation, flatness and both
///   ellipsoid densities are NaN; Moran's I and Geary's C (no pairs) are NaN.
/// - a line of voxels (λ_minor = λ_least = 0): elongation and flatness 0, both ellipsoid densities NaN (the
///   ellipsoid has no volume and no area).
/// - a single slice (λ_least = 0): flatness 0, ellipsoid volume density NaN; the area density stays defined.
/// - constant intensities: Moran's I and Geary's C are NaN (zero variance).
/// - intensities summing to 0 (possible in CT): centre of mass shift is NaN (no intensity-weighted centre).
///
/// Regions of more than 20 000 voxels get Moran's I and Geary's C from a fixed-seed subsample of 20 000 voxels
/// (see `SpatialAutocorrelation`); everything else is exact at any size.
public enum MorphologyFeatures {
    /// The 25 morphological features with IBSI reference values, in the manual's order.
    ///
    /// Throws when the grids differ, the spacing is not positive, the region is empty or a region intensity is not
    /// finite.
    public static func compute(image: IntensityImage, mask: RegionMask) throws(RadiomicsError) -> [RadiomicsFeature] {
        guard image.grid == mask.grid else {
            throw RadiomicsError(.mismatchedGrid, "the image and the mask have different grids")
        }
        let spacing = mask.grid.spacing
        guard spacing.min() > 0, spacing.max().isFinite else {
            throw RadiomicsError(.invalidSetting, "the voxel spacing must be positive, not \(spacing)")
        }
        guard let padded = PaddedMask(mask) else {
            throw RadiomicsError(.emptyRegion, "the region of interest is empty")
        }
        let grid = mask.grid

        // Intensity sums for integrated intensity and the intensity-weighted centre.
        var intensitySum = 0.0
        var weightedPosition = SIMD3<Double>.zero
        var index = 0
        for z in 0..<grid.sizeZ {
            for y in 0..<grid.sizeY {
                for x in 0..<grid.sizeX {
                    if mask.inside[index] {
                        let value = Double(image.values[index])
                        guard value.isFinite else {
                            throw RadiomicsError(.invalidIntensity, "the region holds a non-finite intensity")
                        }
                        intensitySum += value
                        weightedPosition += value * SIMD3(Double(x), Double(y), Double(z))
                    }
                    index += 1
                }
            }
        }

        // Mesh volume and area.
        let tally = MarchingCubes.tally(padded)
        let (volume, area) = MarchingCubes.measure(tally, paddedSize: padded.size, spacing: spacing)
        let voxelVolume = Double(mask.voxelCount) * grid.voxelVolume

        // Convex hull of the mesh vertices (half-voxel lattice), its diameter, and the bounding box.
        let halfSpacing = spacing / 2
        let hull = ConvexHull(points: MeshVertices.hullCandidates(padded))
        let (hullVolume, hullArea) = hull.measure(scale: halfSpacing)
        let diameter = maximumDistance(hull.vertices, scale: halfSpacing)
        // The mesh reaches half a voxel beyond the outermost voxel centres, so its box is the voxel box.
        let box = SIMD3<Double>(padded.size &- 2) * spacing
        let boxVolume = box.x * box.y * box.z
        let boxArea = 2 * (box.x * box.y + box.x * box.z + box.y * box.z)

        // PCA and the approximate enclosing ellipsoid (semi-axes 2√λ).
        let axes = PrincipalAxes(mask: mask)
        let lambda = axes.eigenvalues
        let semiAxes = 2 * SIMD3(lambda.x.squareRoot(), lambda.y.squareRoot(), lambda.z.squareRoot())
        let ellipsoidVolume = 4 * Double.pi * semiAxes.x * semiAxes.y * semiAxes.z / 3
        let ellipsoidArea = EllipsoidSurface.area(a: semiAxes.x, b: semiAxes.y, c: semiAxes.z)

        // Centre of mass shift: geometric centre versus intensity-weighted centre.
        let intensityCentre = weightedPosition / intensitySum * spacing
        let centreShift = intensitySum == 0 ? Double.nan : distance(axes.centroid, intensityCentre)

        let autocorrelation = SpatialAutocorrelation.compute(image: image, mask: mask)
        let sphereTerm = 36 * Double.pi * volume * volume  // (36π V²)

        let values: [(String, String, Double)] = [
            ("morph.vol", "RNU0", volume),
            ("morph.approx.vol", "YEKZ", voxelVolume),
            ("morph.area", "C0JK", area),
            ("morph.av", "2PR5", area / volume),
            ("morph.comp.1", "SKGS", volume / (Double.pi.squareRoot() * pow(area, 1.5))),
            ("morph.comp.2", "BQWJ", sphereTerm / (area * area * area)),
            ("morph.sph.dispr", "KRCK", area / cbrt(sphereTerm)),
            ("morph.sphericity", "QCFX", cbrt(sphereTerm) / area),
            ("morph.asphericity", "25C7", cbrt(area * area * area / sphereTerm) - 1),
            ("morph.com", "KLMA", centreShift),
            ("morph.diam", "L0JK", diameter),
            ("morph.pca.major", "TDIC", 2 * semiAxes.x),
            ("morph.pca.minor", "P9VJ", 2 * semiAxes.y),
            ("morph.pca.least", "7J51", 2 * semiAxes.z),
            ("morph.pca.elongation", "Q3CK", ratio(lambda.y, lambda.x).squareRoot()),
            ("morph.pca.flatness", "N17B", ratio(lambda.z, lambda.x).squareRoot()),
            ("morph.v.dens.aabb", "PBX1", volume / boxVolume),
            ("morph.a.dens.aabb", "R59B", area / boxArea),
            ("morph.v.dens.aee", "6BDE", ratio(volume, ellipsoidVolume)),
            ("morph.a.dens.aee", "RDD2", ratio(area, ellipsoidArea)),
            ("morph.v.dens.conv.hull", "R3ER", ratio(volume, hullVolume)),
            ("morph.a.dens.conv.hull", "7T7F", ratio(area, hullArea)),
            ("morph.integ.int", "99N0", volume * intensitySum / Double(mask.voxelCount)),
            ("morph.moran.i", "N365", autocorrelation.moranI),
            ("morph.geary.c", "NPT7", autocorrelation.gearyC),
        ]
        return values.map { symbol, code, value in
            RadiomicsFeature(family: .morphology, symbol: symbol, code: code, aggregation: .volume, value: value)
        }
    }

    /// `numerator / denominator`, NaN when the denominator is 0 or not finite (a degenerate comparison shape).
    static func ratio(_ numerator: Double, _ denominator: Double) -> Double {
        denominator > 0 && denominator.isFinite ? numerator / denominator : .nan
    }

    static func distance(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> Double {
        ((a - b) * (a - b)).sum().squareRoot()
    }

    /// Largest distance (mm) between two of `points` (half-voxel lattice, scaled by `scale`): the maximum 3D
    /// diameter when `points` are the hull corners, which always include the two most distant mesh vertices.
    static func maximumDistance(_ points: [SIMD3<Int>], scale: SIMD3<Double>) -> Double {
        let xs = points.map { Double($0.x) * scale.x }
        let ys = points.map { Double($0.y) * scale.y }
        let zs = points.map { Double($0.z) * scale.z }
        var largest = 0.0
        for i in points.indices {
            let (xi, yi, zi) = (xs[i], ys[i], zs[i])
            var best = 0.0
            for j in (i + 1)..<points.count {
                let dx = xs[j] - xi
                let dy = ys[j] - yi
                let dz = zs[j] - zi
                best = max(best, dx * dx + dy * dy + dz * dz)
            }
            largest = max(largest, best)
        }
        return largest.squareRoot()
    }
}
