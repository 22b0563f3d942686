/// What produced a vector: an index refuses to mix vectors from different encoders, so every
/// vector carries this.
public struct EncoderFingerprint: Codable, Sendable, Hashable, CustomStringConvertible {
    public let name: String
    public let version: String
    /// SHA-256 of the weights (or of the parameters, for encoders without weights).
    public let weightsSHA256: String
    /// The settings that change the vector (pooling, windowing, ...), as a short canonical string.
    public let parameters: String

    public init(name: String, version: String, weightsSHA256: String, parameters: String) {
        self.name = name
        self.version = version
        self.weightsSHA256 = weightsSHA256
        self.parameters = parameters
    }

    public var description: String { "\(name)@\(version) weights:\(weightsSHA256.prefix(12)) \(parameters)" }
}
