/// Iterative scanline flood fill over a voxel array padded by one voxel on every side.
///
/// A voxel-by-voxel flood fill reads 6 or 26 scattered neighbours for every voxel; on a
/// 26-million-voxel CT that is cache misses by the billion. Filling whole runs along x instead
/// reads memory in order: a popped seed is widened to its full run of `from` voxels, the run is
/// set to `to`, and the neighbouring rows are scanned over the run's extent (one voxel wider for
/// edge and corner neighbours), pushing one seed per run found there. The stack is an explicit
/// array, so no recursion, whatever the size of the region.
///
/// The caller guarantees that the padding never holds `from`, which stops every run and every
/// row scan inside the array without bounds checks.
enum SpanFloodFill {
    /// Replaces `from` by `to` in every voxel connected to a seed on `stack` (seeds that no longer
    /// hold `from` are skipped) and returns how many voxels it replaced. `rowSteps` are the index
    /// offsets of the neighbouring rows (±row length for y, ±slice length for z, and their sums
    /// for diagonal connectivity); `diagonal` widens the scan of those rows by one voxel at each
    /// end. Leaves `stack` empty.
    ///
    /// Concrete in `Int32` rather than generic: callers live in other files, and without
    /// whole-module optimisation a generic comparison per voxel would go through a witness table.
    static func fill(
        _ values: UnsafeMutableBufferPointer<Int32>, from: Int32, to: Int32, rowSteps: [Int], diagonal: Bool,
        stack: inout [Int]
    ) -> Int {
        var filled = 0
        let widening = diagonal ? 1 : 0
        rowSteps.withUnsafeBufferPointer { rowSteps in
            while let seed = stack.popLast() {
                guard values[seed] == from else { continue }
                var left = seed
                while values[left - 1] == from { left -= 1 }
                var right = seed
                while values[right + 1] == from { right += 1 }
                for index in left...right { values[index] = to }
                filled += right - left + 1
                for step in rowSteps {
                    var index = left - widening + step
                    let end = right + widening + step
                    while index <= end {
                        if values[index] == from {
                            stack.append(index)
                            index += 1
                            while index <= end, values[index] == from { index += 1 }
                        } else {
                            index += 1
                        }
                    }
                }
            }
        }
        return filled
    }

    /// Row offsets in a padded grid of `rowLength` x `sliceLength / rowLength` per slice.
    static func rowSteps(_ connectivity: VoxelConnectivity, rowLength: Int, sliceLength: Int) -> [Int] {
        switch connectivity {
        case .faces: [-rowLength, rowLength, -sliceLength, sliceLength]
        case .full:
            (-1...1).flatMap { dz in (-1...1).map { dy in dz * sliceLength + dy * rowLength } }.filter { $0 != 0 }
        }
    }
}
