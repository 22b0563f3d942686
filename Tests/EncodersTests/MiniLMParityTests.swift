import ClinicalText
import Encoders
import Foundation
import Testing

/// Parity with the reference tokenizer and forward pass (../shared/reference/minilm/README.md):
/// identical token ids and cosine >= 0.9999 for every text, with unit norm.
@Suite(.serialized) struct MiniLMParityTests {
    static let encoder: TextEncoder? = try? TextEncoder(
        modelFolder: ModelPaths.miniLM, expectedWeightsSHA256: ModelPaths.miniLMWeightsSHA256)

    func loadedEncoder() throws -> TextEncoder {
        if let encoder = Self.encoder { return encoder }
        // Surface the real loading error.
        return try TextEncoder(modelFolder: ModelPaths.miniLM, expectedWeightsSHA256: ModelPaths.miniLMWeightsSHA256)
    }

    @Test(arguments: MiniLMReference.shared.items)
    func tokenIDsAreIdentical(_ item: MiniLMReference.Item) throws {
        let encoder = try loadedEncoder()
        let ids = encoder.tokenizer.encode(item.text, maxLength: 256)
        #expect(ids == item.input_ids, "\(item.id): \(encoder.tokenizer.pieces(ids))")
    }

    @Test(arguments: MiniLMReference.shared.items)
    func embeddingsMatchTheReference(_ item: MiniLMReference.Item) throws {
        let encoder = try loadedEncoder()
        let embedding = try encoder.embed(item.text, truncate: true)
        let reference = item.embedding
        let dot = zip(embedding.vector, reference).reduce(0.0) { $0 + Double($1.0) * $1.1 }
        let norm = embedding.vector.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
        let referenceNorm = reference.reduce(0.0) { $0 + $1 * $1 }.squareRoot()
        let cosine = dot / (norm * referenceNorm)
        #expect(cosine >= 0.9999, "\(item.id): cosine \(cosine)")
        #expect(abs(norm - 1) <= 1e-4)
        let worst = zip(embedding.vector, reference).map { abs(Double($0) - $1) }.max() ?? 1
        #expect(worst <= 1e-4, "\(item.id): largest component difference \(worst)")
    }

    @Test func batchedEqualsOneByOne() throws {
        let encoder = try loadedEncoder()
        let texts = MiniLMReference.shared.items.prefix(8).map(\.text)
        let batched = try encoder.embedBatch(Array(texts))
        for (text, vector) in zip(texts, batched) {
            let single = try encoder.embed(text, truncate: true).vector
            let worst = zip(single, vector).map { abs($0 - $1) }.max() ?? 1
            #expect(worst <= 1e-5)
        }
    }

    @Test func longNotesAreWindowed() throws {
        let encoder = try loadedEncoder()
        let long = try #require(MiniLMReference.shared.items.first { $0.truncated })
        let windows = encoder.windows(long.text)
        #expect(windows.count >= 2)
        #expect(windows.allSatisfy { $0.count <= 256 && $0.first == 101 && $0.last == 102 })
        // Consecutive windows overlap by half a window.
        #expect(Array(windows[0][128...254]) == Array(windows[1][1...127]))
        let full = try encoder.embed(long.text)
        let truncated = try encoder.embed(long.text, truncate: true)
        #expect(full.windows == windows.count && truncated.windows == 1)
        #expect(full.vector != truncated.vector)
        #expect(abs(full.vector.reduce(0) { $0 + $1 * $1 } - 1) < 1e-4)
    }

    @Test func fingerprintNamesModelWeightsAndWindowing() throws {
        let fingerprint = try loadedEncoder().fingerprint
        #expect(fingerprint.weightsSHA256 == ModelPaths.miniLMWeightsSHA256)
        #expect(fingerprint.parameters.contains("pool=mean") && fingerprint.parameters.contains("window=w1"))
        #expect(fingerprint.name == "nreimers/MiniLM-L6-H384-uncased")
    }

    @Test func similarNotesAreCloserThanUnrelatedOnes() throws {
        let encoder = try loadedEncoder()
        let a = try encoder.embed("Acute chest pain radiating to the left arm, troponin elevated.").vector
        let b = try encoder.embed("Patient with crushing chest pain and raised troponin, suspected MI.").vector
        let c = try encoder.embed("Routine dermatology follow-up for eczema on both hands.").vector
        func cosine(_ x: [Float], _ y: [Float]) -> Float { zip(x, y).reduce(0) { $0 + $1.0 * $1.1 } }
        #expect(cosine(a, b) > cosine(a, c) + 0.2)
    }
}
