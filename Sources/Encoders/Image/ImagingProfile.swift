import Radiomics

/// The per-modality choices of the radiomics encoder: which region, which grey levels, and
/// whether intensities keep their units.
///
/// CT is calibrated (Hounsfield units mean the same on every scanner), so its features stay in
/// HU and grey levels are fixed 25 HU bins from -1000 HU. Every other modality (MR, CR/DX, US,
/// NM/PT, colour photographs as luminance) has arbitrary or scanner-dependent units: its
/// intensities are first standardised within the region (median 0, interquartile range 1.349,
/// i.e. a robust standard deviation of 1) and discretised into 32 equal bins, so that features
/// compare texture and shape rather than scanner gain. docs/image-encoder.md explains each choice.
public struct ImagingProfile: Sendable, Hashable {
    public enum Region: String, Sendable, Hashable {
        /// Threshold at -500 HU, largest connected component, holes filled.
        case ctBody = "ct-body"
        /// Otsu threshold, largest connected component, holes filled.
        case foreground
    }

    public let name: String
    public let calibratedUnits: Bool
    public let region: Region
    public let discretisation: Discretisation
    public let intensityVolumeHistogram: IntensityVolumeHistogramSettings

    public static let computedTomography = ImagingProfile(
        name: "ct", calibratedUnits: true, region: .ctBody,
        discretisation: .fixedBinSize(width: 25, lowerBound: -1000),
        intensityVolumeHistogram: .computedTomography(binWidth: 2.5))

    public static let arbitraryUnits = ImagingProfile(
        name: "standardised", calibratedUnits: false, region: .foreground, discretisation: .fixedBinNumber(32),
        intensityVolumeHistogram: .arbitraryUnits(binCount: 1000))

    /// CT for CT; the standardised profile for everything else.
    public static func forModality(_ modality: String) -> ImagingProfile {
        modality.uppercased() == "CT" ? .computedTomography : .arbitraryUnits
    }
}
