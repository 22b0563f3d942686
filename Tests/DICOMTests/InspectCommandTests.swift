import Foundation
import TestSupport
import Testing

/// `caseatlas dicom inspect`, run as a user would.
@Suite struct InspectCommandTests {
    func json(_ line: Substring) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func printsOneObjectPerFileAndFailsAfterTheRest() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let junk = folder.appendingPathComponent("junk.dcm").path
        try Data("junk".utf8).write(to: URL(fileURLWithPath: junk))
        let outcome = try ChildProcess.run(
            TestPaths.caseatlas,
            [
                "dicom", "inspect", "--json", TestPaths.pydicomFile("CT_small.dcm"), junk,
                TestPaths.pydicomFile("rtplan.dcm"),
            ])
        #expect(outcome.status == 1)
        let lines = outcome.standardOutput.split(separator: "\n")
        try #require(lines.count == 3)
        let ct = try json(lines[0])
        #expect(ct["modality"] as? String == "CT")
        #expect(ct["rows"] as? Int == 128 && ct["columns"] as? Int == 128)
        #expect(ct["transferSyntaxUID"] as? String == "1.2.840.10008.1.2.1")
        #expect(ct["bitsStored"] as? Int == 16 && ct["pixelRepresentation"] as? Int == 1)
        #expect(ct["rescaleSlope"] as? Double == 1)
        let pixels = try #require(ct["pixels"] as? [String: Double])
        #expect(pixels["min"] == -896 && pixels["max"] == 1167)
        let error = try json(lines[1])
        #expect(error["path"] as? String == junk)
        #expect((error["error"] as? String)?.isEmpty == false)
        let plan = try json(lines[2])
        #expect(plan["pixels"] == nil)
        #expect(plan["rescaleSlope"] is NSNull)
    }

    @Test func patientIdentifiersOnlyWithPHIFlag() throws {
        let path = TestPaths.pydicomFile("CT_small.dcm")
        let plain = try ChildProcess.run(TestPaths.caseatlas, ["dicom", "inspect", "--json", path])
        #expect(!plain.standardOutput.contains("CompressedSamples"))
        #expect(!plain.standardOutput.contains("1CT1"))
        let refused = try ChildProcess.run(
            TestPaths.caseatlas, ["dicom", "inspect", "--json", "--tag", "0010,0010", path])
        #expect(refused.status == 1)
        #expect(!refused.standardOutput.contains("CompressedSamples"))
        let withPHI = try ChildProcess.run(
            TestPaths.caseatlas, ["dicom", "inspect", "--json", "--phi", "--tag", "0010,0010", path])
        #expect(withPHI.status == 0)
        #expect(withPHI.standardOutput.contains("CompressedSamples^CT1"))
        let pixelSpacing = try ChildProcess.run(
            TestPaths.caseatlas, ["dicom", "inspect", "--json", "--tag", "0028,0030", path])
        #expect(pixelSpacing.standardOutput.contains("\"(0028,0030)\":\"0.661468\\\\0.661468\""))
    }

    @Test func readableTableWithoutJSON() throws {
        let outcome = try ChildProcess.run(
            TestPaths.caseatlas, ["dicom", "inspect", TestPaths.pydicomFile("MR_small_RLE.dcm")])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.contains("RLE Lossless"))
        #expect(outcome.standardOutput.contains("64x64x1"))
    }
}
