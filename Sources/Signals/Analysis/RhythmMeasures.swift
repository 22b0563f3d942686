import Foundation

/// RR intervals, heart rate, heart-rate variability and rhythm irregularity from beat times.
///
/// Ectopic beats: a beat is taken for ectopic (premature, with a compensatory pause) when the interval before
/// it is shorter than 88 % of the local reference RR (the median of the nine intervals around it), the interval
/// after it is longer than 108 % of it, and the two together exceed 170 % of it. The two intervals around an
/// ectopic beat are left out of the normal-to-normal (NN) intervals used for SDNN, RMSSD and pNN50, as the
/// HRV Task Force (1996) asks. In an irregular rhythm there is no normal interval to be premature to, so no
/// beat is flagged and all intervals are used.
///
/// Irregularity is the median absolute successive RR difference divided by the median RR (a normalised,
/// outlier-resistant successive-difference measure), over the successive differences that involve no
/// flagged beat (all of them if fewer than four remain). Sinus rhythm with respiratory sinus arrhythmia stays
/// below about 0.06 at rest; atrial fibrillation, whose RR intervals are nearly independent with a coefficient
/// of variation of 0.15–0.3, gives 0.11–0.3. The median and the exclusion make it insensitive to ectopic
/// beats, which pull RMSSD and the coefficient of variation up. In an irregular rhythm, the flags are then
/// cleared (see above).
///
/// Rhythm words, checked in this order: "irregular" when irregularity > 0.10 over at least 8 intervals;
/// "bradycardia" below 60 bpm; "tachycardia" above 100 bpm; "sinus" otherwise. "sinus" means regular at a
/// normal rate: P waves are not checked.
public struct RhythmMeasures: Sendable, Equatable {
    public static let irregularityThreshold = 0.10
    public static let bradycardiaBelow = 60.0
    public static let tachycardiaAbove = 100.0

    /// RR intervals in seconds.
    public var rr: [Double]
    /// One flag per beat: ectopic (premature with a compensatory pause).
    public var ectopic: [Bool]
    /// 60 / mean RR, beats per minute.
    public var heartRate: Double
    public var rrMeanMs: Double
    /// Standard deviation of the NN intervals (sample, n − 1), ms.
    public var sdnnMs: Double
    /// Root mean square of successive NN differences, ms.
    public var rmssdMs: Double
    /// Fraction (0–1) of successive NN differences larger than 50 ms.
    public var pnn50: Double
    /// Median |ΔRR| / median RR.
    public var irregularity: Double
    /// Standard deviation / mean of all RR intervals.
    public var coefficientOfVariation: Double
    /// Fraction of interior RR intervals that are a local maximum or minimum (2/3 for independent intervals).
    public var turningPointRatio: Double
    public var rhythm: String

    /// The fraction of beats flagged ectopic.
    public var ectopicFraction: Double {
        ectopic.isEmpty ? 0 : Double(ectopic.filter { $0 }.count) / Double(ectopic.count)
    }

    public init(beatTimes: [Double]) {
        let times = beatTimes.sorted()
        rr = zip(times.dropFirst(), times).map { $0 - $1 }
        let count = rr.count
        let mean = count > 0 ? rr.reduce(0, +) / Double(count) : 0
        heartRate = mean > 0 ? 60 / mean : 0
        rrMeanMs = mean * 1000
        coefficientOfVariation = count > 1 && mean > 0 ? Self.standardDeviation(rr) / mean : 0
        let medianRR = Statistics.median(rr) ?? 0
        var turning = 0
        if count >= 3 {
            for i in 1..<(count - 1) where (rr[i] - rr[i - 1]) * (rr[i + 1] - rr[i]) < 0 { turning += 1 }
        }
        turningPointRatio = count >= 3 ? Double(turning) / Double(count - 2) : 0
        var flags = [Bool](repeating: false, count: times.count)
        if count >= 3 {
            for beat in 1..<(times.count - 1) {
                let before = rr[beat - 1]
                let after = rr[beat]
                let window = Array(rr[max(0, beat - 5)..<min(count, beat + 4)])
                let reference = Statistics.median(window) ?? medianRR
                if before < 0.88 * reference && after > 1.08 * reference && before + after > 1.7 * reference {
                    flags[beat] = true
                }
            }
        }
        // Successive differences of intervals i − 1 and i (beats i − 1, i, i + 1), without flagged beats.
        var differences: [Double] = []
        var clean: [Double] = []
        if count >= 2 {
            for i in 1..<count {
                let difference = abs(rr[i] - rr[i - 1])
                differences.append(difference)
                if !flags[i - 1] && !flags[i] && !flags[i + 1] { clean.append(difference) }
            }
        }
        let used = clean.count >= 4 ? clean : differences
        irregularity = medianRR > 0 ? (Statistics.median(used) ?? 0) / medianRR : 0
        let irregular = count >= 8 && irregularity > Self.irregularityThreshold
        if irregular { flags = [Bool](repeating: false, count: times.count) }
        // NN intervals: both ends normal; successive differences only between adjacent NN intervals.
        ectopic = flags
        let normal = (0..<count).map { !flags[$0] && !flags[$0 + 1] }
        let intervals = rr
        let nn = (0..<count).filter { normal[$0] }.map { intervals[$0] }
        var successive: [Double] = []
        if count >= 2 {
            for i in 1..<count where normal[i] && normal[i - 1] { successive.append(intervals[i] - intervals[i - 1]) }
        }
        sdnnMs = nn.count > 1 ? Self.standardDeviation(nn) * 1000 : 0
        rmssdMs =
            successive.isEmpty
            ? 0
            : (successive.reduce(0) { $0 + $1 * $1 } / Double(successive.count))
                .squareRoot() * 1000
        pnn50 = successive.isEmpty ? 0 : Double(successive.filter { abs($0) > 0.050 }.count) / Double(successive.count)
        if irregular {
            rhythm = "irregular"
        } else if heartRate < Self.bradycardiaBelow {
            rhythm = "bradycardia"
        } else if heartRate > Self.tachycardiaAbove {
            rhythm = "tachycardia"
        } else {
            rhythm = "sinus"
        }
    }

    static func standardDeviation(_ values: [Double]) -> Double {
        guard values.count > 1 else { return 0 }
        let mean = values.reduce(0, +) / Double(values.count)
        return (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)).squareRoot()
    }
}
