import Foundation

/// The architecture of a BERT-family encoder, from a Hugging Face `config.json`.
public struct BertConfiguration: Sendable, Equatable {
    public enum Activation: String, Sendable {
        /// Exact GELU with erf, what "gelu" means in Hugging Face configurations.
        case gelu
        /// The tanh approximation ("gelu_new", "gelu_pytorch_tanh").
        case geluTanh
        case relu
    }

    public var vocabularySize: Int
    public var hiddenSize: Int
    public var layers: Int
    public var attentionHeads: Int
    public var intermediateSize: Int
    public var maxPositions: Int
    public var tokenTypes: Int
    public var layerNormEpsilon: Float
    public var activation: Activation

    public var headSize: Int { hiddenSize / attentionHeads }

    public init(path: String) throws(NeuralNetError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw NeuralNetError(.missingFile, "\(path): config.json not found")
        }
        guard let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw NeuralNetError(.badConfiguration, "\(path): not a JSON object")
        }
        func integer(_ key: String) throws(NeuralNetError) -> Int {
            guard let value = json[key] as? Int, value > 0, value < 1 << 24 else {
                throw NeuralNetError(.badConfiguration, "\(path): '\(key)' is missing or not a positive integer")
            }
            return value
        }
        // RoBERTa-style models offset their positions and DistilBERT names its weights differently;
        // only the BERT layout is implemented.
        if let type = json["model_type"] as? String, type != "bert" {
            throw NeuralNetError(.badConfiguration, "\(path): model_type '\(type)' is not supported (BERT only)")
        }
        vocabularySize = try integer("vocab_size")
        hiddenSize = try integer("hidden_size")
        layers = try integer("num_hidden_layers")
        attentionHeads = try integer("num_attention_heads")
        intermediateSize = try integer("intermediate_size")
        maxPositions = try integer("max_position_embeddings")
        tokenTypes = (json["type_vocab_size"] as? Int) ?? 2
        layerNormEpsilon = Float((json["layer_norm_eps"] as? Double) ?? 1e-12)
        let act = (json["hidden_act"] as? String) ?? "gelu"
        switch act {
        case "gelu": activation = .gelu
        case "gelu_new", "gelu_pytorch_tanh", "gelu_fast": activation = .geluTanh
        case "relu": activation = .relu
        default: throw NeuralNetError(.badConfiguration, "\(path): hidden_act '\(act)' is not supported")
        }
        guard hiddenSize % attentionHeads == 0 else {
            throw NeuralNetError(.badConfiguration, "\(path): hidden_size is not a multiple of num_attention_heads")
        }
        if let kind = json["position_embedding_type"] as? String, kind != "absolute" {
            throw NeuralNetError(.badConfiguration, "\(path): position_embedding_type '\(kind)' is not supported")
        }
    }
}
