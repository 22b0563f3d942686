import DICOM
import Foundation
import TestSupport

/// Small DICOM series written by the project itself for the image encoder tests.
enum SyntheticSeries {
    /// Writes `count` 64 x 64 CT slices 2.5 mm apart (body, organ, bone) into `folder`.
    @discardableResult
    static func ct(
        in folder: URL, name: String = "ct", count: Int = 6, modality: String = "CT", positions: [Double]? = nil,
        transform: (inout SampleImageWriter.GreyImage) -> Void = { _ in }
    ) throws -> [String] {
        try (0..<count).map { index in
            var image = SampleImageWriter.ctSlice(size: 64, slice: index)
            transform(&image)
            let path = folder.appendingPathComponent("\(name)-\(index).dcm").path
            try SampleImageWriter.makeFile(
                image, name: "\(name)/\(index)", modality: modality, seriesName: name,
                position: [0, 0, positions?[index] ?? Double(index) * 2.5]
            ).write(to: path, transferSyntax: .explicitVRLittleEndian)
            return path
        }
    }

}
