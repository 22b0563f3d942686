/// One run of a note: a word, a number, a run of spaces, a line break, or a single other scalar.
///
/// Offsets are in Unicode scalars, the unit `PHIFinding.range` reports. They are stored as `Int32` to keep
/// the token array small for multi-megabyte notes; `PHIScrubber` never hands this type more scalars than fit.
struct Token {
    enum Kind: UInt8 {
        /// Letters (any script) and combining marks, with apostrophes allowed between letters: "O'Neill".
        case word
        /// ASCII digits only. Other scripts' digits are rare in notes and are treated as symbols.
        case number
        /// Spaces and tabs, including no-break spaces.
        case space
        case newline
        /// Anything else, one scalar per token.
        case symbol
    }

    let kind: Kind
    let start32: Int32
    let end32: Int32

    var start: Int { Int(start32) }
    var end: Int { Int(end32) }
    var length: Int { Int(end32 - start32) }
}

/// A note as Unicode scalars and a token stream over them.
///
/// Every detector reads this one structure, so the text is decoded, split and looked up in the lexicon once,
/// and each detector is a linear walk over tokens instead of a regular expression over the whole note.
struct NoteText {
    let scalars: [Unicode.Scalar]
    let tokens: [Token]
    /// The lexicon classes of each word token (empty for other tokens), looked up once.
    let classes: [WordClass]

    init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
        let tokens = NoteText.tokenize(scalars)
        self.tokens = tokens
        var classes = [WordClass](repeating: [], count: tokens.count)
        // Every lexicon word is in Latin script, so words in other scripts (CJK, Arabic, Cyrillic) are not looked up.
        for index in tokens.indices
        where tokens[index].kind == .word && tokens[index].length <= Lexicon.longestWord
            && scalars[tokens[index].start].value < 0x250
        {
            classes[index] = Lexicon.classes(of: NoteText.lowercase(scalars, tokens[index]))
        }
        self.classes = classes
    }

    var count: Int { tokens.count }

    // MARK: - Token text

    func text(_ index: Int) -> String { text(scalars: tokens[index].start..<tokens[index].end) }

    /// The word in lower case; empty for anything but a word.
    func lower(_ index: Int) -> String {
        guard isWord(index) else { return "" }
        return NoteText.lowercase(scalars, tokens[index])
    }

    /// The text of a scalar range, for building keys from several tokens.
    func text(scalars range: Range<Int>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count)
        for offset in range { UTF8.encode(scalars[offset]) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: - Token tests

    func kind(_ index: Int) -> Token.Kind? { index >= 0 && index < tokens.count ? tokens[index].kind : nil }
    func isWord(_ index: Int) -> Bool { kind(index) == .word }
    func isNumber(_ index: Int) -> Bool { kind(index) == .number }
    func isSpace(_ index: Int) -> Bool { kind(index) == .space }
    func isNewline(_ index: Int) -> Bool { kind(index) == .newline }

    /// Whether the token is the single symbol `symbol`.
    func isSymbol(_ index: Int, _ symbol: Unicode.Scalar) -> Bool {
        kind(index) == .symbol && scalars[tokens[index].start] == symbol
    }

    /// Whether the token is one of the symbols in `symbols` (a short literal such as ":#.").
    func isSymbol(_ index: Int, in symbols: String) -> Bool {
        kind(index) == .symbol && symbols.unicodeScalars.contains(scalars[tokens[index].start])
    }

    /// Whether the word at `index` is of any of the classes in `wordClass`.
    func has(_ index: Int, _ wordClass: WordClass) -> Bool {
        index >= 0 && index < classes.count && classes[index].rawValue & wordClass.rawValue != 0
    }

    /// The value of a number token of at most nine digits.
    func value(_ index: Int) -> Int? {
        guard isNumber(index), tokens[index].length <= 9 else { return nil }
        var value = 0
        for scalar in scalars[tokens[index].start..<tokens[index].end] { value = value * 10 + Int(scalar.value - 48) }
        return value
    }

    func length(_ index: Int) -> Int { tokens.indices.contains(index) ? tokens[index].length : 0 }

    /// A single space token of exactly one scalar: the separator inside names, dates and numbers.
    func isSingleSpace(_ index: Int) -> Bool { isSpace(index) && tokens[index].length == 1 }

    /// Whether the word begins with a capital letter ("Maria", "NGUYEN", "McAllister").
    func isCapitalized(_ index: Int) -> Bool {
        isWord(index) && NoteText.isUppercase(scalars[tokens[index].start])
    }

    /// Whether every cased letter of the word is upper case ("MRN", "OKAFOR").
    func isAllCaps(_ index: Int) -> Bool {
        guard isWord(index) else { return false }
        var sawUpper = false
        for offset in tokens[index].start..<tokens[index].end {
            let scalar = scalars[offset]
            if NoteText.isLowercase(scalar) { return false }
            if NoteText.isUppercase(scalar) { sawUpper = true }
        }
        return sawUpper
    }

    /// Whether two consecutive tokens are written together, with no space or line break between them ("86" and
    /// "th" in "86th", "MRN" and "#" in "MRN#").
    func touching(_ first: Int, _ second: Int) -> Bool {
        guard second == first + 1, first >= 0, second < count else { return false }
        return !isBlank(first) && !isBlank(second)
    }

    /// A space or a line break.
    func isBlank(_ index: Int) -> Bool {
        let kind = tokens[index].kind
        return kind == .space || kind == .newline
    }

    // MARK: - Navigation

    /// The next token that is not a run of spaces, on the same line.
    func nextNonSpace(_ index: Int) -> Int? {
        var next = index + 1
        while next < count, tokens[next].kind == .space { next += 1 }
        return next < count && tokens[next].kind != .newline ? next : nil
    }

    /// The previous token that is not a run of spaces, on the same line.
    func previousNonSpace(_ index: Int) -> Int? {
        var previous = index - 1
        while previous >= 0, tokens[previous].kind == .space { previous -= 1 }
        return previous >= 0 && tokens[previous].kind != .newline ? previous : nil
    }

    /// The previous word on the same line, skipping spaces and the punctuation of a label ("Fax: ", "(fax) ").
    func previousWord(_ index: Int, skipping symbols: String = ":#.(-") -> Int? {
        var previous = index - 1
        while previous >= 0 {
            switch tokens[previous].kind {
            case .word: return previous
            case .space: previous -= 1
            case .symbol where symbols.unicodeScalars.contains(scalars[tokens[previous].start]): previous -= 1
            default: return nil
            }
        }
        return nil
    }

    /// The index of the token containing a scalar offset.
    func tokenIndex(containing offset: Int) -> Int {
        var low = 0
        var high = count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if tokens[middle].start <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    // MARK: - Scalars

    func scalar(_ offset: Int) -> Unicode.Scalar? { scalars.indices.contains(offset) ? scalars[offset] : nil }

    func isDigit(at offset: Int) -> Bool { scalar(offset).map(NoteText.isDigit) ?? false }
    func isAlphanumeric(at offset: Int) -> Bool {
        scalar(offset).map { NoteText.isDigit($0) || NoteText.isLetter($0) } ?? false
    }

    // MARK: - Tokenizing

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 48 && scalar.value <= 57 }

    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 128 ? scalar.value >= 65 && scalar.value <= 90 : scalar.properties.isUppercase
    }

    static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 128 ? scalar.value >= 97 && scalar.value <= 122 : scalar.properties.isLowercase
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 128 { return (value | 0x20) >= 97 && (value | 0x20) <= 122 }
        return scalar.properties.isAlphabetic
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value >= 0x300 else { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    static func isNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09: return true
        case 0..<0x80: return false
        default: return scalar.properties.generalCategory == .spaceSeparator
        }
    }

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool { scalar == "'" || scalar == "\u{2019}" }

    static func tokenize(_ scalars: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 3 + 1)
        let count = scalars.count
        var index = 0
        while index < count {
            let scalar = scalars[index]
            var end = index + 1
            let kind: Token.Kind
            if isDigit(scalar) {
                kind = .number
                while end < count, isDigit(scalars[end]) { end += 1 }
            } else if isLetter(scalar) {
                kind = .word
                while end < count {
                    let next = scalars[end]
                    if isLetter(next) || isMark(next) {
                        end += 1
                    } else if isApostrophe(next), end + 1 < count, isLetter(scalars[end + 1]) {
                        end += 2
                    } else {
                        break
                    }
                }
            } else if isSpace(scalar) {
                kind = .space
                while end < count, isSpace(scalars[end]) { end += 1 }
            } else if isNewline(scalar) {
                kind = .newline
                if scalar == "\r", end < count, scalars[end] == "\n" { end += 1 }
            } else {
                kind = .symbol
            }
            tokens.append(Token(kind: kind, start32: Int32(index), end32: Int32(end)))
            index = end
        }
        return tokens
    }

    /// A word in lower case. ASCII words (nearly all) are lowered byte by byte into the string's own storage;
    /// others go through the standard library's full case mapping.
    static func lowercase(_ scalars: [Unicode.Scalar], _ token: Token) -> String {
        let start = token.start
        let count = token.length
        var offset = start
        while offset < start + count {
            if scalars[offset].value >= 128 {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[start..<(start + count)])
                return String(view).lowercased()
            }
            offset += 1
        }
        return String(unsafeUninitializedCapacity: count) { buffer in
            var position = 0
            while position < count {
                let value = UInt8(truncatingIfNeeded: scalars[start + position].value)
                buffer[position] = value >= 65 && value <= 90 ? value + 32 : value
                position += 1
            }
            return count
        }
    }
}
