/// The shape of a voxel array and the size of its voxels.
///
/// Every array in this module is stored x-fastest: the voxel (x, y, z) lives at
/// `(z * y-size + y) * x-size + x`. A slice is an x-y plane at one z, which is the plane the
/// IBSI 2D and 2.5D aggregation methods work in.
public struct VoxelGrid: Sendable, Hashable {
    public let sizeX: Int
    public let sizeY: Int
    public let sizeZ: Int
    /// Voxel edge lengths in millimetres along x, y and z.
    public let spacing: SIMD3<Double>

    public init(sizeX: Int, sizeY: Int, sizeZ: Int, spacing: SIMD3<Double>) {
        precondition(sizeX > 0 && sizeY > 0 && sizeZ > 0, "a grid has at least one voxel along each axis")
        self.sizeX = sizeX
        self.sizeY = sizeY
        self.sizeZ = sizeZ
        self.spacing = spacing
    }

    public var voxelCount: Int { sizeX * sizeY * sizeZ }
    public var sliceSize: Int { sizeX * sizeY }
    /// Volume of one voxel in cubic millimetres.
    public var voxelVolume: Double { spacing.x * spacing.y * spacing.z }

    @inline(__always)
    public func index(x: Int, y: Int, z: Int) -> Int { (z * sizeY + y) * sizeX + x }

    @inline(__always)
    public func contains(x: Int, y: Int, z: Int) -> Bool {
        x >= 0 && y >= 0 && z >= 0 && x < sizeX && y < sizeY && z < sizeZ
    }

    /// Centre of voxel (x, y, z) in millimetres, with voxel (0, 0, 0) at the origin.
    @inline(__always)
    public func position(x: Int, y: Int, z: Int) -> SIMD3<Double> {
        SIMD3(Double(x), Double(y), Double(z)) * spacing
    }
}
