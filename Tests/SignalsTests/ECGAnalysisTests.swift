import Foundation
import Signals
import Testing

/// ECG measurements against the synthetic generator's known values, rhythm separation, lead selection and
/// refusals, and the resampling and filter building blocks.
@Suite struct ECGAnalysisTests {
    // MARK: Rate and HRV

    /// Heart rate and HRV from the detected beats match those of the true beat times.
    @Test(arguments: [45.0, 75, 120, 170])
    func heartRateAndVariability(heartRate: Double) throws {
        let (recording, beats) = SyntheticECG.generate(
            heartRate: heartRate, duration: 60, samplingRate: 360, ectopicRate: 0.05, seed: 11)
        let analysis = try ECGAnalyzer.analyze(recording)
        let truth = RhythmMeasures(beatTimes: beats)
        print(
            String(
                format: "| %.0f bpm | HR %.2f (true %.2f) | SDNN %.1f (%.1f) | RMSSD %.1f (%.1f) | pNN50 %.3f (%.3f) |",
                heartRate, analysis.heartRate, truth.heartRate, analysis.sdnnMs, truth.sdnnMs, analysis.rmssdMs,
                truth.rmssdMs, analysis.pnn50, truth.pnn50))
        #expect(analysis.qrsCount == beats.count)
        #expect(abs(analysis.heartRate - truth.heartRate) < 0.5)
        #expect(abs(analysis.heartRate - heartRate) < 0.05 * heartRate)
        #expect(abs(analysis.rrMeanMs - truth.rrMeanMs) < 2)
        #expect(abs(analysis.sdnnMs - truth.sdnnMs) < 2)
        #expect(abs(analysis.rmssdMs - truth.rmssdMs) < 3)
        #expect(abs(analysis.pnn50 - truth.pnn50) < 0.03)
    }

    /// The generator's RR process has the requested variability: SDNN ≈ 3.5 % of the mean RR.
    @Test func generatorVariability() {
        let (_, beats) = SyntheticECG.generate(heartRate: 60, duration: 300, samplingRate: 250, seed: 5)
        let measures = RhythmMeasures(beatTimes: beats)
        #expect(abs(measures.heartRate - 60) < 1.5)
        #expect(measures.sdnnMs > 25 && measures.sdnnMs < 50)
    }

    // MARK: Intervals

    /// QT and QTc against the generator's QT (Bazett at a set QTc), at several rates and two QTc values.
    @Test(arguments: [(60.0, 410.0), (80, 410), (100, 410), (70, 470), (120, 440)])
    func qtc(heartRate: Double, qtc: Double) throws {
        let generator = SyntheticECG(
            heartRate: heartRate, duration: 40, samplingRate: 500, qtcMs: qtc, leads: ["I", "II", "aVF"], seed: 21)
        let (recording, beats) = generator.generate()
        let analysis = try ECGAnalyzer.analyze(recording)
        let rr = RhythmMeasures(beatTimes: beats).rr.sorted()[beats.count / 2]
        let nominalQT = generator.nominalQTMs(rrSeconds: rr)
        print(
            String(
                format: "| %.0f bpm | QTc set %.0f | QT %.1f (nominal %.1f) | QTcB %.1f | QTcF %.1f | QRS %.0f |",
                heartRate, qtc, analysis.qtMs, nominalQT, analysis.qtcBazettMs, analysis.qtcFridericiaMs,
                analysis.qrsDurationMs))
        #expect(abs(analysis.qtMs - nominalQT) < 20)
        #expect(abs(analysis.qtcBazettMs - qtc) < 25)
        // Fridericia corrects less than Bazett above 60 bpm, and agrees with QT / ∛RR.
        let rrSeconds = pow(analysis.qtMs / analysis.qtcFridericiaMs, 3)
        #expect(abs(analysis.qtMs / rrSeconds.squareRoot() - analysis.qtcBazettMs) < 1)
        if heartRate > 65 { #expect(analysis.qtcFridericiaMs < analysis.qtcBazettMs) }
        #expect(abs(analysis.qrsDurationMs - SyntheticECG.nominalQRSDurationMs) < 20)
    }

    /// A wide ventricular rhythm is not expected here, but QRS stays in the normal range for normal beats with
    /// noise.
    @Test func qrsDurationWithNoise() throws {
        let (recording, _) = SyntheticECG.generate(
            heartRate: 70, duration: 60, samplingRate: 360, baselineWander: 0.3, muscleNoise: 0.05,
            mainsAmplitude: 0.1, seed: 4)
        let analysis = try ECGAnalyzer.analyze(recording)
        #expect(analysis.qrsDurationMs > 80 && analysis.qrsDurationMs < 120)
        #expect(abs(analysis.qtcBazettMs - 410) < 30)
    }

    // MARK: Axis

    /// The frontal axis from the limb leads, with all six, with I and II only (aVF derived), and none with
    /// lead II alone.
    @Test(arguments: [-60.0, -30, 0, 45, 60, 90, 120])
    func frontalAxis(axis: Double) throws {
        let all = SyntheticECG.generate(
            heartRate: 70, duration: 20, samplingRate: 500, qrsAxisDegrees: axis,
            leads: ["I", "II", "III", "aVR", "aVL", "aVF"], seed: 8
        ).recording
        let measured = try #require(try ECGAnalyzer.analyze(all).frontalAxisDegrees)
        #expect(abs(measured - axis) < 8, "axis \(axis): measured \(measured)")
        let twoLeads = SyntheticECG.generate(
            heartRate: 70, duration: 20, samplingRate: 500, qrsAxisDegrees: axis, leads: ["I", "II"], seed: 8
        ).recording
        let derived = try #require(try ECGAnalyzer.analyze(twoLeads).frontalAxisDegrees)
        #expect(abs(derived - axis) < 8, "axis \(axis) from I and II: measured \(derived)")
        print(String(format: "| axis %.0f° | six leads %.1f° | I and II %.1f° |", axis, measured, derived))
    }

    @Test func noAxisWithOneLead() throws {
        let (recording, _) = SyntheticECG.generate(heartRate: 70, duration: 20, samplingRate: 500)
        #expect(try ECGAnalyzer.analyze(recording).frontalAxisDegrees == nil)
    }

    // MARK: Rhythm

    /// AF-like rhythm and sinus rhythm (with and without ectopic beats) are separated by the irregularity
    /// measure and the rhythm word, across rates and seeds.
    @Test func atrialFibrillationVersusSinus() throws {
        var sinus: [Double] = []
        var fibrillation: [Double] = []
        var lines = ["| rhythm | HR | seed | irregularity | word |", "| --- | ---: | ---: | ---: | --- |"]
        for seed: UInt64 in [1, 2, 3] {
            for heartRate in [50.0, 80, 130] {
                for (name, rhythm, ectopic) in [
                    ("sinus", SyntheticECG.Rhythm.sinus, 0.0), ("sinus+PVC", .sinus, 0.08),
                    ("AF-like", .atrialFibrillation, 0),
                ] {
                    let (recording, _) = SyntheticECG.generate(
                        heartRate: heartRate, duration: 40, samplingRate: 250, rhythm: rhythm, ectopicRate: ectopic,
                        seed: seed * 100 + UInt64(heartRate))
                    let analysis = try ECGAnalyzer.analyze(recording)
                    lines.append(
                        "| \(name) | \(Int(heartRate)) | \(seed) | \(String(format: "%.3f", analysis.irregularity)) "
                            + "| \(analysis.rhythm) |")
                    if rhythm == .sinus {
                        sinus.append(analysis.irregularity)
                        #expect(analysis.rhythm != "irregular", "\(name) \(heartRate) seed \(seed)")
                    } else {
                        fibrillation.append(analysis.irregularity)
                        #expect(analysis.rhythm == "irregular", "AF \(heartRate) seed \(seed)")
                    }
                }
            }
        }
        print(lines.joined(separator: "\n"))
        #expect(sinus.max()! < RhythmMeasures.irregularityThreshold)
        #expect(fibrillation.min()! > RhythmMeasures.irregularityThreshold)
    }

    @Test(arguments: [(45.0, "bradycardia"), (75, "sinus"), (125, "tachycardia")])
    func rhythmWord(heartRate: Double, word: String) throws {
        let (recording, _) = SyntheticECG.generate(heartRate: heartRate, duration: 30, samplingRate: 250, seed: 2)
        #expect(try ECGAnalyzer.analyze(recording).rhythm == word)
    }

    // MARK: Leads and refusals

    @Test func leadSelection() {
        func channel(_ label: String, _ unit: String = "mV") -> SignalChannel {
            SignalChannel(label: label, unit: unit, samplingRate: 250, samples: [0])
        }
        let recording = SignalRecording(
            format: "edf",
            channels: [
                channel("EEG Fpz-Cz", "uV"), channel("ECG"), channel("Resp"), channel("V1"), channel("ABP", "mmHg"),
                channel("ECG Lead I"), channel("ml ii"), channel("II", "mmHg"), channel("Lead aVF (Goldberger)"),
            ])
        #expect(ECGAnalyzer.ecgLeads(in: recording) == [6, 5, 3, 8, 1])
    }

    @Test func refusesWithoutECG() {
        let eeg = SignalRecording(
            format: "edf",
            channels: [
                SignalChannel(
                    label: "EEG Fpz-Cz", unit: "uV", samplingRate: 100, samples: [Float](repeating: 0, count: 3000))
            ])
        #expect(throws: SignalError.self) { try ECGAnalyzer.analyze(eeg) }
        do {
            _ = try ECGAnalyzer.analyze(eeg)
        } catch {
            #expect(error.reason.contains("no ECG lead") && error.reason.contains("EEG Fpz-Cz"))
        }
    }

    @Test func refusesShortOrCoarseRecordings() {
        let short = SyntheticECG.generate(heartRate: 70, duration: 4, samplingRate: 250).recording
        do {
            _ = try ECGAnalyzer.analyze(short)
            Issue.record("a 4 s recording was analysed")
        } catch {
            #expect(error.reason.contains("shorter than 5 s"))
        }
        let coarse = SyntheticECG.generate(heartRate: 70, duration: 20, samplingRate: 80).recording
        do {
            _ = try ECGAnalyzer.analyze(coarse)
            Issue.record("an 80 Hz recording was analysed")
        } catch {
            #expect(error.reason.contains("below 100 Hz"))
        }
    }

    /// Microvolts, a gap of missing samples and a flat preferred lead do not change the beats found.
    @Test func unitsGapsAndDeadLeads() throws {
        let (recording, beats) = SyntheticECG.generate(heartRate: 80, duration: 30, samplingRate: 250, seed: 6)
        var channel = recording.channels[0]
        channel.label = "I"
        channel.unit = "uV"
        channel.samples = channel.samples.map { $0 * 1000 }
        for i in 2000..<2100 { channel.samples[i] = .nan }
        let dead = SignalChannel(
            label: "II", unit: "mV", samplingRate: 250, samples: [Float](repeating: 0, count: 7500))
        let edited = SignalRecording(format: "synthetic", channels: [dead, channel])
        let analysis = try ECGAnalyzer.analyze(edited)
        #expect(analysis.leadUsed == "I")
        let score = DetectionScore.match(truth: beats, detected: analysis.rPeakTimes, duration: 30)
        #expect(score.falsePositives == 0 && score.falseNegatives <= 1)
    }

    // MARK: Resampling and filters

    @Test func resamplingKeepsASine() {
        let input = (0..<2500).map { sin(2 * Double.pi * 5 * Double($0) / 250) }
        let up = Resampler.resample(input, from: 250, to: 500)
        #expect(up.count == 5000)
        let upError = (200..<4800).map { abs(up[$0] - sin(2 * Double.pi * 5 * Double($0) / 500)) }.max()!
        #expect(upError < 1e-3)
        let odd = Resampler.resample(input, from: 250, to: 360)
        let oddError = (200..<3400).map { abs(odd[$0] - sin(2 * Double.pi * 5 * Double($0) / 360)) }.max()!
        #expect(oddError < 1e-3)
    }

    /// Downsampling removes what the new rate cannot hold instead of folding it into the band.
    @Test func resamplingDoesNotAlias() {
        let input = (0..<10_000).map { sin(2 * Double.pi * 70 * Double($0) / 1000) }
        let down = Resampler.resample(input, from: 1000, to: 100)
        let residual = down[100..<900].map(abs).max()!
        #expect(residual < 0.01)
    }

    @Test func bandPassPassesECGBandAndIsZeroPhase() {
        let fs = 500.0
        let filter = Butterworth.bandPass(order: 2, low: 0.5, high: 40, samplingRate: fs)
        let sine = (0..<5000).map { sin(2 * Double.pi * 10 * Double($0) / fs) }
        let filtered = filter.applyForwardBackward(sine, padding: 1500)
        let gain = filtered[1000..<4000].map(abs).max()!
        #expect(abs(gain - 1) < 0.02)
        // A Gaussian pulse keeps its peak where it was: no phase shift.
        let pulse = (0..<5000).map { exp(-pow(Double($0 - 2500) / 10, 2) / 2) }
        let shifted = filter.applyForwardBackward(pulse, padding: 1500)
        #expect(shifted.indices.max { shifted[$0] < shifted[$1] } == 2500)
        // Baseline wander (0.1 Hz) is removed.
        let wander = (0..<15_000).map { sin(2 * Double.pi * 0.1 * Double($0) / fs) }
        let cleaned = filter.applyForwardBackward(wander, padding: 1500)
        #expect(cleaned[2000..<13_000].map(abs).max()! < 0.01)
    }

    @Test(arguments: [50.0, 60.0])
    func mainsIsDetectedAndRemoved(frequency: Double) {
        let fs = 500.0
        let (recording, _) = SyntheticECG.generate(heartRate: 70, duration: 20, samplingRate: fs, seed: 3)
        let clean = recording.channels[0].samples.map(Double.init)
        let hum = clean.indices.map { 0.3 * sin(2 * Double.pi * frequency * Double($0) / fs) }
        let noisy = zip(clean, hum).map { $0 + $1 }
        #expect(MainsFilter.detectFrequency(clean, samplingRate: fs) == nil)
        #expect(MainsFilter.detectFrequency(noisy, samplingRate: fs) == frequency)
        let filtered = MainsFilter.remove(noisy, samplingRate: fs, frequency: frequency)
        let residual = (1000..<9000).map { abs(filtered[$0] - clean[$0]) }
        // The hum (0.3 mV) is gone; what remains is the notch's small effect on the ECG itself.
        #expect(residual.reduce(0, +) / Double(residual.count) < 0.01)
    }
}
