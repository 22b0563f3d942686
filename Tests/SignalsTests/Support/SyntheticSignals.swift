import Foundation
import Signals

/// Deterministic test signals: a sine with a harmonic plus regular spikes (an ECG's rough shape),
/// generated in the test so no data files are needed.
enum SyntheticSignals {
    /// Physical values: `amplitude` × (sine at `frequency` Hz + a quarter at 7.3 × that), plus a
    /// spike of 1.5 × amplitude once per `spikeEvery` samples.
    static func wave(
        count: Int, rate: Double, amplitude: Double, frequency: Double = 1.3, spikeEvery: Int = 173, offset: Double = 0
    ) -> [Float] {
        (0..<count).map { index in
            let t = Double(index) / rate
            var value = amplitude * (sin(2 * .pi * frequency * t) + 0.25 * sin(2 * .pi * frequency * 7.3 * t))
            if spikeEvery > 0, index % spikeEvery == spikeEvery / 2 { value += 1.5 * amplitude }
            return Float(value + offset)
        }
    }

    /// ADC values within ±`amplitude` (the same shape, rounded).
    static func digital(count: Int, amplitude: Int, period: Double = 180, spikeEvery: Int = 97, phase: Int = 0)
        -> [Int32]
    {
        (0..<count).map { index in
            let t = Double(index + phase)
            var value = 0.55 * Double(amplitude) * (sin(2 * .pi * t / period) + 0.25 * sin(2 * .pi * t * 7.3 / period))
            if spikeEvery > 0, (index + phase) % spikeEvery == 0 { value += 0.3 * Double(amplitude) }
            return Int32(value.rounded())
        }
    }

    /// A two-lead, 360 Hz recording with beat and rhythm annotations spread over its length.
    static func ecgRecording(seconds: Double = 10) -> SignalRecording {
        let count = Int(seconds * 360)
        return SignalRecording(
            format: "synthetic",
            channels: [
                SignalChannel(
                    label: "MLII", unit: "mV", samplingRate: 360, samples: wave(count: count, rate: 360, amplitude: 1.1)
                ),
                SignalChannel(
                    label: "V5", unit: "mV", samplingRate: 360,
                    samples: wave(count: count, rate: 360, amplitude: 0.45, frequency: 1.1, offset: -0.2)),
            ],
            startTime: DateComponents(year: 2023, month: 11, day: 14, hour: 9, minute: 41, second: 7),
            annotations: [
                SignalAnnotation(time: 0.05 * seconds, code: "N"),
                SignalAnnotation(time: 0.125 * seconds, code: "V"),
                SignalAnnotation(time: 0.2 * seconds, code: "+", text: "(AFIB"),
                SignalAnnotation(time: 0.35 * seconds, code: "A"),
                SignalAnnotation(time: 0.6 * seconds, code: "+", text: "(N"),
                SignalAnnotation(time: 0.95 * seconds, code: "~"),
            ])
    }
}
