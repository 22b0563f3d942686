/// The unique neighbour directions that co-occurrence and run-length matrices walk along.
///
/// Each direction stands for itself and its opposite: 13 in 3D (half of the 26-connected
/// neighbourhood) and 4 in a 2D x-y slice (half of the 8-connected one). The order is fixed so
/// that per-direction results are reproducible.
public enum NeighbourDirections {
    /// The 4 in-plane directions (dz = 0): (1,0), (1,1), (0,1), (-1,1).
    public static let planar: [SIMD3<Int>] = [
        SIMD3(1, 0, 0), SIMD3(1, 1, 0), SIMD3(0, 1, 0), SIMD3(-1, 1, 0),
    ]

    /// The 13 directions of 3D: the 4 planar ones, then the 9 with dz = 1.
    public static let volumetric: [SIMD3<Int>] =
        planar + [
            SIMD3(-1, -1, 1), SIMD3(0, -1, 1), SIMD3(1, -1, 1),
            SIMD3(-1, 0, 1), SIMD3(0, 0, 1), SIMD3(1, 0, 1),
            SIMD3(-1, 1, 1), SIMD3(0, 1, 1), SIMD3(1, 1, 1),
        ]
}
