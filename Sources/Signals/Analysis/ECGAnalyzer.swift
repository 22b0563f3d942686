import Foundation

/// Measures an ECG recording: beats, rate, HRV, rhythm, QRS, QT/QTc and the frontal axis.
///
/// Pipeline: every ECG lead (see `ecgLeads(in:)`) is converted to mV, its invalid samples interpolated,
/// resampled to 500 Hz (`Resampler`), cleared of mains hum when 50 or 60 Hz stands out (`MainsFilter`) and
/// band-passed 0.5–40 Hz (2nd-order Butterworth high- and low-pass, forward-backward: 4th-order, zero phase).
/// QRS complexes are detected in the preferred lead (`QRSDetector`); RR statistics and the rhythm word come
/// from `RhythmMeasures`; every lead's median beat (`MedianBeat`) is aligned on those R peaks, and QRS onset,
/// offset and T end are measured on them (`BeatDelineation`); the axis comes from the limb leads
/// (`FrontalAxis`).
///
/// 500 Hz is the analysis rate because it resolves QRS onset and T end to 2 ms, is what diagnostic 12-lead
/// ECGs are stored at, and keeps a minute of signal at 30 000 samples.
public enum ECGAnalyzer {
    /// Changes whenever a change to the analysis can change a measurement; part of the signal encoder's
    /// parameters, so vectors made before and after do not mix.
    public static let algorithmVersion = "ecg-1"
    public static let analysisRate = 500.0
    /// Shorter recordings hold too few beats for RR statistics or a median beat.
    public static let minimumDuration = 5.0
    /// Below this the QRS (10–40 Hz content) is not captured well enough to find R peaks reliably.
    public static let minimumSamplingRate = 100.0
    static let source = "ECG analysis"

    /// Indices of the channels that are ECG leads, preferred lead first (see `ECGLeadSelection` for the label
    /// rule and the order).
    public static func ecgLeads(in recording: SignalRecording) -> [Int] {
        ECGLeadSelection.rankedLeads(in: recording)
    }

    public static func analyze(_ recording: SignalRecording) throws(SignalError) -> ECGAnalysis {
        try measure(recording).analysis
    }

    /// A lead resampled to the analysis rate, without mains hum, band-passed 0.5–40 Hz.
    public static func condition(_ millivolts: [Double], samplingRate: Double) -> [Double] {
        var signal = Resampler.resample(millivolts, from: samplingRate, to: analysisRate)
        if let mains = MainsFilter.detectFrequency(
            signal, samplingRate: analysisRate, maximumFrequency: samplingRate / 2)
        {
            signal = MainsFilter.remove(signal, samplingRate: analysisRate, frequency: mains)
        }
        return Butterworth.bandPass(order: 2, low: 0.5, high: 40, samplingRate: analysisRate)
            .applyForwardBackward(signal, padding: Int(3 * analysisRate))
    }

    /// Everything measured, including what only the encoder uses.
    struct Measurement {
        var analysis: ECGAnalysis
        var rhythm: RhythmMeasures
        /// Main lead's median beat: R amplitude, signed T amplitude, ST level at J + 60 ms, largest P-region
        /// deviation, all in mV from the isoelectric level.
        var rAmplitude = 0.0
        var tAmplitude = 0.0
        var stLevel = 0.0
        var pAmplitude = 0.0
        /// Mean correlation of individual QRS complexes with the median one (main lead).
        var beatConsistency = 0.0
        var leadCount = 0
        /// The channel index of the lead the beats were detected in.
        var mainChannel = 0
        /// The conditioned main lead at the analysis rate.
        var mainLead: [Double] = []
    }

    /// `maximumDuration` analyses only the first that many seconds (the encoder's bound on work).
    static func measure(_ recording: SignalRecording, maximumDuration: Double? = nil) throws(SignalError) -> Measurement
    {
        let ranked = ecgLeads(in: recording)
        guard !ranked.isEmpty else {
            let labels = recording.channels.map(\.label).joined(separator: ", ")
            throw SignalError(source, "no ECG lead among the channels (\(labels.isEmpty ? "none" : labels))")
        }
        // Condition every usable lead.
        var leads: [(index: Int, name: String, signal: [Double])] = []
        var refusals: [String] = []
        for index in ranked {
            let channel = recording.channels[index]
            guard channel.samplingRate >= minimumSamplingRate else {
                refusals.append("\(channel.label): sampling rate \(channel.samplingRate) Hz is below 100 Hz")
                continue
            }
            guard channel.durationSeconds >= minimumDuration else {
                refusals.append(
                    "\(channel.label): \(String(format: "%.2f", channel.durationSeconds)) s is shorter than 5 s")
                continue
            }
            guard let millivolts = SampleConditioning.millivolts(channel, maximumSeconds: maximumDuration) else {
                refusals.append("\(channel.label): fewer than half the samples are valid")
                continue
            }
            let name = ECGLeadSelection.leadName(channel) ?? "ECG"
            leads.append((index, name, condition(millivolts, samplingRate: channel.samplingRate)))
        }
        guard !leads.isEmpty else {
            throw SignalError(source, "no ECG lead can be analysed: " + refusals.joined(separator: "; "))
        }

        // Beats from the first strong lead that yields at least two.
        var peaks: [Double] = []
        var main = 0
        for k in detectionOrder(leads.map(\.signal)) {
            let lead = leads[k]
            peaks = QRSDetector.detect(lead.signal, samplingRate: analysisRate)
            main = k
            if peaks.count >= 2 { break }
        }
        guard peaks.count >= 2 else {
            let labels = leads.map { recording.channels[$0.index].label }.joined(separator: ", ")
            throw SignalError(source, "fewer than two QRS complexes found in \(labels)")
        }
        let fs = analysisRate
        let times = peaks.map { $0 / fs }
        let rhythm = RhythmMeasures(beatTimes: times)
        let medianRR = Statistics.median(rhythm.rr) ?? 1

        // Median beats of every lead, main lead first, on the main lead's normal beats.
        let use = (0..<peaks.count).map { !rhythm.ectopic[$0] }
        var order = [main]
        order += leads.indices.filter { $0 != main }
        var medians: [(name: String, beat: MedianBeat)] = []
        for k in order {
            if let beat = MedianBeat.build(
                lead: leads[k].signal, rPeaks: peaks, use: use, medianRR: medianRR, samplingRate: fs)
            {
                medians.append((leads[k].name, beat))
            }
        }

        var qrsDuration = 0.0
        var qt = 0.0
        var axis: Double?
        var measurement = Measurement(
            analysis: ECGAnalysis(
                heartRate: rhythm.heartRate, qrsCount: peaks.count, rPeakTimes: times, rrMeanMs: rhythm.rrMeanMs,
                sdnnMs: rhythm.sdnnMs, rmssdMs: rhythm.rmssdMs, pnn50: rhythm.pnn50, qrsDurationMs: 0, qtMs: 0,
                qtcBazettMs: 0, qtcFridericiaMs: 0, frontalAxisDegrees: nil, irregularity: rhythm.irregularity,
                rhythm: rhythm.rhythm, leadUsed: recording.channels[leads[main].index].label),
            rhythm: rhythm, leadCount: leads.count, mainChannel: leads[main].index, mainLead: leads[main].signal)

        if let qrs = BeatDelineation.qrs(medians.map(\.beat)) {
            qrsDuration = Double(qrs.offset - qrs.onset) / fs * 1000
            let tWaves = medians.compactMap { BeatDelineation.tWave($0.beat, qrs: qrs, medianRR: medianRR) }
            if let end = BeatDelineation.tEnd(tWaves) { qt = (end - Double(qrs.onset)) / fs * 1000 }
            var areas: [String: Double] = [:]
            for (name, beat) in medians where ["I", "II", "III", "AVF"].contains(name) && areas[name] == nil {
                areas[name] = BeatDelineation.netArea(beat, qrs: qrs)
            }
            axis = FrontalAxis.degrees(netAreas: areas)
            if let mainBeat = medians.first {
                measureWaves(mainBeat.beat, qrs: qrs, medianRR: medianRR, into: &measurement)
                measurement.beatConsistency = consistency(
                    leads[main].signal, peaks: peaks, use: use, median: mainBeat.beat)
            }
        }
        let rrSeconds = medianRR
        measurement.analysis.qrsDurationMs = qrsDuration
        measurement.analysis.qtMs = qt
        measurement.analysis.qtcBazettMs = qt > 0 ? qt / rrSeconds.squareRoot() : 0
        measurement.analysis.qtcFridericiaMs = qt > 0 ? qt / Foundation.cbrt(rrSeconds) : 0
        measurement.analysis.frontalAxisDegrees = axis
        return measurement
    }

    /// Leads in preference order, those whose QRS is weak put last: a lead is strong when the 99th percentile of
    /// its absolute 5–15 Hz band (the QRS band of the detector) is at least half the largest among the leads. A
    /// lead can be nearly isoelectric for the QRS when the heart's axis is perpendicular to it (lead II at an
    /// axis of −30°), and beats are found more reliably in a lead where the QRS stands out.
    static func detectionOrder(_ signals: [[Double]]) -> [Int] {
        guard signals.count > 1 else { return Array(signals.indices) }
        let band = Butterworth.bandPass(order: 2, low: 5, high: 15, samplingRate: analysisRate)
        let strength = signals.map { signal in
            Statistics.quantile(band.applyForwardBackward(signal, padding: Int(analysisRate)).map(abs), 0.99) ?? 0
        }
        let largest = strength.max() ?? 0
        let strong = signals.indices.filter { strength[$0] >= 0.5 * largest }
        return strong + signals.indices.filter { strength[$0] < 0.5 * largest }
    }

    static func measureWaves(_ beat: MedianBeat, qrs: BeatDelineation.QRS, medianRR: Double, into m: inout Measurement)
    {
        let fs = beat.samplingRate
        let x = beat.samples
        let baseline = BeatDelineation.isoelectric(beat, qrs: qrs)
        let qrsRange = qrs.onset...min(qrs.offset, x.count - 1)
        m.rAmplitude = (qrsRange.map { x[$0] }.max() ?? baseline) - baseline
        if let t = BeatDelineation.tWave(beat, qrs: qrs, medianRR: medianRR) { m.tAmplitude = t.amplitude }
        let stIndex = min(x.count - 1, qrs.offset + Int(0.06 * fs))
        m.stLevel = x[stIndex] - baseline
        let pStart = max(0, qrs.onset - Int(0.25 * fs))
        let pEnd = max(pStart, qrs.onset - Int(0.04 * fs))
        m.pAmplitude = (pStart...pEnd).map { abs(x[$0] - baseline) }.max() ?? 0
    }

    /// Mean Pearson correlation of up to 100 normal beats' QRS (R ± 60 ms) with the median beat's.
    static func consistency(_ lead: [Double], peaks: [Double], use: [Bool], median beat: MedianBeat) -> Double {
        let half = Int(0.06 * beat.samplingRate)
        guard beat.rIndex - half >= 0, beat.rIndex + half < beat.samples.count else { return 0 }
        let reference = Array(beat.samples[(beat.rIndex - half)...(beat.rIndex + half)])
        let selected = peaks.indices.filter { use[$0] }
        let step = max(1, selected.count / 100)
        var total = 0.0
        var count = 0
        for k in stride(from: 0, to: selected.count, by: step) {
            let r = Int(peaks[selected[k]].rounded())
            guard r - half >= 0, r + half < lead.count else { continue }
            total += correlation(Array(lead[(r - half)...(r + half)]), reference)
            count += 1
        }
        return count > 0 ? total / Double(count) : 0
    }

    static func correlation(_ a: [Double], _ b: [Double]) -> Double {
        let n = Double(a.count)
        let meanA = a.reduce(0, +) / n
        let meanB = b.reduce(0, +) / n
        var ab = 0.0
        var aa = 0.0
        var bb = 0.0
        for i in 0..<a.count {
            ab += (a[i] - meanA) * (b[i] - meanB)
            aa += (a[i] - meanA) * (a[i] - meanA)
            bb += (b[i] - meanB) * (b[i] - meanB)
        }
        return aa > 0 && bb > 0 ? ab / (aa * bb).squareRoot() : 0
    }
}
