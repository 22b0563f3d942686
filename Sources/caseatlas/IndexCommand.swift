import ArgumentParser
import Foundation
import Vault
import VectorIndex

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index", abstract: "The encrypted vector index of a store.",
        subcommands: [Stats.self, Verify.self, CrashWriter.self])

    static func open(_ folder: String, _ keys: KeyOptions) throws -> PersistentVectorIndex {
        let keyring = try StoreLayout.openKeyring(folder, keys)
        do {
            return try PersistentVectorIndex(folder: folder, keyring: keyring)
        } catch {
            throw CommandFailure(message: error.reason)
        }
    }

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Vectors, dimension, encoder and file sizes.")
        @Argument(help: "The store folder.") var folder: String
        @OptionGroup var keys: KeyOptions
        func run() throws {
            let store = try IndexCommand.open(folder, keys)
            let index = store.index
            print("vectors      \(index.count)")
            print("dimension    \(index.dimension)")
            print("metric       \(index.metric == .cosine ? "cosine" : "inner product")")
            print("encoder      \(index.fingerprint)")
            print("parameters   M=\(index.parameters.m) efConstruction=\(index.parameters.efConstruction)")
            for file in store.files { print(String(format: "%-12@ %d bytes (sealed)", file.name as NSString, file.bytes)) }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open every sealed file (authenticating each frame and log record) and check the graph.")
        @Argument(help: "The store folder.") var folder: String
        @OptionGroup var keys: KeyOptions
        func run() throws {
            let store = try IndexCommand.open(folder, keys)
            do { try store.index.verify() } catch { throw CommandFailure(message: "\(folder): \(error.reason)") }
            print("\(folder): OK (\(store.index.count) vectors; snapshot and log authenticated; graph consistent)")
        }
    }

    /// For the durability tests: inserts vectors from several threads until killed, printing
    /// "ack ID" after each insert returns (so only durable ids are printed).
    struct CrashWriter: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "crash-writer", shouldDisplay: false)
        @Argument var folder: String
        @OptionGroup var keys: KeyOptions
        @Option var start: UInt64 = 0
        @Option var threads = 4
        @Option var snapshotEvery = 300

        func run() throws {
            let keyring = try StoreLayout.openKeyring(folder, keys)
            let store: PersistentVectorIndex
            do {
                store =
                    FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent("index.snapshot"))
                    ? try PersistentVectorIndex(folder: folder, keyring: keyring)
                    : try PersistentVectorIndex.create(folder: folder, keyring: keyring, dimension: 8, fingerprint: "crash@1")
            } catch { throw CommandFailure(message: error.reason) }
            let output = NSLock()
            let counter = NSLock()
            nonisolated(unsafe) var next = start
            DispatchQueue.concurrentPerform(iterations: threads) { _ in
                while true {
                    let id: UInt64 = counter.withLock {
                        next += 1
                        return next
                    }
                    let vector = (0..<8).map { Float(sin(Double(id) * Double($0 + 1))) }
                    do {
                        try store.insert(id: id, vector: vector, attributes: ["n": String(id)], fingerprint: "crash@1")
                    } catch {
                        FileHandle.standardError.write(Data("insert failed: \(error)\n".utf8))
                        Foundation.exit(3)
                    }
                    output.withLock {
                        FileHandle.standardOutput.write(Data("ack \(id)\n".utf8))
                    }
                    if id % UInt64(snapshotEvery) == 0 { try? store.snapshot() }
                }
            }
        }
    }
}
