import DICOM
import Foundation

/// What `caseatlas dicom inspect` reports about one file.
struct InspectionReport {
    let path: String
    let metadata: DicomMetadata
    let transferSyntax: TransferSyntax
    let statistics: (min: Float, max: Float, mean: Double)?
    let includePHI: Bool
    let extraTags: [(DicomTag, String?)]

    init(path: String, includePHI: Bool, tags: [DicomTag], allFrames: Bool = false) throws(DicomError) {
        let file = try DicomFile(path: path)
        self.path = path
        self.includePHI = includePHI
        metadata = file.metadata
        transferSyntax = file.transferSyntax
        if file.dataset.contains(.pixelData) {
            statistics = allFrames ? try file.decodeAllFrames().first?.statistics : try file.decodeFrame(0).statistics
        } else {
            statistics = nil
        }
        extraTags = try tags.map { tag throws(DicomError) in
            if !includePHI && Self.isIdentifying(tag) {
                throw DicomError(
                    .unreadable, source: path,
                    reason: "attribute \(tag) may identify the patient; add --phi to print it")
            }
            return (tag, file.dataset.string(tag))
        }
    }

    /// Attributes the confidentiality profile would not keep are treated as identifying.
    static func isIdentifying(_ tag: DicomTag) -> Bool {
        tag.isPrivate || tag.group == 0x0010 || Deidentifier.profileAction(for: tag) != nil
    }

    var json: JSONValue {
        let geometry = metadata.geometry
        var pairs: [(String, JSONValue)] = [
            ("path", .string(path)),
            ("transferSyntaxUID", .string(metadata.transferSyntaxUID)),
            ("transferSyntax", .string(transferSyntax.name)),
            ("sopClassUID", .optional(metadata.sopClassUID)),
            ("modality", .optional(metadata.modality)),
            ("bodyPartExamined", .optional(metadata.bodyPartExamined)),
            ("manufacturer", .optional(metadata.manufacturer)),
            ("rows", .optional(geometry?.rows)),
            ("columns", .optional(geometry?.columns)),
            ("frames", .optional(geometry?.frames)),
            ("samplesPerPixel", .optional(geometry?.samplesPerPixel)),
            ("photometricInterpretation", .optional(geometry?.photometricInterpretation)),
            ("bitsAllocated", .optional(geometry?.bitsAllocated)),
            ("bitsStored", .optional(geometry?.bitsStored)),
            ("highBit", .optional(geometry?.highBit)),
            ("pixelRepresentation", .optional(geometry?.pixelRepresentation)),
            ("planarConfiguration", .optional(geometry?.planarConfiguration)),
            ("pixelSpacing", geometry?.pixelSpacing.map { .array($0.map(JSONValue.number)) } ?? .null),
            ("sliceThickness", .optional(geometry?.sliceThickness)),
            ("rescaleSlope", .optional(metadata.rescaleSlope)),
            ("rescaleIntercept", .optional(metadata.rescaleIntercept)),
            ("rescaleType", .optional(metadata.rescaleType)),
            ("windowCenter", metadata.windowCenter.map { .array($0.map(JSONValue.number)) } ?? .null),
            ("windowWidth", metadata.windowWidth.map { .array($0.map(JSONValue.number)) } ?? .null),
        ]
        if let statistics {
            pairs.append(
                (
                    "pixels",
                    .object([
                        ("min", .number(Double(statistics.min))), ("max", .number(Double(statistics.max))),
                        ("mean", .number(statistics.mean)),
                    ])
                ))
        }
        if includePHI {
            pairs.append(
                (
                    "patient",
                    .object([
                        ("id", .optional(metadata.patient.id)), ("name", .optional(metadata.patient.name)),
                        ("birthDate", .optional(metadata.patient.birthDate)), ("sex", .optional(metadata.patient.sex)),
                    ])
                ))
            pairs.append(("studyInstanceUID", .optional(metadata.studyInstanceUID)))
            pairs.append(("seriesInstanceUID", .optional(metadata.seriesInstanceUID)))
            pairs.append(("sopInstanceUID", .optional(metadata.sopInstanceUID)))
            pairs.append(("studyDate", .optional(metadata.studyDate)))
        }
        if !extraTags.isEmpty {
            pairs.append(("tags", .object(extraTags.map { ($0.0.description, .optional($0.1)) })))
        }
        return .object(pairs)
    }

    static let tableHeader = [
        "file", "transfer syntax", "modality", "size", "frames", "photometric", "bits", "min", "max", "mean",
    ]

    var tableRow: [String] {
        let geometry = metadata.geometry
        func number(_ value: Double) -> String { String(format: value == value.rounded() ? "%.0f" : "%.2f", value) }
        return [
            path, transferSyntax.name, metadata.modality ?? "-",
            geometry.map { "\($0.columns)x\($0.rows)x\($0.samplesPerPixel)" } ?? "-",
            geometry.map { String($0.frames) } ?? "-",
            geometry?.photometricInterpretation ?? "-",
            geometry.map { "\($0.bitsStored)/\($0.bitsAllocated)\($0.pixelRepresentation == 1 ? "s" : "u")" } ?? "-",
            statistics.map { number(Double($0.min)) } ?? "-",
            statistics.map { number(Double($0.max)) } ?? "-",
            statistics.map { number($0.mean) } ?? "-",
        ]
    }
}

/// A plain-text table with aligned columns.
struct TextTable {
    let header: [String]
    let rows: [[String]]

    var rendered: String {
        // Short rows (errors) span the remaining columns and do not widen them.
        let all = [header] + rows.filter { $0.count == header.count }
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        return ([line(header), line(widths.map { String(repeating: "-", count: $0) })] + rows.map(line))
            .joined(separator: "\n")
    }
}
