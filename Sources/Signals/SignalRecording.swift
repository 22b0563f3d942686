import Foundation

/// One recording in physical units, whatever file it came from (WFDB, EDF/EDF+/BDF, DICOM
/// waveform): the single model every reader produces and every analysis consumes.
public struct SignalRecording: Sendable, Equatable {
    /// The file format it was read from ("wfdb", "edf", "edf+", "bdf", "dicom-waveform", "synthetic").
    public var format: String
    public var channels: [SignalChannel]
    /// Recording start, when the file says (UTC is not implied: WFDB and EDF store local time).
    public var startTime: DateComponents?
    public var annotations: [SignalAnnotation]

    public init(format: String, channels: [SignalChannel], startTime: DateComponents? = nil,
                annotations: [SignalAnnotation] = []) {
        self.format = format
        self.channels = channels
        self.startTime = startTime
        self.annotations = annotations
    }

    /// The longest channel's duration in seconds.
    public var durationSeconds: Double { channels.map(\.durationSeconds).max() ?? 0 }
}

public struct SignalChannel: Sendable, Equatable {
    /// As the file names it ("II", "V1", "MLII", "EEG Fpz-Cz").
    public var label: String
    /// Physical unit ("mV", "uV", "mmHg").
    public var unit: String
    /// Samples per second.
    public var samplingRate: Double
    /// Samples in physical units. NaN marks a sample the file flags as invalid/missing.
    public var samples: [Float]

    public init(label: String, unit: String, samplingRate: Double, samples: [Float]) {
        self.label = label
        self.unit = unit
        self.samplingRate = samplingRate
        self.samples = samples
    }

    public var durationSeconds: Double { samplingRate > 0 ? Double(samples.count) / samplingRate : 0 }
}

/// A time-stamped event: a beat or rhythm annotation, an EDF+ annotation, a device measurement.
public struct SignalAnnotation: Sendable, Equatable {
    /// Seconds from the start of the recording.
    public var time: Double
    /// Seconds; 0 for instantaneous events.
    public var duration: Double
    /// A short code ("N", "V", "(AFIB", "+") or a measurement name ("QTc").
    public var code: String
    /// Free text or a value with its unit ("412 ms"), empty when there is none.
    public var text: String
    /// The channel it refers to, when the file says.
    public var channel: Int?

    public init(time: Double, duration: Double = 0, code: String, text: String = "", channel: Int? = nil) {
        self.time = time
        self.duration = duration
        self.code = code
        self.text = text
        self.channel = channel
    }
}

/// Why a signal file could not be read: names the file and what is wrong.
public struct SignalError: Error, Equatable, Sendable, CustomStringConvertible {
    public let source: String
    public let reason: String

    public init(_ source: String, _ reason: String) {
        self.source = source
        self.reason = reason
    }

    public var description: String { "\(source): \(reason)" }
}
