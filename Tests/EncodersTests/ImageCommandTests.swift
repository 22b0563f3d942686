import Foundation
import TestSupport
import Testing

/// `caseatlas image features`, run as a user would.
@Suite struct ImageCommandTests {
    func objects(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test func aFolderOfOneSeriesGivesItsFeatures() throws {
        let folder = try Locations.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try SyntheticSeries.ct(in: folder)
        let outcome = try ChildProcess.run(Locations.caseatlas, ["image", "features", "--json", folder.path])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let object = try #require(try objects(outcome.standardOutput).first)
        #expect(object["modality"] as? String == "CT")
        #expect(object["dimensions"] as? [Int] == [64, 64, 6])
        #expect(object["spacing"] as? [Double] == [0.7, 0.7, 2.5])
        #expect((object["roiVoxels"] as? Int ?? 0) > 10_000)
        let features = try #require(object["features"] as? [String: Any])
        #expect(features["morph.vol"] is Double)
        #expect(features["cm.joint.entr/3D:mrg"] is Double)
        #expect((object["embeddingDimensions"] as? Int ?? 0) > 50)
        #expect((object["fingerprint"] as? String)?.hasPrefix("caseatlas-image-radiomics@1") == true)
        #expect(object["series"] as? Int == 1)
        // Series and instance UIDs (2.25...) identify the study: never printed.
        #expect(!outcome.standardOutput.contains("2.25."))
    }

    @Test func badInputGivesAnErrorObjectAndStatus1() throws {
        let folder = try Locations.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("good")
        let mixed = folder.appendingPathComponent("mixed")
        for sub in [good, mixed] { try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true) }
        try SyntheticSeries.ct(in: good, count: 3)
        try SyntheticSeries.ct(in: mixed, name: "a", count: 2)
        try SyntheticSeries.ct(in: mixed, name: "b", count: 2)
        let truncated = folder.appendingPathComponent("truncated.dcm")
        let bytes = try Data(contentsOf: good.appendingPathComponent("ct-0.dcm"))
        try bytes.prefix(200).write(to: truncated)
        let plan = Locations.pydicomTestFile("rtplan.dcm")
        let outcome = try ChildProcess.run(
            Locations.caseatlas,
            ["image", "features", "--json", good.path, mixed.path, truncated.path, plan, "/no/such/file.dcm"])
        #expect(outcome.status == 1)
        let results = try objects(outcome.standardOutput)
        #expect(results.count == 5)
        let errors = results.compactMap { $0["error"] as? String }
        #expect(errors.count == 4)
        #expect(errors.contains { $0.contains("2 series") })
        #expect(errors.contains { $0.contains("not an image") })
        #expect(results.contains { ($0["path"] as? String) == good.path && $0["features"] != nil })
        // Error messages name the input, never patient data.
        #expect(!outcome.standardOutput.contains("SYNTHETIC^PATIENT"))
    }

    @Test func theTableIsReadable() throws {
        let folder = try Locations.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try SyntheticSeries.ct(in: folder, count: 3)
        let outcome = try ChildProcess.run(Locations.caseatlas, ["image", "features", folder.path])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("CT 64x64x3 at 0.70x0.70x2.50 mm"))
        #expect(outcome.standardOutput.contains("stat.mean"))
    }
}

/// The documented behaviours for irregular and oversized series, as the command line reports them.
@Suite struct ImageCommandIrregularInputTests {
    @Test func aMissingSliceIsANoteAndAnOversizedSeriesIsReduced() throws {
        let folder = try Locations.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try SyntheticSeries.ct(in: folder, positions: [0, 2.5, 5, 10, 12.5, 15])
        let outcome = try ChildProcess.run(
            Locations.caseatlas, ["image", "features", "--json", "--max-voxels", "10000", folder.path])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let object = try #require(
            JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        let notes = try #require(object["notes"] as? [String])
        #expect(notes.contains("1 slice(s) missing from the stack"))
        #expect(notes.contains { $0.hasPrefix("reduced to fit memory: 2x2 in-plane blocks") })
        #expect(object["dimensions"] as? [Int] == [32, 32, 6])
        #expect(object["spacing"] as? [Double] == [1.4, 1.4, 2.5])
        #expect((object["reduction"] as? [String: Int])?["inPlane"] == 2)
    }

    @Test func resamplingIsAnOption() throws {
        let folder = try Locations.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try SyntheticSeries.ct(in: folder)
        let plain = try ChildProcess.run(Locations.caseatlas, ["image", "features", "--json", folder.path])
        let resampled = try ChildProcess.run(
            Locations.caseatlas, ["image", "features", "--json", "--resample", "1,1,1", folder.path])
        #expect(plain.status == 0 && resampled.status == 0, "\(resampled.standardError)")
        func object(_ text: String) throws -> [String: Any] {
            try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        }
        let a = try object(plain.standardOutput)
        let b = try object(resampled.standardOutput)
        #expect((b["fingerprint"] as? String)?.contains("resample=1.0x1.0x1.0") == true)
        #expect(a["fingerprint"] as? String != b["fingerprint"] as? String)
        let volumeA = try #require((a["features"] as? [String: Any])?["morph.vol"] as? Double)
        let volumeB = try #require((b["features"] as? [String: Any])?["morph.vol"] as? Double)
        #expect(abs(volumeA - volumeB) / volumeA < 0.1)
        let bad = try ChildProcess.run(Locations.caseatlas, ["image", "features", "--resample", "1,0,1", folder.path])
        #expect(bad.status != 0)
        #expect(bad.standardError.contains("positive"))
    }
}
