import ClinicalText
import Crypto
import Foundation
import NeuralNet

/// Notes to unit vectors with a BERT-family sentence-embedding model, in-process on the CPU.
///
/// The model folder has the Hugging Face layout (`config.json`, `model.safetensors`, `vocab.txt`,
/// optionally `tokenizer_config.json`, `sentence_bert_config.json`, `1_Pooling/config.json`).
/// Pooling is the mean over tokens and the result is L2-normalised, as sentence-transformers does
/// for all-MiniLM-L6-v2.
///
/// Long notes: when a note has more tokens than fit one window (`maxSequenceLength` - 2 content
/// tokens), it is cut into windows of that many tokens that overlap by half a window. Each window is
/// run on its own (with [CLS] and [SEP]) and mean-pooled; the note's vector is the mean of the window
/// vectors weighted by their token counts (the mean over all windowed tokens), then L2-normalised.
/// This is windowing version "w1" of the fingerprint.
public final class TextEncoder: Sendable {
    public static let windowingVersion = "w1"

    public let tokenizer: BertTokenizer
    public let model: BertModel
    public let maxSequenceLength: Int
    public let fingerprint: EncoderFingerprint

    public var dimensions: Int { model.configuration.hiddenSize }

    /// Loads a model folder. With `expectedWeightsSHA256`, weights that do not match are refused.
    public init(modelFolder: String, expectedWeightsSHA256: String? = nil) throws(TextEncoderError) {
        let folder = URL(fileURLWithPath: modelFolder)
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: modelFolder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw TextEncoderError("\(modelFolder): the model folder does not exist")
        }
        let weightsPath = path("model.safetensors")
        let digest: String
        do {
            digest = try Self.sha256(ofFile: weightsPath)
        } catch {
            throw TextEncoderError("\(weightsPath): weights file not found or not readable")
        }
        if let expected = expectedWeightsSHA256, expected.lowercased() != digest {
            throw TextEncoderError(
                "\(weightsPath): checksum mismatch (SHA-256 \(digest), expected \(expected)); the weights are not the pinned model")
        }
        let tokenizerSettings = Self.json(path("tokenizer_config.json"))
        let sentenceSettings = Self.json(path("sentence_bert_config.json"))
        let pooling = Self.json(path("1_Pooling/config.json"))
        if let pooling, pooling["pooling_mode_mean_tokens"] as? Bool == false {
            throw TextEncoderError("\(modelFolder): only mean pooling is supported (1_Pooling/config.json)")
        }
        do {
            let configuration = try BertConfiguration(path: path("config.json"))
            model = try BertModel(configuration: configuration, weights: try Safetensors(path: weightsPath))
            let lowercase = tokenizerSettings?["do_lower_case"] as? Bool ?? true
            let strip = tokenizerSettings?["strip_accents"] as? Bool
            tokenizer = try BertTokenizer(
                vocabulary: try WordPieceVocabulary(path: path("vocab.txt")), lowercase: lowercase, stripAccents: strip)
            guard tokenizer.vocabulary.count == configuration.vocabularySize else {
                throw TextEncoderError(
                    "\(modelFolder): vocab.txt has \(tokenizer.vocabulary.count) entries, config.json says \(configuration.vocabularySize)")
            }
            let limit = sentenceSettings?["max_seq_length"] as? Int ?? tokenizerSettings?["model_max_length"] as? Int ?? 512
            maxSequenceLength = min(limit, configuration.maxPositions)
        } catch let error as NeuralNetError {
            throw TextEncoderError(error.reason)
        } catch let error as TokenizerError {
            throw TextEncoderError(error.reason)
        } catch let error as TextEncoderError {
            throw error
        } catch {
            throw TextEncoderError("\(modelFolder): \(error)")
        }
        let name = (Self.json(path("config.json"))?["_name_or_path"] as? String).flatMap { $0.isEmpty ? nil : $0 }
            ?? folder.lastPathComponent
        fingerprint = EncoderFingerprint(
            name: name, version: "text-bert-1", weightsSHA256: digest,
            parameters: "pool=mean;norm=l2;max=\(maxSequenceLength);window=\(Self.windowingVersion)")
    }

    /// The token windows of a text, each with [CLS] and [SEP]; one window unless the text is long.
    public func windows(_ text: String, truncate: Bool = false) -> [[Int]] {
        let tokens = tokenizer.tokenize(text)
        let size = maxSequenceLength - 2
        if tokens.count <= size || truncate {
            return [[tokenizer.classifierID] + tokens.prefix(size) + [tokenizer.separatorID]]
        }
        let stride = max(1, size / 2)
        var windows: [[Int]] = []
        var start = 0
        while true {
            let end = min(start + size, tokens.count)
            windows.append([tokenizer.classifierID] + tokens[start..<end] + [tokenizer.separatorID])
            if end == tokens.count { break }
            start += stride
        }
        return windows
    }

    /// The note's unit vector (see the type's documentation for long notes).
    public func embed(_ text: String, truncate: Bool = false) throws(TextEncoderError) -> TextEmbedding {
        let windows = windows(text, truncate: truncate)
        let states: [[Float]]
        do {
            states = try model.hiddenStates(windows)
        } catch {
            throw TextEncoderError(error.reason)
        }
        let h = dimensions
        var sum = [Double](repeating: 0, count: h)
        var count = 0
        for (window, hidden) in zip(windows, states) {
            for token in 0..<window.count {
                for k in 0..<h { sum[k] += Double(hidden[token * h + k]) }
            }
            count += window.count
        }
        let mean = sum.map { $0 / Double(max(count, 1)) }
        let norm = max(mean.reduce(0) { $0 + $1 * $1 }.squareRoot(), 1e-12)
        return TextEmbedding(
            vector: mean.map { Float($0 / norm) }, windows: windows.count,
            tokens: windows.reduce(0) { $0 + $1.count - 2 }, firstWindowIDs: windows[0])
    }

    /// Several texts as one padded batch per call to the model (single-window texts only benefit).
    public func embedBatch(_ texts: [String]) throws(TextEncoderError) -> [[Float]] {
        let windows = texts.map { self.windows($0, truncate: true)[0] }
        let states: [[Float]]
        do {
            states = try model.hiddenStates(windows)
        } catch {
            throw TextEncoderError(error.reason)
        }
        let h = dimensions
        return zip(windows, states).map { window, hidden in
            var mean = [Double](repeating: 0, count: h)
            for token in 0..<window.count { for k in 0..<h { mean[k] += Double(hidden[token * h + k]) } }
            let norm = max(mean.reduce(0) { $0 + $1 * $1 }.squareRoot(), 1e-12)
            return mean.map { Float($0 / norm) }
        }
    }

    static func json(_ path: String) -> [String: Any]? {
        FileManager.default.contents(atPath: path).flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
    }

    static func sha256(ofFile path: String) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        return SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}

/// A note's embedding and how it was made.
public struct TextEmbedding: Sendable, Equatable {
    public let vector: [Float]
    public let windows: Int
    /// Content tokens embedded (without [CLS]/[SEP]); overlapping windows count their tokens twice.
    public let tokens: Int
    public let firstWindowIDs: [Int]
}

/// A model or input problem of the text encoder, naming the file.
public struct TextEncoderError: Error, Equatable, Sendable, CustomStringConvertible {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
