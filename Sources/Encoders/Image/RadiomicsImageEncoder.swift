import Crypto
import Foundation
import Radiomics

/// The default image encoder: IBSI radiomics on the body or foreground region, at three in-plane
/// scales, scaled into a fixed-length unit vector.
///
/// Deterministic: the same pixels and settings give the same bits on every run and thread count
/// (families are computed independently and assembled in a fixed order). The fingerprint's
/// weights hash covers every descriptor, transform, profile and scale, so changing any of them
/// changes the fingerprint and the index asks for re-indexing.
public struct RadiomicsImageEncoder: ImageEncoder {
    public static let name = "caseatlas-image-radiomics"
    public static let version = "1"
    /// The original grid, then 2x2 and 4x4 in-plane block means.
    public static let scales = [1, 2, 4]
    /// Weight of each coarser scale relative to the original.
    static let coarseScaleWeight = 0.7

    /// Threads used for independent feature families.
    public let threads: Int
    /// Interpolation to one spacing before the features (none by default: images are featurized
    /// on their own grid, and the 2x and 4x scales already compare coarse texture).
    public let resampling: Resampling?

    public init(threads: Int = 1, resampling: Resampling? = nil) {
        self.threads = Swift.max(1, threads)
        self.resampling = resampling
    }

    public var dimensions: Int { Self.layout(calibrated: true).count }

    public var fingerprint: EncoderFingerprint {
        let parameters = Self.parameters + "\n" + (resampling?.description ?? "resample=none")
        let digest = SHA256.hash(data: Data(parameters.utf8)).map { String(format: "%02x", $0) }.joined()
        return EncoderFingerprint(
            name: Self.name, version: Self.version, weightsSHA256: digest,
            parameters: "dims=\(dimensions);scales=\(Self.scales.map(String.init).joined(separator: ","))"
                + (resampling.map { ";\($0)" } ?? ""))
    }

    /// Every setting that changes the vector, as one canonical string.
    static var parameters: String {
        var lines = ["\(name)@\(version)", "scales=\(scales)", "coarse=\(coarseScaleWeight)"]
        for profile in [ImagingProfile.computedTomography, .arbitraryUnits] {
            lines.append(
                "profile \(profile.name): region=\(profile.region.rawValue) "
                    + settings(for: profile).canonicalDescription)
            lines += layout(calibrated: profile.calibratedUnits).map {
                "\($0.scale)|\($0.descriptor.canonicalDescription)"
            }
        }
        return lines.joined(separator: "\n")
    }

    /// (scale, descriptor) in vector order; the same length for every profile.
    static func layout(calibrated: Bool) -> [(scale: Int, descriptor: RadiomicsDescriptor)] {
        let original =
            RadiomicsDescriptorSet.shape + RadiomicsDescriptorSet.intensity(calibrated: calibrated)
            + RadiomicsDescriptorSet.texture
        var entries = original.map { (scale: 1, descriptor: $0) }
        for scale in scales.dropFirst() {
            entries += RadiomicsDescriptorSet.multiScale(calibrated: calibrated).map { (scale: scale, descriptor: $0) }
        }
        return entries
    }

    /// The features computed at every scale: all families except local intensity (its sphere
    /// search is the slowest part and adds little), one merged 3D matrix per texture family.
    static func settings(for profile: ImagingProfile) -> FeatureSettings {
        var families = Set(FeatureFamily.allCases)
        families.remove(.localIntensity)
        return FeatureSettings(
            discretisation: profile.discretisation, intensityVolumeHistogram: profile.intensityVolumeHistogram,
            families: families, directionalAggregations: [.volumetricMerged], regionalAggregations: [.volumetric])
    }

    public func encode(_ image: MedicalImage) throws(ImageEncoderError) -> ImageEncoding {
        let profile = ImagingProfile.forModality(image.modality)
        let (automaticRegion, regionSource) = try Self.region(for: image, profile: profile)
        var region = automaticRegion
        guard region.voxelCount > 0 else {
            throw ImageEncoderError(
                .emptyRegion,
                regionSource == "supplied"
                    ? "the supplied region of interest is empty"
                    : "the automatic region of interest (\(regionSource)) is empty: the image has no foreground")
        }
        var intensities = Self.prepared(image.intensities, region: region, profile: profile)
        if let resampling {
            do {
                intensities = try resampling.apply(to: intensities)
                region = try resampling.apply(to: region)
            } catch {
                throw ImageEncoderError(.featureFailure, error.reason)
            }
            guard region.voxelCount > 0 else {
                throw ImageEncoderError(.emptyRegion, "the region of interest is empty after resampling")
            }
        }
        let extractor = FeatureExtractor(settings: Self.settings(for: profile), threads: threads)
        var vector: [Double] = []
        var reported: [RadiomicsFeature] = []
        let layout = Self.layout(calibrated: profile.calibratedUnits)
        for scale in Self.scales {
            let scaledImage = intensities.blockAveraged(scale)
            let scaledRegion = region.blockReduced(scale)
            var values: [String: Double] = [:]
            if scaledRegion.voxelCount > 0, scaledImage.grid == scaledRegion.grid {
                let features: [RadiomicsFeature]
                do {
                    features = try extractor.features(image: scaledImage, mask: scaledRegion)
                } catch {
                    throw ImageEncoderError(.featureFailure, "features at scale \(scale): \(error.reason)")
                }
                for feature in features { values[feature.name] = feature.value }
                if scale == 1 { reported = features }
            }
            let weight = scale == 1 ? 1 : Self.coarseScaleWeight
            for entry in layout where entry.scale == scale {
                vector.append(weight * entry.descriptor.scaled(values[entry.descriptor.name] ?? .nan))
            }
        }
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        let unit = norm > 0 ? vector.map { Float($0 / norm) } : vector.map { _ in Float(0) }
        return ImageEncoding(
            vector: unit, features: reported, regionVoxels: region.voxelCount, regionSource: regionSource)
    }

    /// The supplied region, or the profile's automatic one.
    static func region(for image: MedicalImage, profile: ImagingProfile) throws(ImageEncoderError) -> (
        RegionMask, String
    ) {
        if let supplied = image.suppliedRegion {
            guard supplied.grid.sizeX == image.intensities.grid.sizeX,
                supplied.grid.sizeY == image.intensities.grid.sizeY,
                supplied.grid.sizeZ == image.intensities.grid.sizeZ
            else {
                throw ImageEncoderError(.emptyRegion, "the supplied region does not have the image's dimensions")
            }
            return (RegionMask(grid: image.intensities.grid, inside: supplied.inside), "supplied")
        }
        switch profile.region {
        case .ctBody: return (BodyMask.ct(image.intensities), profile.region.rawValue)
        case .foreground: return (BodyMask.foreground(image.intensities), profile.region.rawValue)
        }
    }

    /// CT: clipped below at -1000 HU (padding outside the field of view is often -1024 or
    /// -2048). Other modalities: standardised within the region by its median and interquartile
    /// range, so that the features do not depend on the scanner's gain.
    static func prepared(_ image: IntensityImage, region: RegionMask, profile: ImagingProfile) -> IntensityImage {
        if profile.calibratedUnits {
            return IntensityImage(grid: image.grid, values: image.values.map { Swift.max($0, -1000) })
        }
        var inside: [Float] = []
        inside.reserveCapacity(region.voxelCount)
        for (value, flag) in zip(image.values, region.inside) where flag { inside.append(value) }
        inside.sort()
        func quantile(_ q: Double) -> Double {
            guard !inside.isEmpty else { return 0 }
            let position = q * Double(inside.count - 1)
            let lower = Int(position.rounded(.down))
            let upper = Swift.min(lower + 1, inside.count - 1)
            let fraction = position - Double(lower)
            return Double(inside[lower]) * (1 - fraction) + Double(inside[upper]) * fraction
        }
        let median = quantile(0.5)
        let spread = (quantile(0.75) - quantile(0.25)) / 1.349
        let scale = spread > 0 ? 1 / spread : 1
        return IntensityImage(
            grid: image.grid, values: image.values.map { Float((Double($0) - median) * scale) })
    }
}
