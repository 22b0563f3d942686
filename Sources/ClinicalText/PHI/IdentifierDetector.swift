/// Record numbers and other identifying numbers: medical record, account, encounter, accession, insurance,
/// licence and device numbers after their label; SSN-shaped numbers anywhere; and long numbers or
/// letter-prefixed numbers that nothing else claimed.
enum IdentifierDetector {
    static func detect(in note: NoteText, into candidates: inout [Candidate]) {
        for index in 0..<note.count {
            switch note.tokens[index].kind {
            case .word:
                if let valueStart = valueStart(note, afterCue: index), let value = value(note, from: valueStart) {
                    candidates.append(
                        Candidate(kind: .identifier, start: value.start, end: value.end, priority: .labelledIdentifier))
                }
            case .number:
                detectBare(note, at: index, into: &candidates)
            default:
                break
            }
        }
    }

    /// Where the value after an identifier label begins: "MRN: ", "NHS No. ", "Study #: ", "Hospital No: ".
    static func valueStart(_ note: NoteText, afterCue index: Int) -> Int? {
        var next: Int
        if note.has(index, .identifierCue) {
            next = index + 1
        } else if note.has(index, .identifierHead) {
            guard let qualifier = note.nextNonSpace(index),
                note.has(qualifier, .identifierQualifier) || note.has(qualifier, .identifierCue)
                    || note.isSymbol(qualifier, "#")
            else { return nil }
            next = qualifier + 1
        } else {
            return nil
        }
        // Qualifiers, punctuation and spaces up to the value: "No.: ", "#: ", " number is ".
        var skipped = 0
        while next < note.count, skipped < 8 {
            let kind = note.tokens[next].kind
            if kind == .space || note.isSymbol(next, in: ":#.(-=") {
                next += 1
            } else if kind == .word,
                note.has(next, .identifierQualifier) || note.has(next, .identifierCue)
                    || note.lower(next) == "is"
            {
                next += 1
            } else {
                break
            }
            skipped += 1
        }
        return next < note.count && note.tokens[next].kind != .newline ? next : nil
    }

    /// The identifier starting at a token: letters and digits joined by "-", "/", "." or "_", and digit groups
    /// separated by single spaces ("943 476 5919", "GAGP 5503 1217"). At least three digits.
    static func value(_ note: NoteText, from start: Int) -> (start: Int, end: Int)? {
        guard isValuePart(note, start) else { return nil }
        var last = start
        var groupLength = note.length(start)
        var next = start + 1
        while next < note.count {
            if note.touching(last, next), isValuePart(note, next) || note.isNumber(next) {
                groupLength += note.length(next)
                last = next
                next += 1
            } else if note.isSymbol(next, in: "-/._"), note.touching(last, next),
                note.touching(next, next + 1), isValuePart(note, next + 1)
            {
                groupLength = note.length(next + 1)
                last = next + 1
                next += 2
            } else if note.isSingleSpace(next), groupLength <= 5, note.isNumber(next + 1), note.length(next + 1) <= 5,
                !note.has(note.nextNonSpace(next + 1) ?? -1, .quantityUnit)
            {
                groupLength = note.length(next + 1)
                last = next + 1
                next += 2
            } else {
                break
            }
        }
        let range = note.tokens[start].start..<note.tokens[last].end
        let digits = note.scalars[range].filter(NoteText.isDigit).count
        guard digits >= 3, range.count >= 4 else { return nil }
        // A measurement after a label ("ID 3.5 cm") is not an identifier.
        if let after = note.nextNonSpace(last), note.has(after, .quantityUnit), !note.touching(last, after) {
            return nil
        }
        return (range.lowerBound, range.upperBound)
    }

    /// Digits, or letters that look like an identifier prefix (upper case, short) or touch digits.
    static func isValuePart(_ note: NoteText, _ index: Int) -> Bool {
        if note.isNumber(index) { return true }
        guard note.isWord(index) else { return false }
        if note.touching(index, index + 1) && note.isNumber(index + 1) { return true }
        if note.touching(index - 1, index) && note.isNumber(index - 1) { return true }
        return note.isAllCaps(index) && note.length(index) <= 6 && !note.has(index, .identifierCue)
            && !note.has(index, .identifierQualifier)
    }

    /// SSN-shaped numbers (123-45-6789), long bare numbers, and letter-prefixed numbers (W284019377).
    static func detectBare(_ note: NoteText, at index: Int, into candidates: inout [Candidate]) {
        // Only at the start of a number: not after digits, a decimal point or a thousands comma.
        if note.touching(index - 1, index), note.isSymbol(index - 1, in: ".,-/") || note.isNumber(index - 1) {
            return
        }
        let token = note.tokens[index]
        if token.length == 3, note.isSymbol(index + 1, "-"), note.length(index + 2) == 2, note.isNumber(index + 2),
            note.isSymbol(index + 3, "-"), note.length(index + 4) == 4, note.isNumber(index + 4),
            (index..<(index + 4)).allSatisfy({ note.touching($0, $0 + 1) }),
            !(note.touching(index + 4, index + 5) && (note.isNumber(index + 5) || note.isSymbol(index + 5, "-")))
        {
            candidates.append(
                Candidate(
                    kind: .identifier, start: token.start, end: note.tokens[index + 4].end,
                    priority: .socialSecurityNumber))
            return
        }
        guard token.length >= 6 else { return }
        // Not part of a decimal or a thousands group, and not a quantity.
        if note.touching(index, index + 1), note.isSymbol(index + 1, in: ".,"), note.isNumber(index + 2) {
            return
        }
        if let next = note.nextNonSpace(index), note.has(next, .quantityUnit) { return }
        var start = token.start
        if note.touching(index - 1, index), note.isWord(index - 1), note.length(index - 1) <= 3,
            note.isAllCaps(index - 1)
        {
            start = note.tokens[index - 1].start
        } else if token.length < 8 || DateDetector.isCompactDate(note, index) {
            return
        }
        var end = token.end
        if note.touching(index, index + 1), note.isWord(index + 1), note.length(index + 1) <= 2 {
            end = note.tokens[index + 1].end
        }
        candidates.append(Candidate(kind: .identifier, start: start, end: end, priority: .bareIdentifier))
    }
}
