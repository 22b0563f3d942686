import ArgumentParser
import DICOM
import Foundation

struct SamplesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samples", abstract: "Write the project's synthetic sample cases.",
        subcommands: [Write.self])

    struct Write: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a synthetic CT series (one slice per transfer syntax DCMTK encodes) into FOLDER.")

        @Argument(help: "The folder to write into (created when missing).")
        var folder: String

        @Option(help: "Slices in the CT series.")
        var slices = 8

        func run() throws {
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
            print("wrote \(slices) synthetic CT slices to \(folder)")
        }
    }
}
