/// What a word can be, as far as the detectors care. A word can be several things: "Dr" is a title and a
/// street suffix, "Down" is an eponym, "MD" is a credential and a state.
struct WordClass: OptionSet, Sendable {
    let rawValue: UInt64

    static let title = WordClass(rawValue: 1 << 0)
    static let credential = WordClass(rawValue: 1 << 1)
    static let leadingCredential = WordClass(rawValue: 1 << 2)
    static let nameLabel = WordClass(rawValue: 1 << 3)
    static let byVerb = WordClass(rawValue: 1 << 4)
    static let withVerb = WordClass(rawValue: 1 << 5)
    static let relation = WordClass(rawValue: 1 << 6)
    static let role = WordClass(rawValue: 1 << 7)
    static let particle = WordClass(rawValue: 1 << 8)
    static let eponym = WordClass(rawValue: 1 << 9)
    static let eponymContext = WordClass(rawValue: 1 << 10)
    static let drug = WordClass(rawValue: 1 << 11)
    static let notName = WordClass(rawValue: 1 << 12)
    static let commonWord = WordClass(rawValue: 1 << 13)
    static let month = WordClass(rawValue: 1 << 14)
    static let dateCue = WordClass(rawValue: 1 << 15)
    static let fractionContext = WordClass(rawValue: 1 << 16)
    static let timeCue = WordClass(rawValue: 1 << 17)
    static let quantityUnit = WordClass(rawValue: 1 << 18)
    static let ratioContext = WordClass(rawValue: 1 << 19)
    static let phoneCue = WordClass(rawValue: 1 << 20)
    static let faxCue = WordClass(rawValue: 1 << 21)
    static let identifierCue = WordClass(rawValue: 1 << 22)
    static let identifierHead = WordClass(rawValue: 1 << 23)
    static let identifierQualifier = WordClass(rawValue: 1 << 24)
    static let ageCue = WordClass(rawValue: 1 << 25)
    static let streetSuffix = WordClass(rawValue: 1 << 26)
    static let streetPrefix = WordClass(rawValue: 1 << 27)
    static let unitDesignator = WordClass(rawValue: 1 << 28)
    static let directional = WordClass(rawValue: 1 << 29)
    static let regionCode = WordClass(rawValue: 1 << 30)
    static let ambiguousRegionCode = WordClass(rawValue: 1 << 31)
    static let regionName = WordClass(rawValue: 1 << 32)
    static let australianState = WordClass(rawValue: 1 << 33)
    /// "by", "with", "dear", "baby", "sincerely": words the name detector looks at beyond the cue lists.
    static let nameCueWord = WordClass(rawValue: 1 << 34)
    /// "zip", "postal", "postcode".
    static let postalLabel = WordClass(rawValue: 1 << 35)

    /// Words that cannot be part of a person's name found by a cue.
    static let neverName: WordClass = [.notName, .drug, .title, .credential, .relation]
}

/// One table from lower-case word to `WordClass`, so a note's words are each looked up once.
enum Lexicon {
    /// The length of the longest word in the table, in scalars: longer words are not looked up.
    static let longestWord = table.keys.map(\.unicodeScalars.count).max() ?? 0

    static func classes(of lowercased: String) -> WordClass {
        if let classes = table[lowercased] { return classes }
        // Possessives share the classes of the word: "Barrett's", "Parkinson's", "patient's".
        if lowercased.hasSuffix("'s") || lowercased.hasSuffix("\u{2019}s") {
            return table[String(lowercased.unicodeScalars.dropLast(2))] ?? []
        }
        return []
    }

    static let table: [String: WordClass] = {
        var table: [String: WordClass] = [:]
        func add(_ words: some Sequence<String>, _ wordClass: WordClass) {
            for word in words { table[word, default: []].insert(wordClass) }
        }
        add(CueWords.titles, .title)
        add(CueWords.credentials, .credential)
        add(CueWords.leadingCredentials, .leadingCredential)
        add(CueWords.nameLabels, .nameLabel)
        add(CueWords.byVerbs, .byVerb)
        add(CueWords.withVerbs, .withVerb)
        add(CueWords.relations, .relation)
        add(CueWords.roles, .role)
        add(CueWords.particles, .particle)
        add(ClinicalLexicon.eponyms, .eponym)
        add(ClinicalLexicon.eponymContexts, .eponymContext)
        add(ClinicalLexicon.drugs, .drug)
        add(ClinicalLexicon.notNames, .notName)
        add(ClinicalLexicon.commonWords, .commonWord)
        add(CueWords.months.keys, .month)
        add(CueWords.dateCues, .dateCue)
        add(CueWords.fractionContexts, .fractionContext)
        add(CueWords.timeCues, .timeCue)
        add(CueWords.quantityUnits, .quantityUnit)
        add(CueWords.ratioContexts, .ratioContext)
        add(CueWords.phoneCues, .phoneCue)
        add(CueWords.faxCues, .faxCue)
        add(CueWords.identifierCues, .identifierCue)
        add(CueWords.identifierHeads, .identifierHead)
        add(CueWords.identifierQualifiers, .identifierQualifier)
        add(CueWords.ageCues, .ageCue)
        add(CueWords.streetSuffixes, .streetSuffix)
        add(CueWords.streetPrefixes, .streetPrefix)
        add(CueWords.unitDesignators, .unitDesignator)
        add(CueWords.directionals, .directional)
        add(CueWords.regionCodes, .regionCode)
        add(CueWords.ambiguousRegionCodes, .ambiguousRegionCode)
        add(CueWords.regionNames, .regionName)
        add(CueWords.australianStates, .australianState)
        add(["by", "with", "dear", "baby", "sincerely", "regards", "faithfully", "truly", "cordially"], .nameCueWord)
        add(["zip", "zipcode", "postal", "post", "postcode"], .postalLabel)
        return table
    }()
}
