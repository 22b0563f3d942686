/// Who the patient is. Direct identifiers: never log these, print them only on request.
public struct PatientIdentity: Codable, Sendable, Equatable {
    public var id: String?
    public var name: String?
    public var birthDate: String?
    public var sex: String?

    public init(id: String? = nil, name: String? = nil, birthDate: String? = nil, sex: String? = nil) {
        self.id = id
        self.name = name
        self.birthDate = birthDate
        self.sex = sex
    }
}

/// How the pixels are laid out (the Image Pixel module) and where the image sits in space.
public struct ImageGeometry: Codable, Sendable, Equatable {
    public var rows: Int
    public var columns: Int
    public var frames: Int
    public var samplesPerPixel: Int
    public var photometricInterpretation: String
    public var bitsAllocated: Int
    public var bitsStored: Int
    public var highBit: Int
    public var pixelRepresentation: Int
    public var planarConfiguration: Int?
    /// Row spacing then column spacing, in millimetres.
    public var pixelSpacing: [Double]?
    public var sliceThickness: Double?
    public var imagePositionPatient: [Double]?
    public var imageOrientationPatient: [Double]?
}

/// A LUT from a Modality LUT or VOI LUT sequence: the descriptor and what it is for.
public struct LookupTableDescription: Codable, Sendable, Equatable {
    public var entries: Int
    public var firstMappedValue: Int
    public var bitsPerEntry: Int
    public var explanation: String?
    public var type: String?
}

/// The descriptive attributes CaseAtlas uses, read without decoding pixels.
public struct DicomMetadata: Codable, Sendable, Equatable {
    public var patient: PatientIdentity
    public var studyInstanceUID: String?
    public var seriesInstanceUID: String?
    public var sopInstanceUID: String?
    public var sopClassUID: String?
    public var modality: String?
    public var bodyPartExamined: String?
    public var studyDate: String?
    public var studyTime: String?
    public var manufacturer: String?
    public var transferSyntaxUID: String
    /// Absent for objects without an image (reports, waveforms, RT plans).
    public var geometry: ImageGeometry?
    public var rescaleSlope: Double?
    public var rescaleIntercept: Double?
    public var rescaleType: String?
    public var modalityLUT: LookupTableDescription?
    public var voiLUTs: [LookupTableDescription]
    public var windowCenter: [Double]?
    public var windowWidth: [Double]?
    public var seriesNumber: Int?
    public var instanceNumber: Int?

    /// Empty values count as absent: de-identified files keep some attributes with no value.
    init(file: DicomFile) {
        let item = NonEmptyStrings(item: file.dataset)
        patient = PatientIdentity(
            id: item.string(.patientID), name: item.string(.patientName),
            birthDate: item.string(.patientBirthDate), sex: item.string(.patientSex))
        studyInstanceUID = item.string(.studyInstanceUID)
        seriesInstanceUID = item.string(.seriesInstanceUID)
        sopInstanceUID = item.string(.sopInstanceUID)
        sopClassUID = item.string(.sopClassUID)
        modality = item.string(.modality)
        bodyPartExamined = item.string(.bodyPartExamined)
        studyDate = item.string(.studyDate)
        studyTime = item.string(.studyTime)
        manufacturer = item.string(.manufacturer)
        transferSyntaxUID = file.transferSyntax.uid
        geometry = ImageGeometry(item: file.dataset)
        rescaleSlope = item.number(.rescaleSlope)
        rescaleIntercept = item.number(.rescaleIntercept)
        rescaleType = item.string(.rescaleType)
        modalityLUT = file.dataset.sequence(.modalityLUTSequence).first.flatMap(LookupTableDescription.init(item:))
        voiLUTs = file.dataset.sequence(.voiLUTSequence).compactMap(LookupTableDescription.init(item:))
        windowCenter = item.numbers(.windowCenter)
        windowWidth = item.numbers(.windowWidth)
        seriesNumber = item.integer(.seriesNumber)
        instanceNumber = item.integer(.instanceNumber)
    }
}

extension ImageGeometry {
    /// The slice normal, row direction x column direction of Image Orientation (Patient): the axis
    /// slices are ordered along and positions are projected on. Nil without an orientation.
    public var sliceNormal: SIMD3<Double>? {
        guard let orientation = imageOrientationPatient, orientation.count == 6 else { return nil }
        let row = SIMD3(orientation[0], orientation[1], orientation[2])
        let column = SIMD3(orientation[3], orientation[4], orientation[5])
        return SIMD3(
            row.y * column.z - row.z * column.y, row.z * column.x - row.x * column.z,
            row.x * column.y - row.y * column.x)
    }

    /// Image Position (Patient) as a vector; nil unless it has three values.
    public var position: SIMD3<Double>? {
        guard let position = imagePositionPatient, position.count == 3 else { return nil }
        return SIMD3(position[0], position[1], position[2])
    }
}

extension ImageGeometry {
    /// Present when the dataset has the attributes of an image; missing optional ones get their
    /// DICOM defaults (one frame, one sample, high bit = bits stored - 1).
    init?(item: DicomItem) {
        guard let rows = item.integer(.rows), let columns = item.integer(.columns),
            let bitsAllocated = item.integer(.bitsAllocated)
        else { return nil }
        self.rows = rows
        self.columns = columns
        self.bitsAllocated = bitsAllocated
        frames = item.integer(.numberOfFrames) ?? 1
        samplesPerPixel = item.integer(.samplesPerPixel) ?? 1
        photometricInterpretation = item.string(.photometricInterpretation) ?? ""
        bitsStored = item.integer(.bitsStored) ?? bitsAllocated
        highBit = item.integer(.highBit) ?? (bitsStored - 1)
        pixelRepresentation = item.integer(.pixelRepresentation) ?? 0
        planarConfiguration = item.integer(.planarConfiguration)
        pixelSpacing = item.numbers(.pixelSpacing)
        sliceThickness = item.number(.sliceThickness)
        imagePositionPatient = item.numbers(.imagePositionPatient)
        imageOrientationPatient = item.numbers(.imageOrientationPatient)
    }
}

extension LookupTableDescription {
    init?(item: DicomItem) {
        // US or SS values, so 16-bit; a descriptor stored as text could say anything (1e300, NaN),
        // which must not reach an integer conversion.
        guard let descriptor = item.numbers(.lutDescriptor), descriptor.count == 3,
            descriptor.allSatisfy({ $0.isFinite && $0 >= -32768 && $0 <= 65535 })
        else { return nil }
        // A first entry of 0 means 65536 entries (PS3.3 C.11.1.1.1).
        entries = descriptor[0] == 0 ? 65536 : Int(descriptor[0])
        firstMappedValue = Int(descriptor[1])
        bitsPerEntry = Int(descriptor[2])
        explanation = item.string(.lutExplanation)
        type = item.string(.modalityLUTType)
    }
}

/// Reads attributes with empty text treated as absent.
private struct NonEmptyStrings {
    let item: DicomItem

    func string(_ tag: DicomTag) -> String? { item.string(tag).flatMap { $0.isEmpty ? nil : $0 } }
    func number(_ tag: DicomTag) -> Double? { item.number(tag) }
    func numbers(_ tag: DicomTag) -> [Double]? { item.numbers(tag) }
    func integer(_ tag: DicomTag) -> Int? { item.integer(tag) }
}
