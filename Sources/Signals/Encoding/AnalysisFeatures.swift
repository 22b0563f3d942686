import Foundation

/// The 32 analysis features of the signal encoder: ECG measurements robustly scaled, rhythm and lead facts, and
/// flags that say which rule produced the vector.
///
/// Each measurement is scaled as (x − centre) / spread with constants taken from adult resting-ECG reference
/// values (centre ≈ a typical normal value, spread ≈ the width of the normal range, an IQR-like scale), so a
/// normal ECG sits near 0 and one unit is "clearly different"; HRV measures are log-scaled first because they
/// are log-normally distributed. Every scaled value is clipped to ±4 so a wild measurement cannot dominate the
/// vector. Flags are 0 or 1. When there is no analysis (non-ECG signal, ECG shorter than 5 s or sampled below
/// 100 Hz, or no beats found), features 0–25 are all 0 and the flags tell why.
enum AnalysisFeatures {
    static let count = 32
    static let clip = 4.0

    /// Name, centre and spread of features 0–12 and 20–25 (in that order of `scaled`), documented in
    /// docs/signals-analysis.md.
    static let scales: [(name: String, centre: Double, spread: Double)] = [
        ("heart rate (bpm)", 70, 25),
        ("mean RR (ms)", 857, 250),
        ("ln SDNN (ms)", log(40), 0.8),
        ("ln RMSSD (ms)", log(30), 0.9),
        ("pNN50", 0.10, 0.20),
        ("irregularity", 0.03, 0.05),
        ("RR coefficient of variation", 0.05, 0.05),
        ("turning-point ratio", 0.55, 0.15),
        ("ectopic fraction", 0, 0.05),
        ("QRS duration (ms)", 100, 20),
        ("QT (ms)", 400, 50),
        ("QTc Bazett (ms)", 420, 30),
        ("QTc Fridericia (ms)", 410, 30),
        ("R amplitude (mV)", 1.0, 0.6),
        ("T amplitude (mV)", 0.3, 0.25),
        ("ST level at J+60 ms (mV)", 0, 0.1),
        ("P-region amplitude (mV)", 0.1, 0.08),
        ("QRS consistency (correlation)", 0.95, 0.05),
        ("ECG lead count", 3, 4),
    ]

    struct Flags {
        var ecgPresent = false
        var analysed = false
        var nonECG = false
        var short = false
        var paddedFraction = 0.0
        var durationSeconds = 0.0
    }

    static func scaled(_ value: Double, _ index: Int) -> Double {
        let (_, centre, spread) = scales[index]
        return min(max((value - centre) / spread, -clip), clip)
    }

    /// Layout: 0–12 rate, HRV, rhythm and interval measures; 13–15 axis cos, sin, present; 16–19 rhythm one-hot
    /// (sinus, bradycardia, tachycardia, irregular); 20–25 amplitudes, QRS consistency, lead count; 26 ECG
    /// present; 27 analysed; 28 non-ECG signal; 29 shorter than 10 s; 30 padded fraction of the kernel window;
    /// 31 ln(duration / 60 s) / 2.
    static func vector(_ measurement: ECGAnalyzer.Measurement?, flags: Flags) -> [Double] {
        var v = [Double](repeating: 0, count: count)
        if let m = measurement {
            let a = m.analysis
            let r = m.rhythm
            let values = [
                a.heartRate, a.rrMeanMs, log(max(a.sdnnMs, 1)), log(max(a.rmssdMs, 1)), a.pnn50, a.irregularity,
                r.coefficientOfVariation, r.turningPointRatio, r.ectopicFraction,
            ]
            for (i, value) in values.enumerated() { v[i] = scaled(value, i) }
            // Measures that could not be made (0) stay 0, the centre, not a false extreme.
            if a.sdnnMs <= 0 { v[2] = 0 }
            if a.rmssdMs <= 0 { v[3] = 0 }
            for (i, value) in [a.qrsDurationMs, a.qtMs, a.qtcBazettMs, a.qtcFridericiaMs].enumerated() where value > 0 {
                v[9 + i] = scaled(value, 9 + i)
            }
            if let axis = a.frontalAxisDegrees {
                v[13] = cos(axis * Double.pi / 180)
                v[14] = sin(axis * Double.pi / 180)
                v[15] = 1
            }
            if let slot = ["sinus", "bradycardia", "tachycardia", "irregular"].firstIndex(of: a.rhythm) {
                v[16 + slot] = 1
            }
            let extra = [m.rAmplitude, m.tAmplitude, m.stLevel, m.pAmplitude, m.beatConsistency, Double(m.leadCount)]
            for (i, value) in extra.enumerated() { v[20 + i] = scaled(value, 13 + i) }
        }
        v[26] = flags.ecgPresent ? 1 : 0
        v[27] = flags.analysed ? 1 : 0
        v[28] = flags.nonECG ? 1 : 0
        v[29] = flags.short ? 1 : 0
        v[30] = flags.paddedFraction
        v[31] = min(max(log(max(flags.durationSeconds, 0.1) / 60) / 2, -clip), clip)
        return v
    }
}
