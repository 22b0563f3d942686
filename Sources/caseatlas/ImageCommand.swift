import ArgumentParser
import DICOM
import Encoders
import Foundation
import Radiomics

struct ImageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "image", abstract: "Image features and image vectors.", subcommands: [ImageFeatures.self])
}

struct ImageFeatures: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "features",
        abstract: "IBSI radiomics features and the image vector of each series.",
        discussion: """
            Files given directly are grouped by series, one result per series. A folder is one image: \
            it must hold the .dcm files of exactly one series. CT is featurized in Hounsfield units on \
            the body region; other modalities on their standardised foreground (docs/image-encoder.md).
            """)

    @Argument(help: "DICOM files, or folders each holding one series.")
    var paths: [String]

    @Flag(help: "One JSON object per image and line.")
    var json = false

    @Option(help: "A DICOM Segmentation (SEG) of the image: its region replaces the automatic one.")
    var mask: String?

    @Option(help: "With --mask, the segment number to use (default: every segment).")
    var segment: Int?

    @Option(help: "Resample to this spacing in mm before the features, as X,Y,Z (e.g. 1,1,1).")
    var resample: String?

    @Option(help: "Threads for independent feature families.")
    var threads = 1

    @Option(help: "Voxel budget; larger series are block-averaged while read (see docs/image-encoder.md).")
    var maxVoxels = DicomVolume.defaultVoxelBudget

    func run() throws {
        let encoder = RadiomicsImageEncoder(threads: threads, resampling: try resampling())
        var failures = 0
        var looseFiles: [DicomFile] = []
        var inputs: [(label: String, files: [DicomFile])] = []
        for path in paths {
            do {
                if let folder = try FolderInput(path: path) {
                    inputs.append((path, folder.files))
                } else {
                    looseFiles.append(try DicomFile(path: path))
                }
            } catch {
                failures += 1
                report(path: path, error: "\(error)")
            }
        }
        for series in DicomSeries.group(looseFiles) {
            let members = Set(series.instances.map(\.source))
            inputs.append(
                (series.instances.first?.source ?? "-", looseFiles.filter { members.contains($0.source) }))
        }
        let withoutImage = looseFiles.filter { $0.metadata.geometry == nil }
        for file in withoutImage {
            failures += 1
            report(path: file.source, error: "\(file.source): not an image (no rows, columns and pixel data)")
        }
        var segmentation: DicomSegmentation?
        if let mask {
            guard inputs.count == 1 else {
                throw ValidationError("--mask needs exactly one image; the paths hold \(inputs.count)")
            }
            do {
                segmentation = try DicomSegmentation(file: DicomFile(path: mask))
            } catch {
                report(path: mask, error: "\(error)")
                throw ExitCode(1)
            }
        }
        for (number, input) in inputs.enumerated() {
            do {
                var image = try MedicalImage(files: input.files, voxelBudget: maxVoxels)
                if let segmentation { image = image.withRegion(try image.region(from: segmentation, segment: segment)) }
                let encoding = try encoder.encode(image)
                if json {
                    print(
                        Self.json(
                            path: input.label, series: number + 1, image: image, encoding: encoding, encoder: encoder
                        )
                        .serialized)
                } else {
                    printTable(path: input.label, image: image, encoding: encoding, encoder: encoder)
                }
                fflush(nil)
            } catch {
                failures += 1
                report(path: input.label, error: "\(input.label): \(error)")
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }

    private func resampling() throws -> Resampling? {
        guard let resample else { return nil }
        let parts = resample.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 3 else { throw ValidationError("--resample takes three spacings in mm, as X,Y,Z") }
        do {
            return try Resampling(spacing: SIMD3(parts[0], parts[1], parts[2]))
        } catch {
            throw ValidationError(error.reason)
        }
    }

    private func report(path: String, error: String) {
        if json {
            print(JSONValue.object([("path", .string(path)), ("error", .string(error))]).serialized)
        } else {
            FileHandle.standardError.write(Data(("error: " + error + "\n").utf8))
        }
        fflush(nil)
    }

    /// `series` numbers the images of one invocation (1, 2, ...): Series Instance UIDs identify a
    /// patient's study under the confidentiality profile, so they are not printed.
    static func json(
        path: String, series: Int, image: MedicalImage, encoding: ImageEncoding, encoder: some ImageEncoder
    ) -> JSONValue {
        let grid = image.intensities.grid
        return .object([
            ("path", .string(path)),
            ("series", .number(Double(series))),
            ("modality", .string(image.modality)),
            ("dimensions", .array([grid.sizeX, grid.sizeY, grid.sizeZ].map { .number(Double($0)) })),
            ("spacing", .array([grid.spacing.x, grid.spacing.y, grid.spacing.z].map(JSONValue.number))),
            ("roiVoxels", .number(Double(encoding.regionVoxels))),
            ("roiSource", .string(encoding.regionSource)),
            (
                "reduction",
                .object([
                    ("inPlane", .number(Double(image.reduction.inPlane))),
                    ("slices", .number(Double(image.reduction.slices))),
                ])
            ),
            ("notes", .array(image.notes.map(JSONValue.string))),
            ("features", .object(encoding.features.map { ($0.name, .number($0.value)) })),
            ("embeddingDimensions", .number(Double(encoding.vector.count))),
            ("fingerprint", .string(encoder.fingerprint.description)),
        ])
    }

    private func printTable(path: String, image: MedicalImage, encoding: ImageEncoding, encoder: some ImageEncoder) {
        let grid = image.intensities.grid
        print("\(path)")
        print(
            String(
                format: "  %@ %dx%dx%d at %.2fx%.2fx%.2f mm, region %@ %d voxels, %d-d vector",
                image.modality, grid.sizeX, grid.sizeY, grid.sizeZ, grid.spacing.x, grid.spacing.y, grid.spacing.z,
                encoding.regionSource, encoding.regionVoxels, encoding.vector.count))
        for note in image.notes { print("  note: \(note)") }
        let shown = [
            "morph.vol", "morph.sphericity", "stat.mean", "stat.var", "stat.P10", "stat.P90", "ih.entropy",
            "cm.joint.entr/3D:mrg", "cm.contrast/3D:mrg", "rlm.sre/3D:mrg", "szm.zs.entr/3D", "ngt.coarseness/3D",
        ]
        let byName = Dictionary(encoding.features.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        let rows = shown.compactMap { name in byName[name].map { [name, String(format: "%.4g", $0)] } }
        let table = TextTable(header: ["feature", "value"], rows: rows).rendered
        print(table.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
        print("  \(encoding.features.count) features in all (--json lists them); fingerprint \(encoder.fingerprint)")
    }
}

/// A folder given on the command line: the .dcm files directly inside it.
struct FolderInput {
    let files: [DicomFile]

    /// Nil when `path` is not a folder.
    init?(path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return nil
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: path)
            .filter { $0.lowercased().hasSuffix(".dcm") }.sorted()
        guard !names.isEmpty else {
            throw ValidationError("\(path): the folder holds no .dcm file")
        }
        files = try names.map { try DicomFile(path: (path as NSString).appendingPathComponent($0)) }
    }
}
