import Foundation

/// BERT's WordPiece tokenizer, with the basic-tokenizer rules of the Hugging Face reference:
/// special tokens matched first (case-sensitive), control characters removed, whitespace
/// normalised, CJK ideographs split, optional NFD accent stripping and lower-casing, punctuation
/// split, then greedy longest-match WordPiece with a whole-word `[UNK]` fallback.
///
/// Everything works on Unicode scalars, as the reference does, never on `Character`s.
public struct BertTokenizer: Sendable {
    public let vocabulary: WordPieceVocabulary
    public let lowercase: Bool
    public let stripAccents: Bool
    public let maxInputCharactersPerWord: Int
    public let unknownID: Int
    public let classifierID: Int
    public let separatorID: Int
    public let paddingID: Int
    /// Special-token strings recognised in raw text, longest first.
    let specialTokens: [(String, Int)]

    public init(vocabulary: WordPieceVocabulary, lowercase: Bool = true, stripAccents: Bool? = nil)
        throws(TokenizerError)
    {
        self.vocabulary = vocabulary
        self.lowercase = lowercase
        self.stripAccents = stripAccents ?? lowercase
        maxInputCharactersPerWord = 100
        func required(_ piece: String) throws(TokenizerError) -> Int {
            guard let id = vocabulary.id(of: piece) else { throw TokenizerError("the vocabulary has no \(piece) token") }
            return id
        }
        unknownID = try required("[UNK]")
        classifierID = try required("[CLS]")
        separatorID = try required("[SEP]")
        paddingID = try required("[PAD]")
        specialTokens = ["[UNK]", "[SEP]", "[PAD]", "[CLS]", "[MASK]"].compactMap { name in
            vocabulary.id(of: name).map { (name, $0) }
        }
    }

    /// Token ids of `text` without [CLS]/[SEP] and without truncation.
    public func tokenize(_ text: String) -> [Int] {
        var ids: [Int] = []
        for segment in splitSpecialTokens(Array(text.unicodeScalars)) {
            switch segment {
            case let .special(id): ids.append(id)
            case let .text(scalars):
                for word in preTokenize(normalize(scalars)) { ids += wordPiece(word) }
            }
        }
        return ids
    }

    /// `[CLS] tokens [SEP]`, keeping at most `maxLength - 2` content tokens (cut on the right).
    public func encode(_ text: String, maxLength: Int) -> [Int] {
        [classifierID] + tokenize(text).prefix(max(0, maxLength - 2)) + [separatorID]
    }

    public func pieces(_ ids: [Int]) -> [String] {
        ids.map { $0 >= 0 && $0 < vocabulary.count ? vocabulary.pieces[$0] : "?" }
    }

    // MARK: The steps

    enum Segment {
        case text([Unicode.Scalar])
        case special(Int)
    }

    func splitSpecialTokens(_ scalars: [Unicode.Scalar]) -> [Segment] {
        var segments: [Segment] = []
        var current: [Unicode.Scalar] = []
        var index = 0
        let patterns = specialTokens.map { (Array($0.0.unicodeScalars), $0.1) }
        scanning: while index < scalars.count {
            if scalars[index] == "[" {
                for (pattern, id) in patterns where index + pattern.count <= scalars.count
                    && scalars[index..<(index + pattern.count)].elementsEqual(pattern)
                {
                    if !current.isEmpty { segments.append(.text(current)) }
                    current = []
                    segments.append(.special(id))
                    index += pattern.count
                    continue scanning
                }
            }
            current.append(scalars[index])
            index += 1
        }
        if !current.isEmpty { segments.append(.text(current)) }
        return segments
    }

    func normalize(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var cleaned: [Unicode.Scalar] = []
        cleaned.reserveCapacity(scalars.count)
        for scalar in scalars {
            if scalar.value == 0 || scalar.value == 0xFFFD || Self.isControl(scalar) { continue }
            if Self.isWhitespace(scalar) {
                cleaned.append(" ")
            } else if Self.isCJK(scalar) {
                cleaned += [" ", scalar, " "]
            } else {
                cleaned.append(scalar)
            }
        }
        if stripAccents {
            var text = String.UnicodeScalarView()
            text.append(contentsOf: cleaned)
            cleaned = String(text).decomposedStringWithCanonicalMapping.unicodeScalars.filter {
                $0.properties.generalCategory != .nonspacingMark
            }
        }
        if lowercase {
            cleaned = cleaned.flatMap { scalar -> [Unicode.Scalar] in
                scalar.properties.changesWhenLowercased ? Array(scalar.properties.lowercaseMapping.unicodeScalars) : [scalar]
            }
        }
        return cleaned
    }

    /// Splits on whitespace and isolates each punctuation character.
    func preTokenize(_ scalars: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        var words: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        for scalar in scalars {
            if scalar == " " || Self.isWhitespace(scalar) {
                if !current.isEmpty { words.append(current) }
                current = []
            } else if Self.isPunctuation(scalar) {
                if !current.isEmpty { words.append(current) }
                current = []
                words.append([scalar])
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    func wordPiece(_ word: [Unicode.Scalar]) -> [Int] {
        guard word.count <= maxInputCharactersPerWord else { return [unknownID] }
        var ids: [Int] = []
        var start = 0
        let continuation: [Unicode.Scalar] = ["#", "#"]
        while start < word.count {
            var end = word.count
            var found: Int?
            while start < end {
                let piece = start > 0 ? continuation + word[start..<end] : Array(word[start..<end])
                if let id = vocabulary.id(piece) {
                    found = id
                    break
                }
                end -= 1
            }
            guard let id = found else { return [unknownID] }
            ids.append(id)
            start = end
        }
        return ids
    }

    // MARK: Character classes, as the reference defines them

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar.properties.isWhitespace
    }

    /// Other (C*) categories, except tab, line feed and carriage return.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\t" || scalar == "\n" || scalar == "\r" { return false }
        switch scalar.properties.generalCategory {
        case .control, .format, .unassigned, .privateUse, .surrogate: return true
        default: return false
        }
    }

    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if (33...47).contains(v) || (58...64).contains(v) || (91...96).contains(v) || (123...126).contains(v) {
            return true
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            return true
        default: return false
        }
    }

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F, 0x2B740...0x2B81F,
            0x2B820...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
            return true
        default: return false
        }
    }
}
