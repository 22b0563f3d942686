import Foundation

/// A lead's representative beat: the sample-by-sample median of its normal beats aligned on their R peaks.
///
/// The median rather than the mean, because a median beat keeps the shape of the dominant beat even when some
/// beats carry noise bursts or an ectopic beat slips through; it is the "representative beat" of the
/// 12-lead interpretation programs. Every lead is aligned on the R peaks found in the analysed lead, so all
/// median beats share one time axis and QRS onset and offset can be read across leads.
///
/// Window: from R − min(300 ms, 45 % of the median RR) to R + min(700 ms, 85 % of the median RR), long enough for
/// the P wave before and the end of the T wave after at 40 bpm, and short enough at 180 bpm not to take in
/// the next QRS. Only beats flagged normal are used (at most the 300 in the middle of the recording).
public struct MedianBeat: Sendable, Equatable {
    /// Samples in mV.
    public var samples: [Double]
    /// Index of the R peak in `samples`.
    public var rIndex: Int
    public var samplingRate: Double
    /// How many beats went into the median.
    public var beatCount: Int

    /// Seconds from R of sample `index`.
    public func time(of index: Int) -> Double { Double(index - rIndex) / samplingRate }

    /// The window around R for a median RR, as (samples before R, samples after R).
    static func window(medianRR: Double, samplingRate: Double) -> (before: Int, after: Int) {
        (
            Int((min(0.30, 0.45 * medianRR) * samplingRate).rounded()),
            Int((min(0.70, 0.85 * medianRR) * samplingRate).rounded())
        )
    }

    /// The median beat of `lead` over the beats at `rPeaks` (sample positions) whose `use` flag is set; nil when no
    /// beat fits inside the lead.
    static func build(
        lead: [Double], rPeaks: [Double], use: [Bool], medianRR: Double, samplingRate: Double
    ) -> MedianBeat? {
        let (before, after) = window(medianRR: medianRR, samplingRate: samplingRate)
        var starts: [Int] = []
        for (k, peak) in rPeaks.enumerated() where use[k] {
            let r = Int(peak.rounded())
            if r - before >= 0 && r + after < lead.count { starts.append(r - before) }
        }
        guard !starts.isEmpty else { return nil }
        if starts.count > 300 {
            let skip = (starts.count - 300) / 2
            starts = Array(starts[skip..<(skip + 300)])
        }
        let length = before + after + 1
        var samples = [Double](repeating: 0, count: length)
        var column = [Double](repeating: 0, count: starts.count)
        for i in 0..<length {
            for (k, start) in starts.enumerated() { column[k] = lead[start + i] }
            samples[i] = Statistics.selectQuantile(&column, 0.5)
        }
        return MedianBeat(samples: samples, rIndex: before, samplingRate: samplingRate, beatCount: starts.count)
    }
}
