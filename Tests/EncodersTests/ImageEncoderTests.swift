import DICOM
import Encoders
import Foundation
import Radiomics
import TestSupport
import Testing

/// The radiomics image encoder: DICOM in, a deterministic unit vector out, for every modality the
/// issue names, with clear errors for what is not one image.
@Suite struct ImageEncoderTests {
    let encoder = RadiomicsImageEncoder()

    func image(_ paths: [String]) throws -> MedicalImage {
        try MedicalImage(files: paths.map { try DicomFile(path: $0) })
    }

    @Test func aCTSeriesBecomesAVolumeInHounsfieldUnits() throws {
        let folder = try Locations.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let image = try image(try SyntheticSeries.ct(in: folder).reversed())
        let grid = image.intensities.grid
        #expect(image.modality == "CT")
        #expect(grid.sizeX == 64 && grid.sizeY == 64 && grid.sizeZ == 6)
        #expect(grid.spacing == SIMD3(0.7, 0.7, 2.5))
        #expect(image.intensities.values.min() == -1000 && image.intensities.values.max() == 900)
        #expect(image.notes.isEmpty)

        let encoding = try encoder.encode(image)
        #expect(encoding.vector.count == encoder.dimensions)
        let norm = encoding.vector.reduce(0) { $0 + Double($1) * Double($1) }.squareRoot()
        #expect(abs(norm - 1) < 1e-5)
        #expect(encoding.regionSource == "ct-body")
        // The body ellipse of ctSlice covers about pi * 0.45 * 0.35 of each slice.
        let expected = Double.pi * 0.45 * 0.35 * 64 * 64 * 6
        #expect(abs(Double(encoding.regionVoxels) - expected) / expected < 0.05)
        let features = Dictionary(encoding.features.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        // Mostly soft tissue (35...60 HU) with a little bone (900 HU).
        let mean = try #require(features["stat.mean"])
        #expect(mean > 35 && mean < 120)
        #expect(features["stat.max"] == 900)
        #expect(
            features["morph.approx.vol"].map { abs($0 - Double(encoding.regionVoxels) * 0.7 * 0.7 * 2.5) < 1e-6 }
                == true)
    }

    @Test func theVectorIsDeterministicAcrossRunsAndThreads() throws {
        let folder = try Locations.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let image = try image(try SyntheticSeries.ct(in: folder))
        let first = try encoder.encode(image).vector
        #expect(try encoder.encode(image).vector == first)
        #expect(try RadiomicsImageEncoder(threads: 2).encode(image).vector == first)
        #expect(RadiomicsImageEncoder(threads: 2).fingerprint == encoder.fingerprint)
    }

    @Test func differentTissueGivesADifferentVector() throws {
        let folder = try Locations.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plain = try image(try SyntheticSeries.ct(in: folder, name: "plain"))
        // The same body with coarse noise added to the soft tissue.
        let noisy = try image(
            try SyntheticSeries.ct(in: folder, name: "noisy") { image in
                for index in image.stored.indices where image.stored[index] > 1024 - 200 {
                    image.stored[index] += (index * 7919 % 61) - 30
                }
            })
        let a = try encoder.encode(plain).vector
        let b = try encoder.encode(noisy).vector
        let cosine = zip(a, b).reduce(0) { $0 + Double($1.0) * Double($1.1) }
        #expect(cosine < 0.99)
        #expect(cosine > 0.3)
    }

    @Test(arguments: [
        ("MR_small.dcm", "MR"), ("CT_small.dcm", "CT"), ("examples_rgb_color.dcm", "OT"),
        ("SC_rgb_rle_2frame.dcm", "OT"), ("JPEG2000.dcm", "OT"), ("rtdose.dcm", "RTDOSE"),
    ])
    func realFilesOfEveryKindEncode(name: String, modality: String) throws {
        let file = try DicomFile(path: Locations.pydicomTestFile(name))
        let image = try MedicalImage(files: [file])
        let encoding = try encoder.encode(image)
        #expect(encoding.vector.count == encoder.dimensions)
        #expect(encoding.regionVoxels > 0)
        #expect(encoding.vector.allSatisfy { $0.isFinite })
        #expect(image.convertedFromColour == (file.metadata.geometry?.samplesPerPixel == 3))
        if modality != "OT" { #expect(image.modality == modality) }
    }

    @Test(arguments: ["DX", "CR", "US", "NM"])
    func planarModalitiesUseTheStandardisedProfile(modality: String) throws {
        let folder = try Locations.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = try SyntheticSeries.ct(in: folder, count: 1, modality: modality)
        let image = try image(paths)
        #expect(image.isPlanar)
        let encoding = try encoder.encode(image)
        #expect(encoding.regionSource == "foreground")
        let features = Dictionary(encoding.features.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        // Standardised within the region: median 0.
        #expect(abs(features["stat.median"] ?? 99) < 1e-3)
        // Gain does not matter: doubling every stored value gives the same vector.
        let doubled = try self.image(
            try SyntheticSeries.ct(in: folder, name: "doubled", count: 1, modality: modality) { image in
                image.stored = image.stored.map { $0 * 2 }
                image.bitsStored = 13
            })
        let a = encoding.vector
        let b = try encoder.encode(doubled).vector
        #expect(zip(a, b).allSatisfy { abs($0 - $1) < 1e-4 })
    }

    @Test func notOneImageIsRefusedWithAReason() throws {
        let folder = try Locations.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mixed =
            try SyntheticSeries.ct(in: folder, name: "a", count: 2)
            + SyntheticSeries.ct(in: folder, name: "b", count: 2)
        #expect(
            throws: ImageEncoderError(.notAnImage, "the files hold 2 series; give the files of one series at a time")
        ) {
            try image(mixed)
        }
        let noPixels = try DicomFile(path: Locations.pydicomTestFile("rtplan.dcm"))
        #expect(throws: ImageEncoderError.self) { try MedicalImage(files: [noPixels]) }
    }

    @Test func anAirOnlyCTHasAnEmptyRegion() throws {
        let folder = try Locations.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = try SyntheticSeries.ct(in: folder, count: 2) { image in
            image.stored = image.stored.map { _ in 0 }  // -1024 HU everywhere
        }
        let image = try image(paths)
        #expect(throws: ImageEncoderError.self) { try encoder.encode(image) }
        do {
            _ = try encoder.encode(image)
        } catch {
            #expect(error.kind == .emptyRegion)
            #expect(error.reason.contains("empty"))
        }
    }

    @Test func aSuppliedRegionIsUsed() throws {
        let folder = try Locations.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let auto = try image(try SyntheticSeries.ct(in: folder))
        let grid = auto.intensities.grid
        // A 10 x 10 x 2 box in the soft tissue.
        var inside = [Bool](repeating: false, count: grid.voxelCount)
        for z in 2..<4 { for y in 27..<37 { for x in 27..<37 { inside[grid.index(x: x, y: y, z: z)] = true } } }
        let supplied = MedicalImage(
            modality: "CT", intensities: auto.intensities, suppliedRegion: RegionMask(grid: grid, inside: inside))
        let encoding = try encoder.encode(supplied)
        #expect(encoding.regionSource == "supplied")
        #expect(encoding.regionVoxels == 200)
        let empty = MedicalImage(
            modality: "CT", intensities: auto.intensities,
            suppliedRegion: RegionMask(grid: grid, inside: [Bool](repeating: false, count: grid.voxelCount)))
        #expect(throws: ImageEncoderError(.emptyRegion, "the supplied region of interest is empty")) {
            try encoder.encode(empty)
        }
    }

    @Test func theFingerprintNamesTheEncoderAndItsSettings() {
        let fingerprint = encoder.fingerprint
        #expect(fingerprint.name == "caseatlas-image-radiomics")
        #expect(fingerprint.weightsSHA256.count == 64)
        #expect(fingerprint.parameters.contains("dims=\(encoder.dimensions)"))
    }
}
