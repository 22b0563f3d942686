import Foundation

/// The header of an EDF, EDF+ or BDF file, as parsed: the fixed 256 bytes and one 256-byte block
/// per signal. Kept apart from the samples so tools can show it and writers can build one.
public struct EDFHeader: Sendable, Equatable {
    /// EDF (16-bit samples) or BDF (BioSemi's 24-bit variant).
    public enum SampleWidth: Int, Sendable {
        case edf16 = 2
        case bdf24 = 3
    }

    /// Whether data records follow each other without gaps (EDF+C) or may have gaps (EDF+D).
    public enum Continuity: Sendable {
        case continuous
        case discontinuous
    }

    public var sampleWidth: SampleWidth
    /// Nil for plain EDF/BDF; set for EDF+ and BDF+ ("EDF+C", "EDF+D" in the reserved field).
    public var plus: Continuity?
    public var patient: String
    public var recording: String
    /// The start date and time of the first data record (local time of the recording).
    public var startTime: DateComponents
    public var headerBytes: Int
    public var reserved: String
    /// Data records; nil when the header says -1 (unknown, e.g. while recording).
    public var recordCount: Int?
    /// Seconds per data record.
    public var recordDuration: Double
    public var signals: [EDFSignalHeader]

    public init(
        sampleWidth: SampleWidth, plus: Continuity?, patient: String, recording: String, startTime: DateComponents,
        headerBytes: Int, reserved: String, recordCount: Int?, recordDuration: Double, signals: [EDFSignalHeader]
    ) {
        self.sampleWidth = sampleWidth
        self.plus = plus
        self.patient = patient
        self.recording = recording
        self.startTime = startTime
        self.headerBytes = headerBytes
        self.reserved = reserved
        self.recordCount = recordCount
        self.recordDuration = recordDuration
        self.signals = signals
    }

    /// Bytes of one data record: every signal's samples.
    public var recordBytes: Int { signals.reduce(0) { $0 + $1.samplesPerRecord } * sampleWidth.rawValue }

    /// The label of EDF+ (and BDF+) annotation signals.
    var annotationLabel: String { sampleWidth == .bdf24 ? "BDF Annotations" : "EDF Annotations" }
}

/// One signal's block of an EDF header.
public struct EDFSignalHeader: Sendable, Equatable {
    public var label: String
    public var transducer: String
    public var physicalDimension: String
    public var physicalMinimum: Double
    public var physicalMaximum: Double
    public var digitalMinimum: Int
    public var digitalMaximum: Int
    public var prefiltering: String
    public var samplesPerRecord: Int
    public var reserved: String
    /// True for an EDF+ "EDF Annotations" (BDF+ "BDF Annotations") signal, which holds text.
    public var isAnnotations: Bool

    public init(
        label: String, transducer: String = "", physicalDimension: String, physicalMinimum: Double,
        physicalMaximum: Double, digitalMinimum: Int, digitalMaximum: Int, prefiltering: String = "",
        samplesPerRecord: Int, reserved: String = "", isAnnotations: Bool = false
    ) {
        self.label = label
        self.transducer = transducer
        self.physicalDimension = physicalDimension
        self.physicalMinimum = physicalMinimum
        self.physicalMaximum = physicalMaximum
        self.digitalMinimum = digitalMinimum
        self.digitalMaximum = digitalMaximum
        self.prefiltering = prefiltering
        self.samplesPerRecord = samplesPerRecord
        self.reserved = reserved
        self.isAnnotations = isAnnotations
    }

    /// Physical units per digital step.
    public var scale: Double {
        (physicalMaximum - physicalMinimum) / Double(digitalMaximum - digitalMinimum)
    }

    /// physical = (digital - digitalMinimum) × scale + physicalMinimum.
    public func physical(_ digital: Int32) -> Double {
        (Double(digital) - Double(digitalMinimum)) * scale + physicalMinimum
    }
}
