/// A note with its PHI replaced, and where the PHI was.
public struct ScrubbedText: Sendable, Equatable {
    /// The text with each finding replaced by its placeholder.
    public let text: String
    /// The findings in the original text, sorted and non-overlapping, so a caller can audit or re-map them.
    public let findings: [PHIFinding]

    /// How many findings of each kind, for audit logs that must record what was removed but never the values.
    public var counts: [PHIKind: Int] {
        findings.reduce(into: [:]) { counts, finding in counts[finding.kind, default: 0] += 1 }
    }
}

/// Finds and replaces protected health information in clinical free text, before anything derived from the
/// text is embedded or stored.
///
/// It is rule-based and deterministic: each detector looks for a shape (an e-mail address, a date, a phone
/// number) or for a cue word that announces PHI ("MRN:", "Dr.", "Patient:", "daughter"), and names found once
/// are scrubbed wherever they recur in the same note. Clinical eponyms and drug names are kept. Recall is
/// high for structured identifiers and lower for names that have no cue; Compliance/phi-scrubbing.md gives
/// the method, the known limits and the measured figures.
///
/// The scrubber holds no state and is safe to share across threads. Time and memory are linear in the length
/// of the note.
public struct PHIScrubber: Sendable {
    /// Notes longer than this many scalars are processed in pieces cut at line breaks, which bounds the token
    /// offsets to 32 bits. A name found in one piece is then not looked for in the others.
    static let segmentLength = 1 << 24

    public init() {}

    /// Where the PHI in `text` is, without changing it: for audit, highlighting, or a custom replacement.
    public func findings(in text: String) -> [PHIFinding] {
        findings(in: Array(text.unicodeScalars))
    }

    /// The text with every finding replaced by the placeholder of its kind.
    public func scrub(_ text: String) -> ScrubbedText {
        let findings = findings(in: Array(text.unicodeScalars))
        // Copies the UTF-8 of the text between findings, walking scalar offsets and byte offsets together.
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + findings.count * 8)
        if text.utf8.withContiguousStorageIfAvailable({ Self.replace(findings, in: $0, into: &output) }) == nil {
            Array(text.utf8).withUnsafeBufferPointer { Self.replace(findings, in: $0, into: &output) }
        }
        return ScrubbedText(text: String(decoding: output, as: UTF8.self), findings: findings)
    }

    /// Appends `bytes` (valid UTF-8) to `output` with each finding's scalars replaced by its placeholder.
    static func replace(_ findings: [PHIFinding], in bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        var byte = 0
        var scalar = 0
        func advance(to target: Int) {
            while scalar < target, byte < bytes.count {
                byte += 1
                while byte < bytes.count, bytes[byte] & 0xC0 == 0x80 { byte += 1 }
                scalar += 1
            }
        }
        for finding in findings {
            let start = byte
            advance(to: finding.range.lowerBound)
            output.append(contentsOf: bytes[start..<byte])
            advance(to: finding.range.upperBound)
            output.append(contentsOf: finding.kind.placeholder.utf8)
        }
        output.append(contentsOf: bytes[byte...])
    }

    func findings(in scalars: [Unicode.Scalar]) -> [PHIFinding] {
        var findings: [PHIFinding] = []
        var start = 0
        while start < scalars.count {
            let end = Self.segmentEnd(scalars, from: start)
            let segment = NoteText(start == 0 && end == scalars.count ? scalars : Array(scalars[start..<end]))
            for candidate in Self.detect(in: segment) {
                findings.append(
                    PHIFinding(kind: candidate.kind, range: (candidate.start + start)..<(candidate.end + start)))
            }
            start = end
        }
        return findings
    }

    /// The end of the piece that starts at `start`: the whole rest if it is short enough, otherwise just after
    /// the last line break (or space) before the limit.
    static func segmentEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        let limit = start + segmentLength
        guard limit < scalars.count else { return scalars.count }
        var cut = limit
        while cut > start + segmentLength / 2, !NoteText.isNewline(scalars[cut - 1]) { cut -= 1 }
        if cut > start + segmentLength / 2 { return cut }
        cut = limit
        while cut > start + segmentLength / 2, !NoteText.isSpace(scalars[cut - 1]) { cut -= 1 }
        return cut > start + segmentLength / 2 ? cut : limit
    }

    /// All detectors, then overlap resolution, then a second pass for names that recur without their cue.
    static func detect(in note: NoteText) -> [Candidate] {
        guard note.count > 0 else { return [] }
        var candidates: [Candidate] = []
        ContactDetector.detect(in: note, into: &candidates)
        PhoneDetector.detect(in: note, into: &candidates)
        IdentifierDetector.detect(in: note, into: &candidates)
        DateDetector.detect(in: note, into: &candidates)
        let dateEnds = Set(candidates.lazy.filter { $0.kind == .date }.map(\.end))
        TimeDetector.detect(in: note, dateEnds: dateEnds, into: &candidates)
        AgeDetector.detect(in: note, into: &candidates)
        AddressDetector.detect(in: note, into: &candidates)
        NameDetector.detect(in: note, into: &candidates)

        var claimed = ClaimedScalars(count: note.scalars.count)
        let accepted = candidates.resolved(claimed: &claimed, textLength: note.scalars.count)
        let repeated = NameDetector.repetitions(
            in: note,
            of: accepted.filter { $0.kind == .name },
            emails: accepted.filter { $0.kind == .email })
        let added = repeated.resolved(claimed: &claimed, textLength: note.scalars.count)
        return mergingAdjacentNames((accepted + added).sorted { $0.start < $1.start }, in: note)
    }

    /// "Maria" and "Gonzalez" found apart (one by a cue, one as a repetition) become one "[NAME]".
    static func mergingAdjacentNames(_ findings: [Candidate], in note: NoteText) -> [Candidate] {
        var merged: [Candidate] = []
        merged.reserveCapacity(findings.count)
        for finding in findings {
            if let last = merged.last, last.kind == .name, finding.kind == .name,
                NameDetector.joinable(note, from: last.end, to: finding.start)
            {
                merged[merged.count - 1] = Candidate(
                    kind: .name, start: last.start, end: finding.end, priority: last.priority)
            } else {
                merged.append(finding)
            }
        }
        return merged
    }
}
