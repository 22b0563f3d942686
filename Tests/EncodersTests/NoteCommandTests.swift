import Foundation
import TestSupport
import Testing

/// `caseatlas note inspect | embed | similarity`, run as a user would, with the real model.
@Suite struct NoteCommandTests {
    func write(_ text: String, _ name: String, in folder: URL) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func json(_ line: Substring) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func embedMatchesTheReference() throws {
        let folder = try Locations.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let items = MiniLMReference.shared.items.filter { ["A01", "A45"].contains($0.id) }
        let paths = try items.map { try write($0.text, $0.id + ".txt", in: folder) }
        let outcome = try ChildProcess.run(
            Locations.caseatlas,
            ["note", "embed", "--json", "--no-scrub", "--truncate", "--model", ModelPaths.miniLM] + paths)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let lines = outcome.standardOutput.split(separator: "\n")
        try #require(lines.count == items.count)
        for (line, item) in zip(lines, items) {
            let object = try json(line)
            #expect(object["tokenIds"] as? [Int] == item.input_ids)
            let embedding = try #require(object["embedding"] as? [Double])
            let cosine = zip(embedding, item.embedding).reduce(0) { $0 + $1.0 * $1.1 }
            #expect(cosine >= 0.9999)
        }
    }

    @Test func inspectScrubsAndReports() throws {
        let folder = try Locations.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let note = """
            Patient: Maria Gonzalez   MRN: 88412093
            HISTORY: 67-year-old woman seen on 03/14/2025 with chest pain.
            IMPRESSION: Parkinson disease, stable. Call 555-201-7733 with questions.
            """
        let path = try write(note, "note.txt", in: folder)
        let outcome = try ChildProcess.run(Locations.caseatlas, ["note", "inspect", "--json", "--show-scrubbed", path])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let object = try json(try #require(outcome.standardOutput.split(separator: "\n").first))
        #expect(object["embeddingDimensions"] as? Int == 384)
        #expect((object["sections"] as? [String])?.contains("impression") == true)
        let phi = try #require(object["phi"] as? [String: Int])
        #expect(phi["name"] ?? 0 >= 1 && phi["date"] ?? 0 >= 1 && phi["phone"] ?? 0 >= 1 && phi["identifier"] ?? 0 >= 1)
        let scrubbed = try #require(object["scrubbedText"] as? String)
        #expect(!scrubbed.contains("Gonzalez") && !scrubbed.contains("88412093") && !scrubbed.contains("555-201-7733"))
        #expect(scrubbed.contains("Parkinson disease"))
        #expect(!outcome.standardOutput.contains("Gonzalez"))
    }

    @Test func similarityRanksRelatedNotesHigher() throws {
        let folder = try Locations.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = try write("Crushing chest pain, troponin elevated, inferior ST elevation.", "a.txt", in: folder)
        let b = try write("Acute myocardial infarction with chest pain and raised troponin.", "b.txt", in: folder)
        let c = try write("Eczema of both hands, follow-up in dermatology clinic.", "c.txt", in: folder)
        func similarity(_ x: String, _ y: String) throws -> Double {
            let outcome = try ChildProcess.run(Locations.caseatlas, ["note", "similarity", x, y])
            return Double(outcome.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -2
        }
        #expect(try similarity(a, b) > similarity(a, c) + 0.2)
    }

    @Test func badNotesAndModelsFailWithOneLine() throws {
        let folder = try Locations.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = try write("", "empty.txt", in: folder)
        let junk = folder.appendingPathComponent("junk.bin").path
        try Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 37) }).write(to: URL(fileURLWithPath: junk))
        let good = try write("No acute findings.", "good.txt", in: folder)
        let outcome = try ChildProcess.run(Locations.caseatlas, ["note", "embed", "--json", empty, junk, good])
        #expect(outcome.status == 1)
        let lines = outcome.standardOutput.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].contains("\"error\"") && lines[0].contains("empty"))
        #expect(lines[1].contains("\"error\""))
        #expect(lines[2].contains("\"embedding\""))
        let missingModel = try ChildProcess.run(
            Locations.caseatlas, ["note", "embed", "--json", "--model", "/nonexistent", good])
        #expect(missingModel.status != 0)
        #expect(missingModel.standardError.contains("model folder does not exist"))
        #expect(missingModel.standardError.split(separator: "\n").count <= 2)
    }
}
