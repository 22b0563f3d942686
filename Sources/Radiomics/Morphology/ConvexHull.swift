/// The convex hull of integer lattice points, by 3D quickhull with exact integer predicates.
///
/// Mesh vertices lie on a half-voxel lattice, and scaling each axis by its voxel spacing maps the hull of the
/// lattice points onto the hull of the points in millimetres (a linear map preserves convexity). Building the
/// hull on the integers makes every orientation test exact, so coplanar and collinear vertices, which voxel
/// meshes are full of, need no tolerances: a point counts as outside a face only when strictly above it.
///
/// When the points do not span 3D (all coplanar, collinear or identical) there are no faces: volume and area are
/// 0 and `vertices` holds every distinct input point, so the diameter is still right. A marching-cubes mesh of a
/// non-empty mask always spans 3D (even one voxel gives an octahedron).
struct ConvexHull {
    /// Hull corners (for a degenerate input, all distinct input points).
    private(set) var vertices: [SIMD3<Int>] = []
    /// Triangles as indices into `vertices`, counter-clockwise seen from outside.
    private(set) var triangles: [SIMD3<Int>] = []

    private struct Face {
        var corners: SIMD3<Int>  // point indices
        var neighbours: SIMD3<Int> = .zero  // neighbours[i] is across edge corners[i] -> corners[(i + 1) % 3]
        var normal: SIMD3<Int>
        var offset: Int  // normal · corners[0]
        var outside: [Int] = []
        var alive = true

        func height(_ point: SIMD3<Int>) -> Int { (normal &* point).wrappedSum() - offset }
    }

    init(points: [SIMD3<Int>]) {
        guard let simplex = Self.initialSimplex(points) else {
            var seen = Set<SIMD3<Int>>()
            vertices = points.filter { seen.insert($0).inserted }
            return
        }
        var faces: [Face] = []
        func makeFace(_ a: Int, _ b: Int, _ c: Int) -> Face {
            let normal = Self.cross(points[b] &- points[a], points[c] &- points[a])
            return Face(corners: SIMD3(a, b, c), normal: normal, offset: (normal &* points[a]).wrappedSum())
        }
        // The simplex's four faces, each wound so the fourth point lies below it.
        let (p0, p1, p2, p3) = simplex
        for (a, b, c, opposite) in [(p0, p1, p2, p3), (p0, p3, p1, p2), (p1, p3, p2, p0), (p0, p2, p3, p1)] {
            var face = makeFace(a, b, c)
            if face.height(points[opposite]) > 0 { face = makeFace(a, c, b) }
            faces.append(face)
        }
        Self.linkNeighbours(&faces, among: [0, 1, 2, 3])
        for index in points.indices where ![p0, p1, p2, p3].contains(index) {
            if let face = faces.indices.first(where: { faces[$0].height(points[index]) > 0 }) {
                faces[face].outside.append(index)
            }
        }

        var pending = Array(faces.indices)
        while let current = pending.popLast() {
            guard faces[current].alive, !faces[current].outside.isEmpty else { continue }
            // The farthest outside point is a hull corner.
            let candidates = faces[current].outside
            var apex = candidates[0]
            var best = faces[current].height(points[apex])
            for index in candidates.dropFirst() {
                let height = faces[current].height(points[index])
                if height > best { (apex, best) = (index, height) }
            }
            let apexPoint = points[apex]
            // Faces the apex sees, by flood fill from the current one; the horizon is the border of that patch.
            var visible = [current]
            var isVisible: Set<Int> = [current]
            var horizon: [(from: Int, to: Int, beyond: Int)] = []
            var cursor = 0
            while cursor < visible.count {
                let face = faces[visible[cursor]]
                cursor += 1
                for side in 0..<3 {
                    let neighbour = face.neighbours[side]
                    if isVisible.contains(neighbour) { continue }
                    if faces[neighbour].height(apexPoint) > 0 {
                        isVisible.insert(neighbour)
                        visible.append(neighbour)
                    } else {
                        horizon.append((face.corners[side], face.corners[(side + 1) % 3], neighbour))
                    }
                }
            }
            // One new face per horizon edge, fanned to the apex.
            var newFaces: [Int] = []
            for edge in horizon {
                var face = makeFace(edge.from, edge.to, apex)
                face.neighbours[0] = edge.beyond
                faces.append(face)
                let created = faces.count - 1
                newFaces.append(created)
                for side in 0..<3
                where faces[edge.beyond].corners[side] == edge.to
                    && faces[edge.beyond].corners[(side + 1) % 3] == edge.from
                {
                    faces[edge.beyond].neighbours[side] = created
                }
            }
            Self.linkNeighbours(&faces, among: newFaces)
            // Points outside a removed face are either inside the new hull or above one of the new faces.
            for old in visible {
                faces[old].alive = false
                for index in faces[old].outside where index != apex {
                    if let face = newFaces.first(where: { faces[$0].height(points[index]) > 0 }) {
                        faces[face].outside.append(index)
                    }
                }
                faces[old].outside = []
            }
            pending += newFaces
        }

        var renumbered: [Int: Int] = [:]
        for face in faces where face.alive {
            var triangle = SIMD3<Int>.zero
            for corner in 0..<3 {
                let point = face.corners[corner]
                if let known = renumbered[point] {
                    triangle[corner] = known
                } else {
                    renumbered[point] = vertices.count
                    triangle[corner] = vertices.count
                    vertices.append(points[point])
                }
            }
            triangles.append(triangle)
        }
    }

    /// Volume and surface area after scaling the lattice axes by `scale` (e.g. half the voxel spacing, giving mm).
    func measure(scale: SIMD3<Double>) -> (volume: Double, area: Double) {
        guard !triangles.isEmpty else { return (0, 0) }
        var low = SIMD3<Int>(repeating: .max)
        var high = SIMD3<Int>(repeating: .min)
        for vertex in vertices {
            low = pointwiseMin(low, vertex)
            high = pointwiseMax(high, vertex)
        }
        let centre = SIMD3<Double>(low &+ high) / 2
        var volume = 0.0
        var area = 0.0
        for triangle in triangles {
            let a = (SIMD3<Double>(vertices[triangle.x]) - centre) * scale
            let b = (SIMD3<Double>(vertices[triangle.y]) - centre) * scale
            let c = (SIMD3<Double>(vertices[triangle.z]) - centre) * scale
            volume += (a * MarchingCubes.cross(b, c)).sum() / 6
            let normal = MarchingCubes.cross(b - a, c - a)
            area += (normal * normal).sum().squareRoot() / 2
        }
        return (abs(volume), area)
    }

    /// Four points spanning 3D, or nil when there are none.
    private static func initialSimplex(_ points: [SIMD3<Int>]) -> (Int, Int, Int, Int)? {
        guard let first = points.indices.min(by: { lexicographicallyLess(points[$0], points[$1]) }) else { return nil }
        func argmax(_ score: (SIMD3<Int>) -> Int) -> Int? {
            var best: Int?
            var bestScore = 0
            for index in points.indices {
                let value = score(points[index])
                if value > bestScore { (best, bestScore) = (index, value) }
            }
            return best
        }
        let origin = points[first]
        guard let second = argmax({ (($0 &- origin) &* ($0 &- origin)).wrappedSum() }) else { return nil }
        let axis = points[second] &- origin
        guard
            let third = argmax({
                let n = cross(axis, $0 &- origin); return (n &* n).wrappedSum()
            })
        else {
            return nil
        }
        let normal = cross(axis, points[third] &- origin)
        guard let fourth = argmax({ abs((normal &* ($0 &- origin)).wrappedSum()) }) else { return nil }
        return (first, second, third, fourth)
    }

    /// Connects the faces in `among` that share an edge (running in opposite directions).
    private static func linkNeighbours(_ faces: inout [Face], among indices: [Int]) {
        var byEdge: [SIMD2<Int>: (face: Int, side: Int)] = [:]
        for face in indices {
            for side in 0..<3 {
                let from = faces[face].corners[side]
                let to = faces[face].corners[(side + 1) % 3]
                if let twin = byEdge.removeValue(forKey: SIMD2(to, from)) {
                    faces[face].neighbours[side] = twin.face
                    faces[twin.face].neighbours[twin.side] = face
                } else {
                    byEdge[SIMD2(from, to)] = (face, side)
                }
            }
        }
    }

    private static func lexicographicallyLess(_ a: SIMD3<Int>, _ b: SIMD3<Int>) -> Bool {
        (a.x, a.y, a.z) < (b.x, b.y, b.z)
    }

    static func cross(_ a: SIMD3<Int>, _ b: SIMD3<Int>) -> SIMD3<Int> {
        SIMD3(a.y &* b.z &- a.z &* b.y, a.z &* b.x &- a.x &* b.z, a.x &* b.y &- a.y &* b.x)
    }
}
