/// How the intensity-volume histogram (IVH) turns intensities into the discrete intensities i it
/// evaluates, and over which total range G (IBSI 1, "Intensity-volume histogram features").
///
/// The IVH is kept separate from the texture discretisation because its purpose differs: it
/// reports volume fractions at intensity fractions of a range, so it needs a fine grid that
/// preserves the unit of calibrated images, while texture families want a few dozen grey levels.
/// The manual recommends one of three settings by kind of image:
///
/// - Calibrated, discrete intensities (CT in whole HU; the IBSI phantom): `.calibrated(interval:)`.
///   The intensities are used as they are and evaluated every w = interval from the lower end
///   of G, which is `range` or else the ROI's minimum...maximum.
/// - Calibrated, continuous intensities (PET SUV; CT in bins of 2.5 HU): `.fixedBinSize(width:)`.
///   Each voxel is replaced by the centre Xmin + (d - 0.5) w of its bin d, and G runs from the
///   centre of the first bin to that of the last. Xmin and Xmax are `range` when given (a
///   re-segmentation range), else the ROI's minimum and maximum; the bins are those of
///   `Discretisation.fixedBinSize` with lower bound Xmin (⌊(Xmax - Xmin) / w⌋ + 1 of them, the
///   last holding Xmax), and voxels outside the range fall in the first or last bin.
/// - Arbitrary units (MR): `.fixedBinNumber(Ng)`, the bins of `Discretisation.fixedBinNumber`
///   between Xmin and Xmax. The bin numbers 1...Ng are the intensities, G = [1, Ng], w = 1.
public struct IntensityVolumeHistogramSettings: Sendable, Hashable, CustomStringConvertible {
    public enum Binning: Sendable, Hashable {
        /// Use the intensities as they are and evaluate the IVH every `interval` units from the
        /// lower end of the range. A voxel counts at i when its intensity is at least i.
        case calibrated(interval: Double)
        /// Fixed bin size `width` in the image's unit, each voxel replaced by its bin centre.
        case fixedBinSize(width: Double)
        /// `count` equal bins between the range's ends; the bin numbers are the intensities.
        case fixedBinNumber(Int)
    }

    public var binning: Binning
    /// The total range (a re-segmentation range) in the image's unit; nil takes the ROI's minimum
    /// and maximum. For `.fixedBinNumber` it sets the ends of the bins.
    public var range: ClosedRange<Double>?

    public init(binning: Binning, range: ClosedRange<Double>? = nil) {
        self.binning = binning
        self.range = range
    }

    /// The IBSI digital phantom: calibrated discrete intensities, G = [1, 6], w = 1.
    public static let phantom = IntensityVolumeHistogramSettings(binning: .calibrated(interval: 1), range: 1...6)

    /// CT in HU, a calibrated unit: fixed bins of `binWidth` HU (2.5 by default, fine enough for
    /// a soft-tissue range of a few hundred HU) over `range`, or the ROI's range when nil.
    public static func computedTomography(binWidth: Double = 2.5, range: ClosedRange<Double>? = nil) -> Self {
        IntensityVolumeHistogramSettings(binning: .fixedBinSize(width: binWidth), range: range)
    }

    /// Arbitrary units (MR, ultrasound, photographs): `binCount` bins (1000 as the manual
    /// recommends) normalised to the ROI's range, so the IVH is contrast-invariant.
    public static func arbitraryUnits(binCount: Int = 1000) -> Self {
        IntensityVolumeHistogramSettings(binning: .fixedBinNumber(binCount))
    }

    /// A stable one-word form for reports and fingerprints, e.g. `fbs=2.5` or `cal=1.0@1.0...6.0`.
    public var description: String {
        let binningText: String
        switch binning {
        case .calibrated(let interval): binningText = "cal=\(interval)"
        case .fixedBinSize(let width): binningText = "fbs=\(width)"
        case .fixedBinNumber(let count): binningText = "fbn=\(count)"
        }
        return binningText + (range.map { "@\($0.lowerBound)...\($0.upperBound)" } ?? "")
    }
}
