import ArgumentParser
import DICOM
import Foundation

struct DicomSeriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "series",
        abstract: "Group files into series and assemble each grey series into a volume.")

    @Argument(help: "DICOM files, or folders whose .dcm files are read.")
    var paths: [String]

    func run() throws {
        var files: [DicomFile] = []
        var failures = 0
        for path in expand(paths) {
            do {
                files.append(try DicomFile(path: path))
            } catch {
                failures += 1
                print("skipped \(error)")
            }
        }
        let series = DicomSeries.group(files)
        let byPath = Dictionary(files.map { ($0.source, $0) }, uniquingKeysWith: { first, _ in first })
        var rows: [[String]] = []
        for (index, one) in series.enumerated() {
            let warnings = SeriesGeometry(series: one).warnings
            var size = "-"
            var spacing = "-"
            var range = "-"
            do {
                let volume = try DicomVolume(series: one) { path throws(DicomError) in
                    if let file = byPath[path] { return file }
                    return try DicomFile(path: path)
                }
                size = "\(volume.columns)x\(volume.rows)x\(volume.slices)"
                spacing = String(
                    format: "%.2fx%.2fx%.2f", volume.spacing.column, volume.spacing.row, volume.spacing.slice)
                range = String(format: "%.0f..%.0f", volume.values.min() ?? 0, volume.values.max() ?? 0)
            } catch {
                range = "error: " + error.reason
            }
            rows.append([
                "\(index + 1)", one.modality ?? "-", "\(one.instances.count)", size, spacing,
                warnings.isEmpty ? "regular" : warnings.joined(separator: "; "), range,
            ])
        }
        print(
            TextTable(
                header: ["series", "modality", "instances", "volume", "spacing mm", "slices", "values"], rows: rows
            )
            .rendered)
        if failures > 0 { throw ExitCode(1) }
    }

    private func expand(_ paths: [String]) -> [String] {
        paths.flatMap { path -> [String] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                return [path]
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return names.filter { $0.lowercased().hasSuffix(".dcm") }.sorted().map {
                (path as NSString).appendingPathComponent($0)
            }
        }
    }
}
