/// Why a DICOM file could not be read or decoded.
///
/// The message names the file and the problem and never quotes attribute values, so it is safe to
/// log and to return to a client even when the file carries patient data.
public struct DicomError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The kinds of failure a caller may want to branch on.
    public enum Kind: String, Sendable {
        /// The DCMTK data dictionary is missing: a set-up problem, not a problem of the file.
        case dictionaryMissing
        /// The file could not be opened or parsed as DICOM.
        case unreadable
        /// The file is DICOM but lacks what the operation needs (pixel data, a required attribute).
        case missingAttribute
        /// Attribute values contradict each other or the data (e.g. pixel data shorter than declared).
        case inconsistent
        /// The file asks for more memory than the configured limits allow.
        case tooLarge
        /// The transfer syntax or pixel layout is valid DICOM that this build cannot decode.
        case unsupported
        /// The compressed pixel data is corrupt.
        case corruptPixelData
        /// Writing a file failed.
        case writeFailed
    }

    public let kind: Kind
    /// The file the error is about (a path, or the name given to in-memory bytes).
    public let source: String
    /// What is wrong, in words a user can act on.
    public let reason: String

    public init(_ kind: Kind, source: String, reason: String) {
        self.kind = kind
        self.source = source
        self.reason = reason
    }

    public var description: String { "\(source): \(reason)" }

    func relabeled(as newSource: String) -> DicomError {
        DicomError(kind, source: newSource, reason: reason)
    }
}
