import Encoders
import Foundation
import Radiomics

// Featurizes a generated 512 x 512 x 100 chest CT: the region, the IBSI feature set PyRadiomics
// also computes (same bins, 3D, one voxel distance), and the whole image encoder, single-thread
// and with two threads. Writes the volume and region as raw files for the PyRadiomics peer and
// prints one JSON object (scripts/bench-image.sh turns it into the table in docs/benchmarks.md).

struct Options {
    var size = 512
    var slices = 100
    var threads = [1, 2]
    var repeats = 3
    var output = FileManager.default.temporaryDirectory.appendingPathComponent("caseatlas-image-bench").path

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            let value = iterator.next() ?? ""
            switch argument {
            case "--size": size = Int(value) ?? size
            case "--slices": slices = Int(value) ?? slices
            case "--threads": threads = value.split(separator: ",").compactMap { Int($0) }
            case "--repeat": repeats = max(1, Int(value) ?? repeats)
            case "--out": output = value
            default:
                FileHandle.standardError.write(Data("unknown option \(argument)\n".utf8))
                exit(2)
            }
        }
    }
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

let options = Options(CommandLine.arguments)
let phantom = SyntheticChestCT(
    sizeX: options.size, sizeY: options.size, sizeZ: options.slices, spacing: SIMD3(0.7, 0.7, 2.5), seed: 2026)
var image = phantom.generate()
var mask = BodyMask.ct(image)
let maskSeconds = median((0..<options.repeats).map { _ in seconds { mask = BodyMask.ct(image) } })

// The peer's classes: shape, first order, GLCM and GLRLM averaged over 13 directions, GLSZM,
// NGTDM and GLDM (IBSI NGLDM), 25 HU bins. PyRadiomics puts bin edges at multiples of the width,
// IBSI at the region's minimum; starting at the multiple of 25 below the minimum makes them equal.
var regionMinimum = Float.infinity
for (value, inside) in zip(image.values, mask.inside) where inside { regionMinimum = min(regionMinimum, value) }
let comparable = FeatureSettings(
    discretisation: .fixedBinSize(width: 25, lowerBound: (Double(regionMinimum) / 25).rounded(.down) * 25),
    intensityVolumeHistogram: .computedTomography(binWidth: 2.5),
    families: [.morphology, .intensityStatistics, .intensityHistogram, .glcm, .glrlm, .glszm, .ngtdm, .ngldm],
    directionalAggregations: [.volumetricAveraged], regionalAggregations: [.volumetric])

var runs: [(String, Int, Double)] = []
var features: [RadiomicsFeature] = []
for threads in options.threads {
    let extractor = FeatureExtractor(settings: comparable, threads: threads)
    let times = try (0..<options.repeats).map { _ in
        try seconds { features = try extractor.features(image: image, mask: mask) }
    }
    runs.append(("ibsi-comparable", threads, median(times)))
    let encoder = RadiomicsImageEncoder(threads: threads)
    let medical = MedicalImage(modality: "CT", intensities: image)
    let encodeTimes = try (0..<options.repeats).map { _ in try seconds { _ = try encoder.encode(medical) } }
    runs.append(("encoder", threads, median(encodeTimes)))
}

try FileManager.default.createDirectory(atPath: options.output, withIntermediateDirectories: true)
try image.values.withUnsafeBytes { Data($0) }.write(to: URL(fileURLWithPath: options.output + "/image.f32"))
try Data(mask.inside.map { $0 ? 1 : 0 }).write(to: URL(fileURLWithPath: options.output + "/mask.u8"))

func jsonNumber(_ value: Double) -> String { value.isFinite ? String(value) : "null" }
var fields = [
    "\"size\":[\(options.size),\(options.size),\(options.slices)]", "\"spacing\":[0.7,0.7,2.5]",
    "\"roiVoxels\":\(mask.voxelCount)", "\"maskSeconds\":\(jsonNumber(maskSeconds))",
    "\"output\":\"\(options.output)\"",
]
fields.append(
    "\"runs\":["
        + runs.map { "{\"task\":\"\($0.0)\",\"threads\":\($0.1),\"seconds\":\(jsonNumber($0.2))}" }
        .joined(separator: ",") + "]")
fields.append(
    "\"features\":{"
        + features.map { "\"\($0.symbol)|\($0.aggregation.code)\":\(jsonNumber($0.value))" }
        .joined(separator: ",") + "}")
print("{" + fields.joined(separator: ",") + "}")
