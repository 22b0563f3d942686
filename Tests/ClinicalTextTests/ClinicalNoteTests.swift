import ClinicalText
import Foundation
import Testing

@Suite struct ClinicalNoteTests {
    @Test func plainUTF8AndFHIRDocumentReference() throws {
        let text = "IMPRESSION: No acute disease.\n"
        let plain = try ClinicalNote(bytes: Data(text.utf8), source: "a.txt")
        #expect(plain.text == text)
        let fhir = """
            {"resourceType": "DocumentReference", "status": "current",
             "content": [{"attachment": {"contentType": "text/plain; charset=utf-8",
                          "data": "\(Data(text.utf8).base64EncodedString())"}}]}
            """
        let reference = try ClinicalNote(bytes: Data(fhir.utf8), source: "a.json")
        #expect(reference.text == text)
    }

    @Test func badInputGivesClearErrors() {
        func reason(_ bytes: Data) -> String? {
            do {
                _ = try ClinicalNote(bytes: bytes, source: "n")
                return nil
            } catch { return error.reason }
        }
        #expect(reason(Data())?.contains("empty") == true)
        #expect(reason(Data("   \n".utf8))?.contains("empty") == true)
        #expect(reason(Data([0x61, 0x62, 0xC3, 0x28, 0x61]))?.contains("not valid UTF-8 (first invalid byte at offset 2)") == true)
        #expect(reason(Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 * 7 % 32) }))?.contains("binary") == true)
        #expect(reason(Data(repeating: 0x61, count: 10 << 20))?.contains("above the limit") == true)
        #expect(reason(Data(#"{"resourceType": "Patient"}"#.utf8))?.contains("not a FHIR DocumentReference") == true)
        #expect(reason(Data(#"{"resourceType": "DocumentReference", "content": []}"#.utf8))?.contains("no text/plain") == true)
        #expect(reason(Data("{not json".utf8))?.contains("not valid JSON") == true)
    }

    @Test func sectionsAreSplitAtHeaderLines() {
        let note = """
            CT CHEST WITH CONTRAST
            CLINICAL HISTORY: cough for three weeks.
            FINDINGS:
            No pleural effusion. 8 mm nodule in the right upper lobe.
            IMPRESSION: Solitary pulmonary nodule.
            Plan: follow-up CT in 6 months.
            """
        let sections = NoteSectioner.sections(of: note)
        #expect(sections.map(\.name) == ["preamble", "indication", "findings", "impression", "plan"])
        #expect(sections[2].text.contains("8 mm nodule"))
        #expect(sections[3].text == "Solitary pulmonary nodule.")
    }
}
