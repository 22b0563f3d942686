import ArgumentParser
import Foundation
import Signals

/// Reading and analysing a long two-lead recording, for `make bench` beside wfdb and pyedflib.
struct BenchSignal: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signal",
        abstract: "Write a long synthetic 2-lead 360 Hz ECG as WFDB 212 and EDF+, then time reading and analysing it.")

    @Option(help: "Folder for the generated record (reused when present).") var folder: String
    @Option(help: "Length of the record in hours.") var hours = 24
    @Option var rounds = 3

    func run() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let header = (folder as NSString).appendingPathComponent("long\(hours)h.hea")
        let edf = (folder as NSString).appendingPathComponent("long\(hours)h.edf")
        if !FileManager.default.fileExists(atPath: header) || !FileManager.default.fileExists(atPath: edf) {
            // One synthetic hour (two leads, 360 Hz), repeated: the generator is not the object of the benchmark.
            let hour = SyntheticECG.generate(
                heartRate: 70, duration: 3600, samplingRate: 360, baselineWander: 0.1, muscleNoise: 0.02,
                leads: ["MLII", "V5"], seed: 11
            ).recording
            var channels = hour.channels
            for index in channels.indices {
                var samples: [Float] = []
                samples.reserveCapacity(hour.channels[index].samples.count * hours)
                for _ in 0..<hours { samples += hour.channels[index].samples }
                channels[index].samples = samples
            }
            let record = SignalRecording(format: "synthetic", channels: channels)
            try WFDBWriter.write(record, headerPath: header)
            try EDFWriter.write(record, to: edf)
        }
        var results: [String] = []
        for (name, path) in [("wfdb", header), ("edf", edf)] {
            var readTimes: [Double] = []
            var recording: SignalRecording?
            for _ in 0..<rounds {
                readTimes.append(try timed { recording = try SignalFileReader.read(path: path) })
            }
            let samples = recording.map { $0.channels.reduce(0) { $0 + $1.samples.count } } ?? 0
            var analyseTimes: [Double] = []
            var beats = 0
            for _ in 0..<max(1, rounds / 2) {
                analyseTimes.append(try timed { beats = try ECGAnalyzer.analyze(recording!).qrsCount })
            }
            results.append(
                "{\"format\":\"\(name)\",\"samples\":\(samples),\"readSeconds\":\(median(readTimes)),"
                    + "\"analyseSeconds\":\(median(analyseTimes)),\"beats\":\(beats)}")
        }
        print("[" + results.joined(separator: ",") + "]")
    }

    private func timed(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    private func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
}
