import ArgumentParser
import Foundation
import Vault
import VectorIndex

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Benchmarks (release builds; see docs/benchmarks.md).",
        subcommands: [BenchIndex.self, BenchSignal.self])
}

/// Vectors in the `.fvecs` layout: per vector an int32 dimension then that many float32 values.
enum FVecs {
    static func read(_ path: String, limit: Int = .max) throws -> [[Float]] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure(message: "\(path): cannot be read")
        }
        var vectors: [[Float]] = []
        var offset = 0
        try data.withUnsafeBytes { raw in
            while offset + 4 <= raw.count && vectors.count < limit {
                let dimension = Int(Int32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: Int32.self)))
                guard dimension > 0, dimension <= 65536, offset + 4 + dimension * 4 <= raw.count else {
                    throw CommandFailure(message: "\(path): malformed .fvecs data at byte \(offset)")
                }
                vectors.append(
                    (0..<dimension).map {
                        Float(
                            bitPattern: UInt32(
                                littleEndian: raw.loadUnaligned(fromByteOffset: offset + 4 + $0 * 4, as: UInt32.self)))
                    })
                offset += 4 + dimension * 4
            }
        }
        return vectors
    }
}

struct BenchIndex: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract:
            "Build an HNSW index from .fvecs data and report recall, queries/s, build time, memory and load times.")

    @Option(help: "Base vectors (.fvecs).") var base: String
    @Option(help: "Query vectors (.fvecs).") var queries: String
    @Option var k = 10
    @Option var m = 16
    @Option var efConstruction = 200
    @Option(help: "efSearch values, comma-separated.") var ef = "16,32,64,128,256"
    @Option(help: "Key-encryption key file (default: a temporary one).") var keyFile: String?
    @Option(help: "Use only the first N base vectors.") var limit: Int?
    @Flag var json = false

    func run() throws {
        let baseVectors = try FVecs.read(base, limit: limit ?? .max)
        let queryVectors = try FVecs.read(queries)
        guard let dimension = baseVectors.first?.count else { throw CommandFailure(message: "\(base): no vectors") }
        let efs = ef.split(separator: ",").compactMap { Int($0) }

        let index = try HNSWIndex(
            dimension: dimension, parameters: .init(m: m, efConstruction: efConstruction), fingerprint: "bench@1")
        progress("CaseAtlas: building \(baseVectors.count) vectors")
        let buildSeconds = try timed {
            for (id, vector) in baseVectors.enumerated() {
                try index.insert(id: UInt64(id), vector: vector, fingerprint: "bench@1")
            }
        }
        let peakMemoryMB = Self.peakResidentMB()
        progress(String(format: "CaseAtlas: built in %.1f s; exact ground truth", buildSeconds))
        var truth: [[HNSWIndex.Result]] = []
        let exactSeconds = timed { truth = queryVectors.map { index.exactSearch($0, k: k) } }

        progress("CaseAtlas: querying")
        var rows: [(ef: Int, recall: Double, qps: Double)] = []
        for efSearch in efs {
            var found: [[HNSWIndex.Result]] = []
            let seconds = try timed { found = try queryVectors.map { try index.search($0, k: k, ef: efSearch) } }
            let hits = zip(found, truth).map { Set($0.map(\.id)).intersection($1.map(\.id)).count }.reduce(0, +)
            rows.append((efSearch, Double(hits) / Double(truth.count * k), Double(queryVectors.count) / seconds))
        }
        let (sealedLoad, plainLoad, snapshotBytes) = try loadTimes(index)
        if json {
            let efRows = rows.map { "{\"ef\":\($0.ef),\"recall\":\($0.recall),\"qps\":\($0.qps)}" }.joined(
                separator: ",")
            print(
                "{\"vectors\":\(baseVectors.count),\"queries\":\(queryVectors.count),\"dimension\":\(dimension),"
                    + "\"m\":\(m),\"efConstruction\":\(efConstruction),\"buildSeconds\":\(buildSeconds),"
                    + "\"exactSecondsPerQuery\":\(exactSeconds / Double(queryVectors.count)),"
                    + "\"peakMemoryMB\":\(peakMemoryMB),\"snapshotBytes\":\(snapshotBytes),"
                    + "\"encryptedLoadSeconds\":\(sealedLoad),\"plainLoadSeconds\":\(plainLoad),\"ef\":[\(efRows)]}")
        } else {
            print(
                "vectors \(baseVectors.count) x \(dimension), queries \(queryVectors.count), M \(m), efConstruction \(efConstruction)"
            )
            print(String(format: "build %.2f s, peak memory %.0f MB", buildSeconds, peakMemoryMB))
            print(
                String(
                    format: "snapshot %.1f MB: encrypted load %.3f s, plain load %.3f s (ratio %.2f)",
                    Double(snapshotBytes) / 1e6, sealedLoad, plainLoad, sealedLoad / plainLoad))
            print(
                TextTable(
                    header: ["efSearch", "recall@\(k)", "queries/s (1 thread)"],
                    rows: rows.map {
                        [String($0.ef), String(format: "%.4f", $0.recall), String(format: "%.0f", $0.qps)]
                    }
                ).rendered)
        }
    }

    /// Loads of the same snapshot content, sealed and plain, each read from disk and decoded;
    /// medians of nine alternating rounds (single loads on this machine vary by 20% or more).
    private func loadTimes(_ index: HNSWIndex) throws -> (Double, Double, Int) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-" + UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let kek =
            try keyFile.map { try KeyEncryptionKey(keyFile: $0) } ?? KeyEncryptionKey.generate(at: folder + "/kek")
        let keyring = try Keyring.create(at: folder + "/keyring", kek: kek)
        let plain = IndexSnapshotBench.plainSnapshot(index)
        try FileIO.writeAtomically(plain, to: folder + "/plain")
        try SealedFile.write(plain, to: folder + "/sealed", keyring: keyring)
        var sealedTimes: [Double] = []
        var plainTimes: [Double] = []
        for _ in 0..<9 {
            sealedTimes.append(
                try timed { _ = try IndexSnapshotBench.load(path: folder + "/sealed", keyring: keyring) })
            plainTimes.append(try timed { _ = try IndexSnapshotBench.load(path: folder + "/plain", keyring: nil) })
        }
        return (sealedTimes.sorted()[4], plainTimes.sorted()[4], plain.count)
    }

    /// Progress on standard error (the results go to standard output), so a long run can be watched.
    private func progress(_ message: String) {
        FileHandle.standardError.write(
            Data((Date.now.formatted(.iso8601.time(includingFractionalSeconds: false)) + " " + message + "\n").utf8))
    }

    private func timed(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func peakResidentMB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}
