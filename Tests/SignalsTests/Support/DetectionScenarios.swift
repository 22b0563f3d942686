import Foundation
import Signals

/// Sensitivity and positive predictivity of detected beats against known beat times.
struct DetectionScore {
    var truePositives = 0
    var falseNegatives = 0
    var falsePositives = 0

    /// Se = TP / (TP + FN).
    var sensitivity: Double {
        truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives)
    }

    /// +P = TP / (TP + FP).
    var positivePredictivity: Double {
        truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
    }

    static func + (a: DetectionScore, b: DetectionScore) -> DetectionScore {
        DetectionScore(
            truePositives: a.truePositives + b.truePositives, falseNegatives: a.falseNegatives + b.falseNegatives,
            falsePositives: a.falsePositives + b.falsePositives)
    }

    /// One-to-one matching in time order: each true beat takes the nearest unused detection within `window`
    /// seconds (150 ms, as ANSI/AAMI EC57). Beats and detections within `edge` seconds of either end of the
    /// recording (`duration`) are left out: a QRS cut by the edge of the recording cannot be scored fairly.
    static func match(
        truth allTruth: [Double], detected allDetected: [Double], duration: Double, window: Double = 0.150,
        edge: Double = 0.1
    ) -> DetectionScore {
        let truth = allTruth.filter { $0 >= edge && $0 <= duration - edge }
        let detected = allDetected.filter { $0 >= edge && $0 <= duration - edge }.sorted()
        var used = [Bool](repeating: false, count: detected.count)
        var score = DetectionScore()
        var start = 0
        for beat in truth.sorted() {
            while start < detected.count && detected[start] < beat - window { start += 1 }
            var best: Int?
            var j = start
            while j < detected.count && detected[j] <= beat + window {
                if !used[j] && (best == nil || abs(detected[j] - beat) < abs(detected[best!] - beat)) { best = j }
                j += 1
            }
            if let best {
                used[best] = true
                score.truePositives += 1
            } else {
                score.falseNegatives += 1
            }
        }
        score.falsePositives = used.filter { !$0 }.count
        return score
    }
}

/// The synthetic test conditions of the QRS detection validation, shared by the tests and the release-build
/// harness that produced the figures in docs/signals-analysis.md.
enum DetectionScenarios {
    static let heartRates: [Double] = [40, 60, 80, 100, 120, 150, 180]
    static let duration = 60.0

    struct Condition: Sendable {
        var name: String
        /// The minimum Se and +P required; 0 for the stress conditions, which are reported, not required.
        var target: Double
        var configure: @Sendable (inout SyntheticECG) -> Void
    }

    static let conditions: [Condition] = [
        Condition(name: "clean", target: 0.995) { _ in },
        Condition(name: "ectopic 10%", target: 0.995) { $0.ectopicRate = 0.10 },
        Condition(name: "AF-like", target: 0.995) { $0.rhythm = .atrialFibrillation },
        Condition(name: "wander 0.5 mV", target: 0.98) { $0.baselineWander = 0.5 },
        Condition(name: "muscle 0.1 mV", target: 0.98) { $0.muscleNoise = 0.1 },
        Condition(name: "mains 0.3 mV 60 Hz", target: 0.98) {
            $0.mainsAmplitude = 0.3
            $0.mainsFrequency = 60
        },
        Condition(name: "realistic mix", target: 0.98) {
            $0.ectopicRate = 0.05
            $0.baselineWander = 0.3
            $0.muscleNoise = 0.05
            $0.mainsAmplitude = 0.1
        },
        Condition(name: "stress: heavy mix", target: 0) {
            $0.ectopicRate = 0.05
            $0.baselineWander = 0.5
            $0.muscleNoise = 0.15
            $0.mainsAmplitude = 0.3
        },
        Condition(name: "stress: muscle 0.3 mV", target: 0) { $0.muscleNoise = 0.3 },
    ]

    /// A recording at `heartRate`: 250 Hz and 360 Hz alternate across the heart rates.
    static func generator(heartRate: Double, seed: UInt64, condition: Condition) -> SyntheticECG {
        let index = heartRates.firstIndex(of: heartRate) ?? 0
        var generator = SyntheticECG(
            heartRate: heartRate, duration: duration, samplingRate: index % 2 == 0 ? 360 : 250, seed: seed)
        condition.configure(&generator)
        return generator
    }

    /// Scores of one condition at every heart rate, over `seeds`.
    static func run(_ condition: Condition, seeds: [UInt64]) throws -> [(heartRate: Double, score: DetectionScore)] {
        try heartRates.map { heartRate in
            var total = DetectionScore()
            for seed in seeds {
                let (recording, beats) = generator(
                    heartRate: heartRate, seed: seed &+ UInt64(heartRate), condition: condition
                ).generate()
                let analysis = try ECGAnalyzer.analyze(recording)
                total =
                    total
                    + DetectionScore.match(
                        truth: beats, detected: analysis.rPeakTimes, duration: recording.durationSeconds)
            }
            return (heartRate, total)
        }
    }

    /// A Markdown table row per heart rate and a total row.
    static func table(_ name: String, _ rows: [(heartRate: Double, score: DetectionScore)]) -> String {
        func percent(_ x: Double) -> String { String(format: "%.2f", 100 * x) }
        var lines = [
            "| condition | HR (bpm) | beats | TP | FN | FP | Se (%) | +P (%) |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        func row(_ label: String, _ score: DetectionScore) -> String {
            let cells = [
                name, label, "\(score.truePositives + score.falseNegatives)", "\(score.truePositives)",
                "\(score.falseNegatives)", "\(score.falsePositives)", percent(score.sensitivity),
                percent(score.positivePredictivity),
            ]
            return "| " + cells.joined(separator: " | ") + " |"
        }
        var total = DetectionScore()
        for (heartRate, score) in rows {
            total = total + score
            lines.append(row("\(Int(heartRate))", score))
        }
        lines.append(row("all", total))
        return lines.joined(separator: "\n")
    }
}
