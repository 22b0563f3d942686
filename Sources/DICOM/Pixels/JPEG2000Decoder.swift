import CDCMTK
import Foundation

/// JPEG 2000 (and HTJ2K) frames through OpenJPEG, with the sign fix-up pydicom also applies when
/// the codestream's signedness disagrees with Pixel Representation.
enum JPEG2000Decoder {
    /// OpenJPEG's worker threads for one large frame: the cores, at most 4 (the shim uses them
    /// only where they were measured to help). Each decode starts and stops its own pool, which
    /// suits frames decoded one after another; callers decoding many frames in parallel would
    /// oversubscribe the cores (no caller does that today).
    static let threads = Int32(Swift.min(ProcessInfo.processInfo.activeProcessorCount, 4))

    static func decode<Mapping: SampleMapping>(
        _ codestream: [UInt8], layout: PixelLayout, limits: DecodeLimits, source: String, mapping: Mapping
    ) throws(DicomError) -> [Float] {
        var image = cdcm_j2k_image()
        let maxSamples = UInt64(limits.maxFrameBytes)
        let (status, message) = codestream.withUnsafeBufferPointer { buffer in
            withErrorBuffer { err, cap in
                cdcm_j2k_decode(buffer.baseAddress, buffer.count, maxSamples, Self.threads, &image, err, cap)
            }
        }
        guard status == Int32(CDCM_OK) else {
            throw DicomError(.corruptPixelData, source: source, reason: message)
        }
        defer { cdcm_j2k_free(&image) }
        guard Int(image.width) == layout.columns, Int(image.height) == layout.rows,
            Int(image.components) == layout.samplesPerPixel
        else {
            throw DicomError(
                .inconsistent, source: source,
                reason: "the JPEG 2000 image is \(image.width)x\(image.height)x\(image.components), "
                    + "the dataset says \(layout.columns)x\(layout.rows)x\(layout.samplesPerPixel)")
        }
        let precision = Int(image.precision)
        guard (1...32).contains(precision) else {
            throw DicomError(.corruptPixelData, source: source, reason: "JPEG 2000 precision \(precision) is invalid")
        }
        let mask: Int64 = (1 << Int64(precision)) - 1
        let signBit: Int64 = 1 << Int64(precision - 1)
        let pixels = layout.rows * layout.columns
        let components = layout.samplesPerPixel
        let signed = layout.isSigned
        return [Float](unsafeUninitializedCapacity: pixels * components) { output, initialized in
            for component in 0..<components {
                let plane = image.samples + component * pixels
                for pixel in 0..<pixels {
                    var value = Int64(plane[pixel]) & mask
                    if signed && value & signBit != 0 { value -= 1 << Int64(precision) }
                    output[pixel * components + component] = mapping(Double(value))
                }
            }
            initialized = pixels * components
        }
    }
}
