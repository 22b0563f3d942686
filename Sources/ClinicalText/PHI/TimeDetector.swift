/// Clock times: "14:30", "09:12:44", "2:15 pm", "9:02 PM", "3 pm", "0800 hrs", and four-digit times where
/// the context says they are times ("at 2215", "@ 1915", after a date, or opening a log line).
///
/// Ratios share the colon ("1:10 dilution", "ANA 1:160", "I:E 1:2") and four-digit numbers are often doses
/// or years, so a bare four-digit number is never a time on its own.
enum TimeDetector {
    static func detect(in note: NoteText, dateEnds: Set<Int>, into candidates: inout [Candidate]) {
        var index = 0
        while index < note.count {
            if note.isNumber(index), startsTime(note, index),
                let last = colonTime(note, at: index) ?? meridiemTime(note, at: index)
                    ?? fourDigitTime(note, at: index, dateEnds: dateEnds)
            {
                candidates.append(
                    Candidate(kind: .time, start: note.tokens[index].start, end: note.tokens[last].end, priority: .time)
                )
                index = last + 1
            } else {
                index += 1
            }
        }
    }

    /// Not the continuation of a number, a decimal, a ratio or a word; but "T14:30" after an ISO date and the
    /// second half of "14:00-19:00" are fine.
    static func startsTime(_ note: NoteText, _ index: Int) -> Bool {
        guard note.touching(index - 1, index) else { return true }
        if note.isWord(index - 1) {
            return note.lower(index - 1) == "t" && note.isNumber(index - 2) && note.touching(index - 2, index - 1)
        }
        if note.isNumber(index - 1) { return false }
        if note.isSymbol(index - 1, in: ":./,"), note.isNumber(index - 2),
            note.touching(index - 2, index - 1)
        {
            return false
        }
        return true
    }

    /// "14:30", "09:12:44", "2:15 pm", "16:42h".
    static func colonTime(_ note: NoteText, at index: Int) -> Int? {
        guard note.length(index) <= 2, let hour = note.value(index), hour <= 23, note.isSymbol(index + 1, ":"),
            note.touching(index, index + 1), note.isNumber(index + 2), note.touching(index + 1, index + 2),
            note.length(index + 2) == 2, let minute = note.value(index + 2), minute <= 59
        else { return nil }
        var last = index + 2
        if note.isSymbol(last + 1, ":"), note.touching(last, last + 1), note.isNumber(last + 2),
            note.touching(last + 1, last + 2), note.length(last + 2) == 2, (note.value(last + 2) ?? 60) <= 59
        {
            last += 2
            // Fractions of a second: "10:31:09.250".
            if note.isSymbol(last + 1, "."), note.isNumber(last + 2), note.touching(last, last + 1),
                note.touching(last + 1, last + 2)
            {
                last += 2
            }
        }
        // More colon groups make it an IPv6 address or a longer ratio, not a time.
        if note.isSymbol(last + 1, ":"), note.touching(last, last + 1), note.isNumber(last + 2) || note.isWord(last + 2)
        {
            return nil
        }
        if note.touching(last, last + 1), note.isNumber(last + 1) { return nil }
        if isRatio(note, first: index, last: last) { return nil }
        if let meridiem = meridiemEnd(note, after: last) {
            return hour >= 1 && hour <= 12 ? meridiem : nil
        }
        if let suffix = hoursSuffixEnd(note, after: last) { return suffix }
        return last
    }

    /// "3 pm", "11am", "9 a.m.".
    static func meridiemTime(_ note: NoteText, at index: Int) -> Int? {
        guard note.length(index) <= 2, let hour = note.value(index), (1...12).contains(hour) else { return nil }
        return meridiemEnd(note, after: index)
    }

    /// Four digits that read as a time (0000 to 2359) where the context says so.
    static func fourDigitTime(_ note: NoteText, at index: Int, dateEnds: Set<Int>) -> Int? {
        guard note.length(index) == 4, let value = note.value(index), value / 100 <= 23, value % 100 <= 59 else {
            return nil
        }
        if note.touching(index, index + 1) {
            if note.isNumber(index + 1) || note.isSymbol(index + 1, in: "/%") { return nil }
            if note.isSymbol(index + 1, in: ".,"), note.isNumber(index + 2) { return nil }
        }
        if let suffix = hoursSuffixEnd(note, after: index) { return suffix }
        if let next = note.nextNonSpace(index), note.has(next, .quantityUnit) || note.isSymbol(next, "%") {
            return nil
        }
        // "at 2215", "@ 1915", "Time: 0800", "since 0100"; but "since 2021", "from 1955" are years.
        if let previous = note.previousNonSpace(index) {
            if note.isSymbol(previous, "@") { return index }
            if let word = note.previousWord(index, skipping: ":"), note.has(word, .timeCue) {
                let yearLike = (1900...2059).contains(value)
                return !yearLike || ["at", "time"].contains(note.lower(word)) ? index : nil
            }
        }
        // Straight after a date: "3/15/2024 0412", "05/05/2024  2100".
        var before = index - 1
        while before >= 0, note.tokens[before].kind == .space, note.tokens[before].length <= 3 { before -= 1 }
        if before >= 0, before < index - 1, dateEnds.contains(note.tokens[before].end) {
            return index
        }
        // Opening a log line: "0530 CT negative", "0615: d/w Dr. ..." (not a year: 1950 to 2035 are left alone).
        if startsLine(note, index), !(1950...2035).contains(value),
            note.isSymbol(index + 1, ":") || (note.isSingleSpace(index + 1) && note.isWord(index + 2))
        {
            return index
        }
        return nil
    }

    static func startsLine(_ note: NoteText, _ index: Int) -> Bool {
        var previous = index - 1
        if previous >= 0, note.tokens[previous].kind == .space { previous -= 1 }
        return previous < 0 || note.tokens[previous].kind == .newline
    }

    /// " am", "pm", " a.m.", " P.M." after the last token of a time.
    static func meridiemEnd(_ note: NoteText, after last: Int) -> Int? {
        var next = last + 1
        if note.isSingleSpace(next) { next += 1 }
        guard note.isWord(next) else { return nil }
        let word = note.lower(next)
        if word == "am" || word == "pm" {
            return note.touching(next, next + 1) && note.isWord(next + 1) ? nil : next
        }
        if word == "a" || word == "p", note.isSymbol(next + 1, "."), note.isWord(next + 2), note.lower(next + 2) == "m",
            note.touching(next, next + 1), note.touching(next + 1, next + 2)
        {
            return note.isSymbol(next + 3, ".") && note.touching(next + 2, next + 3) ? next + 3 : next + 2
        }
        return nil
    }

    /// " hrs", "h", " hours" after a time.
    static func hoursSuffixEnd(_ note: NoteText, after last: Int) -> Int? {
        var next = last + 1
        if note.isSingleSpace(next) { next += 1 }
        guard note.isWord(next), ["h", "hr", "hrs", "hours"].contains(note.lower(next)) else { return nil }
        return next
    }

    static func isRatio(_ note: NoteText, first: Int, last: Int) -> Bool {
        if let word = note.previousWord(first, skipping: ":("), note.has(word, .ratioContext) { return true }
        if let previous = note.previousNonSpace(first), note.isSymbol(previous, ":"),
            note.previousWord(previous).map({ note.lower($0) == "e" }) == true
        {
            return true
        }
        // The word after, or the one after that: "1:10 dilution", "1:10 carb ratio".
        if let next = note.nextNonSpace(last) {
            if note.has(next, .ratioContext) { return true }
            if let second = note.nextNonSpace(next), note.has(second, .ratioContext) { return true }
        }
        return false
    }
}
