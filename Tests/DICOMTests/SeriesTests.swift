import DICOM
import Foundation
import Testing

@Suite struct SeriesTests {
    /// Writes slices in shuffled order with the given z positions; returns the opened files.
    func writeSeries(_ positions: [Double], name: String, folder: URL) throws -> [DicomFile] {
        try positions.enumerated().map { index, z in
            let path = folder.appendingPathComponent("\(name)-\(index).dcm").path
            try SampleImageWriter.makeFile(
                SampleImageWriter.ctSlice(size: 16, slice: Int(z)), name: "\(name)/\(index)", seriesName: name,
                position: [0, 0, z]
            ).write(to: path, transferSyntax: .explicitVRLittleEndian)
            return try DicomFile(path: path)
        }
    }

    @Test func slicesAreOrderedByPositionIntoAVolume() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try writeSeries([5, 0, 12.5, 2.5, 7.5, 10], name: "a", folder: folder)
        let series = try #require(DicomSeries.group(files).first)
        #expect(series.instances.map(\.location) == [0, 2.5, 5, 7.5, 10, 12.5])
        #expect(series.sliceGaps == [2.5, 2.5, 2.5, 2.5, 2.5])
        let volume = try DicomVolume(series: series) { path throws(DicomError) in try DicomFile(path: path) }
        #expect(volume.slices == 6 && volume.rows == 16 && volume.columns == 16)
        #expect(volume.spacing.slice == 2.5 && volume.spacing.row == 0.7 && volume.spacing.column == 0.7)
        // Slice 2 of the volume is the file at z = 5, whatever the order the files came in.
        let third = try DicomFile(path: folder.appendingPathComponent("a-0.dcm").path).decodeFrame(0)
        #expect(Array(volume.values[(2 * 256)..<(3 * 256)]) == third.values)
    }

    @Test func filesOfDifferentSeriesAreSeparatedAndGapsReported() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files =
            try writeSeries([0, 2.5, 7.5], name: "b", folder: folder) + writeSeries([1, 2], name: "c", folder: folder)
        let series = DicomSeries.group(files)
        #expect(series.count == 2)
        let withGap = try #require(series.first { $0.instances.count == 3 })
        #expect(withGap.sliceGaps == [2.5, 5])
    }

    @Test func multiFrameObjectsContributeEveryFrame() throws {
        let file = try DicomFile(path: TestPaths.pydicomFile("rtdose.dcm"))
        let series = try #require(DicomSeries.group([file]).first)
        let volume = try DicomVolume(series: series) { _ throws(DicomError) in file }
        #expect(volume.slices == 15)
    }
}
