import Radiomics

/// Turns one medical image into a fixed-length unit vector that carries its fingerprint.
///
/// Callers (ingest, search, the command line) depend only on this protocol, so a deep encoder
/// (a ViT from safetensors over `NeuralNet`) can stand beside or replace the radiomics encoder
/// without changing them: it takes the same `MedicalImage` and returns the same `ImageEncoding`,
/// leaving `features` empty if it has no named features to explain itself with.
public protocol ImageEncoder: Sendable {
    /// Name, version and settings hash; an index refuses vectors of a different fingerprint.
    var fingerprint: EncoderFingerprint { get }
    /// Length of every vector this encoder returns.
    var dimensions: Int { get }
    func encode(_ image: MedicalImage) throws(ImageEncoderError) -> ImageEncoding
}

/// An encoded image: the vector and what it was computed from.
public struct ImageEncoding: Sendable {
    /// Unit length, `dimensions` long.
    public let vector: [Float]
    /// The named features behind the vector, for explanation (empty for encoders without them).
    public let features: [RadiomicsFeature]
    /// Voxels in the region the features describe.
    public let regionVoxels: Int
    /// Where the region came from: "supplied" or the automatic method, e.g. "ct-body".
    public let regionSource: String

    public init(vector: [Float], features: [RadiomicsFeature], regionVoxels: Int, regionSource: String) {
        self.vector = vector
        self.features = features
        self.regionVoxels = regionVoxels
        self.regionSource = regionSource
    }
}

/// Why an image could not be encoded; the message names the input and never quotes patient data.
public struct ImageEncoderError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The files are not one image series (none, several, or objects without pixels).
        case notAnImage
        /// Decoding the DICOM files failed.
        case unreadable
        /// The region of interest is empty or does not fit the image.
        case emptyRegion
        /// Features could not be computed (non-finite intensities, bad settings).
        case featureFailure
    }

    public let kind: Kind
    /// What is wrong, in words a user can act on.
    public let reason: String

    public init(_ kind: Kind, _ reason: String) {
        self.kind = kind
        self.reason = reason
    }

    public var description: String { reason }
}
