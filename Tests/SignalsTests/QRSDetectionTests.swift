import Foundation
import Signals
import Testing

/// QRS detection against the synthetic generator's known beat times: sensitivity (Se) and positive
/// predictivity (+P) with a 150 ms matching window, at 40–180 bpm, clean and with ectopic beats, AF-like
/// rhythm, baseline wander, muscle noise and mains hum. Each condition prints a Markdown table. One seed per
/// recording by default; `CASEATLAS_QRS_SEEDS=5 swift test --filter QRSDetectionTests` runs the five seeds of the
/// figures in docs/signals-analysis.md, "Validation".
@Suite struct QRSDetectionTests {
    static var seeds: [UInt64] {
        let count = ProcessInfo.processInfo.environment["CASEATLAS_QRS_SEEDS"].flatMap { UInt64($0) } ?? 1
        return (0..<max(count, 1)).map { $0 * 1000 + 1 }
    }

    @Test(arguments: DetectionScenarios.conditions.map(\.name))
    func sensitivityAndPositivePredictivity(condition name: String) throws {
        let condition = try #require(DetectionScenarios.conditions.first { $0.name == name })
        let rows = try DetectionScenarios.run(condition, seeds: Self.seeds)
        print(DetectionScenarios.table(condition.name, rows))
        for (heartRate, score) in rows {
            #expect(
                score.sensitivity >= condition.target,
                "\(name) at \(Int(heartRate)) bpm: Se \(score.sensitivity) (FN \(score.falseNegatives))")
            #expect(
                score.positivePredictivity >= condition.target,
                "\(name) at \(Int(heartRate)) bpm: +P \(score.positivePredictivity) (FP \(score.falsePositives))")
        }
    }

    /// Beats are never closer than the 200 ms refractory period, even at 180 bpm with ectopic beats.
    @Test func refractoryPeriod() throws {
        let (recording, _) = SyntheticECG.generate(heartRate: 180, duration: 30, samplingRate: 360, ectopicRate: 0.1)
        let times = try ECGAnalyzer.analyze(recording).rPeakTimes
        let shortest = zip(times.dropFirst(), times).map { $0 - $1 }.min() ?? 1
        #expect(shortest >= QRSDetector.refractoryPeriod)
    }

    /// R peaks land on the true R: the median timing error is under 2 ms (sub-sample refinement at 500 Hz).
    @Test func peakTiming() throws {
        let (recording, beats) = SyntheticECG.generate(heartRate: 75, duration: 30, samplingRate: 360, seed: 3)
        let times = try ECGAnalyzer.analyze(recording).rPeakTimes
        let errors = beats.compactMap { beat in times.map { abs($0 - beat) }.min() }.sorted()
        #expect(errors[errors.count / 2] < 0.002)
    }

    /// Nothing to find in a flat line or in noise-free silence after a single beat.
    @Test func flatSignalHasNoBeats() {
        #expect(QRSDetector.detect([Double](repeating: 0, count: 5000), samplingRate: 500).isEmpty)
        #expect(QRSDetector.detect([0, 1, 0], samplingRate: 500).isEmpty)
    }
}
