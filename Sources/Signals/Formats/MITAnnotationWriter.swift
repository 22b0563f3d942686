import Foundation

/// Writes annotations as an MIT-format annotation file, so that the project's own records carry
/// their beat and rhythm labels in the form every WFDB tool reads. Annotations are sorted by time;
/// `code` must be a standard mnemonic (or "[n]"), `text` becomes the AUX string (at most 255 UTF-8
/// bytes), and `channel` a CHN value (0-255) when set.
public enum MITAnnotationWriter {
    public static func write(
        _ annotations: [SignalAnnotation], samplingFrequency: Double, to path: String
    ) throws(SignalError) {
        let bytes = try encode(annotations, samplingFrequency: samplingFrequency, source: path)
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        } catch {
            throw SignalError(path, "cannot write the annotation file: \(error.localizedDescription)")
        }
    }

    static func encode(
        _ annotations: [SignalAnnotation], samplingFrequency: Double, source: String
    ) throws(SignalError) -> [UInt8] {
        guard samplingFrequency.isFinite, samplingFrequency > 0 else {
            throw SignalError(source, "sampling frequency \(samplingFrequency) is not positive")
        }
        var entries: [(sample: Int64, index: Int)] = []
        for (index, annotation) in annotations.enumerated() {
            let scaled = (annotation.time * samplingFrequency).rounded()
            guard scaled.isFinite, scaled >= 0, scaled < 9e15 else {
                throw SignalError(
                    source, "annotation \(index) (\"\(annotation.code)\") has an invalid time \(annotation.time)")
            }
            entries.append((Int64(scaled), index))
        }
        entries.sort { ($0.sample, $0.index) < ($1.sample, $1.index) }

        var bytes: [UInt8] = []
        func word(_ code: Int, _ value: Int) {
            let w = UInt16(code << 10 | value & 0x3FF)
            bytes.append(UInt8(w & 0xFF))
            bytes.append(UInt8(w >> 8))
        }
        var previous: Int64 = 0
        var channel: Int?
        for entry in entries {
            let annotation = annotations[entry.index]
            guard let code = MITAnnotationCode.code(annotation.code), code != 0 else {
                throw SignalError(
                    source,
                    "annotation \(entry.index): code \"\(annotation.code)\" is not an MIT annotation mnemonic "
                        + "(N, V, A, +, ~, \", ... or [n] for 1-49)")
            }
            var step = entry.sample - previous
            while step > 1023 {
                let jump = min(step, Int64(Int32.max))
                let n = UInt32(jump)
                word(MITAnnotationCode.skip, 0)
                bytes += [UInt8((n >> 16) & 0xFF), UInt8(n >> 24), UInt8(n & 0xFF), UInt8((n >> 8) & 0xFF)]
                step -= jump
            }
            word(code, Int(step))
            previous = entry.sample
            if let wanted = annotation.channel, wanted != channel {
                guard (0...255).contains(wanted) else {
                    throw SignalError(source, "annotation \(entry.index): channel \(wanted) is not 0-255")
                }
                word(MITAnnotationCode.chn, wanted)
                channel = wanted
            }
            if !annotation.text.isEmpty {
                let aux = Array(annotation.text.utf8)
                guard aux.count <= 255 else {
                    throw SignalError(source, "annotation \(entry.index): text longer than 255 bytes")
                }
                word(MITAnnotationCode.aux, aux.count)
                bytes += aux
                if aux.count % 2 == 1 { bytes.append(0) }
            }
        }
        word(0, 0)
        return bytes
    }
}
