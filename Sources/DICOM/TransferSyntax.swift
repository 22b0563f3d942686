/// The transfer syntaxes CaseAtlas knows by name, and how their pixel data is decoded.
public struct TransferSyntax: Hashable, Sendable, CustomStringConvertible {
    /// Which decoder handles the pixel data.
    public enum Codec: String, Sendable {
        /// Uncompressed (including deflated datasets, which DCMTK inflates while reading).
        case native
        case rle
        case jpeg
        case jpegLS
        case jpeg2000
    }

    public let uid: String
    public let name: String
    public let codec: Codec
    /// Whether decoding may differ from the original values (for parity tolerances).
    public let isLossy: Bool

    public var description: String { "\(name) (\(uid))" }

    public static let implicitVRLittleEndian = TransferSyntax("1.2.840.10008.1.2", "Implicit VR Little Endian")
    public static let explicitVRLittleEndian = TransferSyntax("1.2.840.10008.1.2.1", "Explicit VR Little Endian")
    public static let deflatedExplicitVRLittleEndian = TransferSyntax(
        "1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian")
    public static let explicitVRBigEndian = TransferSyntax("1.2.840.10008.1.2.2", "Explicit VR Big Endian")
    public static let rleLossless = TransferSyntax("1.2.840.10008.1.2.5", "RLE Lossless", .rle)
    public static let jpegBaseline = TransferSyntax("1.2.840.10008.1.2.4.50", "JPEG Baseline", .jpeg, lossy: true)
    public static let jpegExtended = TransferSyntax("1.2.840.10008.1.2.4.51", "JPEG Extended", .jpeg, lossy: true)
    public static let jpegLossless = TransferSyntax("1.2.840.10008.1.2.4.57", "JPEG Lossless", .jpeg)
    public static let jpegLosslessSV1 = TransferSyntax("1.2.840.10008.1.2.4.70", "JPEG Lossless SV1", .jpeg)
    public static let jpegLSLossless = TransferSyntax("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless", .jpegLS)
    public static let jpegLSNearLossless = TransferSyntax(
        "1.2.840.10008.1.2.4.81", "JPEG-LS Near-Lossless", .jpegLS, lossy: true)
    public static let jpeg2000Lossless = TransferSyntax("1.2.840.10008.1.2.4.90", "JPEG 2000 Lossless", .jpeg2000)
    public static let jpeg2000 = TransferSyntax("1.2.840.10008.1.2.4.91", "JPEG 2000", .jpeg2000, lossy: true)
    public static let htj2kLossless = TransferSyntax("1.2.840.10008.1.2.4.201", "HTJ2K Lossless", .jpeg2000)
    public static let htj2kLosslessRPCL = TransferSyntax(
        "1.2.840.10008.1.2.4.202", "HTJ2K Lossless RPCL", .jpeg2000)
    public static let htj2k = TransferSyntax("1.2.840.10008.1.2.4.203", "HTJ2K", .jpeg2000, lossy: true)

    public static let known: [TransferSyntax] = [
        .implicitVRLittleEndian, .explicitVRLittleEndian, .deflatedExplicitVRLittleEndian, .explicitVRBigEndian,
        .rleLossless, .jpegBaseline, .jpegExtended, .jpegLossless, .jpegLosslessSV1, .jpegLSLossless,
        .jpegLSNearLossless, .jpeg2000Lossless, .jpeg2000, .htj2kLossless, .htj2kLosslessRPCL, .htj2k,
    ]

    /// The syntax for a UID; unknown UIDs are kept (decoding them reports `unsupported`).
    public init(uid: String) {
        if let match = Self.known.first(where: { $0.uid == uid }) {
            self = match
        } else {
            self.init(uid, "unknown transfer syntax", nil, lossy: false)
        }
    }

    private init(_ uid: String, _ name: String, _ codec: Codec? = .native, lossy: Bool = false) {
        self.uid = uid
        self.name = name
        self.codec = codec ?? .native
        self.isLossy = lossy
        self.isKnown = codec != nil
    }

    /// False for UIDs this build has no decoder for.
    public let isKnown: Bool

    public var isBigEndian: Bool { uid == Self.explicitVRBigEndian.uid }
}
