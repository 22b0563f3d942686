import Foundation

/// What a series' slice positions say about its geometry: the spacing a volume should use and
/// the irregularities a reader of features must be told about.
///
/// None of these stop a volume from being assembled; they are reported so that a user can judge
/// whether shape and texture features of the volume mean what they usually do.
public struct SeriesGeometry: Sendable, Equatable {
    /// The median distance between consecutive slice positions in millimetres (nil without
    /// positions or with a single slice).
    public let sliceSpacing: Double?
    /// Angle in degrees between the slice normal and the line through the slice positions: a
    /// gantry tilt (CT) or a sheared stack. Nil without positions; below 0.01 degrees it is 0.
    public let tiltDegrees: Double?
    /// Slices a regular stack would have where a gap is more than 1.5 times the median spacing.
    public let missingSlices: Int
    /// Pairs of consecutive instances at the same position (a duplicate or a second echo).
    public let duplicatePositions: Int
    /// Whether the gaps, leaving out missing slices, vary by more than 1 % of the median or 0.01 mm.
    public let irregularSpacing: Bool

    public init(series: DicomSeries) {
        let instances = series.instances
        let locations = instances.compactMap(\.location)
        guard locations.count == instances.count, locations.count > 1 else {
            self.init(sliceSpacing: nil, tiltDegrees: nil, missingSlices: 0, duplicatePositions: 0, irregular: false)
            return
        }
        // Non-finite or absurd positions (beyond 10 km) say nothing about spacing.
        let gaps = zip(locations.dropFirst(), locations).map { abs($0 - $1) }.filter { $0.isFinite && $0 < 1e7 }
        let duplicates = gaps.filter { $0 < 1e-3 }.count
        let positive = gaps.filter { $0 >= 1e-3 }.sorted()
        guard let median = positive.isEmpty ? nil : positive[positive.count / 2] else {
            self.init(
                sliceSpacing: nil, tiltDegrees: nil, missingSlices: 0, duplicatePositions: duplicates, irregular: false)
            return
        }
        var missing = 0
        var regularGaps: [Double] = []
        for gap in positive {
            if gap > 1.5 * median {
                missing += Int(Swift.min((gap / median).rounded(), 1e6)) - 1
            } else {
                regularGaps.append(gap)
            }
        }
        let spread = (regularGaps.max() ?? median) - (regularGaps.min() ?? median)
        self.init(
            sliceSpacing: median, tiltDegrees: Self.tilt(of: instances), missingSlices: missing,
            duplicatePositions: duplicates, irregular: spread > Swift.max(0.01 * median, 0.01))
    }

    init(sliceSpacing: Double?, tiltDegrees: Double?, missingSlices: Int, duplicatePositions: Int, irregular: Bool) {
        self.sliceSpacing = sliceSpacing
        self.tiltDegrees = tiltDegrees
        self.missingSlices = missingSlices
        self.duplicatePositions = duplicatePositions
        self.irregularSpacing = irregular
    }

    /// Human-readable notes, one per irregularity, empty for a clean stack.
    public var warnings: [String] {
        var notes: [String] = []
        if let tilt = tiltDegrees, tilt > 0 {
            notes.append("slices are tilted by \(Self.format(tilt)) degrees (gantry tilt); the volume is not resampled")
        }
        if missingSlices > 0 { notes.append("\(missingSlices) slice(s) missing from the stack") }
        if duplicatePositions > 0 { notes.append("\(duplicatePositions) slice(s) share a position with another") }
        if irregularSpacing { notes.append("slice spacing is irregular; the median spacing is used") }
        return notes
    }

    /// The angle between the slice normal and the first-to-last position vector.
    private static func tilt(of instances: [DicomSeries.Instance]) -> Double? {
        guard let first = instances.first?.metadata.geometry, let start = first.position,
            let end = instances.last?.metadata.geometry?.position, let normal = first.sliceNormal
        else { return nil }
        let path = end - start
        let lengths = ((normal * normal).sum() * (path * path).sum()).squareRoot()
        guard lengths > 0 else { return nil }
        let cosine = Swift.min(1, abs((normal * path).sum()) / lengths)
        let degrees = acos(cosine) * 180 / Double.pi
        return degrees < 0.01 ? 0 : degrees
    }

    private static func format(_ value: Double) -> String { String(format: "%.2f", value) }
}
