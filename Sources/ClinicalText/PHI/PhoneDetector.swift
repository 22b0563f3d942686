/// Phone and fax numbers: North American numbers in their usual spellings, international numbers after "+",
/// national numbers with a trunk "0" (UK, Australia, New Zealand), and short pager, bleep and extension
/// numbers after a cue word. A number is a fax when the nearest label before it on its line is "fax".
enum PhoneDetector {
    /// One run of digits of a phone number, possibly in parentheses: "(617)", "555", "0142".
    struct Group {
        let digits: Int
        let leadingDigit: Unicode.Scalar
        let parenthesized: Bool
    }

    static let separators = "-.\u{2013}"

    static func detect(in note: NoteText, into candidates: inout [Candidate]) {
        var index = 0
        while index < note.count {
            let kind = note.tokens[index].kind
            guard kind == .number || (kind == .symbol && note.isSymbol(index, in: "+(")) else {
                index += 1
                continue
            }
            if let match = match(in: note, at: index) {
                let kind: PHIKind = isFax(note, start: index, end: match.lastToken) ? .fax : .phone
                candidates.append(
                    Candidate(kind: kind, start: note.tokens[index].start, end: match.end, priority: .phone))
                index = match.lastToken + 1
            } else {
                index += 1
            }
        }
    }

    /// A phone number starting at token `index`, as its end offset and last token.
    static func match(in note: NoteText, at index: Int) -> (end: Int, lastToken: Int)? {
        let startsWithPlus = note.isSymbol(index, "+") && note.isNumber(index + 1) && note.touching(index, index + 1)
        let startsWithParen = note.isSymbol(index, "(") && note.isNumber(index + 1) && note.touching(index, index + 1)
        guard note.isNumber(index) || startsWithPlus || startsWithParen else { return nil }
        // Not the middle of a longer number, a decimal or a word.
        if note.touching(index - 1, index), note.isNumber(index - 1) || note.isWord(index - 1) { return nil }
        if note.isSymbol(index - 1, in: "-./"), note.touching(index - 1, index), note.isNumber(index - 2) {
            return nil
        }

        var groups: [Group] = []
        var lastTokens: [Int] = []
        var position = startsWithPlus ? index + 1 : index
        var lastToken = index
        while groups.count < 6 {
            var parenthesized = false
            var digitsToken = position
            if note.isSymbol(position, "("), note.isNumber(position + 1), note.isSymbol(position + 2, ")"),
                note.touching(position, position + 1), note.touching(position + 1, position + 2)
            {
                parenthesized = true
                digitsToken = position + 1
            }
            guard note.isNumber(digitsToken) else { break }
            let token = note.tokens[digitsToken]
            groups.append(
                Group(digits: token.length, leadingDigit: note.scalars[token.start], parenthesized: parenthesized))
            lastToken = parenthesized ? position + 2 : digitsToken
            lastTokens.append(lastToken)
            // A separator: one space, a hyphen or dot (with or without spaces round it), or nothing after ")".
            var next = lastToken + 1
            if note.isSingleSpace(next) { next += 1 }
            if note.isSymbol(next, in: separators) {
                next += 1
                if note.isSingleSpace(next) { next += 1 }
            }
            guard next > lastToken + 1 || (parenthesized && note.touching(lastToken, next)),
                note.isNumber(next) || (note.isSymbol(next, "(") && note.isNumber(next + 1))
            else { break }
            position = next
        }
        // Several numbers in a row ("555-123-4567 555-987-6543"): the longest run of groups that is a number.
        let cued = hasCue(note, before: index)
        for count in stride(from: groups.count, to: 0, by: -1) {
            let prefix = Array(groups.prefix(count))
            let last = lastTokens[count - 1]
            guard isPhoneShape(prefix, plus: startsWithPlus) || (cued && isCuedShape(prefix)), ends(note, at: last)
            else {
                continue
            }
            return extensionEnd(note, after: last) ?? (note.tokens[last].end, last)
        }
        return nil
    }

    /// The number ends at `last`: not followed by more digits or letters, or by a slash or dot and digits (a
    /// date, a decimal).
    static func ends(_ note: NoteText, at last: Int) -> Bool {
        if note.touching(last, last + 1), note.isNumber(last + 1) || note.isWord(last + 1) { return false }
        if note.isSymbol(last + 1, in: "/.-"), note.touching(last, last + 1), note.isNumber(last + 2),
            note.touching(last + 1, last + 2)
        {
            return false
        }
        return true
    }

    static func isPhoneShape(_ groups: [Group], plus: Bool) -> Bool {
        let lengths = groups.map(\.digits)
        let total = lengths.reduce(0, +)
        if plus { return groups.count >= 2 && (8...15).contains(total) }
        // North American: (617) 555-0142, 555-123-4567, 1-800-555-0166, with the area code not starting 0 or 1.
        if lengths == [3, 3, 4], groups[0].leadingDigit.value >= 50 { return true }
        if lengths == [1, 3, 3, 4], groups[0].leadingDigit == "1" { return true }
        // National numbers with a trunk prefix: 0113 496 0321, 07700 900461, (07) 3555 0192, 021 555 0193.
        if groups[0].leadingDigit == "0", groups.count >= 2, groups.count <= 4, (9...11).contains(total),
            lengths.allSatisfy({ $0 >= 2 }), lengths.last! >= 3
        {
            return true
        }
        return false
    }

    /// After a phone word: pagers, bleeps, extensions and local numbers of four digits or more.
    static func isCuedShape(_ groups: [Group]) -> Bool {
        let total = groups.map(\.digits).reduce(0, +)
        return (4...15).contains(total) && groups.count <= 4
    }

    static func hasCue(_ note: NoteText, before index: Int) -> Bool {
        var previous = note.previousWord(index)
        var hops = 0
        while let word = previous, hops < 3 {
            if note.has(word, .phoneCue) || note.has(word, .faxCue) { return true }
            guard ["number", "no", "is", "at", "on", "x", "#"].contains(note.lower(word)) else { return false }
            previous = note.previousWord(word)
            hops += 1
        }
        // "x4402": an extension written straight after an x.
        return note.isWord(index - 1) && note.touching(index - 1, index) && note.lower(index - 1) == "x"
    }

    /// ", ext. 4402", " x4402", " extension 12" after the number.
    static func extensionEnd(_ note: NoteText, after last: Int) -> (end: Int, lastToken: Int)? {
        var next = last + 1
        if note.isSymbol(next, ",") { next += 1 }
        if note.isSpace(next), note.length(next) <= 2 { next += 1 }
        guard note.isWord(next), ["ext", "extension", "x", "xt"].contains(note.lower(next)) else { return nil }
        var number = next + 1
        if note.isSymbol(number, ".") { number += 1 }
        if note.isSingleSpace(number) { number += 1 }
        guard note.isNumber(number), note.length(number) <= 6 else { return nil }
        return (note.tokens[number].end, number)
    }

    /// Whether the nearest label on the line before the number (or right after it, as "(fax)") says fax.
    static func isFax(_ note: NoteText, start: Int, end: Int) -> Bool {
        var previous = note.previousWord(start, skipping: ":#.()-/,")
        var hops = 0
        while let word = previous, hops < 4 {
            if note.has(word, .faxCue) || (note.lower(word) == "f" && note.isSymbol(word + 1, ":")) { return true }
            guard fillers.contains(note.lower(word)) else { return false }
            previous = note.previousWord(word, skipping: ":#.()-/,")
            hops += 1
        }
        if let next = note.nextNonSpace(end), note.isSymbol(next, "("), let word = note.nextNonSpace(next),
            note.has(word, .faxCue)
        {
            return true
        }
        return false
    }

    /// Words that may stand between a fax label and its number: "fax for records:", "secure fax no.".
    static let fillers: Set<String> = [
        "no", "number", "num", "for", "records", "record", "secure", "line", "main", "clinic", "office", "direct",
        "by", "via", "is", "the", "to", "at", "or", "our", "please", "send", "sent", "results", "reports",
    ]
}
