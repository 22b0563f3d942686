import Crypto
import Foundation

/// Reads a sealed file's plaintext front to back, opening one frame at a time.
///
/// Only one frame is ever held in clear, so a sealed snapshot loads through the same small buffers
/// as a plain one instead of being decrypted whole into memory first. Every byte handed out belongs
/// to a frame that has already authenticated; whether the file is complete is known only when its
/// last frame has been read, so a caller builds nothing it keeps until `remaining` is zero.
///
/// The layout is fixed by the file's size: every frame holds `frame size` bytes except the last,
/// which holds 1 to `frame size` (0 only when it is the only frame). That gives the plaintext
/// length before anything is decrypted, and makes any other framing an error.
public final class SealedFileReader<Input: ByteStream>: ByteStream {
    private var input: Input
    private let path: String
    private let key: SymmetricKey
    private let header: [UInt8]
    private let frameSize: Int
    private let frameCount: Int
    private let lastFrameLength: Int
    private var nextFrame = 0
    /// One frame as stored (length, nonce, ciphertext, tag), reused for every frame.
    private let storedFrame: UnsafeMutableRawBufferPointer
    /// The plaintext of the frame being read, and how much of it has been handed out.
    private var plaintext = Data()
    private var plaintextOffset = 0
    public private(set) var remaining: Int

    /// Reads and checks the header and opens the first frame, so a wrong key or a damaged header
    /// is reported here rather than at the first read.
    public init(_ input: Input, keyring: Keyring, path: String) throws(VaultError) {
        var input = input
        guard input.remaining >= SealedFile.headerSize else {
            throw VaultError(.badFormat, path, "is not a CaseAtlas sealed file")
        }
        let header = try input.read(count: SealedFile.headerSize)
        guard Array(header.prefix(8)) == SealedFile.magic else {
            throw VaultError(.badFormat, path, "is not a CaseAtlas sealed file")
        }
        let version = readLE(header, 8, as: UInt16.self)
        guard version == 1 else {
            throw VaultError(.badFormat, path, "sealed-file version \(version) is not supported")
        }
        let frameSize = Int(readLE(header, 32, as: UInt32.self))
        guard frameSize > 0 else { throw VaultError(.tampered, path, "the header is damaged (frame size 0)") }
        key = try keyring.key(id: readLE(header, 12, as: UInt32.self), for: path)

        let stored = frameSize + SealedFile.frameOverhead
        let region = input.remaining
        let count = max(1, (region + stored - 1) / stored)
        let last = region - (count - 1) * stored - SealedFile.frameOverhead
        guard last >= (count == 1 ? 0 : 1) else {
            throw VaultError(.tampered, path, "is truncated: frame \(count - 1) is missing or incomplete")
        }
        self.input = input
        self.path = path
        self.header = header
        self.frameSize = frameSize
        frameCount = count
        lastFrameLength = last
        remaining = (count - 1) * frameSize + last
        storedFrame = .allocate(byteCount: min(stored, region), alignment: 16)
        try openNextFrame()
    }

    deinit { storedFrame.deallocate() }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(VaultError) {
        guard buffer.count <= remaining else {
            throw VaultError(.badFormat, path, "holds \(remaining) more bytes, not the \(buffer.count) asked for")
        }
        var filled = 0
        while filled < buffer.count {
            if plaintextOffset == plaintext.count { try openNextFrame() }
            let count = min(plaintext.count - plaintextOffset, buffer.count - filled)
            plaintext.withUnsafeBytes {
                (buffer.baseAddress! + filled).copyMemory(from: $0.baseAddress! + plaintextOffset, byteCount: count)
            }
            plaintextOffset += count
            filled += count
        }
        remaining -= filled
    }

    /// Reads the next frame and authenticates it; its associated data binds the header (key and
    /// file id), its index and whether it is the last.
    private func openNextFrame() throws(VaultError) {
        let index = nextFrame
        let isLast = index == frameCount - 1
        let length = isLast ? lastFrameLength : frameSize
        let stored = UnsafeMutableRawBufferPointer(rebasing: storedFrame[0..<(length + SealedFile.frameOverhead)])
        try input.read(into: stored)
        guard stored.loadUnaligned(as: UInt32.self) == UInt32(length).littleEndian else {
            throw VaultError(.tampered, path, "frame \(index) is damaged or the file is truncated")
        }
        do {
            let box = try AES.GCM.SealedBox(
                nonce: AES.GCM.Nonce(data: UnsafeRawBufferPointer(rebasing: stored[4..<16])),
                ciphertext: UnsafeRawBufferPointer(rebasing: stored[16..<(16 + length)]),
                tag: UnsafeRawBufferPointer(rebasing: stored[(16 + length)...]))
            plaintext = try AES.GCM.open(box, using: key, authenticating: header + le(UInt64(index)) + [isLast ? 1 : 0])
        } catch {
            throw VaultError(
                .tampered, path,
                isLast
                    ? "frame \(index) failed authentication: the file was altered, truncated, or belongs elsewhere"
                    : "frame \(index) failed authentication: the file was altered, reordered, or extended")
        }
        plaintextOffset = 0
        nextFrame += 1
    }
}
