import Foundation

/// Writes a recording as a continuous EDF+ file (or BDF+, 24-bit) with an annotations signal, so
/// that the project can hand its samples and labels to any EDF reader and test its own reader on
/// files it made.
///
/// Each channel's physical range is the range of its samples (rounded outwards to what the 8-character
/// header fields hold) spread over the full digital range, so a sample reads back within half a
/// quantisation step. EDF has no missing-sample value: NaN is written as the digital minimum. Channel
/// lengths are rounded up to whole data records by repeating the last sample. An annotation's text
/// is its `code`, followed by a space and its `text` when that is not empty.
public enum EDFWriter {
    public enum Format: Sendable {
        /// 16-bit EDF+.
        case edfPlus
        /// 24-bit BDF+ (BioSemi's variant, same layout).
        case bdfPlus

        var width: EDFHeader.SampleWidth { self == .edfPlus ? .edf16 : .bdf24 }
        var digitalRange: ClosedRange<Int> { self == .edfPlus ? -32_768...32_767 : -8_388_608...8_388_607 }
        var annotationLabel: String { self == .edfPlus ? "EDF Annotations" : "BDF Annotations" }
    }

    /// `recordDuration` defaults to the first of 1, 0.5, 0.25, 0.2, 0.1, 2, 4, 5, 10 s (and then
    /// hundredths) in which every channel has a whole number of samples.
    public static func write(
        _ recording: SignalRecording, to path: String, format: Format = .edfPlus, recordDuration: Double? = nil,
        patient: String = "X X X X"
    ) throws(SignalError) {
        let bytes = try encode(
            recording, format: format, recordDuration: recordDuration, patient: patient, source: path)
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        } catch {
            throw SignalError(path, "cannot write: \(error.localizedDescription)")
        }
    }

    static func encode(
        _ recording: SignalRecording, format: Format, recordDuration: Double?, patient: String, source: String
    ) throws(SignalError) -> [UInt8] {
        let duration = try chooseDuration(recording, requested: recordDuration, source: source)
        let perRecord = recording.channels.map { Int(($0.samplingRate * duration).rounded()) }
        var records = zip(recording.channels, perRecord).map { ($0.samples.count + $1 - 1) / $1 }.max() ?? 0
        let fraction = Double(recording.startTime?.nanosecond ?? 0) / 1e9
        records = max(records, 1)  // annotations past the samples are stored in the last record

        // The annotation signal: each record's time-keeping TAL, then the annotations that start in it.
        var perRecordTALs = [[UInt8]](repeating: [], count: records)
        for record in 0..<records {
            perRecordTALs[record] =
                EDFAnnotationList(onset: Double(record) * duration + fraction, duration: nil, texts: [""]).encoded
        }
        for (index, annotation) in recording.annotations.enumerated() {
            let text = annotation.text.isEmpty ? annotation.code : annotation.code + " " + annotation.text
            guard !text.utf8.contains(where: { $0 == 0 || $0 == 0x14 || $0 == 0x15 }) else {
                throw SignalError(source, "annotation \(index): text may not contain the bytes 0x00, 0x14 or 0x15")
            }
            guard annotation.time.isFinite, annotation.duration.isFinite, annotation.duration >= 0 else {
                throw SignalError(source, "annotation \(index): time or duration is not a finite number")
            }
            let onset = annotation.time + fraction
            let record = min(max(Int((onset / duration).rounded(.down)), 0), records - 1)
            perRecordTALs[record] +=
                EDFAnnotationList(
                    onset: onset, duration: annotation.duration > 0 ? annotation.duration : nil, texts: [text]
                ).encoded
        }
        let width = format.width.rawValue
        let annotationSamples = max(1, ((perRecordTALs.map(\.count).max() ?? 0) + width - 1) / width)

        // Header.
        var signalHeaders: [EDFSignalHeader] = []
        for (index, channel) in recording.channels.enumerated() {
            let (low, high) = try physicalRange(channel, index: index, source: source)
            signalHeaders.append(
                EDFSignalHeader(
                    label: channel.label, physicalDimension: channel.unit, physicalMinimum: low, physicalMaximum: high,
                    digitalMinimum: format.digitalRange.lowerBound, digitalMaximum: format.digitalRange.upperBound,
                    samplesPerRecord: perRecord[index]))
        }
        signalHeaders.append(
            EDFSignalHeader(
                label: format.annotationLabel, physicalDimension: "", physicalMinimum: -1, physicalMaximum: 1,
                digitalMinimum: format.digitalRange.lowerBound, digitalMaximum: format.digitalRange.upperBound,
                samplesPerRecord: annotationSamples, isAnnotations: true))
        guard signalHeaders.count <= 9999 else {
            throw SignalError(source, "\(signalHeaders.count) signals do not fit EDF's 4-digit signal count")
        }
        var bytes = try headerBytes(
            recording, signals: signalHeaders, records: records, duration: duration, format: format, patient: patient,
            source: source)

        // Data records.
        let recordBytes = signalHeaders.reduce(0) { $0 + $1.samplesPerRecord } * width
        bytes.reserveCapacity(bytes.count + records * recordBytes)
        for record in 0..<records {
            for (index, channel) in recording.channels.enumerated() {
                let signal = signalHeaders[index]
                let scale = signal.scale
                let count = signal.samplesPerRecord
                for n in 0..<count {
                    let at = record * count + n
                    let value =
                        at < channel.samples.count ? channel.samples[at] : (channel.samples.last ?? Float.nan)
                    var digital = signal.digitalMinimum
                    if value.isFinite {
                        let scaled =
                            ((Double(value) - signal.physicalMinimum) / scale).rounded()
                            + Double(signal.digitalMinimum)
                        digital = Int(min(max(scaled, Double(signal.digitalMinimum)), Double(signal.digitalMaximum)))
                    }
                    append(digital, width: width, to: &bytes)
                }
            }
            let tals = perRecordTALs[record]
            bytes += tals
            bytes += [UInt8](repeating: 0, count: annotationSamples * width - tals.count)
        }
        return bytes
    }

    private static func chooseDuration(_ recording: SignalRecording, requested: Double?, source: String)
        throws(SignalError) -> Double
    {
        func fits(_ duration: Double) -> Bool {
            recording.channels.allSatisfy { channel in
                let samples = channel.samplingRate * duration
                return samples >= 1 && abs(samples - samples.rounded()) <= 1e-6
            }
        }
        for channel in recording.channels where !(channel.samplingRate.isFinite && channel.samplingRate > 0) {
            throw SignalError(
                source, "channel \"\(channel.label)\": sampling rate \(channel.samplingRate) Hz is not positive")
        }
        if let requested {
            guard requested > 0, requested.isFinite, fits(requested) else {
                throw SignalError(
                    source, "a data record of \(requested) s does not hold a whole number of samples of every channel")
            }
            return requested
        }
        let candidates = [1, 0.5, 0.25, 0.2, 0.1, 2, 4, 5, 10] + (1...100).map { Double($0) / 100 }
        guard let duration = candidates.first(where: fits) else {
            throw SignalError(
                source,
                "no data record duration holds a whole number of samples of every channel (rates: "
                    + recording.channels.map { "\($0.samplingRate)" }.joined(separator: ", ") + " Hz)")
        }
        return duration
    }

    /// The channel's finite range, rounded outwards to 8-character numbers, never empty.
    private static func physicalRange(_ channel: SignalChannel, index: Int, source: String) throws(SignalError)
        -> (Double, Double)
    {
        let finite = channel.samples.lazy.filter(\.isFinite).map(Double.init)
        var low = finite.min() ?? -1
        var high = finite.max() ?? 1
        if low == high {
            low -= 1
            high += 1
        }
        guard let lowText = field(low, roundingUp: false), let highText = field(high, roundingUp: true),
            let lowValue = Double(lowText), let highValue = Double(highText), lowValue < highValue
        else {
            throw SignalError(
                source,
                "channel \(index) (\"\(channel.label)\"): range \(low)...\(high) does not fit EDF's 8-character fields")
        }
        return (lowValue, highValue)
    }

    /// `value` rounded down (or up) to the most decimals that fit 8 characters.
    static func field(_ value: Double, roundingUp: Bool) -> String? {
        guard value.isFinite else { return nil }
        var exact = value == 0 ? "0" : "\(value)"
        if exact.hasSuffix(".0") { exact.removeLast(2) }
        if !exact.contains("e") && exact.count <= 8 { return exact }
        for decimals in stride(from: 7, through: 0, by: -1) {
            let scale = pow(10, Double(decimals))
            let rounded = roundingUp ? (value * scale).rounded(.up) / scale : (value * scale).rounded(.down) / scale
            var text = String(format: "%.\(decimals)f", rounded)
            if text.contains(".") {
                while text.hasSuffix("0") { text.removeLast() }
                if text.hasSuffix(".") { text.removeLast() }
            }
            if text == "-0" { text = "0" }
            if text.count <= 8 { return text }
        }
        return nil
    }

    private static func headerBytes(
        _ recording: SignalRecording, signals: [EDFSignalHeader], records: Int, duration: Double, format: Format,
        patient: String, source: String
    ) throws(SignalError) -> [UInt8] {
        let months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
        var startDate = "01.01.85"
        var startTime = "00.00.00"
        var recordingField = "Startdate X X X X"
        if let time = recording.startTime, let year = time.year, let month = time.month, let day = time.day {
            guard (1985...2084).contains(year), (1...12).contains(month) else {
                throw SignalError(source, "start year \(year) is outside EDF's 1985-2084")
            }
            startDate = two(day) + "." + two(month) + "." + two(year % 100)
            recordingField = "Startdate \(two(day))-\(months[month - 1])-\(year) X X X"
        }
        if let time = recording.startTime, let hour = time.hour {
            startTime = two(hour) + "." + two(time.minute ?? 0) + "." + two(time.second ?? 0)
        }
        var bytes: [UInt8] = format == .edfPlus ? Array("0       ".utf8) : [0xFF] + Array("BIOSEMI".utf8)
        var fields: [(String, String, Int)] = [
            ("patient identification", patient, 80), ("recording identification", recordingField, 80),
            ("start date", startDate, 8), ("start time", startTime, 8),
            ("header size", "\(256 * (signals.count + 1))", 8),
            ("reserved", format == .edfPlus ? "EDF+C" : "BDF+C", 44), ("number of data records", "\(records)", 8),
            ("data record duration", EDFAnnotationList.seconds(duration), 8),
            ("number of signals", "\(signals.count)", 4),
        ]
        let perSignal: [(String, Int, (EDFSignalHeader) -> String)] = [
            ("label", 16, { $0.label }), ("transducer type", 80, { $0.transducer }),
            ("physical dimension", 8, { $0.physicalDimension }),
            ("physical minimum", 8, { field($0.physicalMinimum, roundingUp: false) ?? "" }),
            ("physical maximum", 8, { field($0.physicalMaximum, roundingUp: true) ?? "" }),
            ("digital minimum", 8, { "\($0.digitalMinimum)" }), ("digital maximum", 8, { "\($0.digitalMaximum)" }),
            ("prefiltering", 80, { $0.prefiltering }),
            ("number of samples in each data record", 8, { "\($0.samplesPerRecord)" }),
            ("reserved", 32, { $0.reserved }),
        ]
        for (name, width, value) in perSignal {
            for (index, signal) in signals.enumerated() {
                fields.append(("\(name) of signal \(index + 1)", value(signal), width))
            }
        }
        for (name, value, width) in fields {
            guard value.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) else {
                throw SignalError(source, "\(name) '\(value)' is not printable ASCII, as EDF headers must be")
            }
            guard value.utf8.count <= width else {
                throw SignalError(source, "\(name) '\(value)' is longer than its \(width) characters")
            }
            bytes += Array(value.utf8) + [UInt8](repeating: 0x20, count: width - value.utf8.count)
        }
        return bytes
    }

    private static func append(_ value: Int, width: Int, to bytes: inout [UInt8]) {
        let bits = UInt32(bitPattern: Int32(value))
        bytes.append(UInt8(bits & 0xFF))
        bytes.append(UInt8((bits >> 8) & 0xFF))
        if width == 3 { bytes.append(UInt8((bits >> 16) & 0xFF)) }
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
