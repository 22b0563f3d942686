/// Why a key, a sealed file or the log could not be used. Messages name the file and never contain
/// key material or plaintext.
public struct VaultError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// A key file or variable is missing, malformed, or too widely readable.
        case badKey
        /// Authentication failed: the data was altered, truncated, reordered or is from another file,
        /// or the key is wrong.
        case tampered
        /// The file is not in a format this version reads.
        case badFormat
        /// The operating system refused a read, write, fsync or rename.
        case io
    }

    public let kind: Kind
    public let path: String
    public let reason: String

    public init(_ kind: Kind, _ path: String, _ reason: String) {
        self.kind = kind
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}
