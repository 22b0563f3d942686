import ArgumentParser
import DICOM
import Foundation
import Signals

struct SamplesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samples", abstract: "Write the project's synthetic sample cases.",
        subcommands: [Write.self])

    struct Write: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write synthetic samples into FOLDER: a CT series, two ECGs and a clinical note.",
            discussion: """
                dicom/: a CT series, one slice per transfer syntax DCMTK encodes losslessly. signals/: a \
                sinus-rhythm ECG at 72 bpm (WFDB format 212) and an atrial-fibrillation-like ECG at 110 bpm \
                (EDF+). notes/: a discharge note with invented identifiers for the PHI scrubber.
                """)

        @Argument(help: "The folder to write into (created when missing).")
        var folder: String

        @Option(help: "Slices in the CT series.")
        var slices = 8

        func run() throws {
            try writeDicom(into: (folder as NSString).appendingPathComponent("dicom"))
            try writeSignals(into: (folder as NSString).appendingPathComponent("signals"))
            try writeNote(into: (folder as NSString).appendingPathComponent("notes"))
            print("wrote synthetic samples (no real patient) to \(folder): dicom/, signals/, notes/")
        }

        private func writeDicom(into folder: String) throws {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let syntaxes: [TransferSyntax] = [
                .explicitVRLittleEndian, .implicitVRLittleEndian, .explicitVRBigEndian, .deflatedExplicitVRLittleEndian,
                .rleLossless, .jpegLosslessSV1, .jpegLSLossless,
            ]
            for slice in 0..<slices {
                let syntax = syntaxes[slice % syntaxes.count]
                let name = String(format: "ct-%02d.dcm", slice + 1)
                let file = try SampleImageWriter.makeFile(
                    SampleImageWriter.ctSlice(size: 64, slice: slice), name: "sample-ct/\(slice)",
                    seriesName: "sample-ct", position: [-22.4, -22.4, Double(slice) * 2.5])
                try file.write(to: (folder as NSString).appendingPathComponent(name), transferSyntax: syntax)
            }
        }

        private func writeSignals(into folder: String) throws {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let sinus = SyntheticECG.generate(
                heartRate: 72, duration: 30, samplingRate: 360, baselineWander: 0.1, muscleNoise: 0.02,
                leads: ["I", "II", "III"], seed: 7)
            try WFDBWriter.write(sinus.recording, headerPath: (folder as NSString).appendingPathComponent("sinus72.hea"))
            let fibrillation = SyntheticECG.generate(
                heartRate: 110, duration: 30, samplingRate: 256, rhythm: .atrialFibrillation, leads: ["II"], seed: 8)
            try EDFWriter.write(fibrillation.recording, to: (folder as NSString).appendingPathComponent("af110.edf"))
        }

        private func writeNote(into folder: String) throws {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let note = """
                DISCHARGE SUMMARY
                Patient: Ingrid Halvorsen   MRN: 40017723   DOB: 02/11/1958
                Attending: Dr. Tomas Okafor

                HISTORY OF PRESENT ILLNESS:
                67-year-old woman admitted on 03/02/2026 with palpitations and dyspnea. ECG showed atrial
                fibrillation with rapid ventricular response (HR 128). History of Parkinson disease.

                MEDICATIONS: metoprolol 25 mg twice daily, apixaban 5 mg twice daily, levodopa.

                IMPRESSION: New-onset atrial fibrillation, rate controlled. No pleural effusion.

                PLAN: Cardiology follow-up in 2 weeks; call 555-0142 or write to i.halvorsen@example.org.
                """
            try note.write(
                toFile: (folder as NSString).appendingPathComponent("discharge.txt"), atomically: true, encoding: .utf8)
        }
    }
}
