import Foundation

/// Joins the segments of a multi-segment WFDB record into one recording. A first segment of length
/// 0 is the layout (a variable-layout record: each segment's signals are matched to the layout's by
/// name); otherwise every segment has the record's signals in the same order (fixed layout). Null
/// segments ("~") and signals a segment lacks are NaN.
enum WFDBMultiSegmentReader {
    static func read(header: WFDBHeader, headerPath: String, limits: SignalLimits) throws(SignalError)
        -> (channels: [SignalChannel], frames: Int)
    {
        try limits.checkChannels(header.signalCount, source: headerPath)
        var total = 0
        for segment in header.segments {
            let (sum, overflow) = total.addingReportingOverflow(segment.sampleCount)
            guard !overflow else { throw SignalError(headerPath, "the segment lengths overflow") }
            total = sum
        }
        if let claimed = header.sampleCount, claimed != total {
            throw SignalError(
                headerPath, "the record line says \(claimed) samples, but its segments add up to \(total)")
        }
        try limits.checkSamples(total, channel: "record \(header.recordName)", source: headerPath)

        let layoutSegment = header.segments.first.flatMap { !$0.isNull && $0.sampleCount == 0 ? $0 : nil }
        let isVariableLayout = layoutSegment != nil
        var layout: [WFDBSignalSpecification]
        if let layoutSegment {
            layout = try loadSegmentHeader(layoutSegment, headerPath: headerPath).header.signals
        } else if let first = header.segments.first(where: { !$0.isNull && $0.sampleCount > 0 }) {
            layout = try loadSegmentHeader(first, headerPath: headerPath).header.signals
        } else {
            layout = (0..<header.signalCount).map { _ in WFDBSignalSpecification(fileName: "~", format: 0) }
        }
        guard layout.count == header.signalCount else {
            throw SignalError(
                headerPath,
                "the record line says \(header.signalCount) signals, but the "
                    + (isVariableLayout ? "layout segment" : "first segment") + " has \(layout.count)")
        }
        for (index, signal) in layout.enumerated() {
            let name = "signal \(index) (\"\(signal.label(index: index))\")"
            try limits.checkRate(
                header.samplingFrequency * Double(signal.samplesPerFrame), channel: name, source: headerPath)
            let (count, overflow) = total.multipliedReportingOverflow(by: signal.samplesPerFrame)
            try limits.checkSamples(overflow ? Int.max : count, channel: name, source: headerPath)
        }

        var samples = layout.map { [Float](repeating: .nan, count: total * $0.samplesPerFrame) }
        var start = 0
        for segment in header.segments {
            defer { start += segment.sampleCount }
            guard !segment.isNull, segment.sampleCount > 0 else { continue }
            var (segmentHeader, segmentPath) = try loadSegmentHeader(segment, headerPath: headerPath)
            let frequency = header.samplingFrequency
            guard abs(segmentHeader.samplingFrequency - frequency) <= 1e-9 * frequency else {
                throw SignalError(
                    segmentPath,
                    "sampling frequency \(segmentHeader.samplingFrequency) Hz differs from the record's \(frequency) Hz"
                )
            }
            if let claimed = segmentHeader.sampleCount, claimed != segment.sampleCount {
                throw SignalError(
                    segmentPath,
                    "the segment header says \(claimed) samples, line \(segment.lineNumber) of \(headerPath) says "
                        + "\(segment.sampleCount)")
            }
            segmentHeader.sampleCount = segment.sampleCount
            let record = try WFDBRecordReader.readRecord(header: segmentHeader, headerPath: segmentPath, limits: limits)
            var used = Set<Int>()
            for (index, channel) in record.channels().enumerated() {
                let signal = segmentHeader.signals[index]
                let target: Int
                if isVariableLayout {
                    guard
                        let match = layout.indices.first(where: {
                            !used.contains($0) && layout[$0].description == signal.description
                        })
                    else { continue }  // a signal the layout does not list is not part of the record
                    target = match
                } else {
                    guard index < layout.count else {
                        throw SignalError(
                            segmentPath,
                            "the segment has \(segmentHeader.signals.count) signals, the record \(layout.count)")
                    }
                    target = index
                }
                used.insert(target)
                let spf = layout[target].samplesPerFrame
                guard signal.samplesPerFrame == spf, channel.samples.count == segment.sampleCount * spf else {
                    throw SignalError(
                        segmentPath,
                        "signal \(index) has \(signal.samplesPerFrame) samples per frame, the record's signal "
                            + "\(target) has \(spf)")
                }
                samples[target].replaceSubrange(
                    (start * spf)..<((start + segment.sampleCount) * spf), with: channel.samples)
            }
        }
        let channels = layout.enumerated().map { index, signal in
            SignalChannel(
                label: signal.label(index: index), unit: signal.units,
                samplingRate: header.samplingFrequency * Double(signal.samplesPerFrame), samples: samples[index])
        }
        return (channels, total)
    }

    private static func loadSegmentHeader(_ segment: WFDBSegmentSpecification, headerPath: String) throws(SignalError)
        -> (header: WFDBHeader, path: String)
    {
        let folder = (headerPath as NSString).deletingLastPathComponent
        let path = (folder.isEmpty ? "" : folder + "/") + segment.name + ".hea"
        guard FileManager.default.fileExists(atPath: path) else {
            throw SignalError(path, "segment header not found (segment on line \(segment.lineNumber) of \(headerPath))")
        }
        let header = try WFDBHeaderParser.read(path: path)
        guard !header.isMultiSegment else {
            throw SignalError(path, "a segment may not itself be a multi-segment record")
        }
        return (header, path)
    }
}
