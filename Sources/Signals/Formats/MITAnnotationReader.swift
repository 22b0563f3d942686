import Foundation

/// Reads MIT-format WFDB annotation files (.atr, .qrs, ...): a stream of little-endian 16-bit words
/// whose top six bits are a code and low ten bits a time step or a value. Codes 1-49 are
/// annotations; SKIP (59) carries a longer time step in the next 32 bits, NUM (60), SUB (61) and
/// CHN (62) set fields, and AUX (63) attaches a string (a rhythm such as "(AFIB", a note).
///
/// Each annotation becomes a `SignalAnnotation` with `time` = sample / frequency, `code` the
/// mnemonic, `text` the aux string and `channel` the CHN value (nil until the file sets one, after
/// which it carries over, as in WFDB). NUM and SUB are read but not kept. Leading "## time
/// resolution: F" notes set the annotation frequency and are not returned.
///
/// An annotation past the end of the record (at or beyond the record's sample count) is an error,
/// not clamped: it means the annotation file belongs to another record or the header is wrong.
public enum MITAnnotationReader {
    /// `recordFrames` is the record's length in frames, or nil when unknown (no check then).
    public static func read(
        path: String, samplingFrequency: Double, recordFrames: Int?, limits: SignalLimits = .standard
    ) throws(SignalError) -> [SignalAnnotation] {
        let file = try SignalFileBytes(path: path, role: "annotation file")
        var stream = SignalByteStream(file)
        let raw = try decode(&stream, source: path, limits: limits)
        return try annotations(
            from: raw, source: path, samplingFrequency: samplingFrequency, recordFrames: recordFrames)
    }

    struct RawAnnotation {
        var sample: Int64
        var code: Int
        var channel: Int?
        var aux: [UInt8]
        var offset: Int
    }

    static func decode(_ stream: inout SignalByteStream, source: String, limits: SignalLimits) throws(SignalError)
        -> [RawAnnotation]
    {
        var result: [RawAnnotation] = []
        var sample: Int64 = 0
        var channel: Int?
        while true {
            let offset = stream.offset
            guard let word = try stream.nextWord() else {
                if !stream.isAtEnd {
                    throw SignalError(source, "the file ends in half a word at byte \(offset)")
                }
                break  // no end marker: accepted, as the WFDB library does
            }
            let code = Int(word >> 10)
            let value = Int(word & 0x3FF)
            if code == 0 && value == 0 { break }
            switch code {
            case MITAnnotationCode.skip:
                guard let bytes = try stream.next(4) else {
                    throw SignalError(source, "the SKIP at byte \(offset) is cut off by the end of the file")
                }
                let raw = UInt32(bytes[1]) << 24 | UInt32(bytes[0]) << 16 | UInt32(bytes[3]) << 8 | UInt32(bytes[2])
                sample += Int64(Int32(bitPattern: raw))
            case MITAnnotationCode.num, MITAnnotationCode.sub:
                break
            case MITAnnotationCode.chn:
                channel = value & 0xFF
                if !result.isEmpty { result[result.count - 1].channel = channel }
            case MITAnnotationCode.aux:
                guard !result.isEmpty else {
                    throw SignalError(source, "the AUX at byte \(offset) comes before any annotation")
                }
                guard let bytes = try stream.next((value + 1) / 2 * 2) else {
                    throw SignalError(
                        source, "the \(value)-byte AUX string at byte \(offset) is cut off by the end of the file")
                }
                result[result.count - 1].aux = Array(bytes.prefix(value))
            case 0...MITAnnotationCode.maxCode:
                sample += Int64(value)
                guard sample >= 0 else {
                    throw SignalError(source, "annotation at byte \(offset) has a negative time (sample \(sample))")
                }
                guard result.count < limits.maxAnnotations else {
                    throw SignalError(source, "more than the limit of \(limits.maxAnnotations) annotations")
                }
                result.append(RawAnnotation(sample: sample, code: code, channel: channel, aux: [], offset: offset))
            default:
                throw SignalError(
                    source, "invalid annotation code \(code) at byte \(offset) (codes are 1-49 and 59-63)")
            }
        }
        return result
    }

    static func annotations(
        from raw: [RawAnnotation], source: String, samplingFrequency: Double, recordFrames: Int?
    ) throws(SignalError) -> [SignalAnnotation] {
        var frequency = samplingFrequency
        var firstKept = 0
        // Header notes: NOTEs at sample 0 whose text starts with "## ".
        let noteCode = MITAnnotationCode.codes["\""]!
        while firstKept < raw.count, raw[firstKept].sample == 0, raw[firstKept].code == noteCode {
            let text = auxText(raw[firstKept].aux)
            guard text.hasPrefix("## ") else { break }
            if text.hasPrefix("## time resolution: "),
                let value = Double(text.dropFirst("## time resolution: ".count).trimmingCharacters(in: .whitespaces)),
                value.isFinite, value > 0
            {
                frequency = value
            }
            firstKept += 1
        }
        guard frequency.isFinite, frequency > 0 else {
            throw SignalError(source, "sampling frequency \(frequency) is not positive")
        }
        var result: [SignalAnnotation] = []
        result.reserveCapacity(raw.count - firstKept)
        for (index, annotation) in raw[firstKept...].enumerated() {
            let mnemonic = MITAnnotationCode.mnemonic(annotation.code)
            let time = Double(annotation.sample) / frequency
            if let recordFrames {
                let beyond =
                    frequency == samplingFrequency
                    ? annotation.sample >= Int64(recordFrames)
                    : time >= Double(recordFrames) / samplingFrequency
                if beyond {
                    throw SignalError(
                        source,
                        "annotation \(index) (\"\(mnemonic)\", byte \(annotation.offset)) at sample "
                            + "\(annotation.sample) "
                            + "is beyond the end of the record (\(recordFrames) samples at \(samplingFrequency) Hz)")
                }
            }
            result.append(
                SignalAnnotation(
                    time: time, code: mnemonic, text: auxText(annotation.aux), channel: annotation.channel))
        }
        return result
    }

    /// The aux bytes as text, without the NUL terminators many files store.
    private static func auxText(_ bytes: [UInt8]) -> String {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0 { end -= 1 }
        return String(decoding: bytes[..<end], as: UTF8.self)
    }
}
