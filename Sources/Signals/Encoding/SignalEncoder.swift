import Foundation

/// Recordings to fixed-length unit vectors, for similarity search over signals the way the text encoder does
/// for notes: deterministic, versioned, with no model weights.
///
/// Layout (288 dimensions): 32 analysis features (`AnalysisFeatures`: the ECG measurements of `ECGAnalyzer`
/// robustly scaled, plus flags), then 256 MiniRocket features (`MiniRocket`) of one channel. The MiniRocket
/// block is centred and scaled as (PPV − (1 − q)) × 2, where 1 − q is the feature's PPV on its own reference
/// (so the reference ECGs sit near 0 and the block's values are mostly within ±1). The analysis block is
/// weighted by `analysisWeight` (1) and the kernel block by `kernelWeight` (1.5), chosen so that on ECGs the
/// analysis block carries about two thirds of the squared norm (it holds the clinically meaningful measures) and the
/// kernel block the rest, and the whole vector is L2-normalised.
///
/// Rules:
/// - ECG (some channel is an ECG lead by `ECGAnalyzer.ecgLeads(in:)`): the analysis runs on the first 300 s (a
///   bound on work for Holter-length files); the MiniRocket channel is the lead it detected beats in,
///   conditioned as for the analysis (500 Hz, mains notch, 0.5–40 Hz) and resampled to 100 Hz.
/// - Missing leads: only the ECG leads present are used; the axis features are 0 with their "present" flag 0
///   when the limb leads for it are missing, and the lead count is a feature.
/// - ECG that cannot be analysed (shorter than 5 s, sampled below 100 Hz, no beats found): analysis features 0,
///   "analysed" flag 0; the MiniRocket block is still computed from the preferred ECG lead.
/// - No ECG lead (EEG, pressure, respiration...): analysis features 0, "non-ECG" flag 1; the MiniRocket block
///   is computed from the first channel with at least half its samples valid, resampled to 100 Hz (no filter:
///   the kernels ignore offsets).
/// - Length: windows of 10 s at 100 Hz, each z-normalised (mean 0, standard deviation 1). Recordings up to
///   10 s give one window; a recording shorter than 10 s is zero-padded to 10 s after normalisation, its PPV
///   counted only where the kernel is centred on real samples, with the "short" flag and the padded fraction
///   set. Longer recordings give up to 6 windows spread evenly over the first 300 s, and their PPVs are
///   averaged. Shorter than 2 s: `encode` throws.
public struct SignalEncoder: Sendable {
    public static let name = "caseatlas-signal"
    public static let version = "1"
    public static let analysisFeatureCount = AnalysisFeatures.count
    public static let kernelFeatureCount = MiniRocket.featureCount
    public static let dimensions = analysisFeatureCount + kernelFeatureCount

    public static let kernelRate = 100.0
    public static let windowSeconds = 10.0
    public static let maximumWindows = 6
    public static let analysedSeconds = 300.0
    public static let minimumSeconds = 2.0
    public static let analysisWeight = 1.0
    public static let kernelWeight = 1.5
    static let source = "signal encoder"

    /// The reference ECGs the MiniRocket biases are fitted on: 20 s of lead II at 250 Hz each from
    /// `SyntheticECG` — sinus 60 bpm (seed 101), sinus 100 bpm with 10 % ectopic beats (seed 102), atrial
    /// fibrillation-like at 90 bpm (seed 103), sinus 75 bpm with wander 0.2 mV, muscle noise 0.05 mV and 50 Hz hum
    /// 0.05 mV (seed 104) — two 10 s windows each. Changing `SyntheticECG` changes these biases: its
    /// `modelVersion` is part of the parameters, so the hash changes with it.
    static let referenceDescription =
        "synthetic-ecg-\(SyntheticECG.modelVersion):II@250Hz,20s;sinus60#101;sinus100+pvc0.1#102;af90#103;"
        + "sinus75+bw0.2+emg0.05+hum50@0.05#104"

    static let miniRocket: MiniRocket = {
        let references = [
            SyntheticECG(heartRate: 60, duration: 20, samplingRate: 250, seed: 101),
            SyntheticECG(heartRate: 100, duration: 20, samplingRate: 250, ectopicRate: 0.1, seed: 102),
            SyntheticECG(heartRate: 90, duration: 20, samplingRate: 250, rhythm: .atrialFibrillation, seed: 103),
            SyntheticECG(
                heartRate: 75, duration: 20, samplingRate: 250, baselineWander: 0.2, muscleNoise: 0.05,
                mainsAmplitude: 0.05, seed: 104),
        ]
        var windows: [[Double]] = []
        for generator in references {
            let channel = generator.generate().recording.channels[0]
            let millivolts = channel.samples.map(Double.init)
            let series = kernelSeries(
                ECGAnalyzer.condition(millivolts, samplingRate: channel.samplingRate),
                samplingRate: ECGAnalyzer.analysisRate)
            windows += SignalEncoder.windows(series).map(\.samples)
        }
        return MiniRocket(reference: windows)
    }()

    /// Every setting that changes the vector, as one canonical string.
    public static var parameters: String {
        [
            "name=\(name)", "version=\(version)", "dims=\(analysisFeatureCount)+\(kernelFeatureCount)",
            "analysis=\(ECGAnalyzer.algorithmVersion);scales-v1(clip \(AnalysisFeatures.clip))",
            "analysed=\(analysedSeconds)s", "kernel-rate=\(kernelRate)", "window=\(windowSeconds)s",
            "windows<=\(maximumWindows)", "minimum=\(minimumSeconds)s",
            "minirocket=k9(-1,2)x84;dilations=\(MiniRocket.dilations.map(String.init).joined(separator: ","))"
                + ";per-dilation=\(MiniRocket.featuresPerDilation)"
                + ";padding=even;quantiles=golden", "reference=\(referenceDescription)",
            "weights=\(analysisWeight),\(kernelWeight)", "centre=1-q;scale=2", "norm=l2",
        ].joined(separator: "|")
    }

    /// FNV-1a 64-bit of `parameters`, 16 hex digits.
    public static func parametersHash() -> String {
        FNV1a.hex(parameters)
    }

    public init() {}

    public var dimensions: Int { Self.dimensions }

    public func encode(_ recording: SignalRecording) throws(SignalError) -> [Float] {
        let ranked = ECGAnalyzer.ecgLeads(in: recording)
        var flags = AnalysisFeatures.Flags()
        var measurement: ECGAnalyzer.Measurement?
        var series: [Double]

        if !ranked.isEmpty {
            flags.ecgPresent = true
            measurement = try? ECGAnalyzer.measure(recording, maximumDuration: Self.analysedSeconds)
            if let m = measurement {
                flags.analysed = true
                series = Self.kernelSeries(m.mainLead, samplingRate: ECGAnalyzer.analysisRate)
                flags.durationSeconds = recording.channels[m.mainChannel].durationSeconds
            } else {
                guard let index = ranked.first(where: { Self.usable(recording.channels[$0]) }),
                    let millivolts = SampleConditioning.millivolts(
                        recording.channels[index], maximumSeconds: Self.analysedSeconds)
                else { throw SignalError(Self.source, "no ECG lead has enough valid samples to encode") }
                let channel = recording.channels[index]
                try Self.checkLength(channel)
                flags.durationSeconds = channel.durationSeconds
                series = Self.kernelSeries(
                    ECGAnalyzer.condition(millivolts, samplingRate: channel.samplingRate),
                    samplingRate: ECGAnalyzer.analysisRate)
            }
        } else {
            flags.nonECG = true
            guard let channel = recording.channels.first(where: Self.usable),
                let values = SampleConditioning.millivolts(channel, maximumSeconds: Self.analysedSeconds)
            else { throw SignalError(Self.source, "no channel with samples to encode") }
            try Self.checkLength(channel)
            flags.durationSeconds = channel.durationSeconds
            series = Self.kernelSeries(values, samplingRate: channel.samplingRate)
        }
        guard Double(series.count) >= Self.minimumSeconds * Self.kernelRate - 1 else {
            throw SignalError(Self.source, "the recording is shorter than \(Self.minimumSeconds) s")
        }

        let windows = Self.windows(series)
        let rocket = Self.miniRocket
        var ppv = [Double](repeating: 0, count: MiniRocket.featureCount)
        for window in windows {
            let values = rocket.transform(window.samples, valid: 0..<window.validCount)
            for i in ppv.indices { ppv[i] += values[i] / Double(windows.count) }
        }
        let windowLength = Int(Self.windowSeconds * Self.kernelRate)
        if series.count < windowLength {
            flags.short = true
            flags.paddedFraction = 1 - Double(series.count) / Double(windowLength)
        }

        var vector = AnalysisFeatures.vector(measurement, flags: flags).map { $0 * Self.analysisWeight }
        for (i, feature) in rocket.features.enumerated() {
            vector.append((ppv[i] - (1 - feature.quantile)) * 2 * Self.kernelWeight)
        }
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return vector.map { Float(norm > 0 ? $0 / norm : 0) }
    }

    static func usable(_ channel: SignalChannel) -> Bool {
        channel.samplingRate > 0 && !channel.samples.isEmpty
            && channel.samples.filter { $0.isFinite }.count * 2 >= channel.samples.count
    }

    static func checkLength(_ channel: SignalChannel) throws(SignalError) {
        guard channel.durationSeconds >= minimumSeconds else {
            throw SignalError(
                source,
                "\(channel.label) is \(String(format: "%.2f", channel.durationSeconds)) s long; "
                    + "at least \(minimumSeconds) s is needed")
        }
    }

    /// A conditioned signal at `samplingRate` resampled to the kernel rate.
    static func kernelSeries(_ signal: [Double], samplingRate: Double) -> [Double] {
        Resampler.resample(signal, from: samplingRate, to: kernelRate)
    }

    /// Up to `maximumWindows` z-normalised windows of 10 s, evenly spread; a shorter series is one window,
    /// zero-padded after normalisation, with the count of real samples.
    static func windows(_ series: [Double]) -> [(samples: [Double], validCount: Int)] {
        let length = Int(windowSeconds * kernelRate)
        if series.count <= length {
            var window = normalised(series)
            let valid = window.count
            window += [Double](repeating: 0, count: length - valid)
            return [(window, valid)]
        }
        let count = min(maximumWindows, Int((Double(series.count) / Double(length)).rounded(.up)))
        return (0..<count).map { k in
            let start = count == 1 ? 0 : Int((Double(k) * Double(series.count - length) / Double(count - 1)).rounded())
            return (normalised(Array(series[start..<(start + length)])), length)
        }
    }

    static func normalised(_ x: [Double]) -> [Double] {
        guard !x.isEmpty else { return x }
        let mean = x.reduce(0, +) / Double(x.count)
        let variance = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(x.count)
        let std = variance.squareRoot()
        return x.map { std > 1e-12 ? ($0 - mean) / std : 0 }
    }
}
