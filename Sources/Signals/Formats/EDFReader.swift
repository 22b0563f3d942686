import Foundation

/// Reads EDF, EDF+ (continuous "EDF+C" and discontinuous "EDF+D") and BDF/BDF+ files into a
/// recording. Physical = (digital − digital minimum) × (physical max − min) / (digital max − min)
/// + physical minimum. Channels keep their own rates (samples per record / record duration).
///
/// EDF+ annotations (the TALs of "EDF Annotations" signals) become `SignalAnnotation`s whose `code`
/// is the annotation text, with times in seconds from the first data record's start, in time order. In EDF+D the
/// data records are placed at the onsets their time-keeping annotations give, gaps filled with NaN.
///
/// Tolerated, and documented as such: a record count of -1 (the file's size says how many whole
/// records there are), bytes after the last data record (ignored), and in EDF+C a data record
/// without a time-keeping annotation. Everything else that is wrong — a truncated record, a header
/// byte outside printable ASCII, a number field that is not a number — is an error naming the field.
public enum EDFReader {
    /// The header alone, for tools that show it and tests that need the calibration.
    public static func readHeader(path: String, limits: SignalLimits = .standard) throws(SignalError) -> EDFHeader {
        let file = try SignalFileBytes(path: path, role: "EDF file")
        return try readHeader(file, limits: limits)
    }

    /// The recording in physical units. The header's record count, record size and rates are
    /// checked against the file's size and `limits` before any sample is allocated.
    public static func read(path: String, limits: SignalLimits = .standard) throws(SignalError) -> SignalRecording {
        let file = try SignalFileBytes(path: path, role: "EDF file")
        let header = try readHeader(file, limits: limits)
        let source = path
        let width = header.sampleWidth.rawValue
        let recordBytes = header.recordBytes
        let dataBytes = file.size - header.headerBytes
        let records: Int
        if let claimed = header.recordCount {
            let (needed, overflow) = claimed.multipliedReportingOverflow(by: recordBytes)
            if overflow || needed > dataBytes {
                throw SignalError(
                    source,
                    "truncated: the header says \(claimed) data records of \(recordBytes) bytes, but the file has "
                        + "\(dataBytes) bytes of data after the \(header.headerBytes)-byte header "
                        + "(\(recordBytes > 0 ? dataBytes / recordBytes : 0) whole records)")
            }
            records = claimed
        } else if recordBytes == 0 {
            records = 0
        } else {
            guard dataBytes % recordBytes == 0 else {
                throw SignalError(
                    source,
                    "truncated: \(dataBytes) bytes of data are not a whole number of \(recordBytes)-byte data records "
                        + "(the header's record count is -1)")
            }
            records = dataBytes / recordBytes
        }

        // Where each signal's samples start within a data record.
        var offsets: [Int] = []
        var offset = 0
        for signal in header.signals {
            offsets.append(offset)
            offset += signal.samplesPerRecord * width
        }
        let ordinary = header.signals.indices.filter { !header.signals[$0].isAnnotations }
        let annotationSignals = header.signals.indices.filter { header.signals[$0].isAnnotations }
        if header.plus == .discontinuous && annotationSignals.isEmpty {
            throw SignalError(
                source, "an EDF+D file needs an annotation signal to give its data records' onsets, and has none")
        }
        if !ordinary.isEmpty {
            guard header.recordDuration > 0 else {
                throw SignalError(source, "header field 'data record duration' is 0, but the file has signals")
            }
        }
        for index in ordinary {
            let signal = header.signals[index]
            let rate = Double(signal.samplesPerRecord) / header.recordDuration
            let name = "signal \(index + 1) (\"\(signal.label)\")"
            if signal.samplesPerRecord > 0 { try limits.checkRate(rate, channel: name, source: source) }
            let (count, overflow) = records.multipliedReportingOverflow(by: signal.samplesPerRecord)
            try limits.checkSamples(overflow ? Int.max : count, channel: name, source: source)
        }

        // Pass 1: annotations and the onset of every data record.
        var annotations: [SignalAnnotation] = []
        var onsets = [Double?](repeating: nil, count: annotationSignals.isEmpty ? 0 : records)
        if !annotationSignals.isEmpty {
            for record in 0..<records {
                for (position, index) in annotationSignals.enumerated() {
                    let start = header.headerBytes + record * recordBytes + offsets[index]
                    let bytes = try file.read(offset: start, count: header.signals[index].samplesPerRecord * width)
                    let lists = try EDFAnnotationList.parse(bytes[...], source: source, record: record + 1)
                    for (number, list) in lists.enumerated() {
                        var texts = list.texts[...]
                        if position == 0, number == 0, texts.first == "" {
                            onsets[record] = list.onset
                            texts = texts.dropFirst()
                        }
                        for text in texts {
                            guard annotations.count < limits.maxAnnotations else {
                                throw SignalError(source, "more than the limit of \(limits.maxAnnotations) annotations")
                            }
                            annotations.append(
                                SignalAnnotation(time: list.onset, duration: list.duration ?? 0, code: text))
                        }
                    }
                }
                if onsets[record] == nil && header.plus == .discontinuous {
                    throw SignalError(
                        source,
                        "data record \(record + 1) has no time-keeping annotation (an EDF+D file must give every "
                            + "record's onset)")
                }
            }
        }
        let firstOnset = onsets.first.flatMap { $0 } ?? 0
        for index in annotations.indices { annotations[index].time -= firstOnset }
        // In time order (EDF+ lets any record hold any annotation); equal times keep file order.
        annotations = annotations.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }
            .map(\.element)

        // Where each data record goes, in seconds from the first one's start.
        var recordStarts: [Double] = (0..<records).map { Double($0) * header.recordDuration }
        if header.plus == .discontinuous {
            for record in 0..<records {
                let start = onsets[record]! - firstOnset
                if record > 0 {
                    let previousEnd = recordStarts[record - 1] + header.recordDuration
                    guard start >= previousEnd - 1e-6 * max(1, header.recordDuration) else {
                        throw SignalError(
                            source,
                            "data record \(record + 1) starts at \(start) s, before the end of record \(record) "
                                + "(\(previousEnd) s): EDF+D records must be in time order without overlap")
                    }
                }
                recordStarts[record] = start
            }
        }
        // Sample offset of every record in every ordinary signal, and the lengths they add up to.
        var placements: [[Int]] = []
        var lengths: [Int] = []
        for index in ordinary {
            let perRecord = header.signals[index].samplesPerRecord
            let rate = Double(perRecord) / header.recordDuration
            var starts: [Int] = []
            starts.reserveCapacity(records)
            var length = 0
            for record in 0..<records {
                var start = record * perRecord
                if header.plus == .discontinuous {
                    let scaled = (recordStarts[record] * rate).rounded()
                    guard scaled < Double(limits.maxSamplesPerChannel) else {
                        try limits.checkSamples(Int.max, channel: "signal \(index + 1)", source: source)
                        break
                    }
                    start = max(Int(scaled), length)
                }
                starts.append(start)
                length = start + perRecord
            }
            try limits.checkSamples(
                length, channel: "signal \(index + 1) (\"\(header.signals[index].label)\")", source: source)
            placements.append(starts)
            lengths.append(length)
        }

        // Pass 2: the samples, a few data records at a time.
        var samples = zip(ordinary, lengths).map { index, length in
            [Float](repeating: header.plus == .discontinuous ? .nan : 0, count: length)
        }
        let chunkRecords = max(1, (4 << 20) / max(1, recordBytes))
        var record = 0
        while record < records && !ordinary.isEmpty {
            let count = min(chunkRecords, records - record)
            let bytes = try file.read(offset: header.headerBytes + record * recordBytes, count: count * recordBytes)
            guard bytes.count == count * recordBytes else {
                throw SignalError(source, "the file became shorter while it was read")
            }
            bytes.withUnsafeBufferPointer { raw in
                for local in 0..<count {
                    let recordStart = local * recordBytes
                    for (slot, index) in ordinary.enumerated() {
                        let signal = header.signals[index]
                        let scale = signal.scale
                        let digitalMinimum = Double(signal.digitalMinimum)
                        let physicalMinimum = signal.physicalMinimum
                        let base = recordStart + offsets[index]
                        let target = placements[slot][record + local]
                        samples[slot].withUnsafeMutableBufferPointer { out in
                            for n in 0..<signal.samplesPerRecord {
                                let at = base + n * width
                                let digital: Int32
                                if width == 2 {
                                    digital = Int32(Int16(bitPattern: UInt16(raw[at]) | UInt16(raw[at + 1]) << 8))
                                } else {
                                    let bits = UInt32(raw[at]) | UInt32(raw[at + 1]) << 8 | UInt32(raw[at + 2]) << 16
                                    digital = Int32(bitPattern: bits << 8) >> 8
                                }
                                out[target + n] = Float((Double(digital) - digitalMinimum) * scale + physicalMinimum)
                            }
                        }
                    }
                }
            }
            record += count
        }

        let channels = zip(ordinary, samples).map { index, values in
            let signal = header.signals[index]
            return SignalChannel(
                label: signal.label, unit: signal.physicalDimension,
                samplingRate: Double(signal.samplesPerRecord) / header.recordDuration, samples: values)
        }
        let format = header.sampleWidth == .bdf24 ? "bdf" : (header.plus != nil ? "edf+" : "edf")
        return SignalRecording(
            format: format, channels: channels, startTime: shifted(header.startTime, by: firstOnset),
            annotations: annotations)
    }

    static func readHeader(_ file: SignalFileBytes, limits: SignalLimits) throws(SignalError) -> EDFHeader {
        let fixedSize = EDFHeaderParser.fixedBytes
        guard file.size >= fixedSize else {
            throw SignalError(
                file.path,
                "truncated: the file has \(file.size) bytes, the EDF header's fixed part alone is \(fixedSize)")
        }
        let fixed = try file.read(offset: 0, count: fixedSize)
        var (header, signalCount) = try EDFHeaderParser.parseFixed(fixed, source: file.path)
        try limits.checkChannels(signalCount, source: file.path)
        guard file.size >= header.headerBytes else {
            throw SignalError(
                file.path,
                "truncated: the header of \(signalCount) signals needs \(header.headerBytes) bytes, the file has "
                    + "\(file.size)")
        }
        let block = try file.read(offset: fixedSize, count: header.headerBytes - fixedSize)
        header.signals = try EDFHeaderParser.parseSignals(block, count: signalCount, header: header, source: file.path)
        for (index, signal) in header.signals.enumerated() {
            guard signal.samplesPerRecord <= limits.maxSamplesPerChannel else {
                throw SignalError(
                    file.path,
                    "signal \(index + 1) (\"\(signal.label)\"): \(signal.samplesPerRecord) samples per data record is "
                        + "more than the limit of \(limits.maxSamplesPerChannel) per channel")
            }
        }
        return header
    }

    /// The start time moved by a (sub-second) first-record onset.
    private static func shifted(_ time: DateComponents, by seconds: Double) -> DateComponents {
        guard seconds != 0, seconds.isFinite, abs(seconds) < 1e9 else { return time }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let date = calendar.date(from: time) else { return time }
        var moved = calendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second, .nanosecond], from: date.addingTimeInterval(seconds))
        if let nanosecond = moved.nanosecond {
            // Foundation's dates carry float noise below the microsecond.
            moved.nanosecond = Int((Double(nanosecond) / 1000).rounded()) * 1000
            if moved.nanosecond == 0 { moved.nanosecond = nil }
        }
        return moved
    }
}
