import DICOM
import Foundation
import TestSupport
import Testing

/// Truncated and bit-flipped slices and segmentations given to `caseatlas image features` in child
/// processes: every one gives a result or a clear error, none crashes.
@Suite struct ImageHostileInputTests {
    /// Truncations at 20 points and 40 random byte flips (header and pixels) of `original`.
    func mutants(of original: Data, name: String, in folder: URL, seed: UInt64) throws -> [String] {
        var random = SplitMix64(seed: seed)
        var paths: [String] = []
        for index in 0..<60 {
            var bytes = original
            if index < 20 {
                bytes = bytes.prefix(bytes.count * index / 20)
            } else {
                for _ in 0..<(1 + Int(random.next() % 8)) {
                    let position = Int(random.next() % UInt64(bytes.count))
                    bytes[position] = UInt8(truncatingIfNeeded: random.next())
                }
            }
            let path = folder.appendingPathComponent("\(name)-\(index).dcm").path
            try bytes.write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        return paths
    }

    @Test func mutantSlicesNeverCrashTheCommand() throws {
        let folder = try Locations.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let slices = try SyntheticSeries.ct(in: folder, count: 2)
        let inputs = try mutants(
            of: Data(contentsOf: URL(fileURLWithPath: slices[0])), name: "slice", in: folder, seed: 5)
        let crashing = try MutantRunner.crashingInputs(
            Locations.caseatlas, ["image", "features", "--json"], inputs: inputs, batchSize: 1
        ) { outcome, batch in
            #expect(outcome.status == 0 || outcome.status == 1, "\(batch): \(outcome.standardError)")
            #expect(!outcome.standardOutput.contains("SYNTHETIC^PATIENT"))
        }
        #expect(crashing.isEmpty, "crashed on \(crashing)")
    }

    @Test func mutantSegmentationsNeverCrashTheCommand() throws {
        let folder = try Locations.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let series = folder.appendingPathComponent("series")
        try FileManager.default.createDirectory(at: series, withIntermediateDirectories: true)
        let slices = try SyntheticSeries.ct(in: series, count: 3)
        let seg = folder.appendingPathComponent("seg.dcm").path
        let outcome = try ChildProcess.run(
            "/usr/bin/env",
            [
                "python3",
                Locations.repository.appendingPathComponent("Tests/EncodersTests/Support/make_segmentation.py")
                    .path, seg,
            ] + slices + ["--box", "10", "40", "10", "40", "0", "3"],
            environment: [
                "PYTHONPATH": Locations.repository.appendingPathComponent(".cache/pypi/pydicom-3.0.2").path
            ])
        try #require(outcome.status == 0, "\(outcome.standardError)")
        let inputs = try mutants(of: Data(contentsOf: URL(fileURLWithPath: seg)), name: "seg", in: folder, seed: 9)
        var crashed: [String] = []
        for input in inputs {
            let result = try ChildProcess.run(
                Locations.caseatlas, ["image", "features", "--json", "--mask", input, series.path],
                memoryLimitMB: 3072)
            if result.crashed { crashed.append(input) }
            #expect(result.status == 0 || result.status == 1, "\(input): \(result.standardError)")
        }
        #expect(crashed.isEmpty, "crashed on \(crashed)")
    }

    /// Positions at 1e300, zero spacings and a rescale slope of 1e20: a result or a clear error.
    @Test func absurdGeometryAndValuesNeverCrashTheCommand() throws {
        let folder = try Locations.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        func write(_ name: String, count: Int, edit: (DicomFile, Int) throws -> Void) throws -> String {
            let sub = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
            for index in 0..<count {
                let file = try SampleImageWriter.makeFile(
                    SampleImageWriter.ctSlice(size: 32, slice: index), name: "\(name)/\(index)", seriesName: name,
                    position: [0, 0, Double(index) * 2.5])
                try edit(file, index)
                try file.write(
                    to: sub.appendingPathComponent("\(index).dcm").path, transferSyntax: .explicitVRLittleEndian)
            }
            return sub.path
        }
        let far = try write("far", count: 4) { file, index in
            if index == 3 { try file.dataset.set(.imagePositionPatient, to: "0\\0\\1e300") }
        }
        let flat = try write("flat", count: 2) { file, _ in
            try file.dataset.set(.pixelSpacing, to: "0\\0")
            try file.dataset.set(.sliceThickness, to: "0")
            try file.dataset.set(.imagePositionPatient, to: "0\\0\\0")
        }
        let bright = try write("bright", count: 2) { file, _ in try file.dataset.set(.rescaleSlope, to: "1e20") }
        for arguments in [[far], [flat], ["--resample", "1,1,1", flat], [bright]] {
            let outcome = try ChildProcess.run(Locations.caseatlas, ["image", "features", "--json"] + arguments)
            #expect(!outcome.crashed, "\(arguments): \(outcome.standardError)")
            #expect(outcome.status == 0 || outcome.status == 1, "\(arguments): \(outcome.standardError)")
        }
        let brightOutcome = try ChildProcess.run(Locations.caseatlas, ["image", "features", "--json", bright])
        #expect(brightOutcome.status == 1)
        #expect(brightOutcome.standardOutput.contains("grey levels"))
    }
}
