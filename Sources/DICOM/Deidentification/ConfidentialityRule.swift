/// What the confidentiality profile does with an attribute (PS3.15 Table E.1-1a).
public enum DeidentificationAction: String, Sendable, CaseIterable {
    /// D: replace with a non-empty dummy value of the attribute's VR.
    case dummy = "D"
    /// Z: keep the attribute with a zero-length value.
    case zero = "Z"
    /// X: remove the attribute (and a sequence's items).
    case remove = "X"
    /// K: keep; a sequence is kept and cleaned item by item.
    case keep = "K"
    /// C: clean. No cleaner exists yet, so it removes, which discloses no more than cleaning would.
    case clean = "C"
    /// U: replace the UID by a keyed hash, consistently across files.
    case replaceUID = "U"

    /// Resolves a code of the standard, including compound ones, to one action without knowing
    /// the attribute's IOD Type: anything with D becomes D, "X/Z" becomes Z, "X/Z/U*" becomes U
    /// (Compliance/deidentification.md, section 2).
    init?(standardCode code: String) {
        if let plain = DeidentificationAction(rawValue: code) {
            self = plain
        } else if code.contains("D") {
            self = .dummy
        } else if code.contains("U") {
            self = .replaceUID
        } else if code == "X/Z" {
            self = .zero
        } else {
            return nil
        }
    }
}

/// The retention and cleaning options of PS3.15 E.3 that have a column in Table E.1-1.
public enum RetentionOption: String, Sendable, CaseIterable, Hashable {
    case safePrivate, uids, deviceIdentity, institutionIdentity, patientCharacteristics
    case longitudinalFullDates, longitudinalModifiedDates
    case cleanDescriptors, cleanStructuredContent, cleanGraphics

    /// The options whose columns CaseAtlas applies; the others are ignored, which always removes
    /// at least as much as the option would have kept.
    public static let supported: Set<RetentionOption> = [
        .uids, .deviceIdentity, .institutionIdentity, .patientCharacteristics, .longitudinalFullDates,
    ]

    /// The option's name in the standard, as written into De-identification Method (0012,0063).
    public var standardName: String {
        switch self {
        case .safePrivate: "Retain Safe Private Option"
        case .uids: "Retain UIDs Option"
        case .deviceIdentity: "Retain Device Identity Option"
        case .institutionIdentity: "Retain Institution Identity Option"
        case .patientCharacteristics: "Retain Patient Characteristics Option"
        case .longitudinalFullDates: "Retain Longitudinal With Full Dates Option"
        case .longitudinalModifiedDates: "Retain Longitudinal With Modified Dates Option"
        case .cleanDescriptors: "Clean Descriptors Option"
        case .cleanStructuredContent: "Clean Structured Content Option"
        case .cleanGraphics: "Clean Graphics Option"
        }
    }
}

/// One row of Table E.1-1: an attribute, its Basic Profile code and its option-column codes.
public struct ConfidentialityRule: Sendable {
    public let tag: DicomTag
    public let name: String
    /// The Basic Profile code as the standard writes it (possibly compound).
    public let basicCode: String
    public let optionCodes: [RetentionOption: String]

    init(
        _ group: UInt16, _ element: UInt16, _ name: String, _ basicCode: String,
        _ optionCodes: [RetentionOption: String] = [:]
    ) {
        self.tag = DicomTag(group, element)
        self.name = name
        self.basicCode = basicCode
        self.optionCodes = optionCodes
    }

    /// The action under the selected options: a supported option's code overrides the Basic
    /// Profile, and K wins when two selected options disagree.
    public func action(options: Set<RetentionOption>) -> DeidentificationAction {
        let overrides = options.intersection(RetentionOption.supported).compactMap { optionCodes[$0] }
        if overrides.contains("K") { return .keep }
        if let code = overrides.first, let action = DeidentificationAction(standardCode: code) { return action }
        return DeidentificationAction(standardCode: basicCode) ?? .remove
    }

    /// Table E.1-1 by tag.
    static let byTag: [DicomTag: ConfidentialityRule] = Dictionary(
        basicProfile.map { ($0.tag, $0) }, uniquingKeysWith: { first, _ in first })
}
