import DICOM
import Foundation
import Testing

/// Files the project writes itself with DCMTK, through every transfer syntax DCMTK can encode,
/// read back with the values that went in.
@Suite struct RoundTripTests {
    static let lossless: [TransferSyntax] = [
        .implicitVRLittleEndian, .explicitVRLittleEndian, .explicitVRBigEndian, .deflatedExplicitVRLittleEndian,
        .rleLossless, .jpegLossless, .jpegLosslessSV1, .jpegLSLossless,
    ]

    static func signedImage() -> SampleImageWriter.GreyImage {
        var image = SampleImageWriter.ctSlice(size: 48)
        image.isSigned = true
        image.bitsStored = 16
        image.stored = image.stored.map { $0 - 1024 }  // -1000...900, stored as signed
        image.rescaleIntercept = 0
        return image
    }

    func roundTrip(_ image: SampleImageWriter.GreyImage, _ syntax: TransferSyntax) throws -> (DicomFrame, DicomFile) {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("image.dcm").path
        try SampleImageWriter.makeFile(image, name: "roundtrip").write(to: path, transferSyntax: syntax)
        let file = try DicomFile(path: path)
        return (try file.decodeFrame(0), file)
    }

    func expected(_ image: SampleImageWriter.GreyImage) -> [Float] {
        image.stored.map { Float(Double($0) * (image.rescaleSlope ?? 1) + (image.rescaleIntercept ?? 0)) }
    }

    @Test(arguments: lossless)
    func unsignedTwelveBitSurvivesExactly(_ syntax: TransferSyntax) throws {
        let image = SampleImageWriter.ctSlice(size: 48)
        let (frame, file) = try roundTrip(image, syntax)
        #expect(file.transferSyntax == syntax)
        #expect(frame.values == expected(image))
    }

    @Test(arguments: lossless)
    func signedSixteenBitSurvivesExactly(_ syntax: TransferSyntax) throws {
        let image = Self.signedImage()
        let (frame, _) = try roundTrip(image, syntax)
        #expect(frame.values == expected(image))
        #expect(frame.values.min() == -1000)
    }

    @Test(arguments: lossless + [.jpegBaseline, .jpegLSNearLossless])
    func eightBitSurvives(_ syntax: TransferSyntax) throws {
        var image = SampleImageWriter.ctSlice(size: 48)
        image.bitsAllocated = 8
        image.bitsStored = 8
        image.stored = image.stored.map { ($0 / 8) % 256 }
        image.rescaleIntercept = nil
        image.rescaleSlope = nil
        let (frame, _) = try roundTrip(image, syntax)
        let worst = zip(frame.values, expected(image)).map { abs($0 - $1) }.max() ?? .infinity
        #expect(syntax.isLossy ? worst <= 32 : worst == 0, "\(syntax.name): worst difference \(worst)")
        if syntax.isLossy {
            let mean =
                zip(frame.values, expected(image)).map { Double(abs($0 - $1)) }.reduce(0, +)
                / Double(frame.values.count)
            #expect(mean <= 2, "\(syntax.name): mean difference \(mean)")
        }
    }

    @Test func fractionalRescaleIsAppliedInDoublePrecision() throws {
        var image = SampleImageWriter.ctSlice(size: 16)
        image.rescaleSlope = 0.3333
        image.rescaleIntercept = -12.5
        let (frame, _) = try roundTrip(image, .explicitVRLittleEndian)
        #expect(frame.values == expected(image))
        #expect(frame.values.contains { $0 != $0.rounded() })
    }

    @Test func writingAnUnknownSyntaxFailsClearly() throws {
        let file = try SampleImageWriter.makeFile(SampleImageWriter.ctSlice(size: 8), name: "x")
        let error = #expect(throws: DicomError.self) {
            try file.write(to: "/tmp/never.dcm", transferSyntax: TransferSyntax(uid: "1.2.3.4"))
        }
        #expect(error?.kind == .writeFailed)
    }
}
