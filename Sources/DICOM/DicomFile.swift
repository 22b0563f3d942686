import CDCMTK
import Foundation

/// One DICOM file, opened through DCMTK from a path or from bytes in memory.
///
/// Both ways of opening give the same dataset; uploads arrive as bytes, files from disk as paths.
/// A `DicomFile` is not thread-safe: use it from one thread at a time (different files may be
/// decoded on different threads).
public final class DicomFile {
    /// The path, or the name given to in-memory bytes; used in every error about this file.
    public let source: String
    let handle: DicomHandle

    /// Opens a file from disk. Throws a `DicomError` naming the file when it is not readable DICOM.
    public init(path: String) throws(DicomError) {
        try DCMTKRuntime.ensureReady()
        source = path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DicomError(.unreadable, source: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw DicomError(.unreadable, source: path, reason: "is a folder, not a file")
        }
        let (pointer, message) = withErrorBuffer { err, cap in cdcm_open_path(path, err, cap) }
        guard let pointer else { throw Self.openError(message, source: path) }
        handle = DicomHandle(pointer)
        try requireAttributes()
    }

    /// Opens DICOM bytes received in memory (with or without the 128-byte preamble).
    public init(bytes: some ContiguousBytes, name: String) throws(DicomError) {
        try DCMTKRuntime.ensureReady()
        source = name
        let (pointer, message) = bytes.withUnsafeBytes { raw in
            withErrorBuffer { err, cap in cdcm_open_memory(raw.baseAddress, raw.count, err, cap) }
        }
        guard let pointer else { throw Self.openError(message, source: name) }
        handle = DicomHandle(pointer)
        try requireAttributes()
    }

    /// A new, empty dataset, for writing synthetic files.
    public init(creatingWithName name: String) throws(DicomError) {
        try DCMTKRuntime.ensureReady()
        guard let pointer = cdcm_create() else {
            throw DicomError(.writeFailed, source: name, reason: "cannot create a dataset")
        }
        source = name
        handle = DicomHandle(pointer)
    }

    /// An empty file or one of a few stray bytes parses as an empty dataset; that is not DICOM.
    private func requireAttributes() throws(DicomError) {
        guard cdcm_item_element_count(cdcm_dataset(handle.pointer)) > 0 else {
            throw DicomError(.unreadable, source: source, reason: "not a readable DICOM file (no attributes found)")
        }
    }

    private static func openError(_ message: String, source: String) -> DicomError {
        let reason: String
        switch message {
        case "": reason = "not a readable DICOM file"
        case let text where text.localizedCaseInsensitiveContains("premature end"),
            let text where text.localizedCaseInsensitiveContains("stream"):
            reason = "not a readable DICOM file (truncated or not DICOM: \(text))"
        default: reason = "not a readable DICOM file (\(message))"
        }
        return DicomError(.unreadable, source: source, reason: reason)
    }

    /// The main dataset (without the File Meta Information header).
    public var dataset: DicomItem { DicomItem(handle: handle, pointer: cdcm_dataset(handle.pointer)) }

    /// The File Meta Information header (group 0002).
    public var metaHeader: DicomItem { DicomItem(handle: handle, pointer: cdcm_meta_header(handle.pointer)) }

    /// The transfer syntax the dataset is encoded in.
    public var transferSyntax: TransferSyntax {
        var buffer = [CChar](repeating: 0, count: 80)
        _ = cdcm_transfer_syntax(handle.pointer, &buffer, buffer.count)
        return TransferSyntax(uid: String(nulTerminated: buffer))
    }

    /// False when the file has a meta header that lacks (0002,0010), or no meta header at all,
    /// in which case the transfer syntax was guessed from the data.
    public var declaresTransferSyntax: Bool { cdcm_has_meta_transfer_syntax(handle.pointer) == 1 }

    /// The descriptive metadata; reading it decodes no pixels.
    public var metadata: DicomMetadata { DicomMetadata(file: self) }

    /// Writes the dataset as a DICOM Part 10 file in `transferSyntax`, compressing when needed.
    public func write(to path: String, transferSyntax: TransferSyntax) throws(DicomError) {
        let (status, message) = withErrorBuffer { err, cap in
            cdcm_save(handle.pointer, path, transferSyntax.uid, err, cap)
        }
        guard status == Int32(CDCM_OK) else {
            throw DicomError(.writeFailed, source: path, reason: "cannot write \(transferSyntax.name): \(message)")
        }
    }

    /// Sets native pixel data from little-endian sample bytes (OW when `wordSized`, else OB).
    public func setNativePixelData(_ bytes: [UInt8], wordSized: Bool) throws(DicomError) {
        let (status, message) = withErrorBuffer { err, cap in
            bytes.withUnsafeBytes {
                cdcm_put_native_pixels(handle.pointer, $0.baseAddress, UInt32($0.count), wordSized ? 1 : 0, err, cap)
            }
        }
        guard status == Int32(CDCM_OK) else {
            throw DicomError(.writeFailed, source: source, reason: "cannot set pixel data: \(message)")
        }
    }
}
