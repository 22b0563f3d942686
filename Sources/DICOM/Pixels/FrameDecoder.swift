import CDCMTK

extension DicomFile {
    /// The validated pixel layout; throws when the file has no usable image.
    public func pixelLayout(limits: DecodeLimits = .standard) throws(DicomError) -> PixelLayout {
        try PixelLayout(file: self, limits: limits)
    }

    /// Decodes frame `index` (from 0) to `Float` values with the modality LUT applied.
    ///
    /// Native, deflated and big-endian data are read directly; RLE, JPEG and JPEG-LS go through
    /// DCMTK's codecs; JPEG 2000 and HTJ2K through OpenJPEG. Colour comes back as RGB.
    public func decodeFrame(_ index: Int, limits: DecodeLimits = .standard) throws(DicomError) -> DicomFrame {
        let layout = try pixelLayout(limits: limits)
        return try FrameDecoder(file: self, layout: layout, limits: limits).decode(index)
    }

    /// Decodes every frame, in order.
    public func decodeAllFrames(limits: DecodeLimits = .standard) throws(DicomError) -> [DicomFrame] {
        let layout = try pixelLayout(limits: limits)
        let decoder = try FrameDecoder(file: self, layout: layout, limits: limits)
        var frames: [DicomFrame] = []
        for index in 0..<layout.frames { frames.append(try decoder.decode(index)) }
        return frames
    }
}

/// Turns one frame of a file into values: fetch or decompress the stored samples, mapping grey
/// ones through the modality LUT as they are unpacked, then fix colour layout and colour space.
struct FrameDecoder {
    let file: DicomFile
    let layout: PixelLayout
    let limits: DecodeLimits
    let syntax: TransferSyntax
    let modalityLUT: ModalityLUT
    let encapsulated: EncapsulatedFrames?

    init(file: DicomFile, layout: PixelLayout, limits: DecodeLimits) throws(DicomError) {
        self.file = file
        self.layout = layout
        self.limits = limits
        syntax = file.transferSyntax
        guard file.declaresTransferSyntax || !file.metaHeader.elements.contains(where: { $0.tag.group == 0x0002 })
        else {
            throw DicomError(
                .missingAttribute, source: file.source,
                reason:
                    "the File Meta Information has no Transfer Syntax UID (0002,0010), so the pixel encoding is unknown"
            )
        }
        var isEncapsulated: Int32 = 0
        guard cdcm_pixel_encapsulated(file.handle.pointer, &isEncapsulated) == Int32(CDCM_OK) else {
            throw DicomError(.missingAttribute, source: file.source, reason: "has no Pixel Data (7FE0,0010)")
        }
        if isEncapsulated == 1 {
            guard syntax.isKnown, syntax.codec != .native else {
                throw DicomError(
                    .unsupported, source: file.source,
                    reason: "the pixel data is compressed with \(syntax), which this build cannot decode")
            }
            encapsulated = try EncapsulatedFrames(file: file, layout: layout)
        } else {
            encapsulated = nil
            try Self.checkNativeLength(file: file, layout: layout)
        }
        modalityLUT = try ModalityLUT(file: file, layout: layout)
    }

    private static func checkNativeLength(file: DicomFile, layout: PixelLayout) throws(DicomError) {
        let available = Int(file.dataset.valueLength(.pixelData) ?? 0)
        let needed = (layout.storedFrameBits * layout.frames + 7) / 8
        guard available >= needed else {
            throw DicomError(
                .inconsistent, source: file.source,
                reason: "Pixel Data holds \(available) bytes but \(layout.frames) frame(s) of "
                    + "\(layout.rows)x\(layout.columns)x\(layout.samplesPerPixel) at \(layout.bitsAllocated) bits need \(needed)"
            )
        }
    }

    func decode(_ index: Int) throws(DicomError) -> DicomFrame {
        guard (0..<layout.frames).contains(index) else {
            throw DicomError(
                .inconsistent, source: file.source, reason: "frame \(index) does not exist (\(layout.frames) frames)")
        }
        guard layout.samplesPerPixel == 3 else {
            // Grey: the modality LUT is applied while the samples are unpacked.
            let (values, photometric): ([Float], String)
            switch modalityLUT.mapping {
            case .identity: (values, photometric) = try storedSamples(index, StoredValue())
            case let .rescale(rescale): (values, photometric) = try storedSamples(index, rescale)
            case let .table(table): (values, photometric) = try storedSamples(index, table)
            }
            return DicomFrame(
                rows: layout.rows, columns: layout.columns, samplesPerPixel: 1, photometricInterpretation: photometric,
                values: values)
        }
        var (samples, photometric) = try storedSamples(index, StoredValue())
        if photometric == "YBR_FULL" || photometric == "YBR_FULL_422" {
            guard layout.bitsAllocated == 8 else {
                throw DicomError(
                    .unsupported, source: file.source, reason: "YBR colour with more than 8 bits is not supported")
            }
            ColourConversion.ybrFullToRGB(&samples)
        }
        return DicomFrame(
            rows: layout.rows, columns: layout.columns, samplesPerPixel: 3, photometricInterpretation: "RGB",
            values: samples)
    }

    /// The stored samples of frame `index` through `mapping`, colour pixel-interleaved at full
    /// resolution, and the colour model they are in.
    private func storedSamples<Mapping: SampleMapping>(_ index: Int, _ mapping: Mapping) throws(DicomError) -> (
        [Float], String
    ) {
        if let encapsulated { return try decodeCompressed(index, encapsulated, mapping) }
        var samples = try readNative(index, mapping)
        var photometric = layout.photometricInterpretation
        if layout.samplesPerPixel == 3 {
            if photometric == "YBR_FULL_422" {
                samples = ColourConversion.expand422(samples, rows: layout.rows, columns: layout.columns)
                photometric = "YBR_FULL"
            } else if layout.isPlanar {
                samples = ColourConversion.interleave(planes: samples, pixels: layout.rows * layout.columns)
            }
        }
        return (samples, photometric)
    }

    private var unpacker: SampleUnpacker {
        SampleUnpacker(bitsAllocated: layout.bitsAllocated, bitsStored: layout.bitsStored, isSigned: layout.isSigned)
    }

    private func readNative<Mapping: SampleMapping>(_ index: Int, _ mapping: Mapping) throws(DicomError) -> [Float] {
        let frameBits = layout.storedFrameBits
        let firstBit = frameBits * index
        let firstByte = firstBit / 8
        let byteCount = (firstBit + frameBits + 7) / 8 - firstByte
        var bytes = try file.dataset.bytes(
            .pixelData, offset: UInt32(firstByte), count: UInt32(byteCount), source: file.source)
        if syntax.isBigEndian { fixBigEndianWords(&bytes) }
        return unpacker.unpack(bytes, count: frameBits / layout.bitsAllocated, first: firstBit - firstByte * 8) {
            mapping($0)
        }
    }

    /// DCMTK hands OW data of big-endian files back in 16-bit little-endian words, so 32-bit
    /// samples arrive with their two halves exchanged (see docs/dicom.md).
    private func fixBigEndianWords(_ bytes: inout [UInt8]) {
        guard layout.bitsAllocated == 32, file.dataset.vr(of: .pixelData) == "OW" else { return }
        for at in Swift.stride(from: 0, to: bytes.count - 3, by: 4) {
            bytes.swapAt(at, at + 2)
            bytes.swapAt(at + 1, at + 3)
        }
    }

    private func decodeCompressed<Mapping: SampleMapping>(
        _ index: Int, _ frames: EncapsulatedFrames, _ mapping: Mapping
    ) throws(DicomError) -> ([Float], String) {
        switch syntax.codec {
        case .jpeg2000:
            let samples = try JPEG2000Decoder.decode(
                frames.bytes(ofFrame: index), layout: layout, limits: limits, source: file.source, mapping: mapping)
            return (samples, layout.samplesPerPixel == 3 ? "RGB" : layout.photometricInterpretation)
        case .rle:
            let range = frames.frameFragments[index]
            guard range.count == 1 else {
                throw DicomError(
                    .corruptPixelData, source: file.source, reason: "an RLE frame must be exactly one fragment")
            }
            try RLEHeader.validate(
                frames.fragments[range.lowerBound],
                expectedSegments: layout.samplesPerPixel * ((layout.bitsAllocated + 7) / 8), source: file.source)
            return try decodeWithDCMTK(index, firstFragment: range.lowerBound, mapping)
        case .jpeg, .jpegLS:
            return try decodeWithDCMTK(index, firstFragment: frames.frameFragments[index].lowerBound, mapping)
        case .native:
            throw DicomError(.unsupported, source: file.source, reason: "unexpected encapsulated native data")
        }
    }

    private func decodeWithDCMTK<Mapping: SampleMapping>(_ index: Int, firstFragment: Int, _ mapping: Mapping)
        throws(DicomError) -> ([Float], String)
    {
        let length = layout.decodedFrameBytes
        var buffer = [UInt8](repeating: 0, count: length + (length & 1))
        var model = [CChar](repeating: 0, count: 64)
        let (status, message) = withErrorBuffer { err, cap in
            buffer.withUnsafeMutableBytes { target in
                // DCMTK counts the Basic Offset Table as item 0, so fragments start at 1.
                cdcm_decode_frame(
                    file.handle.pointer, UInt32(index), UInt32(firstFragment + 1), target.baseAddress,
                    UInt32(target.count), &model, model.count, err, cap)
            }
        }
        guard status == Int32(CDCM_OK) else {
            throw DicomError(
                .corruptPixelData, source: file.source,
                reason: "frame \(index) could not be decoded (\(syntax.name)): \(message)")
        }
        var samples = unpacker.unpack(buffer, count: layout.samplesPerFrame) { mapping($0) }
        let colourModel = String(nulTerminated: model)
        if layout.samplesPerPixel == 3 && layout.isPlanar {
            // DCMTK delivers colour in the planar configuration the dataset declares.
            samples = ColourConversion.interleave(planes: samples, pixels: layout.rows * layout.columns)
        }
        return (samples, colourModel.isEmpty ? layout.photometricInterpretation : colourModel)
    }
}
