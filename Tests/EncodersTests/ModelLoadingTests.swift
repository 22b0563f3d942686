import Encoders
import Foundation
import NeuralNet
import Testing

/// Any BERT-family model in the Hugging Face layout loads; corrupt or mismatched models give an
/// error that names the file and the problem.
@Suite struct ModelLoadingTests {
    func folder(_ model: TinyBertModel, edit: ((URL) throws -> Void)? = nil) throws -> URL {
        let url = try ModelPaths.temporaryFolder()
        try model.write(to: url)
        try edit?(url)
        return url
    }

    func error(_ model: TinyBertModel, expected: String? = nil, edit: ((URL) throws -> Void)? = nil) throws -> String {
        let url = try folder(model, edit: edit)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try TextEncoder(modelFolder: url.path, expectedWeightsSHA256: expected)
            return ""
        } catch {
            return error.reason
        }
    }

    @Test func loadsEveryDTypeAndNamingVariant() throws {
        var vectors: [[Float]] = []
        for model in [
            TinyBertModel(), TinyBertModel(dtype: .f16), TinyBertModel(dtype: .bf16), TinyBertModel(prefix: "bert."),
            TinyBertModel(legacyNormNames: true),
        ] {
            let url = try folder(model)
            defer { try? FileManager.default.removeItem(at: url) }
            let encoder = try TextEncoder(modelFolder: url.path)
            #expect(encoder.dimensions == 8)
            #expect(encoder.fingerprint.name == "tiny-test-bert")
            let embedding = try encoder.embed("Chest pains, no fever.")
            #expect(embedding.firstWindowIDs == [2, 5, 6, 7, 11, 8, 9, 10, 3])
            #expect(abs(embedding.vector.reduce(0) { $0 + $1 * $1 } - 1) < 1e-5)
            vectors.append(embedding.vector)
        }
        // Reduced-precision weights give nearly the same vector; renamed weights exactly the same.
        func cosine(_ a: [Float], _ b: [Float]) -> Float { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }
        #expect(cosine(vectors[0], vectors[1]) > 0.999)
        #expect(cosine(vectors[0], vectors[2]) > 0.99)
        #expect(vectors[0] == vectors[3] && vectors[0] == vectors[4])
    }

    @Test func truncatedWeights() throws {
        let reason = try error(TinyBertModel()) { url in
            let path = url.appendingPathComponent("model.safetensors")
            let data = try Data(contentsOf: path)
            try data.prefix(data.count - 100).write(to: path)
        }
        #expect(reason.contains("model.safetensors") && reason.contains("outside the file"))
        let tiny = try error(TinyBertModel()) { url in
            try Data([1, 2, 3]).write(to: url.appendingPathComponent("model.safetensors"))
        }
        #expect(tiny.contains("truncated"))
    }

    @Test func badHeader() throws {
        let reason = try error(TinyBertModel()) { url in
            var bytes = Data()
            let junk = Data("{not json at all".utf8)
            withUnsafeBytes(of: UInt64(junk.count).littleEndian) { bytes.append(contentsOf: $0) }
            try (bytes + junk + Data(count: 64)).write(to: url.appendingPathComponent("model.safetensors"))
        }
        #expect(reason.contains("header is not a JSON object"))
        let huge = try error(TinyBertModel()) { url in
            var bytes = Data()
            withUnsafeBytes(of: UInt64(1 << 40).littleEndian) { bytes.append(contentsOf: $0) }
            try (bytes + Data(count: 64)).write(to: url.appendingPathComponent("model.safetensors"))
        }
        #expect(huge.contains("header length"))
    }

    @Test func wrongShapesAndMissingTensors() throws {
        let shape = try error(TinyBertModel(wrongShape: "encoder.layer.0.intermediate.dense.weight"))
        #expect(shape.contains("encoder.layer.0.intermediate.dense.weight") && shape.contains("has shape [17, 9]"))
        let missing = try error(TinyBertModel(omit: "encoder.layer.0.attention.self.key.bias"))
        #expect(missing.contains("'encoder.layer.0.attention.self.key.bias' is missing"))
    }

    @Test func checksumMismatch() throws {
        let reason = try error(TinyBertModel(), expected: String(repeating: "0", count: 64))
        #expect(reason.contains("checksum mismatch"))
    }

    @Test func missingOrInconsistentFiles() throws {
        let config = try error(TinyBertModel()) { url in
            try FileManager.default.removeItem(at: url.appendingPathComponent("config.json"))
        }
        #expect(config.contains("config.json not found"))
        let vocabulary = try error(TinyBertModel()) { url in
            try "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\nx\n".write(
                to: url.appendingPathComponent("vocab.txt"), atomically: true, encoding: .utf8)
        }
        #expect(vocabulary.contains("vocab.txt has 6 entries"))
        let folderMissing = (try? TextEncoder(modelFolder: "/nonexistent/model")) == nil
        #expect(folderMissing)
    }
}
