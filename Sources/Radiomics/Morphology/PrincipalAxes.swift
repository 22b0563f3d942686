/// Principal component analysis of the region's voxel centres: the eigenvalues of their covariance matrix.
///
/// IBSI derives the major, minor and least axis lengths (4√λ), elongation, flatness and the approximate enclosing
/// ellipsoid from these eigenvalues. The covariance is the sample covariance (divided by N − 1): that is what
/// reproduces the phantom's reference values, while dividing by N makes every axis 0.7 % short (11.33 mm instead
/// of 11.4 mm for the major axis, outside its tolerance). Moments are summed over integer voxel indices, so they
/// are exact for any region size, and scaled to mm afterwards.
struct PrincipalAxes {
    /// Eigenvalues in mm², largest first (λ_major ≥ λ_minor ≥ λ_least ≥ 0).
    let eigenvalues: SIMD3<Double>
    /// Centre of the voxel centres, in mm from voxel (0, 0, 0).
    let centroid: SIMD3<Double>

    init(mask: RegionMask) {
        let grid = mask.grid
        var count = 0
        var sum = SIMD3<Int>.zero
        // xx, yy, zz, xy, xz, yz.
        var products = [Int](repeating: 0, count: 6)
        var index = 0
        for z in 0..<grid.sizeZ {
            for y in 0..<grid.sizeY {
                for x in 0..<grid.sizeX {
                    if mask.inside[index] {
                        count += 1
                        sum &+= SIMD3(x, y, z)
                        products[0] += x * x
                        products[1] += y * y
                        products[2] += z * z
                        products[3] += x * y
                        products[4] += x * z
                        products[5] += y * z
                    }
                    index += 1
                }
            }
        }
        guard count > 0 else {
            eigenvalues = SIMD3(repeating: .nan)
            centroid = SIMD3(repeating: .nan)
            return
        }
        // Integer sums are exact (Σx² ≤ N·size² stays far below 2⁵³), so the one rounding is in Σx·Σy / N.
        // A single voxel has no spread: its covariance is taken as 0 rather than 0/0.
        let n = Double(count)
        func covariance(_ product: Int, _ a: Int, _ b: Int) -> Double {
            guard count > 1 else { return 0 }
            return (Double(product) - Double(sum[a]) * Double(sum[b]) / n) / (n - 1) * grid.spacing[a] * grid.spacing[b]
        }
        let matrix = SymmetricMatrix3(
            xx: covariance(products[0], 0, 0), yy: covariance(products[1], 1, 1), zz: covariance(products[2], 2, 2),
            xy: covariance(products[3], 0, 1), xz: covariance(products[4], 0, 2), yz: covariance(products[5], 1, 2))
        let values = matrix.eigenvalues().map { max($0, 0) }.sorted(by: >)
        eigenvalues = SIMD3(values[0], values[1], values[2])
        centroid = SIMD3<Double>(sum) / n * grid.spacing
    }
}

/// A symmetric 3 x 3 matrix and its eigenvalues by cyclic Jacobi rotations (robust for repeated eigenvalues, and
/// exact for diagonal matrices).
struct SymmetricMatrix3 {
    var xx, yy, zz, xy, xz, yz: Double

    func eigenvalues() -> [Double] {
        var a = [[xx, xy, xz], [xy, yy, yz], [xz, yz, zz]]
        for _ in 0..<64 {
            let offDiagonal = a[0][1] * a[0][1] + a[0][2] * a[0][2] + a[1][2] * a[1][2]
            let diagonal = a[0][0] * a[0][0] + a[1][1] * a[1][1] + a[2][2] * a[2][2]
            if offDiagonal <= 1e-30 * diagonal || offDiagonal == 0 { break }
            for (p, q) in [(0, 1), (0, 2), (1, 2)] where a[p][q] != 0 {
                // Rotation in the (p, q) plane that zeroes a[p][q].
                let theta = (a[q][q] - a[p][p]) / (2 * a[p][q])
                let t = (theta >= 0 ? 1 : -1) / (abs(theta) + (theta * theta + 1).squareRoot())
                let c = 1 / (t * t + 1).squareRoot()
                let s = t * c
                for k in 0..<3 {
                    let kp = a[k][p]
                    let kq = a[k][q]
                    a[k][p] = c * kp - s * kq
                    a[k][q] = s * kp + c * kq
                }
                for k in 0..<3 {
                    let pk = a[p][k]
                    let qk = a[q][k]
                    a[p][k] = c * pk - s * qk
                    a[q][k] = s * pk + c * qk
                }
            }
        }
        return [a[0][0], a[1][1], a[2][2]]
    }
}
