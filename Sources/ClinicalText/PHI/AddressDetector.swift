/// Street addresses, localities and postal codes.
///
/// - Streets: a house number, an optional direction, one to four capitalised words and a street type
///   ("4417 Willow Creek Rd", "301 W 86th St", "1820 SE Hawthorne Blvd"), or a house number and a street type
///   that comes first ("4520 rue Saint-Denis"), with a unit before or after ("Flat 7, 19 Cranbrook Close",
///   "Apt 3B"); and PO boxes.
/// - Localities: "City, ST" for US states and Canadian provinces (state codes that are also clinical
///   abbreviations, such as MD, PA or CT, only when a postal code follows), "City, State", a town right before
///   a UK or Australian postcode, and "X County".
/// - Postal codes: US ZIP and ZIP+4 after a state or a "ZIP" label, UK postcodes, Canadian postal codes, and
///   Australian postcodes after the state.
enum AddressDetector {
    static func detect(in note: NoteText, into candidates: inout [Candidate]) {
        for index in 0..<note.count {
            switch note.tokens[index].kind {
            case .number:
                if let street = street(note, at: index) {
                    candidates.append(
                        Candidate(kind: .address, start: street.start, end: street.end, priority: .street))
                }
            case .word:
                detectAtWord(note, index, into: &candidates)
            default:
                break
            }
        }
    }

    static func detectAtWord(_ note: NoteText, _ index: Int, into candidates: inout [Candidate]) {
        // Everything below starts with a capital letter, except the "zip code" label.
        guard note.isCapitalized(index) || note.has(index, .postalLabel) else { return }
        if let box = poBox(note, at: index) {
            candidates.append(Candidate(kind: .address, start: note.tokens[index].start, end: box, priority: .street))
        }
        if let postcode = ukPostcode(note, at: index) ?? canadianPostalCode(note, at: index) {
            candidates.append(
                Candidate(kind: .postalCode, start: note.tokens[index].start, end: postcode, priority: .postalCode))
            if let town = townBefore(note, index) {
                candidates.append(
                    Candidate(kind: .address, start: town, end: note.tokens[index - 2].end, priority: .locality))
            }
        }
        if note.length(index) == 6, note.lower(index) == "county" || note.lower(index) == "parish",
            let town = capitalisedWordsBefore(note, index - 1, max: 2)
        {
            candidates.append(Candidate(kind: .address, start: town, end: note.tokens[index].end, priority: .locality))
        }
        detectRegion(note, at: index, into: &candidates)
        detectZipLabel(note, at: index, into: &candidates)
    }

    // MARK: - Streets

    /// A house number and what follows it, as a scalar range.
    static func street(_ note: NoteText, at index: Int) -> (start: Int, end: Int)? {
        guard note.length(index) <= 6, DateDetector.startsNumber(note, index) else { return nil }
        var last = index
        // "221B", "95-1033" (Hawaiian house numbers).
        if note.isWord(last + 1), note.touching(last, last + 1), note.length(last + 1) == 1, note.isAllCaps(last + 1) {
            last += 1
        } else if note.isSymbol(last + 1, "-"), note.isNumber(last + 2), note.touching(last, last + 1),
            note.touching(last + 1, last + 2)
        {
            last += 2
        }
        if note.touching(last, last + 1), !note.isSymbol(last + 1, ",") { return nil }
        var next = last + 1
        if note.isSymbol(next, ",") { next += 1 }
        guard note.isSingleSpace(next) else { return nil }
        next += 1
        let end: Int
        if note.has(next, .streetPrefix), let named = streetName(note, from: next + 2, requireSuffix: false),
            note.isSingleSpace(next + 1)
        {
            end = named
        } else if let named = streetName(note, from: next, requireSuffix: true) {
            end = named
        } else {
            return nil
        }
        let last2 = unitAfter(note, end) ?? end
        let start = unitBefore(note, index) ?? note.tokens[index].start
        return (start, note.tokens[last2].end)
    }

    /// The last token of a street name starting at `from`: words up to the farthest street type (or, for a
    /// street type written first, the words themselves).
    static func streetName(_ note: NoteText, from start: Int, requireSuffix: Bool) -> Int? {
        var position = start
        // A leading direction: "SE Hawthorne", "W 86th", "N. Main".
        if note.has(position, .directional), note.isCapitalized(position), note.length(position) <= 2 {
            var after = position + 1
            if note.isSymbol(after, "."), note.touching(position, after) { after += 1 }
            if note.isSingleSpace(after) { position = after + 1 }
        }
        var words = 0
        var lastWord: Int?
        var lastSuffix: Int?
        while words < 5 {
            guard let wordEnd = streetWord(note, at: position) else { break }
            words += 1
            lastWord = wordEnd
            // A street type in capitals after words that are not ("2 Head CT") is an abbreviation, not a street.
            let shouting = note.isAllCaps(position) && note.length(position) > 1
            if note.has(position, .streetSuffix), words > 1 || note.lower(position) == "broadway",
                !shouting || note.isAllCaps(start)
            {
                lastSuffix = wordEnd
            }
            guard note.isSingleSpace(wordEnd + 1) else { break }
            position = wordEnd + 2
        }
        guard var last = requireSuffix ? lastSuffix : lastWord else { return nil }
        if note.isSymbol(last + 1, "."), note.touching(last, last + 1) { last += 1 }
        // A trailing direction: "Pennsylvania Ave NW".
        if note.isSingleSpace(last + 1), note.has(last + 2, .directional), note.isAllCaps(last + 2),
            note.length(last + 2) <= 2, !note.touching(last + 2, last + 3) || note.isSymbol(last + 3, ",")
        {
            last += 2
        }
        return last
    }

    /// One word of a street name: capitalised ("Willow", "Saint-Denis", "O'Connell"), an ordinal ("86th"),
    /// or a particle inside a French or Spanish name ("de", "la"). Returns its last token.
    static func streetWord(_ note: NoteText, at index: Int) -> Int? {
        if note.isNumber(index), note.touching(index, index + 1), note.isWord(index + 1),
            ["st", "nd", "rd", "th"].contains(note.lower(index + 1))
        {
            return index + 1
        }
        if note.isWord(index), note.has(index, .particle), !note.isCapitalized(index) { return index }
        guard note.isCapitalized(index), !note.has(index, .unitDesignator) || note.has(index, .streetSuffix),
            !note.has(index, .drug)
        else { return nil }
        var last = index
        while note.isSymbol(last + 1, "-"), note.isWord(last + 2), note.touching(last, last + 1),
            note.touching(last + 1, last + 2)
        {
            last += 2
        }
        return last
    }

    /// ", Apt 3B", " Apt 12C", " Suite 210", " #4" after a street: the last token of the unit.
    static func unitAfter(_ note: NoteText, _ last: Int) -> Int? {
        var next = last + 1
        if note.isSymbol(next, ",") { next += 1 }
        guard note.isSingleSpace(next) else { return nil }
        next += 1
        if note.isSymbol(next, "#") {
            next += 1
        } else if note.has(next, .unitDesignator), note.isCapitalized(next) {
            next += 1
            if note.isSymbol(next, "."), note.touching(next - 1, next) { next += 1 }
            if note.isSingleSpace(next) { next += 1 }
            if note.isSymbol(next, "#") { next += 1 }
        } else {
            return nil
        }
        guard note.isNumber(next) || (note.isWord(next) && note.length(next) <= 2 && note.isAllCaps(next)) else {
            return nil
        }
        if note.touching(next, next + 1), note.isWord(next + 1) || note.isNumber(next + 1) { return next + 1 }
        return next
    }

    /// "Flat 7, " or "Suite 4, " before the house number: the start offset of the unit.
    static func unitBefore(_ note: NoteText, _ index: Int) -> Int? {
        guard note.isSingleSpace(index - 1), note.isSymbol(index - 2, ","),
            note.isNumber(index - 3) || note.isWord(index - 3)
        else { return nil }
        var designator = index - 3
        if note.touching(designator - 1, designator), note.isNumber(designator - 1) || note.isWord(designator - 1) {
            designator -= 1
        }
        guard note.isSingleSpace(designator - 1), note.has(designator - 2, .unitDesignator),
            note.isCapitalized(designator - 2)
        else { return nil }
        return note.tokens[designator - 2].start
    }

    /// "PO Box 1234", "P.O. Box 12": the end offset.
    static func poBox(_ note: NoteText, at index: Int) -> Int? {
        guard note.length(index) <= 2, note.scalars[note.tokens[index].start] == "P" else { return nil }
        var next = index
        if note.lower(index) == "po" {
            next += 1
        } else if note.lower(index) == "p", note.isSymbol(index + 1, "."), note.lower(index + 2) == "o" {
            next += 3
            if note.isSymbol(next, ".") { next += 1 }
        } else {
            return nil
        }
        if note.isSingleSpace(next) { next += 1 }
        guard note.isWord(next), note.lower(next) == "box", note.isSingleSpace(next + 1), note.isNumber(next + 2) else {
            return nil
        }
        return note.tokens[next + 2].end
    }

    // MARK: - Localities

    /// One to `max` capitalised words ending at token `last` (a town, a city), as the start offset.
    static func capitalisedWordsBefore(_ note: NoteText, _ last: Int, max: Int) -> Int? {
        var position = last
        if note.isSingleSpace(position) { position -= 1 }
        var start: Int?
        var words = 0
        while words < max, isPlaceWord(note, position) {
            // Hyphenated names: "Saint-Laurent", "Stratford-upon-Avon".
            var first = position
            while note.isSymbol(first - 1, "-"), note.isWord(first - 2), note.touching(first - 2, first - 1),
                note.touching(first - 1, first)
            {
                first -= 2
            }
            start = note.tokens[first].start
            words += 1
            guard note.isSingleSpace(first - 1), isPlaceWord(note, first - 2) else { break }
            position = first - 2
        }
        return start
    }

    static func isPlaceWord(_ note: NoteText, _ index: Int) -> Bool {
        guard note.isCapitalized(index) else { return false }
        if placePrefixes.contains(note.lower(index)) { return true }
        return !note.has(index, .notName) && !note.has(index, .drug) && !note.has(index, .credential)
            && !note.has(index, .streetSuffix) && !note.has(index, .unitDesignator) && !note.has(index, .month)
            && !note.has(index, .regionCode)
    }

    /// Words that begin place names and would otherwise be rejected as ordinary words.
    static let placePrefixes: Set<String> = [
        "new", "saint", "st", "mount", "mt", "fort", "ft", "port", "lake", "north", "south", "east", "west", "san",
        "santa", "los", "las", "el", "la", "le", "grand", "palm", "long", "little", "great", "upper", "lower",
        "city",
    ]

    /// A town right before a postcode that begins at token `index`: "Leeds LS2 9JT", "Kedron QLD 4031".
    static func townBefore(_ note: NoteText, _ index: Int) -> Int? {
        guard note.isSingleSpace(index - 1), let start = capitalisedWordsBefore(note, index - 2, max: 2) else {
            return nil
        }
        // The town must begin a line, a field or an address part: after a comma, a colon or a line break.
        let first = note.tokenIndex(containing: start)
        guard let before = note.previousNonSpace(first) else { return start }
        return note.isSymbol(before, ",") || note.isSymbol(before, ":") ? start : nil
    }

    /// "Brookline, MA 02446", "Montréal, QC H2J 2L3", "Springfield, Illinois", "Kedron QLD 4031".
    static func detectRegion(_ note: NoteText, at index: Int, into candidates: inout [Candidate]) {
        let isCode = note.has(index, .regionCode) && note.isAllCaps(index)
        let isName = note.has(index, .regionName) && note.isCapitalized(index)
        guard isCode || isName else { return }
        let postcode = postcodeAfter(note, region: index)
        let afterComma =
            note.isSingleSpace(index - 1) && note.isSymbol(index - 2, ",") && note.touching(index - 3, index - 2)
        let townEnd: Int
        if afterComma {
            if isCode, note.has(index, .ambiguousRegionCode), postcode == nil { return }
            townEnd = index - 3
        } else if note.isSingleSpace(index - 1), postcode != nil, isCode {
            townEnd = index - 2
        } else {
            return
        }
        // Not the end of a sentence that happens to continue ("..., Georgia" as a first name is left to names).
        if isName, let next = note.nextNonSpace(index), note.isWord(next), !note.isCapitalized(next) { return }
        guard let town = capitalisedWordsBefore(note, townEnd, max: 3) else { return }
        candidates.append(Candidate(kind: .address, start: town, end: note.tokens[index].end, priority: .locality))
        if let postcode {
            candidates.append(
                Candidate(
                    kind: .postalCode, start: note.tokens[postcode.first].start, end: postcode.end,
                    priority: .postalCode))
        }
    }

    /// A postal code after a region: US ZIP or ZIP+4, Canadian, or Australian after an Australian state.
    static func postcodeAfter(_ note: NoteText, region: Int) -> (first: Int, end: Int)? {
        guard note.isSingleSpace(region + 1) || (note.isSpace(region + 1) && note.length(region + 1) <= 2) else {
            return nil
        }
        let first = region + 2
        if note.isNumber(first) {
            if note.has(region, .australianState) {
                return note.length(first) == 4 && !note.touching(first, first + 1)
                    ? (first, note.tokens[first].end) : nil
            }
            return zip(note, at: first).map { (first, $0) }
        }
        if let end = canadianPostalCode(note, at: first, requireSpace: false) { return (first, end) }
        return nil
    }

    /// "62704" or "62704-1234", not followed by more digits: the end offset.
    static func zip(_ note: NoteText, at index: Int) -> Int? {
        guard note.isNumber(index), note.length(index) == 5 else { return nil }
        if note.isSymbol(index + 1, "-"), note.isNumber(index + 2), note.length(index + 2) == 4,
            note.touching(index, index + 1), note.touching(index + 1, index + 2)
        {
            return note.tokens[index + 2].end
        }
        if note.touching(index, index + 1), note.isNumber(index + 1) || note.isWord(index + 1) { return nil }
        return note.tokens[index].end
    }

    /// "ZIP: 62704", "zip code 62704", "Postal code K1A 0B1", "Postcode: 4031".
    static func detectZipLabel(_ note: NoteText, at index: Int, into candidates: inout [Candidate]) {
        guard note.has(index, .postalLabel) else { return }
        let word = note.lower(index)
        var next = index + 1
        if word == "postal" || word == "post" || word == "zip" {
            if let code = note.nextNonSpace(index), ["code", "codes"].contains(note.lower(code)) {
                next = code + 1
            } else if word != "zip" {
                return
            }
        } else if word != "postcode" && word != "zipcode" {
            return
        }
        while note.isSpace(next) || note.isSymbol(next, ":") || note.isSymbol(next, "#") { next += 1 }
        let end: Int?
        if note.isNumber(next), note.length(next) == 4 || note.length(next) == 5 {
            end = zip(note, at: next) ?? note.tokens[next].end
        } else if note.isWord(next) {
            end = ukPostcode(note, at: next) ?? canadianPostalCode(note, at: next, requireSpace: false)
        } else {
            end = nil
        }
        if let end {
            candidates.append(
                Candidate(kind: .postalCode, start: note.tokens[next].start, end: end, priority: .postalCode))
        }
    }

    // MARK: - Postcodes with letters

    static func isUpper(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 65 && scalar.value <= 90 }

    /// UK postcodes: A9 9AA, A99 9AA, AA9 9AA, AA99 9AA, A9A 9AA, AA9A 9AA, in capitals, as the end offset.
    static func ukPostcode(_ note: NoteText, at index: Int) -> Int? {
        guard note.isWord(index), !note.touching(index - 1, index) || !note.isNumber(index - 1) else { return nil }
        let scalars = note.scalars
        var position = note.tokens[index].start
        func take(_ test: (Unicode.Scalar) -> Bool) -> Bool {
            guard position < scalars.count, test(scalars[position]) else { return false }
            position += 1
            return true
        }
        guard take(isUpper) else { return nil }
        _ = take(isUpper)
        guard take(NoteText.isDigit) else { return nil }
        _ = take(NoteText.isDigit) || take(isUpper)
        guard take({ $0 == " " }), take(NoteText.isDigit) else { return nil }
        let inward: (Unicode.Scalar) -> Bool = { isUpper($0) && !"CIKMOV".unicodeScalars.contains($0) }
        guard take(inward), take(inward) else { return nil }
        if position < scalars.count, NoteText.isLetter(scalars[position]) || NoteText.isDigit(scalars[position]) {
            return nil
        }
        return position
    }

    /// Canadian postal codes: A9A 9A9, as the end offset. Without the space ("H2J2L3") only after a province
    /// or a postal-code label, since "E3V4M6" is a Glasgow Coma Scale.
    static func canadianPostalCode(_ note: NoteText, at index: Int, requireSpace: Bool = true) -> Int? {
        guard note.isWord(index), !note.touching(index - 1, index) || !note.isNumber(index - 1) else { return nil }
        let scalars = note.scalars
        var position = note.tokens[index].start
        let letter: (Unicode.Scalar) -> Bool = { isUpper($0) && !"DFIOQU".unicodeScalars.contains($0) }
        func take(_ test: (Unicode.Scalar) -> Bool) -> Bool {
            guard position < scalars.count, test(scalars[position]) else { return false }
            position += 1
            return true
        }
        guard take({ letter($0) && $0 != "W" && $0 != "Z" }), take(NoteText.isDigit), take(letter) else { return nil }
        guard take({ $0 == " " }) || !requireSpace, take(NoteText.isDigit), take(letter), take(NoteText.isDigit) else {
            return nil
        }
        if position < scalars.count, NoteText.isLetter(scalars[position]) || NoteText.isDigit(scalars[position]) {
            return nil
        }
        return position
    }
}
