import Foundation

/// A realistic synthetic ECG with known beat times, for tests and for the encoder's reference: the dynamical model of
/// McSharry, Clifford, Tarassenko and Smith, "A dynamical model for generating synthetic electrocardiogram signals",
/// IEEE Trans. Biomed. Eng. 50(3), 2003 (ECGSYN).
///
/// ECGSYN moves a point round a limit cycle at angular speed ω = 2π/RR; its height z follows `dz/dt = −Σᵢ aᵢ Δθᵢ
/// exp(−Δθᵢ² / 2bᵢ²) − (z − z₀(t))` with one Gaussian event for each of P, Q, R, S and T at phase θᵢ, and z₀ the
/// respiratory baseline. Each event term is the time derivative of a Gaussian in phase, so without the leak term z is
/// exactly the sum g of Gaussian waves of amplitude aᵢbᵢ²/ω. We compute z in closed form, with three documented changes
/// so that the truth is known beat by beat:
/// - the phase runs from one beat time to the next, so R is exactly at the beat time (ECGSYN detects beats from the
///   phase crossing zero); event positions and widths are given in seconds and converted per beat, with QRS width fixed
///   and QT following Bazett at a chosen QTc (ECGSYN scales all events with √(HR/60) at the mean rate only);
/// - the leak pulls z towards z₀ + g rather than z₀, i.e. z = g + w with `w' = −w + z₀`: in ECGSYN the leak also drains
///   each wave's area, so the TP segment sags about 0.06 mV after every beat, which no real ECG shows and which would
///   bias the T-end (QT) ground truth by about 15 ms;
/// - every wave has a direction in the frontal plane, and the limb leads are projections of that cardiac vector (I at
///   0°, II at 60°, III = II − I, aVR = −(I + II)/2, aVL = I − II/2, aVF = II − I/2), so the QRS axis is known.
///
/// RR process (sinus): as in ECGSYN, a tachogram with a bimodal power spectrum — Mayer waves at 0.1 Hz and respiratory
/// sinus arrhythmia at 0.25 Hz, both Gaussian with 0.01 Hz width, LF/HF power ratio 0.5 — made as a sum of sinusoids
/// with random phases and scaled to `rrVariability` × mean RR standard deviation; each beat follows the previous one by
/// the tachogram's value at that beat.
///
/// Ectopic beats are premature ventricular complexes: a wide beat with its own axis and a discordant T wave, at 55–65 %
/// of the RR interval (at least 280 ms), which replaces the next sinus QRS (that sinus P wave still appears, not
/// conducted), so the interval around the ectopic beat is two sinus intervals: a full compensatory pause. Atrial
/// fibrillation-like rhythm has independent log-normal RR intervals with coefficient of variation `afVariability`, no P
/// waves, and fibrillatory waves of 0.05 mV at 5–7 Hz.
///
/// Noise (all optional): respiratory baseline z₀ (ECGSYN's, 0.25 Hz), extra baseline wander (four sinusoids at 0.05–0.5
/// Hz), muscle noise (Gaussian noise band-passed to 10–150 Hz, overlapping the QRS band as real muscle artefact does,
/// with a slowly varying envelope, scaled to an RMS in mV) and mains hum (fundamental plus a third harmonic at 15 %).
/// Every random choice comes from one `SplitMix64` stream seeded by `seed`, so a configuration always gives the same
/// samples.
public struct SyntheticECG: Sendable {
    public enum Rhythm: String, Sendable {
        case sinus
        case atrialFibrillation
    }

    /// Mean heart rate in beats per minute (40–180 is the tested range).
    public var heartRate: Double
    public var duration: Double
    public var samplingRate: Double
    public var rhythm: Rhythm
    /// Sinus RR standard deviation as a fraction of the mean RR (0.035: SDNN 35 ms at 60 bpm).
    public var rrVariability: Double
    /// Coefficient of variation of the RR intervals in atrial fibrillation.
    public var afVariability: Double
    /// Probability that a sinus beat is followed by a premature ventricular complex.
    public var ectopicRate: Double
    /// Amplitude (mV) of ECGSYN's respiratory baseline z₀ at 0.25 Hz.
    public var respirationBaseline: Double
    /// Amplitude (mV) of each of the four extra baseline-wander sinusoids (the sum's RMS is about 1.4 times this).
    public var baselineWander: Double
    /// RMS (mV) of the muscle (EMG-like) noise.
    public var muscleNoise: Double
    /// Amplitude (mV) of the mains hum.
    public var mainsAmplitude: Double
    public var mainsFrequency: Double
    /// Bazett-corrected QT in ms that every sinus beat follows, given its preceding RR interval.
    public var qtcMs: Double
    /// Direction of the QRS (and T) vector in the frontal plane, degrees (0° = lead I, +90° = aVF).
    public var qrsAxisDegrees: Double
    /// Channels to output: limb leads "I", "II", "III", "aVR", "aVL", "aVF" (case-insensitive); any other label
    /// ("MLII", "ECG") carries lead II's signal under that label.
    public var leads: [String]
    public var seed: UInt64

    public init(
        heartRate: Double = 60, duration: Double = 60, samplingRate: Double = 500, rhythm: Rhythm = .sinus,
        rrVariability: Double = 0.035, afVariability: Double = 0.18, ectopicRate: Double = 0,
        respirationBaseline: Double = 0.1, baselineWander: Double = 0, muscleNoise: Double = 0,
        mainsAmplitude: Double = 0, mainsFrequency: Double = 50, qtcMs: Double = 410, qrsAxisDegrees: Double = 60,
        leads: [String] = ["II"], seed: UInt64 = 1
    ) {
        self.heartRate = heartRate
        self.duration = duration
        self.samplingRate = samplingRate
        self.rhythm = rhythm
        self.rrVariability = rrVariability
        self.afVariability = afVariability
        self.ectopicRate = ectopicRate
        self.respirationBaseline = respirationBaseline
        self.baselineWander = baselineWander
        self.muscleNoise = muscleNoise
        self.mainsAmplitude = mainsAmplitude
        self.mainsFrequency = mainsFrequency
        self.qtcMs = qtcMs
        self.qrsAxisDegrees = qrsAxisDegrees
        self.leads = leads
        self.seed = seed
    }

    /// The generator in one call; see the properties for what each argument means.
    public static func generate(
        heartRate: Double = 60, duration: Double = 60, samplingRate: Double = 500, rhythm: Rhythm = .sinus,
        ectopicRate: Double = 0, baselineWander: Double = 0, muscleNoise: Double = 0, mainsAmplitude: Double = 0,
        mainsFrequency: Double = 50, qtcMs: Double = 410, qrsAxisDegrees: Double = 60, leads: [String] = ["II"],
        seed: UInt64 = 1
    ) -> (recording: SignalRecording, beatTimes: [Double]) {
        SyntheticECG(
            heartRate: heartRate, duration: duration, samplingRate: samplingRate, rhythm: rhythm,
            ectopicRate: ectopicRate, baselineWander: baselineWander, muscleNoise: muscleNoise,
            mainsAmplitude: mainsAmplitude, mainsFrequency: mainsFrequency, qtcMs: qtcMs,
            qrsAxisDegrees: qrsAxisDegrees, leads: leads, seed: seed
        ).generate()
    }

    /// Changes whenever a change to the generator changes its samples for the same settings (the signal encoder's
    /// MiniRocket biases are fitted on generated ECGs and name this version in their parameters).
    public static let modelVersion = "1"

    /// QRS duration of every sinus beat: from Q − 2σ to S + 2σ, the points where a Gaussian's tangent at its
    /// inflection meets the baseline.
    public static let nominalQRSDurationMs = 96.0
    /// Shortest interval from a sinus beat to a premature ventricular complex, seconds: a ventricle cannot be
    /// re-excited before it has repolarised, so at fast rates the coupling is at least this.
    static let minimumCoupling = 0.28

    /// QRS onset relative to R, seconds.
    static let qrsOnset = -0.046

    /// QT of a sinus beat preceded by an RR of `rrSeconds`: QRS onset to the T wave's tangent end (peak + 2σ).
    public func nominalQTMs(rrSeconds: Double) -> Double {
        qtcMs * rrSeconds.squareRoot()
    }

    // MARK: - Generation

    enum BeatKind { case normal, ventricular, blockedP }

    struct Beat {
        var time: Double
        var kind: BeatKind
        var rrBefore: Double
    }

    /// One Gaussian wave: centre and width in seconds, amplitude in mV along `axis` (radians).
    struct Wave {
        var centre: Double
        var width: Double
        var amplitude: Double
        var axis: Double
    }

    public func generate() -> (recording: SignalRecording, beatTimes: [Double]) {
        var random = SplitMix64(seed: seed)
        let count = max(1, Int((duration * samplingRate).rounded()))
        let beats = makeBeats(&random)
        let waves = beats.flatMap { self.waves(for: $0) }

        // g for leads I and II, then z = g + w through ECGSYN's leak, with the respiratory z₀.
        let respirationPhase = random.uniform(0, 2 * Double.pi)
        var leadI = [Double](repeating: 0, count: count)
        var leadII = [Double](repeating: 0, count: count)
        let leadIIAngle = Double.pi / 3
        for wave in waves {
            let first = max(0, Int(((wave.centre - 5 * wave.width) * samplingRate).rounded(.down)))
            let last = min(count - 1, Int(((wave.centre + 5 * wave.width) * samplingRate).rounded(.up)))
            guard first <= last else { continue }
            let projectionI = wave.amplitude * cos(wave.axis)
            let projectionII = wave.amplitude * cos(wave.axis - leadIIAngle)
            let inverse = 1 / (2 * wave.width * wave.width)
            for n in first...last {
                let dt = Double(n) / samplingRate - wave.centre
                let g = exp(-dt * dt * inverse)
                leadI[n] += projectionI * g
                leadII[n] += projectionII * g
            }
        }
        if rhythm == .atrialFibrillation { addFibrillatoryWaves(&leadI, &leadII, &random) }
        leadI = applyLeak(leadI, respiration: 0.5 * respirationBaseline, phase: respirationPhase)
        leadII = applyLeak(leadII, respiration: respirationBaseline, phase: respirationPhase)
        addNoise(&leadI, &random)
        addNoise(&leadII, &random)

        var channels: [SignalChannel] = []
        for label in leads {
            let values: [Double]
            switch label.uppercased() {
            case "I": values = leadI
            case "III": values = zip(leadII, leadI).map { $0 - $1 }
            case "AVR": values = zip(leadI, leadII).map { -($0 + $1) / 2 }
            case "AVL": values = zip(leadI, leadII).map { $0 - $1 / 2 }
            case "AVF": values = zip(leadII, leadI).map { $0 - $1 / 2 }
            default: values = leadII
            }
            channels.append(
                SignalChannel(label: label, unit: "mV", samplingRate: samplingRate, samples: values.map { Float($0) }))
        }
        let qrs = beats.filter { $0.kind != .blockedP && $0.time >= 0 && $0.time < duration }
        var annotations = [SignalAnnotation(time: 0, code: "+", text: rhythm == .sinus ? "(N" : "(AFIB")]
        annotations += qrs.map { SignalAnnotation(time: $0.time, code: $0.kind == .normal ? "N" : "V") }
        let recording = SignalRecording(format: "synthetic", channels: channels, annotations: annotations)
        return (recording, qrs.map(\.time))
    }

    /// Beat times: the RR process, then ectopic beats.
    func makeBeats(_ random: inout SplitMix64) -> [Beat] {
        let meanRR = 60 / min(max(heartRate, 20), 300)
        var times: [Double] = []
        var t = random.uniform(0.2, 0.2 + 0.6 * meanRR)
        switch rhythm {
        case .sinus:
            let tachogram = Tachogram(meanRR: meanRR, std: rrVariability * meanRR, lfHfRatio: 0.5, random: &random)
            while t < duration + 2 {
                times.append(t)
                t += tachogram.value(at: t)
            }
        case .atrialFibrillation:
            let sigma = (log(1 + afVariability * afVariability)).squareRoot()
            while t < duration + 2 {
                times.append(t)
                let rr = meanRR * exp(sigma * random.gaussian() - sigma * sigma / 2)
                t += min(max(rr, max(0.24, 0.45 * meanRR)), 2.5 * meanRR)
            }
        }
        var beats: [Beat] = []
        for (index, time) in times.enumerated() {
            let rr = index > 0 ? time - times[index - 1] : meanRR
            beats.append(Beat(time: time, kind: .normal, rrBefore: rr))
        }
        guard ectopicRate > 0 else { return beats }
        // A premature ventricular complex after beat k replaces beat k + 1's QRS.
        var k = 2
        while k + 2 < beats.count {
            if beats[k].kind == .normal, random.uniform() < ectopicRate {
                let coupling = max(random.uniform(0.55, 0.65) * beats[k + 1].rrBefore, Self.minimumCoupling)
                let blocked = beats[k + 1]
                beats[k + 1] = Beat(time: beats[k].time + coupling, kind: .ventricular, rrBefore: coupling)
                beats.append(Beat(time: blocked.time, kind: .blockedP, rrBefore: blocked.rrBefore))
                beats[k + 2].rrBefore = beats[k + 2].time - beats[k + 1].time
                k += 3
            } else {
                k += 1
            }
        }
        return beats
    }

    /// The Gaussian events of one beat, positioned from its preceding RR interval.
    func waves(for beat: Beat) -> [Wave] {
        let axis = qrsAxisDegrees * Double.pi / 180
        let t = beat.time
        // Beats with implausible preceding intervals (the first one, long pauses) use a bounded RR for timing.
        let rr = min(max(beat.rrBefore, 0.25), 2.0)
        let pWave = Wave(centre: t - (0.09 + 0.07 * rr), width: 0.022, amplitude: 0.16, axis: 50 * Double.pi / 180)
        switch beat.kind {
        case .blockedP:
            return rhythm == .sinus ? [pWave] : []
        case .ventricular:
            let pvcAxis = axis - 130 * Double.pi / 180
            return [
                Wave(centre: t, width: 0.028, amplitude: 1.5, axis: pvcAxis),
                Wave(centre: t + 0.065, width: 0.030, amplitude: -0.45, axis: pvcAxis),
                Wave(centre: t + 0.30, width: 0.060, amplitude: 0.45, axis: axis + 50 * Double.pi / 180),
            ]
        case .normal:
            let tWidth = 0.045 * rr.squareRoot()
            let qt = qtcMs / 1000 * rr.squareRoot()
            var result = [
                Wave(centre: t - 0.028, width: 0.009, amplitude: -0.12, axis: axis),
                Wave(centre: t, width: 0.011, amplitude: 1.3, axis: axis),
                Wave(centre: t + 0.030, width: 0.010, amplitude: -0.30, axis: axis),
                Wave(centre: t + Self.qrsOnset + qt - 2 * tWidth, width: tWidth, amplitude: 0.32, axis: axis),
            ]
            if rhythm == .sinus { result.append(pWave) }
            return result
        }
    }

    /// Fibrillatory waves: a 5–7 Hz oscillation with drifting frequency, stronger in II than in I.
    func addFibrillatoryWaves(_ leadI: inout [Double], _ leadII: inout [Double], _ random: inout SplitMix64) {
        var phase = random.uniform(0, 2 * Double.pi)
        let drift = random.uniform(0, 2 * Double.pi)
        for n in 0..<leadI.count {
            let time = Double(n) / samplingRate
            phase += 2 * Double.pi * (6 + 0.8 * sin(2 * Double.pi * 0.13 * time + drift)) / samplingRate
            let f = 0.05 * sin(phase)
            leadII[n] += f
            leadI[n] += 0.4 * f
        }
    }

    /// z = g + w with the leak's w' = −w + z₀, solved exactly for a z₀ that is linear between samples.
    func applyLeak(_ g: [Double], respiration: Double, phase: Double) -> [Double] {
        guard !g.isEmpty else { return g }
        let h = 1 / samplingRate
        let a = exp(-h)
        func u(_ n: Int) -> Double {
            respiration * sin(2 * Double.pi * 0.25 * Double(n) * h + phase)
        }
        // Start w at the local mean of u so the output does not begin with a one-second transient.
        let warm = min(g.count, Int(2 * samplingRate))
        var w = (0..<warm).reduce(0) { $0 + u($1) } / Double(warm)
        var z = g
        var previous = u(0)
        z[0] = g[0] + w
        for n in 1..<g.count {
            let current = u(n)
            w = a * w + current - a * previous - (1 - a) * (current - previous) / h
            previous = current
            z[n] = g[n] + w
        }
        return z
    }

    func addNoise(_ signal: inout [Double], _ random: inout SplitMix64) {
        let count = signal.count
        let fs = samplingRate
        if baselineWander > 0 {
            for _ in 0..<4 {
                let f = random.uniform(0.05, 0.5)
                let phase = random.uniform(0, 2 * Double.pi)
                for n in 0..<count { signal[n] += baselineWander * sin(2 * Double.pi * f * Double(n) / fs + phase) }
            }
        }
        if muscleNoise > 0 {
            var noise = (0..<count).map { _ in random.gaussian() }
            let filter = Butterworth.highPass(order: 2, cutoff: 10, samplingRate: fs)
                .then(Butterworth.lowPass(order: 2, cutoff: min(150, 0.45 * fs), samplingRate: fs))
            noise = filter.apply(noise)
            let envelopeFrequency = random.uniform(0.1, 0.4)
            let envelopePhase = random.uniform(0, 2 * Double.pi)
            for n in 0..<count {
                let s = sin(2 * Double.pi * envelopeFrequency * Double(n) / fs + envelopePhase)
                noise[n] *= 0.4 + 0.6 * s * s
            }
            let rms = (noise.reduce(0) { $0 + $1 * $1 } / Double(max(count, 1))).squareRoot()
            if rms > 0 { for n in 0..<count { signal[n] += muscleNoise / rms * noise[n] } }
        }
        if mainsAmplitude > 0 {
            let phase = random.uniform(0, 2 * Double.pi)
            let third = 3 * mainsFrequency < fs / 2
            for n in 0..<count {
                let x = 2 * Double.pi * mainsFrequency * Double(n) / fs
                signal[n] += mainsAmplitude * (sin(x + phase) + (third ? 0.15 * sin(3 * x + phase) : 0))
            }
        }
    }
}

/// ECGSYN's RR tachogram: a sum of sinusoids whose power follows two Gaussian peaks (Mayer waves at 0.1 Hz,
/// respiratory sinus arrhythmia at 0.25 Hz), with random phases, scaled to a chosen standard deviation.
struct Tachogram {
    let meanRR: Double
    let frequencies: [Double]
    let amplitudes: [Double]
    let phases: [Double]

    init(meanRR: Double, std: Double, lfHfRatio: Double, random: inout SplitMix64) {
        self.meanRR = meanRR
        let step = 1.0 / 256
        var frequencies: [Double] = []
        var power: [Double] = []
        for j in 1...128 {
            let f = Double(j) * step
            let width = 0.01
            let lf = lfHfRatio / (1 + lfHfRatio) * exp(-pow(f - 0.1, 2) / (2 * width * width))
            let hf = 1 / (1 + lfHfRatio) * exp(-pow(f - 0.25, 2) / (2 * width * width))
            frequencies.append(f)
            power.append(lf + hf)
        }
        let variance = power.reduce(0) { $0 + $1 / 2 }
        let scale = variance > 0 ? std / variance.squareRoot() : 0
        self.frequencies = frequencies
        amplitudes = power.map { $0.squareRoot() * scale }
        phases = frequencies.map { _ in random.uniform(0, 2 * Double.pi) }
    }

    func value(at time: Double) -> Double {
        var rr = meanRR
        for j in 0..<frequencies.count {
            rr += amplitudes[j] * cos(2 * Double.pi * frequencies[j] * time + phases[j])
        }
        return max(rr, 0.2)
    }
}
