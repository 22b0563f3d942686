import Foundation
import Signals
import TestSupport
import Testing

/// Damaged and hostile signal files: every one gives an error that names the file and says what is
/// wrong, absurd header claims are refused against the limits before anything is allocated, and no
/// file crashes the reader.
@Suite struct FormatBadInputTests {
    /// A WFDB 212 record (2 signals, 2 s at 250 Hz) with annotations, in a fresh folder.
    private func writeRecord(format: WFDBWriter.Format = .format212) throws -> (folder: URL, header: String) {
        let folder = try SignalTestPaths.temporaryFolder()
        let signals = [
            WFDBWriter.Signal(
                label: "MLII", unit: "mV", adcGain: 200,
                digital: SyntheticSignals.digital(count: 500, amplitude: 1500)),
            WFDBWriter.Signal(
                label: "V5", unit: "mV", adcGain: 200,
                digital: SyntheticSignals.digital(count: 500, amplitude: 900, phase: 3)),
        ]
        let header = folder.appendingPathComponent("rec.hea").path
        try WFDBWriter.write(
            signals: signals, samplingFrequency: 250, headerPath: header, format: format,
            annotations: [SignalAnnotation(time: 0.4, code: "N"), SignalAnnotation(time: 1.2, code: "V")])
        return (folder, header)
    }

    private func error(_ body: () throws(SignalError) -> SignalRecording) -> SignalError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error
        }
    }

    private func replaceHeader(_ header: String, _ edit: (String) -> String) throws {
        let text = try String(contentsOfFile: header, encoding: .utf8)
        try Data(edit(text).utf8).write(to: URL(fileURLWithPath: header))
    }

    // MARK: - WFDB

    @Test(arguments: WFDBWriter.Format.allCases)
    func truncatedDataFileNamesTheFileTheSignalsAndTheCounts(format: WFDBWriter.Format) throws {
        let (folder, header) = try writeRecord(format: format)
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("rec.dat")
        let bytes = try Data(contentsOf: data)
        try bytes.prefix(bytes.count * 2 / 3).write(to: data)
        let failure = try #require(error { () throws(SignalError) in try SignalFileReader.read(path: header) })
        #expect(failure.source == data.path)
        #expect(failure.reason.contains("signals 0 (\"MLII\"), 1 (\"V5\")"))
        #expect(failure.reason.contains("the header says 500 samples per signal, but the file holds only 333"))
        #expect(failure.description.hasPrefix(data.path + ": "))
    }

    @Test func missingDataFileIsNamed() throws {
        let (folder, header) = try writeRecord()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("rec.dat"))
        let failure = try #require(error { () throws(SignalError) in try SignalFileReader.read(path: header) })
        #expect(failure.source == folder.appendingPathComponent("rec.dat").path)
        #expect(failure.reason.contains("signal file (named on line 2 of \(header)) not found"))
    }

    @Test func wrongChecksumNamesTheSignal() throws {
        let (folder, header) = try writeRecord(format: .format16)
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("rec.dat")
        var bytes = try [UInt8](Data(contentsOf: data))
        bytes[2 * 101] &+= 1  // signal 1 ("V5"), frame 50
        try Data(bytes).write(to: data)
        let failure = try #require(error { () throws(SignalError) in try SignalFileReader.read(path: header) })
        #expect(failure.source == data.path)
        #expect(failure.reason.contains("checksum mismatch for signal 1 (\"V5\")"))
        #expect(failure.reason.contains("the header (line 3) says"))
    }

    @Test func invalidSamplesReadAsNaN() throws {
        let folder = try SignalTestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let samples: [Int32] = [10, -32_768, 20, -32_768]
        let header = "nan 1 100 4\nnan.dat 16 10/mV 16 0 10 \(WFDBTestFiles.checksum(samples)) 0 II\n"
        try WFDBTestFiles.write(
            ["nan.hea": WFDBTestFiles.text(header), "nan.dat": WFDBTestFiles.pack(samples, format: 16)], in: folder)
        let recording = try SignalFileReader.read(path: folder.appendingPathComponent("nan.hea").path)
        let values = recording.channels[0].samples
        #expect(values[0] == 1 && values[2] == 2)
        #expect(values[1].isNaN && values[3].isNaN)
    }

    /// (header edit, expected part of the reason)
    static let absurdHeaders: [(String, String)] = [
        ("rec 2 250 999999999999999", "999999999999999 samples is more than the limit of 86400000 per channel"),
        ("rec 2 1e9 500", "sampling rate 1000000000.0 Hz is above the limit of 100000.0 Hz"),
        ("rec 99999 250 500", "99999 signals is more than the limit of 512"),
        ("rec 2 250 9223372036854775807", "is more than the limit of 86400000 per channel"),
    ]

    @Test(arguments: absurdHeaders)
    func absurdSampleCountsRatesAndChannelsAreRefusedBeforeAllocation(recordLine: String, expected: String) throws {
        let (folder, header) = try writeRecord()
        defer { try? FileManager.default.removeItem(at: folder) }
        try replaceHeader(header) { text in
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            lines[0] = recordLine
            if recordLine.hasPrefix("rec 99999") {
                lines = [lines[0]] + (0..<99_999).map { _ in lines[1] }
            }
            return lines.joined(separator: "\n")
        }
        let failure = try #require(error { () throws(SignalError) in try SignalFileReader.read(path: header) })
        #expect(failure.source == header)
        #expect(failure.reason.contains(expected), "\(failure)")
    }

    @Test func absurdSamplesPerFrameAndCustomLimitsAreRefused() throws {
        let (folder, header) = try writeRecord()
        defer { try? FileManager.default.removeItem(at: folder) }
        let small = SignalLimits(maxSamplesPerChannel: 100, maxChannels: 1, maxSamplingRate: 200)
        let channels = try #require(
            error { () throws(SignalError) in try SignalFileReader.read(path: header, limits: small) })
        #expect(channels.reason.contains("2 signals is more than the limit of 1"))
        let rate = try #require(
            error { () throws(SignalError) in
                try SignalFileReader.read(path: header, limits: SignalLimits(maxSamplingRate: 200))
            })
        #expect(
            rate.reason.contains("signal 0 (\"MLII\", line 2): sampling rate 250.0 Hz is above the limit of 200.0 Hz"))
        let samples = try #require(
            error { () throws(SignalError) in
                try SignalFileReader.read(path: header, limits: SignalLimits(maxSamplesPerChannel: 100))
            })
        #expect(samples.reason.contains("500 samples is more than the limit of 100 per channel"))

        try replaceHeader(header) { $0.replacingOccurrences(of: "rec.dat 212 ", with: "rec.dat 212x99999999 ") }
        let frame = try #require(error { () throws(SignalError) in try SignalFileReader.read(path: header) })
        #expect(frame.reason.contains("is above the limit of 100000.0 Hz"))
    }

    /// (header text, expected reason)
    static let syntaxErrors: [(String, String)] = [
        ("rec 1 250 500\nrec.dat 212 200/mV 12 0 x 0 0 MLII\n", "line 2: initial value 'x' is not an integer"),
        ("rec 2 abc 500\n", "line 1: sampling frequency 'abc' is not a number"),
        ("rec\n", "line 1: the record line has no number of signals"),
        ("# only a comment\n\n", "no record line: the header is empty or holds only comments"),
        (
            "rec 2 250 500\n# comment\nrec.dat 212 200/mV\n",
            "the record line (line 1) says 2 signals, but the header has only 1 signal line"
        ),
        (
            "rec 1 250 500\nrec.dat 212\nrec.dat 212\n",
            "line 3: unexpected line after the 1 signal line the record line announces"
        ),
        ("rec 1 250 500\nrec.dat 212y3\n", "line 2: format field '212y3' is not FORMAT[xSAMPLES][:SKEW][+OFFSET]"),
        ("rec 1 250 500\nrec.dat 212 200(5/mV\n", "line 2: baseline in '200(5/mV' has no closing ')'"),
        ("rec 1 250 500\nrec.dat 516 200/mV\n", "line 2: signal format 516 (FLAC-compressed) is not supported"),
        ("rec 1 250 500\nrec.dat 508\n", "line 2: signal format 508 (FLAC-compressed) is not supported"),
        (
            "rec 1 250 500\nrec.dat 99\n",
            "line 2: unknown signal format 99; supported formats are 0, 8, 16, 24, 32, 61, 80, 160, 212, 310, 311"
        ),
        ("rec 1 250 500 25:61:00\n", "line 1: base time '25:61:00' is not HH:MM:SS"),
        ("rec 1 250 500 10:00:00 32/13/2000\n", "line 1: base date '32/13/2000' is not DD/MM/YYYY"),
        (
            "rec 1 250 500\n/etc/passwd 16\n",
            "line 2: signal file name '/etc/passwd' must be a relative path inside the header's folder"
        ),
        ("rec 1 250 500\nrec.dat\u{1}x 16\n", "line 2: control character 0x1 in the header"),
        (
            "rec/2 1 250 500\nseg1 400\n",
            "the record line (line 1) says 2 segments, but the header has only 1 segment line"
        ),
        ("rec/1 1 250 500\nseg1 abc\n", "line 2: segment length 'abc' is not an integer"),
        ("rec/1 1 250 500\n../seg 500\n", "line 2: segment name '../seg' is not letters, digits and '_'"),
    ]

    @Test(arguments: syntaxErrors)
    func headerSyntaxErrorsGiveLineNumbers(text: String, expected: String) throws {
        let (folder, header) = try writeRecord()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(text.utf8).write(to: URL(fileURLWithPath: header))
        let failure = try #require(error { () throws(SignalError) in try SignalFileReader.read(path: header) })
        #expect(failure.source == header)
        #expect(failure.reason.contains(expected), "\(failure)")
    }

    @Test func annotationPastTheEndOfTheRecordIsAnError() throws {
        let (folder, header) = try writeRecord()
        defer { try? FileManager.default.removeItem(at: folder) }
        let atr = folder.appendingPathComponent("rec.atr").path
        try MITAnnotationWriter.write(
            [SignalAnnotation(time: 1, code: "N"), SignalAnnotation(time: 2, code: "V")], samplingFrequency: 250,
            to: atr)
        let failure = try #require(error { () throws(SignalError) in try SignalFileReader.read(path: header) })
        #expect(failure.source == atr)
        #expect(
            failure.reason.contains(
                "annotation 1 (\"V\", byte 2) at sample 500 is beyond the end of the record (500 samples at 250.0 Hz)"))
        // The last sample itself is inside the record.
        try MITAnnotationWriter.write([SignalAnnotation(time: 1.996, code: "N")], samplingFrequency: 250, to: atr)
        #expect(try SignalFileReader.read(path: header).annotations.count == 1)
        // The writer refuses what the reader would refuse.
        var recording = try SignalFileReader.read(path: header)
        recording.annotations.append(SignalAnnotation(time: 2.5, code: "V"))
        #expect(throws: SignalError.self) { try WFDBWriter.write(recording, headerPath: header) }
    }

    @Test func damagedAnnotationFilesAreErrors() throws {
        let (folder, header) = try writeRecord()
        defer { try? FileManager.default.removeItem(at: folder) }
        let atr = folder.appendingPathComponent("rec.atr")
        let cases: [([UInt8], String)] = [
            ([0x05], "the file ends in half a word at byte 0"),
            ([0x00, 0xEC, 0x01], "the SKIP at byte 0 is cut off by the end of the file"),
            ([0x05, 0x04, 0x09, 0xFC, 0x41, 0x42], "the 9-byte AUX string at byte 2 is cut off"),
            ([0x09, 0xFC, 0x41, 0x42], "the AUX at byte 0 comes before any annotation"),
            ([0x05, 0xD4], "invalid annotation code 53 at byte 0"),
            ([0x00, 0xEC, 0xFF, 0xFF, 0x00, 0x00, 0x05, 0x04], "has a negative time"),
        ]
        for (bytes, expected) in cases {
            try Data(bytes).write(to: atr)
            let failure = try #require(error { () throws(SignalError) in try SignalFileReader.read(path: header) })
            #expect(failure.source == atr.path)
            #expect(failure.reason.contains(expected), "\(failure)")
        }
    }

    @Test func multiSegmentMismatchesAreErrors() throws {
        let (folder, header) = try writeRecord()
        defer { try? FileManager.default.removeItem(at: folder) }
        let master = folder.appendingPathComponent("multi.hea")
        try Data("multi/2 2 250 900\nrec 500\n~ 300\n".utf8).write(to: master)
        var failure = try #require(error { () throws(SignalError) in try SignalFileReader.read(path: master.path) })
        #expect(failure.reason.contains("the record line says 900 samples, but its segments add up to 800"))
        try Data("multi/2 2 250 900\nrec 600\n~ 300\n".utf8).write(to: master)
        failure = try #require(error { () throws(SignalError) in try SignalFileReader.read(path: master.path) })
        #expect(failure.source == header)
        #expect(failure.reason.contains("the segment header says 500 samples, line 2 of \(master.path) says 600"))
        try Data("multi/2 2 250 800\nmissing 500\n~ 300\n".utf8).write(to: master)
        failure = try #require(error { () throws(SignalError) in try SignalFileReader.read(path: master.path) })
        #expect(failure.reason.contains("segment header not found"))
        try Data("multi/1 2 250 500\nmulti 500\n".utf8).write(to: master)
        failure = try #require(error { () throws(SignalError) in try SignalFileReader.read(path: master.path) })
        #expect(failure.reason.contains("a segment may not itself be a multi-segment record"))
        let good = try SignalFileReader.read(path: master.path.replacingOccurrences(of: "multi.hea", with: "rec.hea"))
        #expect(good.channels.count == 2)
    }

    // MARK: - EDF

    private func writeEDF(_ name: String = "test.edf", format: EDFWriter.Format = .edfPlus) throws -> (URL, String) {
        let folder = try SignalTestPaths.temporaryFolder()
        let path = folder.appendingPathComponent(name).path
        try EDFWriter.write(SyntheticSignals.ecgRecording(seconds: 4), to: path, format: format)
        return (folder, path)
    }

    private func edit(_ path: String, _ change: (inout [UInt8]) -> Void) throws {
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        change(&bytes)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// (field, signal, bytes, expected reason)
    static let junkFields: [(String, Int?, [UInt8], String)] = [
        (
            "label", 0, Array("ECG ".utf8) + [0xC3, 0xA9],
            "header field 'label of signal 1' has a non-ASCII byte 0xC3 at file offset 260"
        ),
        (
            "patient", nil, [0x58, 0x01],
            "header field 'patient identification' has a control byte 0x1 at file offset 9"
        ),
        (
            "physical maximum", 1, Array("1,5".utf8),
            "header field 'physical maximum of signal 2' is '1,5', not a number"
        ),
        (
            "digital minimum", 0, Array("abc".utf8),
            "header field 'digital minimum of signal 1' is 'abc', not an integer"
        ),
        ("records", nil, Array("four".utf8), "header field 'number of data records' is 'four', not an integer"),
        ("duration", nil, Array("1s".utf8), "header field 'data record duration' is '1s', not a number"),
        ("start date", nil, Array("2023-11-14".utf8), "header field 'start date' is '2023-11-', not dd.mm.yy"),
        ("start time", nil, Array("9:41:07".utf8), "header field 'start time' is '9:41:07', not hh.mm.ss"),
        ("version", nil, Array("1".utf8), "header field 'version' is '1', not '0' (EDF) or 0xFF \"BIOSEMI\" (BDF)"),
        ("signals", nil, Array("x".utf8), "header field 'number of signals' is 'x', not an integer"),
        (
            "header size", nil, Array("512".utf8),
            "header field 'header size' says 512 bytes; with 3 signals it must be 1024"
        ),
        (
            "digital maximum", 1, Array("-32768".utf8),
            "signal 2 (\"V5\"): digital maximum -32768 is not above digital minimum -32768"
        ),
        (
            "digital maximum", 1, Array("99999".utf8),
            "digital range -32768...99999 is outside the format's -32768...32767"
        ),
    ]

    @Test(arguments: junkFields)
    func junkAndNonASCIIHeaderFieldsAreNamed(field: String, signal: Int?, value: [UInt8], expected: String) throws {
        let (folder, path) = try writeEDF()
        defer { try? FileManager.default.removeItem(at: folder) }
        try edit(path) { EDFTestEditing.set(field, signal: signal, to: value, in: &$0) }
        let failure = try #require(error { () throws(SignalError) in try SignalFileReader.read(path: path) })
        #expect(failure.source == path)
        #expect(failure.reason.contains(expected), "\(failure)")
    }

    @Test func trailingAndLeadingSpacesInFieldsAreTolerated() throws {
        let (folder, path) = try writeEDF()
        defer { try? FileManager.default.removeItem(at: folder) }
        try edit(path) { bytes in
            EDFTestEditing.set("samples", signal: 0, to: "  360", in: &bytes)
            EDFTestEditing.set("label", signal: 1, to: " V5", in: &bytes)
        }
        let recording = try SignalFileReader.read(path: path)
        #expect(recording.channels.map(\.label) == ["MLII", "V5"])
    }

    @Test(arguments: [EDFWriter.Format.edfPlus, .bdfPlus])
    func truncatedEDFFilesGiveTheRecordCounts(format: EDFWriter.Format) throws {
        let (folder, path) = try writeEDF(format == .edfPlus ? "cut.edf" : "cut.bdf", format: format)
        defer { try? FileManager.default.removeItem(at: folder) }
        let full = try Data(contentsOf: URL(fileURLWithPath: path))
        try full.dropLast(10).write(to: URL(fileURLWithPath: path))
        var failure = try #require(error { () throws(SignalError) in try SignalFileReader.read(path: path) })
        #expect(failure.source == path)
        #expect(failure.reason.contains("truncated: the header says 4 data records of"))
        #expect(failure.reason.contains("(3 whole records)"))

        try edit(path) { EDFTestEditing.set("records", to: "-1", in: &$0) }
        failure = try #require(error { () throws(SignalError) in try SignalFileReader.read(path: path) })
        #expect(failure.reason.contains("are not a whole number of"))

        try full.prefix(300).write(to: URL(fileURLWithPath: path))
        failure = try #require(error { () throws(SignalError) in try SignalFileReader.read(path: path) })
        #expect(failure.reason.contains("truncated: the header of 3 signals needs 1024 bytes, the file has 300"))

        try full.prefix(100).write(to: URL(fileURLWithPath: path))
        failure = try #require(error { () throws(SignalError) in try SignalFileReader.read(path: path) })
        #expect(failure.reason.contains("truncated: the file has 100 bytes, the EDF header's fixed part alone is 256"))
    }

    @Test func absurdEDFHeaderClaimsAreRefusedBeforeAllocation() throws {
        let (folder, path) = try writeEDF()
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let cases: [((inout [UInt8]) -> Void, String)] = [
            (
                { EDFTestEditing.set("records", to: "99999999", in: &$0) },
                "truncated: the header says 99999999 data records"
            ),
            (
                { EDFTestEditing.set("samples", signal: 0, to: "99999999", in: &$0) },
                "99999999 samples per data record is more than the limit of 86400000 per channel"
            ),
            (
                { EDFTestEditing.set("duration", to: "0.000001", in: &$0) },
                "sampling rate 360000000.0 Hz is above the limit of 100000.0 Hz"
            ),
            (
                {
                    EDFTestEditing.set("signals", to: "9999", in: &$0);
                    EDFTestEditing.set("header size", to: "2560000", in: &$0)
                }, "9999 signals is more than the limit of 512"
            ),
            (
                { EDFTestEditing.set("duration", to: "0", in: &$0) },
                "header field 'data record duration' is 0, but the file has signals"
            ),
            (
                {
                    EDFTestEditing.set(
                        "physical maximum", signal: 0, to: EDFTestEditing.field("physical minimum", signal: 0, in: $0),
                        in: &$0)
                },
                "signal 1 (\"MLII\"): physical minimum and maximum are both"
            ),
        ]
        for (change, expected) in cases {
            var bytes = original
            change(&bytes)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let failure = try #require(error { () throws(SignalError) in try SignalFileReader.read(path: path) })
            #expect(failure.reason.contains(expected), "\(failure)")
        }
    }

    @Test func malformedAnnotationsAndOverlappingDiscontinuousRecordsAreErrors() throws {
        let folder = try SignalTestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var recording = SyntheticSignals.ecgRecording(seconds: 3)
        recording.annotations = [
            SignalAnnotation(time: 0.5, code: String(repeating: "room for longer onsets ", count: 2))
        ]
        let path = folder.appendingPathComponent("d.edf").path
        try EDFWriter.write(recording, to: path)
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))

        var overlapping = original
        EDFTestEditing.makeDiscontinuous(&overlapping, onsets: [0, 2, 2.5])
        try Data(overlapping).write(to: URL(fileURLWithPath: path))
        var failure = try #require(error { () throws(SignalError) in try SignalFileReader.read(path: path) })
        #expect(failure.reason.contains("data record 3 starts at 2.5 s, before the end of record 2 (3.0 s)"))

        var junk = original
        let (samples, annotations, width) = EDFTestEditing.layout(junk)
        let at = 256 * (samples.count + 1) + samples[..<annotations!].reduce(0, +) * width
        junk.replaceSubrange(at..<(at + 5), with: Array("+0.x\u{14}".utf8))
        try Data(junk).write(to: URL(fileURLWithPath: path))
        failure = try #require(error { () throws(SignalError) in try SignalFileReader.read(path: path) })
        #expect(failure.reason.contains("data record 1: annotation at byte 0: onset '+0.x"))

        var untimed = original
        EDFTestEditing.set("reserved", to: "EDF+D", in: &untimed)
        untimed.replaceSubrange(at..<(at + 5), with: Array("+0\u{14}A\u{14}".utf8))
        try Data(untimed).write(to: URL(fileURLWithPath: path))
        failure = try #require(error { () throws(SignalError) in try SignalFileReader.read(path: path) })
        #expect(failure.reason.contains("data record 1 has no time-keeping annotation"))

        var unlabelled = original
        EDFTestEditing.set("reserved", to: "EDF+D", in: &unlabelled)
        EDFTestEditing.set("label", signal: 2, to: "Status", in: &unlabelled)
        try Data(unlabelled).write(to: URL(fileURLWithPath: path))
        failure = try #require(error { () throws(SignalError) in try SignalFileReader.read(path: path) })
        #expect(failure.reason.contains("an EDF+D file needs an annotation signal"))
    }

    @Test func unsupportedExtensionsSayWhatIsSupported() throws {
        let failure = try #require(
            error { () throws(SignalError) in try SignalFileReader.read(path: "/tmp/record.dat") })
        #expect(failure.source == "/tmp/record.dat")
        #expect(failure.reason.contains("unsupported signal file (extension '.dat')"))
        #expect(failure.reason.contains(".hea (WFDB header"))
        #expect(failure.reason.contains(".edf (EDF, EDF+C, EDF+D)"))
        #expect(failure.reason.contains(".bdf (BDF, BDF+)"))
        let missing = try #require(
            error { () throws(SignalError) in try SignalFileReader.read(path: "/nonexistent/x.edf") })
        #expect(missing.reason == "EDF file not found")
    }
}

/// Mutants of files the writers produced (truncated at many points, bytes flipped in headers and data,
/// absurd header values) are read by `caseatlas signal inspect --json` in a child process with capped
/// memory. A crash or an unbounded allocation fails the test and names the mutant; every mutant must
/// get a line of output, data or an error that says what is wrong.
@Suite struct SignalMutantTests {
    @Test func mutantsNeverCrashTheProcess() throws {
        let folder = try SignalTestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mutants = try SignalMutantFactory(output: folder).makeAll()
        #expect(mutants.count > 600)

        let crashed = try MutantRunner.crashingInputs(
            SignalTestPaths.caseatlas, ["signal", "inspect", "--json"], inputs: mutants
        ) { outcome, batch in
            let lines = outcome.standardOutput.split(separator: "\n")
            #expect(lines.count == batch.count, "one line per mutant: \(outcome.standardError.suffix(500))")
            for line in lines where line.contains("\"error\"") {
                #expect(line.contains("\"path\""))
                #expect(!line.contains("\"error\":\"\""), "an error must say what is wrong: \(line)")
            }
            #expect(outcome.status == 0 || outcome.status == 1)
        }
        #expect(crashed.isEmpty, "mutants that crashed the reader: \(crashed)")
    }
}
