import Foundation

/// Parses EDF/EDF+/BDF headers. Every header byte must be printable ASCII (0x20-0x7E), as the
/// standard requires; a byte outside that range, or a number field that is not a number, is an
/// error that names the field (and the signal). Tolerated, as the standard's padding allows:
/// leading and trailing spaces around every value. BDF's version field (0xFF "BIOSEMI") is the one
/// place a non-ASCII byte is expected.
enum EDFHeaderParser {
    static let fixedBytes = 256
    static let signalBytes = 256

    /// The fixed part; `signals` is empty and the signal count is returned beside it.
    static func parseFixed(_ bytes: [UInt8], source: String) throws(SignalError) -> (header: EDFHeader, signals: Int) {
        var reader = FieldReader(bytes: bytes, source: source)
        let version = reader.raw(8)
        let width: EDFHeader.SampleWidth
        if version[0] == 0xFF {
            guard Array(version[1...]) == Array("BIOSEMI".utf8) else {
                throw SignalError(source, "header field 'version' starts with 0xFF but is not BDF's 0xFF \"BIOSEMI\"")
            }
            width = .bdf24
        } else {
            let text = try FieldReader.ascii(version, field: "version", source: source)
            guard text == "0" else {
                throw SignalError(
                    source, "header field 'version' is '\(text)', not '0' (EDF) or 0xFF \"BIOSEMI\" (BDF)")
            }
            width = .edf16
        }
        let patient = try reader.text(80, "patient identification")
        let recording = try reader.text(80, "recording identification")
        let date = try reader.text(8, "start date")
        let time = try reader.text(8, "start time")
        let headerBytes = try reader.integer(8, "header size")
        let reserved = try reader.text(44, "reserved")
        let recordCount = try reader.integer(8, "number of data records")
        let duration = try reader.decimal(8, "data record duration")
        let signalCount = try reader.integer(4, "number of signals")

        guard signalCount >= 0 else {
            throw SignalError(source, "header field 'number of signals' is negative (\(signalCount))")
        }
        let (expected, overflow) = (signalCount + 1).multipliedReportingOverflow(by: signalBytes)
        guard !overflow, headerBytes == expected else {
            throw SignalError(
                source,
                "header field 'header size' says \(headerBytes) bytes; with \(signalCount) signals it must be "
                    + (overflow ? "larger than any file" : "\(expected)"))
        }
        guard recordCount >= -1 else {
            throw SignalError(source, "header field 'number of data records' is \(recordCount); it must be -1 or more")
        }
        guard duration >= 0 else {
            throw SignalError(source, "header field 'data record duration' is negative (\(duration))")
        }
        var plus: EDFHeader.Continuity?
        let prefix = width == .bdf24 ? "BDF+" : "EDF+"
        if reserved.hasPrefix(prefix + "C") {
            plus = .continuous
        } else if reserved.hasPrefix(prefix + "D") {
            plus = .discontinuous
        }
        let start = try startTime(date: date, time: time, recording: plus != nil ? recording : nil, source: source)
        let header = EDFHeader(
            sampleWidth: width, plus: plus, patient: patient, recording: recording, startTime: start,
            headerBytes: headerBytes, reserved: reserved, recordCount: recordCount == -1 ? nil : recordCount,
            recordDuration: duration, signals: [])
        return (header, signalCount)
    }

    /// The signal blocks: each field for all signals, then the next field.
    static func parseSignals(_ bytes: [UInt8], count: Int, header: EDFHeader, source: String) throws(SignalError)
        -> [EDFSignalHeader]
    {
        var reader = FieldReader(bytes: bytes, source: source, base: fixedBytes)
        func each<T>(_ width: Int, _ parse: (inout FieldReader, Int) throws(SignalError) -> T) throws(SignalError)
            -> [T]
        {
            var values: [T] = []
            values.reserveCapacity(count)
            for index in 0..<count { values.append(try parse(&reader, index)) }
            return values
        }
        func name(_ field: String, _ index: Int) -> String { "\(field) of signal \(index + 1)" }
        let labels = try each(16) { (r, i) throws(SignalError) in try r.text(16, name("label", i)) }
        let transducers = try each(80) { (r, i) throws(SignalError) in try r.text(80, name("transducer type", i)) }
        let dimensions = try each(8) { (r, i) throws(SignalError) in try r.text(8, name("physical dimension", i)) }
        let physicalMinima = try each(8) { (r, i) throws(SignalError) in try r.decimal(8, name("physical minimum", i)) }
        let physicalMaxima = try each(8) { (r, i) throws(SignalError) in try r.decimal(8, name("physical maximum", i)) }
        let digitalMinima = try each(8) { (r, i) throws(SignalError) in try r.integer(8, name("digital minimum", i)) }
        let digitalMaxima = try each(8) { (r, i) throws(SignalError) in try r.integer(8, name("digital maximum", i)) }
        let filters = try each(80) { (r, i) throws(SignalError) in try r.text(80, name("prefiltering", i)) }
        let samples = try each(8) { (r, i) throws(SignalError) in
            try r.integer(8, name("number of samples in each data record", i))
        }
        let reserved = try each(32) { (r, i) throws(SignalError) in try r.text(32, name("reserved", i)) }

        let range: ClosedRange<Int> = header.sampleWidth == .bdf24 ? -8_388_608...8_388_607 : -32_768...32_767
        var signals: [EDFSignalHeader] = []
        for index in 0..<count {
            let isAnnotations = labels[index] == header.annotationLabel
            let signal = EDFSignalHeader(
                label: labels[index], transducer: transducers[index], physicalDimension: dimensions[index],
                physicalMinimum: physicalMinima[index], physicalMaximum: physicalMaxima[index],
                digitalMinimum: digitalMinima[index], digitalMaximum: digitalMaxima[index],
                prefiltering: filters[index],
                samplesPerRecord: samples[index], reserved: reserved[index], isAnnotations: isAnnotations)
            let what = "signal \(index + 1) (\"\(signal.label)\")"
            guard signal.samplesPerRecord >= 0 else {
                throw SignalError(source, "\(what): negative number of samples per data record")
            }
            if !isAnnotations {
                guard range.contains(signal.digitalMinimum), range.contains(signal.digitalMaximum) else {
                    throw SignalError(
                        source,
                        "\(what): digital range \(signal.digitalMinimum)...\(signal.digitalMaximum) is outside the "
                            + "format's \(range.lowerBound)...\(range.upperBound)")
                }
                guard signal.digitalMaximum > signal.digitalMinimum else {
                    throw SignalError(
                        source,
                        "\(what): digital maximum \(signal.digitalMaximum) is not above digital minimum "
                            + "\(signal.digitalMinimum)")
                }
                guard signal.physicalMaximum != signal.physicalMinimum else {
                    throw SignalError(
                        source, "\(what): physical minimum and maximum are both \(signal.physicalMinimum)")
                }
            }
            signals.append(signal)
        }
        return signals
    }

    /// "dd.mm.yy" and "hh.mm.ss"; in EDF+ a "Startdate dd-MMM-yyyy" in the recording field gives the
    /// four-digit year (the header's two digits mean 1985-2084).
    private static func startTime(date: String, time: String, recording: String?, source: String) throws(SignalError)
        -> DateComponents
    {
        func parts(_ text: String, _ field: String) throws(SignalError) -> [Int] {
            let pieces = text.split(separator: ".", omittingEmptySubsequences: false)
            guard pieces.count == 3, pieces.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } })
            else {
                throw SignalError(
                    source,
                    "header field '\(field)' is '\(text)', not " + (field == "start date" ? "dd.mm.yy" : "hh.mm.ss"))
            }
            return pieces.map { Int($0)! }
        }
        let d = try parts(date, "start date")
        let t = try parts(time, "start time")
        guard (1...31).contains(d[0]), (1...12).contains(d[1]) else {
            throw SignalError(source, "header field 'start date' is '\(date)', not a valid dd.mm.yy date")
        }
        guard t[0] < 24, t[1] < 60, t[2] < 61 else {
            throw SignalError(source, "header field 'start time' is '\(time)', not a valid hh.mm.ss time")
        }
        var year = d[2] >= 85 ? 1900 + d[2] : 2000 + d[2]
        if let recording, recording.hasPrefix("Startdate ") {
            let field = recording.dropFirst("Startdate ".count).prefix(while: { $0 != " " })
            let pieces = field.split(separator: "-")
            if pieces.count == 3, let full = Int(pieces[2]), pieces[2].count == 4, full % 100 == d[2] { year = full }
        }
        return DateComponents(year: year, month: d[1], day: d[0], hour: t[0], minute: t[1], second: t[2])
    }
}

/// Reads consecutive fixed-width ASCII fields and names the field in every error.
struct FieldReader {
    let bytes: [UInt8]
    let source: String
    /// The file offset of `bytes[0]`, for error messages.
    let base: Int
    var position = 0

    init(bytes: [UInt8], source: String, base: Int = 0) {
        self.bytes = bytes
        self.source = source
        self.base = base
    }

    mutating func raw(_ width: Int) -> ArraySlice<UInt8> {
        defer { position += width }
        return bytes[position..<(position + width)]
    }

    /// The field as text, without the spaces around it.
    mutating func text(_ width: Int, _ field: String) throws(SignalError) -> String {
        try Self.ascii(raw(width), field: field, source: source, base: base)
    }

    mutating func integer(_ width: Int, _ field: String) throws(SignalError) -> Int {
        let value = try text(width, field)
        let digits = value.hasPrefix("+") || value.hasPrefix("-") ? value.dropFirst() : Substring(value)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(value) else {
            throw SignalError(source, "header field '\(field)' is '\(value)', not an integer")
        }
        return number
    }

    mutating func decimal(_ width: Int, _ field: String) throws(SignalError) -> Double {
        let value = try text(width, field)
        guard Self.isDecimal(value), let number = Double(value), number.isFinite else {
            throw SignalError(source, "header field '\(field)' is '\(value)', not a number")
        }
        return number
    }

    /// [+-]digits[.digits][e[+-]digits], with at least one digit before the exponent.
    static func isDecimal(_ text: String) -> Bool {
        var rest = Substring(text)
        if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
        let mantissa = rest.prefix(while: { $0.isASCII && ($0.isNumber || $0 == ".") })
        guard mantissa.contains(where: \.isNumber), mantissa.filter({ $0 == "." }).count <= 1 else { return false }
        rest = rest[mantissa.endIndex...]
        if rest.isEmpty { return true }
        guard rest.first == "e" || rest.first == "E" else { return false }
        rest = rest.dropFirst()
        if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
        return !rest.isEmpty && rest.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Printable ASCII only; trimmed of spaces.
    static func ascii(_ bytes: ArraySlice<UInt8>, field: String, source: String, base: Int = 0) throws(SignalError)
        -> String
    {
        if let bad = bytes.firstIndex(where: { $0 < 0x20 || $0 > 0x7E }) {
            let byte = bytes[bad]
            let kind = byte > 0x7E ? "a non-ASCII byte" : "a control byte"
            throw SignalError(
                source,
                "header field '\(field)' has \(kind) 0x\(String(byte, radix: 16, uppercase: true)) at file "
                    + "offset \(base + bad); EDF header fields are printable ASCII")
        }
        var slice = bytes[...]
        while slice.first == 0x20 { slice = slice.dropFirst() }
        while slice.last == 0x20 { slice = slice.dropLast() }
        return String(decoding: slice, as: UTF8.self)
    }
}
