/// Dates in the spellings of clinical notes: numeric with a year (01/02/2024, 2024-01-02, 3/4/21, 07.03.2024),
/// month and year (03/2023, June 2023), with month names (Jan 2, 2024; 2 January 2024; 06-Sep-2023; 8th
/// November 2023), compact (20240102), and day/month without a year after a word that introduces a date
/// ("on 12/03", "since 3/8").
///
/// Fractions are the hazard: "3/4 strength", "1/2 tab", "2/6 murmur", "BP 120/80", "6/9 OD" must stay. A
/// slash pair without a year is therefore only a date after a date cue and before no fraction context, and
/// a number above 31 never is.
enum DateDetector {
    static let separators = "/-."

    static func detect(in note: NoteText, into candidates: inout [Candidate]) {
        var index = 0
        while index < note.count {
            var found: (end: Int, priority: Priority)?
            if note.isNumber(index), startsNumber(note, index) {
                found = numericDate(note, at: index) ?? dayMonthDate(note, at: index).map { ($0, .date) }
            } else if isMonth(note, index) {
                found = monthFirstDate(note, at: index).map { ($0, .date) }
            }
            if let found {
                candidates.append(
                    Candidate(
                        kind: .date, start: note.tokens[index].start, end: note.tokens[found.end].end,
                        priority: found.priority))
                index = found.end + 1
            } else {
                index += 1
            }
        }
    }

    /// Not the continuation of a longer number, decimal, ratio or word.
    static func startsNumber(_ note: NoteText, _ index: Int) -> Bool {
        guard note.touching(index - 1, index) else { return true }
        if note.isNumber(index - 1) || note.isWord(index - 1) { return false }
        if note.isSymbol(index - 1, in: "/-.:,"), note.isNumber(index - 2),
            note.touching(index - 2, index - 1)
        {
            return false
        }
        return true
    }

    /// Whether a date that ends at token `last` is followed by more of the same pattern (an IP address, a
    /// version, a longer ratio) or by digits.
    static func continues(_ note: NoteText, after last: Int) -> Bool {
        guard note.touching(last, last + 1) else { return false }
        if note.isNumber(last + 1) { return true }
        if note.isWord(last + 1) { return !["st", "nd", "rd", "th", "t"].contains(note.lower(last + 1)) }
        return note.isSymbol(last + 1, in: "/-.:") && note.isNumber(last + 2)
            && note.touching(last + 1, last + 2)
    }

    // MARK: - Numeric

    /// The numeric forms, as the last token of the date.
    static func numericDate(_ note: NoteText, at index: Int) -> (end: Int, priority: Priority)? {
        let first = note.tokens[index]
        guard let a = note.value(index) else { return nil }
        // Compact 20240102.
        if first.length == 8, isCompactDate(note, index), !continues(note, after: index) { return (index, .date) }
        guard note.isSymbol(index + 1, in: separators), note.touching(index, index + 1), note.isNumber(index + 2),
            note.touching(index + 1, index + 2), let b = note.value(index + 2)
        else { return nil }
        let separator = note.scalars[note.tokens[index + 1].start]
        let secondLength = note.length(index + 2)
        let hasThird =
            note.isSymbol(index + 3, separator) && note.touching(index + 2, index + 3) && note.isNumber(index + 4)
            && note.touching(index + 3, index + 4)
        if hasThird, let c = note.value(index + 4) {
            let thirdLength = note.length(index + 4)
            guard !continues(note, after: index + 4) else { return nil }
            // 2024-01-02, 2024/02/06.
            if first.length == 4, secondLength <= 2, thirdLength <= 2, isYear(a), isMonthDay(month: b, day: c) {
                return (index + 4, .date)
            }
            // 01/02/2024, 3/4/21, 07.03.2024, 15/03/2024.
            if first.length <= 2, secondLength <= 2, thirdLength == 4 || thirdLength == 2,
                isMonthDay(month: a, day: b) || isMonthDay(month: b, day: a), thirdLength == 2 || isYear(c)
            {
                return (index + 4, .date)
            }
            return nil
        }
        guard !continues(note, after: index + 2) else { return nil }
        // 03/2023, 3-2023.
        if first.length <= 2, (1...12).contains(a), secondLength == 4, isYear(b), separator != "." {
            return (index + 2, .date)
        }
        // 12/03 after "on", "since", "DOS:" ...; never before "tab", "strength", "NS", "murmur".
        if separator == "/", first.length <= 2, secondLength <= 2,
            isMonthDay(month: a, day: b) || isMonthDay(month: b, day: a), hasDateCue(note, before: index),
            !hasFractionContext(note, after: index + 2)
        {
            return (index + 2, .cuedShortDate)
        }
        return nil
    }

    static func isYear(_ value: Int) -> Bool { (1900...2099).contains(value) }

    static func isMonthDay(month: Int, day: Int) -> Bool { (1...12).contains(month) && (1...31).contains(day) }

    static func isCompactDate(_ note: NoteText, _ index: Int) -> Bool {
        guard note.length(index) == 8, let value = note.value(index) else { return false }
        return isYear(value / 10000) && isMonthDay(month: value / 100 % 100, day: value % 100)
    }

    static func hasDateCue(_ note: NoteText, before index: Int) -> Bool {
        guard let word = note.previousWord(index, skipping: ":(-,") else { return false }
        return note.has(word, .dateCue)
    }

    static func hasFractionContext(_ note: NoteText, after last: Int) -> Bool {
        guard let next = note.nextNonSpace(last) else { return false }
        if note.isSymbol(next, "%") { return true }
        return note.has(next, .fractionContext) || note.has(next, .quantityUnit)
    }

    // MARK: - Month names

    /// A month name written as one: capitalised or upper case ("May", "MAY", not "may"), optionally with a dot.
    static func isMonth(_ note: NoteText, _ index: Int) -> Bool {
        note.has(index, .month) && note.isCapitalized(index)
    }

    /// "12 April 2024", "9 Feb 2024", "06-Sep-2023", "02JAN2024", "8th November 2023", "3rd of May".
    static func dayMonthDate(_ note: NoteText, at index: Int) -> Int? {
        guard let day = note.value(index), (1...31).contains(day), note.length(index) <= 2 else { return nil }
        var next = index + 1
        if note.isWord(next), note.touching(index, next), ["st", "nd", "rd", "th"].contains(note.lower(next)) {
            next += 1
        }
        let separatorStart = next
        if note.isSingleSpace(next) || note.isSymbol(next, "-") {
            next += 1
            if note.isWord(next), note.lower(next) == "of", note.isSingleSpace(next + 1) { next += 2 }
        }
        guard isMonth(note, next), next > separatorStart || note.touching(next - 1, next) else { return nil }
        var last = next
        if note.isSymbol(last + 1, "."), note.touching(last, last + 1) { last += 1 }
        if let year = year(note, after: last) { return year }
        // Without a year: "2 Jan", but not "3 Mar" inside a longer run of numbers and units.
        return note.isNumber(note.nextNonSpace(last) ?? -1) ? nil : last
    }

    /// "March 5, 2024", "Jan 3 2024", "Dec. 12, 2023", "January 2nd", "June 2023", "Jan-2024".
    static func monthFirstDate(_ note: NoteText, at index: Int) -> Int? {
        var next = index + 1
        if note.isSymbol(next, "."), note.touching(index, next) { next += 1 }
        let afterMonth = next - 1
        // Month and year.
        if let year = year(note, after: afterMonth), note.length(year) == 4 || note.isSymbol(year - 1, "'") {
            return year
        }
        guard note.isSingleSpace(next) || note.isSymbol(next, "-"), note.isNumber(next + 1),
            let day = note.value(next + 1), (1...31).contains(day), note.length(next + 1) <= 2
        else { return nil }
        var last = next + 1
        if note.isWord(last + 1), note.touching(last, last + 1),
            ["st", "nd", "rd", "th"].contains(note.lower(last + 1))
        {
            last += 1
        } else if note.touching(last, last + 1), note.isNumber(last + 1) || note.isWord(last + 1) {
            return nil
        }
        if note.isSymbol(last + 1, ":") { return nil }
        var yearStart = last
        if note.isSymbol(last + 1, ","), note.touching(last, last + 1) { yearStart = last + 1 }
        if let year = year(note, after: yearStart) { return year }
        if let unit = note.nextNonSpace(last), note.has(unit, .quantityUnit) { return nil }
        return last
    }

    /// A year after a date part: " 2024", "-2024", "2024" touching ("02JAN2024"), " '24".
    static func year(_ note: NoteText, after last: Int) -> Int? {
        var next = last + 1
        if note.isSingleSpace(next) || note.isSymbol(next, "-") {
            next += 1
        } else if !note.touching(last, next) {
            return nil
        }
        if note.isSymbol(next, "'") || note.isSymbol(next, "\u{2019}") {
            guard note.isNumber(next + 1), note.length(next + 1) == 2, note.touching(next, next + 1) else { return nil }
            return next + 1
        }
        guard note.isNumber(next), let value = note.value(next), !continues(note, after: next) else { return nil }
        if note.length(next) == 4, isYear(value) { return next }
        if note.length(next) == 2, note.isSymbol(next - 1, "-") { return next }
        return nil
    }
}
