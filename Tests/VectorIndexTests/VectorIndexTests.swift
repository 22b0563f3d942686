import Foundation
import Testing
import Vault

@testable import VectorIndex

/// Clustered synthetic vectors, deterministic.
func clusteredVectors(count: Int, dimension: Int, clusters: Int = 20, seed: UInt64 = 7) -> [[Float]] {
    var state = seed
    func next() -> Float {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Float(Int64(bitPattern: state) >> 11) / Float(1 << 52)
    }
    let centres = (0..<clusters).map { _ in (0..<dimension).map { _ in next() } }
    return (0..<count).map { index in centres[index % clusters].map { $0 + 0.25 * next() } }
}

func recall(_ found: [HNSWIndex.Result], _ truth: [HNSWIndex.Result]) -> Double {
    guard !truth.isEmpty else { return 1 }
    return Double(Set(found.map(\.id)).intersection(truth.map(\.id)).count) / Double(truth.count)
}

@Suite struct HNSWIndexTests {
    static let dimension = 32
    /// Queries come from the same clusters as the data but are not in it, like a new case among
    /// similar past cases.
    static let all = clusteredVectors(count: 4050, dimension: dimension)
    static let data = Array(all.prefix(4000))
    static let queries = Array(all.suffix(50))

    func build(_ count: Int = 4000, attributes: (Int) -> [String: String] = { _ in [:] }) throws -> HNSWIndex {
        let index = try HNSWIndex(
            dimension: Self.dimension, parameters: .init(m: 12, efConstruction: 100), fingerprint: "test@1")
        for (id, vector) in Self.data.prefix(count).enumerated() {
            try index.insert(id: UInt64(id), vector: vector, attributes: attributes(id), fingerprint: "test@1")
        }
        return index
    }

    @Test func recallAgainstExactSearch() throws {
        let index = try build()
        try index.verify()
        var total = 0.0
        for query in Self.queries {
            total += recall(try index.search(query, k: 10, ef: 64), index.exactSearch(query, k: 10))
        }
        #expect(total / Double(Self.queries.count) >= 0.95)
        // The nearest neighbour of a stored vector is itself, with similarity 1.
        let first = try index.search(Self.data[123], k: 1)
        #expect(first.first?.id == 123 && abs((first.first?.score ?? 0) - 1) < 1e-5)
    }

    /// A damaged link count must be reported before any link is read past its record.
    @Test func verifyRefusesImpossibleLinkCounts() throws {
        let index = try build(300)
        try index.verify()
        for count: Int32 in [1_000_000, -3, 25] {
            index.writingLinks(of: 5, layer: 0) { $0[0] = count }
            let error = #expect(throws: VectorIndexError.self) { try index.verify() }
            #expect(error?.description.contains("invalid link count") == true)
        }
    }

    @Test func deletesAndUpdates() throws {
        let index = try build(1000)
        #expect(index.remove(id: 5))
        #expect(!index.remove(id: 5))
        #expect(try index.search(Self.data[5], k: 5).allSatisfy { $0.id != 5 })
        #expect(index.exactSearch(Self.data[5], k: 5).allSatisfy { $0.id != 5 })
        // Updating id 7 to the vector of 900 moves it.
        try index.insert(id: 7, vector: Self.data[900], fingerprint: "test@1")
        #expect(index.count == 999)
        let near900 = try index.search(Self.data[900], k: 2).map(\.id)
        #expect(Set(near900) == [7, 900])
        try index.verify()
    }

    @Test func filteredSearchHoldsRecallAtLowSelectivity() throws {
        let index = try build { id in ["modality": id % 100 == 0 ? "MR" : "CT", "half": id % 2 == 0 ? "even" : "odd"] }
        for (name, filter) in [
            ("1%", { (_: UInt64, attributes: [String: String]) in attributes["modality"] == "MR" }),
            ("50%", { (_: UInt64, attributes: [String: String]) in attributes["half"] == "even" }),
        ] {
            var total = 0.0
            for query in Self.queries {
                let found = try index.search(query, k: 10, ef: 64, filter: filter)
                #expect(found.allSatisfy { filter($0.id, index.attributes(of: $0.id) ?? [:]) }, "\(name)")
                total += recall(found, index.exactSearch(query, k: 10, filter: filter))
            }
            #expect(total / Double(Self.queries.count) >= 0.95, "filter \(name)")
        }
    }

    @Test func refusesOtherEncodersAndDimensions() throws {
        let index = try build(10)
        let wrongEncoder = #expect(throws: VectorIndexError.self) {
            try index.insert(id: 1, vector: Self.data[0], fingerprint: "other@2")
        }
        #expect(wrongEncoder?.kind == .mismatch && wrongEncoder?.reason.contains("re-encode") == true)
        let wrongDimension = #expect(throws: VectorIndexError.self) {
            try index.insert(id: 1, vector: [1, 2, 3], fingerprint: "test@1")
        }
        #expect(wrongDimension?.reason.contains("32-dimensional") == true)
        #expect(throws: VectorIndexError.self) { try index.search([1, 2], k: 3) }
    }

    @Test func searchesRunWhileInsertsHappen() async throws {
        let index = try build(2000)
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for (offset, vector) in Self.data[2000..<3000].enumerated() {
                    try? index.insert(id: UInt64(2000 + offset), vector: vector, fingerprint: "test@1")
                }
            }
            for worker in 0..<3 {
                group.addTask {
                    for query in Self.queries { _ = try? index.search(query, k: 5, ef: 32 + worker) }
                }
            }
        }
        #expect(index.count == 3000)
        try index.verify()
    }
}

@Suite struct PersistentIndexTests {
    func setUp() throws -> (String, Keyring) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("index-" + UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let kek = try KeyEncryptionKey.generate(at: folder + "/kek")
        return (folder, try Keyring.create(at: folder + "/keyring", kek: kek))
    }

    @Test func survivesReopenThroughSnapshotAndLog() throws {
        let (folder, keyring) = try setUp()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let data = clusteredVectors(count: 600, dimension: 16)
        let index = try PersistentVectorIndex.create(
            folder: folder + "/idx", keyring: keyring, dimension: 16, fingerprint: "enc@1")
        for id in 0..<300 {
            try index.insert(id: UInt64(id), vector: data[id], attributes: ["n": "\(id)"], fingerprint: "enc@1")
        }
        try index.snapshot()
        for id in 300..<600 { try index.insert(id: UInt64(id), vector: data[id], fingerprint: "enc@1") }
        try index.remove(id: 42)
        let expected = try index.search(data[10], k: 10)
        let reopened = try PersistentVectorIndex(folder: folder + "/idx", keyring: keyring)
        #expect(reopened.index.count == 599)
        #expect(try reopened.search(data[10], k: 10) == expected)
        #expect(reopened.index.attributes(of: 7) == ["n": "7"])
        #expect(!reopened.index.contains(42))
        try reopened.index.verify()
    }

    @Test func nothingInClearOnDisk() throws {
        let (folder, keyring) = try setUp()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let vector = (0..<16).map { Float($0) * 0.125 + 0.5 }
        let index = try PersistentVectorIndex.create(
            folder: folder + "/idx", keyring: keyring, dimension: 16, fingerprint: "enc@1")
        try index.insert(id: 1, vector: vector, attributes: ["patient": "PSEUDONYM-SECRET-77"], fingerprint: "enc@1")
        let normalised = VectorMath.normalized(vector)
        func scan() throws {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder + "/idx") {
                let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/idx/" + name))
                #expect(data.range(of: Data("PSEUDONYM-SECRET-77".utf8)) == nil, "\(name) holds an attribute in clear")
                #expect(data.range(of: Data("enc@1".utf8)) == nil, "\(name) holds the fingerprint in clear")
                for candidate in [vector, normalised] {
                    let bytes = candidate.prefix(4).withUnsafeBytes { Data($0) }
                    #expect(data.range(of: bytes) == nil, "\(name) holds vector bytes in clear")
                }
            }
        }
        try scan()  // in the log
        try index.snapshot()
        try scan()  // in the snapshot
    }

    @Test func tamperingIsDetectedAndNamesTheFile() throws {
        let (folder, keyring) = try setUp()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let data = clusteredVectors(count: 50, dimension: 8)
        for name in ["a", "b"] {
            let index = try PersistentVectorIndex.create(
                folder: folder + "/" + name, keyring: keyring, dimension: 8, fingerprint: "e")
            for id in 0..<25 { try index.insert(id: UInt64(id), vector: data[id], fingerprint: "e") }
            try index.snapshot()
            for id in 25..<50 { try index.insert(id: UInt64(id), vector: data[id], fingerprint: "e") }
        }
        let snapshot = folder + "/a/index.snapshot"
        let original = try Data(contentsOf: URL(fileURLWithPath: snapshot))
        for offset in [0, 20, original.count / 2, original.count - 1] {
            var mutant = original
            mutant[offset] ^= 0x10
            try mutant.write(to: URL(fileURLWithPath: snapshot))
            let error = #expect(throws: VectorIndexError.self) {
                try PersistentVectorIndex(folder: folder + "/a", keyring: keyring)
            }
            #expect(error?.reason.contains("index.snapshot") == true)
        }
        try original.prefix(original.count - 40).write(to: URL(fileURLWithPath: snapshot))
        #expect(throws: VectorIndexError.self) { try PersistentVectorIndex(folder: folder + "/a", keyring: keyring) }
        // Files swapped between two indexes: the log does not belong to the snapshot.
        try original.write(to: URL(fileURLWithPath: snapshot))
        try FileManager.default.removeItem(atPath: folder + "/a/index.snapshot")
        try FileManager.default.copyItem(atPath: folder + "/b/index.snapshot", toPath: folder + "/a/index.snapshot")
        let swapped = try PersistentVectorIndex(folder: folder + "/a", keyring: keyring)
        // b's snapshot with a's log: a's log is not b's, so its records are replayed on top; ids agree here,
        // but a log whose records fail authentication is refused:
        #expect(swapped.index.count == 50)
        var log = try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/b/index.wal")))
        log[log.count / 2] ^= 1
        try Data(log).write(to: URL(fileURLWithPath: folder + "/b/index.wal"))
        let logError = #expect(throws: VectorIndexError.self) {
            try PersistentVectorIndex(folder: folder + "/b", keyring: keyring)
        }
        #expect(logError?.reason.contains("index.wal") == true)
    }
}
