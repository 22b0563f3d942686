/// Which end of a `DistanceHeap` is on top. A type parameter rather than a stored flag, so each
/// heap's comparison is compiled into its sift loops instead of being chosen on every step.
protocol HeapOrder {
    static func above(_ a: Float, _ b: Float) -> Bool
}

/// The nearest (smallest distance) on top: the candidates a search expands next.
enum NearestOnTop: HeapOrder {
    @inline(__always) static func above(_ a: Float, _ b: Float) -> Bool { a < b }
}

/// The farthest (largest distance) on top: the best results so far, whose worst is evicted first.
enum FarthestOnTop: HeapOrder {
    @inline(__always) static func above(_ a: Float, _ b: Float) -> Bool { a > b }
}

/// A binary heap of (distance, node) pairs, kept as two parallel manually allocated arrays.
///
/// A search pushes and pops it once per visited node, so it avoids what an `Array` of tuples
/// costs there: uniqueness and bounds checks on every access, and a comparison direction read at
/// run time. Non-copyable, so its storage has exactly one owner and is freed in `deinit`.
struct DistanceHeap<Order: HeapOrder>: ~Copyable {
    private var distances: UnsafeMutablePointer<Float>
    private var nodes: UnsafeMutablePointer<Int32>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        distances = .allocate(capacity: self.capacity)
        nodes = .allocate(capacity: self.capacity)
    }

    deinit {
        distances.deallocate()
        nodes.deallocate()
    }

    var isEmpty: Bool { count == 0 }

    /// The top pair's distance; the heap must not be empty.
    var topDistance: Float { distances[0] }

    /// The top pair's node; the heap must not be empty.
    var topNode: Int32 { nodes[0] }

    /// Sifts up through a hole (moving parents down) rather than swapping pairs; the pairs end up
    /// exactly where the swapping version would put them.
    mutating func push(_ distance: Float, _ node: Int32) {
        if count == capacity { grow() }
        var child = count
        count += 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Order.above(distance, distances[parent]) else { break }
            distances[child] = distances[parent]
            nodes[child] = nodes[parent]
            child = parent
        }
        distances[child] = distance
        nodes[child] = node
    }

    /// Removes the top pair; the heap must not be empty. The last pair fills the hole at the top
    /// and sifts down, preferring the left child on ties, as the swapping version did.
    mutating func removeTop() {
        count -= 1
        guard count > 0 else { return }
        let distance = distances[count]
        let node = nodes[count]
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var best = parent
            var bestDistance = distance
            if left < count && Order.above(distances[left], bestDistance) {
                best = left
                bestDistance = distances[left]
            }
            if right < count && Order.above(distances[right], bestDistance) { best = right }
            if best == parent { break }
            distances[parent] = distances[best]
            nodes[parent] = nodes[best]
            parent = best
        }
        distances[parent] = distance
        nodes[parent] = node
    }

    /// The pairs in storage (heap) order.
    func pairs() -> [(distance: Float, node: Int32)] {
        (0..<count).map { (distances[$0], nodes[$0]) }
    }

    private mutating func grow() {
        let larger = capacity * 2
        let newDistances = UnsafeMutablePointer<Float>.allocate(capacity: larger)
        let newNodes = UnsafeMutablePointer<Int32>.allocate(capacity: larger)
        newDistances.moveInitialize(from: distances, count: count)
        newNodes.moveInitialize(from: nodes, count: count)
        distances.deallocate()
        nodes.deallocate()
        distances = newDistances
        nodes = newNodes
        capacity = larger
    }
}

/// Marks visited nodes without clearing an array per search: a node is visited when its stamp
/// equals the current generation. The stamps live in a manually allocated buffer, so marking a
/// node is one load and one store, with no copy-on-write or bounds check on the way.
final class VisitedSet {
    private var stamps: UnsafeMutablePointer<UInt32>
    private var capacity: Int
    private var generation: UInt32 = 0

    init(capacity: Int) {
        self.capacity = capacity
        stamps = .allocate(capacity: capacity)
        stamps.initialize(repeating: 0, count: capacity)
    }

    deinit { stamps.deallocate() }

    /// Starts a new search over `capacity` nodes (ids below it), growing the stamps if needed.
    func reset(capacity needed: Int) {
        if capacity < needed {
            let larger = needed + needed / 2
            let grown = UnsafeMutablePointer<UInt32>.allocate(capacity: larger)
            grown.moveInitialize(from: stamps, count: capacity)
            (grown + capacity).initialize(repeating: 0, count: larger - capacity)
            stamps.deallocate()
            stamps = grown
            capacity = larger
        }
        generation &+= 1
        if generation == 0 {
            stamps.update(repeating: 0, count: capacity)
            generation = 1
        }
    }

    /// Marks `node`; returns whether it was already marked. Stores unconditionally, so a caller
    /// can use the answer without branching on it.
    @inline(__always)
    func visit(_ node: Int32) -> Bool {
        let stamp = stamps + Int(node)
        let marked = stamp.pointee == generation
        stamp.pointee = generation
        return marked
    }
}
