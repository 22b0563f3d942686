/// Volume and area of the marching-cubes mesh of a padded mask, without building the mesh.
///
/// At iso-level 0.5 on a binary mask every vertex is an edge midpoint, so a cube's triangles are fixed by its
/// configuration and its position: their area depends on the configuration alone, and their signed tetrahedron
/// volume a·(b×c)/6 is, by multilinearity of the triple product, V₀(config) + o·N(config) for cube origin o, where
/// N is a sixth of the summed triangle normals. One pass that counts configurations and sums the cube positions of
/// each (exactly, in integers) therefore gives the mesh volume and area of IBSI's "Volume (mesh)" and "Surface area
/// (mesh)" with 256 floating-point terms, whatever the region's size.
enum MarchingCubes {
    struct Tally {
        /// Number of cubes with each configuration (0 and 255, which carry no surface, are not counted).
        var counts = [Int](repeating: 0, count: 256)
        /// Sum over those cubes of their first corner's index in the padded box.
        var positionSums = [SIMD3<Int>](repeating: .zero, count: 256)
    }

    /// Counts every cube of the padded box (a cube spans 2 x 2 x 2 voxel centres) by configuration.
    static func tally(_ mask: PaddedMask) -> Tally {
        var counts = [Int](repeating: 0, count: 256)
        var sumX = [Int](repeating: 0, count: 256)
        var sumY = [Int](repeating: 0, count: 256)
        var sumZ = [Int](repeating: 0, count: 256)
        let size = mask.size
        mask.voxels.withUnsafeBufferPointer { voxels in
            for z in 0..<(size.z - 1) {
                for y in 0..<(size.y - 1) {
                    let row00 = (z * size.y + y) * size.x
                    let row10 = row00 + size.x
                    let row01 = row00 + size.x * size.y
                    let row11 = row01 + size.x
                    // Bits of the four corners at one x: (y, z), (y+1, z), (y, z+1), (y+1, z+1) -> bits 0, 2, 4, 6.
                    func column(_ x: Int) -> Int {
                        Int(voxels[row00 + x]) | Int(voxels[row10 + x]) << 2 | Int(voxels[row01 + x]) << 4
                            | Int(voxels[row11 + x]) << 6
                    }
                    var left = column(0)
                    for x in 0..<(size.x - 1) {
                        let right = column(x + 1)
                        let configuration = left | right << 1
                        left = right
                        if configuration == 0 || configuration == 255 { continue }
                        counts[configuration] += 1
                        sumX[configuration] += x
                        sumY[configuration] += y
                        sumZ[configuration] += z
                    }
                }
            }
        }
        var tally = Tally()
        tally.counts = counts
        for configuration in 0..<256 {
            tally.positionSums[configuration] = SIMD3(sumX[configuration], sumY[configuration], sumZ[configuration])
        }
        return tally
    }

    /// Mesh volume (mm³, absolute value of the summed signed tetrahedra) and area (mm²) for voxel `spacing` (mm).
    static func measure(_ tally: Tally, paddedSize: SIMD3<Int>, spacing: SIMD3<Double>) -> (
        volume: Double, area: Double
    ) {
        let centre = paddedSize / 2
        var volume = 0.0
        var area = 0.0
        for configuration in 0..<256 where tally.counts[configuration] > 0 {
            let count = tally.counts[configuration]
            let shape = triangleMoments(configuration, spacing: spacing)
            // Sum of cube origins, relative to the box centre to keep the terms small, in mm.
            let origins = SIMD3<Double>(tally.positionSums[configuration] &- count &* centre) * spacing
            volume += Double(count) * shape.volume + (origins * shape.normal).sum()
            area += Double(count) * shape.area
        }
        return (abs(volume), area)
    }

    /// For one configuration with the cube at the origin: Σ a·(b×c)/6, Σ (b−a)×(c−a)/6 and Σ |(b−a)×(c−a)|/2.
    static func triangleMoments(
        _ configuration: Int, spacing: SIMD3<Double>
    ) -> (volume: Double, normal: SIMD3<Double>, area: Double) {
        var volume = 0.0
        var normal = SIMD3<Double>.zero
        var area = 0.0
        let edges = MarchingCubesTables.triangleEdges
        var index = MarchingCubesTables.triangleStart[configuration]
        while index < MarchingCubesTables.triangleStart[configuration + 1] {
            let a = edgePoint(edges[index], spacing)
            let b = edgePoint(edges[index + 1], spacing)
            let c = edgePoint(edges[index + 2], spacing)
            let faceNormal = cross(b - a, c - a)
            volume += (a * cross(b, c)).sum() / 6
            normal += faceNormal / 6
            area += (faceNormal * faceNormal).sum().squareRoot() / 2
            index += 3
        }
        return (volume, normal, area)
    }

    /// Position in mm of an edge midpoint relative to the cube's first corner.
    static func edgePoint(_ edge: UInt8, _ spacing: SIMD3<Double>) -> SIMD3<Double> {
        SIMD3<Double>(MarchingCubesTables.edgeMidpoints[Int(edge)]) * spacing / 2
    }

    static func cross(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> SIMD3<Double> {
        SIMD3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x)
    }
}
