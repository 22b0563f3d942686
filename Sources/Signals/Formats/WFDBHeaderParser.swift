import Foundation

/// Parses the text of a WFDB header (header(5)) strictly: every field that is present must be well
/// formed, and every error gives the header's line number, so that a damaged header is reported
/// rather than read as something it is not.
enum WFDBHeaderParser {
    /// Headers are small (a multi-segment header of thousands of segments is a few hundred kB).
    static let maxHeaderBytes = 16 << 20

    static func read(path: String) throws(SignalError) -> WFDBHeader {
        let file = try SignalFileBytes(path: path, role: "header file")
        let bytes = try file.readAll(maxBytes: maxHeaderBytes, what: "header file")
        return try parse(String(decoding: bytes, as: UTF8.self), source: path)
    }

    static func parse(_ text: String, source: String) throws(SignalError) -> WFDBHeader {
        var comments: [String] = []
        var lines: [(number: Int, text: Substring)] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if let bad = line.unicodeScalars.first(where: { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7F }) {
                throw SignalError(
                    source, "line \(index + 1): control character 0x\(String(bad.value, radix: 16)) in the header")
            }
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            if trimmed.isEmpty { continue }
            if trimmed.first == "#" {
                comments.append(String(trimmed.dropFirst()))
                continue
            }
            lines.append((index + 1, line))
        }
        guard let recordLine = lines.first else {
            throw SignalError(source, "no record line: the header is empty or holds only comments")
        }
        var header = try parseRecordLine(recordLine.text, line: recordLine.number, source: source)
        header.comments = comments
        let body = lines.dropFirst()
        let expected = header.segmentCount ?? header.signalCount
        let kind = header.isMultiSegment ? "segment" : "signal"
        if body.count < expected {
            throw SignalError(
                source,
                "the record line (line \(recordLine.number)) says \(expected) \(kind)s, "
                    + "but the header has only \(body.count) \(kind) line\(body.count == 1 ? "" : "s")")
        }
        if body.count > expected {
            let extra = body[body.startIndex + expected]
            throw SignalError(
                source,
                "line \(extra.number): unexpected line after the \(expected) \(kind) line\(expected == 1 ? "" : "s") "
                    + "the record line announces")
        }
        if header.isMultiSegment {
            header.segments = try body.map { (entry) throws(SignalError) in
                try parseSegmentLine(entry.text, line: entry.number, source: source)
            }
        } else {
            header.signals = try body.map { (entry) throws(SignalError) in
                try parseSignalLine(entry.text, line: entry.number, source: source)
            }
        }
        return header
    }

    // MARK: - Record line

    static func parseRecordLine(_ text: Substring, line: Int, source: String) throws(SignalError) -> WFDBHeader {
        let fields = tokens(text)
        let nameField = fields[0].text
        var name = nameField
        var segmentCount: Int?
        if let slash = nameField.firstIndex(of: "/") {
            name = nameField[..<slash]
            let count = nameField[nameField.index(after: slash)...]
            guard let segments = Int(count), segments > 0 else {
                throw SignalError(source, "line \(line): number of segments '\(count)' is not a positive integer")
            }
            segmentCount = segments
        }
        try checkRecordName(name, what: "record name", line: line, source: source)
        guard fields.count >= 2 else {
            throw SignalError(source, "line \(line): the record line has no number of signals")
        }
        let signalCount = try integer(fields[1].text, "number of signals", line: line, source: source)
        guard signalCount >= 0 else {
            throw SignalError(source, "line \(line): negative number of signals (\(signalCount))")
        }
        var header = WFDBHeader(recordName: String(name), segmentCount: segmentCount, signalCount: signalCount)
        if fields.count > 2 {
            try parseFrequency(fields[2].text, into: &header, line: line, source: source)
        }
        if fields.count > 3 {
            let count = try integer(fields[3].text, "number of samples", line: line, source: source)
            guard count >= 0 else { throw SignalError(source, "line \(line): negative number of samples (\(count))") }
            header.sampleCount = count == 0 ? nil : count
        }
        if fields.count > 4 {
            var time = try parseBaseTime(fields[4].text, line: line, source: source)
            if fields.count > 5 {
                let date = try parseBaseDate(fields[5].text, line: line, source: source)
                time.day = date.day
                time.month = date.month
                time.year = date.year
            }
            header.startTime = time
        }
        if fields.count > 6 {
            throw SignalError(source, "line \(line): unexpected '\(fields[6].text)' after the base date")
        }
        return header
    }

    /// "fs", "fs/counter" or "fs/counter(base)".
    private static func parseFrequency(
        _ text: Substring, into header: inout WFDBHeader, line: Int, source: String
    ) throws(SignalError) {
        var frequencyText = text
        if let slash = text.firstIndex(of: "/") {
            frequencyText = text[..<slash]
            var counter = text[text.index(after: slash)...]
            if let open = counter.firstIndex(of: "(") {
                guard counter.hasSuffix(")") else {
                    throw SignalError(source, "line \(line): base counter value in '\(text)' has no closing ')'")
                }
                let base = counter[counter.index(after: open)..<counter.index(before: counter.endIndex)]
                header.baseCounter = try number(base, "base counter value", line: line, source: source)
                counter = counter[..<open]
            }
            let value = try number(counter, "counter frequency", line: line, source: source)
            guard value > 0 else {
                throw SignalError(source, "line \(line): counter frequency '\(counter)' is not positive")
            }
            header.counterFrequency = value
        }
        let frequency = try number(frequencyText, "sampling frequency", line: line, source: source)
        guard frequency > 0 else {
            throw SignalError(source, "line \(line): sampling frequency '\(frequencyText)' is not positive")
        }
        header.samplingFrequency = frequency
    }

    /// "HH:MM:SS", "MM:SS" or "SS", seconds possibly with a fraction.
    private static func parseBaseTime(_ text: Substring, line: Int, source: String) throws(SignalError)
        -> DateComponents
    {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        let problem = "line \(line): base time '\(text)' is not HH:MM:SS"
        guard (1...3).contains(parts.count), let secondsPart = parts.last,
            secondsPart.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            let seconds = Double(secondsPart), seconds >= 0, seconds < 61
        else { throw SignalError(source, problem) }
        var values: [Int] = []
        for part in parts.dropLast() {
            guard part.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(part) else {
                throw SignalError(source, problem)
            }
            values.append(value)
        }
        let minute = values.last ?? 0
        let hour = values.count == 2 ? values[0] : 0
        guard minute < 60, hour < 24 * 366 else { throw SignalError(source, problem) }
        var components = DateComponents(hour: hour, minute: minute, second: Int(seconds))
        let fraction = seconds - seconds.rounded(.down)
        if fraction > 0 { components.nanosecond = Int((fraction * 1e9).rounded()) }
        return components
    }

    /// "DD/MM/YYYY".
    private static func parseBaseDate(_ text: Substring, line: Int, source: String) throws(SignalError)
        -> DateComponents
    {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
            (1...31).contains(day), (1...12).contains(month), (1...9999).contains(year)
        else { throw SignalError(source, "line \(line): base date '\(text)' is not DD/MM/YYYY") }
        return DateComponents(year: year, month: month, day: day)
    }

    // MARK: - Signal line

    static func parseSignalLine(_ text: Substring, line: Int, source: String) throws(SignalError)
        -> WFDBSignalSpecification
    {
        let fields = tokens(text)
        guard fields.count >= 2 else {
            throw SignalError(source, "line \(line): a signal line needs at least a file name and a format")
        }
        var signal = WFDBSignalSpecification(fileName: String(fields[0].text), format: 0, lineNumber: line)
        let format = try parseFormatField(fields[1].text, into: &signal, line: line, source: source)
        var baseline: Int?
        if fields.count > 2 {
            baseline = try parseGainField(fields[2].text, into: &signal, line: line, source: source)
        } else {
            signal.isCalibrated = false
        }
        var resolution = 0
        if fields.count > 3 { resolution = try integer(fields[3].text, "ADC resolution", line: line, source: source) }
        guard (0...32).contains(resolution) else {
            throw SignalError(source, "line \(line): ADC resolution \(resolution) is not between 0 and 32 bits")
        }
        signal.adcResolution = resolution == 0 ? format.defaultResolution : resolution
        if fields.count > 4 { signal.adcZero = try integer(fields[4].text, "ADC zero", line: line, source: source) }
        signal.baseline = baseline ?? signal.adcZero
        signal.initialValue = signal.adcZero
        if fields.count > 5 {
            signal.initialValue = try integer(fields[5].text, "initial value", line: line, source: source)
        }
        if fields.count > 6 { signal.checksum = try integer(fields[6].text, "checksum", line: line, source: source) }
        if fields.count > 7 {
            signal.blockSize = try integer(fields[7].text, "block size", line: line, source: source)
            guard signal.blockSize >= 0 else {
                throw SignalError(source, "line \(line): negative block size (\(signal.blockSize))")
            }
        }
        if fields.count > 8 {
            var description = text[fields[8].range.lowerBound...]
            while let last = description.last, last == " " || last == "\t" { description = description.dropLast() }
            signal.description = String(description)
        }
        return signal
    }

    /// "212", "212x4", "16:2", "16+512", in any combination.
    private static func parseFormatField(
        _ text: Substring, into signal: inout WFDBSignalSpecification, line: Int, source: String
    ) throws(SignalError) -> WFDBSampleFormat {
        let digits = text.prefix(while: { $0.isASCII && $0.isNumber })
        guard let code = Int(digits) else {
            throw SignalError(source, "line \(line): signal format '\(text)' does not start with a format number")
        }
        let format = try WFDBSampleFormat.named(code, source: source, line: line)
        signal.format = code
        var rest = text[digits.endIndex...]
        var seen: Set<Character> = []
        while let marker = rest.first {
            rest = rest.dropFirst()
            let value = rest.prefix(while: { $0.isASCII && $0.isNumber })
            rest = rest[value.endIndex...]
            guard ["x", ":", "+"].contains(marker), !seen.contains(marker), let number = Int(value) else {
                throw SignalError(
                    source, "line \(line): format field '\(text)' is not FORMAT[xSAMPLES][:SKEW][+OFFSET]")
            }
            seen.insert(marker)
            switch marker {
            case "x":
                guard number >= 1 else {
                    throw SignalError(source, "line \(line): samples per frame must be at least 1 in '\(text)'")
                }
                signal.samplesPerFrame = number
            case ":": signal.skew = number
            default: signal.byteOffset = number
            }
        }
        return format
    }

    /// "GAIN", "GAIN(BASELINE)", "GAIN/UNITS", "GAIN(BASELINE)/UNITS"; returns the baseline if given.
    private static func parseGainField(
        _ text: Substring, into signal: inout WFDBSignalSpecification, line: Int, source: String
    ) throws(SignalError) -> Int? {
        var gainText = text
        if let slash = text.firstIndex(of: "/") {
            gainText = text[..<slash]
            signal.units = String(text[text.index(after: slash)...])
        }
        var baseline: Int?
        if let open = gainText.firstIndex(of: "(") {
            guard gainText.hasSuffix(")") else {
                throw SignalError(source, "line \(line): baseline in '\(text)' has no closing ')'")
            }
            let inner = gainText[gainText.index(after: open)..<gainText.index(before: gainText.endIndex)]
            baseline = try integer(inner, "baseline", line: line, source: source)
            gainText = gainText[..<open]
        }
        let gain = try number(gainText, "ADC gain", line: line, source: source)
        signal.isCalibrated = gain != 0
        signal.adcGain = gain == 0 ? 200 : gain
        return baseline
    }

    // MARK: - Segment line

    static func parseSegmentLine(_ text: Substring, line: Int, source: String) throws(SignalError)
        -> WFDBSegmentSpecification
    {
        let fields = tokens(text)
        guard fields.count == 2 else {
            throw SignalError(source, "line \(line): a segment line is 'NAME SAMPLES', found '\(text)'")
        }
        let name = fields[0].text
        if name != "~" { try checkRecordName(name, what: "segment name", line: line, source: source) }
        let count = try integer(fields[1].text, "segment length", line: line, source: source)
        guard count >= 0 else { throw SignalError(source, "line \(line): negative segment length (\(count))") }
        return WFDBSegmentSpecification(name: String(name), sampleCount: count, lineNumber: line)
    }

    // MARK: - Fields

    private struct Token {
        let text: Substring
        let range: Range<Substring.Index>
    }

    private static func tokens(_ text: Substring) -> [Token] {
        var result: [Token] = []
        var index = text.startIndex
        while index < text.endIndex {
            while index < text.endIndex, text[index] == " " || text[index] == "\t" { index = text.index(after: index) }
            guard index < text.endIndex else { break }
            let start = index
            while index < text.endIndex, text[index] != " " && text[index] != "\t" { index = text.index(after: index) }
            result.append(Token(text: text[start..<index], range: start..<index))
        }
        return result
    }

    /// Record and segment names: letters, digits, "_", "-" and "." (no path separators).
    private static func checkRecordName(_ name: Substring, what: String, line: Int, source: String)
        throws(SignalError)
    {
        guard !name.isEmpty,
            name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == ".") }),
            name != ".", name != ".."
        else { throw SignalError(source, "line \(line): \(what) '\(name)' is not letters, digits and '_'") }
    }

    static func integer(_ text: Substring, _ field: String, line: Int, source: String) throws(SignalError) -> Int {
        guard let value = Int(text) else {
            throw SignalError(source, "line \(line): \(field) '\(text)' is not an integer")
        }
        return value
    }

    static func number(_ text: Substring, _ field: String, line: Int, source: String) throws(SignalError) -> Double {
        guard text.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }), let value = Double(text),
            value.isFinite
        else { throw SignalError(source, "line \(line): \(field) '\(text)' is not a number") }
        return value
    }
}
