import CDCMTK
import Crypto
import Foundation

/// Applies the PS3.15 Annex E Basic Application Level Confidentiality Profile to a dataset, at
/// every nesting level, with UIDs replaced consistently by a keyed hash.
///
/// Compliance/deidentification.md is the specification; each behaviour there is tested in
/// DeidentificationTests.
public struct Deidentifier: Sendable {
    /// The secret that makes UID replacement consistent within a site and irreversible outside it.
    private let siteKey: SymmetricKey
    public let options: Set<RetentionOption>

    public init(siteKey: some ContiguousBytes, options: Set<RetentionOption> = []) {
        self.siteKey = SymmetricKey(data: siteKey)
        self.options = options
    }

    /// What was done, for the audit trail: counts only, never values.
    public struct Report: Sendable, Equatable {
        public var removed = 0
        public var emptied = 0
        public var replacedWithDummy = 0
        public var replacedUIDs = 0
    }

    /// De-identifies the file's dataset and meta header in place.
    @discardableResult
    public func apply(to file: DicomFile) throws(DicomError) -> Report {
        var report = Report()
        try clean(file.metaHeader, report: &report)
        try clean(file.dataset, report: &report)
        try file.dataset.set(.patientIdentityRemoved, to: "YES")
        try file.dataset.set(.deidentificationMethod, to: methodDescription)
        let datesKept = options.contains(.longitudinalFullDates)
        try file.dataset.set(.longitudinalTemporalInformationModified, to: datesKept ? "UNMODIFIED" : "REMOVED")
        return report
    }

    /// The replacement for a UID: "2.25." and the decimal value of the first 16 bytes of
    /// HMAC-SHA256(site key, UID).
    public func replacementUID(for uid: String) -> String {
        let digest = HMAC<SHA256>.authenticationCode(for: Data(uid.utf8), using: siteKey)
        return "2.25." + Self.decimal(Array(digest.prefix(16)))
    }

    var methodDescription: String {
        let applied = RetentionOption.allCases.filter { options.contains($0) && RetentionOption.supported.contains($0) }
        return (["Basic Application Confidentiality Profile (PS3.15 2026c)"] + applied.map(\.standardName))
            .joined(separator: "\\")
    }

    private func clean(_ item: DicomItem, report: inout Report) throws(DicomError) {
        for header in item.elements {
            let tag = header.tag
            if Self.isRemovedByPattern(tag) {
                item.remove(tag)
                report.removed += 1
                continue
            }
            guard let rule = ConfidentialityRule.byTag[tag] else {
                // Not in the table: kept, but sequences are still cleaned inside.
                if header.vr == "SQ" { for child in item.sequence(tag) { try clean(child, report: &report) } }
                continue
            }
            switch rule.action(options: options) {
            case .remove, .clean:
                item.remove(tag)
                report.removed += 1
            case .zero:
                _ = cdcm_item_make_empty(item.pointer, tag.group, tag.element)
                report.emptied += 1
            case .dummy:
                try replaceWithDummy(item, header)
                report.replacedWithDummy += 1
            case .replaceUID:
                if header.vr == "SQ" {
                    for child in item.sequence(tag) { try clean(child, report: &report) }
                } else if header.vr == "UI" {
                    try replaceUIDs(item, tag)
                    report.replacedUIDs += 1
                } else {
                    item.remove(tag)
                    report.removed += 1
                }
            case .keep:
                if header.vr == "SQ" { for child in item.sequence(tag) { try clean(child, report: &report) } }
            }
        }
    }

    /// Private groups, curve data (50xx,xxxx) and overlay data and comments (60xx,3000/4000).
    static func isRemovedByPattern(_ tag: DicomTag) -> Bool {
        if tag.isPrivate { return true }
        if tag.group & 0xFF00 == 0x5000 { return true }
        if tag.group & 0xFF00 == 0x6000 && (tag.element == 0x3000 || tag.element == 0x4000) { return true }
        return false
    }

    private func replaceUIDs(_ item: DicomItem, _ tag: DicomTag) throws(DicomError) {
        guard let uids = item.strings(tag), !uids.isEmpty else { return }
        try item.set(tag, to: uids.map { $0.isEmpty ? $0 : replacementUID(for: $0) }.joined(separator: "\\"))
    }

    private func replaceWithDummy(_ item: DicomItem, _ header: DicomElementHeader) throws(DicomError) {
        let tag = header.tag
        switch header.vr {
        case "SQ":
            _ = cdcm_item_make_single_empty_item(item.pointer, tag.group, tag.element)
        case "UI":
            try replaceUIDs(item, tag)
        case "US", "SS", "UL", "SL", "UV", "SV", "FL", "FD", "AT", "OB", "OW", "OF", "OD", "OL", "OV", "UN":
            _ = cdcm_item_make_zero(item.pointer, tag.group, tag.element)
        default:
            try item.set(tag, to: Self.dummyText(vr: header.vr))
        }
    }

    static func dummyText(vr: String) -> String {
        switch vr {
        case "DA": "19000101"
        case "TM": "000000.00"
        case "DT": "19000101000000"
        case "AS": "000Y"
        case "IS", "DS": "0"
        default: "ANONYMOUS"
        }
    }

    /// The decimal digits of a big-endian unsigned integer.
    static func decimal(_ bytes: [UInt8]) -> String {
        var number = bytes
        var digits: [UInt8] = []
        while number.contains(where: { $0 != 0 }) {
            var remainder = 0
            for index in number.indices {
                let value = remainder << 8 | Int(number[index])
                number[index] = UInt8(value / 10)
                remainder = value % 10
            }
            digits.append(UInt8(remainder))
        }
        return digits.isEmpty ? "0" : String(digits.reversed().map { Character(String($0)) })
    }
}

extension Deidentifier {
    /// The Basic Profile action for an attribute, or nil when the profile keeps it (K) or does not
    /// list it. Lets callers treat such attributes as identifying before printing them.
    public static func profileAction(for tag: DicomTag) -> DeidentificationAction? {
        guard let action = ConfidentialityRule.byTag[tag]?.action(options: []), action != .keep else { return nil }
        return action
    }
}
