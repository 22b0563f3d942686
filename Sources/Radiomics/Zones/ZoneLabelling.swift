/// Finds the zones of GLSZM and GLDZM, maximal groups of linked voxels with one grey level
/// (8-connected within a slice when `planar`, 26-connected in 3D), and counts them by grey level
/// and size or distance.
///
/// One raster scan with union-find, never a recursive or stack-based fill: each voxel looks only
/// at its neighbours that come earlier in raster order (4 in a slice, 13 in 3D), which lie in the
/// current and the previous slice, so memory is read in order and stays in cache. A voxel takes
/// the zone of its first matching neighbour, further matches merge zones, and a zone's size and
/// smallest distance to the edge are kept at its root. Voxel labels are only needed for the
/// current and the previous slice, so memory grows with the number of provisional zones, not with
/// the volume.
struct ZoneLabeller {
    private struct Zone {
        /// The zone this one was merged into; itself for a root.
        var parent: Int32
        let level: Int32
        var size: Int32
        var distance: Int32
    }

    private let region: PaddedRegion
    private let planar: Bool
    private let distances: [Int32]
    /// Provisional zones; index 0 stands for "no zone". Only the first `zoneCount` are in use.
    private var zones: [Zone] = []
    private var zoneCount = 0
    private var currentLabels: [Int32]
    private var previousLabels: [Int32]

    /// - Parameter distances: a distance-to-edge map over the region's padded box; required to count
    ///   by `.distance`.
    init(_ region: PaddedRegion, planar: Bool, distances: [Int32]? = nil) {
        self.region = region
        self.planar = planar
        self.distances = distances ?? []
        currentLabels = [Int32](repeating: 0, count: region.sliceStride)
        previousLabels = [Int32](repeating: 0, count: planar ? 1 : region.sliceStride)
    }

    /// Counts into `counts` (level, column) for each zone of the padded slices `slices`: call it
    /// with one slice at a time for 2D zones, or with every slice for 3D zones.
    mutating func countZones(
        in slices: Range<Int>, by column: ZoneMatrices.Column, into counts: inout CountAccumulator
    ) {
        label(slices)
        let bySize = column == .size
        for index in 1..<zoneCount where zones[index].parent == Int32(index) {
            let zone = zones[index]
            counts.add(level: zone.level, column: bySize ? Int(zone.size) : Int(zone.distance))
        }
    }

    private mutating func label(_ slices: Range<Int>) {
        zoneCount = 1  // label 0: no zone
        for z in slices where region.voxelsPerSlice[z] > 0 {
            if !planar { swap(&currentLabels, &previousLabels) }
            // Each voxel opens at most one zone: make room for the whole slice before scanning it.
            let needed = zoneCount + region.voxelsPerSlice[z]
            if zones.count < needed {
                let empty = Zone(parent: 0, level: 0, size: 0, distance: 0)
                zones.append(contentsOf: repeatElement(empty, count: max(needed, 2 * zones.count) - zones.count))
            }
            let dimensions = (x: region.sizeX, y: region.sizeY, z: z)
            let planar = planar
            let withDistances = !distances.isEmpty
            var zoneCount = zoneCount
            region.levels.withUnsafeBufferPointer { levels in
                distances.withUnsafeBufferPointer { distances in
                    previousLabels.withUnsafeBufferPointer { previous in
                        currentLabels.withUnsafeMutableBufferPointer { current in
                            zones.withUnsafeMutableBufferPointer { zones in
                                zoneCount = Self.scanSlice(
                                    dimensions, planar: planar, levels: levels.baseAddress!,
                                    distances: withDistances ? distances.baseAddress : nil,
                                    previous: previous.baseAddress!, current: current.baseAddress!,
                                    zones: zones.baseAddress!, zoneCount: zoneCount)
                            }
                        }
                    }
                }
            }
            self.zoneCount = zoneCount
        }
    }

    /// Labels the voxels of slice `dimensions.z`, creating and merging zones; returns the new zone
    /// count. `previous` holds the labels of slice z - 1 (3D only), `current` receives slice z's.
    private static func scanSlice(
        _ dimensions: (x: Int, y: Int, z: Int), planar: Bool, levels: UnsafePointer<Int32>,
        distances: UnsafePointer<Int32>?, previous: UnsafePointer<Int32>, current: UnsafeMutablePointer<Int32>,
        zones: UnsafeMutablePointer<Zone>, zoneCount: Int
    ) -> Int {
        let sizeX = dimensions.x
        let sliceStride = sizeX * dimensions.y
        var zoneCount = zoneCount
        for y in 1..<(dimensions.y - 1) {
            for x in 1..<(sizeX - 1) {
                let local = y * sizeX + x
                let voxel = dimensions.z * sliceStride + local
                let level = levels[voxel]
                if level == 0 { continue }
                var root: Int32 = 0
                let below = voxel - sliceStride
                if !planar && levels[below] == level {
                    // Every other earlier neighbour touches the voxel below, so if it has this level it
                    // already joined the zone below (a previous-slice voxel within that slice, a
                    // current-slice voxel through its own look at the previous slice).
                    root = find(previous[local], zones)
                } else if levels[voxel - sizeX] == level {
                    // The voxel above in this slice touches (-1, 0), (-1, -1), (1, -1) and the
                    // previous-slice rows y - 1 and y, which have joined its zone already.
                    root = find(current[local - sizeX], zones)
                    if !planar {
                        let next = below + sizeX
                        for dx in -1...1 where levels[next + dx] == level {
                            root = join(root, previous[local + sizeX + dx], zones)
                        }
                    }
                } else {
                    if levels[voxel - 1] == level { root = join(root, current[local - 1], zones) }
                    if levels[voxel - sizeX - 1] == level { root = join(root, current[local - sizeX - 1], zones) }
                    if levels[voxel - sizeX + 1] == level { root = join(root, current[local - sizeX + 1], zones) }
                    if !planar {
                        for dy in -1...1 {
                            let row = dy * sizeX
                            for dx in -1...1 where levels[below + row + dx] == level {
                                root = join(root, previous[local + row + dx], zones)
                            }
                        }
                    }
                }
                let nearest = distances?[voxel] ?? 0
                if root == 0 {
                    root = Int32(zoneCount)
                    zones[zoneCount] = Zone(parent: root, level: level, size: 1, distance: nearest)
                    zoneCount += 1
                } else {
                    zones[Int(root)].size &+= 1
                    if nearest < zones[Int(root)].distance { zones[Int(root)].distance = nearest }
                }
                current[local] = root
            }
        }
        return zoneCount
    }

    /// The root of the union of the zone rooted at `root` (0: none yet) and the zone of `label`.
    @inline(__always)
    private static func join(_ root: Int32, _ label: Int32, _ zones: UnsafeMutablePointer<Zone>) -> Int32 {
        if label == root { return root }
        let other = find(label, zones)
        if root == 0 || other == root { return other }
        // Keep the older zone as the root, so labels stored earlier stay short paths.
        let (keep, merge) = root < other ? (root, other) : (other, root)
        zones[Int(merge)].parent = keep
        zones[Int(keep)].size &+= zones[Int(merge)].size
        zones[Int(keep)].distance = min(zones[Int(keep)].distance, zones[Int(merge)].distance)
        return keep
    }

    /// The root of `label`, halving the path on the way.
    @inline(__always)
    private static func find(_ label: Int32, _ zones: UnsafeMutablePointer<Zone>) -> Int32 {
        var label = label
        while true {
            let parent = zones[Int(label)].parent
            if parent == label { return label }
            let grandparent = zones[Int(parent)].parent
            zones[Int(label)].parent = grandparent
            label = grandparent
        }
    }
}
