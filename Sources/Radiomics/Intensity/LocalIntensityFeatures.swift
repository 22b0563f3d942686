import Foundation

/// IBSI chapter 1 local intensity features (family 9ST6): the local and the global intensity peak, always in 3D
/// (aggregation DHQ4).
///
/// A peak is the mean intensity in a 1 cm³ sphere, radius r = (3 / (4π))^(1/3) cm ≈ 6.2035 mm, around a region
/// voxel's centre: the mean over every image voxel whose centre lies within r, inside the region or not (the
/// manual draws the neighbourhood from the whole image). Near the image border the sphere holds fewer voxels and
/// the mean is over those present. Voxels with a non-finite intensity outside the region (e.g. NaN padding beyond
/// a scanner's field of view) are treated like voxels beyond the border: left out of the mean.
///
/// - Local intensity peak: the sphere mean around the region voxel with the highest intensity. When several voxels
///   share that intensity, the manual computes the peak for each and takes the highest (on the phantom, seven
///   voxels share the maximum 6; the highest of their peaks is the reference 2.6, their mean would be 2.28).
/// - Global intensity peak: the highest sphere mean over every region voxel.
///
/// Speed: the sphere is a stack of x-runs, one per (dy, dz) voxel row, so with running sums along x every run
/// costs one subtraction. For each region row the runs are added over the row's whole x-span in a tight,
/// vectorisable loop. Running sums are kept only for the slices the sphere reaches (a ring of 2·⌊r/dz⌋ + 1
/// slices: about 10 MB for 512 x 512 slices 2.5 mm apart), and the voxel counts are computed from the geometry
/// unless some intensity is not finite.
public enum LocalIntensityFeatures {
    /// The sphere radius in mm: that of a 1 cm³ sphere.
    public static let sphereRadius = cbrt(3 / (4 * Double.pi)) * 10

    /// Local and global intensity peak. Throws when the grids differ, the spacing is not positive (or finer than
    /// ~0.01 mm, where the sphere would hold billions of voxels), the region is empty or a region intensity is not
    /// finite.
    public static func compute(image: IntensityImage, mask: RegionMask) throws(RadiomicsError) -> [RadiomicsFeature] {
        let peaks = try peaks(image: image, mask: mask)
        return [
            RadiomicsFeature(
                family: .localIntensity, symbol: "loc.peak.local", code: "VJGA", aggregation: .volume,
                value: peaks.local),
            RadiomicsFeature(
                family: .localIntensity, symbol: "loc.peak.global", code: "0F91", aggregation: .volume,
                value: peaks.global),
        ]
    }

    /// Both peaks in one sweep over the region.
    static func peaks(image: IntensityImage, mask: RegionMask) throws(RadiomicsError) -> (local: Double, global: Double)
    {
        guard image.grid == mask.grid else {
            throw RadiomicsError(.mismatchedGrid, "the image and the mask have different grids")
        }
        // The sphere must be a sensible stack of rows: at most a million rows of at most 20 001 voxels (any
        // spacing above ~0.01 mm).
        let spacing = image.grid.spacing
        guard spacing.min() > 0, spacing.max().isFinite, sphereRadius / spacing.x <= 1e4,
            (2 * sphereRadius / spacing.y + 1) * (2 * sphereRadius / spacing.z + 1) <= 1e6
        else {
            throw RadiomicsError(.invalidSetting, "the voxel spacing \(spacing) mm is not usable for a 1 cm³ sphere")
        }
        guard let box = mask.boundingBox else {
            throw RadiomicsError(.emptyRegion, "the region of interest is empty")
        }
        var maximum = -Float.infinity
        for (value, inside) in zip(image.values, mask.inside) where inside {
            guard value.isFinite else {
                throw RadiomicsError(.invalidIntensity, "the region holds a non-finite intensity")
            }
            maximum = max(maximum, value)
        }

        let grid = image.grid
        let runs = sphereRuns(spacing: grid.spacing)
        let reach = SIMD3(
            runs.map(\.halfWidth).max() ?? 0, runs.map { abs($0.dy) }.max() ?? 0, runs.map { abs($0.dz) }.max() ?? 0)
        let fullSphere = runs.reduce(0) { $0 + 2 * $1.halfWidth + 1 }
        // Voxel counts need running sums of their own only when some intensity is not finite.
        let countsNeeded = image.values.contains { !$0.isFinite }
        var sums = RunningSums(grid: grid, slots: 2 * reach.z + 1, withCounts: countsNeeded)
        var total = [Double](repeating: 0, count: grid.sizeX)
        var count = [Int32](repeating: 0, count: grid.sizeX)
        var globalPeak = -Double.infinity
        var localPeak = -Double.infinity

        /// Voxels of the image within the sphere around (x, y, z), all intensities finite.
        func sphereCount(x: Int, y: Int, z: Int) -> Int {
            if x >= reach.x, x + reach.x < grid.sizeX, y >= reach.y, y + reach.y < grid.sizeY, z >= reach.z,
                z + reach.z < grid.sizeZ
            {
                return fullSphere
            }
            var voxels = 0
            for run in runs where grid.contains(x: 0, y: y + run.dy, z: z + run.dz) {
                voxels += min(x + run.halfWidth, grid.sizeX - 1) - max(x - run.halfWidth, 0) + 1
            }
            return voxels
        }

        for z in box.z {
            for dz in -reach.z...reach.z where grid.contains(x: 0, y: 0, z: z + dz) {
                sums.load(slice: z + dz, from: image)
            }
            for y in box.y {
                let row = grid.index(x: 0, y: y, z: z)
                guard let first = box.x.first(where: { mask.inside[row + $0] }) else { continue }
                let last = box.x.last(where: { mask.inside[row + $0] })!
                total.withUnsafeMutableBufferPointer { total in
                    count.withUnsafeMutableBufferPointer { count in
                        for x in first...last {
                            total[x] = 0
                            count[x] = 0
                        }
                        for run in runs {
                            let (yy, zz) = (y + run.dy, z + run.dz)
                            guard grid.contains(x: 0, y: yy, z: zz) else { continue }
                            sums.addRun(
                                row: yy, slice: zz, halfWidth: run.halfWidth, span: first...last,
                                total: total.baseAddress!, count: countsNeeded ? count.baseAddress! : nil)
                        }
                    }
                }
                for x in first...last where mask.inside[row + x] {
                    let voxels = countsNeeded ? Int(count[x]) : sphereCount(x: x, y: y, z: z)
                    let mean = total[x] / Double(voxels)
                    globalPeak = max(globalPeak, mean)
                    if image.values[row + x] == maximum { localPeak = max(localPeak, mean) }
                }
            }
        }
        return (localPeak, globalPeak)
    }

    /// The sphere as x-runs: for each voxel row offset (dy, dz) whose run is non-empty, the largest |dx| with
    /// (dx·sx)² + (dy·sy)² + (dz·sz)² ≤ r². A relative tolerance of 1e-9 keeps centres lying on the sphere inside.
    static func sphereRuns(spacing: SIMD3<Double>) -> [(dy: Int, dz: Int, halfWidth: Int)] {
        let radiusSquared = sphereRadius * sphereRadius * (1 + 1e-9)
        let reach =
            SIMD3<Int>(
                Int(sphereRadius / spacing.x), Int(sphereRadius / spacing.y), Int(sphereRadius / spacing.z)) &+ 1
        var runs: [(dy: Int, dz: Int, halfWidth: Int)] = []
        for dz in -reach.z...reach.z {
            for dy in -reach.y...reach.y {
                let rest = radiusSquared - pow(Double(dz) * spacing.z, 2) - pow(Double(dy) * spacing.y, 2)
                guard rest >= 0 else { continue }
                var halfWidth = Int((rest.squareRoot() / spacing.x).rounded(.down))
                while halfWidth > 0, pow(Double(halfWidth) * spacing.x, 2) > rest { halfWidth -= 1 }
                while pow(Double(halfWidth + 1) * spacing.x, 2) <= rest { halfWidth += 1 }
                runs.append((dy, dz, halfWidth))
            }
        }
        return runs
    }
}

/// Running sums along x of the finite intensities (and, when asked, of their count) for a ring of slices.
private struct RunningSums {
    let grid: VoxelGrid
    let slots: Int
    let withCounts: Bool
    /// Slice held by each slot, -1 when empty.
    var sliceInSlot: [Int]
    /// Per slot, per row: sizeX + 1 prefix sums, the first 0.
    var values: [Double]
    var counts: [Int32]

    init(grid: VoxelGrid, slots: Int, withCounts: Bool) {
        self.grid = grid
        self.slots = slots
        self.withCounts = withCounts
        sliceInSlot = [Int](repeating: -1, count: slots)
        values = [Double](repeating: 0, count: slots * grid.sizeY * (grid.sizeX + 1))
        counts = [Int32](repeating: 0, count: withCounts ? slots * grid.sizeY * (grid.sizeX + 1) : 0)
    }

    func rowStart(row: Int, slice: Int) -> Int {
        ((slice % slots) * grid.sizeY + row) * (grid.sizeX + 1)
    }

    mutating func load(slice: Int, from image: IntensityImage) {
        let slot = slice % slots
        guard sliceInSlot[slot] != slice else { return }
        sliceInSlot[slot] = slice
        let width = grid.sizeX
        let grid = grid
        let withCounts = withCounts
        let firstRow = rowStart(row: 0, slice: slice)
        image.values.withUnsafeBufferPointer { source in
            values.withUnsafeMutableBufferPointer { values in
                counts.withUnsafeMutableBufferPointer { counts in
                    for row in 0..<grid.sizeY {
                        let from = grid.index(x: 0, y: row, z: slice)
                        let to = firstRow + row * (width + 1)
                        var sum = 0.0
                        var count: Int32 = 0
                        values[to] = 0
                        for x in 0..<width {
                            let value = source[from + x]
                            if value.isFinite {
                                sum += Double(value)
                                count &+= 1
                            }
                            values[to + x + 1] = sum
                            if withCounts { counts[to + x + 1] = count }
                        }
                        if withCounts { counts[to] = 0 }
                    }
                }
            }
        }
    }

    /// Adds, for every x in `span`, the sum (and count) of the row's voxels in x − halfWidth ... x + halfWidth.
    func addRun(
        row: Int, slice: Int, halfWidth: Int, span: ClosedRange<Int>, total: UnsafeMutablePointer<Double>,
        count: UnsafeMutablePointer<Int32>?
    ) {
        let start = rowStart(row: row, slice: slice)
        let width = grid.sizeX
        values.withUnsafeBufferPointer { values in
            counts.withUnsafeBufferPointer { counts in
                let prefix = values.baseAddress! + start
                // Where the run lies wholly inside the row no clamping is needed.
                let innerLow = max(span.lowerBound, halfWidth)
                let innerHigh = min(span.upperBound, width - 1 - halfWidth)
                func clamped(_ x: Int) {
                    let low = max(x - halfWidth, 0)
                    let high = min(x + halfWidth, width - 1) + 1
                    total[x] += prefix[high] - prefix[low]
                    if let count { count[x] += counts[start + high] - counts[start + low] }
                }
                guard innerLow <= innerHigh else {
                    for x in span { clamped(x) }
                    return
                }
                for x in span.lowerBound..<innerLow { clamped(x) }
                for x in (innerHigh + 1)..<(span.upperBound + 1) { clamped(x) }
                // The bulk: x − halfWidth ≥ 0 and x + halfWidth < width.
                let length = innerHigh - innerLow + 1
                let ahead = prefix + (innerLow + halfWidth + 1)
                let behind = prefix + (innerLow - halfWidth)
                let target = total + innerLow
                for offset in 0..<length {
                    target[offset] += ahead[offset] - behind[offset]
                }
                if let count {
                    let countAhead = counts.baseAddress! + (start + innerLow + halfWidth + 1)
                    let countBehind = counts.baseAddress! + (start + innerLow - halfWidth)
                    let countTarget = count + innerLow
                    for offset in 0..<length {
                        countTarget[offset] &+= countAhead[offset] &- countBehind[offset]
                    }
                }
            }
        }
    }
}
