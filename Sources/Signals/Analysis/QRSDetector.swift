import Foundation

/// Finds QRS complexes with the method of Pan and Tompkins ("A real-time QRS detection algorithm", IEEE Trans. Biomed.
/// Eng. 32(3), 1985), run offline with four changes that make it more robust (the fourth is below):
/// - the filters are zero-phase (forward-backward) and the integration window is centred, so the integrated peak lines
///   up with the QRS and no filter delay has to be subtracted;
/// - it runs twice: the first pass learns the signal and noise peak levels and the RR interval over the whole
///   recording, and the second starts from those, so the first beats are not lost to a cold start;
/// - each R peak is placed on the conditioned ECG with the polarity that dominates the recording (upright or inverted
///   R) — or the opposite one for a beat whose opposite deflection is 1.5 times larger, such as an inverted
///   ventricular ectopic beat — refined to a fraction of a sample by a parabola through the three highest samples.
///
/// The steps: band-pass 5–15 Hz (2nd-order Butterworth each side, forward-backward), five-point derivative, squaring,
/// moving-window integration over 150 ms. Peaks of the integrated signal are candidates when no larger candidate lies
/// within the 200 ms refractory period. A candidate above THRESHOLD1 = NPKI + 0.25·(SPKI − NPKI) is a QRS, unless it
/// comes within 360 ms of the previous QRS with a small maximal slope, when it is taken for a T wave. The fourth change
/// is here: Pan and Tompkins' "small" is under half the previous QRS's slope and we use 35 %, and at fast rates the
/// window shrinks to half the recent RR interval + 50 ms, which still holds the T wave's peak. A wide premature
/// ventricular beat coupled early has a band-passed slope of 40–50 % of a normal QRS and was being discarded as a T
/// wave; a T wave of ordinary size stays far below THRESHOLD1 (its integrated peak is 1–3 % of a QRS's) and never
/// reaches this rule. SPKI and NPKI are running levels of QRS and noise peaks (weights 1/8). When no QRS has been found
/// for 166 % of the recent regular RR interval, the largest candidate in that gap above THRESHOLD2 = THRESHOLD1 / 2 is
/// taken (search-back; SPKI then moves by 1/4).
public enum QRSDetector {
    public static let refractoryPeriod = 0.200
    public static let tWaveWindow = 0.360
    public static let integrationWindow = 0.150
    public static let searchBackFactor = 1.66
    public static let tWaveSlopeRatio = 0.35

    struct Candidate {
        var index: Int
        var height: Double
        var slope: Double
    }

    struct Levels {
        var signal: Double
        var noise: Double
        var rr: Double
    }

    /// R-peak positions, in (fractional) samples, of an ECG that has been band-passed (0.5–40 Hz) and cleared of
    /// mains hum.
    public static func detect(_ ecg: [Double], samplingRate: Double) -> [Double] {
        let fs = samplingRate
        guard ecg.count > Int(2 * fs) else { return [] }
        let band = Butterworth.bandPass(order: 2, low: 5, high: 15, samplingRate: fs)
            .applyForwardBackward(ecg, padding: Int(fs))
        let n = band.count
        var derivative = [Double](repeating: 0, count: n)
        for i in 2..<(n - 2) {
            derivative[i] = (2 * band[i + 1] + band[i + 2] - 2 * band[i - 1] - band[i - 2]) * fs / 8
        }
        let integrated = movingAverage(derivative.map { $0 * $0 }, width: Int((integrationWindow * fs).rounded()))
        let candidates = findCandidates(integrated, derivative: derivative, samplingRate: fs)
        guard !candidates.isEmpty else { return [] }

        // Pass 1: levels from the first two seconds, as Pan and Tompkins' learning phase.
        let learn = integrated.prefix(Int(2 * fs))
        let first = Levels(
            signal: (learn.max() ?? 0) / 3, noise: learn.reduce(0, +) / Double(max(learn.count, 1)) / 2, rr: 1.0)
        let (firstBeats, learned) = classify(candidates, start: first, samplingRate: fs)
        // Pass 2 from what pass 1 learned over the whole recording.
        let beats = firstBeats.count >= 3 ? classify(candidates, start: learned, samplingRate: fs).beats : firstBeats
        return locatePeaks(ecg, beats: beats.map(\.index), samplingRate: fs)
    }

    /// Centred moving average of `width` samples.
    static func movingAverage(_ x: [Double], width: Int) -> [Double] {
        let w = max(1, width)
        var prefix = [Double](repeating: 0, count: x.count + 1)
        for i in 0..<x.count { prefix[i + 1] = prefix[i] + x[i] }
        let half = w / 2
        return (0..<x.count).map { i in
            let lo = max(0, i - half)
            let hi = min(x.count, i - half + w)
            return (prefix[hi] - prefix[lo]) / Double(w)
        }
    }

    /// Local maxima of the integrated signal that dominate ±refractory period, with their maximal slope.
    static func findCandidates(_ integrated: [Double], derivative: [Double], samplingRate fs: Double) -> [Candidate] {
        let n = integrated.count
        var maxima: [Int] = []
        for i in 1..<(n - 1) where integrated[i] > integrated[i - 1] && integrated[i] >= integrated[i + 1] {
            maxima.append(i)
        }
        let refractory = Int(refractoryPeriod * fs)
        // Keep a maximum only when no larger one lies within the refractory period on either side.
        var kept: [Int] = []
        var blocked = [Bool](repeating: false, count: n)
        for index in maxima.sorted(by: { integrated[$0] > integrated[$1] }) where !blocked[index] {
            kept.append(index)
            for j in max(0, index - refractory)..<min(n, index + refractory + 1) { blocked[j] = true }
        }
        kept.sort()
        let half = Int(integrationWindow * fs / 2)
        return kept.map { index in
            var slope = 0.0
            for j in max(0, index - half)..<min(n, index + half + 1) { slope = max(slope, abs(derivative[j])) }
            return Candidate(index: index, height: integrated[index], slope: slope)
        }
    }

    /// The decision rules; returns the QRS candidates and the levels learned over the recording.
    static func classify(
        _ candidates: [Candidate], start: Levels, samplingRate fs: Double
    ) -> (beats: [Candidate], levels: Levels) {
        var spki = start.signal
        var npki = start.noise
        var recentRR: [Double] = []
        var regularRR: [Double] = []
        var rrAverage = start.rr
        var beats: [Candidate] = []
        var noisePeaks: [Candidate] = []
        var signalHistory: [Double] = []
        var noiseHistory: [Double] = []

        func threshold1() -> Double { npki + 0.25 * (spki - npki) }

        func isTWave(_ candidate: Candidate) -> Bool {
            let window = Int(min(tWaveWindow, 0.5 * rrAverage + 0.05) * fs)
            guard let last = beats.last, candidate.index - last.index < window else { return false }
            return candidate.slope < tWaveSlopeRatio * last.slope
        }

        func accept(_ candidate: Candidate, searchBack: Bool) {
            if let last = beats.last {
                let rr = Double(candidate.index - last.index) / fs
                recentRR.append(rr)
                if recentRR.count > 8 { recentRR.removeFirst() }
                let low = 0.92 * rrAverage
                let high = 1.16 * rrAverage
                if regularRR.isEmpty || (rr > low && rr < high) {
                    regularRR.append(rr)
                    if regularRR.count > 8 { regularRR.removeFirst() }
                }
                // Pan–Tompkins' RR AVERAGE2 (regular beats); when the rhythm has been irregular for 8 beats
                // AVERAGE1 (all recent beats) takes over, so irregular rhythms keep a sensible search-back limit.
                let allAverage = recentRR.reduce(0, +) / Double(recentRR.count)
                let regularAverage = regularRR.reduce(0, +) / Double(regularRR.count)
                rrAverage = regularRR.count >= 3 ? regularAverage : allAverage
                if recentRR.count == 8, regularRR.count < 4 { rrAverage = allAverage }
            }
            spki = searchBack ? 0.25 * candidate.height + 0.75 * spki : 0.125 * candidate.height + 0.875 * spki
            signalHistory.append(candidate.height)
            beats.append(candidate)
        }

        func searchBack(before index: Int) {
            while let last = beats.last, Double(index - last.index) / fs > searchBackFactor * rrAverage {
                let threshold2 = 0.5 * threshold1()
                let best = noisePeaks.filter {
                    $0.index > last.index && $0.index < index && $0.height > threshold2 && !isTWave($0)
                }.max { $0.height < $1.height }
                guard let best else { return }
                noisePeaks.removeAll { $0.index <= best.index }
                accept(best, searchBack: true)
            }
        }

        for candidate in candidates {
            searchBack(before: candidate.index)
            if candidate.height > threshold1() && !isTWave(candidate) {
                accept(candidate, searchBack: false)
                noisePeaks.removeAll()
            } else {
                npki = 0.125 * candidate.height + 0.875 * npki
                noiseHistory.append(candidate.height)
                noisePeaks.append(candidate)
            }
        }
        if let last = candidates.last { searchBack(before: last.index + Int(10 * fs)) }

        let rrs = zip(beats.dropFirst(), beats).map { Double($0.index - $1.index) / fs }
        let learned = Levels(
            signal: Statistics.median(signalHistory) ?? start.signal,
            noise: Statistics.median(noiseHistory) ?? start.noise,
            rr: Statistics.median(rrs) ?? start.rr)
        return (beats, learned)
    }

    /// R peaks on the conditioned ECG, within ±75 ms of each detection (polarity as in the type's description).
    static func locatePeaks(_ ecg: [Double], beats: [Int], samplingRate fs: Double) -> [Double] {
        let n = ecg.count
        let half = Int(0.075 * fs)
        let context = Int(0.25 * fs)
        // Per beat, the largest upward and downward deflections from the local baseline.
        var extremes: [(high: Double, low: Double)] = []
        for index in beats {
            let around = Array(ecg[max(0, index - context)..<min(n, index + context + 1)])
            let baseline = Statistics.median(around) ?? 0
            let window = ecg[max(0, index - half)..<min(n, index + half + 1)]
            extremes.append(((window.max() ?? 0) - baseline, baseline - (window.min() ?? 0)))
        }
        let upright = extremes.filter { $0.high >= $0.low }.count
        let dominant: Double = upright * 2 >= beats.count ? 1 : -1
        var peaks: [Double] = []
        var lastIndex = Int.min / 2
        for (k, index) in beats.enumerated() {
            // A beat whose opposite deflection is 1.5 times the dominant one (an ectopic beat of the other polarity)
            // is placed on that deflection; otherwise on the dominant polarity, so RS-shaped beats do not jump
            // between R and S.
            let (high, low) = extremes[k]
            let sign: Double = dominant > 0 ? (low > 1.5 * high ? -1 : 1) : (high > 1.5 * low ? 1 : -1)
            let lo = max(0, index - half)
            let hi = min(n - 1, index + half)
            var best = lo
            for j in lo...hi where sign * ecg[j] > sign * ecg[best] { best = j }
            guard best - lastIndex >= Int(refractoryPeriod * fs) else { continue }
            lastIndex = best
            var position = Double(best)
            if best > 0, best < n - 1 {
                let (a, b, c) = (sign * ecg[best - 1], sign * ecg[best], sign * ecg[best + 1])
                let denominator = a - 2 * b + c
                if denominator < 0 { position += min(max(0.5 * (a - c) / denominator, -0.5), 0.5) }
            }
            peaks.append(position)
        }
        return peaks
    }
}
