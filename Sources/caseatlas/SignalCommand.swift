import ArgumentParser
import Foundation
import Signals

struct SignalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signal", abstract: "Read and analyse physiological signals.", subcommands: [SignalInspect.self])
}

struct SignalInspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Channels, annotations and, when an ECG lead exists, rhythm and intervals of each recording.",
        discussion: "FILE is a WFDB header (.hea), an EDF/EDF+/BDF file, or a DICOM waveform object.")

    @Argument(help: "Signal files.")
    var files: [String]

    @Flag(help: "One JSON object per file and line.")
    var json = false

    func run() throws {
        var failures = 0
        var rows: [[String]] = []
        for path in files {
            let recording: SignalRecording
            do {
                recording = try SignalSource.read(path: path)
            } catch {
                failures += 1
                if json {
                    print(JSONValue.object([("path", .string(path)), ("error", .string(error.reason))]).serialized)
                } else {
                    rows.append([path, "error: " + error.reason])
                }
                fflush(nil)
                continue
            }
            let analysis = ECGAnalyzer.ecgLeads(in: recording).isEmpty ? nil : try? ECGAnalyzer.analyze(recording)
            if json {
                print(Self.json(path: path, recording, analysis).serialized)
                fflush(nil)
            } else {
                rows.append([
                    path, recording.format, String(format: "%.0f", recording.channels.first?.samplingRate ?? 0),
                    String(format: "%.1f", recording.durationSeconds), "\(recording.channels.count)",
                    "\(recording.annotations.count)",
                    analysis.map { String(format: "%.0f bpm %@, QRS %.0f ms, QTc %.0f ms", $0.heartRate, $0.rhythm, $0.qrsDurationMs, $0.qtcBazettMs) } ?? "-",
                ])
            }
        }
        if !json {
            print(
                TextTable(header: ["file", "format", "Hz", "seconds", "channels", "annotations", "ECG"], rows: rows)
                    .rendered)
        }
        if failures > 0 { throw ExitCode(1) }
    }

    static func json(path: String, _ recording: SignalRecording, _ analysis: ECGAnalysis?) -> JSONValue {
        let channels = recording.channels.map { channel -> JSONValue in
            let finite = channel.samples.filter(\.isFinite)
            let mean = finite.isEmpty ? 0 : finite.reduce(0.0) { $0 + Double($1) } / Double(finite.count)
            return .object([
                ("label", .string(channel.label)), ("unit", .string(channel.unit)),
                ("samplingRate", .number(channel.samplingRate)), ("samples", .number(Double(channel.samples.count))),
                ("min", .optional(finite.min().map(Double.init))), ("max", .optional(finite.max().map(Double.init))),
                ("mean", .number(mean)),
            ])
        }
        var pairs: [(String, JSONValue)] = [
            ("path", .string(path)), ("format", .string(recording.format)),
            ("samplingRate", .optional(recording.channels.map(\.samplingRate).max())),
            ("durationSeconds", .number(recording.durationSeconds)), ("channels", .array(channels)),
            ("annotations", .number(Double(recording.annotations.count))),
        ]
        if let analysis {
            pairs.append(
                ("ecg", .object([
                    ("heartRate", .number(analysis.heartRate)), ("qrsCount", .number(Double(analysis.qrsCount))),
                    ("rrMeanMs", .number(analysis.rrMeanMs)), ("sdnnMs", .number(analysis.sdnnMs)),
                    ("rmssdMs", .number(analysis.rmssdMs)), ("pnn50", .number(analysis.pnn50)),
                    ("qrsDurationMs", .number(analysis.qrsDurationMs)), ("qtMs", .number(analysis.qtMs)),
                    ("qtcMs", .number(analysis.qtcBazettMs)), ("qtcFridericiaMs", .number(analysis.qtcFridericiaMs)),
                    ("frontalAxisDegrees", .optional(analysis.frontalAxisDegrees)),
                    ("irregularity", .number(analysis.irregularity)), ("rhythm", .string(analysis.rhythm)),
                    ("lead", .string(analysis.leadUsed)),
                ])))
        }
        return .object(pairs)
    }
}
