import ArgumentParser
import DICOM
import Foundation

struct DicomCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dicom", abstract: "Read DICOM files.", subcommands: [DicomInspect.self, DicomSeriesCommand.self])
}

struct DicomInspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Print each file's metadata and first-frame pixel statistics.",
        discussion: """
            With --json, prints one JSON object per file and line. A file that cannot be read gives \
            {"path": ..., "error": ...}; the others are still printed and the exit status is 1. \
            Patient identifiers and UIDs are printed only with --phi.
            """)

    @Argument(help: "DICOM files.")
    var files: [String]

    @Flag(help: "One JSON object per file and line.")
    var json = false

    @Flag(help: "Also print patient identity, UIDs and identifying attributes asked for with --tag.")
    var phi = false

    @Flag(help: "Decode every frame, not only the first (statistics still describe the first frame).")
    var allFrames = false

    @Option(name: .customLong("tag"), help: "Also print this attribute, e.g. 0028,0030 (repeatable).")
    var tags: [String] = []

    func validate() throws {
        for tag in tags where DicomTag(parsing: tag) == nil {
            throw ValidationError("'\(tag)' is not a tag; write it as GGGG,EEEE in hexadecimal")
        }
    }

    func run() throws {
        let requested = tags.compactMap(DicomTag.init(parsing:))
        var failures = 0
        var rows: [[String]] = []
        for path in files {
            switch Result(catching: { () throws(DicomError) in
                try InspectionReport(path: path, includePHI: phi, tags: requested, allFrames: allFrames)
            }) {
            case let .success(report):
                if json { emit(report.json.serialized) } else { rows.append(report.tableRow) }
            case let .failure(error):
                failures += 1
                if json {
                    emit(JSONValue.object([("path", .string(path)), ("error", .string(error.reason))]).serialized)
                } else {
                    rows.append([path, "error: " + error.reason])
                }
            }
        }
        if !json { print(TextTable(header: InspectionReport.tableHeader, rows: rows).rendered) }
        if failures > 0 { throw ExitCode(1) }
    }

    private func emit(_ line: String) {
        print(line)
        fflush(nil)  // a crash on a later file must not lose the lines already produced
    }
}
