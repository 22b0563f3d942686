import Foundation

/// A WFDB header file (.hea, PhysioNet's "header(5)"): the record line, then one line per signal
/// (or, for a multi-segment record, one line per segment), and comments. Kept as parsed, so that
/// tools can show exactly what a header says and writers can produce one.
public struct WFDBHeader: Sendable, Equatable {
    public var recordName: String
    /// The "/n" of a multi-segment record's record line; nil for an ordinary record.
    public var segmentCount: Int?
    public var signalCount: Int
    /// Frames per second (the record line's sampling frequency; 250 when the header leaves it out).
    public var samplingFrequency: Double
    /// The "/counter frequency" of the record line, when given.
    public var counterFrequency: Double?
    /// The "(base counter value)" after the counter frequency, when given.
    public var baseCounter: Double?
    /// Frames per signal; nil when the header leaves it out or writes 0 (then the data files say).
    public var sampleCount: Int?
    /// Base time and date, as the header gives them (local time of the recording).
    public var startTime: DateComponents?
    public var signals: [WFDBSignalSpecification]
    /// The segments of a multi-segment record, in order.
    public var segments: [WFDBSegmentSpecification]
    /// The text of "#" comment lines, without the "#".
    public var comments: [String]

    public init(
        recordName: String, segmentCount: Int? = nil, signalCount: Int, samplingFrequency: Double = 250,
        counterFrequency: Double? = nil, baseCounter: Double? = nil, sampleCount: Int? = nil,
        startTime: DateComponents? = nil, signals: [WFDBSignalSpecification] = [],
        segments: [WFDBSegmentSpecification] = [], comments: [String] = []
    ) {
        self.recordName = recordName
        self.segmentCount = segmentCount
        self.signalCount = signalCount
        self.samplingFrequency = samplingFrequency
        self.counterFrequency = counterFrequency
        self.baseCounter = baseCounter
        self.sampleCount = sampleCount
        self.startTime = startTime
        self.signals = signals
        self.segments = segments
        self.comments = comments
    }

    public var isMultiSegment: Bool { segmentCount != nil }
}

/// One signal line of a WFDB header: where the samples are stored and how to calibrate them.
public struct WFDBSignalSpecification: Sendable, Equatable {
    /// The signal file, relative to the header's folder; "~" (or format 0) means no file.
    public var fileName: String
    /// The storage format number (8, 16, 24, 32, 61, 80, 160, 212, 310, 311; 0 for none).
    public var format: Int
    /// Samples of this signal in each frame ("x" in the format field); the signal's rate is
    /// the record's frame rate times this.
    public var samplesPerFrame: Int
    /// Frames by which this signal's samples are delayed in the file (":" in the format field).
    public var skew: Int
    /// Bytes before the first sample in the file ("+" in the format field).
    public var byteOffset: Int
    /// ADC units per physical unit; 200 when the header writes 0 or leaves it out (uncalibrated).
    public var adcGain: Double
    /// False when the header gave no gain or a gain of 0.
    public var isCalibrated: Bool
    /// The digital value of physical zero ("(b)" after the gain; the ADC zero when absent).
    public var baseline: Int
    /// Physical units ("/mV" after the gain; "mV" when absent).
    public var units: String
    /// Bits of the ADC; the format's default when the header writes 0 or leaves it out.
    public var adcResolution: Int
    public var adcZero: Int
    /// The first sample's value (and format 8's starting point); the ADC zero when absent.
    public var initialValue: Int
    /// The 16-bit sum of all samples of the signal, when the header gives it.
    public var checksum: Int?
    public var blockSize: Int
    /// The signal's name ("MLII", "V5", "ABP"); empty when the header gives none.
    public var description: String
    /// The header line it came from, for error messages.
    public var lineNumber: Int

    public init(
        fileName: String, format: Int, samplesPerFrame: Int = 1, skew: Int = 0, byteOffset: Int = 0,
        adcGain: Double = 200, isCalibrated: Bool = true, baseline: Int = 0, units: String = "mV",
        adcResolution: Int = 12, adcZero: Int = 0, initialValue: Int = 0, checksum: Int? = nil,
        blockSize: Int = 0, description: String = "", lineNumber: Int = 0
    ) {
        self.fileName = fileName
        self.format = format
        self.samplesPerFrame = samplesPerFrame
        self.skew = skew
        self.byteOffset = byteOffset
        self.adcGain = adcGain
        self.isCalibrated = isCalibrated
        self.baseline = baseline
        self.units = units
        self.adcResolution = adcResolution
        self.adcZero = adcZero
        self.initialValue = initialValue
        self.checksum = checksum
        self.blockSize = blockSize
        self.description = description
        self.lineNumber = lineNumber
    }

    /// True for a signal without stored samples (file "~" or format 0).
    public var isNull: Bool { fileName == "~" || format == 0 }

    /// The label a channel gets: the description, or "signal N" when there is none.
    func label(index: Int) -> String { description.isEmpty ? "signal \(index)" : description }
}

/// One segment line of a multi-segment header.
public struct WFDBSegmentSpecification: Sendable, Equatable {
    /// The segment's record name (its header is NAME.hea beside the master header); "~" for a
    /// null segment, whose samples are all missing.
    public var name: String
    /// Frames in the segment.
    public var sampleCount: Int
    public var lineNumber: Int

    public init(name: String, sampleCount: Int, lineNumber: Int = 0) {
        self.name = name
        self.sampleCount = sampleCount
        self.lineNumber = lineNumber
    }

    public var isNull: Bool { name == "~" }
}
