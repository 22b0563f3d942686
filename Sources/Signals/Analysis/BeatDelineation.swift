import Foundation

/// QRS onset and offset, the end of the T wave, and wave amplitudes, measured on median beats.
///
/// QRS onset and offset (threshold method on the spatial velocity): the absolute first derivative of every
/// lead's median beat, summed over leads and smoothed over 10 ms, is the spatial velocity. Its floor is its
/// 20th percentile over the beat. Walking out from its maximum near R (±60 ms), onset is the last sample
/// before it and offset the first sample after it where the velocity falls below floor + 6 % of (maximum −
/// floor) and stays below for 10 ms (so the brief dip where the Q and R slopes cancel does not stop the walk),
/// within 150 ms before and 200 ms after R. Summing leads makes a wave that is isoelectric in one lead still
/// count, as 12-lead programs that measure on all leads at once do.
///
/// Isoelectric level: the median of each median beat between 30 and 8 ms before QRS onset (the PR segment).
///
/// End of T (tangent method): the T peak is the largest deviation from the isoelectric level between 40 ms
/// after QRS offset and R + 70 % of the RR interval (or the end of the window). The tangent at the steepest
/// point of its descending limb — searched while the wave is still above 20 % of its peak, fitted as a
/// least-squares line over ±8 ms — is extended to the isoelectric level, and where it meets it is the end of
/// T. For a Gaussian T wave this is its peak + 2σ. A lead takes part when its T wave is at least 0.05 mV; QT
/// runs from QRS onset to the median of the T ends of the leads whose T amplitude is at least half the largest
/// one (a robust global QT).
enum BeatDelineation {
    static let quietTime = 0.010
    static let velocityFraction = 0.06

    struct QRS {
        var onset: Int
        var offset: Int
    }

    struct TWave {
        var peak: Int
        var end: Double
        var amplitude: Double
    }

    static func qrs(_ beats: [MedianBeat]) -> QRS? {
        guard let first = beats.first else { return nil }
        let fs = first.samplingRate
        let length = beats.map(\.samples.count).min() ?? 0
        guard length > 10 else { return nil }
        var velocity = [Double](repeating: 0, count: length)
        for beat in beats {
            let x = smoothed(beat.samples, cutoff: qrsCutoff, samplingRate: fs)
            for i in 1..<(length - 1) { velocity[i] += abs(x[i + 1] - x[i - 1]) * fs / 2 }
        }
        velocity = QRSDetector.movingAverage(velocity, width: max(1, Int((0.010 * fs).rounded())))
        let r = first.rIndex
        let near = max(1, r - Int(0.06 * fs))...min(length - 2, r + Int(0.06 * fs))
        guard let peak = near.max(by: { velocity[$0] < velocity[$1] }) else { return nil }
        let floor = Statistics.quantile(velocity, 0.2) ?? 0
        let threshold = floor + velocityFraction * (velocity[peak] - floor)
        let earliest = max(0, r - Int(0.15 * fs))
        let latest = min(length - 1, r + Int(0.20 * fs))
        // Walk out until the velocity has stayed below the threshold for `quiet` samples, so a brief dip between
        // Q and R (where the two slopes cancel) does not end the walk.
        let quiet = max(1, Int((quietTime * fs).rounded()))
        var onset = peak
        var run = 0
        var i = peak
        while i > earliest && run < quiet {
            i -= 1
            if velocity[i] < threshold {
                if run == 0 { onset = i }
                run += 1
            } else {
                run = 0
            }
        }
        if run == 0 { onset = earliest }
        var offset = peak
        run = 0
        i = peak
        while i < latest && run < quiet {
            i += 1
            if velocity[i] < threshold {
                if run == 0 { offset = i }
                run += 1
            } else {
                run = 0
            }
        }
        if run == 0 { offset = latest }
        return QRS(onset: onset, offset: offset)
    }

    /// Median beats are low-passed (2nd-order Butterworth, forward-backward) before delineation: 40 Hz for the QRS
    /// velocity (a second pass at the band-pass cutoff), 12 Hz for the T wave, whose content lies below 10 Hz. The
    /// residual noise of a median of a few dozen noisy beats otherwise raises the velocity floor (QRS measured short)
    /// and steepens the T tangent (T end measured early).
    static let qrsCutoff = 40.0
    static let tCutoff = 12.0

    static func smoothed(_ x: [Double], cutoff: Double, samplingRate: Double) -> [Double] {
        Butterworth.lowPass(order: 2, cutoff: cutoff, samplingRate: samplingRate)
            .applyForwardBackward(x, padding: x.count)
    }

    static func isoelectric(_ beat: MedianBeat, qrs: QRS) -> Double {
        let fs = beat.samplingRate
        let lo = max(0, qrs.onset - Int(0.030 * fs))
        let hi = max(lo, qrs.onset - Int(0.008 * fs))
        return Statistics.median(Array(beat.samples[lo...hi])) ?? 0
    }

    static func tWave(_ beat: MedianBeat, qrs: QRS, medianRR: Double) -> TWave? {
        let fs = beat.samplingRate
        let x = smoothed(beat.samples, cutoff: tCutoff, samplingRate: fs)
        let baseline = isoelectric(beat, qrs: qrs)
        let start = qrs.offset + Int(0.04 * fs)
        let end = min(x.count - 2, beat.rIndex + Int(0.70 * medianRR * fs))
        guard start < end else { return nil }
        var peak = start
        for i in start...end where abs(x[i] - baseline) > abs(x[peak] - baseline) { peak = i }
        let amplitude = x[peak] - baseline
        guard abs(amplitude) >= 0.05, peak > start, peak < end else { return nil }
        let sign: Double = amplitude > 0 ? 1 : -1
        var steepest = peak
        var steepestSlope = 0.0
        var i = peak
        while i < x.count - 1 && sign * (x[i] - baseline) > 0.2 * abs(amplitude) {
            let slope = sign * (x[i + 1] - x[i - 1]) * fs / 2
            if slope < steepestSlope {
                steepestSlope = slope
                steepest = i
            }
            i += 1
        }
        guard steepestSlope < 0 else { return nil }
        // The tangent: a least-squares line over ±8 ms around the steepest point, extended to the baseline.
        let half = max(1, Int(0.008 * fs))
        let lo = max(0, steepest - half)
        let hi = min(x.count - 1, steepest + half)
        let n = Double(hi - lo + 1)
        let meanT = Double(lo + hi) / 2
        let meanX = (lo...hi).reduce(0) { $0 + x[$1] } / n
        var sxy = 0.0
        var sxx = 0.0
        for j in lo...hi {
            sxy += (Double(j) - meanT) * (x[j] - meanX)
            sxx += (Double(j) - meanT) * (Double(j) - meanT)
        }
        let m = sxx > 0 ? sxy / sxx : 0
        guard sign * m < 0 else { return nil }
        let crossing = meanT + (baseline - meanX) / m
        guard crossing > Double(peak), crossing < Double(x.count) + 0.1 * fs else { return nil }
        return TWave(peak: peak, end: crossing, amplitude: amplitude)
    }

    /// QT end over leads: the median T end of the leads whose T is at least half the largest T amplitude.
    static func tEnd(_ waves: [TWave]) -> Double? {
        guard let largest = waves.map({ abs($0.amplitude) }).max() else { return nil }
        return Statistics.median(waves.filter { abs($0.amplitude) >= 0.5 * largest }.map(\.end))
    }

    /// Net QRS area (mV·s) above the isoelectric level, for the frontal axis.
    static func netArea(_ beat: MedianBeat, qrs: QRS) -> Double {
        let baseline = isoelectric(beat, qrs: qrs)
        let hi = min(qrs.offset, beat.samples.count - 1)
        guard qrs.onset <= hi else { return 0 }
        return (qrs.onset...hi).reduce(0) { $0 + beat.samples[$1] - baseline } / beat.samplingRate
    }
}
