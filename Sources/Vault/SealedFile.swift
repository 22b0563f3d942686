import Crypto
import Foundation

/// The sealed file format (docs/formats.md): a header naming the format, the data key and a
/// random file id, then AES-256-GCM frames. Each frame's associated data binds the header (so the
/// file id and key id), the frame's index and whether it is the last frame, so that flipped bits,
/// truncation, reordered frames and frames moved between files are all detected.
public enum SealedFile {
    static let magic = Array("CASEALD1".utf8)
    static let headerSize = 8 + 2 + 2 + 4 + 16 + 4
    /// What a frame stores besides its ciphertext: length, nonce and tag.
    static let frameOverhead = 4 + 12 + 16
    public static let defaultFrameSize = 1 << 20

    /// Seals `plaintext` with the keyring's active key.
    public static func seal(_ plaintext: [UInt8], keyring: Keyring, frameSize: Int = defaultFrameSize) -> [UInt8] {
        precondition(frameSize > 0 && frameSize <= Int(UInt32.max), "a frame holds 1 byte to 4 GiB")
        let (keyID, key) = keyring.activeKey
        var header = magic
        header += le(UInt16(1)) + le(UInt16(0)) + le(keyID)
        header += (0..<16).map { _ in UInt8.random(in: 0...255) }
        header += le(UInt32(frameSize))
        var output = header
        output.reserveCapacity(plaintext.count + (plaintext.count / frameSize + 1) * frameOverhead + header.count)
        var index = 0
        var offset = 0
        repeat {
            let end = min(offset + frameSize, plaintext.count)
            let last = end == plaintext.count
            let box = try! AES.GCM.seal(
                plaintext[offset..<end], using: key,
                authenticating: associatedData(header: header, frame: index, isLast: last))
            output += le(UInt32(end - offset))
            output += box.nonce.withUnsafeBytes { [UInt8]($0) }
            output += box.ciphertext
            output += box.tag
            offset = end
            index += 1
        } while offset < plaintext.count
        return output
    }

    /// What frame `frame`'s tag authenticates besides its ciphertext: the header (format, key id,
    /// file id, frame size), the frame's index and whether it is the last.
    static func associatedData(header: [UInt8], frame: Int, isLast: Bool) -> [UInt8] {
        header + le(UInt64(frame)) + [isLast ? 1 : 0]
    }

    /// Opens sealed bytes; any alteration is an error naming `path`, never wrong plaintext.
    public static func open(_ bytes: [UInt8], keyring: Keyring, path: String) throws(VaultError) -> [UInt8] {
        var reader = try SealedFileReader(MemoryStream(bytes, name: path), keyring: keyring, path: path)
        return try reader.readAll()
    }

    /// Seals and writes atomically (temp file, fsync, rename, folder fsync).
    public static func write(_ plaintext: [UInt8], to path: String, keyring: Keyring) throws(VaultError) {
        try FileIO.writeAtomically(seal(plaintext, keyring: keyring), to: path)
    }

    /// The whole plaintext of a sealed file; `SealedFileReader` streams it instead.
    public static func read(_ path: String, keyring: Keyring) throws(VaultError) -> [UInt8] {
        var reader = try SealedFileReader(FileStream(path: path), keyring: keyring, path: path)
        return try reader.readAll()
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
