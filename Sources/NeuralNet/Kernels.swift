import CBLAS
import Foundation

/// The numerical building blocks of a transformer, over row-major `Float` buffers.
///
/// Matrix products go to OpenBLAS `cblas_sgemm`; everything else is a plain loop over rows.
enum Kernels {
    /// Opens OpenBLAS (it is loaded on first use, not linked: see cblas_lazy.h); a model calls this
    /// before its first product, so a missing library is an error, not a crash.
    static func loadBLAS() throws(NeuralNetError) {
        var message = [CChar](repeating: 0, count: 512)
        guard caseatlas_blas_load(&message, message.count) != 0 else { return }
        let reason = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        throw NeuralNetError(
            .missingLibrary,
            "OpenBLAS (libopenblas.so.0) could not be loaded (\(reason)); install libopenblas0 (make deps)")
    }

    /// C[m×n] = A[m×k] · Bᵀ where B is n×k (PyTorch's Linear weight layout), plus `bias`.
    static func linear(
        _ input: UnsafePointer<Float>, rows: Int, inputSize: Int, weight: [Float], bias: [Float],
        output: UnsafeMutablePointer<Float>
    ) {
        let outputSize = bias.count
        for row in 0..<rows { (output + row * outputSize).update(from: bias, count: outputSize) }
        weight.withUnsafeBufferPointer { w in
            caseatlas_sgemm(
                CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(outputSize), Int32(inputSize), 1,
                input, Int32(inputSize), w.baseAddress, Int32(inputSize), 1, output, Int32(outputSize))
        }
    }

    /// Layer normalisation of each row (biased variance, as PyTorch).
    static func layerNorm(
        _ values: UnsafeMutablePointer<Float>, rows: Int, size: Int, gamma: [Float], beta: [Float], epsilon: Float
    ) {
        for row in 0..<rows {
            let x = values + row * size
            var mean: Float = 0
            for i in 0..<size { mean += x[i] }
            mean /= Float(size)
            var variance: Float = 0
            for i in 0..<size {
                let d = x[i] - mean
                variance += d * d
            }
            variance /= Float(size)
            let scale = 1 / (variance + epsilon).squareRoot()
            for i in 0..<size { x[i] = (x[i] - mean) * scale * gamma[i] + beta[i] }
        }
    }

    static func activate(_ values: UnsafeMutablePointer<Float>, count: Int, _ activation: BertConfiguration.Activation)
    {
        switch activation {
        case .gelu:
            let invSqrt2: Float = 0.707_106_77
            for i in 0..<count { values[i] = 0.5 * values[i] * (1 + erff(values[i] * invSqrt2)) }
        case .geluTanh:
            let c: Float = 0.797_884_6
            for i in 0..<count {
                let x = values[i]
                values[i] = 0.5 * x * (1 + tanhf(c * (x + 0.044715 * x * x * x)))
            }
        case .relu:
            for i in 0..<count { values[i] = max(0, values[i]) }
        }
    }

    /// Softmax of each row in place, over the first `length` entries; the rest become 0.
    static func softmax(_ values: UnsafeMutablePointer<Float>, rows: Int, size: Int, length: Int) {
        for row in 0..<rows {
            let x = values + row * size
            var peak = -Float.infinity
            for i in 0..<length { peak = max(peak, x[i]) }
            var sum: Float = 0
            for i in 0..<length {
                x[i] = expf(x[i] - peak)
                sum += x[i]
            }
            let scale = 1 / sum
            for i in 0..<length { x[i] *= scale }
            for i in length..<size { x[i] = 0 }
        }
    }

    /// C[m×n] = alpha · A · Bᵀ with leading dimensions, for attention scores.
    static func gemmTransposedB(
        m: Int, n: Int, k: Int, alpha: Float, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        caseatlas_sgemm(
            CblasRowMajor, CblasNoTrans, CblasTrans, Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb),
            0, c, Int32(ldc))
    }

    /// C[m×n] = A[m×k] · B[k×n] with leading dimensions, for attention-weighted values.
    static func gemm(
        m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        caseatlas_sgemm(
            CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(m), Int32(n), Int32(k), 1, a, Int32(lda), b, Int32(ldb), 0,
            c, Int32(ldc))
    }
}
