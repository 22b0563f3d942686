import Foundation

/// A clinical note as text, read from UTF-8 plain text or a FHIR `DocumentReference`.
///
/// Invalid input is an error, not a guess: a note that is not valid UTF-8 is refused with the
/// offset of the first bad byte (re-encoding silently could change what a clinician wrote), and
/// binary data or an oversized file is refused before anything derived from it is stored.
public struct ClinicalNote: Sendable, Equatable {
    public let source: String
    public let text: String

    /// The largest note accepted, in bytes; real notes are kilobytes.
    public static let defaultMaxBytes = 2 << 20

    public init(source: String, text: String) {
        self.source = source
        self.text = text
    }

    /// Reads a file: FHIR JSON when it parses as a `DocumentReference`, plain UTF-8 text otherwise.
    public init(path: String, maxBytes: Int = defaultMaxBytes) throws(NoteError) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let size = attributes[.size] as? Int
        else { throw NoteError(path, "no such file") }
        guard size <= maxBytes else {
            throw NoteError(path, "is \(size) bytes, above the limit of \(maxBytes) bytes for one note")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw NoteError(path, "cannot be read") }
        try self.init(bytes: data, source: path, maxBytes: maxBytes)
    }

    public init(bytes: Data, source: String, maxBytes: Int = defaultMaxBytes) throws(NoteError) {
        guard bytes.count <= maxBytes else {
            throw NoteError(source, "is \(bytes.count) bytes, above the limit of \(maxBytes) bytes for one note")
        }
        let trimmed = bytes.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }
        if trimmed.first == UInt8(ascii: "{") {
            self.init(source: source, text: try Self.documentReferenceText(bytes, source: source, maxBytes: maxBytes))
        } else {
            self.init(source: source, text: try Self.plainText(bytes, source: source))
        }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw NoteError(source, "is empty")
        }
    }

    static func plainText(_ bytes: Data, source: String) throws(NoteError) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let offset = Self.firstInvalidUTF8Offset(bytes)
            throw NoteError(source, "is not valid UTF-8 (first invalid byte at offset \(offset)); convert it to UTF-8")
        }
        let controls = text.unicodeScalars.filter {
            $0.value < 0x20 && $0 != "\n" && $0 != "\r" && $0 != "\t" && $0 != "\u{0C}"
        }.count
        guard controls == 0 || controls * 100 < text.unicodeScalars.count else {
            throw NoteError(source, "looks like binary data, not text (\(controls) control characters)")
        }
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    static func firstInvalidUTF8Offset(_ bytes: Data) -> Int {
        var low = 0
        var high = bytes.count
        // The longest valid prefix, by bisection on whole-prefix validity (prefixes cut mid-character
        // are invalid too, so step back at most three bytes).
        while low < high {
            let middle = (low + high + 1) / 2
            if String(validating: bytes.prefix(middle), as: UTF8.self) != nil { low = middle } else { high = middle - 1 }
        }
        for back in 0...3 where low + back < bytes.count {
            if String(validating: bytes.prefix(low + back + 1), as: UTF8.self) == nil { return low + back }
        }
        return low
    }

    /// The text of the first `text/plain` (or untyped) attachment of a FHIR DocumentReference.
    static func documentReferenceText(_ bytes: Data, source: String, maxBytes: Int) throws(NoteError) -> String {
        guard let json = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any] else {
            throw NoteError(source, "is not valid JSON")
        }
        guard json["resourceType"] as? String == "DocumentReference" else {
            throw NoteError(source, "is JSON but not a FHIR DocumentReference")
        }
        let attachments = (json["content"] as? [[String: Any]] ?? []).compactMap { $0["attachment"] as? [String: Any] }
        guard
            let attachment = attachments.first(where: {
                let type = ($0["contentType"] as? String ?? "text/plain").lowercased()
                return type.hasPrefix("text/plain") && $0["data"] is String
            })
        else {
            throw NoteError(source, "has no text/plain attachment with inline data")
        }
        guard let encoded = attachment["data"] as? String,
            let decoded = Data(base64Encoded: encoded, options: .ignoreUnknownCharacters)
        else { throw NoteError(source, "has an attachment whose data is not base64") }
        guard decoded.count <= maxBytes else {
            throw NoteError(source, "has an attachment above the limit of \(maxBytes) bytes")
        }
        return try plainText(decoded, source: source)
    }
}

/// Why a note could not be read; names the source.
public struct NoteError: Error, Equatable, Sendable, CustomStringConvertible {
    public let source: String
    public let reason: String
    public init(_ source: String, _ reason: String) {
        self.source = source
        self.reason = reason
    }
    public var description: String { "\(source): \(reason)" }
}
