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
    /// Every node's vector, `dimension` values each, in node order.
    var vectors = HugePageBuffer<Float>()
    var externalIDs: [UInt64] = []
    var attributes: [[String: String]] = []
    var levels: [UInt8] = []
    var deleted: [Bool] = []
    /// Level 0 links: per node, a count then up to `maxLinks0` ids.
    var level0 = HugePageBuffer<Int32>()
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
        vectors.append(contentsOf: vector)
        externalIDs.append(id)
        self.attributes.append(attributes)
        levels.append(UInt8(level))
        deleted.append(false)
        level0.append(repeating: 0, count: stride0)
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
                    visited: visited, all, accepting: AcceptAll())
                let chosen = selectNeighbours(candidates, count: parameters.m, all)
                setLinks(node, layer: layer, chosen)
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

    /// The ids on `node`'s record for `layer`, or nil when the record's count does not fit the
    /// record (a damaged snapshot): the count is checked before any id is read.
    func links(_ node: Int32, layer: Int) -> [Int32]? {
        let capacity = layer == 0 ? maxLinks0 : parameters.m
        return readingLinks(of: node, layer: layer) { record in
            let count = Int(record[0])
            guard count >= 0, count <= capacity else { return nil }
            return Array(UnsafeBufferPointer(start: record + 1, count: count))
        }
    }

    /// The record of `node`'s links on `layer` (a count, then the ids), read in place. Level 0
    /// records sit in `level0`, higher ones in the node's block of `upper`.
    @inline(__always)
    func readingLinks<R>(of node: Int32, layer: Int, _ body: (UnsafePointer<Int32>) -> R) -> R {
        if layer == 0 { return level0.withUnsafeBufferPointer { body($0.baseAddress! + Int(node) * stride0) } }
        return upper[Int(node)].withUnsafeBufferPointer { body($0.baseAddress! + (layer - 1) * strideUpper) }
    }

    /// The record of `node`'s links on `layer`, written in place. Only under the write lock: a
    /// write would race with searches (and, for an `upper` block, could copy the array).
    @inline(__always)
    func writingLinks<R>(of node: Int32, layer: Int, _ body: (UnsafeMutablePointer<Int32>) -> R) -> R {
        if layer == 0 {
            return level0.withUnsafeMutableBufferPointer { body($0.baseAddress! + Int(node) * stride0) }
        }
        return upper[Int(node)].withUnsafeMutableBufferPointer { body($0.baseAddress! + (layer - 1) * strideUpper) }
    }

    func setLinks(_ node: Int32, layer: Int, _ chosen: [(distance: Float, node: Int32)]) {
        writingLinks(of: node, layer: layer) { record in
            record[0] = Int32(chosen.count)
            for (offset, neighbour) in chosen.enumerated() { record[1 + offset] = neighbour.node }
        }
    }

    /// Adds `node` to `neighbour`'s links, pruning them with the heuristic when full. Works on the
    /// link record in place: no copy of the list unless it has to be pruned.
    private func link(
        _ neighbour: Int32, to node: Int32, distance: Float, layer: Int, _ all: UnsafeBufferPointer<Float>
    ) {
        let limit = layer == 0 ? maxLinks0 : parameters.m
        var candidates: [(distance: Float, node: Int32)] = []
        let appended = writingLinks(of: neighbour, layer: layer) { record -> Bool in
            let count = Int(record[0])
            if count < limit {
                record[1 + count] = node
                record[0] = Int32(count + 1)
                return true
            }
            let base = all.baseAddress! + Int(neighbour) * dimension
            let found = UnsafeMutablePointer<Float>.allocate(capacity: count)
            defer { found.deallocate() }
            distances(base, to: record + 1, count: count, into: found, all)
            candidates.reserveCapacity(count + 1)
            for offset in 0..<count { candidates.append((found[offset], record[1 + offset])) }
            return false
        }
        if appended { return }
        candidates.append((distance, node))
        setLinks(neighbour, layer: layer, selectNeighbours(candidates, count: limit, all))
    }

    /// The heuristic of the paper (algorithm 4): keep a candidate only when it is closer to the
    /// base than to every neighbour already kept, which spreads links in all directions.
    func selectNeighbours(_ candidates: [(distance: Float, node: Int32)], count: Int, _ all: UnsafeBufferPointer<Float>)
        -> [(distance: Float, node: Int32)]
    {
        let sorted = candidates.sorted { $0.distance < $1.distance }
        if sorted.count <= count { return sorted }
        var kept: [(distance: Float, node: Int32)] = []
        kept.reserveCapacity(count)
        let keptNodes = UnsafeMutablePointer<Int32>.allocate(capacity: count)
        let found = UnsafeMutablePointer<Float>.allocate(capacity: 4)
        defer {
            keptNodes.deallocate()
            found.deallocate()
        }
        for candidate in sorted {
            if kept.count >= count { break }
            let vector = all.baseAddress! + Int(candidate.node) * dimension
            // Against the kept neighbours four at a time, stopping at the first group with one nearer.
            var diverse = true
            var start = 0
            while diverse && start < kept.count {
                let group = min(4, kept.count - start)
                distances(vector, to: keptNodes + start, count: group, into: found, all)
                for lane in 0..<group where !(found[lane] > candidate.distance) { diverse = false }
                start += group
            }
            if diverse {
                keptNodes[kept.count] = candidate.node
                kept.append(candidate)
            }
        }
        return kept
    }

    // MARK: Search

    @inline(__always)
    func distance(_ query: UnsafePointer<Float>, _ node: Int32, _ all: UnsafeBufferPointer<Float>) -> Float {
        let dot = VectorMath.dot(query, all.baseAddress! + Int(node) * dimension, dimension)
        return metric == .cosine ? 1 - dot : -dot
    }

    /// Distances from `query` to `count` nodes, four at a time through `VectorMath.dot4`, so the
    /// nodes' vectors are fetched from memory together. Equal to `distance` for each node.
    @inline(__always)
    func distances(
        _ query: UnsafePointer<Float>, to nodes: UnsafePointer<Int32>, count: Int,
        into out: UnsafeMutablePointer<Float>, _ all: UnsafeBufferPointer<Float>
    ) {
        let base = all.baseAddress!
        let cosine = metric == .cosine
        var index = 0
        while index < count {
            let left = count - index
            guard left > 1 else {
                out[index] = distance(query, nodes[index], all)
                return
            }
            // Two or three left: repeat the last node rather than fall back to single products.
            let dots = VectorMath.dot4(
                query, base + Int(nodes[index]) * dimension, base + Int(nodes[index + 1]) * dimension,
                base + Int(nodes[index + min(2, left - 1)]) * dimension,
                base + Int(nodes[index + min(3, left - 1)]) * dimension, dimension)
            let values = cosine ? 1 - dots : -dots
            for lane in 0..<min(4, left) { out[index + lane] = values[lane] }
            index += 4
        }
    }

    func greedy(
        _ query: UnsafePointer<Float>, _ current: inout Int32, _ currentDistance: inout Float, layer: Int,
        _ all: UnsafeBufferPointer<Float>
    ) {
        let limit = max(maxLinks0, parameters.m)
        let neighbours = UnsafeMutablePointer<Int32>.allocate(capacity: limit)
        let found = UnsafeMutablePointer<Float>.allocate(capacity: limit)
        defer {
            neighbours.deallocate()
            found.deallocate()
        }
        var changed = true
        while changed {
            changed = false
            let count = readingLinks(of: current, layer: layer) { record -> Int in
                neighbours.update(from: record + 1, count: Int(record[0]))
                return Int(record[0])
            }
            distances(query, to: neighbours, count: count, into: found, all)
            for index in 0..<count where found[index] < currentDistance {
                currentDistance = found[index]
                current = neighbours[index]
                changed = true
            }
        }
    }

    /// The `ef` nearest nodes found from `entry` on one layer, in no particular order. Only nodes
    /// `filter` accepts are collected as results, while every node is still used to move through
    /// the graph. Generic over the filter, so the common case (`AcceptAll`: building, or searching
    /// an index with no deletes and no filter) carries no per-node check at all.
    func searchLayer<Filter: ResultFilter>(
        _ query: UnsafePointer<Float>, entry: Int32, entryDistance: Float, ef: Int, layer: Int, visited: VisitedSet,
        _ all: UnsafeBufferPointer<Float>, accepting filter: Filter
    ) -> [(distance: Float, node: Int32)] {
        visited.reset(capacity: externalIDs.count)
        // Level 0 holds almost all the work: read its links through one pointer, not array slices.
        return level0.withUnsafeBufferPointer { flat in
            var candidates = DistanceHeap<NearestOnTop>(capacity: ef * 2)
            var results = DistanceHeap<FarthestOnTop>(capacity: ef + 1)
            let limit = max(maxLinks0, parameters.m)
            let fresh = UnsafeMutablePointer<Int32>.allocate(capacity: limit)
            let freshDistances = UnsafeMutablePointer<Float>.allocate(capacity: limit)
            defer {
                fresh.deallocate()
                freshDistances.deallocate()
            }
            _ = visited.visit(entry)
            candidates.push(entryDistance, entry)
            if filter.accepts(entry) { results.push(entryDistance, entry) }
            while !candidates.isEmpty {
                let nearest = candidates.topNode
                if results.count >= ef, candidates.topDistance > results.topDistance { break }
                // The links and their vectors are read before the heap's hard-to-predict sift steps,
                // so those loads are already on their way when a branch is mispredicted.
                let freshCount = gatherUnvisited(nearest, layer: layer, flat.baseAddress!, visited, into: fresh)
                distances(query, to: fresh, count: freshCount, into: freshDistances, all)
                candidates.removeTop()
                for index in 0..<freshCount {
                    let neighbour = fresh[index]
                    let d = freshDistances[index]
                    if results.count >= ef, !(d < results.topDistance) { continue }
                    candidates.push(d, neighbour)
                    if filter.accepts(neighbour) {
                        results.push(d, neighbour)
                        if results.count > ef { results.removeTop() }
                    }
                }
            }
            return results.pairs()
        }
    }

    /// Marks the not yet visited links of `node` on `layer` as visited and copies them to `fresh`;
    /// returns how many. Gathering them first keeps the distance loop free of link bookkeeping.
    @inline(__always)
    private func gatherUnvisited(
        _ node: Int32, layer: Int, _ level0: UnsafePointer<Int32>, _ visited: VisitedSet,
        into fresh: UnsafeMutablePointer<Int32>
    ) -> Int {
        @inline(__always)
        func gather(_ record: UnsafePointer<Int32>) -> Int {
            var count = 0
            for offset in 0..<Int(record[0]) {
                let neighbour = record[1 + offset]
                // Without a branch on the (unpredictable) visited test: always write, count if new.
                fresh[count] = neighbour
                count += visited.visit(neighbour) ? 0 : 1
            }
            return count
        }
        if layer == 0 { return gather(level0 + Int(node) * stride0) }
        return readingLinks(of: node, layer: layer, gather)
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
        let ef = max(ef, k)
        return lock.reading { () -> [Result] in
            guard entryPoint >= 0, !nodeOfID.isEmpty else { return [] }
            if let filter {
                let passing = nodeOfID.values.filter { filter(externalIDs[Int($0)], attributes[Int($0)]) }
                if passing.count * 50 <= nodeOfID.count || passing.count <= ef {
                    return exactLocked(q, k: k, nodes: passing)
                }
                // `passing` holds live nodes only, so these flags also leave deleted nodes out.
                var accepted = [Bool](repeating: false, count: externalIDs.count)
                for node in passing { accepted[Int(node)] = true }
                return accepted.withUnsafeBufferPointer {
                    graphSearchLocked(q, k: k, ef: ef, accepting: AcceptFlagged(flags: $0.baseAddress!))
                }
            }
            // Every node is live when every node has an id (a delete or an update drops one).
            if nodeOfID.count == externalIDs.count { return graphSearchLocked(q, k: k, ef: ef, accepting: AcceptAll()) }
            return deleted.withUnsafeBufferPointer {
                graphSearchLocked(q, k: k, ef: ef, accepting: SkipDeleted(deleted: $0.baseAddress!))
            }
        }
    }

    /// Greedy descent through the upper levels, then the level 0 search; under the read lock.
    private func graphSearchLocked<Filter: ResultFilter>(_ q: [Float], k: Int, ef: Int, accepting filter: Filter)
        -> [Result]
    {
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
                    qp.baseAddress!, entry: current, entryDistance: currentDistance, ef: ef, layer: 0,
                    visited: visited, all, accepting: filter)
                return found.sorted { $0.distance < $1.distance }.prefix(k).map {
                    Result(id: externalIDs[Int($0.node)], score: score($0.distance))
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
                var best = DistanceHeap<FarthestOnTop>(capacity: k + 1)
                let found = UnsafeMutablePointer<Float>.allocate(capacity: 4)
                defer { found.deallocate() }
                nodes.withUnsafeBufferPointer { nodes in
                    for start in stride(from: 0, to: nodes.count, by: 4) {
                        let group = min(4, nodes.count - start)
                        distances(qp.baseAddress!, to: nodes.baseAddress! + start, count: group, into: found, all)
                        for lane in 0..<group {
                            let d = found[lane]
                            let node = nodes[start + lane]
                            if best.count < k {
                                best.push(d, node)
                            } else if d < best.topDistance {
                                best.removeTop()
                                best.push(d, node)
                            }
                        }
                    }
                }
                return best.pairs().sorted { $0.distance < $1.distance }.map {
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
            return vectors.array((Int(node) * dimension)..<((Int(node) + 1) * dimension))
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
                    guard let list = links(Int32(node), layer: layer) else {
                        throw VectorIndexError(.corrupt, "node \(node) has an invalid link count on level \(layer)")
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

/// Which nodes a search may return; `searchLayer` is specialised for each.
protocol ResultFilter {
    func accepts(_ node: Int32) -> Bool
}

/// Every node: while building, and when nothing is deleted and there is no filter.
struct AcceptAll: ResultFilter {
    @inline(__always) func accepts(_: Int32) -> Bool { true }
}

/// Every node not deleted.
struct SkipDeleted: ResultFilter {
    let deleted: UnsafePointer<Bool>
    @inline(__always) func accepts(_ node: Int32) -> Bool { !deleted[Int(node)] }
}

/// The nodes whose flag is set (those a filter passed, all live).
struct AcceptFlagged: ResultFilter {
    let flags: UnsafePointer<Bool>
    @inline(__always) func accepts(_ node: Int32) -> Bool { flags[Int(node)] }
}
