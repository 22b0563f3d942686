import Foundation

/// Reads WFDB records (PhysioNet's format): a header (.hea), its signal files (.dat), and the
/// annotation file beside it. Single-segment records come back in ADC units (`readRecord`) or
/// physical units (`read`); multi-segment records are joined into one physical recording.
public enum WFDBRecordReader {
    /// The header alone, parsed strictly (errors give line numbers).
    public static func readHeader(path: String) throws(SignalError) -> WFDBHeader {
        try WFDBHeaderParser.read(path: path)
    }

    /// A single-segment record with its samples in ADC units.
    public static func readRecord(headerPath: String, limits: SignalLimits = .standard) throws(SignalError)
        -> WFDBRecord
    {
        let header = try WFDBHeaderParser.read(path: headerPath)
        guard !header.isMultiSegment else {
            throw SignalError(
                headerPath, "a multi-segment record has no single set of ADC samples; read it with read()")
        }
        return try readRecord(header: header, headerPath: headerPath, limits: limits)
    }

    /// The record in physical units, single- or multi-segment, with the annotations of the
    /// `annotator` file beside the header (e.g. 100.atr beside 100.hea) when that file exists.
    public static func read(
        headerPath: String, limits: SignalLimits = .standard, annotator: String? = "atr"
    ) throws(SignalError) -> SignalRecording {
        let header = try WFDBHeaderParser.read(path: headerPath)
        var recording: SignalRecording
        var frames: Int
        if header.isMultiSegment {
            let joined = try WFDBMultiSegmentReader.read(header: header, headerPath: headerPath, limits: limits)
            recording = SignalRecording(format: "wfdb", channels: joined.channels, startTime: header.startTime)
            frames = joined.frames
        } else {
            let record = try readRecord(header: header, headerPath: headerPath, limits: limits)
            recording = record.recording()
            frames = record.frameCount
        }
        if let annotator {
            let annotationPath = (headerPath as NSString).deletingPathExtension + "." + annotator
            if FileManager.default.fileExists(atPath: annotationPath) {
                let hasSignals = header.signalCount > 0
                recording.annotations = try MITAnnotationReader.read(
                    path: annotationPath, samplingFrequency: header.samplingFrequency,
                    recordFrames: hasSignals ? frames : nil, limits: limits)
            }
        }
        return recording
    }

    static func readRecord(header: WFDBHeader, headerPath: String, limits: SignalLimits) throws(SignalError)
        -> WFDBRecord
    {
        try limits.checkChannels(header.signalCount, source: headerPath)
        for (index, signal) in header.signals.enumerated() {
            let name = "signal \(index) (\"\(signal.label(index: index))\", line \(signal.lineNumber))"
            try limits.checkRate(
                header.samplingFrequency * Double(signal.samplesPerFrame), channel: name, source: headerPath)
            if let frames = header.sampleCount {
                let (count, overflow) = frames.multipliedReportingOverflow(by: signal.samplesPerFrame)
                try limits.checkSamples(overflow ? Int.max : count, channel: name, source: headerPath)
            }
        }
        // Signals that share a file are read together, in the order the files first appear.
        var groups: [[Int]] = []
        var groupOfFile: [String: Int] = [:]
        for (index, signal) in header.signals.enumerated() where !signal.isNull {
            if let group = groupOfFile[signal.fileName] {
                groups[group].append(index)
            } else {
                groupOfFile[signal.fileName] = groups.count
                groups.append([index])
            }
        }
        var digital = [[Int32]](repeating: [], count: header.signals.count)
        for group in groups {
            let samples = try WFDBSignalFileReader.read(
                group: group, header: header, headerPath: headerPath, limits: limits)
            for (slot, index) in group.enumerated() { digital[index] = samples[slot] }
        }
        let frames =
            header.sampleCount
            ?? groups.map { digital[$0[0]].count / max(1, header.signals[$0[0]].samplesPerFrame) }.max() ?? 0
        for (index, signal) in header.signals.enumerated() where signal.isNull {
            let (count, overflow) = frames.multipliedReportingOverflow(by: signal.samplesPerFrame)
            try limits.checkSamples(
                overflow ? Int.max : count, channel: "signal \(index) (\"\(signal.label(index: index))\")",
                source: headerPath)
            digital[index] = [Int32](
                repeating: WFDBSampleFormat.null.missingSample, count: frames * signal.samplesPerFrame)
        }
        return WFDBRecord(header: header, digitalSignals: digital)
    }
}
