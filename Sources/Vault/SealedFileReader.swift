import Crypto
import Foundation

/// Reads a sealed file's plaintext front to back, opening one frame at a time.
///
/// Only one frame is held in clear at a time, so a sealed snapshot loads through small buffers
/// instead of being decrypted whole into memory first. The layout is fixed by the file's size:
/// every frame holds `frame size` bytes except the last, which holds 1 to `frame size` (0 only
/// when it is the only frame). Opening reads the header and authenticates the last frame, whose
/// index and last-frame flag are bound into its tag, so a truncated or extended file is refused
/// before anything is read and `remaining` is the sealed plaintext length. Every byte handed out
/// belongs to a frame that has authenticated; a frame altered, reordered or taken from another
/// file stops the read when it is reached, so a caller keeps nothing it built until it has read
/// to the end.
public final class SealedFileReader<Input: RandomAccessByteStream>: ByteStream {
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
    /// The last frame's plaintext, opened first and handed out when the read reaches it.
    private var lastFrame = Data()
    /// The plaintext of the frame being read, and how much of it has been handed out.
    private var plaintext = Data()
    private var plaintextOffset = 0
    public private(set) var remaining: Int

    /// Reads and checks the header, then authenticates the last frame and opens the first, so a
    /// wrong key, a damaged header, truncation or extension is reported here.
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
        lastFrame = try openFrame(count - 1, at: SealedFile.headerSize + (count - 1) * stored)
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

    /// Moves to the next frame: read from the input, or the last frame, already open.
    private func openNextFrame() throws(VaultError) {
        if nextFrame == frameCount - 1 {
            plaintext = lastFrame
            lastFrame = Data()
        } else {
            plaintext = try openFrame(nextFrame, at: nil)
        }
        plaintextOffset = 0
        nextFrame += 1
    }

    /// Reads frame `index` (at `offset`, or next in the input) into the stored-frame buffer and
    /// authenticates it.
    private func openFrame(_ index: Int, at offset: Int?) throws(VaultError) -> Data {
        let isLast = index == frameCount - 1
        let length = isLast ? lastFrameLength : frameSize
        let stored = UnsafeMutableRawBufferPointer(rebasing: storedFrame[0..<(length + SealedFile.frameOverhead)])
        if let offset { try input.read(at: offset, into: stored) } else { try input.read(into: stored) }
        guard stored.loadUnaligned(as: UInt32.self) == UInt32(length).littleEndian else {
            throw VaultError(.tampered, path, "frame \(index) is damaged or the file is truncated")
        }
        do {
            // Nonce, ciphertext and tag are stored back to back: the combined form.
            let box = try AES.GCM.SealedBox(combined: UnsafeRawBufferPointer(rebasing: stored[4...]))
            return try AES.GCM.open(
                box, using: key,
                authenticating: SealedFile.associatedData(header: header, frame: index, isLast: isLast))
        } catch {
            throw VaultError(
                .tampered, path,
                isLast
                    ? "frame \(index) failed authentication: the file was altered, truncated, or belongs elsewhere"
                    : "frame \(index) failed authentication: the file was altered, reordered, or extended")
        }
    }
}
