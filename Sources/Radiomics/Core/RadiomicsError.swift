/// Why features could not be computed, in words a user can act on.
public struct RadiomicsError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The region of interest holds no voxel.
        case emptyRegion
        /// Image and mask (or other inputs) do not share a grid.
        case mismatchedGrid
        /// A setting is out of range (bin count, bin width, distance).
        case invalidSetting
        /// The region's intensities are not finite.
        case invalidIntensity
    }

    public let kind: Kind
    public let reason: String

    public init(_ kind: Kind, _ reason: String) {
        self.kind = kind
        self.reason = reason
    }

    public var description: String { reason }
}
