/// A DICOM Segmentation object (SEG): per frame, which pixels belong to which segment and where
/// the frame lies, so that a region drawn in another system can be laid over its image series.
///
/// BINARY segmentations (1 bit) are read as they are; FRACTIONAL ones (8 bit, probability or
/// occupancy) count a pixel in when it reaches half the Maximum Fractional Value. Frame positions
/// come from the Plane Position Sequence of each frame (or of the shared functional groups).
public struct DicomSegmentation: Sendable {
    public struct Frame: Sendable {
        /// Segment Number this frame belongs to (1 when the object does not say).
        public let segment: Int
        /// Image Position (Patient) of the frame's first pixel, in millimetres.
        public let position: [Double]?
        /// Row-major, `rows` x `columns`.
        public let inside: [Bool]
    }

    public static let sopClassUID = "1.2.840.10008.5.1.4.1.1.66.4"

    public let rows: Int
    public let columns: Int
    public let frames: [Frame]
    /// The segment numbers present, in ascending order.
    public var segments: [Int] { Array(Set(frames.map(\.segment))).sorted() }

    public init(file: DicomFile, limits: DecodeLimits = .standard) throws(DicomError) {
        let dataset = file.dataset
        guard dataset.string(.sopClassUID) == Self.sopClassUID || dataset.string(.modality) == "SEG" else {
            throw DicomError(.unsupported, source: file.source, reason: "not a DICOM Segmentation object")
        }
        let fractional = dataset.string(.segmentationType) == "FRACTIONAL"
        let threshold = Float(dataset.number(.maximumFractionalValue) ?? 255) / 2
        let layout = try file.pixelLayout(limits: limits)
        guard layout.samplesPerPixel == 1 else {
            throw DicomError(.inconsistent, source: file.source, reason: "a segmentation has one sample per pixel")
        }
        let perFrame = dataset.sequence(.perFrameFunctionalGroupsSequence)
        let shared = dataset.sequence(.sharedFunctionalGroupsSequence).first
        var frames: [Frame] = []
        for index in 0..<layout.frames {
            let decoded = try file.decodeFrame(index, limits: limits)
            guard decoded.values.count == layout.rows * layout.columns else {
                throw DicomError(.inconsistent, source: file.source, reason: "a segmentation frame has the wrong size")
            }
            let groups = index < perFrame.count ? perFrame[index] : nil
            let position =
                groups.flatMap { Self.position(in: $0) } ?? shared.flatMap { Self.position(in: $0) }
            let segment =
                groups?.sequence(.segmentIdentificationSequence).first?.integer(.referencedSegmentNumber)
                ?? shared?.sequence(.segmentIdentificationSequence).first?.integer(.referencedSegmentNumber) ?? 1
            frames.append(
                Frame(
                    segment: segment, position: position,
                    inside: decoded.values.map { fractional ? $0 >= threshold && $0 > 0 : $0 != 0 }))
        }
        self.rows = layout.rows
        self.columns = layout.columns
        self.frames = frames
    }

    private static func position(in groups: DicomItem) -> [Double]? {
        guard let position = groups.sequence(.planePositionSequence).first?.numbers(.imagePositionPatient),
            position.count == 3
        else { return nil }
        return position
    }
}

extension DicomTag {
    public static let segmentationType = DicomTag(0x0062, 0x0001)
    public static let segmentIdentificationSequence = DicomTag(0x0062, 0x000A)
    public static let referencedSegmentNumber = DicomTag(0x0062, 0x000B)
    public static let maximumFractionalValue = DicomTag(0x0062, 0x000E)
    public static let planePositionSequence = DicomTag(0x0020, 0x9113)
    public static let sharedFunctionalGroupsSequence = DicomTag(0x5200, 0x9229)
    public static let perFrameFunctionalGroupsSequence = DicomTag(0x5200, 0x9230)
}
