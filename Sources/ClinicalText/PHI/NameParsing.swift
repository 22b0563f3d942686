/// A person's name as a run of tokens: "Maria Gonzalez", "NGUYEN, THI HOA", "T. Baptiste",
/// "Pieter van der Merwe", "Ji-woo Park".
struct NameMatch {
    /// First and last token of the whole name.
    let first: Int
    let last: Int
    /// The first token of each name word, hyphenated compounds counted once ("Al-Sayed"); initials and
    /// particles excluded.
    let words: [Int]
}

/// How strictly a name is read after a cue.
struct NameRules {
    var maxWords = 4
    var minWords = 1
    /// "GONZALEZ, MARIA", "Kim, Soo-ah": surname first, as in note headers.
    var allowSurnameFirst = false
    /// Words in capitals ("NGUYEN"): fine in headers, doubtful in running text.
    var allowAllCaps = true
    /// A name typed in lower case after "dr.", as patients write in portal messages.
    var allowLowercase = false
}

extension NoteText {
    /// The last token of a name word that starts at `index`: a capitalised word, possibly hyphenated
    /// ("Álvarez-Ruiz", "Hyun-woo"), that is not an ordinary clinical or English word.
    func nameWordEnd(at index: Int, rules: NameRules) -> Int? {
        guard isWord(index), length(index) >= 2, !has(index, .neverName) else { return nil }
        if isCapitalized(index) {
            if !rules.allowAllCaps, isAllCaps(index) { return nil }
        } else {
            guard rules.allowLowercase, length(index) >= 3, !has(index, .commonWord), !has(index, .particle) else {
                return nil
            }
        }
        var last = index
        while isSymbol(last + 1, "-"), isWord(last + 2), touching(last, last + 1), touching(last + 1, last + 2) {
            // "Follow-up", "Self-pay": a compound with an ordinary word is not a name.
            if has(last + 2, .notName) { return nil }
            last += 2
        }
        return last
    }

    /// A capital initial, with or without a dot: "T." in "T. Baptiste", "R" in "EMILY R". Returns its last token.
    func initialEnd(at index: Int) -> Int? {
        guard isWord(index), length(index) == 1, isCapitalized(index) else { return nil }
        return isSymbol(index + 1, ".") && touching(index, index + 1) ? index + 1 : index
    }

    func isLowercaseParticle(_ index: Int) -> Bool { has(index, .particle) && !isCapitalized(index) }

    /// Reads a name forwards from `start`. Words are separated by single spaces; two spaces end a header field.
    func parseName(from start: Int, rules: NameRules) -> NameMatch? {
        var words: [Int] = []
        var initials = 0
        var last: Int?
        var position = start
        var sawComma = false
        while words.count + initials < rules.maxWords {
            if let end = nameWordEnd(at: position, rules: rules) {
                words.append(position)
                last = end
            } else if let end = initialEnd(at: position),
                last != nil || nameWordEnd(at: end + 2, rules: rules) != nil && isSingleSpace(end + 1)
            {
                initials += 1
                last = end
            } else if last != nil, isLowercaseParticle(position), isSingleSpace(position + 1) {
                // "van der Merwe": particles only between name words.
                var next = position
                while isLowercaseParticle(next), isSingleSpace(next + 1) { next += 2 }
                guard nameWordEnd(at: next, rules: rules) != nil else { break }
                position = next
                continue
            } else {
                break
            }
            guard let end = last else { break }
            if isSingleSpace(end + 1) {
                position = end + 2
                continue
            }
            // "GONZALEZ, MARIA": one surname (or a header in capitals), a comma, then the given names.
            if rules.allowSurnameFirst, !sawComma, isSymbol(end + 1, ","), isSingleSpace(end + 2), words.count <= 2,
                words.count == 1 || words.allSatisfy({ isAllCaps($0) }),
                nameWordEnd(at: end + 3, rules: rules) != nil
            {
                sawComma = true
                position = end + 3
                continue
            }
            break
        }
        guard let last, words.count >= rules.minWords, !words.isEmpty else { return nil }
        return NameMatch(first: start, last: last, words: words)
    }

    /// Reads a name backwards from `end` (its last token): for "Linda Hwang, MD" and "Kenji Tanaka (son)".
    func parseNameBackwards(endingAt end: Int, rules: NameRules) -> NameMatch? {
        var words: [Int] = []
        var first: Int?
        var position = end
        var count = 0
        while count < rules.maxWords {
            if isSymbol(position, "."), initialEnd(at: position - 1) == position {
                first = position - 1
                position -= 2
            } else if isWord(position) {
                var start = position
                while isSymbol(start - 1, "-"), isWord(start - 2), touching(start - 2, start - 1),
                    touching(start - 1, start)
                {
                    start -= 2
                }
                if nameWordEnd(at: start, rules: rules) == position {
                    words.insert(start, at: 0)
                } else if initialEnd(at: start) == position {
                    // An initial without its dot: "JAMES T HOLLOWAY".
                } else if first != nil, isLowercaseParticle(start) {
                    // Particles between words: "van der Merwe".
                } else {
                    break
                }
                first = start
                position = start - 1
            } else {
                break
            }
            count += 1
            guard isSingleSpace(position) else { break }
            position -= 1
        }
        guard var first, !words.isEmpty, words.count >= rules.minWords else { return nil }
        // A name does not start with a particle.
        while isLowercaseParticle(first), isSingleSpace(first + 1) { first += 2 }
        return NameMatch(first: first, last: end, words: words)
    }

    /// Whether the word after the name makes it a condition, sign or device: "Parkinson disease", "Foley
    /// catheter", "Murphy sign", "Barrett's oesophagus", "Guillain-Barre syndrome".
    func isEponymUse(_ name: NameMatch) -> Bool {
        let words = (name.first...name.last).filter { isWord($0) }
        guard words.contains(where: { has($0, .eponym) }) else { return false }
        // "Glasgow Coma Scale": the context word was read as part of the name.
        if words.contains(where: { has($0, .eponymContext) }) { return true }
        var next = name.last + 1
        if isSingleSpace(next) || isSymbol(next, "-") { next += 1 }
        // "Parkinson disease", and scores: "Apgar 8", "Braden 18".
        return has(next, .eponymContext) || isNumber(next)
    }

    /// The scalar range of a name, without a trailing possessive "'s".
    func scalarRange(of name: NameMatch) -> Range<Int> {
        var end = tokens[name.last].end
        if isWord(name.last), end - tokens[name.last].start > 2, scalars[end - 1] == "s",
            NoteText.isApostrophe(scalars[end - 2])
        {
            end -= 2
        }
        return tokens[name.first].start..<end
    }
}
