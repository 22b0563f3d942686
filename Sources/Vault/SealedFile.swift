import Crypto
import Foundation

/// The sealed file format (docs/formats.md): a header naming the format, the data key and a
/// random file id, then AES-256-GCM frames. Each frame's associated data binds the header (so the
/// file id and key id), the frame's index and whether it is the last frame, so that flipped bits,
/// truncation, reordered frames and frames moved between files are all detected.
public enum SealedFile {
    static let magic = Array("CASEALD1".utf8)
    static let headerSize = 8 + 2 + 2 + 4 + 16 + 4
    public static let defaultFrameSize = 1 << 20

    /// Seals `plaintext` with the keyring's active key.
    public static func seal(_ plaintext: [UInt8], keyring: Keyring, frameSize: Int = defaultFrameSize) -> [UInt8] {
        let (keyID, key) = keyring.activeKey
        var header = magic
        header += le(UInt16(1)) + le(UInt16(0)) + le(keyID)
        header += (0..<16).map { _ in UInt8.random(in: 0...255) }
        header += le(UInt32(frameSize))
        var output = header
        output.reserveCapacity(plaintext.count + (plaintext.count / frameSize + 1) * 32 + header.count)
        var index: UInt64 = 0
        var offset = 0
        repeat {
            let end = min(offset + frameSize, plaintext.count)
            let last = end == plaintext.count
            let box = try! AES.GCM.seal(
                plaintext[offset..<end], using: key, authenticating: header + le(index) + [last ? 1 : 0])
            output += le(UInt32(end - offset))
            output += box.nonce.withUnsafeBytes { [UInt8]($0) }
            output += box.ciphertext
            output += box.tag
            offset = end
            index += 1
        } while offset < plaintext.count
        return output
    }

    /// Opens sealed bytes; any alteration is an error naming `path`, never wrong plaintext.
    public static func open(_ bytes: [UInt8], keyring: Keyring, path: String) throws(VaultError) -> [UInt8] {
        guard bytes.count >= headerSize, Array(bytes.prefix(8)) == magic else {
            throw VaultError(.badFormat, path, "is not a CaseAtlas sealed file")
        }
        guard readLE(bytes, 8, as: UInt16.self) == 1 else {
            throw VaultError(
                .badFormat, path, "sealed-file version \(readLE(bytes, 8, as: UInt16.self)) is not supported")
        }
        let keyID = readLE(bytes, 12, as: UInt32.self)
        let frameSize = Int(readLE(bytes, 32, as: UInt32.self))
        let key = try keyring.key(id: keyID, for: path)
        let header = Array(bytes.prefix(headerSize))
        let frames = try frameTable(bytes, frameSize: frameSize, path: path)
        let total = frames.reduce(0) { $0 + $1.length }
        // Frames are independent, so they are opened concurrently, each straight into its place in
        // one preallocated buffer: a large snapshot opens at close to the speed of reading it.
        let failures = FrameFailures()
        let plaintext = bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> [UInt8] in
            [UInt8](unsafeUninitializedCapacity: total) { output, count in
                HugePages.advise(UnsafeMutableRawBufferPointer(output))
                let target = UncheckedBuffer(output)
                let source = UncheckedRawBuffer(raw)
                DispatchQueue.concurrentPerform(iterations: frames.count) { index in
                    let frame = frames[index]
                    do {
                        let box = try AES.GCM.SealedBox(
                            nonce: AES.GCM.Nonce(data: source.slice(frame.nonce, 12)),
                            ciphertext: source.slice(frame.nonce + 12, frame.length),
                            tag: source.slice(frame.nonce + 12 + frame.length, 16))
                        let opened = try AES.GCM.open(
                            box, using: key, authenticating: header + le(UInt64(index)) + [frame.last ? 1 : 0])
                        guard opened.count == frame.length else { throw VaultError(.tampered, path, "") }
                        opened.withUnsafeBytes { target.copy($0, to: frame.plaintextOffset) }
                    } catch {
                        failures.record(index)
                    }
                }
                count = total
            }
        }
        if let index = failures.first {
            throw VaultError(
                .tampered, path,
                frames[index].last
                    ? "frame \(index) failed authentication: the file was altered, truncated, or belongs elsewhere"
                    : "frame \(index) failed authentication: the file was altered, reordered, or extended")
        }
        return plaintext
    }

    /// Where each frame's nonce starts, its length, where its plaintext goes, and whether it is the
    /// last; the walk stops at the frame that ends the file, and any frame running past the end or
    /// longer than the frame size is damage or truncation.
    private static func frameTable(_ bytes: [UInt8], frameSize: Int, path: String) throws(VaultError) -> [(
        nonce: Int, length: Int, plaintextOffset: Int, last: Bool
    )] {
        var frames: [(nonce: Int, length: Int, plaintextOffset: Int, last: Bool)] = []
        var offset = headerSize
        var plaintextOffset = 0
        while true {
            let index = frames.count
            guard offset + 4 + 12 + 16 <= bytes.count else {
                throw VaultError(.tampered, path, "is truncated: frame \(index) is missing or incomplete")
            }
            let length = Int(readLE(bytes, offset, as: UInt32.self))
            guard length <= frameSize, offset + 4 + 12 + length + 16 <= bytes.count else {
                throw VaultError(.tampered, path, "frame \(index) is damaged or the file is truncated")
            }
            let end = offset + 4 + 12 + length + 16
            frames.append((offset + 4, length, plaintextOffset, end == bytes.count))
            if end == bytes.count { return frames }
            plaintextOffset += length
            offset = end
        }
    }

    /// Seals and writes atomically (temp file, fsync, rename, folder fsync).
    public static func write(_ plaintext: [UInt8], to path: String, keyring: Keyring) throws(VaultError) {
        try FileIO.writeAtomically(seal(plaintext, keyring: keyring), to: path)
    }

    public static func read(_ path: String, keyring: Keyring) throws(VaultError) -> [UInt8] {
        try open(FileIO.read(path), keyring: keyring, path: path)
    }
}

func le<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
    withUnsafeBytes(of: value.littleEndian) { [UInt8]($0) }
}

func readLE<T: FixedWidthInteger>(_ bytes: [UInt8], _ offset: Int, as type: T.Type) -> T {
    var value: T = 0
    for index in 0..<MemoryLayout<T>.size { value |= T(bytes[offset + index]) << (8 * index) }
    return value
}

/// Indices of frames that failed to open, recorded from worker threads.
private final class FrameFailures: @unchecked Sendable {
    private let lock = NSLock()
    private var indices: [Int] = []

    func record(_ index: Int) { lock.withLock { indices.append(index) } }
    var first: Int? { lock.withLock { indices.min() } }
}

/// A buffer that worker threads write disjoint ranges of.
private struct UncheckedBuffer: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<UInt8>

    init(_ base: UnsafeMutableBufferPointer<UInt8>) { self.base = base }

    func copy(_ bytes: UnsafeRawBufferPointer, to offset: Int) {
        guard let source = bytes.baseAddress, let target = base.baseAddress, !bytes.isEmpty else { return }
        (target + offset).update(from: source.assumingMemoryBound(to: UInt8.self), count: bytes.count)
    }
}

/// Read-only sealed bytes shared by the worker threads.
private struct UncheckedRawBuffer: @unchecked Sendable {
    let base: UnsafeRawBufferPointer

    init(_ base: UnsafeRawBufferPointer) { self.base = base }

    func slice(_ start: Int, _ count: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: base[start..<(start + count)])
    }
}
