import Foundation

extension NameDetector {
    /// Every other occurrence in the note of a name already found by a cue: "Ms. Gonzalez" makes "Gonzalez"
    /// a name wherever it appears, before or after, in any case that begins with a capital. Also the name of
    /// a person whose e-mail address is in the note, when it appears written out ("tomasa.ixcot@…" and
    /// "Tomasa Ixcot").
    ///
    /// Ordinary words that are also names ("Grace", "Park", "May") are not repeated, and an eponym followed by
    /// its condition ("Bell palsy" after "Dr. Bell") stays.
    static func repetitions(in note: NoteText, of names: [Candidate], emails: [Candidate]) -> [Candidate] {
        var keys: Set<String> = []
        for name in names {
            var index = note.tokenIndex(containing: name.start)
            while index < note.count, note.tokens[index].start < name.end {
                if let compound = compound(note, at: index), isRepeatable(note, compound) {
                    keys.insert(key(note, compound))
                    index = compound.upperBound + 1
                } else {
                    index += 1
                }
            }
        }
        let pairs = emailNamePairs(note, emails)
        guard !keys.isEmpty || !pairs.isEmpty else { return [] }
        // A cheap test before building a key: no key is longer than this many scalars (plus "'s" and hyphens).
        let longest = (keys.map(\.unicodeScalars.count) + pairs.map(\.unicodeScalars.count)).max() ?? 0

        var found: [Candidate] = []
        var index = 0
        while index < note.count {
            guard note.isCapitalized(index), note.length(index) <= longest + 2,
                !note.touching(index - 1, index) || !note.isSymbol(index - 1, "-"),
                let compound = compound(note, at: index), isRepeatable(note, compound)
            else {
                index += 1
                continue
            }
            let wordKey = key(note, compound)
            var matched: ClosedRange<Int>?
            if keys.contains(wordKey), !isEponymUse(note, compound) {
                matched = compound
            } else if note.isSingleSpace(compound.upperBound + 1), note.isCapitalized(compound.upperBound + 2),
                let next = self.compound(note, at: compound.upperBound + 2),
                pairs.contains(wordKey + " " + key(note, next))
            {
                matched = compound.lowerBound...next.upperBound
            }
            guard let matched else {
                index = compound.upperBound + 1
                continue
            }
            let range = note.scalarRange(of: NameMatch(first: matched.lowerBound, last: matched.upperBound, words: []))
            found.append(
                Candidate(kind: .name, start: range.lowerBound, end: range.upperBound, priority: .repeatedName))
            index = matched.upperBound + 1
        }
        return found
    }

    /// A word and its hyphenated continuations ("Okafor-Williams"), as a token range.
    static func compound(_ note: NoteText, at index: Int) -> ClosedRange<Int>? {
        guard note.isWord(index) else { return nil }
        var last = index
        while note.isSymbol(last + 1, "-"), note.isWord(last + 2), note.touching(last, last + 1),
            note.touching(last + 1, last + 2)
        {
            last += 2
        }
        return index...last
    }

    /// Whether a word of a found name may be looked for elsewhere: not an initial, a particle, a title, or a
    /// word that is also ordinary ("Grace", "May", "Park").
    static func isRepeatable(_ note: NoteText, _ compound: ClosedRange<Int>) -> Bool {
        let first = compound.lowerBound
        if compound.count == 1 {
            guard note.length(first) >= 2, !note.has(first, .particle), !note.has(first, .commonWord) else {
                return false
            }
        }
        return !compound.contains { note.isWord($0) && note.has($0, .neverName) }
    }

    /// Case-, accent- and apostrophe-insensitive: "O'Connell", "OCONNELL" and "oconnell" agree, as do "Chloé"
    /// and "chloe".
    static func key(_ note: NoteText, _ compound: ClosedRange<Int>) -> String {
        var range = note.tokens[compound.lowerBound].start..<note.tokens[compound.upperBound].end
        if range.count > 2, note.scalars[range.upperBound - 1] == "s",
            NoteText.isApostrophe(note.scalars[range.upperBound - 2])
        {
            range = range.lowerBound..<(range.upperBound - 2)
        }
        // Fast path for ASCII: the letters, lower-cased, written straight into the string.
        let scalars = note.scalars
        if scalars[range].allSatisfy({ $0.value < 128 }) {
            return String(unsafeUninitializedCapacity: range.count) { buffer in
                var count = 0
                for offset in range {
                    let value = UInt8(truncatingIfNeeded: scalars[offset].value)
                    if value >= 65 && value <= 90 {
                        buffer[count] = value + 32
                        count += 1
                    } else if value >= 97 && value <= 122 {
                        buffer[count] = value
                        count += 1
                    }
                }
                return count
            }
        }
        return normalised(note.text(scalars: range))
    }

    static func normalised(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        let ascii = text.unicodeScalars.allSatisfy { $0.isASCII }
        let folded = ascii ? text : text.folding(options: [.diacriticInsensitive], locale: nil)
        for scalar in folded.lowercased().unicodeScalars where NoteText.isLetter(scalar) { result.append(scalar) }
        return String(result)
    }

    static func isEponymUse(_ note: NoteText, _ compound: ClosedRange<Int>) -> Bool {
        note.isEponymUse(NameMatch(first: compound.lowerBound, last: compound.upperBound, words: []))
    }

    /// Whether only a space, or a space and name particles, separate two name findings: "Maria" and
    /// "Gonzalez", "Pieter", "van der" and "Merwe" are then one finding.
    static func joinable(_ note: NoteText, from end: Int, to start: Int) -> Bool {
        guard start > end, start - end <= 12 else { return false }
        let between = note.text(scalars: end..<start)
        let parts = between.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.first == "", parts.last == "" else { return false }
        return parts.dropFirst().dropLast().allSatisfy { CueWords.particles.contains(String($0)) }
    }

    /// "first last" keys from e-mail addresses written as first.last, first_last or first-last.
    static func emailNamePairs(_ note: NoteText, _ emails: [Candidate]) -> Set<String> {
        var pairs: Set<String> = []
        for email in emails {
            let text = note.text(scalars: email.start..<email.end)
            guard let at = text.firstIndex(of: "@") else { continue }
            let pieces = text[..<at].split(whereSeparator: { ".-_+".contains($0) }).map {
                String($0.filter { $0.isLetter })
            }
            guard pieces.count == 2, pieces.allSatisfy({ $0.count >= 2 }) else { continue }
            let classes = pieces.map { Lexicon.classes(of: $0.lowercased()) }
            guard classes.allSatisfy({ $0.isDisjoint(with: [.notName, .commonWord, .drug]) }) else { continue }
            pairs.insert(normalised(pieces[0]) + " " + normalised(pieces[1]))
        }
        return pairs
    }
}
