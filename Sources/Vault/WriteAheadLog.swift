import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// An append-only log of sealed records; `append` returns only after its record is on disk.
///
/// Format (docs/formats.md): a header (magic, data key id, random log id), then records of
/// `"REC1" | length | nonce | ciphertext | tag`, where each record's associated data binds the log id
/// and the record's sequence number. Concurrent appends share one write and one fsync (group
/// commit): the first waiting writer becomes the leader and flushes everyone's records.
///
/// Recovery reads records until the first one that is incomplete or fails authentication. If no
/// valid record follows it, that is a torn tail from a crash and it is cut off; if a valid record
/// does follow, the log was altered and replay fails. (Removing the newest records is
/// indistinguishable from a crash before they were written.)
public final class WriteAheadLog: @unchecked Sendable {
    public let path: String
    private let keyring: Keyring
    private let descriptor: Int32
    private let keyID: UInt32
    private let key: SymmetricKey
    private let logID: [UInt8]

    /// The log's random id: a snapshot records which log (and how much of it) it already contains.
    public var identifier: [UInt8] { logID }

    private let condition = NSCondition()
    private var pending: [[UInt8]] = []
    private var nextSequence: UInt64
    private var flushing = false
    /// Every record with a lower sequence number is on disk.
    private var durable: UInt64
    /// Set when a write or fsync failed: the log's state on disk is unknown, so nothing more is acknowledged.
    private var failure: VaultError?

    static let magic = Array("CAWALOG1".utf8)
    static let headerSize = 8 + 4 + 16
    static let recordMarker = Array("REC1".utf8)
    public static let maxRecordBytes = 64 << 20

    /// The records found by `open`, in order, and whether a torn tail was cut off.
    public private(set) var recovered: [[UInt8]] = []
    public private(set) var cutTornTail = false

    /// Opens (creating when missing) a log and recovers its records.
    public init(path: String, keyring: Keyring) throws(VaultError) {
        self.path = path
        self.keyring = keyring
        if !FileManager.default.fileExists(atPath: path) {
            let (id, _) = keyring.activeKey
            try FileIO.writeAtomically(Self.magic + le(id) + (0..<16).map { _ in UInt8.random(in: 0...255) }, to: path)
        }
        let bytes = try FileIO.read(path)
        guard bytes.count >= Self.headerSize, Array(bytes.prefix(8)) == Self.magic else {
            throw VaultError(.badFormat, path, "is not a CaseAtlas write-ahead log")
        }
        keyID = readLE(bytes, 8, as: UInt32.self)
        key = try keyring.key(id: keyID, for: path)
        logID = Array(bytes[12..<28])
        let (records, validEnd) = try Self.recover(bytes, key: key, logID: logID, path: path)
        recovered = records
        nextSequence = UInt64(records.count)
        durable = nextSequence
        descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw VaultError(.io, path, "cannot open for appending: \(FileIO.errnoText())") }
        if validEnd < bytes.count {
            cutTornTail = true
            guard ftruncate(descriptor, off_t(validEnd)) == 0, fsync(descriptor) == 0 else {
                close(descriptor)
                throw VaultError(.io, path, "cannot cut the torn tail: \(FileIO.errnoText())")
            }
        }
        lseek(descriptor, off_t(validEnd), SEEK_SET)
    }

    deinit { close(descriptor) }

    /// Appends one record and returns its sequence number once it is durable (written and fsynced).
    @discardableResult
    public func append(_ record: [UInt8]) throws(VaultError) -> UInt64 {
        guard record.count <= Self.maxRecordBytes else {
            throw VaultError(.io, path, "a log record of \(record.count) bytes exceeds the limit")
        }
        condition.lock()
        defer { condition.unlock() }
        if let failure { throw failure }
        let sequence = nextSequence
        nextSequence += 1
        pending.append(seal(record, sequence: sequence))
        while durable <= sequence {
            if let failure { throw failure }
            if flushing {
                condition.wait()
                continue
            }
            // Lead: write every pending record in one go and fsync once for all of them.
            flushing = true
            let batch = pending.flatMap { $0 }
            let through = nextSequence
            pending = []
            condition.unlock()
            var error: VaultError?
            do {
                try FileIO.writeAll(descriptor, batch, path: path)
                if fsync(descriptor) != 0 { error = VaultError(.io, path, "fsync failed: \(FileIO.errnoText())") }
            } catch let writeError {
                error = writeError
            }
            condition.lock()
            flushing = false
            if let error { failure = error } else { durable = through }
            condition.broadcast()
        }
        return sequence
    }

    private func seal(_ record: [UInt8], sequence: UInt64) -> [UInt8] {
        let box = try! AES.GCM.seal(record, using: key, authenticating: logID + le(sequence))
        return Self.recordMarker + le(UInt32(record.count)) + box.nonce.withUnsafeBytes { [UInt8]($0) } + box.ciphertext
            + box.tag
    }

    /// Replaces the log by an empty one (after a snapshot has made its records redundant).
    public static func reset(path: String, keyring: Keyring) throws(VaultError) {
        let (id, _) = keyring.activeKey
        try FileIO.writeAtomically(magic + le(id) + (0..<16).map { _ in UInt8.random(in: 0...255) }, to: path)
    }

    static func recover(_ bytes: [UInt8], key: SymmetricKey, logID: [UInt8], path: String) throws(VaultError) -> (
        [[UInt8]], Int
    ) {
        var records: [[UInt8]] = []
        var offset = headerSize
        while offset < bytes.count {
            if let (record, end) = openRecord(bytes, at: offset, sequence: UInt64(records.count), key: key, logID: logID) {
                records.append(record)
                offset = end
                continue
            }
            // The first bad record: a torn tail unless a later record still authenticates.
            var probe = offset + 1
            while let found = find(recordMarker, in: bytes, from: probe) {
                for ahead in 1...4 {
                    if openRecord(bytes, at: found, sequence: UInt64(records.count + ahead), key: key, logID: logID) != nil {
                        throw VaultError(
                            .tampered, path,
                            "record \(records.count) failed authentication but later records are intact: the log was altered")
                    }
                }
                probe = found + 1
            }
            return (records, offset)
        }
        return (records, offset)
    }

    static func openRecord(_ bytes: [UInt8], at offset: Int, sequence: UInt64, key: SymmetricKey, logID: [UInt8]) -> (
        [UInt8], Int
    )? {
        guard offset + 4 + 4 + 12 + 16 <= bytes.count, Array(bytes[offset..<(offset + 4)]) == recordMarker else {
            return nil
        }
        let length = Int(readLE(bytes, offset + 4, as: UInt32.self))
        let nonceStart = offset + 8
        let cipherStart = nonceStart + 12
        let tagStart = cipherStart + length
        guard length <= maxRecordBytes, tagStart + 16 <= bytes.count else { return nil }
        guard let nonce = try? AES.GCM.Nonce(data: bytes[nonceStart..<cipherStart]),
            let box = try? AES.GCM.SealedBox(
                nonce: nonce, ciphertext: bytes[cipherStart..<tagStart], tag: bytes[tagStart..<(tagStart + 16)]),
            let plaintext = try? AES.GCM.open(box, using: key, authenticating: logID + le(sequence))
        else { return nil }
        return ([UInt8](plaintext), tagStart + 16)
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard start + needle.count <= haystack.count else { return nil }
        var index = start
        while index + needle.count <= haystack.count {
            if haystack[index] == needle[0] && Array(haystack[index..<(index + needle.count)]) == needle { return index }
            index += 1
        }
        return nil
    }
}
