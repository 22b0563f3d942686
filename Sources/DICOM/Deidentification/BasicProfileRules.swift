// The attribute table of DICOM PS3.15 Table E.1-1 (edition 2026c): the Basic Application Level
// Confidentiality Profile and its option columns, transcribed from the NEMA DocBook source of
// PS3.15 2026c (part15.xml, SHA-256 77d60b856faf4223ab40a398c53130fc0ee9490d0d811ee3536e6d25c02ac717,
// as vendored under vendor/nema/part15/ in github.com/cosyte/dicom). See Compliance/deidentification.md.
extension ConfidentialityRule {
    /// Every attribute of Table E.1-1 with a concrete tag, in tag order.
    ///
    /// Handled in code, not in this table:
    /// - (50xx,xxxx) Curve Data: X (cleanGraphics: C)
    /// - (60xx,4000) Overlay Comments: X (cleanGraphics: C)
    /// - (60xx,3000) Overlay Data: X (cleanGraphics: C)
    /// - (gggg,eeee), gggg odd Private Attributes: X (safePrivate: C)
    static let basicProfile: [ConfidentialityRule] = [
        ConfidentialityRule(0x0000, 0x1000, "Affected SOP Instance UID", "X", [.uids: "K"]),
        ConfidentialityRule(0x0000, 0x1001, "Requested SOP Instance UID", "U", [.uids: "K"]),
        ConfidentialityRule(0x0002, 0x0003, "Media Storage SOP Instance UID", "U", [.uids: "K"]),
        ConfidentialityRule(0x0004, 0x1511, "Referenced SOP Instance UID in File", "U", [.uids: "K"]),
        ConfidentialityRule(
            0x0008, 0x0012, "Instance Creation Date", "X/D",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0008, 0x0013, "Instance Creation Time", "X/Z/D",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x0008, 0x0014, "Instance Creator UID", "U", [.uids: "K"]),
        ConfidentialityRule(
            0x0008, 0x0015, "Instance Coercion DateTime", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x0008, 0x0017, "Acquisition UID", "U", [.uids: "K"]),
        ConfidentialityRule(0x0008, 0x0018, "SOP Instance UID", "U", [.uids: "K"]),
        ConfidentialityRule(0x0008, 0x0019, "Pyramid UID", "U", [.uids: "K"]),
        ConfidentialityRule(
            0x0008, 0x0020, "Study Date", "Z", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0008, 0x0021, "Series Date", "X/D", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0008, 0x0022, "Acquisition Date", "X/Z", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0008, 0x0023, "Content Date", "Z/D", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0008, 0x0024, "Overlay Date", "X", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0008, 0x0025, "Curve Date", "X", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0008, 0x002A, "Acquisition DateTime", "X/Z/D",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0008, 0x0030, "Study Time", "Z", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0008, 0x0031, "Series Time", "X/D", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0008, 0x0032, "Acquisition Time", "X/Z", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0008, 0x0033, "Content Time", "Z/D", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0008, 0x0034, "Overlay Time", "X", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0008, 0x0035, "Curve Time", "X", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x0008, 0x0050, "Accession Number", "Z"),
        ConfidentialityRule(0x0008, 0x0054, "Retrieve AE Title", "X", [.deviceIdentity: "C"]),
        ConfidentialityRule(0x0008, 0x0055, "Station AE Title", "X", [.deviceIdentity: "C"]),
        ConfidentialityRule(0x0008, 0x0058, "Failed SOP Instance UID List", "U", [.uids: "K"]),
        ConfidentialityRule(0x0008, 0x0080, "Institution Name", "X/Z/D", [.institutionIdentity: "K"]),
        ConfidentialityRule(0x0008, 0x0081, "Institution Address", "X", [.institutionIdentity: "K"]),
        ConfidentialityRule(0x0008, 0x0082, "Institution Code Sequence", "X/Z/D", [.institutionIdentity: "K"]),
        ConfidentialityRule(0x0008, 0x0090, "Referring Physician's Name", "Z"),
        ConfidentialityRule(0x0008, 0x0092, "Referring Physician's Address", "X"),
        ConfidentialityRule(0x0008, 0x0094, "Referring Physician's Telephone Numbers", "X"),
        ConfidentialityRule(0x0008, 0x0096, "Referring Physician Identification Sequence", "X"),
        ConfidentialityRule(0x0008, 0x009C, "Consulting Physician's Name", "Z"),
        ConfidentialityRule(0x0008, 0x009D, "Consulting Physician Identification Sequence", "X"),
        ConfidentialityRule(
            0x0008, 0x0106, "Context Group Version", "D",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0008, 0x0107, "Context Group Local Version", "D",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0008, 0x0201, "Timezone Offset From UTC", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x0008, 0x1000, "Network ID", "X", [.deviceIdentity: "C"]),
        ConfidentialityRule(0x0008, 0x1010, "Station Name", "X/Z/D", [.deviceIdentity: "K"]),
        ConfidentialityRule(0x0008, 0x1030, "Study Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0008, 0x103E, "Series Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0008, 0x1040, "Institutional Department Name", "X", [.institutionIdentity: "K"]),
        ConfidentialityRule(
            0x0008, 0x1041, "Institutional Department Type Code Sequence", "X", [.institutionIdentity: "K"]),
        ConfidentialityRule(0x0008, 0x1048, "Physician(s) of Record", "X"),
        ConfidentialityRule(0x0008, 0x1049, "Physician(s) of Record Identification Sequence", "X"),
        ConfidentialityRule(0x0008, 0x1050, "Performing Physician's Name", "X"),
        ConfidentialityRule(0x0008, 0x1052, "Performing Physician Identification Sequence", "X"),
        ConfidentialityRule(0x0008, 0x1060, "Name of Physician(s) Reading Study", "X"),
        ConfidentialityRule(0x0008, 0x1062, "Physician(s) Reading Study Identification Sequence", "X"),
        ConfidentialityRule(0x0008, 0x1070, "Operators' Name", "X/Z/D"),
        ConfidentialityRule(0x0008, 0x1072, "Operator Identification Sequence", "X/D"),
        ConfidentialityRule(0x0008, 0x1080, "Admitting Diagnoses Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0008, 0x1084, "Admitting Diagnoses Code Sequence", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0008, 0x1088, "Pyramid Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0008, 0x1110, "Referenced Study Sequence", "X/Z", [.uids: "K"]),
        ConfidentialityRule(0x0008, 0x1111, "Referenced Performed Procedure Step Sequence", "X/Z/D", [.uids: "K"]),
        ConfidentialityRule(0x0008, 0x1120, "Referenced Patient Sequence", "X", [.uids: "K"]),
        ConfidentialityRule(0x0008, 0x1140, "Referenced Image Sequence", "X/Z/U*", [.uids: "K"]),
        ConfidentialityRule(0x0008, 0x1155, "Referenced SOP Instance UID", "U", [.uids: "K"]),
        ConfidentialityRule(0x0008, 0x1195, "Transaction UID", "U", [.uids: "K"]),
        ConfidentialityRule(0x0008, 0x1301, "Principal Diagnosis Code Sequence", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0008, 0x1302, "Primary Diagnosis Code Sequence", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0008, 0x1303, "Secondary Diagnoses Code Sequence", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0008, 0x1304, "Histological Diagnoses Code Sequence", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0008, 0x2111, "Derivation Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0008, 0x2112, "Source Image Sequence", "X/Z/U*", [.uids: "K"]),
        ConfidentialityRule(0x0008, 0x3010, "Irradiation Event UID", "U", [.uids: "K"]),
        ConfidentialityRule(0x0008, 0x4000, "Identifying Comments", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0010, 0x0010, "Patient's Name", "Z"),
        ConfidentialityRule(0x0010, 0x0011, "Person Names to Use Sequence", "X"),
        ConfidentialityRule(0x0010, 0x0012, "Name to Use", "X"),
        ConfidentialityRule(0x0010, 0x0013, "Name to Use Comment", "X"),
        ConfidentialityRule(0x0010, 0x0014, "Third Person Pronouns Sequence", "X"),
        ConfidentialityRule(0x0010, 0x0015, "Pronoun Code Sequence", "X"),
        ConfidentialityRule(0x0010, 0x0016, "Pronoun Comment", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0010, 0x0020, "Patient ID", "Z/D"),
        ConfidentialityRule(0x0010, 0x0021, "Issuer of Patient ID", "X"),
        ConfidentialityRule(0x0010, 0x0030, "Patient's Birth Date", "Z"),
        ConfidentialityRule(0x0010, 0x0032, "Patient's Birth Time", "X"),
        ConfidentialityRule(0x0010, 0x0040, "Patient's Sex", "Z", [.patientCharacteristics: "K"]),
        ConfidentialityRule(0x0010, 0x0041, "Gender Identity Sequence", "X"),
        ConfidentialityRule(
            0x0010, 0x0042, "Sex Parameters for Clinical Use Category Comment", "X",
            [.patientCharacteristics: "C", .cleanDescriptors: "C"]),
        ConfidentialityRule(
            0x0010, 0x0043, "Sex Parameters for Clinical Use Category Sequence", "X", [.patientCharacteristics: "K"]),
        ConfidentialityRule(0x0010, 0x0044, "Gender Identity Code Sequence", "X"),
        ConfidentialityRule(0x0010, 0x0045, "Gender Identity Comment", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(
            0x0010, 0x0046, "Sex Parameters for Clinical Use Category Code Sequence", "X",
            [.patientCharacteristics: "K"]),
        ConfidentialityRule(
            0x0010, 0x0047, "Sex Parameters for Clinical Use Category Reference", "X", [.patientCharacteristics: "K"]),
        ConfidentialityRule(0x0010, 0x0050, "Patient's Insurance Plan Code Sequence", "X"),
        ConfidentialityRule(0x0010, 0x0101, "Patient's Primary Language Code Sequence", "X"),
        ConfidentialityRule(0x0010, 0x0102, "Patient's Primary Language Modifier Code Sequence", "X"),
        ConfidentialityRule(0x0010, 0x1000, "Other Patient IDs", "X"),
        ConfidentialityRule(0x0010, 0x1001, "Other Patient Names", "X"),
        ConfidentialityRule(0x0010, 0x1002, "Other Patient IDs Sequence", "X"),
        ConfidentialityRule(0x0010, 0x1005, "Patient's Birth Name", "X"),
        ConfidentialityRule(0x0010, 0x1010, "Patient's Age", "X", [.patientCharacteristics: "K"]),
        ConfidentialityRule(0x0010, 0x1020, "Patient's Size", "X", [.patientCharacteristics: "K"]),
        ConfidentialityRule(0x0010, 0x1030, "Patient's Weight", "X", [.patientCharacteristics: "K"]),
        ConfidentialityRule(0x0010, 0x1040, "Patient's Address", "X"),
        ConfidentialityRule(0x0010, 0x1050, "Insurance Plan Identification", "X"),
        ConfidentialityRule(0x0010, 0x1060, "Patient's Mother's Birth Name", "X"),
        ConfidentialityRule(0x0010, 0x1080, "Military Rank", "X"),
        ConfidentialityRule(0x0010, 0x1081, "Branch of Service", "X"),
        ConfidentialityRule(0x0010, 0x1090, "Medical Record Locator", "X"),
        ConfidentialityRule(0x0010, 0x1100, "Referenced Patient Photo Sequence", "X"),
        ConfidentialityRule(0x0010, 0x2000, "Medical Alerts", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0010, 0x2110, "Allergies", "X", [.patientCharacteristics: "C", .cleanDescriptors: "C"]),
        ConfidentialityRule(0x0010, 0x2150, "Country of Residence", "X"),
        ConfidentialityRule(0x0010, 0x2152, "Region of Residence", "X"),
        ConfidentialityRule(0x0010, 0x2154, "Patient's Telephone Numbers", "X"),
        ConfidentialityRule(0x0010, 0x2155, "Patient's Telecom Information", "X"),
        ConfidentialityRule(0x0010, 0x2160, "Ethnic Group", "X", [.patientCharacteristics: "K"]),
        ConfidentialityRule(0x0010, 0x2161, "Ethnic Group Code Sequence", "X", [.patientCharacteristics: "K"]),
        ConfidentialityRule(0x0010, 0x2162, "Ethnic Groups", "X", [.patientCharacteristics: "K"]),
        ConfidentialityRule(0x0010, 0x2180, "Occupation", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0010, 0x21A0, "Smoking Status", "X", [.patientCharacteristics: "K"]),
        ConfidentialityRule(0x0010, 0x21B0, "Additional Patient History", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0010, 0x21C0, "Pregnancy Status", "X", [.patientCharacteristics: "K"]),
        ConfidentialityRule(
            0x0010, 0x21D0, "Last Menstrual Date", "X", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x0010, 0x21F0, "Patient's Religious Preference", "X"),
        ConfidentialityRule(0x0010, 0x2203, "Patient's Sex Neutered", "X/Z", [.patientCharacteristics: "K"]),
        ConfidentialityRule(0x0010, 0x2297, "Responsible Person", "X"),
        ConfidentialityRule(0x0010, 0x2299, "Responsible Organization", "X"),
        ConfidentialityRule(0x0010, 0x4000, "Patient Comments", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0012, 0x0010, "Clinical Trial Sponsor Name", "D"),
        ConfidentialityRule(0x0012, 0x0020, "Clinical Trial Protocol ID", "D"),
        ConfidentialityRule(0x0012, 0x0021, "Clinical Trial Protocol Name", "Z"),
        ConfidentialityRule(0x0012, 0x0022, "Issuer of Clinical Trial Protocol ID", "X"),
        ConfidentialityRule(0x0012, 0x0023, "Other Clinical Trial Protocol IDs Sequence", "X"),
        ConfidentialityRule(0x0012, 0x0030, "Clinical Trial Site ID", "Z", [.institutionIdentity: "K"]),
        ConfidentialityRule(0x0012, 0x0031, "Clinical Trial Site Name", "Z", [.institutionIdentity: "K"]),
        ConfidentialityRule(0x0012, 0x0032, "Issuer of Clinical Trial Site ID", "X"),
        ConfidentialityRule(0x0012, 0x0040, "Clinical Trial Subject ID", "D"),
        ConfidentialityRule(0x0012, 0x0041, "Issuer of Clinical Trial Subject ID", "X"),
        ConfidentialityRule(0x0012, 0x0042, "Clinical Trial Subject Reading ID", "D"),
        ConfidentialityRule(0x0012, 0x0043, "Issuer of Clinical Trial Subject Reading ID", "X"),
        ConfidentialityRule(0x0012, 0x0050, "Clinical Trial Time Point ID", "Z"),
        ConfidentialityRule(0x0012, 0x0051, "Clinical Trial Time Point Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0012, 0x0055, "Issuer of Clinical Trial Time Point ID", "X"),
        ConfidentialityRule(
            0x0012, 0x0060, "Clinical Trial Coordinating Center Name", "Z", [.institutionIdentity: "K"]),
        ConfidentialityRule(0x0012, 0x0071, "Clinical Trial Series ID", "X"),
        ConfidentialityRule(0x0012, 0x0072, "Clinical Trial Series Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0012, 0x0073, "Issuer of Clinical Trial Series ID", "X"),
        ConfidentialityRule(
            0x0012, 0x0081, "Clinical Trial Protocol Ethics Committee Name", "D", [.institutionIdentity: "K"]),
        ConfidentialityRule(0x0012, 0x0082, "Clinical Trial Protocol Ethics Committee Approval Number", "X"),
        ConfidentialityRule(
            0x0012, 0x0086, "Ethics Committee Approval Effectiveness Start Date", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0012, 0x0087, "Ethics Committee Approval Effectiveness End Date", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0014, 0x407C, "Calibration Time", "X",
            [.deviceIdentity: "K", .longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0014, 0x407E, "Calibration Date", "X",
            [.deviceIdentity: "K", .longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x0016, 0x002B, "Maker Note", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0016, 0x004B, "Device Setting Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0016, 0x004D, "Camera Owner Name", "X"),
        ConfidentialityRule(0x0016, 0x004E, "Lens Specification", "X", [.deviceIdentity: "K"]),
        ConfidentialityRule(0x0016, 0x004F, "Lens Make", "X", [.deviceIdentity: "K"]),
        ConfidentialityRule(0x0016, 0x0050, "Lens Model", "X", [.deviceIdentity: "K"]),
        ConfidentialityRule(0x0016, 0x0051, "Lens Serial Number", "X", [.deviceIdentity: "K"]),
        ConfidentialityRule(0x0016, 0x0070, "GPS Version ID", "X"),
        ConfidentialityRule(0x0016, 0x0071, "GPS Latitude Ref", "X"),
        ConfidentialityRule(0x0016, 0x0072, "GPS Latitude", "X"),
        ConfidentialityRule(0x0016, 0x0073, "GPS Longitude Ref", "X"),
        ConfidentialityRule(0x0016, 0x0074, "GPS Longitude", "X"),
        ConfidentialityRule(0x0016, 0x0075, "GPS Altitude Ref", "X"),
        ConfidentialityRule(0x0016, 0x0076, "GPS Altitude", "X"),
        ConfidentialityRule(0x0016, 0x0077, "GPS Time Stamp", "X"),
        ConfidentialityRule(0x0016, 0x0078, "GPS Satellites", "X"),
        ConfidentialityRule(0x0016, 0x0079, "GPS Status", "X"),
        ConfidentialityRule(0x0016, 0x007A, "GPS Measure Mode", "X"),
        ConfidentialityRule(0x0016, 0x007B, "GPS DOP", "X"),
        ConfidentialityRule(0x0016, 0x007C, "GPS Speed Ref", "X"),
        ConfidentialityRule(0x0016, 0x007D, "GPS Speed", "X"),
        ConfidentialityRule(0x0016, 0x007E, "GPS Track Ref", "X"),
        ConfidentialityRule(0x0016, 0x007F, "GPS Track", "X"),
        ConfidentialityRule(0x0016, 0x0080, "GPS Img Direction Ref", "X"),
        ConfidentialityRule(0x0016, 0x0081, "GPS Img Direction", "X"),
        ConfidentialityRule(0x0016, 0x0082, "GPS Map Datum", "X"),
        ConfidentialityRule(0x0016, 0x0083, "GPS Dest Latitude Ref", "X"),
        ConfidentialityRule(0x0016, 0x0084, "GPS Dest Latitude", "X"),
        ConfidentialityRule(0x0016, 0x0085, "GPS Dest Longitude Ref", "X"),
        ConfidentialityRule(0x0016, 0x0086, "GPS Dest Longitude", "X"),
        ConfidentialityRule(0x0016, 0x0087, "GPS Dest Bearing Ref", "X"),
        ConfidentialityRule(0x0016, 0x0088, "GPS Dest Bearing", "X"),
        ConfidentialityRule(0x0016, 0x0089, "GPS Dest Distance Ref", "X"),
        ConfidentialityRule(0x0016, 0x008A, "GPS Dest Distance", "X"),
        ConfidentialityRule(0x0016, 0x008B, "GPS Processing Method", "X"),
        ConfidentialityRule(0x0016, 0x008C, "GPS Area Information", "X"),
        ConfidentialityRule(
            0x0016, 0x008D, "GPS Date Stamp", "X", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x0016, 0x008E, "GPS Differential", "X"),
        ConfidentialityRule(0x0018, 0x0010, "Contrast/Bolus Agent", "Z/D", [.cleanDescriptors: "C"]),
        ConfidentialityRule(
            0x0018, 0x0027, "Intervention Drug Stop Time", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0018, 0x0035, "Intervention Drug Start Time", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x0018, 0x1000, "Device Serial Number", "X/Z/D", [.deviceIdentity: "K"]),
        ConfidentialityRule(0x0018, 0x1002, "Device UID", "U", [.uids: "K", .deviceIdentity: "K"]),
        ConfidentialityRule(0x0018, 0x1004, "Plate ID", "X", [.deviceIdentity: "K"]),
        ConfidentialityRule(0x0018, 0x1005, "Generator ID", "X", [.deviceIdentity: "K"]),
        ConfidentialityRule(0x0018, 0x1007, "Cassette ID", "X", [.deviceIdentity: "K"]),
        ConfidentialityRule(0x0018, 0x1008, "Gantry ID", "X", [.deviceIdentity: "K"]),
        ConfidentialityRule(0x0018, 0x1009, "Unique Device Identifier", "X", [.deviceIdentity: "K"]),
        ConfidentialityRule(0x0018, 0x100A, "UDI Sequence", "X", [.deviceIdentity: "K"]),
        ConfidentialityRule(
            0x0018, 0x100B, "Manufacturer's Device Class UID", "U", [.uids: "K", .deviceIdentity: "K"]),
        ConfidentialityRule(0x0018, 0x1010, "Secondary Capture Device ID", "X", [.deviceIdentity: "K"]),
        ConfidentialityRule(0x0018, 0x1011, "Hardcopy Creation Device ID", "X", [.deviceIdentity: "K"]),
        ConfidentialityRule(
            0x0018, 0x1012, "Date of Secondary Capture", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0018, 0x1014, "Time of Secondary Capture", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x0018, 0x1030, "Protocol Name", "X/D", [.cleanDescriptors: "C"]),
        ConfidentialityRule(
            0x0018, 0x1042, "Contrast/Bolus Start Time", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0018, 0x1043, "Contrast/Bolus Stop Time", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0018, 0x1072, "Radiopharmaceutical Start Time", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0018, 0x1073, "Radiopharmaceutical Stop Time", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0018, 0x1078, "Radiopharmaceutical Start DateTime", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0018, 0x1079, "Radiopharmaceutical Stop DateTime", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x0018, 0x11BB, "Acquisition Field Of View Label", "D", [.cleanDescriptors: "C"]),
        ConfidentialityRule(
            0x0018, 0x1200, "Date of Last Calibration", "X",
            [.deviceIdentity: "K", .longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0018, 0x1201, "Time of Last Calibration", "X",
            [.deviceIdentity: "K", .longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0018, 0x1202, "DateTime of Last Calibration", "X",
            [.deviceIdentity: "K", .longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0018, 0x1203, "Calibration DateTime", "Z",
            [.deviceIdentity: "K", .longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0018, 0x1204, "Date of Manufacture", "X",
            [.deviceIdentity: "K", .longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0018, 0x1205, "Date of Installation", "X",
            [.deviceIdentity: "K", .longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0018, 0x1400, "Acquisition Device Processing Description", "X/D", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0018, 0x2042, "Target UID", "U", [.uids: "K"]),
        ConfidentialityRule(0x0018, 0x4000, "Acquisition Comments", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0018, 0x5011, "Transducer Identification Sequence", "X", [.deviceIdentity: "K"]),
        ConfidentialityRule(0x0018, 0x700A, "Detector ID", "X/D", [.deviceIdentity: "K"]),
        ConfidentialityRule(
            0x0018, 0x700C, "Date of Last Detector Calibration", "X/D",
            [.deviceIdentity: "K", .longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0018, 0x700E, "Time of Last Detector Calibration", "X/D",
            [.deviceIdentity: "K", .longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0018, 0x9074, "Frame Acquisition DateTime", "D",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0018, 0x9151, "Frame Reference DateTime", "D",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0018, 0x9185, "Respiratory Motion Compensation Technique Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0018, 0x9367, "X-Ray Source ID", "D", [.deviceIdentity: "K"]),
        ConfidentialityRule(
            0x0018, 0x9369, "Source Start DateTime", "D",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0018, 0x936A, "Source End DateTime", "D", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x0018, 0x9371, "X-Ray Detector ID", "D", [.deviceIdentity: "K"]),
        ConfidentialityRule(0x0018, 0x9373, "X-Ray Detector Label", "X", [.deviceIdentity: "K"]),
        ConfidentialityRule(0x0018, 0x937B, "Multi-energy Acquisition Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0018, 0x937F, "Decomposition Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0018, 0x9424, "Acquisition Protocol Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(
            0x0018, 0x9516, "Start Acquisition DateTime", "X/D",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0018, 0x9517, "End Acquisition DateTime", "X/D",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0018, 0x9623, "Functional Sync Pulse", "D",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0018, 0x9701, "Decay Correction DateTime", "D",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0018, 0x9804, "Exclusion Start DateTime", "D",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0018, 0x9919, "Instruction Performed DateTime", "Z/D",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x0018, 0x9937, "Requested Series Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(
            0x0018, 0xA002, "Contribution DateTime", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x0018, 0xA003, "Contribution Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0020, 0x000D, "Study Instance UID", "U", [.uids: "K"]),
        ConfidentialityRule(0x0020, 0x000E, "Series Instance UID", "U", [.uids: "K"]),
        ConfidentialityRule(0x0020, 0x0010, "Study ID", "Z"),
        ConfidentialityRule(0x0020, 0x0027, "Pyramid Label", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0020, 0x0052, "Frame of Reference UID", "U", [.uids: "K"]),
        ConfidentialityRule(0x0020, 0x0200, "Synchronization Frame of Reference UID", "U", [.uids: "K"]),
        ConfidentialityRule(0x0020, 0x3401, "Modifying Device ID", "X", [.deviceIdentity: "K"]),
        ConfidentialityRule(
            0x0020, 0x3403, "Modified Image Date", "X", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0020, 0x3405, "Modified Image Time", "X", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x0020, 0x3406, "Modified Image Description", "X"),
        ConfidentialityRule(0x0020, 0x4000, "Image Comments", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0020, 0x9158, "Frame Comments", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0020, 0x9161, "Concatenation UID", "U", [.uids: "K"]),
        ConfidentialityRule(0x0020, 0x9164, "Dimension Organization UID", "U", [.uids: "K"]),
        ConfidentialityRule(0x0028, 0x1199, "Palette Color Lookup Table UID", "U", [.uids: "K"]),
        ConfidentialityRule(0x0028, 0x1214, "Large Palette Color Lookup Table UID", "U", [.uids: "K"]),
        ConfidentialityRule(0x0028, 0x4000, "Image Presentation Comments", "X"),
        ConfidentialityRule(0x0032, 0x0012, "Study ID Issuer", "X"),
        ConfidentialityRule(
            0x0032, 0x0032, "Study Verified Date", "X", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0032, 0x0033, "Study Verified Time", "X", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0032, 0x0034, "Study Read Date", "X", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0032, 0x0035, "Study Read Time", "X", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0032, 0x1000, "Scheduled Study Start Date", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0032, 0x1001, "Scheduled Study Start Time", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0032, 0x1010, "Scheduled Study Stop Date", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0032, 0x1011, "Scheduled Study Stop Time", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x0032, 0x1020, "Scheduled Study Location", "X", [.deviceIdentity: "K"]),
        ConfidentialityRule(0x0032, 0x1021, "Scheduled Study Location AE Title", "X", [.deviceIdentity: "C"]),
        ConfidentialityRule(0x0032, 0x1030, "Reason for Study", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0032, 0x1032, "Requesting Physician", "X"),
        ConfidentialityRule(0x0032, 0x1033, "Requesting Service", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(
            0x0032, 0x1040, "Study Arrival Date", "X", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0032, 0x1041, "Study Arrival Time", "X", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0032, 0x1050, "Study Completion Date", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0032, 0x1051, "Study Completion Time", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x0032, 0x1060, "Requested Procedure Description", "X/Z", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0032, 0x1066, "Reason for Visit", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0032, 0x1067, "Reason for Visit Code Sequence", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0032, 0x1070, "Requested Contrast Agent", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0032, 0x4000, "Study Comments", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0034, 0x0001, "Flow Identifier Sequence", "D"),
        ConfidentialityRule(0x0034, 0x0002, "Flow Identifier", "D"),
        ConfidentialityRule(0x0034, 0x0005, "Source Identifier", "D"),
        ConfidentialityRule(
            0x0034, 0x0007, "Frame Origin Timestamp", "D",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x0038, 0x0004, "Referenced Patient Alias Sequence", "X"),
        ConfidentialityRule(0x0038, 0x0010, "Admission ID", "X"),
        ConfidentialityRule(0x0038, 0x0011, "Issuer of Admission ID", "X"),
        ConfidentialityRule(0x0038, 0x0014, "Issuer of Admission ID Sequence", "X"),
        ConfidentialityRule(
            0x0038, 0x001A, "Scheduled Admission Date", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0038, 0x001B, "Scheduled Admission Time", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0038, 0x001C, "Scheduled Discharge Date", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0038, 0x001D, "Scheduled Discharge Time", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x0038, 0x001E, "Scheduled Patient Institution Residence", "X"),
        ConfidentialityRule(
            0x0038, 0x0020, "Admitting Date", "X", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0038, 0x0021, "Admitting Time", "X", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0038, 0x0030, "Discharge Date", "X", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0038, 0x0032, "Discharge Time", "X", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x0038, 0x0040, "Discharge Diagnosis Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0038, 0x0050, "Special Needs", "X", [.patientCharacteristics: "C"]),
        ConfidentialityRule(0x0038, 0x0060, "Service Episode ID", "X"),
        ConfidentialityRule(0x0038, 0x0061, "Issuer of Service Episode ID", "X"),
        ConfidentialityRule(0x0038, 0x0062, "Service Episode Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0038, 0x0064, "Issuer of Service Episode ID Sequence", "X"),
        ConfidentialityRule(0x0038, 0x0300, "Current Patient Location", "X"),
        ConfidentialityRule(0x0038, 0x0400, "Patient's Institution Residence", "X"),
        ConfidentialityRule(
            0x0038, 0x0500, "Patient State", "X", [.patientCharacteristics: "C", .cleanDescriptors: "C"]),
        ConfidentialityRule(0x0038, 0x4000, "Visit Comments", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x003A, 0x0020, "Multiplex Group Label", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x003A, 0x0203, "Channel Label", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x003A, 0x020C, "Channel Derivation Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x003A, 0x0310, "Multiplex Group UID", "U", [.uids: "K"]),
        ConfidentialityRule(
            0x003A, 0x0314, "Impedance Measurement DateTime", "D",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x003A, 0x0329, "Waveform Filter Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x003A, 0x032B, "Filter Lookup Table Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0040, 0x0001, "Scheduled Station AE Title", "X", [.deviceIdentity: "C"]),
        ConfidentialityRule(
            0x0040, 0x0002, "Scheduled Procedure Step Start Date", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0040, 0x0003, "Scheduled Procedure Step Start Time", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0040, 0x0004, "Scheduled Procedure Step End Date", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0040, 0x0005, "Scheduled Procedure Step End Time", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x0040, 0x0006, "Scheduled Performing Physician's Name", "X"),
        ConfidentialityRule(0x0040, 0x0007, "Scheduled Procedure Step Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0040, 0x0009, "Scheduled Procedure Step ID", "X"),
        ConfidentialityRule(0x0040, 0x000B, "Scheduled Performing Physician Identification Sequence", "X"),
        ConfidentialityRule(0x0040, 0x0010, "Scheduled Station Name", "X", [.deviceIdentity: "K"]),
        ConfidentialityRule(0x0040, 0x0011, "Scheduled Procedure Step Location", "X", [.deviceIdentity: "K"]),
        ConfidentialityRule(0x0040, 0x0012, "Pre-Medication", "X", [.patientCharacteristics: "C"]),
        ConfidentialityRule(0x0040, 0x0241, "Performed Station AE Title", "X", [.deviceIdentity: "C"]),
        ConfidentialityRule(0x0040, 0x0242, "Performed Station Name", "X", [.deviceIdentity: "K"]),
        ConfidentialityRule(0x0040, 0x0243, "Performed Location", "X"),
        ConfidentialityRule(
            0x0040, 0x0244, "Performed Procedure Step Start Date", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0040, 0x0245, "Performed Procedure Step Start Time", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0040, 0x0250, "Performed Procedure Step End Date", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0040, 0x0251, "Performed Procedure Step End Time", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x0040, 0x0253, "Performed Procedure Step ID", "X"),
        ConfidentialityRule(0x0040, 0x0254, "Performed Procedure Step Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0040, 0x0275, "Request Attributes Sequence", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0040, 0x0280, "Comments on the Performed Procedure Step", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0040, 0x0310, "Comments on Radiation Dose", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0040, 0x050A, "Specimen Accession Number", "X"),
        ConfidentialityRule(0x0040, 0x0512, "Container Identifier", "D"),
        ConfidentialityRule(0x0040, 0x0513, "Issuer of the Container Identifier Sequence", "Z"),
        ConfidentialityRule(0x0040, 0x051A, "Container Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0040, 0x0551, "Specimen Identifier", "D"),
        ConfidentialityRule(0x0040, 0x0554, "Specimen UID", "U", [.uids: "K"]),
        ConfidentialityRule(0x0040, 0x0555, "Acquisition Context Sequence", "X/Z", [.cleanStructuredContent: "C"]),
        ConfidentialityRule(0x0040, 0x0556, "Acquisition Context Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0040, 0x0562, "Issuer of the Specimen Identifier Sequence", "Z"),
        ConfidentialityRule(0x0040, 0x0600, "Specimen Short Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0040, 0x0602, "Specimen Detailed Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0040, 0x0610, "Specimen Preparation Sequence", "Z", [.cleanStructuredContent: "C"]),
        ConfidentialityRule(0x0040, 0x06FA, "Slide Identifier", "X"),
        ConfidentialityRule(0x0040, 0x1001, "Requested Procedure ID", "X"),
        ConfidentialityRule(0x0040, 0x1002, "Reason for the Requested Procedure", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0040, 0x1004, "Patient Transport Arrangements", "X"),
        ConfidentialityRule(0x0040, 0x1005, "Requested Procedure Location", "X"),
        ConfidentialityRule(
            0x0040, 0x100A, "Reason for Requested Procedure Code Sequence", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0040, 0x1010, "Names of Intended Recipients of Results", "X"),
        ConfidentialityRule(0x0040, 0x1011, "Intended Recipients of Results Identification Sequence", "X"),
        ConfidentialityRule(0x0040, 0x1101, "Person Identification Code Sequence", "D"),
        ConfidentialityRule(0x0040, 0x1102, "Person's Address", "X"),
        ConfidentialityRule(0x0040, 0x1103, "Person's Telephone Numbers", "X"),
        ConfidentialityRule(0x0040, 0x1104, "Person's Telecom Information", "X"),
        ConfidentialityRule(0x0040, 0x1400, "Requested Procedure Comments", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0040, 0x2001, "Reason for the Imaging Service Request", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(
            0x0040, 0x2004, "Issue Date of Imaging Service Request", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0040, 0x2005, "Issue Time of Imaging Service Request", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x0040, 0x2008, "Order Entered By", "X"),
        ConfidentialityRule(0x0040, 0x2009, "Order Enterer's Location", "X"),
        ConfidentialityRule(0x0040, 0x2010, "Order Callback Phone Number", "X"),
        ConfidentialityRule(0x0040, 0x2011, "Order Callback Telecom Information", "X"),
        ConfidentialityRule(0x0040, 0x2016, "Placer Order Number / Imaging Service Request", "Z"),
        ConfidentialityRule(0x0040, 0x2017, "Filler Order Number / Imaging Service Request", "Z"),
        ConfidentialityRule(0x0040, 0x2400, "Imaging Service Request Comments", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0040, 0x3001, "Confidentiality Constraint on Patient Data Description", "X"),
        ConfidentialityRule(
            0x0040, 0x4005, "Scheduled Procedure Step Start DateTime", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0040, 0x4008, "Scheduled Procedure Step Expiration DateTime", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0040, 0x4010, "Scheduled Procedure Step Modification DateTime", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0040, 0x4011, "Expected Completion DateTime", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0040, 0x4023, "Referenced General Purpose Scheduled Procedure Step Transaction UID", "U", [.uids: "K"]),
        ConfidentialityRule(0x0040, 0x4025, "Scheduled Station Name Code Sequence", "X", [.deviceIdentity: "K"]),
        ConfidentialityRule(
            0x0040, 0x4027, "Scheduled Station Geographic Location Code Sequence", "X", [.deviceIdentity: "K"]),
        ConfidentialityRule(0x0040, 0x4028, "Performed Station Name Code Sequence", "X", [.deviceIdentity: "K"]),
        ConfidentialityRule(
            0x0040, 0x4030, "Performed Station Geographic Location Code Sequence", "X", [.deviceIdentity: "K"]),
        ConfidentialityRule(0x0040, 0x4034, "Scheduled Human Performers Sequence", "X"),
        ConfidentialityRule(0x0040, 0x4035, "Actual Human Performers Sequence", "X"),
        ConfidentialityRule(0x0040, 0x4036, "Human Performer's Organization", "X"),
        ConfidentialityRule(0x0040, 0x4037, "Human Performer's Name", "X"),
        ConfidentialityRule(
            0x0040, 0x4050, "Performed Procedure Step Start DateTime", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0040, 0x4051, "Performed Procedure Step End DateTime", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0040, 0x4052, "Procedure Step Cancellation DateTime", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0040, 0xA023, "Findings Group Recording Date (Trial)", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0040, 0xA024, "Findings Group Recording Time (Trial)", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x0040, 0xA027, "Verifying Organization", "D"),
        ConfidentialityRule(
            0x0040, 0xA030, "Verification DateTime", "D",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0040, 0xA032, "Observation DateTime", "X/D",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0040, 0xA033, "Observation Start DateTime", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0040, 0xA034, "Effective Start DateTime", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0040, 0xA035, "Effective Stop DateTime", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x0040, 0xA073, "Verifying Observer Sequence", "D"),
        ConfidentialityRule(0x0040, 0xA075, "Verifying Observer Name", "D"),
        ConfidentialityRule(0x0040, 0xA078, "Author Observer Sequence", "X"),
        ConfidentialityRule(0x0040, 0xA07A, "Participant Sequence", "X"),
        ConfidentialityRule(0x0040, 0xA07C, "Custodial Organization Sequence", "X"),
        ConfidentialityRule(
            0x0040, 0xA082, "Participation DateTime", "Z",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x0040, 0xA088, "Verifying Observer Identification Code Sequence", "Z"),
        ConfidentialityRule(
            0x0040, 0xA110, "Date of Document or Verbal Transaction (Trial)", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0040, 0xA112, "Time of Document Creation or Verbal Transaction (Trial)", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0040, 0xA120, "DateTime", "D", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0040, 0xA121, "Date", "D", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0040, 0xA122, "Time", "D", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x0040, 0xA123, "Person Name", "D"),
        ConfidentialityRule(0x0040, 0xA124, "UID", "U"),
        ConfidentialityRule(
            0x0040, 0xA13A, "Referenced DateTime", "D", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x0040, 0xA171, "Observation UID", "U", [.uids: "K"]),
        ConfidentialityRule(0x0040, 0xA172, "Referenced Observation UID (Trial)", "U", [.uids: "K"]),
        ConfidentialityRule(
            0x0040, 0xA192, "Observation Date (Trial)", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0040, 0xA193, "Observation Time (Trial)", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x0040, 0xA307, "Current Observer (Trial)", "X"),
        ConfidentialityRule(0x0040, 0xA352, "Verbal Source (Trial)", "X"),
        ConfidentialityRule(0x0040, 0xA353, "Address (Trial)", "X"),
        ConfidentialityRule(0x0040, 0xA354, "Telephone Number (Trial)", "X"),
        ConfidentialityRule(0x0040, 0xA358, "Verbal Source Identifier Code Sequence (Trial)", "X"),
        ConfidentialityRule(0x0040, 0xA402, "Observation Subject UID (Trial)", "U", [.uids: "K"]),
        ConfidentialityRule(0x0040, 0xA730, "Content Sequence", "D", [.cleanStructuredContent: "C"]),
        ConfidentialityRule(0x0040, 0xB020, "Waveform Annotation Sequence", "X/D", [.cleanStructuredContent: "C"]),
        ConfidentialityRule(
            0x0040, 0xB034, "Annotation DateTime", "X", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0040, 0xB036, "Segment Definition DateTime", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x0040, 0xB03B, "Montage Name", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0040, 0xB03F, "Montage Channel Label", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(
            0x0040, 0xDB06, "Template Version", "X", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0040, 0xDB07, "Template Local Version", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x0040, 0xDB0C, "Template Extension Organization UID", "U", [.uids: "K"]),
        ConfidentialityRule(0x0040, 0xDB0D, "Template Extension Creator UID", "U", [.uids: "K"]),
        ConfidentialityRule(
            0x0040, 0xE004, "HL7 Document Effective Time", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x0040, 0xE012, "Display URI", "X"),
        ConfidentialityRule(0x0042, 0x0011, "Encapsulated Document", "D"),
        ConfidentialityRule(
            0x0044, 0x0004, "Approval Status DateTime", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0044, 0x000B, "Product Expiration DateTime", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0044, 0x0010, "Substance Administration DateTime", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0044, 0x0104, "Assertion DateTime", "D", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0044, 0x0105, "Assertion Expiration DateTime", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x0050, 0x001B, "Container Component ID", "X"),
        ConfidentialityRule(0x0050, 0x0020, "Device Description", "X", [.deviceIdentity: "K"]),
        ConfidentialityRule(0x0050, 0x0021, "Long Device Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0062, 0x0021, "Tracking UID", "U", [.uids: "K"]),
        ConfidentialityRule(0x0064, 0x0003, "Source Frame of Reference UID", "U", [.uids: "K"]),
        ConfidentialityRule(
            0x0068, 0x6226, "Effective DateTime", "D", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0068, 0x6270, "Information Issue DateTime", "D",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x006A, 0x0003, "Annotation Group UID", "D", [.uids: "K"]),
        ConfidentialityRule(0x006A, 0x0005, "Annotation Group Label", "D", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x006A, 0x0006, "Annotation Group Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0070, 0x0001, "Graphic Annotation Sequence", "D", [.cleanGraphics: "C"]),
        ConfidentialityRule(0x0070, 0x0006, "Unformatted Text Value", "D", [.cleanDescriptors: "C"]),
        ConfidentialityRule(
            0x0070, 0x0082, "Presentation Creation Date", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0070, 0x0083, "Presentation Creation Time", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x0070, 0x0084, "Content Creator's Name", "Z/D"),
        ConfidentialityRule(0x0070, 0x0086, "Content Creator's Identification Code Sequence", "X"),
        ConfidentialityRule(0x0070, 0x031A, "Fiducial UID", "U", [.uids: "K"]),
        ConfidentialityRule(0x0070, 0x1101, "Presentation Display Collection UID", "U", [.uids: "K"]),
        ConfidentialityRule(0x0070, 0x1102, "Presentation Sequence Collection UID", "U", [.uids: "K"]),
        ConfidentialityRule(
            0x0072, 0x000A, "Hanging Protocol Creation DateTime", "D",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x0072, 0x005E, "Selector AE Value", "D", [.deviceIdentity: "C"]),
        ConfidentialityRule(0x0072, 0x005F, "Selector AS Value", "D", [.patientCharacteristics: "K"]),
        ConfidentialityRule(
            0x0072, 0x0061, "Selector DA Value", "D", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x0072, 0x0063, "Selector DT Value", "D", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x0072, 0x0065, "Selector OB Value", "D"),
        ConfidentialityRule(0x0072, 0x0066, "Selector LO Value", "D", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0072, 0x0068, "Selector LT Value", "D", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0072, 0x006A, "Selector PN Value", "D"),
        ConfidentialityRule(
            0x0072, 0x006B, "Selector TM Value", "D", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x0072, 0x006C, "Selector SH Value", "D", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0072, 0x006D, "Selector UN Value", "D"),
        ConfidentialityRule(0x0072, 0x006E, "Selector ST Value", "D", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0072, 0x0070, "Selector UT Value", "D", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0072, 0x0071, "Selector UR Value", "D"),
        ConfidentialityRule(0x0074, 0x1234, "Receiving AE", "X", [.deviceIdentity: "C"]),
        ConfidentialityRule(0x0074, 0x1236, "Requesting AE", "X", [.deviceIdentity: "C"]),
        ConfidentialityRule(0x0088, 0x0140, "Storage Media File-set UID", "U", [.uids: "K"]),
        ConfidentialityRule(0x0088, 0x0200, "Icon Image Sequence", "X"),
        ConfidentialityRule(0x0088, 0x0904, "Topic Title", "X"),
        ConfidentialityRule(0x0088, 0x0906, "Topic Subject", "X"),
        ConfidentialityRule(0x0088, 0x0910, "Topic Author", "X"),
        ConfidentialityRule(0x0088, 0x0912, "Topic Keywords", "X"),
        ConfidentialityRule(
            0x0100, 0x0420, "SOP Authorization DateTime", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x0400, 0x0100, "Digital Signature UID", "U"),
        ConfidentialityRule(
            0x0400, 0x0105, "Digital Signature DateTime", "D",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x0400, 0x0115, "Certificate of Signer", "D"),
        ConfidentialityRule(
            0x0400, 0x0310, "Certified Timestamp", "X", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x0400, 0x0402, "Referenced Digital Signature Sequence", "X"),
        ConfidentialityRule(0x0400, 0x0403, "Referenced SOP Instance MAC Sequence", "X"),
        ConfidentialityRule(0x0400, 0x0404, "MAC", "X"),
        ConfidentialityRule(0x0400, 0x0550, "Modified Attributes Sequence", "X"),
        ConfidentialityRule(0x0400, 0x0551, "Nonconforming Modified Attributes Sequence", "X"),
        ConfidentialityRule(0x0400, 0x0552, "Nonconforming Data Element Value", "X"),
        ConfidentialityRule(0x0400, 0x0561, "Original Attributes Sequence", "X"),
        ConfidentialityRule(
            0x0400, 0x0562, "Attribute Modification DateTime", "D",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x0400, 0x0563, "Modifying System", "D", [.deviceIdentity: "K"]),
        ConfidentialityRule(0x0400, 0x0564, "Source of Previous Values", "Z", [.institutionIdentity: "K"]),
        ConfidentialityRule(0x0400, 0x0565, "Reason for the Attribute Modification", "D", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x0400, 0x0600, "Instance Origin Status", "X"),
        ConfidentialityRule(0x2030, 0x0020, "Text String", "X"),
        ConfidentialityRule(
            0x2100, 0x0040, "Creation Date", "X", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x2100, 0x0050, "Creation Time", "X", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x2100, 0x0070, "Originator", "X", [.deviceIdentity: "C"]),
        ConfidentialityRule(0x2100, 0x0140, "Destination AE", "D", [.deviceIdentity: "C"]),
        ConfidentialityRule(0x2200, 0x0002, "Label Text", "X/Z", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x2200, 0x0005, "Barcode Value", "X/Z"),
        ConfidentialityRule(0x3002, 0x0121, "Position Acquisition Template Name", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x3002, 0x0123, "Position Acquisition Template Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x3006, 0x0002, "Structure Set Label", "D", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x3006, 0x0004, "Structure Set Name", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x3006, 0x0006, "Structure Set Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(
            0x3006, 0x0008, "Structure Set Date", "Z", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x3006, 0x0009, "Structure Set Time", "Z", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x3006, 0x0024, "Referenced Frame of Reference UID", "U", [.uids: "K"]),
        ConfidentialityRule(0x3006, 0x0026, "ROI Name", "Z", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x3006, 0x0028, "ROI Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(
            0x3006, 0x002D, "ROI DateTime", "X", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x3006, 0x002E, "ROI Observation DateTime", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x3006, 0x0038, "ROI Generation Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x3006, 0x004D, "ROI Creator Sequence", "X"),
        ConfidentialityRule(0x3006, 0x004E, "ROI Interpreter Sequence", "X"),
        ConfidentialityRule(0x3006, 0x0085, "ROI Observation Label", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x3006, 0x0088, "ROI Observation Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x3006, 0x00A6, "ROI Interpreter", "Z"),
        ConfidentialityRule(0x3006, 0x00C2, "Related Frame of Reference UID", "U", [.uids: "K"]),
        ConfidentialityRule(
            0x3008, 0x0024, "Treatment Control Point Date", "D",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x3008, 0x0025, "Treatment Control Point Time", "D",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x3008, 0x0054, "First Treatment Date", "X/D",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x3008, 0x0056, "Most Recent Treatment Date", "X/D",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x3008, 0x0105, "Source Serial Number", "X/Z", [.deviceIdentity: "K"]),
        ConfidentialityRule(
            0x3008, 0x0162, "Safe Position Exit Date", "D",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x3008, 0x0164, "Safe Position Exit Time", "D",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x3008, 0x0166, "Safe Position Return Date", "D",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x3008, 0x0168, "Safe Position Return Time", "D",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x3008, 0x0250, "Treatment Date", "X/D", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x3008, 0x0251, "Treatment Time", "X/D", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x300A, 0x0002, "RT Plan Label", "D", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x300A, 0x0003, "RT Plan Name", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x300A, 0x0004, "RT Plan Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(
            0x300A, 0x0006, "RT Plan Date", "X/D", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x300A, 0x0007, "RT Plan Time", "X/D", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x300A, 0x000B, "Treatment Sites", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x300A, 0x000E, "Prescription Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x300A, 0x0013, "Dose Reference UID", "U", [.uids: "K"]),
        ConfidentialityRule(0x300A, 0x0016, "Dose Reference Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x300A, 0x0054, "Table Top Position Alignment UID", "U", [.uids: "K"]),
        ConfidentialityRule(0x300A, 0x0072, "Fraction Group Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x300A, 0x0083, "Referenced Dose Reference UID", "U", [.uids: "K"]),
        ConfidentialityRule(0x300A, 0x00B2, "Treatment Machine Name", "X/Z", [.deviceIdentity: "K"]),
        ConfidentialityRule(0x300A, 0x00C3, "Beam Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x300A, 0x00DD, "Bolus Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x300A, 0x0196, "Fixation Device Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x300A, 0x01A6, "Shielding Device Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x300A, 0x01B2, "Setup Technique Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x300A, 0x0216, "Source Manufacturer", "X", [.deviceIdentity: "K"]),
        ConfidentialityRule(
            0x300A, 0x022C, "Source Strength Reference Date", "D",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x300A, 0x022E, "Source Strength Reference Time", "D",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x300A, 0x02EB, "Compensator Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x300A, 0x0608, "Treatment Position Group Label", "D", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x300A, 0x0609, "Treatment Position Group UID", "U", [.uids: "K"]),
        ConfidentialityRule(0x300A, 0x0611, "RT Accessory Holder Slot ID", "Z"),
        ConfidentialityRule(0x300A, 0x0615, "RT Accessory Device Slot ID", "Z"),
        ConfidentialityRule(0x300A, 0x0619, "Radiation Dose Identification Label", "D", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x300A, 0x0623, "Radiation Dose In-Vivo Measurement Label", "D", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x300A, 0x062A, "RT Tolerance Set Label", "D", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x300A, 0x0650, "Patient Setup UID", "U", [.uids: "K"]),
        ConfidentialityRule(0x300A, 0x0676, "Equipment Frame of Reference Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x300A, 0x067C, "Radiation Generation Mode Label", "D", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x300A, 0x067D, "Radiation Generation Mode Description", "Z", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x300A, 0x0700, "Treatment Session UID", "U", [.uids: "K"]),
        ConfidentialityRule(0x300A, 0x0734, "Treatment Tolerance Violation Description", "D", [.cleanDescriptors: "C"]),
        ConfidentialityRule(
            0x300A, 0x0736, "Treatment Tolerance Violation DateTime", "D",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x300A, 0x073A, "Recorded RT Control Point DateTime", "D",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x300A, 0x0741, "Interlock DateTime", "D", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x300A, 0x0742, "Interlock Description", "D", [.cleanDescriptors: "C"]),
        ConfidentialityRule(
            0x300A, 0x0760, "Override DateTime", "D", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x300A, 0x0783, "Interlock Origin Description", "D", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x300A, 0x0785, "Referenced Treatment Position Group UID", "U", [.uids: "K"]),
        ConfidentialityRule(
            0x300A, 0x078E, "Patient Treatment Preparation Procedure Parameter Description", "X",
            [.cleanDescriptors: "C"]),
        ConfidentialityRule(
            0x300A, 0x0792, "Patient Treatment Preparation Method Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x300A, 0x0794, "Patient Setup Photo Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x300A, 0x079A, "Displacement Reference Label", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x300C, 0x0113, "Reason for Omission Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(
            0x300C, 0x0127, "Beam Hold Transition DateTime", "D",
            [.deviceIdentity: "K", .longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x300E, 0x0004, "Review Date", "Z", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x300E, 0x0005, "Review Time", "Z", [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x300E, 0x0008, "Reviewer Name", "X/Z"),
        ConfidentialityRule(0x3010, 0x0006, "Conceptual Volume UID", "U", [.uids: "K"]),
        ConfidentialityRule(0x3010, 0x000B, "Referenced Conceptual Volume UID", "U", [.uids: "K"]),
        ConfidentialityRule(0x3010, 0x000F, "Conceptual Volume Combination Description", "Z", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x3010, 0x0013, "Constituent Conceptual Volume UID", "U", [.uids: "K"]),
        ConfidentialityRule(0x3010, 0x0015, "Source Conceptual Volume UID", "U", [.uids: "K"]),
        ConfidentialityRule(0x3010, 0x0017, "Conceptual Volume Description", "Z", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x3010, 0x001B, "Device Alternate Identifier", "Z"),
        ConfidentialityRule(0x3010, 0x002D, "Device Label", "D", [.deviceIdentity: "K"]),
        ConfidentialityRule(0x3010, 0x0031, "Referenced Fiducials UID", "U", [.uids: "K"]),
        ConfidentialityRule(0x3010, 0x0033, "User Content Label", "D", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x3010, 0x0034, "User Content Long Label", "D", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x3010, 0x0035, "Entity Label", "D", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x3010, 0x0036, "Entity Name", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x3010, 0x0037, "Entity Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x3010, 0x0038, "Entity Long Label", "D", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x3010, 0x003B, "RT Treatment Phase UID", "U", [.uids: "K"]),
        ConfidentialityRule(0x3010, 0x0043, "Manufacturer's Device Identifier", "Z", [.deviceIdentity: "K"]),
        ConfidentialityRule(
            0x3010, 0x004C, "Intended Phase Start Date", "X/D",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x3010, 0x004D, "Intended Phase End Date", "X/D",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x3010, 0x0054, "RT Prescription Label", "D", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x3010, 0x0056, "RT Treatment Approach Label", "X/D", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x3010, 0x005A, "RT Physician Intent Narrative", "Z", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x3010, 0x005C, "Reason for Superseding", "Z", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x3010, 0x0061, "Prior Treatment Dose Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x3010, 0x006E, "Dosimetric Objective UID", "U", [.uids: "K"]),
        ConfidentialityRule(0x3010, 0x006F, "Referenced Dosimetric Objective UID", "U", [.uids: "K"]),
        ConfidentialityRule(0x3010, 0x0077, "Treatment Site", "X/D", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x3010, 0x007A, "Treatment Technique Notes", "Z", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x3010, 0x007B, "Prescription Notes", "Z", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x3010, 0x007F, "Fractionation Notes", "Z", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x3010, 0x0081, "Prescription Notes Sequence", "Z", [.cleanDescriptors: "C"]),
        ConfidentialityRule(
            0x3010, 0x0085, "Intended Fraction Start Time", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x4000, 0x0010, "Arbitrary", "X"),
        ConfidentialityRule(0x4000, 0x4000, "Text Comments", "X"),
        ConfidentialityRule(0x4008, 0x0040, "Results ID", "X"),
        ConfidentialityRule(0x4008, 0x0042, "Results ID Issuer", "X"),
        ConfidentialityRule(
            0x4008, 0x0100, "Interpretation Recorded Date", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x4008, 0x0101, "Interpretation Recorded Time", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x4008, 0x0102, "Interpretation Recorder", "X"),
        ConfidentialityRule(
            0x4008, 0x0108, "Interpretation Transcription Date", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x4008, 0x0109, "Interpretation Transcription Time", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x4008, 0x010A, "Interpretation Transcriber", "X"),
        ConfidentialityRule(0x4008, 0x010B, "Interpretation Text", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x4008, 0x010C, "Interpretation Author", "X"),
        ConfidentialityRule(0x4008, 0x0111, "Interpretation Approver Sequence", "X"),
        ConfidentialityRule(
            0x4008, 0x0112, "Interpretation Approval Date", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(
            0x4008, 0x0113, "Interpretation Approval Time", "X",
            [.longitudinalFullDates: "K", .longitudinalModifiedDates: "C"]),
        ConfidentialityRule(0x4008, 0x0114, "Physician Approving Interpretation", "X"),
        ConfidentialityRule(0x4008, 0x0115, "Interpretation Diagnosis Description", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x4008, 0x0118, "Results Distribution List Sequence", "X"),
        ConfidentialityRule(0x4008, 0x0119, "Distribution Name", "X"),
        ConfidentialityRule(0x4008, 0x011A, "Distribution Address", "X"),
        ConfidentialityRule(0x4008, 0x0200, "Interpretation ID", "X"),
        ConfidentialityRule(0x4008, 0x0202, "Interpretation ID Issuer", "X"),
        ConfidentialityRule(0x4008, 0x0300, "Impressions", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0x4008, 0x4000, "Results Comments", "X", [.cleanDescriptors: "C"]),
        ConfidentialityRule(0xFFFA, 0xFFFA, "Digital Signatures Sequence", "X"),
        ConfidentialityRule(0xFFFC, 0xFFFC, "Data Set Trailing Padding", "X"),
    ]
}
