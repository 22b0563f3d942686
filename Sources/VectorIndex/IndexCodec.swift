import Vault

/// The index's snapshot content (sealed by `Vault` before it reaches the disk) and its log records.
enum IndexCodec {
    static let magic = Array("CAVIDX01".utf8)

    struct Coverage: Equatable {
        /// The log whose first `records` records the snapshot already contains.
        var logID: [UInt8]
        var records: UInt64
    }

    static func encode(_ index: HNSWIndex, coverage: Coverage) -> [UInt8] {
        index.lock.reading {
            var writer = BinaryWriter()
            writer.bytes = magic
            writer.integer(UInt32(index.dimension))
            writer.integer(index.metric.rawValue)
            writer.integer(UInt32(index.parameters.m))
            writer.integer(UInt32(index.parameters.efConstruction))
            writer.integer(index.parameters.seed)
            writer.integer(index.random)
            writer.string(index.fingerprint)
            writer.bytes += coverage.logID
            writer.integer(coverage.records)
            writer.integer(UInt64(index.externalIDs.count))
            writer.integer(index.entryPoint)
            writer.integer(Int32(index.maxLevel))
            writer.array(index.externalIDs)
            writer.array(index.levels)
            writer.array(index.deleted.map { $0 ? UInt8(1) : 0 })
            index.vectors.withUnsafeBufferPointer { writer.array($0) }
            index.level0.withUnsafeBufferPointer { writer.array($0) }
            for block in index.upper { writer.array(block) }
            for attributes in index.attributes {
                writer.integer(UInt16(attributes.count))
                for (key, value) in attributes.sorted(by: { $0.key < $1.key }) {
                    writer.string(key)
                    writer.string(value)
                }
            }
            return writer.bytes
        }
    }

    /// Reads a snapshot from `input` to its end; the index is returned only once every byte has
    /// been read (for a sealed snapshot: once every frame has authenticated) and the graph verifies.
    static func decode(_ input: some ByteStream, source: String) throws(VectorIndexError) -> (HNSWIndex, Coverage) {
        var reader = BinaryReader(input, source: source)
        guard input.remaining >= magic.count, try reader.array(UInt8.self, count: magic.count) == magic else {
            throw VectorIndexError(.corrupt, "\(source): not a CaseAtlas vector index")
        }
        let dimension = Int(try reader.integer(UInt32.self))
        guard let metric = VectorMetric(rawValue: try reader.integer(UInt8.self)) else {
            throw VectorIndexError(.corrupt, "\(source): unknown metric")
        }
        let m = Int(try reader.integer(UInt32.self))
        let efConstruction = Int(try reader.integer(UInt32.self))
        let seed = try reader.integer(UInt64.self)
        let random = try reader.integer(UInt64.self)
        let fingerprint = try reader.string()
        let logID = try reader.array(UInt8.self, count: 16)
        let covered = try reader.integer(UInt64.self)
        let index = try HNSWIndex(
            dimension: dimension, metric: metric, parameters: .init(m: m, efConstruction: efConstruction, seed: seed),
            fingerprint: fingerprint)
        index.random = random
        let nodes = Int(try reader.integer(UInt64.self))
        guard nodes >= 0, nodes < 1 << 32 else { throw VectorIndexError(.corrupt, "\(source): invalid node count") }
        index.entryPoint = try reader.integer(Int32.self)
        index.maxLevel = Int(try reader.integer(Int32.self))
        index.externalIDs = try reader.array(UInt64.self, count: nodes)
        index.levels = try reader.array(UInt8.self, count: nodes)
        index.deleted = try reader.array(UInt8.self, count: nodes).map { $0 != 0 }
        index.vectors = try reader.hugePageBuffer(Float.self, count: nodes * dimension)
        index.level0 = try reader.hugePageBuffer(Int32.self, count: nodes * index.stride0)
        index.upper = []
        index.upper.reserveCapacity(nodes)
        for node in 0..<nodes {
            index.upper.append(try reader.array(Int32.self, count: Int(index.levels[node]) * index.strideUpper))
        }
        index.attributes = []
        index.attributes.reserveCapacity(nodes)
        for _ in 0..<nodes {
            var attributes: [String: String] = [:]
            for _ in 0..<Int(try reader.integer(UInt16.self)) {
                let key = try reader.string()
                attributes[key] = try reader.string()
            }
            index.attributes.append(attributes)
        }
        guard reader.isAtEnd else { throw VectorIndexError(.corrupt, "\(source): unexpected data after the index") }
        for node in 0..<nodes where !index.deleted[node] { index.nodeOfID[index.externalIDs[node]] = Int32(node) }
        try index.verify()
        return (index, Coverage(logID: logID, records: covered))
    }

    enum Change: Equatable {
        case insert(id: UInt64, vector: [Float], attributes: [String: String])
        case remove(id: UInt64)
    }

    static func encode(_ change: Change) -> [UInt8] {
        var writer = BinaryWriter()
        switch change {
        case let .insert(id, vector, attributes):
            writer.integer(UInt8(1))
            writer.integer(id)
            writer.integer(UInt16(attributes.count))
            for (key, value) in attributes.sorted(by: { $0.key < $1.key }) {
                writer.string(key)
                writer.string(value)
            }
            writer.integer(UInt32(vector.count))
            writer.array(vector)
        case let .remove(id):
            writer.integer(UInt8(2))
            writer.integer(id)
        }
        return writer.bytes
    }

    static func decodeChange(_ bytes: [UInt8], source: String) throws(VectorIndexError) -> Change {
        var reader = BinaryReader(MemoryStream(bytes, name: source), source: source)
        switch try reader.integer(UInt8.self) {
        case 1:
            let id = try reader.integer(UInt64.self)
            var attributes: [String: String] = [:]
            for _ in 0..<Int(try reader.integer(UInt16.self)) {
                let key = try reader.string()
                attributes[key] = try reader.string()
            }
            let vector = try reader.array(Float.self, count: Int(try reader.integer(UInt32.self)))
            return .insert(id: id, vector: vector, attributes: attributes)
        case 2:
            return .remove(id: try reader.integer(UInt64.self))
        default:
            throw VectorIndexError(.corrupt, "\(source): unknown log record type")
        }
    }
}

/// The snapshot encoding without the seal, for the benchmark's plain-versus-encrypted comparison.
public enum IndexSnapshotBench {
    public static func plainSnapshot(_ index: HNSWIndex) -> [UInt8] {
        IndexCodec.encode(index, coverage: .init(logID: [UInt8](repeating: 0, count: 16), records: 0))
    }

    /// Loads a snapshot written by `plainSnapshot` (plain) or sealed with `keyring`, through the
    /// same file reading and decoding.
    public static func load(path: String, keyring: Keyring?) throws -> HNSWIndex {
        let file = try FileStream(path: path)
        guard let keyring else { return try IndexCodec.decode(file, source: path).0 }
        return try IndexCodec.decode(SealedFileReader(file, keyring: keyring, path: path), source: path).0
    }
}
