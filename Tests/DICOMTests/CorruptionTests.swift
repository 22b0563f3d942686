import DICOM
import Foundation
import TestSupport
import Testing

/// Mutants of every real file (truncations, byte flips in header and pixel data, absurd geometry,
/// corrupt RLE headers) are opened and fully decoded by `caseatlas dicom inspect --all-frames` in
/// a child process with capped memory. A crash, or an unbounded allocation, fails the test and
/// names the mutant; every mutant must get a line of output, data or a clear error.
@Suite struct CorruptionTests {
    @Test func mutantsNeverCrashTheProcess() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mutants = try MutantFactory(output: folder).makeAll(
            from: PydicomReference.shared.files.map { TestPaths.pydicomFile($0.file) })
        #expect(mutants.count > 1000)

        let crashed = try MutantRunner.crashingInputs(
            TestPaths.caseatlas, ["dicom", "inspect", "--json", "--all-frames"], inputs: mutants
        ) { outcome, batch in
            let lines = outcome.standardOutput.split(separator: "\n")
            #expect(lines.count == batch.count, "one line per mutant")
            for line in lines where line.contains("\"error\"") {
                #expect(line.contains("\"path\""))
                #expect(!line.contains("\"error\":\"\""), "an error must say what is wrong: \(line)")
            }
            #expect(outcome.status == 0 || outcome.status == 1)
        }
        #expect(crashed.isEmpty, "mutants that crashed the decoder: \(crashed)")
    }
}

/// Writes deterministic mutants of DICOM files.
struct MutantFactory {
    let output: URL

    func makeAll(from paths: [String]) throws -> [String] {
        var written: [String] = []
        for (fileIndex, path) in paths.enumerated() {
            let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            let base = "m\(fileIndex)-" + URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            var generator = SplitMix64(seed: UInt64(fileIndex) &+ 0x5EED)
            var variants: [(String, [UInt8])] = []
            // Truncations, including inside the header and a byte short of the end.
            for fraction in [0.02, 0.1, 0.3, 0.5, 0.8, 0.95] {
                variants.append(
                    ("cut\(Int(fraction * 100))", Array(original.prefix(Int(Double(original.count) * fraction)))))
            }
            variants.append(("cutlast", Array(original.dropLast())))
            // Byte flips: in the first kilobyte (header) and anywhere after it (mostly pixel data).
            let pixelStart = Self.pixelDataOffset(original) ?? min(1024, original.count)
            for flip in 0..<6 {
                var mutant = original
                let inHeader = flip % 2 == 0
                let range = inHeader ? 0..<max(1, min(pixelStart, original.count)) : pixelStart..<original.count
                guard !range.isEmpty else { continue }
                for _ in 0..<(1 + flip) {
                    let at = range.lowerBound + Int(generator.next() % UInt64(range.count))
                    mutant[at] ^= UInt8(truncatingIfNeeded: generator.next() | 1)
                }
                variants.append(("flip\(flip)", mutant))
            }
            // Corrupt RLE segment offsets (DCMTK 3.6.7 crashes on these when unchecked).
            if let header = Self.rleHeaderOffset(original) {
                var mutant = original
                mutant.replaceSubrange((header + 8)..<(header + 12), with: [0x00, 0xFF, 0xFF, 0x7F])
                variants.append(("rleoffset", mutant))
                var count = original
                count[header] = 15
                variants.append(("rlecount", count))
            }
            for (suffix, bytes) in variants {
                let url = output.appendingPathComponent("\(base)-\(suffix).dcm")
                try Data(bytes).write(to: url)
                written.append(url.path)
            }
            written += try geometryMutants(of: path, base: base)
        }
        return written
    }

    /// Absurd geometry written through DCMTK, keeping the original encoding.
    private func geometryMutants(of path: String, base: String) throws -> [String] {
        guard let probe = try? DicomFile(path: path), probe.dataset.contains(.pixelData) else { return [] }
        let edits: [(String, (DicomItem) throws -> Void)] = [
            (
                "huge",
                {
                    try $0.set(.rows, to: UInt16(65535)); try $0.set(.columns, to: UInt16(65535))
                }
            ),
            ("frames", { try $0.set(.numberOfFrames, to: "2147483647") }),
            ("negframes", { try $0.set(.numberOfFrames, to: "-5") }),
            (
                "bits",
                {
                    try $0.set(.bitsAllocated, to: UInt16(64)); try $0.set(.bitsStored, to: UInt16(40))
                }
            ),
            ("stored", { try $0.set(.bitsStored, to: UInt16(0)) }),
            ("samples", { try $0.set(.samplesPerPixel, to: UInt16(4)) }),
            ("zero", { try $0.set(.rows, to: UInt16(0)) }),
        ]
        var written: [String] = []
        for (suffix, edit) in edits {
            guard let file = try? DicomFile(path: path) else { continue }
            try edit(file.dataset)
            let target = output.appendingPathComponent("\(base)-\(suffix).dcm").path
            if (try? file.write(to: target, transferSyntax: file.transferSyntax)) != nil { written.append(target) }
        }
        return written
    }

    /// Where the Pixel Data element starts (tag 7FE0,0010 in either byte order).
    static func pixelDataOffset(_ bytes: [UInt8]) -> Int? {
        let little: [UInt8] = [0xE0, 0x7F, 0x10, 0x00]
        let big: [UInt8] = [0x7F, 0xE0, 0x00, 0x10]
        return bytes.firstRange(of: little)?.lowerBound ?? bytes.firstRange(of: big)?.lowerBound
    }

    /// The start of the first RLE header: segment count 1-15, then a first offset of 64.
    static func rleHeaderOffset(_ bytes: [UInt8]) -> Int? {
        guard let pixels = pixelDataOffset(bytes) else { return nil }
        var at = pixels
        while at + 8 <= bytes.count {
            if (1...15).contains(bytes[at]) && bytes[(at + 1)..<(at + 4)].allSatisfy({ $0 == 0 })
                && bytes[(at + 4)..<(at + 8)] == [0x40, 0, 0, 0]
            {
                return at
            }
            at += 1
        }
        return nil
    }
}
