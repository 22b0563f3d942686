/// A grey level run length matrix along one direction (or several, merged), indexed by grey-level
/// rank (see `RankedLevelVolume`) and run length.
///
/// `counts[a * width + length]` is the number of maximal runs of voxels of rank a, `length` voxels
/// long, along the direction. Row 0 and column 0 are unused (always 0). Runs stop at the region's
/// edge: a voxel outside the region never belongs to a run.
struct RunLengthMatrix: MergeableCountMatrix {
    /// Ranks 0...rankCount.
    let side: Int
    /// Run lengths 0...longest run (at least 2, so that length 1 has a column).
    private(set) var width: Int
    private(set) var counts: [Int]

    init(side: Int, width: Int, counts: [Int]) {
        self.side = side
        self.width = width
        self.counts = counts
    }

    /// Merging matrices of different widths widens to the wider one.
    mutating func merge(_ other: RunLengthMatrix) {
        if other.width > width { self = widened(to: other.width) }
        for rank in 1..<side {
            for length in 1..<other.width {
                counts[rank * width + length] += other.counts[rank * other.width + length]
            }
        }
    }

    /// The same runs in a wider matrix.
    private func widened(to newWidth: Int) -> RunLengthMatrix {
        var resized = [Int](repeating: 0, count: side * newWidth)
        for rank in 1..<side {
            for length in 1..<width {
                resized[rank * newWidth + length] = counts[rank * width + length]
            }
        }
        return RunLengthMatrix(side: side, width: newWidth, counts: resized)
    }

    /// Builds, in one pass over `volume`, the 13 directional matrices of `NeighbourDirections.volumetric`.
    ///
    /// The 4 in-plane matrices are handed to `slice` one slice at a time (their 3D versions are those
    /// slices merged, see `DirectionalAggregator`); the 9 out-of-plane ones are returned.
    ///
    /// The pass visits voxels in storage order, and every direction's step back (the voxel minus
    /// one step) comes earlier in that order, so a voxel's run length so far is the length at its
    /// step-back neighbour plus one when both have the same level, else 1. Those lengths are kept for
    /// two slices only (the current and the previous, which the out-of-plane directions reach back
    /// to), in a ring indexed by slice parity, as `UInt16` (so the box must be under 65535 voxels
    /// across). A run is counted at the voxel where it ends, the one whose step-forward neighbour
    /// differs. Both tests are turned into arithmetic (add 0 or 1) rather than branches, which noisy
    /// images would make unpredictable.
    ///
    /// During the pass the 13 tables are interleaved, direction fastest, in `Int32`: a voxel's 13
    /// updates then fall in a few adjacent cache lines (runs are mostly short) instead of 13 tables
    /// spread over megabytes.
    static func count(in volume: RankedLevelVolume, slice: ([RunLengthMatrix]) -> Void) -> [RunLengthMatrix] {
        let side = volume.rankCount + 1
        let width = volume.longestLine + 1
        let directions = NeighbourDirections.volumetric
        let directionCount = directions.count
        let planarCount = NeighbourDirections.planar.count
        let sliceSize = volume.sliceSize
        let (sizeX, sizeY, sizeZ) = (volume.sizeX, volume.sizeY, volume.sizeZ)

        let offsets = UnsafeMutableBufferPointer<Int>.allocate(capacity: directionCount)
        let ringSteps = UnsafeMutableBufferPointer<Int>.allocate(capacity: directionCount)
        let tables = UnsafeMutableBufferPointer<Int32>.allocate(capacity: side * width * directionCount)
        let lengths = UnsafeMutableBufferPointer<UInt16>.allocate(capacity: 2 * sliceSize * directionCount)
        defer {
            offsets.deallocate()
            ringSteps.deallocate()
            tables.deallocate()
            lengths.deallocate()
        }
        for (index, direction) in directions.enumerated() { offsets[index] = volume.offset(of: direction) }
        tables.initialize(repeating: 0)
        lengths.initialize(repeating: 0)

        // Moves the tables of `directions` out of the interleaved table (clearing them there), each
        // trimmed to its longest run, so that per-slice matrices stay small.
        func take(_ directions: Range<Int>) -> [RunLengthMatrix] {
            var longest = [Int](repeating: 0, count: directions.count)
            for rank in 1..<side {
                for length in 1..<width {
                    let start = (rank * width + length) * directionCount
                    for direction in directions where tables[start + direction] != 0 {
                        let index = direction - directions.lowerBound
                        longest[index] = Swift.max(longest[index], length)
                    }
                }
            }
            return directions.map { direction in
                let trimmedWidth = Swift.max(longest[direction - directions.lowerBound] + 1, 2)
                var counts = [Int](repeating: 0, count: side * trimmedWidth)
                for rank in 1..<side {
                    for length in 1..<trimmedWidth {
                        let cell = (rank * width + length) * directionCount + direction
                        counts[rank * trimmedWidth + length] = Int(tables[cell])
                        tables[cell] = 0
                    }
                }
                return RunLengthMatrix(side: side, width: trimmedWidth, counts: counts)
            }
        }

        volume.ranks.withUnsafeBufferPointer { ranks in
            for z in 1..<(sizeZ - 1) {
                let parity = z & 1
                // Ring position of the step-back neighbour = ring position of the voxel - ring step.
                for (index, direction) in directions.enumerated() {
                    let crossesSlices = direction.z != 0
                    ringSteps[index] =
                        (offsets[index] - (crossesSlices && parity == 0 ? 2 * sliceSize : 0)) * directionCount
                }
                for y in 1..<(sizeY - 1) {
                    var voxel = (z * sizeY + y) * sizeX + 1
                    var ring = (parity * sliceSize + y * sizeX + 1) * directionCount
                    for _ in 1..<(sizeX - 1) {
                        let rank = ranks[voxel]
                        if rank != 0 {
                            let row = Int(rank) * width
                            for direction in 0..<directionCount {
                                let stepBack = ranks[voxel &- offsets[direction]]
                                let continuing: UInt16 = stepBack == rank ? .max : 0
                                let here = ring &+ direction
                                let length = 1 &+ (lengths[here &- ringSteps[direction]] & continuing)
                                lengths[here] = length
                                let ends: Int32 = ranks[voxel &+ offsets[direction]] != rank ? 1 : 0
                                tables[(row &+ Int(length)) &* directionCount &+ direction] &+= ends
                            }
                        }
                        voxel &+= 1
                        ring &+= directionCount
                    }
                }
                slice(take(0..<planarCount))
            }
        }
        return take(planarCount..<directionCount)
    }
}
