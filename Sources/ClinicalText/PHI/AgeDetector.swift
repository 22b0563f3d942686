/// Ages over 89, which HIPAA Safe Harbor treats as identifying because so few people reach them: "92-year-old",
/// "93 yo", "91 y/o", "90 y.o.", "97 year old", "96F", "age 94", "aged 101", "Age: 93".
///
/// Younger ages stay, and so does any number from 90 up that is not written as an age ("QRS 92 ms",
/// "SpO2 91%", "HR 96").
enum AgeDetector {
    static let oldest = 130

    static func detect(in note: NoteText, into candidates: inout [Candidate]) {
        for index in 0..<note.count where note.isNumber(index) {
            guard let age = note.value(index), age >= 90, age <= oldest, note.scalars[note.tokens[index].start] != "0",
                DateDetector.startsNumber(note, index)
            else { continue }
            if let last = unitEnd(note, after: index) {
                candidates.append(
                    Candidate(kind: .age, start: note.tokens[index].start, end: note.tokens[last].end, priority: .age))
            } else if let cue = cueBefore(note, index), !followedByQuantity(note, index) {
                candidates.append(
                    Candidate(kind: .age, start: note.tokens[cue].start, end: note.tokens[index].end, priority: .age))
            }
        }
    }

    /// "age 94", "aged 101", "Age: 93", "at the age of 95".
    static func cueBefore(_ note: NoteText, _ index: Int) -> Int? {
        guard var word = note.previousWord(index, skipping: ":") else { return nil }
        if note.lower(word) == "of", let before = note.previousWord(word) { word = before }
        return note.has(word, .ageCue) ? word : nil
    }

    static func followedByQuantity(_ note: NoteText, _ index: Int) -> Bool {
        if note.touching(index, index + 1), note.isSymbol(index + 1, in: ".%/,-"),
            note.isNumber(index + 2)
        {
            return true
        }
        guard let next = note.nextNonSpace(index) else { return false }
        return note.isSymbol(next, "%")
            || (note.has(next, .quantityUnit) && !["year", "years"].contains(note.lower(next)))
    }

    /// The last token of an age unit after the number: "-year-old", " years old", " yo", "y/o", " y.o.", "F".
    static func unitEnd(_ note: NoteText, after index: Int) -> Int? {
        var next = index + 1
        let touching = note.touching(index, next)
        if note.isSingleSpace(next) || note.isSymbol(next, "-") { next += 1 }
        guard note.isWord(next) else { return nil }
        let word = note.lower(next)
        switch word {
        case "year", "years", "yr", "yrs":
            var old = next + 1
            if note.isSingleSpace(old) || note.isSymbol(old, "-") { old += 1 }
            if note.isWord(old), note.lower(old) == "old" { return old }
            // "95 years of age".
            if note.isSingleSpace(next + 1), note.lower(next + 2) == "of", note.isSingleSpace(next + 3),
                note.lower(next + 4) == "age"
            {
                return next + 4
            }
            return nil
        case "yo", "yof", "yom":
            return next
        case "y":
            // "y/o", "y.o.", "y.o"
            guard note.isSymbol(next + 1, in: "/."), note.isWord(next + 2), note.lower(next + 2) == "o",
                note.touching(next, next + 1), note.touching(next + 1, next + 2)
            else { return nil }
            return note.isSymbol(next + 3, ".") && note.touching(next + 2, next + 3) ? next + 3 : next + 2
        case "f", "m":
            // "96F", "92M": only written against the number, in upper case, and not a temperature ("T 97F").
            guard touching, note.isAllCaps(next), !note.touching(next, next + 1) || note.isSymbol(next + 1, in: ",.;:)")
            else { return nil }
            if let word = note.previousWord(index, skipping: ":"),
                ["t", "temp", "temperature", "tmax"].contains(note.lower(word))
            {
                return nil
            }
            return next
        default:
            return nil
        }
    }
}
