import Foundation

/// A time-stamped annotation list (TAL), the unit of text in an EDF+ "EDF Annotations" signal:
/// "+onset[0x15 duration]0x14 text 0x14 text 0x14 0x00". Every text is an annotation with the same
/// onset and duration; the first TAL of each data record, with an empty first text, gives the
/// record's start (seconds after the file's start time).
struct EDFAnnotationList: Equatable {
    var onset: Double
    var duration: Double?
    var texts: [String]

    /// Parses the TALs of one annotation signal's bytes in one data record. Zero bytes after the
    /// last TAL are padding.
    static func parse(_ bytes: ArraySlice<UInt8>, source: String, record: Int) throws(SignalError)
        -> [EDFAnnotationList]
    {
        var lists: [EDFAnnotationList] = []
        var i = bytes.startIndex
        var start = i
        let end = bytes.endIndex
        func fail(_ problem: String) -> SignalError {
            SignalError(source, "data record \(record): annotation at byte \(start - bytes.startIndex): \(problem)")
        }
        while i < end, bytes[i] != 0 {
            start = i
            let onsetStart = i
            while i < end, bytes[i] != 0x14, bytes[i] != 0x15, bytes[i] != 0 { i += 1 }
            guard i < end, bytes[i] != 0 else { throw fail("the onset is not followed by 0x14 or 0x15") }
            let onsetText = String(decoding: bytes[onsetStart..<i], as: UTF8.self)
            guard onsetText.first == "+" || onsetText.first == "-", let onset = number(onsetText.dropFirst()) else {
                throw fail("onset '\(onsetText)' is not +seconds or -seconds")
            }
            var list = EDFAnnotationList(
                onset: onsetText.first == "-" ? -onset : onset, duration: nil, texts: [])
            if bytes[i] == 0x15 {
                i += 1
                let durationStart = i
                while i < end, bytes[i] != 0x14, bytes[i] != 0x15, bytes[i] != 0 { i += 1 }
                guard i < end, bytes[i] == 0x14 else { throw fail("the duration is not followed by 0x14") }
                let durationText = String(decoding: bytes[durationStart..<i], as: UTF8.self)
                guard let duration = number(Substring(durationText)) else {
                    throw fail("duration '\(durationText)' is not a number of seconds")
                }
                list.duration = duration
            }
            i += 1  // the 0x14 after the onset (and duration)
            while true {
                guard i < end else { throw fail("the annotation list does not end with 0x00") }
                if bytes[i] == 0 {
                    i += 1
                    break
                }
                let textStart = i
                while i < end, bytes[i] != 0x14, bytes[i] != 0 { i += 1 }
                guard i < end, bytes[i] == 0x14 else { throw fail("an annotation text does not end with 0x14") }
                list.texts.append(String(decoding: bytes[textStart..<i], as: UTF8.self))
                i += 1
            }
            lists.append(list)
        }
        return lists
    }

    /// The TAL's bytes.
    var encoded: [UInt8] {
        var bytes = Array(((onset < 0 ? "-" : "+") + Self.seconds(abs(onset))).utf8)
        if let duration {
            bytes.append(0x15)
            bytes += Array(Self.seconds(duration).utf8)
        }
        bytes.append(0x14)
        for text in texts {
            bytes += Array(text.utf8)
            bytes.append(0x14)
        }
        bytes.append(0)
        return bytes
    }

    /// Seconds as digits with at most nine decimals and no exponent ("12", "0.004").
    static func seconds(_ value: Double) -> String {
        var text = String(format: "%.9f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// digits[.digits]
    private static func number(_ text: Substring) -> Double? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            parts.count == 1 || !parts[1].isEmpty, let value = Double(text), value.isFinite
        else { return nil }
        return value
    }
}
