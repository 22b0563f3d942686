/// A binary heap of (distance, node) pairs; `maxHeap` decides which end is on top.
struct DistanceHeap {
    private(set) var items: [(distance: Float, node: Int32)] = []
    let maxHeap: Bool

    init(maxHeap: Bool, capacity: Int = 64) {
        self.maxHeap = maxHeap
        items.reserveCapacity(capacity)
    }

    var count: Int { items.count }
    var isEmpty: Bool { items.isEmpty }
    var top: (distance: Float, node: Int32)? { items.first }

    @inline(__always)
    private func above(_ a: Int, _ b: Int) -> Bool {
        maxHeap ? items[a].distance > items[b].distance : items[a].distance < items[b].distance
    }

    mutating func push(_ distance: Float, _ node: Int32) {
        items.append((distance, node))
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard above(child, parent) else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    @discardableResult
    mutating func pop() -> (distance: Float, node: Int32)? {
        guard !items.isEmpty else { return nil }
        let first = items[0]
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var best = parent
                if left < items.count && above(left, best) { best = left }
                if right < items.count && above(right, best) { best = right }
                if best == parent { break }
                items.swapAt(parent, best)
                parent = best
            }
        }
        return first
    }
}

/// Marks visited nodes without clearing an array per search: a node is visited when its stamp
/// equals the current generation.
final class VisitedSet {
    var stamps: [UInt32]
    var generation: UInt32 = 0

    init(capacity: Int) { stamps = [UInt32](repeating: 0, count: capacity) }

    func reset(capacity: Int) {
        if stamps.count < capacity { stamps += [UInt32](repeating: 0, count: capacity - stamps.count + capacity / 2) }
        generation &+= 1
        if generation == 0 {
            for index in stamps.indices { stamps[index] = 0 }
            generation = 1
        }
    }

    /// Marks `node`; returns whether it was already marked.
    @inline(__always)
    func visit(_ node: Int32) -> Bool {
        let index = Int(node)
        if stamps[index] == generation { return true }
        stamps[index] = generation
        return false
    }
}
