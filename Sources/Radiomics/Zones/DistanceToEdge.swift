/// The Manhattan (city-block) distance of every mask voxel to the region's edge, as GLDZM needs it.
///
/// IBSI defines the distance by repeated erosion with the 6-connected (3D) or 4-connected (2D)
/// structuring element: a voxel on the edge (a face neighbour outside the mask, or beyond the
/// image) has distance 1, the next layer 2, and so on. That is exactly the city-block distance to
/// the nearest voxel outside the mask, which a two-pass chamfer computes in linear time: the
/// forward raster pass finds the nearest outside voxel reached by steps in increasing x, y, z, the
/// backward pass extends the paths by steps in decreasing x, y, z, and every shortest city-block
/// path can be ordered that way.
enum DistanceToEdge {
    /// Distances over `region`'s padded box: 0 outside the mask, 1 on the edge, and so on.
    ///
    /// - Parameter planar: measure within each x-y slice (4-connected), as the 2D and 2.5D
    ///   aggregations do, instead of in 3D (6-connected).
    static func map(_ region: PaddedRegion, planar: Bool) -> [Int32] {
        let mask = region.morphologicalMask()
        let count = mask.count
        let far = Int32.max - 1
        var distance = [Int32](repeating: 0, count: count)
        let strideY = region.sizeX
        let strideZ = planar ? 0 : region.sliceStride
        let interiorX = 1..<(region.sizeX - 1)
        let interiorY = 1..<(region.sizeY - 1)
        let interiorZ = 1..<(region.sizeZ - 1)
        mask.withUnsafeBufferPointer { mask in
            distance.withUnsafeMutableBufferPointer { distance in
                for index in 0..<count where mask[index] {
                    distance[index] = far
                }
                // The margin is outside the mask, so p - 1, p - strideY and p - strideZ exist.
                for z in interiorZ {
                    for y in interiorY {
                        let row = (z * region.sizeY + y) * region.sizeX
                        for x in interiorX {
                            let p = row + x
                            var d = distance[p]
                            if d == 0 { continue }
                            d = min(d, distance[p - 1] + 1, distance[p - strideY] + 1)
                            if strideZ != 0 { d = min(d, distance[p - strideZ] + 1) }
                            distance[p] = d
                        }
                    }
                }
                for z in interiorZ.reversed() {
                    for y in interiorY.reversed() {
                        let row = (z * region.sizeY + y) * region.sizeX
                        for x in interiorX.reversed() {
                            let p = row + x
                            var d = distance[p]
                            if d == 0 { continue }
                            d = min(d, distance[p + 1] + 1, distance[p + strideY] + 1)
                            if strideZ != 0 { d = min(d, distance[p + strideZ] + 1) }
                            distance[p] = d
                        }
                    }
                }
            }
        }
        return distance
    }
}
