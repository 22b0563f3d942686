/// The validated Image Pixel module of a file: what one frame looks like in storage.
///
/// Building it checks every attribute the decoder relies on, so that decoding can trust its sizes.
public struct PixelLayout: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    public let frames: Int
    public let samplesPerPixel: Int
    public let photometricInterpretation: String
    public let bitsAllocated: Int
    public let bitsStored: Int
    public let isSigned: Bool
    /// True when a colour image is stored plane by plane (Planar Configuration 1).
    public let isPlanar: Bool

    /// Samples in one decoded frame (all colour components).
    public var samplesPerFrame: Int { rows * columns * samplesPerPixel }

    /// Bytes of one frame as stored natively (for native YBR_FULL_422 two samples per pixel).
    /// For 1-bit data this is the frame's bit count divided by eight, rounded up.
    public var storedFrameBits: Int {
        let samples = photometricInterpretation == "YBR_FULL_422" ? rows * columns * 2 : samplesPerFrame
        return samples * bitsAllocated
    }

    /// Bytes of one frame after decompression (DCMTK and OpenJPEG deliver full resolution).
    public var decodedFrameBytes: Int { (samplesPerFrame * bitsAllocated + 7) / 8 }

    static let supportedColour: Set<String> = [
        "RGB", "YBR_FULL", "YBR_FULL_422", "YBR_RCT", "YBR_ICT", "YBR_PARTIAL_420",
    ]
    static let supportedMonochrome: Set<String> = ["MONOCHROME1", "MONOCHROME2", "PALETTE COLOR"]

    init(file: DicomFile, limits: DecodeLimits) throws(DicomError) {
        let source = file.source
        let item = file.dataset
        func fail(_ kind: DicomError.Kind, _ reason: String) -> DicomError {
            DicomError(kind, source: source, reason: reason)
        }
        guard item.contains(.pixelData) else {
            if item.contains(DicomTag(0x7FE0, 0x0008)) || item.contains(DicomTag(0x7FE0, 0x0009)) {
                throw fail(.unsupported, "float pixel data (7FE0,0008/0009) is not supported")
            }
            throw fail(.missingAttribute, "has no Pixel Data (7FE0,0010)")
        }
        func required(_ tag: DicomTag, _ name: String) throws(DicomError) -> Int {
            guard item.contains(tag) else { throw fail(.missingAttribute, "\(name) \(tag) is missing") }
            guard let value = item.integer(tag) else { throw fail(.inconsistent, "\(name) \(tag) is not a number") }
            return value
        }
        rows = try required(.rows, "Rows")
        columns = try required(.columns, "Columns")
        bitsAllocated = try required(.bitsAllocated, "Bits Allocated")
        bitsStored = item.contains(.bitsStored) ? try required(.bitsStored, "Bits Stored") : bitsAllocated
        samplesPerPixel = item.contains(.samplesPerPixel) ? try required(.samplesPerPixel, "Samples per Pixel") : 1
        let representation =
            item.contains(.pixelRepresentation) ? try required(.pixelRepresentation, "Pixel Representation") : 0
        frames = item.contains(.numberOfFrames) ? try required(.numberOfFrames, "Number of Frames") : 1
        photometricInterpretation =
            item.string(.photometricInterpretation) ?? (samplesPerPixel == 1 ? "MONOCHROME2" : "RGB")
        isPlanar = samplesPerPixel > 1 && (item.integer(.planarConfiguration) ?? 0) == 1

        guard (1...65535).contains(rows), (1...65535).contains(columns) else {
            throw fail(.inconsistent, "Rows and Columns must be between 1 and 65535 (are \(rows) and \(columns))")
        }
        guard [1, 8, 16, 32].contains(bitsAllocated) else {
            throw fail(.unsupported, "Bits Allocated \(bitsAllocated) is not supported (1, 8, 16 or 32)")
        }
        guard (1...bitsAllocated).contains(bitsStored) else {
            throw fail(.inconsistent, "Bits Stored \(bitsStored) does not fit Bits Allocated \(bitsAllocated)")
        }
        guard representation == 0 || representation == 1 else {
            throw fail(.inconsistent, "Pixel Representation must be 0 or 1 (is \(representation))")
        }
        isSigned = representation == 1
        guard frames >= 1 else { throw fail(.inconsistent, "Number of Frames must be at least 1 (is \(frames))") }
        guard frames <= limits.maxFrames else {
            throw fail(.tooLarge, "Number of Frames \(frames) exceeds the limit of \(limits.maxFrames)")
        }
        switch samplesPerPixel {
        case 1:
            guard Self.supportedMonochrome.contains(photometricInterpretation) else {
                throw fail(
                    .unsupported,
                    "Photometric Interpretation '\(photometricInterpretation)' with one sample per pixel is not supported"
                )
            }
        case 3:
            guard Self.supportedColour.contains(photometricInterpretation) else {
                throw fail(
                    .unsupported,
                    "Photometric Interpretation '\(photometricInterpretation)' with three samples per pixel is not supported"
                )
            }
        default:
            throw fail(.unsupported, "Samples per Pixel \(samplesPerPixel) is not supported (1 or 3)")
        }
        let frameBytes = rows * columns * samplesPerPixel * bitsAllocated / 8
        guard frameBytes <= limits.maxFrameBytes else {
            throw fail(
                .tooLarge, "one frame would need \(frameBytes) bytes, above the limit of \(limits.maxFrameBytes)")
        }
    }
}
