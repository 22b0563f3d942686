import Foundation

/// Upper bounds that every reader checks against the header's claims before it allocates anything, so
/// that a corrupt or hostile file (a sample count of 10^12, a rate of 1 GHz, 100 000 channels) is
/// refused with a clear error instead of exhausting memory.
public struct SignalLimits: Sendable, Equatable {
    /// Samples one channel may hold; the default is 24 hours at 1 kHz.
    public var maxSamplesPerChannel: Int
    /// Channels (signals) one recording may have, annotation signals included.
    public var maxChannels: Int
    /// Samples per second one channel may have.
    public var maxSamplingRate: Double
    /// Annotations one file may hold. Annotation files are read in a stream, so this bounds the
    /// memory they take however large the file is.
    public var maxAnnotations: Int

    public init(
        maxSamplesPerChannel: Int = 86_400_000, maxChannels: Int = 512, maxSamplingRate: Double = 100_000,
        maxAnnotations: Int = 10_000_000
    ) {
        self.maxSamplesPerChannel = maxSamplesPerChannel
        self.maxChannels = maxChannels
        self.maxSamplingRate = maxSamplingRate
        self.maxAnnotations = maxAnnotations
    }

    /// 24 h at 1 kHz per channel, 512 channels, 100 kHz, ten million annotations.
    public static let standard = SignalLimits()

    func checkChannels(_ count: Int, source: String) throws(SignalError) {
        guard count >= 0 else { throw SignalError(source, "negative number of signals (\(count))") }
        guard count <= maxChannels else {
            throw SignalError(source, "\(count) signals is more than the limit of \(maxChannels)")
        }
    }

    func checkSamples(_ count: Int, channel: String, source: String) throws(SignalError) {
        guard count >= 0 else { throw SignalError(source, "\(channel): negative number of samples (\(count))") }
        guard count <= maxSamplesPerChannel else {
            throw SignalError(
                source, "\(channel): \(count) samples is more than the limit of \(maxSamplesPerChannel) per channel")
        }
    }

    func checkRate(_ rate: Double, channel: String, source: String) throws(SignalError) {
        guard rate.isFinite, rate > 0 else {
            throw SignalError(source, "\(channel): sampling rate \(rate) Hz is not a positive number")
        }
        guard rate <= maxSamplingRate else {
            throw SignalError(
                source, "\(channel): sampling rate \(rate) Hz is above the limit of \(maxSamplingRate) Hz")
        }
    }
}
