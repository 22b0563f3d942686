/// One decoded frame: stored values mapped through the modality LUT, as `Float`.
///
/// Grey images carry one value per pixel in the modality's units (Hounsfield units for CT when
/// the file says so). Colour images carry three values per pixel, always as RGB, pixel-interleaved.
public struct DicomFrame: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    /// 1 for grey images, 3 for colour (RGB).
    public let samplesPerPixel: Int
    /// "MONOCHROME1", "MONOCHROME2", "PALETTE COLOR" (palette indices), or "RGB".
    public let photometricInterpretation: String
    public let values: [Float]

    /// Minimum, maximum and mean over all samples, the summary `dicom inspect` prints.
    public var statistics: (min: Float, max: Float, mean: Double) {
        guard var low = values.first else { return (0, 0, 0) }
        var high = low
        var sum = 0.0
        for value in values {
            low = Swift.min(low, value)
            high = Swift.max(high, value)
            sum += Double(value)
        }
        return (low, high, sum / Double(values.count))
    }
}
