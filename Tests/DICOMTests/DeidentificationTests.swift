import Foundation
import Testing

@testable import DICOM

/// Proof for Compliance/deidentification.md.
@Suite struct DeidentificationTests {
    let key = [UInt8](repeating: 7, count: 32)

    /// Every attribute of every real file, at every nesting level.
    func walk(_ item: DicomItem, _ visit: (DicomItem, DicomElementHeader) -> Void) {
        for header in item.elements {
            visit(item, header)
            if header.vr == "SQ" { for child in item.sequence(header.tag) { walk(child, visit) } }
        }
    }

    @Test(arguments: PydicomReference.shared.files.map(\.file))
    func noIdentifyingAttributeSurvives(_ name: String) throws {
        guard let file = try? DicomFile(path: TestPaths.pydicomFile(name)) else { return }
        var originals: [String] = []
        walk(file.dataset) { item, header in
            // Names and identifiers: values that could only come from the patient.
            if header.tag.group == 0x0010, ["PN", "LO"].contains(header.vr), let text = item.string(header.tag),
                text.count >= 4
            {
                originals.append(text)
            }
        }
        try Deidentifier(siteKey: key).apply(to: file)
        walk(file.dataset) { item, header in
            let tag = header.tag
            #expect(!tag.isPrivate, "\(name): private attribute \(tag) survived")
            #expect(tag.group & 0xFF00 != 0x5000, "\(name): curve data \(tag) survived")
            guard let action = Deidentifier.profileAction(for: tag) else { return }
            let value = item.string(tag) ?? ""
            switch action {
            case .remove, .clean: Issue.record("\(name): \(tag) should have been removed")
            case .zero: #expect(value.isEmpty || header.vr == "SQ", "\(name): \(tag) should be empty")
            case .dummy:
                if header.vr == "UI" { #expect(value.hasPrefix("2.25.")) }
            case .replaceUID:
                if header.vr == "UI" {
                    #expect(
                        value.split(separator: "\\").allSatisfy { $0.hasPrefix("2.25.") },
                        "\(name): \(tag) not replaced")
                }
            case .keep: break
            }
        }
        #expect(file.dataset.string(.patientIdentityRemoved) == "YES")
        #expect(file.dataset.strings(.deidentificationMethod)?.first?.contains("PS3.15") == true)
        // Nothing of the patient's identity is left in the written bytes.
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out.dcm").path
        guard (try? file.write(to: output, transferSyntax: .explicitVRLittleEndian)) != nil else { return }
        let written = try Data(contentsOf: URL(fileURLWithPath: output))
        for original in originals where !["ANONYMOUS", "YES"].contains(original) {
            #expect(written.range(of: Data(original.utf8)) == nil, "\(name): a patient value survived in the file")
        }
    }

    @Test func patientAttributesOfARealCTAreHandled() throws {
        let file = try DicomFile(path: TestPaths.pydicomFile("CT_small.dcm"))
        let before = file.metadata
        #expect(before.patient.name != nil)
        let report = try Deidentifier(siteKey: key).apply(to: file)
        let after = file.metadata
        #expect(after.patient.name == nil)  // Z: present but empty
        #expect(file.dataset.contains(.patientName))
        #expect(after.patient.id == "ANONYMOUS")  // Z/D resolves to D
        #expect(after.patient.birthDate == nil)
        #expect(after.studyInstanceUID != before.studyInstanceUID)
        #expect(after.studyInstanceUID?.hasPrefix("2.25.") == true)
        #expect(
            after.geometry
                == before.geometry.map { geometry in
                    var kept = geometry
                    kept.imagePositionPatient = geometry.imagePositionPatient
                    return kept
                })
        #expect(report.removed > 0 && report.replacedUIDs > 0)
        // Pixels are untouched.
        #expect(try file.decodeFrame(0) == DicomFile(path: TestPaths.pydicomFile("CT_small.dcm")).decodeFrame(0))
    }

    @Test func uidsAreReplacedConsistentlyAndDependOnTheKey() throws {
        let first = try DicomFile(path: TestPaths.pydicomFile("MR_small.dcm"))
        let second = try DicomFile(path: TestPaths.pydicomFile("MR_small_RLE.dcm"))
        let other = try DicomFile(path: TestPaths.pydicomFile("MR_small.dcm"))
        let original = first.metadata.studyInstanceUID
        #expect(original == second.metadata.studyInstanceUID)
        try Deidentifier(siteKey: key).apply(to: first)
        try Deidentifier(siteKey: key).apply(to: second)
        try Deidentifier(siteKey: [UInt8](repeating: 9, count: 32)).apply(to: other)
        #expect(first.metadata.studyInstanceUID == second.metadata.studyInstanceUID)
        #expect(first.metadata.studyInstanceUID != other.metadata.studyInstanceUID)
        #expect(first.metadata.studyInstanceUID != original)
        let uid = try #require(first.metadata.studyInstanceUID)
        #expect(uid.count <= 64 && uid.allSatisfy { $0.isNumber || $0 == "." })
    }

    @Test func retentionOptionsKeepWhatTheyName() throws {
        let plain = try DicomFile(path: TestPaths.pydicomFile("CT_small.dcm"))
        let kept = try DicomFile(path: TestPaths.pydicomFile("CT_small.dcm"))
        let sex = plain.metadata.patient.sex
        #expect(sex != nil)
        try Deidentifier(siteKey: key).apply(to: plain)
        try Deidentifier(siteKey: key, options: [.patientCharacteristics, .longitudinalFullDates, .uids]).apply(
            to: kept)
        #expect(plain.metadata.patient.sex == nil)
        #expect(kept.metadata.patient.sex == sex)
        #expect(
            try kept.metadata.studyInstanceUID
                == DicomFile(path: TestPaths.pydicomFile("CT_small.dcm")).metadata.studyInstanceUID)
        #expect(kept.metadata.studyDate != nil)
        #expect(kept.dataset.string(.longitudinalTemporalInformationModified) == "UNMODIFIED")
        #expect(plain.dataset.string(.longitudinalTemporalInformationModified) == "REMOVED")
        #expect(
            kept.dataset.strings(.deidentificationMethod)?.contains("Retain Patient Characteristics Option") == true)
        // Unsupported options are not applied and not named.
        let unsupported = try DicomFile(path: TestPaths.pydicomFile("CT_small.dcm"))
        try Deidentifier(siteKey: key, options: [.cleanDescriptors]).apply(to: unsupported)
        #expect(unsupported.dataset.strings(.deidentificationMethod)?.count == 1)
    }

    @Test func compoundCodesResolveAsDocumented() {
        #expect(DeidentificationAction(standardCode: "Z/D") == .dummy)
        #expect(DeidentificationAction(standardCode: "X/D") == .dummy)
        #expect(DeidentificationAction(standardCode: "X/Z/D") == .dummy)
        #expect(DeidentificationAction(standardCode: "X/Z") == .zero)
        #expect(DeidentificationAction(standardCode: "X/Z/U*") == .replaceUID)
        #expect(DeidentificationAction(standardCode: "K") == .keep)
        #expect(DeidentificationAction(standardCode: "?") == nil)
    }

    @Test func theTableIsTheStandardsTable() {
        let rules = ConfidentialityRule.basicProfile
        #expect(rules.count == 652)
        #expect(Set(rules.map(\.tag)).count == rules.count, "one rule per tag")
        #expect(rules.map(\.tag) == rules.map(\.tag).sorted())
        #expect(rules.allSatisfy { DeidentificationAction(standardCode: $0.basicCode) != nil })
        #expect(Deidentifier.profileAction(for: .patientName) == .zero)
        #expect(Deidentifier.profileAction(for: .patientID) == .dummy)
        #expect(Deidentifier.profileAction(for: .sopInstanceUID) == .replaceUID)
        #expect(Deidentifier.profileAction(for: .rows) == nil)
    }
}
