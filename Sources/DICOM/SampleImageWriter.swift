import Crypto
import Foundation

/// Writes small synthetic DICOM images that carry no real patient: the project's own samples and
/// the round-trip fixtures of its tests. Content is deterministic, so the files are reproducible.
public enum SampleImageWriter {
    /// A synthetic grey image: stored values, their layout and the attributes that describe them.
    public struct GreyImage: Sendable {
        public var rows: Int
        public var columns: Int
        public var bitsAllocated: Int
        public var bitsStored: Int
        public var isSigned: Bool
        /// Row-major stored values, one per pixel.
        public var stored: [Int]
        public var rescaleSlope: Double?
        public var rescaleIntercept: Double?
    }

    /// A CT-like axial slice of an elliptical body with a denser "organ" and a bright "bone",
    /// stored as unsigned 12-bit values with intercept -1024 so values are Hounsfield units.
    public static func ctSlice(size: Int = 64, slice: Int = 0) -> GreyImage {
        var stored = [Int](repeating: 0, count: size * size)
        let centre = Double(size - 1) / 2
        for row in 0..<size {
            for column in 0..<size {
                let x = (Double(column) - centre) / (Double(size) * 0.45)
                let y = (Double(row) - centre) / (Double(size) * 0.35)
                var hu = -1000.0
                let texture = (row * 7 + column * 3 + slice * 5) % 11
                if x * x + y * y <= 1 { hu = 35 + Double(texture) }
                let ox = x - 0.3 + Double(slice) * 0.01, oy = y + 0.1
                if ox * ox + oy * oy <= 0.06 { hu = 60 }
                let bx = x + 0.45, by = y
                if bx * bx + by * by <= 0.01 { hu = 900 }
                stored[row * size + column] = Int(hu) + 1024
            }
        }
        return GreyImage(
            rows: size, columns: size, bitsAllocated: 16, bitsStored: 12, isSigned: false, stored: stored,
            rescaleSlope: 1, rescaleIntercept: -1024)
    }

    /// Builds a dataset for a grey image. `name` seeds the UIDs, so the same name gives the same file.
    public static func makeFile(
        _ image: GreyImage, name: String, modality: String = "CT", seriesName: String = "series",
        position: [Double]? = nil,
        patient: PatientIdentity = PatientIdentity(
            id: "SYN-0001", name: "SYNTHETIC^PATIENT", birthDate: "19700101", sex: "O")
    ) throws(DicomError) -> DicomFile {
        let file = try DicomFile(creatingWithName: name)
        let dataset = file.dataset
        let sopClass = modality == "CT" ? "1.2.840.10008.5.1.4.1.1.2" : "1.2.840.10008.5.1.4.1.1.7"
        try dataset.set(.sopClassUID, to: sopClass)
        try dataset.set(.sopInstanceUID, to: uid("instance/" + name))
        try dataset.set(.studyInstanceUID, to: uid("study/" + seriesName))
        try dataset.set(.seriesInstanceUID, to: uid("series/" + seriesName))
        try dataset.set(.modality, to: modality)
        try dataset.set(.studyDate, to: "20260101")
        try dataset.set(.studyTime, to: "120000")
        try dataset.set(.manufacturer, to: "CaseAtlas synthetic")
        if let id = patient.id { try dataset.set(.patientID, to: id) }
        if let patientName = patient.name { try dataset.set(.patientName, to: patientName) }
        if let birthDate = patient.birthDate { try dataset.set(.patientBirthDate, to: birthDate) }
        if let sex = patient.sex { try dataset.set(.patientSex, to: sex) }
        try dataset.set(.bodyPartExamined, to: "CHEST")
        try dataset.set(.samplesPerPixel, to: UInt16(1))
        try dataset.set(.photometricInterpretation, to: "MONOCHROME2")
        try dataset.set(.rows, to: UInt16(image.rows))
        try dataset.set(.columns, to: UInt16(image.columns))
        try dataset.set(.bitsAllocated, to: UInt16(image.bitsAllocated))
        try dataset.set(.bitsStored, to: UInt16(image.bitsStored))
        try dataset.set(.highBit, to: UInt16(image.bitsStored - 1))
        try dataset.set(.pixelRepresentation, to: UInt16(image.isSigned ? 1 : 0))
        try dataset.set(.pixelSpacing, to: "0.7\\0.7")
        try dataset.set(.sliceThickness, to: "2.5")
        try dataset.set(.imageOrientationPatient, to: "1\\0\\0\\0\\1\\0")
        if let position {
            try dataset.set(.imagePositionPatient, to: position.map { format($0) }.joined(separator: "\\"))
        }
        if let slope = image.rescaleSlope { try dataset.set(.rescaleSlope, to: format(slope)) }
        if let intercept = image.rescaleIntercept {
            try dataset.set(.rescaleIntercept, to: format(intercept))
            try dataset.set(.rescaleType, to: modality == "CT" ? "HU" : "US")
        }
        try dataset.set(.windowCenter, to: "40")
        try dataset.set(.windowWidth, to: "400")
        var bytes: [UInt8] = []
        bytes.reserveCapacity(image.stored.count * image.bitsAllocated / 8)
        for value in image.stored {
            let bits = UInt32(truncatingIfNeeded: value)
            for byte in 0..<(image.bitsAllocated / 8) { bytes.append(UInt8(truncatingIfNeeded: bits >> (8 * byte))) }
        }
        try file.setNativePixelData(bytes, wordSized: image.bitsAllocated > 8)
        return file
    }

    /// A UID under 2.25 derived from `seed`, so synthetic files are reproducible.
    public static func uid(_ seed: String) -> String {
        let digest = SHA256.hash(data: Data(("caseatlas-sample/" + seed).utf8))
        return "2.25." + Deidentifier.decimal(Array(digest.prefix(15)))
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
