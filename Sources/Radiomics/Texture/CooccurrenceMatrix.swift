/// A symmetric grey level co-occurrence matrix at distance 1 along one direction (or several,
/// merged), indexed by grey-level rank (see `RankedLevelVolume`).
///
/// Only one side of each pair is stored: `counts[a * side + b]` is how often a voxel of rank a has
/// its neighbour one step *forward* along the direction at rank b. The IBSI symmetric matrix, which
/// counts each pair both ways, is `counts + countsᵀ`; forming it only when features are computed
/// halves the work of the counting pass. Row and column 0 collect pairs with a voxel outside the
/// region, so the pass needs no branch for them; the features ignore them.
struct CooccurrenceMatrix: MergeableCountMatrix {
    /// Ranks 0...rankCount along each side.
    let side: Int
    var counts: [Int]

    mutating func merge(_ other: CooccurrenceMatrix) {
        for index in counts.indices { counts[index] += other.counts[index] }
    }

    /// Builds, in one pass over `volume`, the 13 directional matrices of `NeighbourDirections.volumetric`.
    ///
    /// The 4 in-plane matrices are handed to `slice` one slice at a time (their 3D versions are those
    /// slices merged, see `DirectionalAggregator`); the 9 out-of-plane ones are returned.
    ///
    /// During the pass the 13 tables are interleaved, direction fastest, in `Int32` (one pair per voxel
    /// and direction, so no overflow below 2³¹ voxels): neighbours mostly have similar levels, so a
    /// voxel's 13 updates fall in a few adjacent cache lines instead of 13 tables spread over megabytes.
    static func count(in volume: RankedLevelVolume, slice: ([CooccurrenceMatrix]) -> Void) -> [CooccurrenceMatrix] {
        let side = volume.rankCount + 1
        let directions = NeighbourDirections.volumetric
        let directionCount = directions.count
        let planarCount = NeighbourDirections.planar.count
        let (sizeX, sizeY, sizeZ) = (volume.sizeX, volume.sizeY, volume.sizeZ)

        let offsets = UnsafeMutableBufferPointer<Int>.allocate(capacity: directionCount)
        let tables = UnsafeMutableBufferPointer<Int32>.allocate(capacity: side * side * directionCount)
        defer {
            offsets.deallocate()
            tables.deallocate()
        }
        for (index, direction) in directions.enumerated() { offsets[index] = volume.offset(of: direction) }
        tables.initialize(repeating: 0)

        // Moves the tables of `directions` out of the interleaved table (clearing them there), reading
        // it once, in order.
        func take(_ directions: Range<Int>) -> [CooccurrenceMatrix] {
            var counts = [[Int]](repeating: [Int](repeating: 0, count: side * side), count: directions.count)
            for cell in 0..<(side * side) {
                let start = cell * directionCount
                for direction in directions {
                    counts[direction - directions.lowerBound][cell] = Int(tables[start + direction])
                    tables[start + direction] = 0
                }
            }
            return counts.map { CooccurrenceMatrix(side: side, counts: $0) }
        }

        volume.ranks.withUnsafeBufferPointer { ranks in
            for z in 1..<(sizeZ - 1) {
                for y in 1..<(sizeY - 1) {
                    var voxel = (z * sizeY + y) * sizeX + 1
                    for _ in 1..<(sizeX - 1) {
                        let rank = Int(ranks[voxel])
                        if rank != 0 {
                            let row = rank &* side
                            for direction in 0..<directionCount {
                                let neighbour = Int(ranks[voxel &+ offsets[direction]])
                                tables[(row &+ neighbour) &* directionCount &+ direction] &+= 1
                            }
                        }
                        voxel &+= 1
                    }
                }
                slice(take(0..<planarCount))
            }
        }
        return take(planarCount..<directionCount)
    }
}
