/// Why a model could not be loaded or run. Messages name the file or tensor and what is wrong.
public struct NeuralNetError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// A model file is missing or unreadable.
        case missingFile
        /// A safetensors file is truncated or its header is not valid.
        case corruptWeights
        /// A tensor has the wrong shape or type for the architecture.
        case shapeMismatch
        /// config.json is missing fields or describes an unsupported architecture.
        case badConfiguration
        /// The weights are not the ones expected (checksum mismatch).
        case checksumMismatch
        /// The input is too long or otherwise cannot be run.
        case badInput
        /// A library the model runs on (OpenBLAS) cannot be loaded.
        case missingLibrary
    }

    public let kind: Kind
    public let reason: String

    public init(_ kind: Kind, _ reason: String) {
        self.kind = kind
        self.reason = reason
    }

    public var description: String { reason }
}
