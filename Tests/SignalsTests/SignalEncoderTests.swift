import Foundation
import Signals
import Testing

/// The signal encoder: deterministic unit vectors of a fixed size, similar rhythms close together, the
/// documented rules for non-ECG and short recordings, and a stable fingerprint.
@Suite struct SignalEncoderTests {
    let encoder = SignalEncoder()

    func encode(_ generator: SyntheticECG) throws -> [Float] {
        try encoder.encode(generator.generate().recording)
    }

    func cosine(_ a: [Float], _ b: [Float]) -> Float {
        zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
    }

    func norm(_ a: [Float]) -> Float { cosine(a, a).squareRoot() }

    @Test func deterministicUnitVectorOfFixedSize() throws {
        let generator = SyntheticECG(heartRate: 72, duration: 30, samplingRate: 360, seed: 9)
        let first = try encode(generator)
        let second = try SignalEncoder().encode(generator.generate().recording)
        #expect(first == second)
        #expect(first.count == encoder.dimensions)
        #expect(encoder.dimensions == SignalEncoder.dimensions)
        #expect(SignalEncoder.dimensions == 288)
        #expect(abs(norm(first) - 1) < 1e-5)
        #expect(first.allSatisfy { $0.isFinite })
        // A long recording (several windows) has the same size and norm.
        let long = try encode(SyntheticECG(heartRate: 72, duration: 120, samplingRate: 250, seed: 9))
        #expect(long.count == 288 && abs(norm(long) - 1) < 1e-5)
    }

    /// Sinus 60 is closer to sinus 65 than to AF-like 110.
    @Test func similarRecordingsAreCloser() throws {
        let sinus60 = try encode(SyntheticECG(heartRate: 60, duration: 30, samplingRate: 360, seed: 1))
        let sinus65 = try encode(SyntheticECG(heartRate: 65, duration: 30, samplingRate: 250, seed: 2))
        let fibrillation110 = try encode(
            SyntheticECG(heartRate: 110, duration: 30, samplingRate: 360, rhythm: .atrialFibrillation, seed: 3))
        let sinus120 = try encode(SyntheticECG(heartRate: 120, duration: 30, samplingRate: 360, seed: 4))
        let close = cosine(sinus60, sinus65)
        let far = cosine(sinus60, fibrillation110)
        print(
            String(
                format: "| cos(sinus 60, sinus 65) %.3f | cos(sinus 60, sinus 120) %.3f | cos(sinus 60, AF 110) %.3f |",
                close, cosine(sinus60, sinus120), far))
        #expect(close > far + 0.3)
        #expect(close > cosine(sinus60, sinus120))
    }

    /// No ECG lead: MiniRocket features of the first channel, analysis features zero, the non-ECG flag set.
    @Test func nonECGSignal() throws {
        let samples = (0..<3000).map { i in
            Float(20 * sin(2 * Double.pi * 10 * Double(i) / 100) + 8 * sin(2 * Double.pi * 1.3 * Double(i) / 100))
        }
        let eeg = SignalRecording(
            format: "edf",
            channels: [
                SignalChannel(label: "EEG Fpz-Cz", unit: "uV", samplingRate: 100, samples: samples),
                SignalChannel(label: "Resp", unit: "", samplingRate: 10, samples: [Float](repeating: 1, count: 300)),
            ])
        let vector = try encoder.encode(eeg)
        #expect(vector.count == 288 && abs(norm(vector) - 1) < 1e-5)
        #expect(vector[0..<26].allSatisfy { $0 == 0 })
        #expect(vector[26] == 0 && vector[27] == 0 && vector[28] > 0)
        #expect(vector[32...].contains { $0 != 0 })
    }

    /// Shorter than 10 s: padded with the short flag; shorter than 5 s: not analysed; shorter than 2 s: refused.
    @Test func shortRecordings() throws {
        let eight = try encode(SyntheticECG(heartRate: 70, duration: 8, samplingRate: 250, seed: 5))
        #expect(eight[27] > 0 && eight[29] > 0 && eight[30] > 0)
        let three = try encode(SyntheticECG(heartRate: 70, duration: 3, samplingRate: 250, seed: 5))
        #expect(three[26] > 0 && three[27] == 0 && three[29] > 0)
        #expect(three[0..<26].allSatisfy { $0 == 0 })
        #expect(abs(norm(three) - 1) < 1e-5)
        #expect(throws: SignalError.self) {
            try encoder.encode(SyntheticECG(heartRate: 70, duration: 1.5, samplingRate: 250).generate().recording)
        }
        #expect(throws: SignalError.self) { try encoder.encode(SignalRecording(format: "edf", channels: [])) }
    }

    /// Missing limb leads: the axis features are zero with their flag off; with them the flag is on.
    @Test func missingLeads() throws {
        let limb = try encode(
            SyntheticECG(heartRate: 70, duration: 20, samplingRate: 500, leads: ["I", "II", "aVF"], seed: 7))
        let single = try encode(SyntheticECG(heartRate: 70, duration: 20, samplingRate: 500, leads: ["II"], seed: 7))
        #expect(limb[15] > 0)
        #expect(single[13] == 0 && single[14] == 0 && single[15] == 0)
        #expect(cosine(limb, single) > 0.8)
    }

    @Test func fingerprint() {
        #expect(SignalEncoder.name == "caseatlas-signal")
        #expect(SignalEncoder.version == "1")
        let hash = SignalEncoder.parametersHash()
        #expect(hash == SignalEncoder.parametersHash())
        #expect(hash.count == 16 && hash.allSatisfy { $0.isHexDigit })
        // Changes only with the parameters; update together with `SignalEncoder.version`.
        #expect(hash == "7bf4086d1eb5b2d9")
    }
}
