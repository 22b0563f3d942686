import DICOM
import Radiomics

/// What an image encoder sees: intensities on a grid in the modality's units, and where they
/// came from.
///
/// A volume (one file per slice, or a multi-frame object) has as many z-slices as frames; a
/// projection radiograph, an ultrasound frame or any single frame is a grid one slice deep.
public struct MedicalImage: Sendable {
    /// DICOM Modality (CT, MR, CR, DX, US, NM, PT, XC, OT, ...); "OT" when the file has none.
    public let modality: String
    public let intensities: IntensityImage
    /// A region supplied with the image (e.g. from a DICOM SEG object); nil for an automatic one.
    public let suppliedRegion: RegionMask?
    public let seriesInstanceUID: String?
    /// Whether colour pixels were converted to luminance.
    public let convertedFromColour: Bool
    /// Irregularities and reductions a reader of the features should know of.
    public let notes: [String]
    /// The in-plane and slice block sizes averaged to fit the memory budget; (1, 1) for none.
    public let reduction: (inPlane: Int, slices: Int)
    /// Where each slice lies along the slice normal, in millimetres, and that normal: what a
    /// supplied segmentation is matched against. Nil without per-slice positions.
    public let slicePlacement: (normal: SIMD3<Double>, locations: [Double])?

    public init(
        modality: String, intensities: IntensityImage, suppliedRegion: RegionMask? = nil,
        seriesInstanceUID: String? = nil, convertedFromColour: Bool = false, notes: [String] = [],
        reduction: (inPlane: Int, slices: Int) = (1, 1),
        slicePlacement: (normal: SIMD3<Double>, locations: [Double])? = nil
    ) {
        self.modality = modality
        self.intensities = intensities
        self.suppliedRegion = suppliedRegion
        self.seriesInstanceUID = seriesInstanceUID
        self.convertedFromColour = convertedFromColour
        self.notes = notes
        self.reduction = reduction
        self.slicePlacement = slicePlacement
    }

    /// The same image with `region` as its supplied region of interest.
    public func withRegion(_ region: RegionMask) -> MedicalImage {
        MedicalImage(
            modality: modality, intensities: intensities, suppliedRegion: region,
            seriesInstanceUID: seriesInstanceUID, convertedFromColour: convertedFromColour, notes: notes,
            reduction: reduction, slicePlacement: slicePlacement)
    }

    /// Whether the grid is a single slice (a 2-D image).
    public var isPlanar: Bool { intensities.grid.sizeZ == 1 }
}

extension MedicalImage {
    /// The series of `files` as one image. Fails unless the files hold exactly one image series.
    ///
    /// Voxel (x, y, z) is column x, row y of slice z, so the volume's memory layout is the
    /// grid's; spacing is (column, row, slice).
    public init(files: [DicomFile], voxelBudget: Int = DicomVolume.defaultVoxelBudget) throws(ImageEncoderError) {
        let series = DicomSeries.group(files)
        guard let only = series.first else {
            throw ImageEncoderError(.notAnImage, "no file holds an image (no rows, columns and pixel data)")
        }
        guard series.count == 1 else {
            throw ImageEncoderError(
                .notAnImage, "the files hold \(series.count) series; give the files of one series at a time")
        }
        let byPath = Dictionary(files.map { ($0.source, $0) }, uniquingKeysWith: { first, _ in first })
        let volume: DicomVolume
        do {
            volume = try DicomVolume(
                series: only,
                open: { path throws(DicomError) in
                    if let file = byPath[path] { return file }
                    return try DicomFile(path: path)
                }, voxelBudget: voxelBudget)
        } catch {
            throw ImageEncoderError(.unreadable, error.description)
        }
        var notes = volume.geometry.warnings
        if volume.reduction.inPlane > 1 || volume.reduction.slices > 1 {
            notes.append(
                "reduced to fit memory: \(volume.reduction.inPlane)x\(volume.reduction.inPlane) in-plane blocks, "
                    + "\(volume.reduction.slices) slice(s) per block")
        }
        if volume.invertedMonochrome1 { notes.append("MONOCHROME1 values negated so brighter is higher") }
        let grid = VoxelGrid(
            sizeX: volume.columns, sizeY: volume.rows, sizeZ: volume.slices,
            spacing: SIMD3(volume.spacing.column, volume.spacing.row, volume.spacing.slice))
        self.init(
            modality: only.modality ?? "OT", intensities: IntensityImage(grid: grid, values: volume.values),
            seriesInstanceUID: only.seriesInstanceUID, convertedFromColour: volume.convertedFromColour, notes: notes,
            reduction: volume.reduction, slicePlacement: Self.placement(of: only, slices: volume.slices))
    }

    /// Per-slice locations when every instance is one slice with a position and orientation.
    private static func placement(of series: DicomSeries, slices: Int) -> (
        normal: SIMD3<Double>, locations: [Double]
    )? {
        let locations = series.instances.compactMap(\.location)
        guard locations.count == series.instances.count, locations.count == slices,
            let normal = series.instances.first?.metadata.geometry?.sliceNormal
        else { return nil }
        return (normal, locations)
    }
}
