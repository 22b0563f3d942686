import Foundation
import Testing

@testable import Vault

/// Keys, sealed files and the write-ahead log (docs/formats.md).
@Suite struct VaultTests {
    func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("vault-" + UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func keyring(in folder: String) throws -> (Keyring, KeyEncryptionKey) {
        let kek = try KeyEncryptionKey.generate(at: folder + "/kek")
        return (try Keyring.create(at: folder + "/keyring", kek: kek), kek)
    }

    @Test func keyFilesMustBePrivateAndExact() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try KeyEncryptionKey.generate(at: dir + "/kek")
        #expect(try FileManager.default.attributesOfItem(atPath: dir + "/kek")[.posixPermissions] as? Int == 0o600)
        _ = try KeyEncryptionKey(keyFile: dir + "/kek")
        chmod(dir + "/kek", 0o644)
        let open = #expect(throws: VaultError.self) { try KeyEncryptionKey(keyFile: dir + "/kek") }
        #expect(open?.reason.contains("chmod 600") == true)
        _ = FileManager.default.createFile(
            atPath: dir + "/short", contents: Data(count: 16), attributes: [.posixPermissions: 0o600])
        #expect(throws: VaultError.self) { try KeyEncryptionKey(keyFile: dir + "/short") }
        #expect(throws: VaultError.self) { try KeyEncryptionKey.generate(at: dir + "/kek") }
        setenv("CASEATLAS_TEST_KEK", String(repeating: "ab", count: 32), 1)
        _ = try KeyEncryptionKey(environmentVariable: "CASEATLAS_TEST_KEK")
        setenv("CASEATLAS_TEST_KEK", "not hex", 1)
        #expect(throws: VaultError.self) { try KeyEncryptionKey(environmentVariable: "CASEATLAS_TEST_KEK") }
    }

    @Test func sealedFilesRoundTripAndNeverHoldPlaintext() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (ring, _) = try keyring(in: dir)
        let secret = Array("PATIENT DOE^JANE MRN 12345678 ".utf8)
        for size in [0, 1, 100, 5000] {
            let plaintext = (0..<size).map { secret[$0 % secret.count] }
            try SealedFile.write(plaintext, to: dir + "/f", keyring: ring)
            #expect(try SealedFile.read(dir + "/f", keyring: ring) == plaintext)
            let onDisk = try Data(contentsOf: URL(fileURLWithPath: dir + "/f"))
            #expect(onDisk.range(of: Data("DOE^JANE".utf8)) == nil)
        }
    }

    /// Nine 1 MiB frames read back whole: every frame must land in its place.
    @Test func largeSealedFilesOpenIntact() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (ring, _) = try keyring(in: dir)
        // A 251-byte pattern (a prime length), so every 1 MiB frame starts at a different phase
        // and a frame opened into the wrong place would show.
        let pattern = (0..<251).map { UInt8(truncatingIfNeeded: $0 &* 97 &+ 13) }
        var plaintext: [UInt8] = []
        plaintext.reserveCapacity(9 << 20 + 251)
        while plaintext.count < 9 << 20 { plaintext += pattern }
        try SealedFile.write(plaintext, to: dir + "/big", keyring: ring)
        #expect(try SealedFile.read(dir + "/big", keyring: ring) == plaintext)
    }

    /// The streaming reader: reads of any size cross frame boundaries, `remaining` is exact before
    /// anything is read, and a damaged frame stops the stream when it is reached, after only
    /// authenticated bytes have been handed out.
    @Test func sealedFilesStreamFrameByFrame() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (ring, _) = try keyring(in: dir)
        let plaintext = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }
        _ = FileManager.default.createFile(
            atPath: dir + "/f", contents: Data(SealedFile.seal(plaintext, keyring: ring, frameSize: 1000)))
        var reader = try SealedFileReader(FileStream(path: dir + "/f"), keyring: ring, path: dir + "/f")
        #expect(reader.remaining == plaintext.count)
        var read: [UInt8] = []
        for size in [1, 999, 1001, 3, 2996] { read += try reader.read(count: size) }
        read += try reader.readAll()
        #expect(read == plaintext && reader.remaining == 0)
        #expect(throws: VaultError.self) { try reader.read(count: 1) }

        var damaged = SealedFile.seal(plaintext, keyring: ring, frameSize: 1000)
        damaged[SealedFile.headerSize + 5 * (1000 + SealedFile.frameOverhead) + 20] ^= 0x80
        var stream = try SealedFileReader(
            MemoryStream(damaged, name: "index.snapshot"), keyring: ring, path: "index.snapshot")
        #expect(try stream.read(count: 5000) == Array(plaintext.prefix(5000)))
        let error = #expect(throws: VaultError.self) { try stream.read(count: 1) }
        #expect(
            error?.kind == .tampered
                && error?.description
                    == "index.snapshot: frame 5 failed authentication: the file was altered, reordered, or extended"
        )
    }

    @Test func fileStreamsNameTheFileTheyCannotRead() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(throws: VaultError(.io, dir + "/missing", "does not exist")) { try FileStream(path: dir + "/missing") }
        #expect(throws: VaultError(.io, dir, "is not a regular file")) { try FileStream(path: dir) }
        _ = FileManager.default.createFile(atPath: dir + "/short", contents: Data([1, 2, 3]))
        var file = try FileStream(path: dir + "/short")
        #expect(throws: VaultError.self) { try file.read(count: 4) }
        #expect(try file.readAll() == [1, 2, 3])
    }

    /// A key handed over through a pipe (`--key-file <(...)`) is not a regular file; it is read to
    /// its end.
    @Test func pipesAreReadToTheirEnd() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(mkfifo(dir + "/pipe", 0o600) == 0)
        let bytes = (0..<100_000).map { UInt8(truncatingIfNeeded: $0) }
        let writer = Thread {
            let handle = FileHandle(forWritingAtPath: dir + "/pipe")!
            handle.write(Data(bytes))
            try? handle.close()
        }
        writer.start()
        #expect(try FileIO.read(dir + "/pipe") == bytes)
        #expect(throws: VaultError(.io, "/dev/zero", "is not a regular file and holds more than 1048576 bytes")) {
            try FileIO.read("/dev/zero")
        }
    }

    @Test func everyAlterationIsDetected() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (ring, _) = try keyring(in: dir)
        let plaintext = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 * 31) }
        let sealed = SealedFile.seal(plaintext, keyring: ring, frameSize: 1000)
        let other = SealedFile.seal(plaintext, keyring: ring, frameSize: 1000)
        // Every single byte flipped: never opens.
        for index in stride(from: 0, to: sealed.count, by: 7) {
            var mutant = sealed
            mutant[index] ^= 0x01
            #expect(throws: VaultError.self) { try SealedFile.open(mutant, keyring: ring, path: "f") }
        }
        // Truncated anywhere, including at frame boundaries.
        for length in [0, 10, 36, 100, 1060, 1064 * 3 + 36, sealed.count - 1] {
            #expect(throws: VaultError.self) {
                try SealedFile.open(Array(sealed.prefix(length)), keyring: ring, path: "f")
            }
        }
        // Frames swapped within the file, or taken from another file with the same key.
        let frame = 4 + 12 + 1000 + 16
        var swapped = sealed
        swapped.replaceSubrange(36..<(36 + frame), with: sealed[(36 + frame)..<(36 + 2 * frame)])
        swapped.replaceSubrange((36 + frame)..<(36 + 2 * frame), with: sealed[36..<(36 + frame)])
        #expect(throws: VaultError.self) { try SealedFile.open(swapped, keyring: ring, path: "f") }
        var mixed = sealed
        mixed.replaceSubrange(36..<(36 + frame), with: other[36..<(36 + frame)])
        let error = #expect(throws: VaultError.self) {
            try SealedFile.open(mixed, keyring: ring, path: "index.snapshot")
        }
        #expect(error?.kind == .tampered && error?.path == "index.snapshot")
        // Cut at a frame boundary: refused when opened, before any plaintext is handed out.
        let cut = #expect(throws: VaultError.self) {
            try SealedFileReader(
                MemoryStream(Array(sealed.prefix(36 + 3 * frame)), name: "f"), keyring: ring, path: "f")
        }
        #expect(cut?.kind == .tampered && cut?.reason.hasPrefix("frame 2 failed authentication") == true)
        // Extended by an extra frame.
        #expect(throws: VaultError.self) {
            try SealedFile.open(sealed + Array(sealed[36..<(36 + frame)]), keyring: ring, path: "f")
        }
    }

    @Test func rotationKeepsOldDataAndRewrapChangesTheKEK() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (ring, kek) = try keyring(in: dir)
        try SealedFile.write([1, 2, 3], to: dir + "/old", keyring: ring)
        let newID = try ring.rotate()
        #expect(newID == 2 && ring.activeKey.id == 2)
        try SealedFile.write([4, 5], to: dir + "/new", keyring: ring)
        let reopened = try Keyring(path: dir + "/keyring", kek: kek)
        #expect(try SealedFile.read(dir + "/old", keyring: reopened) == [1, 2, 3])
        #expect(try SealedFile.read(dir + "/new", keyring: reopened) == [4, 5])
        let newKEK = try KeyEncryptionKey.generate(at: dir + "/kek2")
        try reopened.rewrap(to: newKEK)
        #expect(throws: VaultError.self) { try Keyring(path: dir + "/keyring", kek: kek) }
        let rewrapped = try Keyring(path: dir + "/keyring", kek: newKEK)
        #expect(try SealedFile.read(dir + "/old", keyring: rewrapped) == [1, 2, 3])
        // The keyring file holds no key in clear and rejects tampering.
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: dir + "/keyring")))
        bytes[bytes.count - 5] ^= 0x80
        try Data(bytes).write(to: URL(fileURLWithPath: dir + "/keyring"))
        #expect(throws: VaultError.self) { try Keyring(path: dir + "/keyring", kek: newKEK) }
    }

    @Test func logRecoversRecordsCutsATornTailAndDetectsTampering() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (ring, _) = try keyring(in: dir)
        let path = dir + "/wal"
        do {
            let log = try WriteAheadLog(path: path, keyring: ring)
            for index in 0..<50 { try log.append(Array("record \(index)".utf8)) }
        }
        let intact = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(try WriteAheadLog(path: path, keyring: ring).recovered.count == 50)
        // A torn tail (the last record half written) is cut off cleanly, and appends continue.
        try Data(intact.prefix(intact.count - 10)).write(to: URL(fileURLWithPath: path))
        let torn = try WriteAheadLog(path: path, keyring: ring)
        #expect(torn.recovered.count == 49 && torn.cutTornTail)
        try torn.append(Array("after".utf8))
        #expect(try WriteAheadLog(path: path, keyring: ring).recovered.last == Array("after".utf8))
        // A byte flipped in the middle, with intact records after it, is tampering.
        var flipped = intact
        flipped[intact.count / 2] ^= 0x40
        try Data(flipped).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: VaultError.self) { try WriteAheadLog(path: path, keyring: ring) }
        #expect(error?.kind == .tampered)
    }

    @Test func concurrentAppendsShareFsyncsAndAllSurvive() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (ring, _) = try keyring(in: dir)
        let log = try WriteAheadLog(path: dir + "/wal", keyring: ring)
        await withTaskGroup(of: Void.self) { group in
            for writer in 0..<8 {
                group.addTask {
                    for index in 0..<25 { _ = try? log.append(Array("w\(writer)-\(index)".utf8)) }
                }
            }
        }
        let recovered = try WriteAheadLog(path: dir + "/wal", keyring: ring).recovered.map {
            String(decoding: $0, as: UTF8.self)
        }
        #expect(recovered.count == 200)
        #expect(Set(recovered).count == 200)
    }
}
