/// A grey volume: slices in order, each rows x columns, in the modality's units.
///
/// Colour instances become luminance and MONOCHROME1 instances are negated, so that a larger
/// value always means a brighter pixel. A series larger than the voxel budget is reduced while it
/// is read (block means in-plane, then over slices), one frame at a time, so memory stays bounded
/// whatever the input; the factors are recorded in `reduction`.
public struct DicomVolume: Sendable {
    /// 2^26 voxels (256 MB of Float): a 512 x 512 x 256 CT fits unreduced.
    public static let defaultVoxelBudget = 1 << 26

    public let rows: Int
    public let columns: Int
    public let slices: Int
    /// (slice, row, column) spacing in millimetres after any reduction: the median slice gap (or
    /// Slice Thickness without positions), then Pixel Spacing (1 mm when absent).
    public let spacing: (slice: Double, row: Double, column: Double)
    /// Slice-major, then row-major.
    public let values: [Float]
    /// Irregularities of the stack (tilt, missing slices, irregular spacing).
    public let geometry: SeriesGeometry
    /// Block sizes averaged in-plane and across slices to fit the budget; (1, 1) for none.
    public let reduction: (inPlane: Int, slices: Int)
    /// Whether colour pixels were converted to luminance (ITU-R BT.601 weights).
    public let convertedFromColour: Bool
    /// Whether MONOCHROME1 values were negated.
    public let invertedMonochrome1: Bool

    /// Decodes every instance of a series (multi-frame instances contribute all their frames).
    public init(
        series: DicomSeries, open: (String) throws(DicomError) -> DicomFile, limits: DecodeLimits = .standard,
        voxelBudget: Int = DicomVolume.defaultVoxelBudget
    ) throws(DicomError) {
        guard let first = series.instances.first, let geometry = first.metadata.geometry else {
            throw DicomError(
                .missingAttribute, source: series.instances.first?.source ?? "series",
                reason: "the series has no images")
        }
        var frameCount = 0
        for instance in series.instances {
            guard let other = instance.metadata.geometry, other.rows == geometry.rows,
                other.columns == geometry.columns
            else {
                throw DicomError(
                    .inconsistent, source: instance.source, reason: "slice size differs from the rest of the series")
            }
            guard (1...65_535).contains(other.rows), (1...65_535).contains(other.columns) else {
                throw DicomError(
                    .inconsistent, source: instance.source, reason: "rows and columns must lie in 1...65535")
            }
            guard other.frames <= limits.maxFrames else {
                throw DicomError(
                    .tooLarge, source: instance.source, reason: "the instance has more frames than the limit")
            }
            guard other.photometricInterpretation != "PALETTE COLOR" else {
                throw DicomError(
                    .unsupported, source: instance.source,
                    reason: "palette colour images carry indices, not intensities, and are not supported here")
            }
            frameCount += Swift.max(other.frames, 1)
            guard frameCount <= limits.maxFrames else {
                throw DicomError(
                    .tooLarge, source: instance.source, reason: "the series has more frames than the limit")
            }
        }
        guard geometry.rows > 0, geometry.columns > 0, frameCount <= limits.maxFrames else {
            throw DicomError(.tooLarge, source: first.source, reason: "the series has more frames than the limit")
        }
        let plan = ReductionPlan(
            rows: geometry.rows, columns: geometry.columns, frames: frameCount, budget: Swift.max(voxelBudget, 1))
        var accumulator = [Double](repeating: 0, count: plan.outputRows * plan.outputColumns * plan.outputSlices)
        var colour = false
        var monochrome1 = false
        var frameIndex = 0
        for instance in series.instances {
            let file = try open(instance.source)
            let layout = try file.pixelLayout(limits: limits)
            guard layout.rows == geometry.rows, layout.columns == geometry.columns else {
                throw DicomError(
                    .inconsistent, source: instance.source, reason: "slice size differs from the rest of the series")
            }
            for frame in 0..<layout.frames {
                guard frameIndex < frameCount else { break }
                let decoded = try file.decodeFrame(frame, limits: limits)
                colour = colour || decoded.samplesPerPixel == 3
                monochrome1 = monochrome1 || decoded.photometricInterpretation == "MONOCHROME1"
                plan.accumulate(decoded, slice: frameIndex, into: &accumulator)
                frameIndex += 1
            }
        }
        let sliceGap = SeriesGeometry(series: series)
        let baseSliceSpacing = Self.usable(sliceGap.sliceSpacing) ?? Self.usable(geometry.sliceThickness) ?? 1
        let pixelSpacing = (geometry.pixelSpacing ?? [1, 1]).map { Self.usable($0) ?? 1 }
        self.rows = plan.outputRows
        self.columns = plan.outputColumns
        self.slices = plan.outputSlices
        self.spacing = (
            baseSliceSpacing * Double(plan.sliceBlock),
            (pixelSpacing.first ?? 1) * Double(plan.inPlaneBlock),
            (pixelSpacing.count > 1 ? pixelSpacing[1] : pixelSpacing.first ?? 1) * Double(plan.inPlaneBlock)
        )
        self.values = plan.finish(accumulator, frames: frameIndex)
        self.geometry = sliceGap
        self.reduction = (plan.inPlaneBlock, plan.sliceBlock)
        self.convertedFromColour = colour
        self.invertedMonochrome1 = monochrome1
    }
}

extension DicomVolume {
    /// A spacing that can be used to measure: finite, positive and below a metre.
    static func usable(_ spacing: Double?) -> Double? {
        guard let spacing, spacing.isFinite, spacing > 0, spacing < 1000 else { return nil }
        return spacing
    }
}

/// How a series is shrunk to a voxel budget: in-plane blocks first, keeping at least 64 pixels a
/// side (half the side for images smaller than 128), then blocks of consecutive slices.
struct ReductionPlan {
    let rows: Int
    let columns: Int
    let frames: Int
    let inPlaneBlock: Int
    let sliceBlock: Int

    init(rows: Int, columns: Int, frames: Int, budget: Int) {
        self.rows = rows
        self.columns = columns
        self.frames = frames
        let minimumSide = Swift.max(Swift.min(64, Swift.min(rows, columns) / 2), 1)
        var block = 1
        while (rows / block) * (columns / block) * frames > budget,
            Swift.min(rows, columns) / (block + 1) >= minimumSide
        {
            block += 1
        }
        var sliceBlock = 1
        while (rows / block) * (columns / block) * ((frames + sliceBlock - 1) / sliceBlock) > budget,
            sliceBlock < frames
        {
            sliceBlock += 1
        }
        self.inPlaneBlock = block
        self.sliceBlock = sliceBlock
    }

    var outputRows: Int { Swift.max(rows / inPlaneBlock, 1) }
    var outputColumns: Int { Swift.max(columns / inPlaneBlock, 1) }
    var outputSlices: Int { (frames + sliceBlock - 1) / sliceBlock }

    /// Adds a frame's grey values (luminance for colour, negated for MONOCHROME1) to its block sums.
    func accumulate(_ frame: DicomFrame, slice: Int, into sums: inout [Double]) {
        let outputSlice = slice / sliceBlock
        let sliceOffset = outputSlice * outputRows * outputColumns
        let sign: Double = frame.photometricInterpretation == "MONOCHROME1" ? -1 : 1
        let samples = frame.samplesPerPixel
        frame.values.withUnsafeBufferPointer { values in
            for row in 0..<(outputRows * inPlaneBlock) {
                let outputRow = row / inPlaneBlock
                for column in 0..<(outputColumns * inPlaneBlock) {
                    let pixel = (row * columns + column) * samples
                    let grey: Double
                    if samples == 3 {
                        grey =
                            0.299 * Double(values[pixel]) + 0.587 * Double(values[pixel + 1]) + 0.114
                            * Double(values[pixel + 2])
                    } else {
                        grey = sign * Double(values[pixel])
                    }
                    sums[sliceOffset + outputRow * outputColumns + column / inPlaneBlock] += grey
                }
            }
        }
    }

    /// Block means; the last slice block may hold fewer frames than the others.
    func finish(_ sums: [Double], frames decoded: Int) -> [Float] {
        let sliceSize = outputRows * outputColumns
        var values = [Float](repeating: 0, count: sums.count)
        for slice in 0..<outputSlices {
            let framesInBlock = Swift.max(Swift.min(sliceBlock, decoded - slice * sliceBlock), 1)
            let divisor = Double(inPlaneBlock * inPlaneBlock * framesInBlock)
            for index in (slice * sliceSize)..<((slice + 1) * sliceSize) {
                values[index] = Float(sums[index] / divisor)
            }
        }
        return values
    }
}
