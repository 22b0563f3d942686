/// Exact order statistics (the k-th smallest intensity) of a region in linear time.
///
/// Sorting the 26 million voxels of a large CT region takes seconds, and percentiles need only a
/// handful of ranks. Each `Float` maps to a 32-bit key whose unsigned order is the numeric order;
/// one pass counts the keys' upper 16 bits, which locates the bucket holding each wanted rank,
/// and a second pass counts the lower 16 bits of the values in those few buckets only. The result
/// is exact for any finite intensities, continuous or discrete.
enum RegionOrderStatistics {
    private static let bucketCount = 1 << 16

    /// An order-preserving unsigned key: flip every bit of negatives, only the sign of positives.
    @inline(__always)
    static func sortKey(_ value: Float) -> UInt32 {
        let bits = value.bitPattern
        return bits & 0x8000_0000 != 0 ? ~bits : bits | 0x8000_0000
    }

    @inline(__always)
    static func value(ofKey key: UInt32) -> Float {
        Float(bitPattern: key & 0x8000_0000 != 0 ? key & 0x7FFF_FFFF : ~key)
    }

    /// The values at 0-based `ranks` (each below the number of voxels inside) among
    /// `values[i]` with `inside[i]`.
    static func values(
        atRanks ranks: [Int], values: UnsafeBufferPointer<Float>, inside: UnsafeBufferPointer<Bool>
    ) -> [Float] {
        guard !ranks.isEmpty else { return [] }
        let count = Swift.min(values.count, inside.count)
        var high = [Int](repeating: 0, count: bucketCount)
        high.withUnsafeMutableBufferPointer { high in
            for index in 0..<count where inside[index] {
                high[Int(sortKey(values[index]) >> 16)] += 1
            }
        }
        // Bucket and rank within the bucket for every wanted rank.
        var buckets = [Int](repeating: bucketCount - 1, count: ranks.count)
        var ranksInBucket = [Int](repeating: 0, count: ranks.count)
        let order = ranks.indices.sorted { ranks[$0] < ranks[$1] }
        var cumulative = 0
        var bucket = 0
        for index in order {
            while bucket < bucketCount - 1, cumulative + high[bucket] <= ranks[index] {
                cumulative += high[bucket]
                bucket += 1
            }
            buckets[index] = bucket
            ranksInBucket[index] = ranks[index] - cumulative
        }
        let wanted = Array(Set(buckets)).sorted()
        var slotOfBucket = [Int32](repeating: -1, count: bucketCount)
        for (slot, bucket) in wanted.enumerated() { slotOfBucket[bucket] = Int32(slot) }
        var low = [Int](repeating: 0, count: wanted.count * bucketCount)
        slotOfBucket.withUnsafeBufferPointer { slotOfBucket in
            low.withUnsafeMutableBufferPointer { low in
                for index in 0..<count where inside[index] {
                    let key = sortKey(values[index])
                    let slot = Int(slotOfBucket[Int(key >> 16)])
                    if slot >= 0 { low[slot * bucketCount + Int(key & 0xFFFF)] += 1 }
                }
            }
        }
        return ranks.indices.map { index in
            let slot = Int(slotOfBucket[buckets[index]])
            let base = slot * bucketCount
            var remaining = ranksInBucket[index]
            var lowBits = 0
            while lowBits < bucketCount - 1, low[base + lowBits] <= remaining {
                remaining -= low[base + lowBits]
                lowBits += 1
            }
            return value(ofKey: UInt32(buckets[index]) << 16 | UInt32(lowBits))
        }
    }
}
