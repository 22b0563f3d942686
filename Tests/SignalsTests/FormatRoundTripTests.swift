import Foundation
import Signals
import Testing

/// Writes synthetic signals with the project's writers and reads them back: WFDB 212 and 16 exactly in
/// ADC units (and within half an ADC step in physical units), EDF+/BDF+ within the quantisation step,
/// annotations preserved; and every WFDB storage format, multi-segment records, EDF+D placement and
/// the MIT annotation codes through hand-made files.
@Suite struct FormatRoundTripTests {
    // MARK: - WFDB writer and reader

    @Test(arguments: WFDBWriter.Format.allCases)
    func wfdbDigitalSamplesRoundTripExactly(format: WFDBWriter.Format) throws {
        let folder = try SignalTestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let amplitude = format == .format212 ? 2047 : 32_767
        var first = SyntheticSignals.digital(count: 2001, amplitude: amplitude)
        let second = SyntheticSignals.digital(count: 2001, amplitude: amplitude / 3, period: 311, phase: 40)
        let invalid: Int32 = format == .format212 ? -2048 : -32_768
        first[7] = invalid
        first[2000] = invalid
        let signals = [
            WFDBWriter.Signal(label: "II", unit: "mV", adcGain: 200, baseline: 12, digital: first),
            WFDBWriter.Signal(label: "ABP (radial)", unit: "mmHg", adcGain: 12.5, baseline: -40, digital: second),
        ]
        let annotations = [
            SignalAnnotation(time: 0.2, code: "N"),
            SignalAnnotation(time: 1.1, code: "V"),
            SignalAnnotation(time: 2.0, code: "+", text: "(AFIB"),
            SignalAnnotation(time: 7.5, code: "\"", text: "pulled lead"),
        ]
        let path = folder.appendingPathComponent("rt\(format.rawValue).hea").path
        try WFDBWriter.write(
            signals: signals, samplingFrequency: 250, headerPath: path, format: format,
            startTime: DateComponents(year: 2022, month: 7, day: 1, hour: 23, minute: 59, second: 58),
            annotations: annotations)

        let record = try WFDBRecordReader.readRecord(headerPath: path)
        #expect(record.digitalSignals == [first, second])
        #expect(record.header.signals.map(\.format) == [format.rawValue, format.rawValue])
        #expect(record.header.signals.map(\.initialValue) == [Int(first[0]), Int(second[0])])
        #expect(
            record.header.signals.map(\.checksum) == [WFDBTestFiles.checksum(first), WFDBTestFiles.checksum(second)])

        let recording = try SignalFileReader.read(path: path)
        #expect(recording.format == "wfdb")
        #expect(recording.channels.map(\.label) == ["II", "ABP (radial)"])
        #expect(recording.channels.map(\.unit) == ["mV", "mmHg"])
        #expect(recording.channels.allSatisfy { $0.samplingRate == 250 })
        for (channel, signal) in zip(recording.channels, signals) {
            for (value, digital) in zip(channel.samples, signal.digital) {
                if digital == invalid {
                    #expect(value.isNaN, "an invalid sample reads as NaN")
                } else {
                    let expected = (Double(digital) - Double(signal.baseline)) / signal.adcGain
                    #expect(abs(Double(value) - expected) <= 1e-6 * max(1, abs(expected)))
                }
            }
        }
        #expect(recording.annotations == annotations)
        #expect(recording.startTime == DateComponents(year: 2022, month: 7, day: 1, hour: 23, minute: 59, second: 58))
    }

    @Test(arguments: WFDBWriter.Format.allCases)
    func wfdbPhysicalSamplesRoundTripWithinHalfAnADCStep(format: WFDBWriter.Format) throws {
        let folder = try SignalTestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var recording = SyntheticSignals.ecgRecording()
        recording.channels[1].samples[333] = .nan
        let path = folder.appendingPathComponent("ecg.hea").path
        try WFDBWriter.write(recording, headerPath: path, format: format)
        let back = try SignalFileReader.read(path: path)
        let header = try WFDBRecordReader.readHeader(path: path)

        #expect(back.channels.count == 2)
        for (index, (original, read)) in zip(recording.channels, back.channels).enumerated() {
            let step = 1 / header.signals[index].adcGain
            #expect(read.samples.count == original.samples.count)
            #expect(read.label == original.label && read.unit == original.unit && read.samplingRate == 360)
            for (x, y) in zip(original.samples, read.samples) {
                if x.isNaN {
                    #expect(y.isNaN)
                } else {
                    #expect(Double(abs(x - y)) <= step / 2 + 1e-6 * Double(max(1, abs(x))))
                }
            }
        }
        #expect(back.annotations == recording.annotations)
        #expect(back.startTime == recording.startTime)
    }

    @Test func wfdbWritesChannelsAtMultiplesOfTheFrameRateAsSamplesPerFrame() throws {
        let folder = try SignalTestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let recording = SignalRecording(
            format: "synthetic",
            channels: [
                SignalChannel(
                    label: "ECG", unit: "mV", samplingRate: 500,
                    samples: SyntheticSignals.wave(count: 1000, rate: 500, amplitude: 1)),
                SignalChannel(
                    label: "ABP", unit: "mmHg", samplingRate: 125,
                    samples: SyntheticSignals.wave(count: 250, rate: 125, amplitude: 30, offset: 90)),
                SignalChannel(
                    label: "PPG", unit: "NU", samplingRate: 250,
                    samples: SyntheticSignals.wave(count: 499, rate: 250, amplitude: 5)),
            ])
        let path = folder.appendingPathComponent("multirate.hea").path
        try WFDBWriter.write(recording, headerPath: path, format: .format16)
        let header = try WFDBRecordReader.readHeader(path: path)
        #expect(header.samplingFrequency == 125)
        #expect(header.signals.map(\.samplesPerFrame) == [4, 1, 2])
        let back = try SignalFileReader.read(path: path)
        #expect(back.channels.map(\.samplingRate) == [500, 125, 250])
        #expect(back.channels.map(\.samples.count) == [1000, 250, 500])
        #expect(back.channels[2].samples[499].isNaN, "the shorter channel is padded with a missing sample")
        for (original, read) in zip(recording.channels, back.channels) {
            let maxError = zip(original.samples, read.samples).map { abs($0 - $1) }.max() ?? 0
            let range = (original.samples.max() ?? 0) - (original.samples.min() ?? 0)
            #expect(maxError <= range / 30_000)
        }
    }

    // MARK: - Every WFDB storage format, hand-packed

    /// (format, amplitude): the test packer is written from the format descriptions, not shared
    /// with the reader.
    static let formats: [(Int, Int)] = [
        (8, 600), (16, 30_000), (24, 8_000_000), (32, 2_000_000_000), (61, 30_000), (80, 127), (160, 30_000),
        (212, 2047), (310, 511), (311, 511),
    ]

    @Test(arguments: formats)
    func everyWFDBFormatDecodes(format: Int, amplitude: Int) throws {
        let folder = try SignalTestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Format 8 stores differences: a slow wave without spikes keeps them within a byte.
        let spikes = format == 8 ? 0 : 97
        let period: Double = format == 8 ? 900 : 180
        for count in [1, 2, 3, 4, 5, 1000, 1001] {
            let a = SyntheticSignals.digital(count: count, amplitude: amplitude, period: period, spikeEvery: spikes)
            let b = SyntheticSignals.digital(
                count: count, amplitude: amplitude, period: period * 1.3, spikeEvery: spikes, phase: 17
            ).map { -$0 }
            let flat = WFDBTestFiles.interleave([a, b])
            let stored: [Int32]
            if format == 8 {
                let previous = WFDBTestFiles.interleave([[a[0]] + a.dropLast(), [b[0]] + b.dropLast()])
                stored = zip(flat, previous).map { $0 - $1 }
            } else {
                stored = flat
            }
            let header = """
                # every format, \(count) samples
                fmt\(format) 2 500 \(count)
                fmt\(format).dat \(format) 100(0)/mV 0 0 \(a[0]) \(WFDBTestFiles.checksum(a)) 0 lead A
                fmt\(format).dat \(format) 100(0)/mV 0 0 \(b[0]) \(WFDBTestFiles.checksum(b)) 0 lead B

                """
            try WFDBTestFiles.write(
                [
                    "fmt\(format).hea": WFDBTestFiles.text(header),
                    "fmt\(format).dat": WFDBTestFiles.pack(stored, format: format),
                ],
                in: folder)
            let record = try WFDBRecordReader.readRecord(
                headerPath: folder.appendingPathComponent("fmt\(format).hea").path)
            #expect(record.digitalSignals == [a, b], "format \(format), \(count) samples")
            #expect(record.header.signals.map(\.description) == ["lead A", "lead B"])
        }
    }

    @Test func skewByteOffsetAndSamplesPerFrameArePlacedAsTheHeaderSays() throws {
        let folder = try SignalTestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Signal 0: 2 samples per frame; signal 1: skew 1 (its sample t is in frame t + 1).
        let frames = 6
        let fast: [Int32] = (0..<(2 * frames)).map { Int32($0 * 10) }
        let slow: [Int32] = (0..<(frames + 1)).map { Int32(-100 - $0) }  // one extra frame for the skew
        var flat: [Int32] = []
        for frame in 0..<(frames + 1) {
            flat += frame < frames ? [fast[2 * frame], fast[2 * frame + 1]] : [0, 0]
            flat.append(frame == 0 ? 999 : slow[frame - 1])
        }
        let prolog: [UInt8] = Array("PROLOG!!".utf8)
        let header = """
            skewed 2 100/1000(5) \(frames) 12:30:45.250 31/12/1999
            skewed.dat 16x2+8 50(10)/uV 16 0 0 \(WFDBTestFiles.checksum(fast)) 0 fast lead
            skewed.dat 16:1+8 2/mmHg 16 0 -100
            #a trailing comment

            """
        try WFDBTestFiles.write(
            ["skewed.hea": WFDBTestFiles.text(header), "skewed.dat": prolog + WFDBTestFiles.pack(flat, format: 16)],
            in: folder)
        let record = try WFDBRecordReader.readRecord(headerPath: folder.appendingPathComponent("skewed.hea").path)
        #expect(record.header.counterFrequency == 1000)
        #expect(record.header.baseCounter == 5)
        #expect(record.header.comments == ["a trailing comment"])
        #expect(
            record.header.startTime
                == DateComponents(
                    year: 1999, month: 12, day: 31, hour: 12, minute: 30, second: 45, nanosecond: 250_000_000))
        #expect(record.header.signals[0].baseline == 10)
        #expect(record.header.signals[0].units == "uV")
        #expect(record.header.signals[1].baseline == 0)
        #expect(record.digitalSignals[0] == fast)
        #expect(record.digitalSignals[1] == Array(slow.prefix(frames)))
        let channels = record.channels()
        #expect(channels[0].samplingRate == 200)
        #expect(channels[0].label == "fast lead")
        #expect(channels[1].label == "signal 1")
        #expect(channels[0].samples[1] == Float((10.0 - 10) / 50))
        #expect(channels[1].samples[0] == -50)
    }

    @Test func uncalibratedSignalsAndDefaultsFollowTheHeaderSpecification() throws {
        let folder = try SignalTestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("plain.hea").path
        try Data("plain 1\nplain.dat 212\n".utf8).write(to: URL(fileURLWithPath: path))
        let header = try WFDBRecordReader.readHeader(path: path)
        #expect(header.samplingFrequency == 250)
        #expect(header.sampleCount == nil)
        #expect(header.signals[0].adcGain == 200)
        #expect(header.signals[0].isCalibrated == false)
        #expect(header.signals[0].units == "mV")
        #expect(header.signals[0].adcResolution == 12)
    }

    // MARK: - Multi-segment records

    @Test func fixedLayoutSegmentsAndNullSegmentsJoinIntoOneRecording() throws {
        let folder = try SignalTestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = SyntheticSignals.digital(count: 300, amplitude: 1000)
        let second = SyntheticSignals.digital(count: 200, amplitude: 1000, phase: 9)
        for (name, samples) in [("part_1", first), ("part_2", second)] {
            try WFDBWriter.write(
                signals: [
                    WFDBWriter.Signal(label: "II", unit: "mV", adcGain: 100, digital: samples),
                    WFDBWriter.Signal(label: "V", unit: "mV", adcGain: 100, digital: samples.map { -$0 }),
                ],
                samplingFrequency: 100, headerPath: folder.appendingPathComponent("\(name).hea").path, format: .format16
            )
        }
        let master = "joined/3 2 100 600 10:00:00\npart_1 300\n~ 100\npart_2 200\n"
        try Data(master.utf8).write(to: folder.appendingPathComponent("joined.hea"))
        try MITAnnotationWriter.write(
            [SignalAnnotation(time: 5.5, code: "N")], samplingFrequency: 100,
            to: folder.appendingPathComponent("joined.atr").path)

        let recording = try SignalFileReader.read(path: folder.appendingPathComponent("joined.hea").path)
        #expect(recording.channels.map(\.label) == ["II", "V"])
        #expect(recording.channels.map(\.samples.count) == [600, 600])
        #expect(recording.channels[0].samples[0..<300].map { Int32(($0 * 100).rounded()) } == first)
        #expect(recording.channels[0].samples[300..<400].allSatisfy { $0.isNaN })
        #expect(recording.channels[1].samples[400..<600].map { Int32(($0 * 100).rounded()) } == second.map { -$0 })
        #expect(recording.annotations == [SignalAnnotation(time: 5.5, code: "N")])
        #expect(recording.startTime == DateComponents(hour: 10, minute: 0, second: 0))
    }

    @Test func variableLayoutMatchesSignalsByNameAndLeavesMissingOnesNaN() throws {
        let folder = try SignalTestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let layout = """
            var_layout 3 125 0
            ~ 0 200/mV 16 0 0 0 0 II
            ~ 0 1/mmHg 16 0 0 0 0 ABP
            ~ 0 100/NU 16 0 0 0 0 PLETH

            """
        try Data(layout.utf8).write(to: folder.appendingPathComponent("var_layout.hea"))
        let ecg = SyntheticSignals.digital(count: 250, amplitude: 800)
        let pressure = SyntheticSignals.digital(count: 250, amplitude: 60, period: 125).map { $0 + 90 }
        try WFDBWriter.write(
            signals: [
                WFDBWriter.Signal(label: "ABP", unit: "mmHg", adcGain: 1, digital: pressure),
                WFDBWriter.Signal(label: "II", unit: "mV", adcGain: 200, digital: ecg),
            ],
            samplingFrequency: 125, headerPath: folder.appendingPathComponent("var_0001.hea").path, format: .format16)
        try WFDBWriter.write(
            signals: [WFDBWriter.Signal(label: "PLETH", unit: "NU", adcGain: 100, digital: ecg)],
            samplingFrequency: 125, headerPath: folder.appendingPathComponent("var_0002.hea").path, format: .format212)
        let master = "var/3 3 125 500\nvar_layout 0\nvar_0001 250\nvar_0002 250\n"
        try Data(master.utf8).write(to: folder.appendingPathComponent("var.hea"))

        let recording = try SignalFileReader.read(path: folder.appendingPathComponent("var.hea").path)
        #expect(recording.channels.map(\.label) == ["II", "ABP", "PLETH"])
        #expect(recording.channels.map(\.unit) == ["mV", "mmHg", "NU"])
        #expect(recording.channels[0].samples[0..<250].map { Int32(($0 * 200).rounded()) } == ecg)
        #expect(recording.channels[0].samples[250...].allSatisfy { $0.isNaN })
        #expect(recording.channels[1].samples[0..<250].map { Int32($0.rounded()) } == pressure)
        #expect(recording.channels[2].samples[0..<250].allSatisfy { $0.isNaN })
        #expect(recording.channels[2].samples[250...].map { Int32(($0 * 100).rounded()) } == ecg)
    }

    // MARK: - MIT annotations

    @Test func mitAnnotationFilesDecodeEveryCodeAndPseudoAnnotation() throws {
        let folder = try SignalTestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var bytes: [UInt8] = []
        func word(_ code: Int, _ value: Int) {
            bytes += [UInt8(value & 0xFF), UInt8((code << 2) | (value >> 8))]
        }
        // Every standard code, 3 samples apart.
        let codes = MITAnnotationCode.mnemonics.keys.filter { $0 > 0 }.sorted()
        for code in codes { word(code, 3) }
        // SKIP of 100 000 samples (high word first, each little-endian), then a PVC on channel 2
        // with NUM and SUB (read, not kept) and an odd-length AUX string.
        word(59, 0)
        bytes += [0x01, 0x00, 0xA0, 0x86]  // 0x0001_86A0 = 100 000
        word(5, 0)
        word(60, 7)
        word(61, 1)
        word(62, 2)
        let aux = Array("(VT".utf8)
        word(63, aux.count)
        bytes += aux + [0]
        // A rhythm change whose aux string carries a NUL terminator; the channel carries over.
        word(28, 10)
        word(63, 6)
        bytes += Array("(AFIB".utf8) + [0]
        word(0, 0)
        try Data(bytes).write(to: folder.appendingPathComponent("codes.atr"))

        let annotations = try MITAnnotationReader.read(
            path: folder.appendingPathComponent("codes.atr").path, samplingFrequency: 250, recordFrames: nil)
        #expect(annotations.count == codes.count + 2)
        #expect(annotations.prefix(codes.count).map(\.code) == codes.map { MITAnnotationCode.mnemonic($0) })
        for expected in [
            "N", "L", "R", "A", "a", "J", "S", "V", "F", "[", "!", "]", "e", "j", "E", "/", "f", "x", "Q", "|", "+",
            "~", "\"", "=",
        ] {
            #expect(annotations.contains { $0.code == expected }, "code \(expected)")
        }
        #expect(annotations[0].time == 3.0 / 250)
        let pvc = annotations[codes.count]
        let lastSample = Double(3 * codes.count + 100_000)
        #expect(pvc == SignalAnnotation(time: lastSample / 250, code: "V", text: "(VT", channel: 2))
        #expect(
            annotations.last == SignalAnnotation(time: (lastSample + 10) / 250, code: "+", text: "(AFIB", channel: 2))
    }

    @Test func mitAnnotationWriterRoundTripsLongGapsChannelsAndText() throws {
        let folder = try SignalTestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let annotations = [
            SignalAnnotation(time: 0, code: "N", channel: 0),
            SignalAnnotation(time: 4.004, code: "V", channel: 1),
            SignalAnnotation(time: 3600.5, code: "+", text: "(SVTA", channel: 1),
            SignalAnnotation(time: 86_399.996, code: "[42]", text: "user code", channel: 0),
        ]
        let path = folder.appendingPathComponent("gaps.atr").path
        try MITAnnotationWriter.write(annotations, samplingFrequency: 250, to: path)
        let back = try MITAnnotationReader.read(path: path, samplingFrequency: 250, recordFrames: 250 * 86_400)
        #expect(back == annotations)
    }

    @Test func timeResolutionNotesSetTheAnnotationFrequency() throws {
        let folder = try SignalTestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let annotations = [
            SignalAnnotation(time: 0, code: "\"", text: "## time resolution: 1000"),
            SignalAnnotation(time: 1.5, code: "N"),
        ]
        let path = folder.appendingPathComponent("hires.atr").path
        try MITAnnotationWriter.write(annotations, samplingFrequency: 1000, to: path)
        let back = try MITAnnotationReader.read(path: path, samplingFrequency: 250, recordFrames: 500)
        #expect(back == [SignalAnnotation(time: 1.5, code: "N")])
    }

    // MARK: - EDF+ and BDF+

    @Test(arguments: [EDFWriter.Format.edfPlus, .bdfPlus])
    func edfPlusRoundTripsWithinTheQuantisationStep(format: EDFWriter.Format) throws {
        let folder = try SignalTestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var recording = SyntheticSignals.ecgRecording()
        recording.channels.append(
            SignalChannel(
                label: "Resp", unit: "uV", samplingRate: 25,
                samples: SyntheticSignals.wave(count: 250, rate: 25, amplitude: 300, frequency: 0.25)))
        recording.channels.append(
            SignalChannel(label: "SpO2", unit: "%", samplingRate: 1, samples: (0..<10).map { Float(95 + $0 % 3) }))
        recording.annotations = [
            SignalAnnotation(time: 0.5, code: "Lights off"),
            SignalAnnotation(time: 2.25, duration: 1.5, code: "Apnea"),
            SignalAnnotation(time: 9.75, duration: 0.25, code: "Arousal"),
        ]
        let path = folder.appendingPathComponent(format == .edfPlus ? "rt.edf" : "rt.bdf").path
        try EDFWriter.write(recording, to: path, format: format)
        let header = try EDFReader.readHeader(path: path)
        let back = try SignalFileReader.read(path: path)

        #expect(back.format == (format == .edfPlus ? "edf+" : "bdf"))
        #expect(header.plus == .continuous)
        #expect(header.recordDuration == 1)
        #expect(back.channels.map(\.label) == ["MLII", "V5", "Resp", "SpO2"])
        #expect(back.channels.map(\.unit) == ["mV", "mV", "uV", "%"])
        #expect(back.channels.map(\.samplingRate) == [360, 360, 25, 1], "channels keep their own rates")
        for (index, (original, read)) in zip(recording.channels, back.channels).enumerated() {
            #expect(read.samples.count == original.samples.count)
            let step = header.signals[index].scale
            for (x, y) in zip(original.samples, read.samples) {
                // Half a step, plus what Float keeps of the value.
                #expect(Double(abs(x - y)) <= step / 2 + 2.4e-7 * Double(max(abs(x), 1)))
            }
        }
        #expect(back.annotations == recording.annotations)
        #expect(back.startTime == recording.startTime)
    }

    @Test func plainEDFReadsAsEDFWithTheHeaderStartTime() throws {
        let folder = try SignalTestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let recording = SyntheticSignals.ecgRecording(seconds: 2)
        let path = folder.appendingPathComponent("plain.edf").path
        try EDFWriter.write(recording, to: path)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        EDFTestEditing.set("reserved", to: "", in: &bytes)
        EDFTestEditing.set("recording", to: "Startdate 14-NOV-2023 X X X", in: &bytes)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let back = try SignalFileReader.read(path: path)
        #expect(back.format == "edf")
        #expect(try EDFReader.readHeader(path: path).plus == nil)
        #expect(back.channels.map(\.samples.count) == [720, 720])
        #expect(back.startTime == recording.startTime)
    }

    @Test func edfPlusAnnotationTextJoinsCodeAndText() throws {
        let folder = try SignalTestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var recording = SyntheticSignals.ecgRecording(seconds: 3)
        let path = folder.appendingPathComponent("joined.edf").path
        try EDFWriter.write(recording, to: path)
        recording.annotations = try SignalFileReader.read(path: path).annotations
        #expect(recording.annotations.map(\.code) == ["N", "V", "+ (AFIB", "A", "+ (N", "~"])
        #expect(recording.annotations.map(\.text) == ["", "", "", "", "", ""])
    }

    @Test func edfPlusDiscontinuousRecordsArePlacedAtTheirOnsets() throws {
        let folder = try SignalTestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let recording = SignalRecording(
            format: "synthetic",
            channels: [
                SignalChannel(label: "EEG Fpz-Cz", unit: "uV", samplingRate: 100, samples: (0..<300).map { Float($0) }),
                SignalChannel(label: "Resp", unit: "uV", samplingRate: 10, samples: (0..<30).map { Float($0) * 10 }),
            ],
            annotations: [SignalAnnotation(time: 0.1, code: String(repeating: "long text to reserve room ", count: 2))])
        let path = folder.appendingPathComponent("gaps.edf").path
        try EDFWriter.write(recording, to: path)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        // Three one-second records at 10, 15 and 16 s: a four-second gap after the first.
        EDFTestEditing.makeDiscontinuous(&bytes, onsets: [10, 15, 16], annotations: [(12.5, "Electrode pop")])
        try Data(bytes).write(to: URL(fileURLWithPath: path))

        let back = try SignalFileReader.read(path: path)
        #expect(back.channels.map(\.samples.count) == [700, 70])
        let eeg = back.channels[0].samples
        let step = Float(try EDFReader.readHeader(path: path).signals[0].scale)
        #expect(zip(eeg[0..<100], 0..<100).allSatisfy { abs($0 - Float($1)) <= step })
        #expect(eeg[100..<500].allSatisfy { $0.isNaN }, "the gap between records is NaN")
        #expect(zip(eeg[500..<700], 100..<300).allSatisfy { abs($0 - Float($1)) <= step })
        #expect(back.channels[1].samples[10..<50].allSatisfy { $0.isNaN })
        #expect(back.annotations == [SignalAnnotation(time: 2.5, code: "Electrode pop")])
        // The first record starts 10 s after the header's start time.
        #expect(back.startTime?.second == 10)
    }
}
