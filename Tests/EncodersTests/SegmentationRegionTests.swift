import DICOM
import Encoders
import Foundation
import TestSupport
import Testing

/// A DICOM Segmentation as the supplied region: written by pydicom (the pinned copy), read by
/// DCMTK, laid on the slices by position.
@Suite struct SegmentationRegionTests {
    /// Writes a SEG of the box over `slices` with pydicom; returns its path.
    func segmentation(
        over slices: [String], box: [Int], segment: Int = 1, positions: Bool = true, in folder: URL
    ) throws -> String {
        let out = folder.appendingPathComponent("seg-\(segment)-\(positions).dcm").path
        let script = Locations.repository.appendingPathComponent("Tests/EncodersTests/Support/make_segmentation.py")
        let outcome = try ChildProcess.run(
            "/usr/bin/env",
            ["python3", script.path, out] + slices + ["--box"] + box.map(String.init) + ["--segment", "\(segment)"]
                + (positions ? [] : ["--no-positions"]),
            environment: [
                "PYTHONPATH": Locations.repository.appendingPathComponent(".cache/pypi/pydicom-3.0.2").path
            ])
        try #require(outcome.status == 0, "\(outcome.standardError)")
        return out
    }

    @Test func theSegmentationIsLaidOnItsSlices() throws {
        let folder = try Locations.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let slices = try SyntheticSeries.ct(in: folder)
        // x 20..<30, y 25..<35 on slices 1...3: 300 voxels.
        let path = try segmentation(over: slices, box: [20, 30, 25, 35, 1, 4], segment: 2, in: folder)
        let seg = try DicomSegmentation(file: DicomFile(path: path))
        #expect(seg.frames.count == 3 && seg.segments == [2])
        #expect(seg.frames[0].inside.filter { $0 }.count == 100)
        // Files given in reverse order: placement is by position, not by order.
        let image = try MedicalImage(files: slices.reversed().map { try DicomFile(path: $0) })
        let region = try image.region(from: seg)
        #expect(region.voxelCount == 300)
        let grid = image.intensities.grid
        #expect(region.inside[grid.index(x: 20, y: 25, z: 1)] && region.inside[grid.index(x: 29, y: 34, z: 3)])
        #expect(!region.inside[grid.index(x: 20, y: 25, z: 0)] && !region.inside[grid.index(x: 30, y: 25, z: 1)])
        let encoding = try RadiomicsImageEncoder().encode(image.withRegion(region))
        #expect(encoding.regionSource == "supplied" && encoding.regionVoxels == 300)
        #expect(throws: ImageEncoderError.self) { try image.region(from: seg, segment: 5) }
    }

    @Test func framesWithoutPositionsNeedOnePerSlice() throws {
        let folder = try Locations.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let slices = try SyntheticSeries.ct(in: folder, count: 3)
        let image = try MedicalImage(files: slices.map { try DicomFile(path: $0) })
        let all = try segmentation(over: slices, box: [0, 4, 0, 4, 0, 3], positions: false, in: folder)
        #expect(try image.region(from: DicomSegmentation(file: DicomFile(path: all))).voxelCount == 48)
        let some = try segmentation(over: slices, box: [0, 4, 0, 4, 0, 2], segment: 3, positions: false, in: folder)
        #expect(throws: ImageEncoderError.self) {
            try image.region(from: DicomSegmentation(file: DicomFile(path: some)))
        }
    }

    @Test func theCommandLineUsesTheMask() throws {
        let folder = try Locations.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let series = folder.appendingPathComponent("series")
        try FileManager.default.createDirectory(at: series, withIntermediateDirectories: true)
        let slices = try SyntheticSeries.ct(in: series)
        let seg = try segmentation(over: slices, box: [20, 30, 25, 35, 1, 4], in: folder)
        let outcome = try ChildProcess.run(
            Locations.caseatlas, ["image", "features", "--json", "--mask", seg, series.path])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let object = try #require(
            JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        #expect(object["roiVoxels"] as? Int == 300)
        #expect(object["roiSource"] as? String == "supplied")
        // A segmentation of another series' geometry is refused with a reason.
        let other = folder.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try SyntheticSeries.ct(in: other, name: "far", positions: [100, 102.5, 105, 107.5, 110, 112.5])
        let refused = try ChildProcess.run(
            Locations.caseatlas, ["image", "features", "--json", "--mask", seg, other.path])
        #expect(refused.status == 1)
        #expect(refused.standardOutput.contains("lies on no slice"))
        // A non-segmentation object as --mask.
        let notSeg = try ChildProcess.run(
            Locations.caseatlas, ["image", "features", "--json", "--mask", slices[0], series.path])
        #expect(notSeg.status == 1)
        #expect(notSeg.standardOutput.contains("not a DICOM Segmentation"))
    }
}
