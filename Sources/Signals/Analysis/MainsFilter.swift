import Foundation

/// Finds and removes mains interference (50 Hz in most of the world, 60 Hz in the Americas and parts of Asia).
///
/// Detection compares the power at 50 and at 60 Hz with the median power at ±4, ±5 and ±6 Hz around each, in a
/// Welch average of 1-second Hann-windowed segments (1 Hz resolution, so a mains frequency off by a few tenths of
/// a hertz is still caught). Mains is present when that ratio is at least `detectionRatio` (7 dB); the
/// frequency with the larger ratio wins. Removal is a notch of Q = `notchQ` (−3 dB width 1.7 Hz at 50 Hz) run
/// forward-backward: zero phase and twice the attenuation.
public enum MainsFilter {
    public static let candidateFrequencies = [50.0, 60.0]
    public static let detectionRatio = 5.0
    public static let notchQ = 30.0

    /// 50, 60 or nil when neither stands out. `maximumFrequency` is the highest frequency the original recording
    /// could hold (below its Nyquist frequency): after resampling, hum above it cannot be real.
    public static func detectFrequency(
        _ signal: [Double], samplingRate: Double, maximumFrequency: Double? = nil
    ) -> Double? {
        let limit = min(maximumFrequency ?? .infinity, 0.45 * samplingRate)
        let offsets = [-6.0, -5, -4, 4, 5, 6]
        let candidates = candidateFrequencies.filter { $0 + 6 < limit }
        let frequencies = candidates.flatMap { f in [f] + offsets.map { f + $0 } }
        let power = welchPower(signal, samplingRate: samplingRate, frequencies: frequencies)
        var best: (frequency: Double, ratio: Double)?
        for (k, frequency) in candidates.enumerated() {
            let block = k * (offsets.count + 1)
            let neighbours = power[(block + 1)...(block + offsets.count)].sorted()
            let floor = max((neighbours[2] + neighbours[3]) / 2, 1e-30)
            let ratio = power[block] / floor
            if ratio >= detectionRatio, ratio > (best?.ratio ?? 0) { best = (frequency, ratio) }
        }
        return best?.frequency
    }

    /// The signal with a zero-phase notch at `frequency`.
    public static func remove(_ signal: [Double], samplingRate: Double, frequency: Double) -> [Double] {
        guard frequency < 0.49 * samplingRate else { return signal }
        let notch = Butterworth.notch(frequency: frequency, q: notchQ, samplingRate: samplingRate)
        return notch.applyForwardBackward(signal, padding: Int(samplingRate))
    }

    /// Mean periodogram power at each frequency over 1-second Hann-windowed segments overlapping by half
    /// (Goertzel's recurrence evaluates single frequencies cheaply). At most 30 segments, spread over the signal,
    /// are used.
    static func welchPower(_ signal: [Double], samplingRate: Double, frequencies: [Double]) -> [Double] {
        let length = max(8, Int(samplingRate.rounded()))
        var total = [Double](repeating: 0, count: frequencies.count)
        guard signal.count >= length, !frequencies.isEmpty else { return total }
        let hop = length / 2
        let segmentCount = (signal.count - length) / hop + 1
        let stride = max(1, (segmentCount + 29) / 30)
        let coefficients = frequencies.map { 2 * cos(2 * Double.pi * $0 / samplingRate) }
        let window = (0..<length).map { 0.5 - 0.5 * cos(2 * Double.pi * Double($0) / Double(length)) }
        var segment = [Double](repeating: 0, count: length)
        var used = 0
        signal.withUnsafeBufferPointer { x in
            for index in Swift.stride(from: 0, to: segmentCount, by: stride) {
                let start = index * hop
                var mean = 0.0
                for i in 0..<length { mean += x[start + i] }
                mean /= Double(length)
                for i in 0..<length { segment[i] = (x[start + i] - mean) * window[i] }
                for (f, coefficient) in coefficients.enumerated() {
                    var s1 = 0.0
                    var s2 = 0.0
                    for i in 0..<length {
                        let s0 = segment[i] + coefficient * s1 - s2
                        s2 = s1
                        s1 = s0
                    }
                    total[f] += s1 * s1 + s2 * s2 - coefficient * s1 * s2
                }
                used += 1
            }
        }
        return total.map { $0 / Double(max(used, 1)) }
    }
}
