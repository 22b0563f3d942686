import Foundation

/// Turns a channel's stored samples into what the analysis expects: Double samples in millivolts with no gaps.
enum SampleConditioning {
    /// Factor from the channel's unit to mV. Unknown or empty units are taken as mV, the usual ECG unit.
    static func millivoltFactor(unit: String) -> Double {
        switch unit.trimmingCharacters(in: .whitespaces).lowercased() {
        case "uv", "µv", "μv", "microvolt", "microvolts": return 0.001
        case "nv", "nanovolt", "nanovolts": return 1e-6
        case "v", "volt", "volts": return 1000
        default: return 1
        }
    }

    /// The channel in mV with invalid samples (NaN, ±∞, the files' missing-sample marks) replaced by linear
    /// interpolation between the nearest valid neighbours (the end values are held beyond the first and last
    /// valid sample). Returns nil when fewer than half the samples are valid: too little to analyse honestly.
    /// With `maximumSeconds`, only the start of the channel is converted.
    static func millivolts(_ channel: SignalChannel, maximumSeconds: Double? = nil) -> [Double]? {
        let factor = millivoltFactor(unit: channel.unit)
        var count = channel.samples.count
        if let limit = maximumSeconds { count = min(count, max(1, Int(limit * channel.samplingRate))) }
        var values = channel.samples.prefix(count).map { Double($0) * factor }
        var valid = 0
        for value in values where value.isFinite { valid += 1 }
        guard valid * 2 >= max(values.count, 1), valid > 0 else { return nil }
        if valid == values.count { return values }
        var previous: Int?
        var index = 0
        while index < values.count {
            if values[index].isFinite {
                previous = index
                index += 1
                continue
            }
            var next = index
            while next < values.count && !values[next].isFinite { next += 1 }
            for gap in index..<next {
                switch (previous, next < values.count) {
                case (let p?, true):
                    let fraction = Double(gap - p) / Double(next - p)
                    values[gap] = values[p] + fraction * (values[next] - values[p])
                case (let p?, false):
                    values[gap] = values[p]
                case (nil, true):
                    values[gap] = values[next]
                case (nil, false):
                    values[gap] = 0
                }
            }
            index = next
        }
        return values
    }
}
