import DICOM
import Foundation

extension SignalRecording {
    /// The first multiplex group of a DICOM waveform object (the rhythm strip of a 12-lead ECG),
    /// with the device's measurements and statements as annotations.
    public init(dicomWaveform waveform: DicomWaveform) throws(SignalError) {
        guard let group = waveform.groups.first else { throw SignalError("DICOM waveform", "has no multiplex group") }
        let channels = group.channels.map { channel in
            SignalChannel(
                label: Self.leadName(channel.label), unit: channel.unit, samplingRate: group.samplingFrequency,
                samples: channel.samples)
        }
        let annotations = waveform.annotations.map { annotation in
            SignalAnnotation(
                time: annotation.time ?? 0, code: annotation.name,
                text: annotation.text ?? annotation.value.map { value in
                    let number = value == value.rounded() ? String(Int(value)) : String(value)
                    return annotation.unit.map { number + " " + $0 } ?? number
                } ?? "")
        }
        self.init(format: "dicom-waveform", channels: channels, annotations: annotations)
    }

    /// "Lead II" -> "II", "Lead aVF" -> "aVF": the lead name analysis looks for.
    static func leadName(_ label: String) -> String {
        let trimmed = label.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased().hasPrefix("lead ") { return String(trimmed.dropFirst(5)) }
        return trimmed
    }
}

/// Reads any supported signal file: WFDB headers, EDF/EDF+/BDF, or a DICOM waveform object.
public enum SignalSource {
    public static func read(path: String) throws(SignalError) -> SignalRecording {
        let lower = path.lowercased()
        if lower.hasSuffix(".dcm") || lower.hasSuffix(".dicom") || Self.looksLikeDICOM(path) {
            do {
                let file = try DicomFile(path: path)
                guard file.hasWaveforms else { throw SignalError(path, "is a DICOM file without waveforms") }
                return try SignalRecording(dicomWaveform: file.waveforms())
            } catch let error as DicomError {
                throw SignalError(path, error.reason)
            } catch let error as SignalError {
                throw SignalError(path, error.reason)
            } catch {
                throw SignalError(path, "\(error)")
            }
        }
        return try SignalFileReader.read(path: path)
    }

    static func looksLikeDICOM(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let header = handle.readData(ofLength: 132)
        return header.count == 132 && header.suffix(4) == Data("DICM".utf8)
    }
}
