/// The kinds of protected health information the scrubber removes.
///
/// The set follows the identifiers of the HIPAA Safe Harbor method that occur in free text (names, dates
/// other than the year, contact details, record numbers, ages over 89, geography below the state), split
/// where a reader of the scrubbed note benefits from knowing what was there: a `[TIME]` next to a `[DATE]`
/// keeps the timeline readable, a `[FAX]` tells the reader a number was a fax line.
public enum PHIKind: String, CaseIterable, Codable, Sendable {
    case name, date, time, phone, fax, email, url, ipAddress, identifier, age, address, postalCode

    /// The placeholder written in place of the text, e.g. "[DATE]".
    ///
    /// Placeholders are typed rather than blank so that text derived from a scrubbed note (embeddings,
    /// summaries, search) still knows that a date or a name stood there, without knowing which.
    public var placeholder: String {
        switch self {
        case .name: "[NAME]"
        case .date: "[DATE]"
        case .time: "[TIME]"
        case .phone: "[PHONE]"
        case .fax: "[FAX]"
        case .email: "[EMAIL]"
        case .url: "[URL]"
        case .ipAddress: "[IP]"
        case .identifier: "[ID]"
        case .age: "[AGE]"
        case .address: "[ADDRESS]"
        case .postalCode: "[POSTCODE]"
        }
    }
}

/// One piece of PHI found in a note.
public struct PHIFinding: Sendable, Equatable {
    public let kind: PHIKind
    /// Offsets in Unicode scalars of the original text (half-open).
    ///
    /// Scalars, not `Character`s or UTF-16 units, because they are stable across platforms and Unicode
    /// versions, and any other index can be derived from them with `String.unicodeScalars`.
    public let range: Range<Int>

    public init(kind: PHIKind, range: Range<Int>) {
        self.kind = kind
        self.range = range
    }
}
