import Foundation

/// The one entry point for signal files: picks the reader by the file's extension, so callers
/// (the CLI, the analysis) need not know the formats. DICOM waveforms are dispatched elsewhere.
public enum SignalFileReader {
    /// Extensions this reader handles, with what each means.
    public static let supportedExtensions: [(extension: String, format: String)] = [
        ("hea", "WFDB header, with its .dat signal files and the .atr annotation file beside it"),
        ("edf", "EDF, EDF+C, EDF+D"),
        ("bdf", "BDF, BDF+"),
    ]

    /// Reads `path`: ".hea" → a WFDB record (single- or multi-segment) with its ".atr" annotations
    /// when that file exists beside the header; ".edf"/".bdf" → the EDF family. Every header claim is
    /// checked against `limits` before anything is allocated.
    public static func read(path: String, limits: SignalLimits = .standard) throws(SignalError) -> SignalRecording {
        let pathExtension = (path as NSString).pathExtension.lowercased()
        switch pathExtension {
        case "hea":
            return try WFDBRecordReader.read(headerPath: path, limits: limits, annotator: "atr")
        case "edf", "bdf":
            return try EDFReader.read(path: path, limits: limits)
        default:
            let supported = supportedExtensions.map { ".\($0.extension) (\($0.format))" }.joined(separator: "; ")
            let found = pathExtension.isEmpty ? "no extension" : "extension '.\(pathExtension)'"
            throw SignalError(path, "unsupported signal file (\(found)); supported: \(supported)")
        }
    }
}
