import Foundation

/// What the ECG analysis measured on one recording. Times are in ms unless named otherwise; a measurement that
/// could not be made (no T wave found, fewer than two NN intervals) is 0, and the axis is nil without the limb
/// leads it needs.
public struct ECGAnalysis: Sendable, Equatable {
    /// Beats per minute: 60 / mean RR over all beats.
    public var heartRate: Double
    public var qrsCount: Int
    /// R-peak times, seconds from the start of the recording.
    public var rPeakTimes: [Double]
    public var rrMeanMs: Double
    public var sdnnMs: Double
    public var rmssdMs: Double
    /// Fraction 0–1.
    public var pnn50: Double
    public var qrsDurationMs: Double
    public var qtMs: Double
    /// QT / √RR (RR in seconds, the median RR of the recording).
    public var qtcBazettMs: Double
    /// QT / ∛RR.
    public var qtcFridericiaMs: Double
    public var frontalAxisDegrees: Double?
    /// Median |ΔRR| / median RR; see `RhythmMeasures`.
    public var irregularity: Double
    /// "sinus", "bradycardia", "tachycardia" or "irregular"; see `RhythmMeasures`.
    public var rhythm: String
    /// The label of the lead the beats were detected in.
    public var leadUsed: String

    public init(
        heartRate: Double, qrsCount: Int, rPeakTimes: [Double], rrMeanMs: Double, sdnnMs: Double, rmssdMs: Double,
        pnn50: Double, qrsDurationMs: Double, qtMs: Double, qtcBazettMs: Double, qtcFridericiaMs: Double,
        frontalAxisDegrees: Double?, irregularity: Double, rhythm: String, leadUsed: String
    ) {
        self.heartRate = heartRate
        self.qrsCount = qrsCount
        self.rPeakTimes = rPeakTimes
        self.rrMeanMs = rrMeanMs
        self.sdnnMs = sdnnMs
        self.rmssdMs = rmssdMs
        self.pnn50 = pnn50
        self.qrsDurationMs = qrsDurationMs
        self.qtMs = qtMs
        self.qtcBazettMs = qtcBazettMs
        self.qtcFridericiaMs = qtcFridericiaMs
        self.frontalAxisDegrees = frontalAxisDegrees
        self.irregularity = irregularity
        self.rhythm = rhythm
        self.leadUsed = leadUsed
    }
}
