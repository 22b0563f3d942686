import DICOM
import Foundation
import Testing

/// What a series' geometry reports (tilt, missing slices, irregular spacing) and how a volume is
/// assembled from colour, MONOCHROME1 and oversized series.
@Suite struct VolumeAssemblyTests {
    /// Writes 16 x 16 CT slices at the given positions; returns the opened files.
    func slices(_ positions: [[Double]], name: String, folder: URL, photometric: String? = nil) throws -> [DicomFile] {
        try positions.enumerated().map { index, position in
            let path = folder.appendingPathComponent("\(name)-\(index).dcm").path
            let file = try SampleImageWriter.makeFile(
                SampleImageWriter.ctSlice(size: 16, slice: index), name: "\(name)/\(index)", seriesName: name,
                position: position)
            if let photometric { try file.dataset.set(.photometricInterpretation, to: photometric) }
            try file.write(to: path, transferSyntax: .explicitVRLittleEndian)
            return try DicomFile(path: path)
        }
    }

    func geometry(_ positions: [[Double]], _ name: String) throws -> SeriesGeometry {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let series = try #require(DicomSeries.group(try slices(positions, name: name, folder: folder)).first)
        return SeriesGeometry(series: series)
    }

    @Test func aRegularStackHasNoWarnings() throws {
        let report = try geometry((0..<5).map { [0, 0, Double($0) * 2.5] }, "regular")
        #expect(report.sliceSpacing == 2.5)
        #expect(report.tiltDegrees == 0)
        #expect(report.missingSlices == 0 && report.duplicatePositions == 0 && !report.irregularSpacing)
        #expect(report.warnings.isEmpty)
    }

    @Test func gantryTiltIsMeasured() throws {
        // Each slice moves 2.5 mm along z and 2.5 * tan(20 degrees) along y.
        let shift = 2.5 * tan(20 * Double.pi / 180)
        let report = try geometry((0..<4).map { [0, Double($0) * shift, Double($0) * 2.5] }, "tilted")
        #expect(abs((report.tiltDegrees ?? 0) - 20) < 0.01)
        #expect(report.warnings.contains { $0.contains("tilted by 20.00 degrees") })
    }

    @Test func missingSlicesAndIrregularSpacingAreReported() throws {
        let missing = try geometry([0, 2.5, 5, 12.5, 15].map { [0, 0, $0] }, "missing")
        #expect(missing.sliceSpacing == 2.5)
        #expect(missing.missingSlices == 2)
        #expect(!missing.irregularSpacing)
        let irregular = try geometry([0, 2.5, 5.3, 7.5, 10].map { [0, 0, $0] }, "irregular")
        #expect(irregular.missingSlices == 0 && irregular.irregularSpacing)
        let duplicated = try geometry([0, 2.5, 2.5, 5].map { [0, 0, $0] }, "duplicate")
        #expect(duplicated.duplicatePositions == 1)
    }

    @Test func anOversizedSeriesIsReducedWhileRead() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try slices((0..<4).map { [0, 0, Double($0) * 2.5] }, name: "big", folder: folder)
        let series = try #require(DicomSeries.group(files).first)
        let open: (String) throws(DicomError) -> DicomFile = { path throws(DicomError) in try DicomFile(path: path) }
        let full = try DicomVolume(series: series, open: open)
        // 16 x 16 x 4 = 1024 voxels; a budget of 300 needs 2 x 2 blocks (8 x 8 x 4 = 256).
        let reduced = try DicomVolume(series: series, open: open, voxelBudget: 300)
        #expect(reduced.reduction.inPlane == 2 && reduced.reduction.slices == 1)
        #expect(reduced.rows == 8 && reduced.columns == 8 && reduced.slices == 4)
        #expect(reduced.spacing.row == 1.4 && reduced.spacing.column == 1.4 && reduced.spacing.slice == 2.5)
        // Each value is the mean of its 2 x 2 block.
        let expected = (full.values[0] + full.values[1] + full.values[16] + full.values[17]) / 4
        #expect(abs(reduced.values[0] - expected) < 1e-3)
        // 16 x 16 shrinks in-plane only to 8 x 8 (half its side), so a tiny budget also merges slices.
        let tiny = try DicomVolume(series: series, open: open, voxelBudget: 100)
        #expect(tiny.reduction.inPlane == 2 && tiny.reduction.slices == 4)
        #expect(tiny.rows * tiny.columns * tiny.slices == 64)
    }

    @Test func colourBecomesLuminanceAndMonochrome1IsNegated() throws {
        let colour = try DicomFile(path: TestPaths.pydicomFile("SC_rgb_dcmtk_+eb+cr.dcm"))
        let series = try #require(DicomSeries.group([colour]).first)
        let volume = try DicomVolume(series: series) { _ throws(DicomError) in colour }
        let rgb = try colour.decodeFrame(0).values
        #expect(volume.convertedFromColour)
        #expect(volume.values.count == rgb.count / 3)
        for pixel in [0, 17, volume.values.count - 1] {
            let luminance = 0.299 * rgb[3 * pixel] + 0.587 * rgb[3 * pixel + 1] + 0.114 * rgb[3 * pixel + 2]
            #expect(abs(volume.values[pixel] - luminance) < 1e-3)
        }

        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inverted = try slices([[0, 0, 0]], name: "mono1", folder: folder, photometric: "MONOCHROME1")
        let plain = try slices([[0, 0, 0]], name: "mono2", folder: folder)
        let invertedVolume = try DicomVolume(series: DicomSeries.group(inverted)[0]) { _ throws(DicomError) in
            inverted[0]
        }
        let plainVolume = try DicomVolume(series: DicomSeries.group(plain)[0]) { _ throws(DicomError) in plain[0] }
        #expect(invertedVolume.invertedMonochrome1)
        #expect(invertedVolume.values == plainVolume.values.map { -$0 })
    }

    @Test func paletteColourIsRefusedWithAReason() throws {
        let file = try DicomFile(path: TestPaths.pydicomFile("examples_palette.dcm"))
        let series = try #require(DicomSeries.group([file]).first)
        #expect(throws: DicomError.self) { try DicomVolume(series: series) { _ throws(DicomError) in file } }
    }
}
