import Foundation

/// Writes WFDB records (a header, one signal file in format 212 or 16, and an MIT annotation file
/// when there are annotations), with checksums and initial values, so that the project can store
/// its own samples in the form PhysioNet's tools read, and test its reader on files it made.
public enum WFDBWriter {
    /// The signal file formats this writer produces.
    public enum Format: Int, Sendable, CaseIterable {
        /// 12-bit samples, two in three bytes: MIT-BIH's format, compact for ECG.
        case format212 = 212
        /// 16-bit little-endian samples.
        case format16 = 16

        var storage: WFDBSampleFormat { self == .format212 ? .packed212 : .int16 }
        var resolution: Int { self == .format212 ? 12 : 16 }
        /// The value written for a NaN sample.
        var invalidSample: Int32 { storage.invalidSample! }
        /// The largest magnitude a calibrated sample uses (the invalid value stays free).
        var maxDigital: Int32 { self == .format212 ? 2047 : 32_767 }
    }

    /// One signal in ADC units with its calibration: physical = (digital - baseline) / adcGain.
    public struct Signal: Sendable, Equatable {
        public var label: String
        public var unit: String
        public var adcGain: Double
        public var baseline: Int
        public var samplesPerFrame: Int
        /// samplesPerFrame × frames values; the format's invalid value marks a missing sample.
        public var digital: [Int32]

        public init(
            label: String, unit: String, adcGain: Double, baseline: Int = 0, samplesPerFrame: Int = 1,
            digital: [Int32]
        ) {
            self.label = label
            self.unit = unit
            self.adcGain = adcGain
            self.baseline = baseline
            self.samplesPerFrame = samplesPerFrame
            self.digital = digital
        }
    }

    /// Writes a recording in physical units: each channel gets a gain and baseline that spread its
    /// range over the format's (see `calibrate`), so a sample reads back within half an ADC step.
    /// The frame rate is the lowest channel rate; every other rate must be a whole multiple of it
    /// (stored as samples per frame). Shorter channels are padded with missing samples.
    public static func write(
        _ recording: SignalRecording, headerPath: String, format: Format = .format212, comments: [String] = []
    ) throws(SignalError) {
        guard let frameRate = recording.channels.map(\.samplingRate).min() else {
            try write(
                signals: [], samplingFrequency: 250, headerPath: headerPath, format: format,
                startTime: recording.startTime, annotations: recording.annotations, comments: comments)
            return
        }
        guard frameRate.isFinite, frameRate > 0 else {
            throw SignalError(headerPath, "sampling rate \(frameRate) Hz is not positive")
        }
        var perFrame: [Int] = []
        for channel in recording.channels {
            let ratio = channel.samplingRate / frameRate
            let whole = ratio.rounded()
            guard abs(ratio - whole) <= 1e-9 * ratio, whole >= 1, whole <= 1_000_000 else {
                throw SignalError(
                    headerPath,
                    "channel \"\(channel.label)\": \(channel.samplingRate) Hz is not a whole multiple of the lowest "
                        + "rate, \(frameRate) Hz; WFDB stores every signal at a whole number of samples per frame")
            }
            perFrame.append(Int(whole))
        }
        let frames = zip(recording.channels, perFrame).map { ($0.samples.count + $1 - 1) / $1 }.max() ?? 0
        let signals = zip(recording.channels, perFrame).map { channel, spf in
            var signal = calibrate(channel, format: format, samplesPerFrame: spf)
            signal.digital += [Int32](repeating: format.invalidSample, count: frames * spf - signal.digital.count)
            return signal
        }
        try write(
            signals: signals, samplingFrequency: frameRate, headerPath: headerPath, format: format,
            startTime: recording.startTime, annotations: recording.annotations, comments: comments)
    }

    /// A gain and baseline that map the channel's finite range onto ±(format maximum − 1) (gain
    /// rounded down to six significant digits), and the channel quantised with them; NaN becomes
    /// the format's invalid value.
    public static func calibrate(_ channel: SignalChannel, format: Format, samplesPerFrame: Int = 1) -> Signal {
        let finite = channel.samples.lazy.filter { $0.isFinite }.map(Double.init)
        let low = finite.min() ?? 0
        let high = finite.max() ?? 0
        let limit = Double(format.maxDigital - 1)
        let center = (low + high) / 2
        let half = (high - low) / 2
        var gain: Double
        if half > 0 {
            gain = limit / half
        } else {
            gain = abs(center) * 200 <= limit ? 200 : limit / abs(center)
        }
        gain = roundedDown(gain, significantDigits: 6)
        let baseline = half > 0 ? Int(-(center * gain).rounded()) : 0
        let maximum = Double(format.maxDigital)
        let digital = channel.samples.map { value -> Int32 in
            guard value.isFinite else { return format.invalidSample }
            let scaled = (Double(value) * gain).rounded() + Double(baseline)
            return Int32(min(max(scaled, -maximum), maximum))
        }
        return Signal(
            label: channel.label, unit: channel.unit, adcGain: gain, baseline: baseline,
            samplesPerFrame: samplesPerFrame, digital: digital)
    }

    /// Writes NAME.hea and NAME.dat beside each other (and NAME.atr when there are annotations)
    /// from signals already in ADC units. All signals must have the same number of frames.
    public static func write(
        signals: [Signal], samplingFrequency: Double, headerPath: String, format: Format = .format212,
        startTime: DateComponents? = nil, annotations: [SignalAnnotation] = [], comments: [String] = []
    ) throws(SignalError) {
        let url = URL(fileURLWithPath: headerPath)
        guard url.pathExtension == "hea" else {
            throw SignalError(headerPath, "a WFDB header's name must end in .hea")
        }
        let name = url.deletingPathExtension().lastPathComponent
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") })
        else {
            throw SignalError(headerPath, "record name '\(name)' must be letters, digits, '_' and '-'")
        }
        guard samplingFrequency.isFinite, samplingFrequency > 0 else {
            throw SignalError(headerPath, "sampling frequency \(samplingFrequency) is not positive")
        }
        let frames = signals.first.map { $0.digital.count / max(1, $0.samplesPerFrame) } ?? 0
        let range = Int64(format.invalidSample)...Int64(format.maxDigital)
        var lines = ["\(name) \(signals.count) \(decimal(samplingFrequency)) \(frames)" + timeFields(startTime)]
        for (index, signal) in signals.enumerated() {
            let what = "signal \(index) (\"\(signal.label)\")"
            guard signal.samplesPerFrame >= 1, signal.digital.count == frames * signal.samplesPerFrame else {
                throw SignalError(
                    headerPath,
                    "\(what) has \(signal.digital.count) samples; \(frames) frames of \(signal.samplesPerFrame) "
                        + "need \(frames * signal.samplesPerFrame)")
            }
            guard signal.adcGain.isFinite, signal.adcGain != 0 else {
                throw SignalError(headerPath, "\(what): ADC gain \(signal.adcGain) is not a non-zero number")
            }
            if let bad = signal.digital.firstIndex(where: { !range.contains(Int64($0)) }) {
                throw SignalError(
                    headerPath,
                    "\(what): sample \(bad) (\(signal.digital[bad])) is outside format \(format.rawValue)'s range "
                        + "\(range.lowerBound)...\(range.upperBound)")
            }
            guard !signal.unit.contains(where: { $0.isWhitespace || $0 == "/" || $0 == "(" }) else {
                throw SignalError(headerPath, "\(what): unit '\(signal.unit)' may not contain spaces, '/' or '('")
            }
            guard !signal.label.contains(where: \.isNewline) else {
                throw SignalError(headerPath, "\(what): the label may not contain a line break")
            }
            let checksum = Int16(truncatingIfNeeded: signal.digital.reduce(0) { $0 &+ Int($1) })
            let formatField = "\(format.rawValue)" + (signal.samplesPerFrame > 1 ? "x\(signal.samplesPerFrame)" : "")
            let gainField =
                "\(decimal(signal.adcGain))(\(signal.baseline))" + (signal.unit.isEmpty ? "" : "/\(signal.unit)")
            let fields = [
                "\(name).dat", formatField, gainField, "\(format.resolution)", "0",
                "\(signal.digital.first ?? 0)", "\(checksum)", "0",
            ]
            lines.append((fields + (signal.label.isEmpty ? [] : [signal.label])).joined(separator: " "))
        }
        for comment in comments {
            guard !comment.contains(where: \.isNewline) else {
                throw SignalError(headerPath, "a header comment may not contain a line break")
            }
            lines.append("#" + comment)
        }
        let folder = url.deletingLastPathComponent()
        let annotationPath = folder.appendingPathComponent("\(name).atr").path
        let isBeyond = { (annotation: SignalAnnotation) in
            (annotation.time * samplingFrequency).rounded() >= Double(frames)
        }
        if frames > 0, let beyond = annotations.firstIndex(where: isBeyond) {
            throw SignalError(
                annotationPath,
                "annotation \(beyond) (\"\(annotations[beyond].code)\") at \(annotations[beyond].time) s is beyond the "
                    + "end of the record (\(frames) samples at \(decimal(samplingFrequency)) Hz)")
        }
        let data = encode(signals: signals, frames: frames, format: format)
        try save(Data(data), to: folder.appendingPathComponent("\(name).dat"))
        try save(Data((lines.joined(separator: "\n") + "\n").utf8), to: url)
        if !annotations.isEmpty {
            try MITAnnotationWriter.write(annotations, samplingFrequency: samplingFrequency, to: annotationPath)
        } else if FileManager.default.fileExists(atPath: annotationPath) {
            try? FileManager.default.removeItem(atPath: annotationPath)  // a stale one would be read with the record
        }
    }

    /// The signal file: frame by frame, each signal's samples of the frame in turn.
    static func encode(signals: [Signal], frames: Int, format: Format) -> [UInt8] {
        let perFrame = signals.reduce(0) { $0 + $1.samplesPerFrame }
        let total = frames * perFrame
        var bytes: [UInt8] = []
        bytes.reserveCapacity(format == .format16 ? total * 2 : (total * 3 + 1) / 2)
        var pending: Int32?
        for frame in 0..<frames {
            for signal in signals {
                let start = frame * signal.samplesPerFrame
                for value in signal.digital[start..<(start + signal.samplesPerFrame)] {
                    switch format {
                    case .format16:
                        let bits = UInt16(bitPattern: Int16(truncatingIfNeeded: value))
                        bytes += [UInt8(bits & 0xFF), UInt8(bits >> 8)]
                    case .format212:
                        if let first = pending {
                            let a = UInt32(bitPattern: first) & 0xFFF
                            let b = UInt32(bitPattern: value) & 0xFFF
                            bytes += [UInt8(a & 0xFF), UInt8(a >> 8 | (b >> 8) << 4), UInt8(b & 0xFF)]
                            pending = nil
                        } else {
                            pending = value
                        }
                    }
                }
            }
        }
        if let last = pending {  // an odd sample count ends with the two bytes that hold the last sample
            let a = UInt32(bitPattern: last) & 0xFFF
            bytes += [UInt8(a & 0xFF), UInt8(a >> 8)]
        }
        return bytes
    }

    private static func save(_ data: Data, to url: URL) throws(SignalError) {
        do {
            try data.write(to: url)
        } catch {
            throw SignalError(url.path, "cannot write: \(error.localizedDescription)")
        }
    }

    /// " HH:MM:SS[.mmm] [DD/MM/YYYY]" when the start time is known.
    private static func timeFields(_ time: DateComponents?) -> String {
        guard let time, let hour = time.hour else { return "" }
        var text = " " + two(hour) + ":" + two(time.minute ?? 0) + ":" + two(time.second ?? 0)
        if let nanosecond = time.nanosecond, nanosecond > 0 {
            let millis = String(nanosecond / 1_000_000)
            text += "." + String(repeating: "0", count: 3 - millis.count) + millis
        }
        if let day = time.day, let month = time.month, let year = time.year {
            text += " " + two(day) + "/" + two(month) + "/" + String(year)
        }
        return text
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// A number as header fields write it: no exponent, shortest form that reads back exactly.
    static func decimal(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let text = "\(value)"
        if !text.contains("e") { return text }
        var fixed = String(format: "%.15f", value)
        while fixed.hasSuffix("0") { fixed.removeLast() }
        return fixed
    }

    private static func roundedDown(_ value: Double, significantDigits: Int) -> Double {
        guard value > 0, value.isFinite else { return value }
        let scale = pow(10, Double(significantDigits - 1) - floor(log10(value)))
        let rounded = floor(value * scale) / scale
        return rounded > 0 ? rounded : value
    }
}
