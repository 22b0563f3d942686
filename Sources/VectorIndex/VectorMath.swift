/// Distance kernels over contiguous `Float` vectors, 8 lanes at a time.
///
/// Products are multiplied and added as two operations, not fused: the package builds for the
/// baseline x86-64 target, which has no fused multiply-add instruction, so `addProduct` became a
/// call to `fmaf` per lane (about 20 times slower than the whole vector product).
///
/// `dot` and `dot4` do exactly the same arithmetic per vector (lane `i` accumulates the products
/// at positions `i`, `i + 8`, ...; the lanes are summed; the tail is added in order), so a distance
/// is bit for bit the same whichever of them computed it.
enum VectorMath {
    typealias Lanes = SIMD8<Float>

    @inline(__always)
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ count: Int) -> Float {
        let rawA = UnsafeRawPointer(a)
        let rawB = UnsafeRawPointer(b)
        var sum = Lanes()
        var index = 0
        while index + 8 <= count {
            sum +=
                rawA.loadUnaligned(fromByteOffset: index * 4, as: Lanes.self)
                * rawB.loadUnaligned(fromByteOffset: index * 4, as: Lanes.self)
            index += 8
        }
        var total = sum.sum()
        while index < count {
            total += a[index] * b[index]
            index += 1
        }
        return total
    }

    /// `a` against four vectors at once. Faster than four calls to `dot`: `a` is loaded once for
    /// all four, and the four vectors are read in one loop, so their cache misses (vectors reached
    /// through the graph are rarely cached) overlap instead of coming one after another.
    @inline(__always)
    static func dot4(
        _ a: UnsafePointer<Float>, _ b0: UnsafePointer<Float>, _ b1: UnsafePointer<Float>,
        _ b2: UnsafePointer<Float>, _ b3: UnsafePointer<Float>, _ count: Int
    ) -> SIMD4<Float> {
        let rawA = UnsafeRawPointer(a)
        let raw0 = UnsafeRawPointer(b0)
        let raw1 = UnsafeRawPointer(b1)
        let raw2 = UnsafeRawPointer(b2)
        let raw3 = UnsafeRawPointer(b3)
        var sum0 = Lanes()
        var sum1 = Lanes()
        var sum2 = Lanes()
        var sum3 = Lanes()
        var index = 0
        while index + 8 <= count {
            let offset = index * 4
            let x = rawA.loadUnaligned(fromByteOffset: offset, as: Lanes.self)
            sum0 += x * raw0.loadUnaligned(fromByteOffset: offset, as: Lanes.self)
            sum1 += x * raw1.loadUnaligned(fromByteOffset: offset, as: Lanes.self)
            sum2 += x * raw2.loadUnaligned(fromByteOffset: offset, as: Lanes.self)
            sum3 += x * raw3.loadUnaligned(fromByteOffset: offset, as: Lanes.self)
            index += 8
        }
        var total = SIMD4(sum0.sum(), sum1.sum(), sum2.sum(), sum3.sum())
        while index < count {
            total += a[index] * SIMD4(b0[index], b1[index], b2[index], b3[index])
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
