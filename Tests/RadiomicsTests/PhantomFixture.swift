import Foundation
import Radiomics
import Testing

/// The IBSI chapter 1 digital phantom and its published reference values, copied from
/// ../shared/reference/ibsi into Fixtures/ so the tests stand alone (Fixtures/IBSI-README.md
/// gives provenance, licence and the settings the values assume).
enum PhantomFixture {
    struct ReferenceValue: Sendable, CustomTestStringConvertible {
        let family: String
        let feature: String
        let symbol: String
        let aggregationCode: String
        let value: Double
        let tolerance: Double

        var testDescription: String { "\(symbol) \(aggregationCode)" }
    }

    static func url(_ name: String) -> URL {
        Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)!
    }

    /// The 5 x 4 x 4 phantom at 2 mm, x fastest, with its 74-voxel region.
    static func load() throws -> (image: IntensityImage, mask: RegionMask) {
        struct Phantom: Decodable {
            let image: [[[Double]]]
            let mask: [[[Int]]]
        }
        let phantom = try JSONDecoder().decode(Phantom.self, from: Data(contentsOf: url("phantom.json")))
        let grid = VoxelGrid(sizeX: 5, sizeY: 4, sizeZ: 4, spacing: SIMD3(2, 2, 2))
        var values: [Float] = []
        var inside: [Bool] = []
        for z in 0..<4 {
            for y in 0..<4 {
                for x in 0..<5 {
                    values.append(Float(phantom.image[z][y][x]))
                    inside.append(phantom.mask[z][y][x] != 0)
                }
            }
        }
        return (IntensityImage(grid: grid, values: values), RegionMask(grid: grid, inside: inside))
    }

    /// The 482 rows of reference-values.csv.
    static let references: [ReferenceValue] = {
        let text = try! String(contentsOf: url("reference-values.csv"), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { line in
            let fields = splitCSV(line)
            return ReferenceValue(
                family: fields[0], feature: fields[2], symbol: fields[4], aggregationCode: fields[7],
                value: Double(fields[8])!, tolerance: Double(fields[10]) ?? 0)
        }
    }()

    /// Splits one CSV line, honouring double-quoted fields.
    static func splitCSV(_ line: Substring) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        for character in line {
            if character == "\"" {
                quoted.toggle()
            } else if character == "," && !quoted {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
        }
        fields.append(field)
        return fields
    }

    /// The manual's comparison: round to 3 significant digits, then |x - reference| <= tolerance.
    static func agrees(_ computed: Double, with reference: ReferenceValue) -> Bool {
        abs(roundedToSignificantDigits(computed, 3) - reference.value) <= reference.tolerance + 1e-12
    }

    static func roundedToSignificantDigits(_ value: Double, _ digits: Int) -> Double {
        guard value != 0, value.isFinite else { return value }
        let scale = pow(10, Double(digits) - (log10(abs(value))).rounded(.up))
        return (value * scale).rounded() / scale
    }
}
