import Foundation

/// Which channels are ECG leads, and which one to analyse first.
///
/// A label is normalised by upper-casing it and removing the words "ECG", "EKG" and "LEAD", parenthesised
/// qualifiers, and any spaces, hyphens, underscores, dots and colons ("ECG Lead II" → "II", "ML II" → "MLII",
/// "EKG-aVF" → "AVF", "Lead I (Einthoven)" → "I"). The channel is an ECG lead when the normalised label is a known
/// lead name (I, II, III, aVR, aVL, aVF, V1–V9, V3R–V6R, the modified limb and chest leads MLI–MLIII and MV1–MV6 of
/// the MIT-BIH databases, CM5, CC5, ML5, the European D1–D3 / DI–DIII, and V), or when the original label contains
/// "ECG" or "EKG" ("ECG", "ECG1", "ECG2" in EDF Holter files) — unless its unit is clearly not a voltage (mmHg, %,
/// bpm, °C, ...).
///
/// Preferred lead (D1–D3 and DI–DIII count as I–III): II, MLII, I, MLI, V5, CM5, ML5, V6, V4, V2, V3, V1, the MV
/// leads, III, aVF, aVL, aVR, other V leads, then generic ECG channels in file order. Lead II and its Holter form MLII
/// come first because they are the usual rhythm leads: upright R, visible P wave, axis close to the heart's.
///
/// Beats are detected in the first lead of that order whose QRS is strong (see `ECGAnalyzer.detectionOrder`: a lead
/// nearly perpendicular to the heart's axis is moved last), and when a lead yields fewer than two beats (a flat or
/// detached electrode) the next one is tried. `ECGAnalysis.leadUsed` names the lead that was used.
enum ECGLeadSelection {
    static let preference: [String] = [
        "II", "MLII", "I", "MLI", "V5", "CM5", "ML5", "V6", "V4", "V2", "V3", "V1", "MV1", "MV2", "MV3", "MV4", "MV5",
        "MV6", "III", "MLIII", "AVF", "AVL", "AVR", "V7", "V8", "V9", "V3R", "V4R", "V5R", "V6R", "CC5", "V",
    ]
    /// European names of the limb leads.
    static let aliases = ["DI": "I", "D1": "I", "DII": "II", "D2": "II", "DIII": "III", "D3": "III"]
    static let known = Set(preference).union(aliases.keys)
    static let nonVoltageUnits: Set<String> = [
        "mmhg", "kpa", "%", "bpm", "/min", "degc", "°c", "c", "l/min", "ml", "l", "s", "ms", "hz", "cmh2o",
    ]

    /// The label without the ECG/EKG/LEAD words, parenthesised qualifiers and separators, upper-cased.
    static func normalize(_ label: String) -> String {
        var text = label.uppercased()
        // "Lead I (Einthoven)" in DICOM code meanings: drop the qualifier.
        while let open = text.firstIndex(of: "("), let close = text[open...].firstIndex(of: ")") {
            text.removeSubrange(open...close)
        }
        for word in ["ECG", "EKG", "LEAD"] { text = text.replacingOccurrences(of: word, with: " ") }
        return String(text.filter { !" -_.:\t".contains($0) })
    }

    /// The lead's canonical name ("II", "AVF", "V5"; "DII" → "II") or "ECG" for a generic ECG channel; nil when
    /// not ECG.
    static func leadName(_ channel: SignalChannel) -> String? {
        if nonVoltageUnits.contains(channel.unit.trimmingCharacters(in: .whitespaces).lowercased()) { return nil }
        let name = normalize(channel.label)
        if known.contains(name) { return aliases[name] ?? name }
        let upper = channel.label.uppercased()
        if upper.contains("ECG") || upper.contains("EKG") { return "ECG" }
        return nil
    }

    /// ECG channel indices, preferred lead first (ties in file order).
    static func rankedLeads(in recording: SignalRecording) -> [Int] {
        let ranked = recording.channels.enumerated().compactMap { index, channel -> (Int, Int)? in
            guard let name = leadName(channel) else { return nil }
            return (preference.firstIndex(of: name) ?? preference.count, index)
        }
        return ranked.sorted { $0 < $1 }.map(\.1)
    }
}
