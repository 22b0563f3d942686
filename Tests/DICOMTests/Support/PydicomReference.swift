import Foundation

/// The committed pydicom reference values (scripts/pydicom_reference.py).
struct PydicomReference: Decodable, Sendable {
    struct Frame: Decodable, Sendable {
        let sha256: String
        let min: Double
        let max: Double
        let mean: Double
        let positions: Int
        let samples: [Double]
    }

    struct Entry: Decodable, Sendable, CustomStringConvertible {
        let file: String
        let sha256: String
        let status: String
        let reason: String?
        let transferSyntaxUID: String?
        let lossy: Bool?
        let rows: Int?
        let columns: Int?
        let frames: Int?
        let samplesPerPixel: Int?
        let frameValues: [Frame]?

        var description: String { file }
    }

    let pydicom: String
    let files: [Entry]

    static let shared: PydicomReference = {
        let url = TestPaths.fixtures.appendingPathComponent("pydicom-reference.json")
        let data = try! Data(contentsOf: url)
        return try! JSONDecoder().decode(PydicomReference.self, from: data)
    }()

    static var decoded: [Entry] { shared.files.filter { $0.status == "decoded" } }
    static var rejected: [Entry] { shared.files.filter { $0.status == "rejected" } }
    static var withoutPixels: [Entry] { shared.files.filter { $0.status == "no-pixels" } }

    /// The same evenly spaced positions the Python script samples.
    static func positions(count: Int, wanted: Int) -> [Int] {
        let wanted = Swift.min(count, wanted)
        return (0..<wanted).map { $0 * count / wanted }
    }
}
