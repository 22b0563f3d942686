/// Which voxels count as touching when regions are split into connected components.
public enum VoxelConnectivity: Int, Sendable, Hashable {
    /// The 6 voxels sharing a face: the conservative choice, which does not join two structures
    /// that meet only along an edge or at a corner (a patient and a table, two touching organs).
    case faces = 6
    /// All 26 voxels sharing a face, an edge or a corner (Chebyshev distance 1), the
    /// neighbourhood IBSI uses for zones.
    case full = 26
}

/// The connected components of a region, numbered 1...count in the order their first voxel
/// appears in the x-fastest voxel order.
public struct ComponentLabels: Sendable {
    public let grid: VoxelGrid
    /// One label per voxel, x-fastest; 0 outside the region.
    public let labels: [Int32]
    /// sizes[label - 1] is the number of voxels of component `label`.
    public let sizes: [Int]

    public var count: Int { sizes.count }

    /// The component with the most voxels (the lowest label among equals); nil for an empty
    /// region.
    public var largestLabel: Int32? { ConnectedComponents.largestLabel(sizes: sizes) }

    /// The voxels of component `label` as a region.
    public func region(_ label: Int32) -> RegionMask {
        RegionMask(grid: grid, inside: labels.map { $0 == label })
    }
}

/// Connected-component labelling of a region, iterative so that a component of millions of
/// voxels cannot overflow the call stack.
///
/// The region is copied into a label volume padded by one background voxel on every side, so
/// that no neighbour lookup needs a bounds check or an index division. Each component is then
/// filled from its first voxel by `SpanFloodFill`, run by run along x with an explicit stack
/// that every component reuses; the work is linear in the number of voxels.
public enum ConnectedComponents {
    /// Labels every component of `mask`.
    public static func label(_ mask: RegionMask, connectivity: VoxelConnectivity = .faces) -> ComponentLabels {
        let padded = PaddedComponentLabels(mask, connectivity: connectivity)
        let grid = mask.grid
        var labels = [Int32](repeating: 0, count: grid.voxelCount)
        labels.withUnsafeMutableBufferPointer { labels in
            padded.labels.withUnsafeBufferPointer { source in
                var target = 0
                for z in 0..<grid.sizeZ {
                    for y in 0..<grid.sizeY {
                        let row = padded.index(x: 0, y: y, z: z)
                        for x in 0..<grid.sizeX {
                            labels[target] = source[row + x]
                            target += 1
                        }
                    }
                }
            }
        }
        return ComponentLabels(grid: grid, labels: labels, sizes: padded.sizes)
    }

    /// The component of `mask` with the most voxels (the first in voxel order among equals), or
    /// `mask` itself when it is empty.
    public static func largest(_ mask: RegionMask, connectivity: VoxelConnectivity = .faces) -> RegionMask {
        let padded = PaddedComponentLabels(mask, connectivity: connectivity)
        guard let largest = largestLabel(sizes: padded.sizes) else { return mask }
        let grid = mask.grid
        var inside = [Bool](repeating: false, count: grid.voxelCount)
        inside.withUnsafeMutableBufferPointer { inside in
            padded.labels.withUnsafeBufferPointer { source in
                var target = 0
                for z in 0..<grid.sizeZ {
                    for y in 0..<grid.sizeY {
                        let row = padded.index(x: 0, y: y, z: z)
                        for x in 0..<grid.sizeX {
                            inside[target] = source[row + x] == largest
                            target += 1
                        }
                    }
                }
            }
        }
        return RegionMask(grid: grid, inside: inside)
    }

    static func largestLabel(sizes: [Int]) -> Int32? {
        guard let size = sizes.max(), let index = sizes.firstIndex(of: size) else { return nil }
        return Int32(index + 1)
    }
}

/// Component labels on the grid padded by one voxel on every side.
private struct PaddedComponentLabels {
    let sizeX: Int
    let sizeY: Int
    let sizeZ: Int
    /// 0 for background (and the padding), 1...count for components.
    private(set) var labels: [Int32]
    private(set) var sizes: [Int] = []

    /// The padded index of unpadded voxel (x, y, z).
    @inline(__always)
    func index(x: Int, y: Int, z: Int) -> Int { ((z + 1) * sizeY + y + 1) * sizeX + x + 1 }

    init(_ mask: RegionMask, connectivity: VoxelConnectivity) {
        let grid = mask.grid
        sizeX = grid.sizeX + 2
        sizeY = grid.sizeY + 2
        sizeZ = grid.sizeZ + 2
        let (sizeX, sizeY) = (self.sizeX, self.sizeY)
        let unlabelled: Int32 = -1
        var labels = [Int32](repeating: 0, count: sizeX * sizeY * sizeZ)
        labels.withUnsafeMutableBufferPointer { labels in
            mask.inside.withUnsafeBufferPointer { inside in
                var source = 0
                for z in 0..<grid.sizeZ {
                    for y in 0..<grid.sizeY {
                        let row = ((z + 1) * sizeY + y + 1) * sizeX + 1
                        for x in 0..<grid.sizeX {
                            if inside[source] { labels[row + x] = unlabelled }
                            source += 1
                        }
                    }
                }
            }
        }
        let rowSteps = SpanFloodFill.rowSteps(connectivity, rowLength: sizeX, sliceLength: sizeX * sizeY)
        var sizes: [Int] = []
        var stack: [Int] = []
        stack.reserveCapacity(1 << 16)
        labels.withUnsafeMutableBufferPointer { labels in
            for seed in 0..<labels.count where labels[seed] == unlabelled {
                guard sizes.count < Int(Int32.max) - 1 else { return }
                stack.append(seed)
                sizes.append(
                    SpanFloodFill.fill(
                        labels, from: unlabelled, to: Int32(sizes.count + 1), rowSteps: rowSteps,
                        diagonal: connectivity == .full, stack: &stack))
            }
        }
        self.labels = labels
        self.sizes = sizes
    }
}
