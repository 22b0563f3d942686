/// The waveforms of a DICOM waveform object (12-lead ECG, general ECG, hemodynamic): each
/// multiplex group with its channels in physical units, and the device's own annotations.
///
/// Physical value = stored value x Channel Sensitivity x Channel Sensitivity Correction Factor
/// + Channel Baseline, as pydicom computes it.
public struct DicomWaveform: Sendable, Equatable {
    public struct Channel: Sendable, Equatable {
        /// The channel source's code meaning ("Lead II") or label.
        public let label: String
        /// The sensitivity units' code value ("uV", "mV", "mmHg").
        public let unit: String
        public let samples: [Float]
    }

    public struct Group: Sendable, Equatable {
        public let label: String
        public let samplingFrequency: Double
        public let channels: [Channel]
    }

    /// A measurement or statement the device stored (heart rate, intervals, interpretation text).
    public struct Annotation: Sendable, Equatable {
        /// The concept name ("QT Interval") or "Text" for unformatted statements.
        public let name: String
        public let value: Double?
        public let unit: String?
        public let text: String?
        /// Seconds from the start, when the annotation refers to sample positions.
        public let time: Double?
    }

    public let groups: [Group]
    public let annotations: [Annotation]
}

extension DicomTag {
    static let waveformSequence = DicomTag(0x5400, 0x0100)
    static let multiplexGroupLabel = DicomTag(0x003A, 0x0020)
    static let numberOfWaveformChannels = DicomTag(0x003A, 0x0005)
    static let numberOfWaveformSamples = DicomTag(0x003A, 0x0010)
    static let samplingFrequency = DicomTag(0x003A, 0x001A)
    static let channelDefinitionSequence = DicomTag(0x003A, 0x0200)
    static let channelLabel = DicomTag(0x003A, 0x0203)
    static let channelSourceSequence = DicomTag(0x003A, 0x0208)
    static let channelSensitivity = DicomTag(0x003A, 0x0210)
    static let channelSensitivityUnitsSequence = DicomTag(0x003A, 0x0211)
    static let channelSensitivityCorrectionFactor = DicomTag(0x003A, 0x0212)
    static let channelBaseline = DicomTag(0x003A, 0x0213)
    static let waveformBitsAllocated = DicomTag(0x5400, 0x1004)
    static let waveformSampleInterpretation = DicomTag(0x5400, 0x1006)
    static let waveformData = DicomTag(0x5400, 0x1010)
    static let waveformAnnotationSequence = DicomTag(0x0040, 0xB020)
    static let unformattedTextValue = DicomTag(0x0070, 0x0006)
    static let conceptNameCodeSequence = DicomTag(0x0040, 0xA043)
    static let numericValue = DicomTag(0x0040, 0xA30A)
    static let measurementUnitsCodeSequence = DicomTag(0x0040, 0x08EA)
    static let referencedSamplePositions = DicomTag(0x0040, 0xA132)
    static let codeValue = DicomTag(0x0008, 0x0100)
    static let codeMeaning = DicomTag(0x0008, 0x0104)
}

extension DicomFile {
    /// True when the dataset carries a Waveform Sequence.
    public var hasWaveforms: Bool { dataset.contains(.waveformSequence) }

    /// Decodes every multiplex group. Sizes are checked against the stored data before allocation;
    /// at most `maxSamples` values are decoded per group.
    public func waveforms(maxSamples: Int = 200_000_000) throws(DicomError) -> DicomWaveform {
        let groups = dataset.sequence(.waveformSequence)
        guard !groups.isEmpty else { throw DicomError(.missingAttribute, source: source, reason: "has no Waveform Sequence (5400,0100)") }
        var decoded: [DicomWaveform.Group] = []
        for (index, group) in groups.enumerated() {
            decoded.append(try decodeGroup(group, index: index, maxSamples: maxSamples))
        }
        let frequency = decoded.first?.samplingFrequency ?? 0
        let annotations = dataset.sequence(.waveformAnnotationSequence).map { item -> DicomWaveform.Annotation in
            let name = item.sequence(.conceptNameCodeSequence).first?.string(.codeMeaning) ?? "Text"
            let unit = item.sequence(.measurementUnitsCodeSequence).first?.string(.codeValue)
            let position = item.numbers(.referencedSamplePositions)?.first
            return DicomWaveform.Annotation(
                name: name, value: item.number(.numericValue), unit: unit, text: item.string(.unformattedTextValue),
                time: position.flatMap { frequency > 0 ? ($0 - 1) / frequency : nil })
        }
        return DicomWaveform(groups: decoded, annotations: annotations)
    }

    private func decodeGroup(_ group: DicomItem, index: Int, maxSamples: Int) throws(DicomError) -> DicomWaveform.Group {
        func fail(_ reason: String) -> DicomError {
            DicomError(.inconsistent, source: source, reason: "waveform group \(index + 1): \(reason)")
        }
        guard let channels = group.integer(.numberOfWaveformChannels), (1...1024).contains(channels) else {
            throw fail("Number of Waveform Channels is missing or not 1 to 1024")
        }
        guard let samples = group.integer(.numberOfWaveformSamples), samples >= 1 else {
            throw fail("Number of Waveform Samples is missing or not positive")
        }
        guard let frequency = group.number(.samplingFrequency), frequency > 0, frequency <= 1_000_000 else {
            throw fail("Sampling Frequency is missing or outside 0 to 1 MHz")
        }
        guard let bits = group.integer(.waveformBitsAllocated), bits == 8 || bits == 16 else {
            throw DicomError(.unsupported, source: source, reason: "waveform group \(index + 1): Waveform Bits Allocated must be 8 or 16")
        }
        let interpretation = group.string(.waveformSampleInterpretation) ?? (bits == 16 ? "SS" : "SB")
        guard ["SS", "US", "SB", "UB"].contains(interpretation) else {
            throw DicomError(
                .unsupported, source: source,
                reason: "waveform group \(index + 1): sample interpretation '\(interpretation)' is not supported (SS, US, SB, UB)")
        }
        let (count, overflow) = channels.multipliedReportingOverflow(by: samples)
        guard !overflow, count <= maxSamples else {
            throw DicomError(.tooLarge, source: source, reason: "waveform group \(index + 1) holds more than \(maxSamples) values")
        }
        let bytesNeeded = count * bits / 8
        guard let available = group.valueLength(.waveformData), Int(available) >= bytesNeeded else {
            throw fail("Waveform Data holds fewer bytes than \(channels) channels x \(samples) samples need")
        }
        let raw = try group.bytes(.waveformData, offset: 0, count: UInt32(bytesNeeded), source: source)
        let unpacker = SampleUnpacker(bitsAllocated: bits, bitsStored: bits, isSigned: interpretation.hasPrefix("S"))
        let values = unpacker.unpack(raw, count: count)
        let definitions = group.sequence(.channelDefinitionSequence)
        var decoded: [DicomWaveform.Channel] = []
        for channel in 0..<channels {
            let definition = channel < definitions.count ? definitions[channel] : nil
            let sensitivity = definition?.number(.channelSensitivity) ?? 1
            let correction = definition?.number(.channelSensitivityCorrectionFactor) ?? 1
            let baseline = definition?.number(.channelBaseline) ?? 0
            let label =
                definition?.sequence(.channelSourceSequence).first?.string(.codeMeaning)
                ?? definition?.string(.channelLabel) ?? "channel \(channel + 1)"
            let unit = definition?.sequence(.channelSensitivityUnitsSequence).first?.string(.codeValue) ?? ""
            var series = [Float](repeating: 0, count: samples)
            for sample in 0..<samples {
                series[sample] = Float(values[sample * channels + channel] * sensitivity * correction + baseline)
            }
            decoded.append(DicomWaveform.Channel(label: label, unit: unit, samples: series))
        }
        return DicomWaveform.Group(
            label: group.string(.multiplexGroupLabel) ?? "group \(index + 1)", samplingFrequency: frequency, channels: decoded)
    }
}
