import DICOM
import Foundation
import Testing

@Suite struct LimitsTests {
    @Test func framesLargerThanTheLimitAreRefusedBeforeAllocation() throws {
        let file = try DicomFile(path: TestPaths.pydicomFile("CT_small.dcm"))
        let error = #expect(throws: DicomError.self) {
            try file.decodeFrame(0, limits: DecodeLimits(maxFrameBytes: 1000))
        }
        #expect(error?.kind == .tooLarge)
        #expect(error?.reason.contains("limit") == true)
    }

    @Test func frameCountAboveTheLimitIsRefused() throws {
        let file = try DicomFile(path: TestPaths.pydicomFile("rtdose.dcm"))
        let error = #expect(throws: DicomError.self) { try file.decodeFrame(0, limits: DecodeLimits(maxFrames: 3)) }
        #expect(error?.kind == .tooLarge)
    }

    @Test func declaredGeometryLargerThanThePixelDataIsInconsistent() throws {
        let file = try DicomFile(path: TestPaths.pydicomFile("CT_small.dcm"))
        try file.dataset.set(.rows, to: UInt16(4096))
        let error = #expect(throws: DicomError.self) { try file.decodeFrame(0) }
        #expect(error?.kind == .inconsistent)
        #expect(error?.reason.contains("Pixel Data holds") == true)
    }

    @Test func frameIndexOutOfRange() throws {
        let file = try DicomFile(path: TestPaths.pydicomFile("CT_small.dcm"))
        #expect(throws: DicomError.self) { try file.decodeFrame(1) }
    }

    @Test func missingAndJunkFilesNameTheFile() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let junk = folder.appendingPathComponent("junk.dcm")
        try Data("this is not DICOM at all, just text".utf8).write(to: junk)
        let empty = folder.appendingPathComponent("empty.dcm")
        try Data().write(to: empty)
        for path in [junk.path, empty.path, folder.appendingPathComponent("absent.dcm").path, folder.path] {
            let error = #expect(throws: DicomError.self) { try DicomFile(path: path) }
            #expect(error?.source == path)
            #expect(error?.kind == .unreadable)
        }
        #expect(throws: DicomError.self) { try DicomFile(bytes: [UInt8](repeating: 0xFF, count: 300), name: "upload") }
    }
}
