import Foundation

/// A single-segment WFDB record as stored: its header and each signal's samples in ADC units.
/// Tests and tools that must compare values exactly (round trips, other WFDB readers) use this;
/// everything else uses the physical `SignalRecording` it converts to.
public struct WFDBRecord: Sendable, Equatable {
    public var header: WFDBHeader
    /// Per signal, in header order: samplesPerFrame × frames values. Missing samples (the file's
    /// invalid value, a skewed signal's tail, a null signal) hold `missingSample(signal:)`.
    public var digitalSignals: [[Int32]]

    public init(header: WFDBHeader, digitalSignals: [[Int32]]) {
        self.header = header
        self.digitalSignals = digitalSignals
    }

    /// The value that marks a missing sample of a signal: its format's invalid value.
    public func missingSample(signal: Int) -> Int32 {
        (WFDBSampleFormat(rawValue: header.signals[signal].format) ?? .null).missingSample
    }

    /// Frames in the longest signal.
    public var frameCount: Int {
        zip(header.signals, digitalSignals).map { $1.count / max(1, $0.samplesPerFrame) }.max() ?? 0
    }

    /// Physical channels: (digital - baseline) / gain, NaN for missing samples; each channel's rate
    /// is the frame rate times its samples per frame.
    public func channels() -> [SignalChannel] {
        zip(header.signals, digitalSignals).enumerated().map { index, pair in
            let (signal, digital) = pair
            let missing = missingSample(signal: index)
            let gain = signal.adcGain
            let baseline = Double(signal.baseline)
            let samples = digital.map { value -> Float in
                value == missing ? .nan : Float((Double(value) - baseline) / gain)
            }
            return SignalChannel(
                label: signal.label(index: index), unit: signal.units,
                samplingRate: header.samplingFrequency * Double(signal.samplesPerFrame), samples: samples)
        }
    }

    /// The physical recording, with the given annotations.
    public func recording(annotations: [SignalAnnotation] = []) -> SignalRecording {
        SignalRecording(format: "wfdb", channels: channels(), startTime: header.startTime, annotations: annotations)
    }
}
