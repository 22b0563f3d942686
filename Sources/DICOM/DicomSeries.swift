/// Instances grouped into series, and a series assembled into a volume.
///
/// Slices are ordered along the normal of Image Orientation (Patient), by the projection of
/// Image Position (Patient) onto it; instances without geometry fall back to Instance Number.
public struct DicomSeries: Sendable {
    /// One instance of a series: where it came from and where it lies.
    public struct Instance: Sendable {
        public let source: String
        public let metadata: DicomMetadata
        /// Position along the slice normal, in millimetres (nil without geometry).
        public let location: Double?
    }

    public let seriesInstanceUID: String
    public let modality: String?
    /// Ordered by location (or Instance Number).
    public let instances: [Instance]

    /// Groups files by Series Instance UID and orders each series. Files without an image are
    /// skipped; series are returned sorted by Series Number, then UID.
    public static func group(_ files: [DicomFile]) -> [DicomSeries] {
        var bySeries: [String: [Instance]] = [:]
        for file in files {
            let metadata = file.metadata
            guard metadata.geometry != nil else { continue }
            let uid = metadata.seriesInstanceUID ?? ""
            bySeries[uid, default: []].append(
                Instance(source: file.source, metadata: metadata, location: location(of: metadata)))
        }
        return bySeries.map { uid, instances in
            // A total order (finite locations first, then Instance Number, then source), so the same
            // files stack the same way whatever order they were given in.
            let ordered = instances.sorted { lhs, rhs in
                let left = lhs.location.flatMap { $0.isFinite ? $0 : nil }
                let right = rhs.location.flatMap { $0.isFinite ? $0 : nil }
                switch (left, right) {
                case let (left?, right?) where left != right: return left < right
                case (.some, .none): return true
                case (.none, .some): return false
                default:
                    return (lhs.metadata.instanceNumber ?? 0, lhs.source) < (
                        rhs.metadata.instanceNumber ?? 0, rhs.source
                    )
                }
            }
            return DicomSeries(seriesInstanceUID: uid, modality: instances.first?.metadata.modality, instances: ordered)
        }.sorted {
            ($0.instances.first?.metadata.seriesNumber ?? 0, $0.seriesInstanceUID) < (
                $1.instances.first?.metadata.seriesNumber ?? 0, $1.seriesInstanceUID
            )
        }
    }

    static func location(of metadata: DicomMetadata) -> Double? {
        guard let geometry = metadata.geometry, let position = geometry.position, let normal = geometry.sliceNormal
        else { return nil }
        return (normal * position).sum()
    }

    /// Distances between consecutive slices, in millimetres (empty without geometry).
    public var sliceGaps: [Double] {
        let locations = instances.compactMap(\.location)
        guard locations.count == instances.count, locations.count > 1 else { return [] }
        return zip(locations.dropFirst(), locations).map { $0 - $1 }
    }
}
