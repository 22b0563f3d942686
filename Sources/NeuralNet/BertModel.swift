import Foundation

/// A BERT encoder's forward pass on the CPU, in `Float`, with matrix products through OpenBLAS.
///
/// Immutable after loading, so one model can serve concurrent requests; each call allocates its
/// own activations.
public final class BertModel: Sendable {
    struct Layer: Sendable {
        let query: [Float], queryBias: [Float]
        let key: [Float], keyBias: [Float]
        let value: [Float], valueBias: [Float]
        let attentionOutput: [Float], attentionOutputBias: [Float]
        let attentionNormGamma: [Float], attentionNormBeta: [Float]
        let intermediate: [Float], intermediateBias: [Float]
        let output: [Float], outputBias: [Float]
        let outputNormGamma: [Float], outputNormBeta: [Float]
    }

    public let configuration: BertConfiguration
    let wordEmbeddings: [Float]
    let positionEmbeddings: [Float]
    let tokenTypeEmbeddings: [Float]
    let embeddingNormGamma: [Float]
    let embeddingNormBeta: [Float]
    let layers: [Layer]

    /// Loads the weights named as Hugging Face names them, with or without a "bert." prefix, and
    /// checks every shape against the configuration.
    public init(configuration: BertConfiguration, weights: Safetensors) throws(NeuralNetError) {
        try Kernels.loadBLAS()
        self.configuration = configuration
        let prefix = weights.tensors["bert.embeddings.word_embeddings.weight"] != nil ? "bert." : ""
        let h = configuration.hiddenSize
        let i = configuration.intermediateSize
        func tensor(_ name: String, _ shape: [Int]) throws(NeuralNetError) -> [Float] {
            try weights.floats(prefix + name, shape: shape)
        }
        /// LayerNorm parameters: "weight"/"bias", or the older "gamma"/"beta".
        func norm(_ base: String) throws(NeuralNetError) -> ([Float], [Float]) {
            if weights.tensors[prefix + base + ".gamma"] != nil {
                return (try tensor(base + ".gamma", [h]), try tensor(base + ".beta", [h]))
            }
            return (try tensor(base + ".weight", [h]), try tensor(base + ".bias", [h]))
        }
        wordEmbeddings = try tensor("embeddings.word_embeddings.weight", [configuration.vocabularySize, h])
        positionEmbeddings = try tensor("embeddings.position_embeddings.weight", [configuration.maxPositions, h])
        tokenTypeEmbeddings = try tensor("embeddings.token_type_embeddings.weight", [configuration.tokenTypes, h])
        (embeddingNormGamma, embeddingNormBeta) = try norm("embeddings.LayerNorm")
        var layers: [Layer] = []
        for index in 0..<configuration.layers {
            let base = "encoder.layer.\(index)."
            let attentionNorm = try norm(base + "attention.output.LayerNorm")
            let outputNorm = try norm(base + "output.LayerNorm")
            layers.append(
                Layer(
                    query: try tensor(base + "attention.self.query.weight", [h, h]),
                    queryBias: try tensor(base + "attention.self.query.bias", [h]),
                    key: try tensor(base + "attention.self.key.weight", [h, h]),
                    keyBias: try tensor(base + "attention.self.key.bias", [h]),
                    value: try tensor(base + "attention.self.value.weight", [h, h]),
                    valueBias: try tensor(base + "attention.self.value.bias", [h]),
                    attentionOutput: try tensor(base + "attention.output.dense.weight", [h, h]),
                    attentionOutputBias: try tensor(base + "attention.output.dense.bias", [h]),
                    attentionNormGamma: attentionNorm.0, attentionNormBeta: attentionNorm.1,
                    intermediate: try tensor(base + "intermediate.dense.weight", [i, h]),
                    intermediateBias: try tensor(base + "intermediate.dense.bias", [i]),
                    output: try tensor(base + "output.dense.weight", [h, i]),
                    outputBias: try tensor(base + "output.dense.bias", [h]),
                    outputNormGamma: outputNorm.0, outputNormBeta: outputNorm.1))
        }
        self.layers = layers
    }

    /// The last hidden states of each sequence (length × hidden, row-major). Sequences of different
    /// lengths run as one padded batch; padded keys get no attention, so results do not depend on
    /// what else is in the batch.
    public func hiddenStates(_ batch: [[Int]]) throws(NeuralNetError) -> [[Float]] {
        guard !batch.isEmpty else { return [] }
        let h = configuration.hiddenSize
        let maxLength = batch.map(\.count).max() ?? 0
        guard maxLength >= 1, maxLength <= configuration.maxPositions else {
            throw NeuralNetError(
                .badInput, "sequences must have 1 to \(configuration.maxPositions) tokens (got \(maxLength))")
        }
        for ids in batch where ids.contains(where: { $0 < 0 || $0 >= configuration.vocabularySize }) {
            throw NeuralNetError(.badInput, "a token id lies outside the vocabulary of \(configuration.vocabularySize)")
        }
        let rows = batch.count * maxLength
        var x = [Float](repeating: 0, count: rows * h)
        // Embeddings: word + position + token type 0, then LayerNorm.
        for (sequence, ids) in batch.enumerated() {
            for (position, id) in ids.enumerated() {
                let row = (sequence * maxLength + position) * h
                for k in 0..<h {
                    x[row + k] =
                        wordEmbeddings[id * h + k] + positionEmbeddings[position * h + k] + tokenTypeEmbeddings[k]
                }
            }
        }
        x.withUnsafeMutableBufferPointer {
            Kernels.layerNorm(
                $0.baseAddress!, rows: rows, size: h, gamma: embeddingNormGamma, beta: embeddingNormBeta,
                epsilon: configuration.layerNormEpsilon)
        }
        let lengths = batch.map(\.count)
        for layer in layers { x = forward(layer, x, rows: rows, sequenceLength: maxLength, lengths: lengths) }
        return (0..<batch.count).map { sequence in
            Array(x[(sequence * maxLength * h)..<((sequence * maxLength + lengths[sequence]) * h)])
        }
    }

    private func forward(_ layer: Layer, _ input: [Float], rows: Int, sequenceLength: Int, lengths: [Int]) -> [Float] {
        let h = configuration.hiddenSize
        let heads = configuration.attentionHeads
        let d = configuration.headSize
        let inter = configuration.intermediateSize
        var q = [Float](repeating: 0, count: rows * h)
        var k = [Float](repeating: 0, count: rows * h)
        var v = [Float](repeating: 0, count: rows * h)
        var context = [Float](repeating: 0, count: rows * h)
        var scores = [Float](repeating: 0, count: sequenceLength * sequenceLength)
        input.withUnsafeBufferPointer { x in
            q.withUnsafeMutableBufferPointer {
                Kernels.linear(
                    x.baseAddress!, rows: rows, inputSize: h, weight: layer.query, bias: layer.queryBias,
                    output: $0.baseAddress!)
            }
            k.withUnsafeMutableBufferPointer {
                Kernels.linear(
                    x.baseAddress!, rows: rows, inputSize: h, weight: layer.key, bias: layer.keyBias,
                    output: $0.baseAddress!)
            }
            v.withUnsafeMutableBufferPointer {
                Kernels.linear(
                    x.baseAddress!, rows: rows, inputSize: h, weight: layer.value, bias: layer.valueBias,
                    output: $0.baseAddress!)
            }
        }
        let scale = 1 / Float(d).squareRoot()
        q.withUnsafeBufferPointer { qp in
            k.withUnsafeBufferPointer { kp in
                v.withUnsafeBufferPointer { vp in
                    context.withUnsafeMutableBufferPointer { cp in
                        scores.withUnsafeMutableBufferPointer { sp in
                            for (sequence, length) in lengths.enumerated() {
                                let base = sequence * sequenceLength * h
                                for head in 0..<heads {
                                    let offset = base + head * d
                                    // scores[length × length] = Q_h · K_hᵀ / √d over the real tokens only.
                                    Kernels.gemmTransposedB(
                                        m: length, n: length, k: d, alpha: scale, a: qp.baseAddress! + offset, lda: h,
                                        b: kp.baseAddress! + offset, ldb: h, c: sp.baseAddress!, ldc: length)
                                    Kernels.softmax(sp.baseAddress!, rows: length, size: length, length: length)
                                    Kernels.gemm(
                                        m: length, n: d, k: length, a: sp.baseAddress!, lda: length,
                                        b: vp.baseAddress! + offset, ldb: h, c: cp.baseAddress! + offset, ldc: h)
                                }
                            }
                        }
                    }
                }
            }
        }
        var attention = [Float](repeating: 0, count: rows * h)
        context.withUnsafeBufferPointer { c in
            attention.withUnsafeMutableBufferPointer {
                Kernels.linear(
                    c.baseAddress!, rows: rows, inputSize: h, weight: layer.attentionOutput,
                    bias: layer.attentionOutputBias, output: $0.baseAddress!)
            }
        }
        for index in 0..<(rows * h) { attention[index] += input[index] }
        attention.withUnsafeMutableBufferPointer {
            Kernels.layerNorm(
                $0.baseAddress!, rows: rows, size: h, gamma: layer.attentionNormGamma, beta: layer.attentionNormBeta,
                epsilon: configuration.layerNormEpsilon)
        }
        var hidden = [Float](repeating: 0, count: rows * inter)
        attention.withUnsafeBufferPointer { a in
            hidden.withUnsafeMutableBufferPointer {
                Kernels.linear(
                    a.baseAddress!, rows: rows, inputSize: h, weight: layer.intermediate, bias: layer.intermediateBias,
                    output: $0.baseAddress!)
                Kernels.activate($0.baseAddress!, count: rows * inter, configuration.activation)
            }
        }
        var output = [Float](repeating: 0, count: rows * h)
        hidden.withUnsafeBufferPointer { hp in
            output.withUnsafeMutableBufferPointer {
                Kernels.linear(
                    hp.baseAddress!, rows: rows, inputSize: inter, weight: layer.output, bias: layer.outputBias,
                    output: $0.baseAddress!)
            }
        }
        for index in 0..<(rows * h) { output[index] += attention[index] }
        output.withUnsafeMutableBufferPointer {
            Kernels.layerNorm(
                $0.baseAddress!, rows: rows, size: h, gamma: layer.outputNormGamma, beta: layer.outputNormBeta,
                epsilon: configuration.layerNormEpsilon)
        }
        return output
    }

    /// Floating-point operations of one forward pass over `tokens` tokens in one sequence, for
    /// benchmarks: the matrix products of the projections, the feed-forward and attention.
    public func flops(tokens: Int) -> Double {
        let h = Double(configuration.hiddenSize)
        let i = Double(configuration.intermediateSize)
        let n = Double(tokens)
        let perLayer = 2 * n * h * h * 4 + 2 * n * h * i * 2 + 2 * n * n * h * 2
        return perLayer * Double(configuration.layers)
    }
}
