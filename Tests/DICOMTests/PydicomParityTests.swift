import Crypto
import DICOM
import Foundation
import Testing

/// The bar of the foundation issue: every pixel-bearing file of pydicom 3.0.2's test files that
/// pydicom decodes decodes here with identical values (lossless) or within 2 grey levels (lossy);
/// every file pydicom rejects gives a clear error here.
@Suite struct PydicomParityTests {
    @Test func corpusIsPresentAndUnchanged() throws {
        for entry in PydicomReference.shared.files {
            let path = TestPaths.pydicomFile(entry.file)
            let data = try #require(
                FileManager.default.contents(atPath: path), "\(path) is missing: run `make deps` first")
            #expect(SHA256.hash(data: data).hexString == entry.sha256, "\(entry.file) differs from the reference")
        }
        #expect(PydicomReference.decoded.count == 58)
    }

    /// Files where CaseAtlas deliberately differs from pydicom, each with its reason (docs/dicom.md).
    static let deviations: [String: String] = [
        "SC_rgb_jpeg.dcm":
            "the dataset is implicit VR although the meta header declares JPEG Baseline (explicit VR); DCMTK refuses it",
        "JPEG-lossy.dcm": "pydicom's libjpeg fails on it; DCMTK decodes it to the same image as JPGExtended.dcm",
    ]

    @Test(arguments: PydicomReference.decoded.filter { deviations[$0.file] == nil })
    func decodesLikePydicom(_ entry: PydicomReference.Entry) throws {
        let file = try DicomFile(path: TestPaths.pydicomFile(entry.file))
        let layout = try file.pixelLayout()
        #expect(layout.rows == entry.rows)
        #expect(layout.columns == entry.columns)
        #expect(layout.frames == entry.frames)
        #expect(layout.samplesPerPixel == entry.samplesPerPixel)
        let frames = try file.decodeAllFrames()
        let reference = try #require(entry.frameValues)
        #expect(frames.count == reference.count)
        for (index, (frame, expected)) in zip(frames, reference).enumerated() {
            let picks = PydicomReference.positions(count: frame.values.count, wanted: expected.positions)
            let ours = picks.map { Double(frame.values[$0]) }
            if entry.lossy == true {
                let worst = zip(ours, expected.samples).map { abs($0 - $1) }.max() ?? 0
                #expect(worst <= 2, "\(entry.file) frame \(index): differs by up to \(worst) grey levels")
                #expect(abs(frame.statistics.mean - expected.mean) <= 2)
            } else {
                #expect(ours == expected.samples, "\(entry.file) frame \(index): sampled values differ")
                #expect(frame.values.float32Digest == expected.sha256, "\(entry.file) frame \(index): values differ")
            }
        }
    }

    @Test func mislabelledTransferSyntaxIsAClearError() {
        let path = TestPaths.pydicomFile("SC_rgb_jpeg.dcm")
        let error = #expect(throws: DicomError.self) { try DicomFile(path: path) }
        #expect(error?.kind == .unreadable)
        #expect(error?.source == path)
    }

    /// JPEG-lossy.dcm and JPGExtended.dcm hold the same image; pydicom decodes only the second.
    @Test func decodesTheLossyJPEGThatPydicomCannot() throws {
        let ours = try DicomFile(path: TestPaths.pydicomFile("JPEG-lossy.dcm")).decodeFrame(0)
        let reference = try #require(PydicomReference.shared.files.first { $0.file == "JPGExtended.dcm" })
        let expected = try #require(reference.frameValues?.first)
        let picks = PydicomReference.positions(count: ours.values.count, wanted: expected.positions)
        let worst = zip(picks.map { Double(ours.values[$0]) }, expected.samples).map { abs($0 - $1) }.max() ?? .infinity
        #expect(worst <= 2)
    }

    @Test(arguments: PydicomReference.rejected.filter { deviations[$0.file] == nil })
    func rejectsWhatPydicomRejects(_ entry: PydicomReference.Entry) {
        let path = TestPaths.pydicomFile(entry.file)
        #expect(throws: DicomError.self) {
            let file = try DicomFile(path: path)
            _ = try file.decodeAllFrames()
        }
        do {
            let file = try DicomFile(path: path)
            _ = try file.decodeAllFrames()
        } catch {
            #expect(error.source == path)
            #expect(!error.reason.isEmpty)
        }
    }

    /// Objects without pixels (plans, reports, waveforms) open and say there is nothing to decode;
    /// the two of them DCMTK cannot parse (a truncated plan, a bare dataset it mis-detects) give a
    /// clear error naming the file.
    @Test(arguments: PydicomReference.withoutPixels)
    func reportsMissingPixelData(_ entry: PydicomReference.Entry) throws {
        let path = TestPaths.pydicomFile(entry.file)
        guard ["rtplan_truncated.dcm", "no_meta.dcm"].contains(entry.file) == false else {
            let error = #expect(throws: DicomError.self) { try DicomFile(path: path) }
            #expect(error?.source == path)
            return
        }
        let file = try DicomFile(path: path)
        #expect(!file.dataset.contains(.pixelData))
        let error = #expect(throws: DicomError.self) { try file.decodeFrame(0) }
        #expect(error?.kind == .missingAttribute)
    }

    /// Uploads arrive as bytes: opening from memory must give exactly what opening the path gives.
    @Test(arguments: PydicomReference.decoded.filter { deviations[$0.file] == nil })
    func memoryAndPathAgree(_ entry: PydicomReference.Entry) throws {
        let path = TestPaths.pydicomFile(entry.file)
        let fromPath = try DicomFile(path: path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let fromMemory = try DicomFile(bytes: bytes, name: entry.file)
        #expect(fromPath.metadata == fromMemory.metadata)
        #expect(try fromPath.decodeFrame(0) == fromMemory.decodeFrame(0))
    }
}

extension [Float] {
    var float32Digest: String {
        var bytes = [UInt8]()
        bytes.reserveCapacity(count * 4)
        for value in self {
            let bits = value.bitPattern.littleEndian
            Swift.withUnsafeBytes(of: bits) { bytes.append(contentsOf: $0) }
        }
        return SHA256.hash(data: bytes).hexString
    }
}

extension Digest {
    var hexString: String { map { String(format: "%02x", $0) }.joined() }
}
