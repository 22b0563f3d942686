import Foundation
import Radiomics

/// A generated chest CT in Hounsfield units: air, an elliptical body with a fat layer, two lungs
/// with vessels, a heart, a spine and a soft-tissue lesion, with deterministic noise. It has the
/// intensity range and region sizes of a real chest CT, which is what the benchmark needs.
struct SyntheticChestCT {
    let sizeX: Int
    let sizeY: Int
    let sizeZ: Int
    let spacing: SIMD3<Double>
    let seed: UInt64

    func generate() -> IntensityImage {
        let grid = VoxelGrid(sizeX: sizeX, sizeY: sizeY, sizeZ: sizeZ, spacing: spacing)
        var values = [Float](repeating: -1000, count: grid.voxelCount)
        var random = seed
        for z in 0..<sizeZ {
            let t = Double(z) / Double(max(sizeZ - 1, 1))
            for y in 0..<sizeY {
                let v = (Double(y) - Double(sizeY) / 2) / (Double(sizeY) / 2)
                for x in 0..<sizeX {
                    let u = (Double(x) - Double(sizeX) / 2) / (Double(sizeX) / 2)
                    values[grid.index(x: x, y: y, z: z)] = Float(
                        huAt(u: u, v: v, t: t) + 15 * gaussian(&random))
                }
            }
        }
        return IntensityImage(grid: grid, values: values)
    }

    /// Tissue at normalised in-plane position (u, v) in [-1, 1] and height t in [0, 1].
    private func huAt(u: Double, v: Double, t: Double) -> Double {
        let body = (u / 0.85) * (u / 0.85) + (v / 0.62) * (v / 0.62)
        guard body <= 1 else { return -1000 }
        if body > 0.86 { return -100 }  // subcutaneous fat
        let spine = (u / 0.09) * (u / 0.09) + ((v - 0.45) / 0.09) * ((v - 0.45) / 0.09)
        if spine <= 1 { return spine < 0.5 ? 250 : 700 }
        let heart = ((u + 0.1) / 0.25) * ((u + 0.1) / 0.25) + ((v + 0.05) / 0.22) * ((v + 0.05) / 0.22)
        if heart <= 1 { return 45 }
        let lesion =
            ((u - 0.4) / 0.06) * ((u - 0.4) / 0.06) + ((v + 0.1) / 0.06) * ((v + 0.1) / 0.06)
            + ((t - 0.5) / 0.15) * ((t - 0.5) / 0.15)
        if lesion <= 1 { return 30 }
        for side in [-1.0, 1.0] {
            let lung = ((u - side * 0.42) / 0.3) * ((u - side * 0.42) / 0.3) + ((v + 0.02) / 0.45) * ((v + 0.02) / 0.45)
            if lung <= 1 {
                let vessels = sin(u * 40 + t * 7) * sin(v * 37 - t * 5)
                return vessels > 0.92 ? 40 : -850
            }
        }
        return 40 + 10 * sin(u * 9) * cos(v * 7)  // muscle and mediastinum
    }

    /// A standard normal variate (Box-Muller over SplitMix64).
    private func gaussian(_ state: inout UInt64) -> Double {
        func next() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
        }
        let first = max(next(), 1e-12)
        return (-2 * log(first)).squareRoot() * cos(2 * Double.pi * next())
    }
}
