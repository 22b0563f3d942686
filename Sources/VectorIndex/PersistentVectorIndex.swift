import Foundation
import Vault

/// An HNSW index whose every change is durable and whose files are all sealed.
///
/// Folder layout: `index.snapshot` (a sealed snapshot of the whole graph) and `index.wal` (a sealed
/// write-ahead log of the changes since). A change is appended to the log and fsynced (group
/// commit) before it is applied and acknowledged, so an acknowledged change survives `kill -9` at
/// any instant. Changes are applied in log order even when many threads write at once.
public final class PersistentVectorIndex: @unchecked Sendable {
    public let folder: String
    public let index: HNSWIndex
    private let keyring: Keyring
    private var log: WriteAheadLog
    /// Shared by writers, exclusive for a snapshot (which replaces the log).
    private let gate = ReadWriteLock()
    private let order = NSCondition()
    private var nextToApply: UInt64 = 0

    static let snapshotName = "index.snapshot"
    static let logName = "index.wal"

    var snapshotPath: String { (folder as NSString).appendingPathComponent(Self.snapshotName) }
    var logPath: String { (folder as NSString).appendingPathComponent(Self.logName) }

    /// Creates an empty index in `folder` (which must not hold one).
    public static func create(
        folder: String, keyring: Keyring, dimension: Int, metric: VectorMetric = .cosine,
        parameters: HNSWIndex.Parameters = .init(), fingerprint: String
    ) throws(VectorIndexError) -> PersistentVectorIndex {
        let snapshot = (folder as NSString).appendingPathComponent(snapshotName)
        guard !FileManager.default.fileExists(atPath: snapshot) else {
            throw VectorIndexError(.badArgument, "\(folder) already holds an index")
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw VectorIndexError(.storage, "\(folder): cannot create the folder")
        }
        let index = try HNSWIndex(
            dimension: dimension, metric: metric, parameters: parameters, fingerprint: fingerprint)
        let logPath = (folder as NSString).appendingPathComponent(logName)
        try storage { () throws(VaultError) in
            try? FileManager.default.removeItem(atPath: logPath)
            let log = try WriteAheadLog(path: logPath, keyring: keyring)
            try SealedFile.write(
                IndexCodec.encode(index, coverage: .init(logID: log.identifier, records: 0)), to: snapshot,
                keyring: keyring)
        }
        return try PersistentVectorIndex(folder: folder, keyring: keyring)
    }

    /// Opens an index: the snapshot, then the log's changes since it. Any tampering is an error
    /// naming the file.
    public init(folder: String, keyring: Keyring) throws(VectorIndexError) {
        self.folder = folder
        self.keyring = keyring
        let snapshotPath = (folder as NSString).appendingPathComponent(Self.snapshotName)
        let logPath = (folder as NSString).appendingPathComponent(Self.logName)
        let snapshot = try Self.storage { () throws(VaultError) in
            try SealedFileReader(FileStream(path: snapshotPath), keyring: keyring, path: snapshotPath)
        }
        let (index, coverage) = try IndexCodec.decode(snapshot, source: snapshotPath)
        let log = try Self.storage { () throws(VaultError) in try WriteAheadLog(path: logPath, keyring: keyring) }
        let skip = log.identifier == coverage.logID ? Int(coverage.records) : 0
        for record in log.recovered.dropFirst(skip) {
            try Self.apply(IndexCodec.decodeChange(record, source: logPath), to: index)
        }
        self.index = index
        self.log = log
        nextToApply = UInt64(log.recovered.count)
    }

    static func storage<T>(_ body: () throws(VaultError) -> T) throws(VectorIndexError) -> T {
        do {
            return try body()
        } catch {
            throw VectorIndexError(.storage, error.description)
        }
    }

    static func apply(_ change: IndexCodec.Change, to index: HNSWIndex) throws(VectorIndexError) {
        switch change {
        case let .insert(id, vector, attributes):
            try index.insert(id: id, vector: vector, attributes: attributes, fingerprint: index.fingerprint)
        case let .remove(id):
            index.remove(id: id)
        }
    }

    /// Inserts or replaces `id`; returns once the change is durable and visible to searches.
    public func insert(id: UInt64, vector: [Float], attributes: [String: String] = [:], fingerprint: String)
        throws(VectorIndexError)
    {
        try index.check(vector, fingerprint: fingerprint)
        try commit(.insert(id: id, vector: vector, attributes: attributes))
    }

    public func remove(id: UInt64) throws(VectorIndexError) {
        try commit(.remove(id: id))
    }

    private func commit(_ change: IndexCodec.Change) throws(VectorIndexError) {
        try gate.reading { () throws(VectorIndexError) in
            let sequence = try Self.storage { () throws(VaultError) in try log.append(IndexCodec.encode(change)) }
            // Apply in log order, so memory always equals a replay of the log.
            order.lock()
            while nextToApply != sequence { order.wait() }
            order.unlock()
            defer {
                order.lock()
                nextToApply += 1
                order.broadcast()
                order.unlock()
            }
            try Self.apply(change, to: index)
        }
    }

    /// Writes a new sealed snapshot (atomically) and starts a new, empty log.
    public func snapshot() throws(VectorIndexError) {
        try gate.writing { () throws(VectorIndexError) in
            let coverage = IndexCodec.Coverage(logID: log.identifier, records: nextToApply)
            try Self.storage { () throws(VaultError) in
                try SealedFile.write(IndexCodec.encode(index, coverage: coverage), to: snapshotPath, keyring: keyring)
                try WriteAheadLog.reset(path: logPath, keyring: keyring)
                log = try WriteAheadLog(path: logPath, keyring: keyring)
            }
            nextToApply = 0
        }
    }

    public func search(_ query: [Float], k: Int, ef: Int = 64, filter: ((UInt64, [String: String]) -> Bool)? = nil)
        throws(VectorIndexError) -> [HNSWIndex.Result]
    {
        try index.search(query, k: k, ef: ef, filter: filter)
    }

    /// Files and sizes, for `caseatlas index stats`.
    public var files: [(name: String, bytes: Int)] {
        [Self.snapshotName, Self.logName].map { name in
            let path = (folder as NSString).appendingPathComponent(name)
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            return (name, size)
        }
    }
}
