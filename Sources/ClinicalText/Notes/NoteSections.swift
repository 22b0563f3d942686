/// Splits a note into sections at header lines such as "HISTORY OF PRESENT ILLNESS:" or
/// "Impression:", so that later stages (scrubbing, the lexical index) can weigh them differently.
public struct NoteSection: Sendable, Equatable {
    /// The canonical name ("history", "medications", "findings", ...); "preamble" before the first header.
    public let name: String
    /// The header as written, without the colon (empty for the preamble).
    public let header: String
    public let text: String
}

public enum NoteSectioner {
    /// Header words to canonical section names. A line is a header when it starts with one of these
    /// (case-insensitive) followed by a colon, or is one of them alone in capitals.
    static let canonical: [(String, String)] = [
        ("history of present illness", "history"), ("hpi", "history"), ("history", "history"),
        ("past medical history", "past history"), ("pmh", "past history"), ("past surgical history", "past history"),
        ("social history", "social history"), ("family history", "family history"),
        ("chief complaint", "chief complaint"), ("reason for visit", "chief complaint"),
        ("reason for exam", "indication"), ("indication", "indication"), ("clinical history", "indication"),
        ("medications", "medications"), ("current medications", "medications"),
        ("discharge medications", "medications"), ("meds", "medications"),
        ("allergies", "allergies"), ("review of systems", "review of systems"), ("ros", "review of systems"),
        ("physical exam", "examination"), ("physical examination", "examination"), ("examination", "examination"),
        ("vital signs", "vitals"), ("vitals", "vitals"), ("labs", "results"), ("laboratory", "results"),
        ("results", "results"), ("technique", "technique"), ("comparison", "comparison"),
        ("findings", "findings"), ("impression", "impression"), ("conclusion", "impression"),
        ("assessment and plan", "assessment"), ("assessment", "assessment"), ("diagnosis", "assessment"),
        ("plan", "plan"), ("recommendations", "plan"), ("disposition", "plan"), ("hospital course", "course"),
        ("course", "course"), ("procedure", "procedure"), ("interpretation", "impression"),
    ]

    public static func sections(of text: String) -> [NoteSection] {
        var sections: [NoteSection] = []
        var name = "preamble"
        var header = ""
        var body: [Substring] = []
        func flush() {
            let joined = body.joined(separator: "\n")
            if !joined.allSatisfy(\.isWhitespace) || !header.isEmpty {
                sections.append(NoteSection(name: name, header: header, text: joined))
            }
            body = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let (found, written, rest) = headerMatch(line) {
                flush()
                name = found
                header = written
                if !rest.isEmpty { body.append(rest) }
            } else {
                body.append(line)
            }
        }
        flush()
        return sections
    }

    static func headerMatch(_ line: Substring) -> (String, String, Substring)? {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        let lower = trimmed.lowercased()
        for (word, name) in canonical where lower.hasPrefix(word) {
            let after = trimmed.dropFirst(word.count)
            if after.first == ":" {
                return (name, String(trimmed.prefix(word.count)), after.dropFirst().drop { $0 == " " })
            }
            if after.allSatisfy({ $0 == " " }) && trimmed.uppercased() == String(trimmed) {
                return (name, String(trimmed.prefix(word.count)), "")
            }
        }
        return nil
    }
}
