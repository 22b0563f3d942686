/// Why an index operation was refused; messages say what to do about it.
public struct VectorIndexError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// The vector's dimension or encoder fingerprint differs from the index's.
        case mismatch
        /// The stored index is damaged or not an index.
        case corrupt
        /// The id is not in the index.
        case notFound
        /// Storage failed (see the underlying vault error text).
        case storage
        case badArgument
    }

    public let kind: Kind
    public let reason: String

    public init(_ kind: Kind, _ reason: String) {
        self.kind = kind
        self.reason = reason
    }

    public var description: String { reason }
}
