/// Bounds on what a file may make the decoder allocate.
///
/// A corrupt or hostile header can claim terabytes of pixels; every size is checked against these
/// limits (and against the bytes actually present) before any buffer is allocated.
public struct DecodeLimits: Sendable, Equatable {
    /// The largest decoded frame, in bytes of stored samples.
    public var maxFrameBytes: Int
    /// The largest number of frames in one object.
    public var maxFrames: Int

    public init(maxFrameBytes: Int = 1 << 30, maxFrames: Int = 100_000) {
        self.maxFrameBytes = maxFrameBytes
        self.maxFrames = maxFrames
    }

    public static let standard = DecodeLimits()
}
