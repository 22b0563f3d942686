/// Person names found by the words around them.
///
/// Names have no shape of their own, so every name here is announced by a cue: a title ("Dr.", "Mrs"), a
/// credential after it ("Linda Hwang, MD"), a header field ("Patient:", "Attending:", "Name: DOE, JOHN"), a
/// hand-off phrase ("seen by", "discussed with"), a family member ("daughter Elena", "Kenji Tanaka (son)"), a
/// job title ("case manager Olivia Martins"), or a letter's salutation and sign-off. A name found by a cue is
/// then scrubbed wherever it recurs in the note (`repetitions`). Names with no cue anywhere in the note are
/// missed; this is the main known limit.
enum NameDetector {
    static func detect(in note: NoteText, into candidates: inout [Candidate]) {
        func add(_ name: NameMatch?, _ priority: Priority, vetoEponyms: Bool = true) {
            guard let name, !(vetoEponyms && note.isEponymUse(name)) else { return }
            let range = note.scalarRange(of: name)
            candidates.append(
                Candidate(kind: .name, start: range.lowerBound, end: range.upperBound, priority: priority))
        }
        for index in 0..<note.count where note.classes[index].rawValue & cueClasses.rawValue != 0 {
            let classes = note.classes[index]
            if classes.contains(.title) { add(afterTitle(note, index), .titleName, vetoEponyms: false) }
            if classes.contains(.nameLabel) { add(afterLabel(note, index), .labelName) }
            if classes.contains(.credential) { add(beforeCredential(note, index), .credentialName) }
            if classes.contains(.leadingCredential) { add(afterLeadingCredential(note, index), .relationName) }
            if classes.contains(.relation) {
                add(afterRelation(note, index), .relationName)
                add(beforeRelation(note, index), .relationName)
            }
            if classes.contains(.role) { add(afterRole(note, index), .relationName) }
            guard classes.contains(.nameCueWord) else { continue }
            switch note.lower(index) {
            case "by": add(afterVerb(note, index, .byVerb), .credentialName)
            case "with": add(afterVerb(note, index, .withVerb), .credentialName)
            case "baby": add(afterBaby(note, index), .titleName)
            case "dear": add(afterSalutation(note, index), .titleName)
            case "sincerely", "regards", "faithfully", "truly", "cordially": add(afterSignOff(note, index), .titleName)
            default: break
            }
        }
    }

    /// The classes of words that can announce a name; other words are skipped without further tests.
    static let cueClasses: WordClass = [
        .title, .nameLabel, .credential, .leadingCredential, .relation, .role, .nameCueWord,
    ]

    /// After "Dr.", "Mrs", "Prof": a title is strong evidence, so eponyms are not vetoed ("Dr. Parkinson").
    /// Titles in capitals ("MR", "MS") need their dot, since MR and MS are also clinical abbreviations.
    static func afterTitle(_ note: NoteText, _ index: Int) -> NameMatch? {
        var next = index + 1
        let dotted = note.isSymbol(next, ".") && note.touching(index, next)
        if dotted { next += 1 }
        if note.isAllCaps(index), note.length(index) > 1, !dotted { return nil }
        let lowercase = !note.isCapitalized(index)
        // A title typed in lower case ("dr. alvarez") only with its dot, and only "dr".
        if lowercase, !dotted || !["dr", "doctor"].contains(note.lower(index)) { return nil }
        guard note.isSpace(next), note.length(next) <= 2 else { return nil }
        var rules = NameRules(maxWords: 4, allowAllCaps: true)
        if lowercase {
            rules.allowLowercase = true
            rules.maxWords = 2
        }
        return note.parseName(from: next + 1, rules: rules)
    }

    /// After "Patient:", "Pt name:", "Attending:", "Dictated by:", "Name:", and "patient," as in
    /// "Participant 2: patient, Sarah Whitlock". Allows "SURNAME, GIVEN" and skips a title or "Baby Boy".
    static func afterLabel(_ note: NoteText, _ index: Int) -> NameMatch? {
        var next = index + 1
        if note.isSingleSpace(next), note.isSymbol(next + 1, ":") { next += 1 }
        if note.isSymbol(next, ":") {
            next += 1
        } else if note.isSymbol(next, ","), ["patient", "pt", "client"].contains(note.lower(index)) {
            next += 1
        } else {
            return nil
        }
        guard note.isSpace(next) else { return nil }
        next += 1
        next = skipTitle(note, next)
        next = skipBabyBoy(note, next)
        return note.parseName(from: next, rules: NameRules(maxWords: 5, allowSurnameFirst: true, allowAllCaps: true))
    }

    static func skipTitle(_ note: NoteText, _ index: Int) -> Int {
        guard note.has(index, .title), note.isCapitalized(index) else { return index }
        var next = index + 1
        if note.isSymbol(next, "."), note.touching(index, next) { next += 1 }
        return note.isSingleSpace(next) ? next + 1 : index
    }

    static func skipBabyBoy(_ note: NoteText, _ index: Int) -> Int {
        guard note.lower(index) == "baby", note.isSingleSpace(index + 1),
            ["boy", "girl"].contains(note.lower(index + 2)), note.isSingleSpace(index + 3)
        else { return index }
        return index + 4
    }

    /// Credentials that are also common abbreviations (DO, PA, MS, PT, OT, RT) only count after a comma.
    static let credentialsNeedingComma: Set<String> = ["do", "pa", "ms", "pt", "ot", "rt", "rd", "cns", "emt", "ma"]

    /// Before "MD", "RN", "PA-C", ", MD, FACS": walks back over a chain of credentials, then the name.
    static func beforeCredential(_ note: NoteText, _ index: Int) -> NameMatch? {
        guard note.isCapitalized(index), !note.isSymbol(index + 1, ":"),
            !(note.isSingleSpace(index + 1) && note.isSymbol(index + 2, ":"))
        else { return nil }
        var position = index
        // Skip back over earlier credentials of the same chain: "Sunita Reddy, PT, DPT".
        while true {
            guard note.isSingleSpace(position - 1) else { return nil }
            let comma = note.isSymbol(position - 2, ",")
            if !comma, credentialsNeedingComma.contains(note.lower(position)) { return nil }
            let before = comma ? position - 3 : position - 2
            if note.has(before, .credential), note.isAllCaps(before) || note.isCapitalized(before),
                !note.touching(before - 1, before)
            {
                position = before
                continue
            }
            guard let name = note.parseNameBackwards(endingAt: before, rules: NameRules(maxWords: 4)) else {
                return nil
            }
            // One word in capitals before "MD" is more likely an abbreviation than a surname.
            if name.words.count == 1, note.isAllCaps(name.words[0]), name.first == name.words[0] { return nil }
            return name
        }
    }

    /// After a role credential: "night RN Grace O'Sullivan", "receiving RN Marco Bianchi".
    static func afterLeadingCredential(_ note: NoteText, _ index: Int) -> NameMatch? {
        guard note.isAllCaps(index), note.isSingleSpace(index + 1) else { return nil }
        return note.parseName(from: index + 2, rules: NameRules(maxWords: 3, allowAllCaps: false))
    }

    /// After a family member: "daughter Elena", "Her daughter, Susan", "Wife (Funmilayo)", "Son (Peter)",
    /// "son-in-law Mark Jones", "roommate (Mr. Ignatius Obi".
    static func afterRelation(_ note: NoteText, _ index: Int) -> NameMatch? {
        // "father's death": a possessive relation is not followed by that relative's name.
        let end = note.tokens[index].end
        if note.length(index) > 2, NoteText.isApostrophe(note.scalars[end - 2]) { return nil }
        var next = index + 1
        if note.isSymbol(next, "-"), note.lower(next + 1) == "in", note.isSymbol(next + 2, "-"),
            note.lower(next + 3) == "law"
        {
            next += 4
        }
        if note.isSingleSpace(next), note.isSymbol(next + 1, "(") { next += 1 }
        if note.isSymbol(next, in: ":,(") { next += 1 }
        if note.isSingleSpace(next) {
            next += 1
        } else if !note.isSymbol(next - 1, "(") {
            return nil
        }
        next = skipTitle(note, next)
        return note.parseName(from: next, rules: NameRules(maxWords: 3, allowAllCaps: false))
    }

    /// Before a family member in brackets: "Kenji Tanaka (son)", "Nathan Goldberg (spouse)".
    static func beforeRelation(_ note: NoteText, _ index: Int) -> NameMatch? {
        guard note.isSymbol(index - 1, "("), note.touching(index - 1, index), note.isSingleSpace(index - 2) else {
            return nil
        }
        return note.parseNameBackwards(endingAt: index - 3, rules: NameRules(maxWords: 4, allowAllCaps: false))
    }

    /// After a job title, a full name of at least two words: "case manager Olivia Martins".
    static func afterRole(_ note: NoteText, _ index: Int) -> NameMatch? {
        guard note.isSingleSpace(index + 1) else { return nil }
        return note.parseName(from: index + 2, rules: NameRules(maxWords: 3, minWords: 2, allowAllCaps: false))
    }

    /// After "seen by", "electronically signed by", "discussed with", "spoke with".
    static func afterVerb(_ note: NoteText, _ index: Int, _ verbClass: WordClass) -> NameMatch? {
        guard let verb = note.previousWord(index, skipping: ""), note.has(verb, verbClass),
            note.isSingleSpace(index + 1)
        else { return nil }
        let next = skipTitle(note, index + 2)
        return note.parseName(from: next, rules: NameRules(maxWords: 4, allowAllCaps: true))
    }

    /// "Baby Boy Mensah", "Baby Girl Nguyen": the family name of a newborn.
    static func afterBaby(_ note: NoteText, _ index: Int) -> NameMatch? {
        let next = skipBabyBoy(note, index)
        guard next != index else { return nil }
        return note.parseName(from: next, rules: NameRules(maxWords: 2, allowAllCaps: true))
    }

    /// "Dear Priya," (a "Dear Dr ..." is found by its title).
    static func afterSalutation(_ note: NoteText, _ index: Int) -> NameMatch? {
        guard note.isCapitalized(index), note.isSingleSpace(index + 1) else { return nil }
        return note.parseName(from: index + 2, rules: NameRules(maxWords: 3, allowAllCaps: false))
    }

    /// A name alone on a line after "Sincerely," or "Kind regards," (possibly after a blank line).
    static func afterSignOff(_ note: NoteText, _ index: Int) -> NameMatch? {
        var next = index + 1
        if note.isSymbol(next, ",") { next += 1 }
        var lines = 0
        while note.isNewline(next) || note.isSpace(next) {
            if note.isNewline(next) { lines += 1 }
            next += 1
        }
        guard (1...3).contains(lines) else { return nil }
        next = skipTitle(note, next)
        guard let name = note.parseName(from: next, rules: NameRules(maxWords: 4, allowAllCaps: true)) else {
            return nil
        }
        // The line must hold the name (and perhaps a credential), not the start of a sentence.
        var after = name.last + 1
        if note.isSymbol(after, ",") { after += 1 }
        if note.isSpace(after) { after += 1 }
        let endsLine = after >= note.count || note.isNewline(after) || note.has(after, .credential)
        return endsLine ? name : nil
    }
}
