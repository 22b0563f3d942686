import Foundation

/// A WordPiece vocabulary (`vocab.txt`: one piece per line, the line number is the id).
///
/// Pieces are keyed by their Unicode scalars, not by `String`: Swift strings compare by canonical
/// equivalence, which would merge, say, a precomposed Hangul syllable with its conjoining jamo,
/// two different pieces of the vocabulary.
public struct WordPieceVocabulary: Sendable {
    let ids: [[UInt32]: Int]
    public let pieces: [String]

    public init(path: String) throws(TokenizerError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TokenizerError("\(path): vocabulary file not found")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw TokenizerError("\(path): vocabulary is not UTF-8")
        }
        var pieces: [String] = []
        var ids: [[UInt32]: Int] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let piece = line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
            let key = piece.unicodeScalars.map(\.value)
            if ids[key] == nil { ids[key] = pieces.count }
            pieces.append(piece)
        }
        if pieces.last == "" { pieces.removeLast() }
        guard pieces.count > 5 else { throw TokenizerError("\(path): vocabulary has only \(pieces.count) entries") }
        self.ids = ids
        self.pieces = pieces
    }

    public var count: Int { pieces.count }

    func id(_ scalars: some Collection<Unicode.Scalar>) -> Int? { ids[scalars.map(\.value)] }

    public func id(of piece: String) -> Int? { ids[piece.unicodeScalars.map(\.value)] }
}

/// A tokenizer or vocabulary problem, with a message that names the file.
public struct TokenizerError: Error, Equatable, Sendable, CustomStringConvertible {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
