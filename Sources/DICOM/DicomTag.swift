/// A DICOM attribute tag, (group,element).
public struct DicomTag: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let group: UInt16
    public let element: UInt16

    public init(_ group: UInt16, _ element: UInt16) {
        self.group = group
        self.element = element
    }

    /// Parses "GGGG,EEEE", "(GGGG,EEEE)" or "GGGGEEEE" (hexadecimal), as people type tags on a command line.
    public init?(parsing text: String) {
        let hex = text.filter { $0.isHexDigit }
        guard hex.count == 8, text.allSatisfy({ $0.isHexDigit || "(), ".contains($0) }),
            let value = UInt32(hex, radix: 16)
        else { return nil }
        self.init(UInt16(value >> 16), UInt16(value & 0xFFFF))
    }

    /// Private attributes live in odd groups (PS3.5 7.8).
    public var isPrivate: Bool { group % 2 == 1 }

    public var description: String {
        "(" + hex4(group) + "," + hex4(element) + ")"
    }

    public static func < (lhs: DicomTag, rhs: DicomTag) -> Bool {
        (lhs.group, lhs.element) < (rhs.group, rhs.element)
    }
}

private func hex4(_ value: UInt16) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: 4 - digits.count) + digits
}

extension DicomTag {
    public static let transferSyntaxUID = DicomTag(0x0002, 0x0010)
    public static let specificCharacterSet = DicomTag(0x0008, 0x0005)
    public static let imageType = DicomTag(0x0008, 0x0008)
    public static let sopClassUID = DicomTag(0x0008, 0x0016)
    public static let sopInstanceUID = DicomTag(0x0008, 0x0018)
    public static let studyDate = DicomTag(0x0008, 0x0020)
    public static let studyTime = DicomTag(0x0008, 0x0030)
    public static let modality = DicomTag(0x0008, 0x0060)
    public static let manufacturer = DicomTag(0x0008, 0x0070)
    public static let patientName = DicomTag(0x0010, 0x0010)
    public static let patientID = DicomTag(0x0010, 0x0020)
    public static let patientBirthDate = DicomTag(0x0010, 0x0030)
    public static let patientSex = DicomTag(0x0010, 0x0040)
    public static let bodyPartExamined = DicomTag(0x0018, 0x0015)
    public static let sliceThickness = DicomTag(0x0018, 0x0050)
    public static let studyInstanceUID = DicomTag(0x0020, 0x000D)
    public static let seriesInstanceUID = DicomTag(0x0020, 0x000E)
    public static let seriesNumber = DicomTag(0x0020, 0x0011)
    public static let instanceNumber = DicomTag(0x0020, 0x0013)
    public static let imagePositionPatient = DicomTag(0x0020, 0x0032)
    public static let imageOrientationPatient = DicomTag(0x0020, 0x0037)
    public static let samplesPerPixel = DicomTag(0x0028, 0x0002)
    public static let photometricInterpretation = DicomTag(0x0028, 0x0004)
    public static let planarConfiguration = DicomTag(0x0028, 0x0006)
    public static let numberOfFrames = DicomTag(0x0028, 0x0008)
    public static let rows = DicomTag(0x0028, 0x0010)
    public static let columns = DicomTag(0x0028, 0x0011)
    public static let pixelSpacing = DicomTag(0x0028, 0x0030)
    public static let bitsAllocated = DicomTag(0x0028, 0x0100)
    public static let bitsStored = DicomTag(0x0028, 0x0101)
    public static let highBit = DicomTag(0x0028, 0x0102)
    public static let pixelRepresentation = DicomTag(0x0028, 0x0103)
    public static let windowCenter = DicomTag(0x0028, 0x1050)
    public static let windowWidth = DicomTag(0x0028, 0x1051)
    public static let rescaleIntercept = DicomTag(0x0028, 0x1052)
    public static let rescaleSlope = DicomTag(0x0028, 0x1053)
    public static let rescaleType = DicomTag(0x0028, 0x1054)
    public static let modalityLUTSequence = DicomTag(0x0028, 0x3000)
    public static let lutDescriptor = DicomTag(0x0028, 0x3002)
    public static let lutExplanation = DicomTag(0x0028, 0x3003)
    public static let modalityLUTType = DicomTag(0x0028, 0x3004)
    public static let lutData = DicomTag(0x0028, 0x3006)
    public static let voiLUTSequence = DicomTag(0x0028, 0x3010)
    public static let patientIdentityRemoved = DicomTag(0x0012, 0x0062)
    public static let deidentificationMethod = DicomTag(0x0012, 0x0063)
    public static let longitudinalTemporalInformationModified = DicomTag(0x0028, 0x0303)
    public static let pixelData = DicomTag(0x7FE0, 0x0010)
}
