import Foundation

/// Hierarchical navigable small-world graph (Malkov and Yashunin) with the heuristic neighbour
/// selection, exact search, deletes and updates, and filtered search; in memory.
///
/// Thread safety: any number of searches run together; an insert or delete waits for them and
/// holds the index alone while it links its node (a read-write lock). Persistence lives in
/// `PersistentVectorIndex`, which logs every change before applying it here.
public final class HNSWIndex: @unchecked Sendable {
    public struct Parameters: Sendable, Equatable {
        public var m: Int
        public var efConstruction: Int
        public var seed: UInt64

        public init(m: Int = 16, efConstruction: Int = 200, seed: UInt64 = 42) {
            self.m = m
            self.efConstruction = efConstruction
            self.seed = seed
        }
    }

    public struct Result: Sendable, Equatable {
        public let id: UInt64
        /// Cosine similarity (or inner product), higher is closer.
        public let score: Float
    }

    public let dimension: Int
    public let metric: VectorMetric
    public let parameters: Parameters
    /// The encoder fingerprint every vector must carry; the index refuses others.
    public let fingerprint: String

    let lock = ReadWriteLock()
    var vectors: [Float] = []
    var externalIDs: [UInt64] = []
    var attributes: [[String: String]] = []
    var levels: [UInt8] = []
    var deleted: [Bool] = []
    /// Level 0 links: per node, a count then up to `maxLinks0` ids.
    var level0: [Int32] = []
    /// Links of levels 1 and up, per node: level-major blocks of a count then up to `m` ids.
    var upper: [[Int32]] = []
    var nodeOfID: [UInt64: Int32] = [:]
    var entryPoint: Int32 = -1
    var maxLevel = -1
    var random: UInt64
    private let visitedPool = NSLock()
    private var visitedSets: [VisitedSet] = []

    var maxLinks0: Int { parameters.m * 2 }
    var stride0: Int { maxLinks0 + 1 }
    var strideUpper: Int { parameters.m + 1 }
    var levelMultiplier: Double { 1 / log(Double(max(parameters.m, 2))) }

    public init(
        dimension: Int, metric: VectorMetric = .cosine, parameters: Parameters = Parameters(),
        fingerprint: String
    ) throws(VectorIndexError) {
        guard dimension > 0, dimension <= 65536 else {
            throw VectorIndexError(.badArgument, "dimension must be between 1 and 65536 (got \(dimension))")
        }
        guard parameters.m >= 2, parameters.m <= 256, parameters.efConstruction >= 1 else {
            throw VectorIndexError(.badArgument, "M must be 2 to 256 and efConstruction at least 1")
        }
        self.dimension = dimension
        self.metric = metric
        self.parameters = parameters
        self.fingerprint = fingerprint
        self.random = parameters.seed
    }

    /// Live (not deleted) vectors.
    public var count: Int { lock.reading { nodeOfID.count } }

    public func contains(_ id: UInt64) -> Bool { lock.reading { nodeOfID[id] != nil } }

    // MARK: Changes

    func check(_ vector: [Float], fingerprint: String) throws(VectorIndexError) {
        guard fingerprint == self.fingerprint else {
            throw VectorIndexError(
                .mismatch,
                "this index holds vectors of encoder '\(self.fingerprint)', not '\(fingerprint)': vectors of different "
                    + "encoders cannot be compared; build a new index and re-encode every case with one encoder")
        }
        guard vector.count == dimension else {
            throw VectorIndexError(
                .mismatch,
                "this index holds \(dimension)-dimensional vectors, not \(vector.count): re-index with one encoder")
        }
        guard vector.allSatisfy(\.isFinite) else {
            throw VectorIndexError(.badArgument, "the vector has NaN or infinite values")
        }
    }

    /// Inserts (or replaces) the vector of `id`.
    public func insert(id: UInt64, vector: [Float], attributes: [String: String] = [:], fingerprint: String)
        throws(VectorIndexError)
    {
        try check(vector, fingerprint: fingerprint)
        let stored = metric == .cosine ? VectorMath.normalized(vector) : vector
        lock.writing { insertLocked(id: id, vector: stored, attributes: attributes) }
    }

    /// Removes `id`; returns whether it was present. Its node stays in the graph for navigation.
    @discardableResult
    public func remove(id: UInt64) -> Bool {
        lock.writing {
            guard let node = nodeOfID.removeValue(forKey: id) else { return false }
            deleted[Int(node)] = true
            return true
        }
    }

    func nextLevel() -> Int {
        random &+= 0x9E37_79B9_7F4A_7C15
        var z = random
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        let uniform = (Double(z >> 11) + 0.5) / Double(1 << 53)
        return min(Int(-log(uniform) * levelMultiplier), 16)
    }

    func insertLocked(id: UInt64, vector: [Float], attributes: [String: String], level forcedLevel: Int? = nil) {
        if let old = nodeOfID[id] { deleted[Int(old)] = true }
        let node = Int32(externalIDs.count)
        let level = forcedLevel ?? nextLevel()
        vectors += vector
        externalIDs.append(id)
        self.attributes.append(attributes)
        levels.append(UInt8(level))
        deleted.append(false)
        level0 += [Int32](repeating: 0, count: stride0)
        upper.append(level > 0 ? [Int32](repeating: 0, count: level * strideUpper) : [])
        nodeOfID[id] = node
        guard entryPoint >= 0 else {
            entryPoint = node
            maxLevel = level
            return
        }
        let visited = takeVisited()
        defer { returnVisited(visited) }
        vectors.withUnsafeBufferPointer { all in
            let query = all.baseAddress! + Int(node) * dimension
            var current = entryPoint
            var currentDistance = distance(query, current, all)
            if maxLevel > level {
                for layer in stride(from: maxLevel, to: level, by: -1) {
                    greedy(query, &current, &currentDistance, layer: layer, all)
                }
            }
            for layer in stride(from: min(level, maxLevel), through: 0, by: -1) {
                let candidates = searchLayer(
                    query, entry: current, entryDistance: currentDistance, ef: parameters.efConstruction, layer: layer,
                    visited: visited, all)
                let chosen = selectNeighbours(candidates, count: parameters.m, all)
                setLinks(node, layer: layer, chosen.map(\.node))
                for neighbour in chosen {
                    link(neighbour.node, to: node, distance: neighbour.distance, layer: layer, all)
                }
                if let best = candidates.min(by: { $0.distance < $1.distance }) {
                    current = best.node
                    currentDistance = best.distance
                }
            }
        }
        if level > maxLevel {
            maxLevel = level
            entryPoint = node
        }
    }

    // MARK: Links

    func links(_ node: Int32, layer: Int) -> ArraySlice<Int32> {
        if layer == 0 {
            let base = Int(node) * stride0
            return level0[(base + 1)..<(base + 1 + Int(level0[base]))]
        }
        let block = upper[Int(node)]
        let base = (layer - 1) * strideUpper
        return block[(base + 1)..<(base + 1 + Int(block[base]))]
    }

    func setLinks(_ node: Int32, layer: Int, _ ids: [Int32]) {
        if layer == 0 {
            let base = Int(node) * stride0
            level0[base] = Int32(ids.count)
            for (offset, id) in ids.enumerated() { level0[base + 1 + offset] = id }
        } else {
            let base = (layer - 1) * strideUpper
            upper[Int(node)][base] = Int32(ids.count)
            for (offset, id) in ids.enumerated() { upper[Int(node)][base + 1 + offset] = id }
        }
    }

    /// Adds `node` to `neighbour`'s links, pruning them with the heuristic when full.
    private func link(
        _ neighbour: Int32, to node: Int32, distance: Float, layer: Int, _ all: UnsafeBufferPointer<Float>
    ) {
        var current = Array(links(neighbour, layer: layer))
        let limit = layer == 0 ? maxLinks0 : parameters.m
        if current.count < limit {
            current.append(node)
            setLinks(neighbour, layer: layer, current)
            return
        }
        let base = all.baseAddress! + Int(neighbour) * dimension
        var candidates = current.map { (distance: self.distance(base, $0, all), node: $0) }
        candidates.append((distance, node))
        setLinks(neighbour, layer: layer, selectNeighbours(candidates, count: limit, all).map(\.node))
    }

    /// The heuristic of the paper (algorithm 4): keep a candidate only when it is closer to the
    /// base than to every neighbour already kept, which spreads links in all directions.
    func selectNeighbours(_ candidates: [(distance: Float, node: Int32)], count: Int, _ all: UnsafeBufferPointer<Float>)
        -> [(distance: Float, node: Int32)]
    {
        let sorted = candidates.sorted { $0.distance < $1.distance }
        if sorted.count <= count { return sorted }
        var kept: [(distance: Float, node: Int32)] = []
        for candidate in sorted {
            if kept.count >= count { break }
            let vector = all.baseAddress! + Int(candidate.node) * dimension
            if kept.allSatisfy({ distance(vector, $0.node, all) > candidate.distance }) { kept.append(candidate) }
        }
        return kept
    }

    // MARK: Search

    @inline(__always)
    func distance(_ query: UnsafePointer<Float>, _ node: Int32, _ all: UnsafeBufferPointer<Float>) -> Float {
        let dot = VectorMath.dot(query, all.baseAddress! + Int(node) * dimension, dimension)
        return metric == .cosine ? 1 - dot : -dot
    }

    func greedy(
        _ query: UnsafePointer<Float>, _ current: inout Int32, _ currentDistance: inout Float, layer: Int,
        _ all: UnsafeBufferPointer<Float>
    ) {
        var changed = true
        while changed {
            changed = false
            for neighbour in links(current, layer: layer) {
                let d = distance(query, neighbour, all)
                if d < currentDistance {
                    currentDistance = d
                    current = neighbour
                    changed = true
                }
            }
        }
    }

    /// The `ef` nearest nodes found from `entry` on one layer. With `accept`, only accepted nodes
    /// are collected as results, while every node is still used to move through the graph.
    func searchLayer(
        _ query: UnsafePointer<Float>, entry: Int32, entryDistance: Float, ef: Int, layer: Int, visited: VisitedSet,
        _ all: UnsafeBufferPointer<Float>, accept: ((Int32) -> Bool)? = nil
    ) -> [(distance: Float, node: Int32)] {
        visited.reset(capacity: externalIDs.count)
        var candidates = DistanceHeap(maxHeap: false, capacity: ef * 2)
        var results = DistanceHeap(maxHeap: true, capacity: ef + 1)
        _ = visited.visit(entry)
        candidates.push(entryDistance, entry)
        if accept?(entry) ?? true { results.push(entryDistance, entry) }
        func consider(_ neighbour: Int32) {
            guard !visited.visit(neighbour) else { return }
            let d = distance(query, neighbour, all)
            let worst = results.top?.distance ?? .infinity
            guard results.count < ef || d < worst else { return }
            candidates.push(d, neighbour)
            if accept?(neighbour) ?? true {
                results.push(d, neighbour)
                if results.count > ef { results.pop() }
            }
        }
        // Level 0 holds almost all the work: read its links through one pointer, not array slices.
        level0.withUnsafeBufferPointer { flat in
            while let nearest = candidates.pop() {
                if results.count >= ef, let worst = results.top, nearest.distance > worst.distance { break }
                if layer == 0 {
                    let base = Int(nearest.node) * stride0
                    for neighbour in flat[(base + 1)..<(base + 1 + Int(flat[base]))] { consider(neighbour) }
                } else {
                    for neighbour in links(nearest.node, layer: layer) { consider(neighbour) }
                }
            }
        }
        return results.items
    }

    /// The `k` nearest live vectors, exploring `ef` candidates (at least `k`). A filter is applied
    /// during the graph search; when it accepts few vectors (at most 2% of them, or fewer than
    /// `ef`), the accepted vectors are searched exactly instead, so recall holds at low selectivity.
    public func search(_ query: [Float], k: Int, ef: Int = 64, filter: ((UInt64, [String: String]) -> Bool)? = nil)
        throws(VectorIndexError) -> [Result]
    {
        guard query.count == dimension else {
            throw VectorIndexError(.mismatch, "the query has \(query.count) dimensions, the index \(dimension)")
        }
        guard k > 0 else { return [] }
        let q = metric == .cosine ? VectorMath.normalized(query) : query
        return lock.reading { () -> [Result] in
            guard entryPoint >= 0, !nodeOfID.isEmpty else { return [] }
            var accepted: Set<Int32>?
            if let filter {
                let passing = nodeOfID.values.filter { filter(externalIDs[Int($0)], attributes[Int($0)]) }
                if passing.count * 50 <= nodeOfID.count || passing.count <= max(ef, k) {
                    return exactLocked(q, k: k, nodes: passing)
                }
                accepted = Set(passing)
            }
            let visited = takeVisited()
            defer { returnVisited(visited) }
            return q.withUnsafeBufferPointer { qp in
                vectors.withUnsafeBufferPointer { all in
                    var current = entryPoint
                    var currentDistance = distance(qp.baseAddress!, current, all)
                    for layer in stride(from: maxLevel, to: 0, by: -1) {
                        greedy(qp.baseAddress!, &current, &currentDistance, layer: layer, all)
                    }
                    let found = searchLayer(
                        qp.baseAddress!, entry: current, entryDistance: currentDistance, ef: max(ef, k), layer: 0,
                        visited: visited, all,
                        accept: { node in !self.deleted[Int(node)] && (accepted?.contains(node) ?? true) })
                    return found.sorted { $0.distance < $1.distance }.prefix(k).map {
                        Result(id: externalIDs[Int($0.node)], score: score($0.distance))
                    }
                }
            }
        }
    }

    /// Exact (flat) search over every live vector, optionally filtered: the ground truth for recall.
    public func exactSearch(_ query: [Float], k: Int, filter: ((UInt64, [String: String]) -> Bool)? = nil) -> [Result] {
        let q = metric == .cosine ? VectorMath.normalized(query) : query
        return lock.reading {
            let nodes = nodeOfID.values.filter { filter?(externalIDs[Int($0)], attributes[Int($0)]) ?? true }
            return exactLocked(q, k: k, nodes: Array(nodes))
        }
    }

    func exactLocked(_ query: [Float], k: Int, nodes: [Int32]) -> [Result] {
        query.withUnsafeBufferPointer { qp in
            vectors.withUnsafeBufferPointer { all in
                var best = DistanceHeap(maxHeap: true, capacity: k + 1)
                for node in nodes {
                    let d = distance(qp.baseAddress!, node, all)
                    if best.count < k {
                        best.push(d, node)
                    } else if let worst = best.top, d < worst.distance {
                        best.pop()
                        best.push(d, node)
                    }
                }
                return best.items.sorted { $0.distance < $1.distance }.map {
                    Result(id: externalIDs[Int($0.node)], score: score($0.distance))
                }
            }
        }
    }

    func score(_ distance: Float) -> Float { metric == .cosine ? 1 - distance : -distance }

    private func takeVisited() -> VisitedSet {
        visitedPool.lock()
        defer { visitedPool.unlock() }
        return visitedSets.popLast() ?? VisitedSet(capacity: externalIDs.count + 1024)
    }

    private func returnVisited(_ set: VisitedSet) {
        visitedPool.lock()
        visitedSets.append(set)
        visitedPool.unlock()
    }

    /// The stored (normalised, for cosine) vector of `id`.
    public func vector(of id: UInt64) -> [Float]? {
        lock.reading {
            guard let node = nodeOfID[id] else { return nil }
            return Array(vectors[(Int(node) * dimension)..<((Int(node) + 1) * dimension)])
        }
    }

    public func attributes(of id: UInt64) -> [String: String]? {
        lock.reading { nodeOfID[id].map { attributes[Int($0)] } }
    }

    /// Graph invariants: every link points at an existing node on a level it has, counts fit,
    /// the entry point exists and has the top level, and every live id maps to a live node.
    public func verify() throws(VectorIndexError) {
        try lock.reading { () throws(VectorIndexError) in
            let nodes = externalIDs.count
            guard vectors.count == nodes * dimension, levels.count == nodes, deleted.count == nodes,
                level0.count == nodes * stride0, upper.count == nodes, attributes.count == nodes
            else { throw VectorIndexError(.corrupt, "the index's arrays disagree in length") }
            if nodes > 0 {
                guard entryPoint >= 0, Int(entryPoint) < nodes, Int(levels[Int(entryPoint)]) == maxLevel else {
                    throw VectorIndexError(.corrupt, "the entry point is invalid")
                }
            }
            for node in 0..<nodes {
                let level = Int(levels[node])
                guard upper[node].count == level * strideUpper else {
                    throw VectorIndexError(.corrupt, "node \(node) has links for the wrong number of levels")
                }
                for layer in 0...level {
                    let list = links(Int32(node), layer: layer)
                    guard list.count <= (layer == 0 ? maxLinks0 : parameters.m) else {
                        throw VectorIndexError(.corrupt, "node \(node) has too many links on level \(layer)")
                    }
                    for neighbour in list
                    where neighbour < 0 || Int(neighbour) >= nodes || Int(levels[Int(neighbour)]) < layer {
                        throw VectorIndexError(.corrupt, "node \(node) links to an invalid node on level \(layer)")
                    }
                }
            }
            for (id, node) in nodeOfID where Int(node) >= nodes || deleted[Int(node)] || externalIDs[Int(node)] != id {
                throw VectorIndexError(.corrupt, "id \(id) maps to an invalid node")
            }
        }
    }
}
