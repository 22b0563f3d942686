import Foundation
import Signals
import Testing

/// Both directions against the reference Python readers and writers: files CaseAtlas writes are read
/// by wfdb and pyedflib, and files wfdb and pyedflib write (every WFDB format wfdb writes, the others
/// packed by interop.py and checked with wfdb's reader; EDF+ and BDF+ with annotations) are read by
/// CaseAtlas. The wheels are the ones scripts/pypi-pins.txt pins. Importing wfdb (pandas) takes
/// seconds, so each direction runs the peer once for all formats.
@Suite(.serialized) struct InteropTests {
    struct PeerRecord: Decodable {
        struct Signal: Decodable {
            let name: String
            let units: String
            let fmt: String?
            let adcGain: Double
            let baseline: Int
            let checksum: Int?
            let computedChecksum: Int?
            let initValue: Int?
            let sampsPerFrame: Int?
            let digital: [Int]
            let physical: [Double?]?
        }

        struct Annotation: Decodable, Equatable {
            let sample: Int
            let symbol: String
            let auxNote: String
            let chan: Int
        }

        let fs: Double
        let signals: [Signal]
        let annotations: [Annotation]
        let baseTime: String?
        let baseDate: String?
    }

    struct PeerEDF: Decodable {
        struct Signal: Decodable {
            let label: String
            let dimension: String
            let rate: Double
            let physicalMin: Double
            let physicalMax: Double
            let digitalMin: Int
            let digitalMax: Int
            let digital: [Int]
            let physical: [Double?]
        }

        struct Annotation: Decodable {
            let onset: Double
            let duration: Double
            let text: String
        }

        let signals: [Signal]
        let annotations: [Annotation]
        let start: String
    }

    // MARK: - CaseAtlas writes, the reference readers read

    @Test func wfdbReadsWhatCaseAtlasWrites() throws {
        let folder = try SignalTestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var recording = SyntheticSignals.ecgRecording()
        recording.channels[0].samples[40] = .nan
        recording.annotations = recording.annotations.map {
            var annotation = $0
            annotation.channel = $0.code == "V" ? 1 : 0
            return annotation
        }
        let formats = WFDBWriter.Format.allCases
        var ours: [WFDBRecord] = []
        for format in formats {
            let path = folder.appendingPathComponent("ours\(format.rawValue).hea").path
            try WFDBWriter.write(recording, headerPath: path, format: format)
            ours.append(try WFDBRecordReader.readRecord(headerPath: path))
        }
        let peers = try PythonPeer.run(
            [PeerRecord].self, ["read-wfdb"] + formats.map { folder.appendingPathComponent("ours\($0.rawValue)").path })
        #expect(peers.count == formats.count)
        for (format, (peer, ours)) in zip(formats, zip(peers, ours)) {
            #expect(peer.fs == 360)
            #expect(peer.signals.map(\.name) == ["MLII", "V5"])
            #expect(peer.signals.map(\.units) == ["mV", "mV"])
            #expect(peer.signals.map(\.fmt) == [String(format.rawValue), String(format.rawValue)])
            for (index, signal) in peer.signals.enumerated() {
                #expect(signal.digital == ours.digitalSignals[index].map(Int.init), "format \(format), signal \(index)")
                #expect(signal.adcGain == ours.header.signals[index].adcGain)
                #expect(signal.baseline == ours.header.signals[index].baseline)
                #expect(signal.checksum == signal.computedChecksum, "the checksum we wrote is the samples' sum")
                #expect(signal.initValue == signal.digital.first)
                let physical = try #require(signal.physical)
                for (ourValue, theirs) in zip(recording.channels[index].samples, physical) {
                    if ourValue.isNaN {
                        #expect(theirs == nil, "a NaN sample is invalid for wfdb too")
                    } else {
                        let step = 1 / signal.adcGain
                        #expect(abs(Double(ourValue) - (theirs ?? .infinity)) <= step / 2 + 1e-6)
                    }
                }
            }
            #expect(peer.baseTime == "09:41:07")
            #expect(peer.baseDate == "2023-11-14")
            #expect(
                peer.annotations
                    == recording.annotations.map {
                        PeerRecord.Annotation(
                            sample: Int(($0.time * 360).rounded()), symbol: $0.code, auxNote: $0.text,
                            chan: $0.channel ?? 0)
                    })
        }
    }

    @Test(arguments: [EDFWriter.Format.edfPlus, .bdfPlus])
    func pyedflibReadsWhatCaseAtlasWrites(format: EDFWriter.Format) throws {
        let folder = try SignalTestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var recording = SyntheticSignals.ecgRecording()
        recording.channels.append(
            SignalChannel(
                label: "Resp", unit: "uV", samplingRate: 25,
                samples: SyntheticSignals.wave(count: 250, rate: 25, amplitude: 250, frequency: 0.3)))
        recording.annotations = [
            SignalAnnotation(time: 0.5, code: "Lights off"),
            SignalAnnotation(time: 3.25, duration: 12.5, code: "Hypopnea"),
            SignalAnnotation(time: 8.0, code: "+", text: "(AFIB"),
        ]
        let path = folder.appendingPathComponent(format == .edfPlus ? "ours.edf" : "ours.bdf").path
        try EDFWriter.write(recording, to: path, format: format)
        let header = try EDFReader.readHeader(path: path)

        let peer = try PythonPeer.run(PeerEDF.self, ["read-edf", path])
        #expect(peer.signals.map(\.label) == ["MLII", "V5", "Resp"])
        #expect(peer.signals.map(\.dimension) == ["mV", "mV", "uV"])
        #expect(peer.signals.map(\.rate) == [360, 360, 25])
        for (index, signal) in peer.signals.enumerated() {
            let original = recording.channels[index].samples
            #expect(signal.digital.count == original.count)
            #expect(signal.physicalMin == header.signals[index].physicalMinimum)
            #expect(signal.physicalMax == header.signals[index].physicalMaximum)
            let step = header.signals[index].scale
            for (x, theirs) in zip(original, signal.physical) {
                #expect(abs(Double(x) - (theirs ?? .infinity)) <= step / 2 + 2.4e-7 * Double(max(1, abs(x))))
            }
        }
        #expect(peer.annotations.map(\.text) == ["Lights off", "Hypopnea", "+ (AFIB"])
        #expect(peer.annotations.map(\.onset) == [0.5, 3.25, 8.0])
        #expect(peer.annotations.map(\.duration) == [0, 12.5, 0])
        #expect(peer.start == "2023-11-14T09:41:07")
    }

    // MARK: - The reference writers write, CaseAtlas reads

    static let wfdbFormats = [8, 16, 24, 32, 61, 80, 160, 212, 310, 311]

    @Test func caseAtlasReadsWhatWfdbWrites() throws {
        let folder = try SignalTestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try PythonPeer.run(
            [PeerRecord].self, ["write-wfdb", folder.path] + Self.wfdbFormats.map(String.init))
        #expect(written.count == Self.wfdbFormats.count)
        for (format, peer) in zip(Self.wfdbFormats, written) {
            let header = folder.appendingPathComponent("peer\(format).hea").path
            let record = try WFDBRecordReader.readRecord(headerPath: header)
            #expect(record.header.signals.map(\.format) == [format, format])
            for (index, signal) in peer.signals.enumerated() {
                #expect(
                    record.digitalSignals[index].map(Int.init) == signal.digital, "format \(format), signal \(index)")
            }
            let recording = try SignalFileReader.read(path: header)
            #expect(recording.channels.map(\.label) == peer.signals.map(\.name))
            #expect(recording.channels.map(\.unit) == peer.signals.map(\.units))
            #expect(recording.channels.allSatisfy { $0.samplingRate == peer.fs })
            for (channel, signal) in zip(recording.channels, peer.signals) {
                let worst =
                    zip(channel.samples, signal.digital).map { value, digital in
                        let expected = (Double(digital) - Double(signal.baseline)) / signal.adcGain
                        return abs(Double(value) - expected) / max(1, abs(expected))
                    }.max() ?? 0
                #expect(worst <= 1e-6, "format \(format), \(signal.name)")
            }
            #expect(
                recording.startTime == DateComponents(year: 2020, month: 2, day: 29, hour: 8, minute: 30, second: 15))
            // CaseAtlas reports a channel only once the file sets one (a CHN word); wfdb reports 0 before.
            let annotations = recording.annotations.map {
                PeerRecord.Annotation(
                    sample: Int(($0.time * peer.fs).rounded()), symbol: $0.code, auxNote: $0.text,
                    chan: $0.channel ?? 0)
            }
            #expect(annotations == peer.annotations, "format \(format)")
        }
    }

    @Test(arguments: ["edf", "bdf"])
    func caseAtlasReadsWhatPyedflibWrites(kind: String) throws {
        let folder = try SignalTestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("peer.\(kind)").path
        let written = try PythonPeer.run(PeerEDF.self, ["write-edf", path, kind])

        let recording = try SignalFileReader.read(path: path)
        #expect(recording.format == (kind == "edf" ? "edf+" : "bdf"))
        #expect(recording.channels.map(\.label) == written.signals.map(\.label))
        #expect(recording.channels.map(\.unit) == written.signals.map(\.dimension))
        #expect(recording.channels.map(\.samplingRate) == written.signals.map(\.rate))
        for (channel, signal) in zip(recording.channels, written.signals) {
            #expect(channel.samples.count == signal.physical.count)
            for (ours, theirs) in zip(channel.samples, signal.physical) {
                let expected = try #require(theirs)
                #expect(abs(Double(ours) - expected) <= 2.4e-7 * max(1, abs(expected)))
            }
        }
        #expect(recording.annotations.map(\.code) == written.annotations.map(\.text))
        #expect(recording.annotations.map(\.time) == written.annotations.map(\.onset))
        #expect(recording.annotations.map(\.duration) == written.annotations.map(\.duration))
        #expect(recording.startTime == DateComponents(year: 2021, month: 5, day: 6, hour: 7, minute: 8, second: 9))
    }
}
