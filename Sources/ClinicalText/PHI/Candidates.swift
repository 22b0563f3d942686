/// Which detection wins when two overlap. Higher wins; between equals, the longer span wins, then the earlier.
///
/// The order encodes how much each detector's evidence is worth. Shapes that cannot be anything else (an
/// e-mail address, a URL) beat everything; a number after an explicit label ("MRN:", "NHS No.") beats the same
/// number read as a phone; a name from a note header beats the "City, ST" reading of "Smith, Georgia"; the
/// repetition of an already-found name is the weakest evidence and only fills gaps.
enum Priority: Int, Comparable {
    case repeatedName = 10
    case bareIdentifier = 20
    case cuedShortDate = 30
    case relationName = 40
    case credentialName = 45
    case titleName = 50
    case locality = 58
    case labelName = 60
    case postalCode = 62
    case age = 65
    case time = 70
    case street = 71
    case date = 72
    case phone = 75
    case socialSecurityNumber = 78
    case labelledIdentifier = 80
    case ipAddress = 90
    case url = 95
    case email = 100

    static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A detection before overlaps are resolved, in scalar offsets.
struct Candidate {
    let kind: PHIKind
    let start: Int
    let end: Int
    let priority: Priority

    var length: Int { end - start }
}

/// Which scalars are already claimed by an accepted finding: one bit per scalar, so resolving overlaps is
/// linear in the total length of the candidates.
struct ClaimedScalars {
    private var bits: [UInt64]

    init(count: Int) { bits = [UInt64](repeating: 0, count: count / 64 + 1) }

    func isFree(_ range: Range<Int>) -> Bool {
        for offset in range where bits[offset >> 6] & (1 << UInt64(offset & 63)) != 0 { return false }
        return true
    }

    mutating func claim(_ range: Range<Int>) {
        for offset in range { bits[offset >> 6] |= 1 << UInt64(offset & 63) }
    }
}

extension Array where Element == Candidate {
    /// Keeps the best of each set of overlapping candidates (see `Priority`), and returns the survivors in text
    /// order. `claimed` carries what earlier rounds accepted.
    func resolved(claimed: inout ClaimedScalars, textLength: Int) -> [Candidate] {
        let valid = filter { $0.start >= 0 && $0.start < $0.end && $0.end <= textLength }
        let ranked = valid.sorted {
            if $0.priority != $1.priority { return $0.priority > $1.priority }
            if $0.length != $1.length { return $0.length > $1.length }
            return $0.start < $1.start
        }
        var accepted: [Candidate] = []
        for candidate in ranked where claimed.isFree(candidate.start..<candidate.end) {
            claimed.claim(candidate.start..<candidate.end)
            accepted.append(candidate)
        }
        return accepted.sorted { $0.start < $1.start }
    }
}
