/// Distance kernels over contiguous `Float` vectors, 16 lanes at a time.
enum VectorMath {
    @inline(__always)
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ count: Int) -> Float {
        var sum = SIMD16<Float>()
        var index = 0
        let rawA = UnsafeRawPointer(a)
        let rawB = UnsafeRawPointer(b)
        while index + 16 <= count {
            let x = rawA.loadUnaligned(fromByteOffset: index * 4, as: SIMD16<Float>.self)
            let y = rawB.loadUnaligned(fromByteOffset: index * 4, as: SIMD16<Float>.self)
            sum.addProduct(x, y)
            index += 16
        }
        var total = sum.sum()
        while index < count {
            total += a[index] * b[index]
            index += 1
        }
        return total
    }

    static func normalized(_ vector: [Float]) -> [Float] {
        let norm = vector.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0 else { return vector }
        return vector.map { $0 / norm }
    }
}

/// How similarity is measured. Cosine vectors are normalised on the way in, so both metrics use the
/// inner product; the distance is `1 - dot` (cosine) or `-dot` (inner product).
public enum VectorMetric: UInt8, Sendable, CaseIterable {
    case cosine = 1
    case innerProduct = 2
}
