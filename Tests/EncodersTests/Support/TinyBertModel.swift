import Foundation

/// Writes a small random BERT model in the Hugging Face layout, to test loading (dtypes, name
/// prefixes, corrupt files) without the 90 MB real model.
struct TinyBertModel {
    enum DType: String { case f32 = "F32", f16 = "F16", bf16 = "BF16" }

    static let vocabulary = [
        "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "chest", "pain", "##s", "no", "fever", ".", ",",
    ]
    static let hidden = 8
    static let intermediate = 16

    var dtype: DType = .f32
    var prefix = ""
    var legacyNormNames = false
    /// Tensors to give a wrong shape.
    var wrongShape: String?
    var omit: String?

    var tensors: [(String, [Int])] {
        let h = Self.hidden
        var list: [(String, [Int])] = [
            ("embeddings.word_embeddings.weight", [Self.vocabulary.count, h]),
            ("embeddings.position_embeddings.weight", [32, h]),
            ("embeddings.token_type_embeddings.weight", [2, h]),
        ]
        func norm(_ base: String) {
            list.append((base + (legacyNormNames ? ".gamma" : ".weight"), [h]))
            list.append((base + (legacyNormNames ? ".beta" : ".bias"), [h]))
        }
        norm("embeddings.LayerNorm")
        let base = "encoder.layer.0."
        for name in ["query", "key", "value"] {
            list.append((base + "attention.self.\(name).weight", [h, h]))
            list.append((base + "attention.self.\(name).bias", [h]))
        }
        list.append((base + "attention.output.dense.weight", [h, h]))
        list.append((base + "attention.output.dense.bias", [h]))
        norm(base + "attention.output.LayerNorm")
        list.append((base + "intermediate.dense.weight", [Self.intermediate, h]))
        list.append((base + "intermediate.dense.bias", [Self.intermediate]))
        list.append((base + "output.dense.weight", [h, Self.intermediate]))
        list.append((base + "output.dense.bias", [h]))
        norm(base + "output.LayerNorm")
        return list
    }

    /// Writes config.json, vocab.txt and model.safetensors into `folder`.
    func write(to folder: URL) throws {
        let config: [String: Any] = [
            "model_type": "bert", "vocab_size": Self.vocabulary.count, "hidden_size": Self.hidden,
            "num_hidden_layers": 1, "num_attention_heads": 2, "intermediate_size": Self.intermediate,
            "max_position_embeddings": 32, "type_vocab_size": 2, "layer_norm_eps": 1e-12, "hidden_act": "gelu",
            "_name_or_path": "tiny-test-bert",
        ]
        try JSONSerialization.data(withJSONObject: config).write(to: folder.appendingPathComponent("config.json"))
        try (Self.vocabulary.joined(separator: "\n") + "\n").write(
            to: folder.appendingPathComponent("vocab.txt"), atomically: true, encoding: .utf8)
        try safetensors().write(to: folder.appendingPathComponent("model.safetensors"))
    }

    func safetensors() -> Data {
        var header: [String: Any] = ["__metadata__": ["format": "pt"]]
        var body = Data()
        var seed: UInt64 = 42
        for (name, realShape) in tensors where name != omit {
            let shape = name == wrongShape ? realShape.map { $0 + 1 } : realShape
            let count = shape.reduce(1, *)
            let begin = body.count
            for _ in 0..<count {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                var value = Float(Int64(bitPattern: seed >> 11) % 2000) / 10000
                if name.hasSuffix("LayerNorm.weight") || name.hasSuffix("gamma") { value += 1 }
                switch dtype {
                case .f32: withUnsafeBytes(of: value.bitPattern.littleEndian) { body.append(contentsOf: $0) }
                case .f16: withUnsafeBytes(of: Float16(value).bitPattern.littleEndian) { body.append(contentsOf: $0) }
                case .bf16:
                    withUnsafeBytes(of: UInt16(value.bitPattern >> 16).littleEndian) { body.append(contentsOf: $0) }
                }
            }
            header[prefix + name] = ["dtype": dtype.rawValue, "shape": shape, "data_offsets": [begin, body.count]]
        }
        let json = try! JSONSerialization.data(withJSONObject: header)
        var file = Data()
        withUnsafeBytes(of: UInt64(json.count).littleEndian) { file.append(contentsOf: $0) }
        return file + json + body
    }
}
