import Foundation
import TestSupport
import Testing
import Vault

@testable import VectorIndex

#if canImport(Glibc)
    import Glibc
#endif

/// An acknowledged insert survives SIGKILL at any instant: a child process inserts from several
/// threads and prints each id once its insert returned; it is killed at random moments; after each
/// restart every acknowledged id must be present and the index must verify.
@Suite struct DurabilityTests {
    /// Trials per run: 20 in `make test`, more with CASEATLAS_CRASH_TRIALS (`make crashtest`).
    static let trials = Int(ProcessInfo.processInfo.environment["CASEATLAS_CRASH_TRIALS"] ?? "") ?? 20

    @Test func acknowledgedInsertsSurviveKill() throws {
        let folder = try Locations.temporaryFolder("crash")
        defer { try? FileManager.default.removeItem(at: folder) }
        let keyFile = folder.appendingPathComponent("kek").path
        let store = folder.appendingPathComponent("store").path
        try FileManager.default.createDirectory(atPath: store, withIntermediateDirectories: true)
        let kek = try KeyEncryptionKey.generate(at: keyFile)
        let keyring = try Keyring.create(at: store + "/keyring.sealed", kek: kek)
        var acknowledged = Set<UInt64>()
        var nextStart: UInt64 = 0
        var generator = SystemRandomNumberGenerator()
        for trial in 0..<Self.trials {
            let output = folder.appendingPathComponent("acks-\(trial)")
            _ = FileManager.default.createFile(atPath: output.path, contents: nil)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Locations.caseatlas)
            process.arguments = [
                "index", "crash-writer", store, "--key-file", keyFile, "--start", String(nextStart), "--snapshot-every",
                "97",
            ]
            process.standardOutput = try FileHandle(forWritingTo: output)
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Let it run between 50 and 600 ms, then kill it without warning.
            usleep(UInt32.random(in: 50_000...600_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal, "trial \(trial): the writer stopped on its own")
            let lines = try String(contentsOf: output, encoding: .utf8).split(separator: "\n")
            for line in lines where line.hasPrefix("ack ") && line.count > 4 {
                if let id = UInt64(line.dropFirst(4)) { acknowledged.insert(id) }
            }
            let reopened = try PersistentVectorIndex(folder: store, keyring: keyring)
            try reopened.index.verify()
            let missing = acknowledged.filter { !reopened.index.contains($0) }
            #expect(
                missing.isEmpty, "trial \(trial): \(missing.count) acknowledged ids lost, e.g. \(missing.prefix(5))")
            nextStart = (acknowledged.max() ?? 0) + 1_000_000
        }
        #expect(acknowledged.count > Self.trials * 5, "the writer acknowledged too little to prove anything")
    }
}
