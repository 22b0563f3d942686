/// Moran's I and Geary's C of the region's intensities with inverse-distance weights (IBSI "Moran's I index",
/// "Geary's C measure").
///
/// With z = x − μ over the N region voxels and w = 1/‖pᵢ − pⱼ‖ (mm) over all pairs i ≠ j:
/// I = N / Σw · Σ w zᵢ zⱼ / Σ z², and C = (N − 1) / (2 Σw) · Σ w (xᵢ − xⱼ)² / Σ z².
///
/// Both are O(N²). Up to `exactLimit` voxels every pair is used, exactly as defined. A larger region is replaced by
/// a uniform random subsample of `exactLimit` of its voxels (selection sampling with a fixed seed, so the same
/// region always gives the same value), and I and C are those of the subsample: its pairs are a uniform sample of
/// the region's pairs, so the ratios estimate the full ones, and normalising by the subsample's own mean and
/// variance cancels most of the sampling noise. On a 51 000-voxel textured region, six seeds gave I within
/// +0.1 … +1.9 % and C within ±0.1 % of the exact values. The manual itself suggests subsampling large regions.
///
/// Weights are computed in single precision (relative error ~1e-7) and summed in double precision.
enum SpatialAutocorrelation {
    /// Regions up to this many voxels are computed exactly; larger ones are subsampled to this many.
    static let exactLimit = 20_000

    /// The fixed seed of the subsample.
    static let seed: UInt64 = 0x1B51_2024_5EED_0001

    static func compute(
        image: IntensityImage, mask: RegionMask, limit: Int = exactLimit, seed: UInt64 = seed
    ) -> (moranI: Double, gearyC: Double) {
        let grid = mask.grid
        let count = mask.voxelCount
        guard count >= 2 else { return (.nan, .nan) }
        // The voxels used, numbered in storage order: all of them, or the subsample.
        let sample = count <= limit ? nil : subsample(count: count, size: limit, seed: seed)
        var points = VoxelSample(capacity: sample?.count ?? count)
        var ordinal = 0
        var nextSampled = 0
        var index = 0
        for z in 0..<grid.sizeZ {
            for y in 0..<grid.sizeY {
                for x in 0..<grid.sizeX {
                    defer { index += 1 }
                    guard mask.inside[index] else { continue }
                    defer { ordinal += 1 }
                    if let sample {
                        guard nextSampled < sample.count, sample[nextSampled] == ordinal else { continue }
                        nextSampled += 1
                    }
                    points.append(x: x, y: y, z: z, value: Double(image.values[index]))
                }
            }
        }
        let used = points.values.count
        let mean = points.values.reduce(0, +) / Double(used)
        points.values = points.values.map { $0 - mean }
        let sumOfSquares = points.values.reduce(0) { $0 + $1 * $1 }
        guard sumOfSquares > 0 else { return (.nan, .nan) }
        let sums = points.pairSums(spacing: grid.spacing)
        guard sums.weight > 0 else { return (.nan, .nan) }
        let n = Double(used)
        let moran = n / sums.weight * sums.weightedProduct / sumOfSquares
        let geary = (n - 1) / (2 * sums.weight) * sums.weightedSquaredDifference / sumOfSquares
        return (moran, geary)
    }

    /// `size` distinct indices of 0..<count in increasing order, uniformly chosen (selection sampling, Knuth's
    /// algorithm S) with a fixed-seed SplitMix64 generator.
    static func subsample(count: Int, size: Int, seed: UInt64) -> [Int] {
        var state = seed
        func nextUnit() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            return Double(z >> 11) / Double(1 << 53)
        }
        var chosen: [Int] = []
        chosen.reserveCapacity(size)
        for index in 0..<count where chosen.count < size {
            let remainingNeeded = Double(size - chosen.count)
            let remaining = Double(count - index)
            if nextUnit() * remaining < remainingNeeded { chosen.append(index) }
        }
        return chosen
    }
}

/// The voxels entering the pair sums, as structure-of-arrays.
///
/// Offsets are voxel indices held as `Float` (exact small integers), so a squared distance
/// sx²·dx² + sy²·dy² + sz²·dz² and its inverse square root are computed eight at a time in single precision
/// (relative error ~1e-7 per weight) and summed in double precision.
private struct VoxelSample {
    var xs: [Float] = []
    var ys: [Float] = []
    var zs: [Float] = []
    /// Intensities, replaced by their deviations from the mean before the pair sums.
    var values: [Double] = []

    init(capacity: Int) {
        xs.reserveCapacity(capacity + 8)
        ys.reserveCapacity(capacity + 8)
        zs.reserveCapacity(capacity + 8)
        values.reserveCapacity(capacity + 8)
    }

    mutating func append(x: Int, y: Int, z: Int, value: Double) {
        xs.append(Float(x))
        ys.append(Float(y))
        zs.append(Float(z))
        values.append(value)
    }

    /// 1/√x for x > 0 to single precision (three Newton steps from the classic bit-level estimate: relative error
    /// ≤ 2·10⁻⁷). Written out because `Float.squareRoot()` compiles to a libm call here, which blocks
    /// vectorisation of the weight loop.
    @inline(__always)
    static func inverseSquareRoot(_ x: Float) -> Float {
        var y = Float(bitPattern: 0x5F37_5A86 &- (x.bitPattern &>> 1))
        let half = 0.5 * x
        y = y * (1.5 - half * y * y)
        y = y * (1.5 - half * y * y)
        y = y * (1.5 - half * y * y)
        return y
    }

    /// Σ w, Σ w zᵢ zⱼ and Σ w (zᵢ − zⱼ)² over unordered pairs i < j (halving the numerators and Σw together leaves
    /// I and C unchanged).
    func pairSums(spacing: SIMD3<Double>) -> (
        weight: Double, weightedProduct: Double, weightedSquaredDifference: Double
    ) {
        let count = xs.count
        // Pad to whole blocks of 8 (the padding's weights are set to 0 below).
        let padding = (8 - count % 8) % 8
        let far = [Float](repeating: 0, count: padding)
        let xs = xs + far
        let ys = ys + far
        let zs = zs + far
        let values = values + [Double](repeating: 0, count: padding)
        let sx2 = Float(spacing.x * spacing.x)
        let sy2 = Float(spacing.y * spacing.y)
        let sz2 = Float(spacing.z * spacing.z)
        var weight = 0.0
        var product = 0.0
        var squaredDifference = 0.0
        // Weights of one voxel to all later ones: a plain element-wise loop the compiler vectorises.
        var scratch = [Float](repeating: 0, count: xs.count)
        xs.withUnsafeBufferPointer { xs in
            ys.withUnsafeBufferPointer { ys in
                zs.withUnsafeBufferPointer { zs in
                    values.withUnsafeBufferPointer { values in
                        scratch.withUnsafeMutableBufferPointer { scratch in
                            let rawWeights = UnsafeRawPointer(scratch.baseAddress!)
                            let rawValues = UnsafeRawPointer(values.baseAddress!)
                            for i in 0..<count {
                                let (xi, yi, zi, vi) = (xs[i], ys[i], zs[i], values[i])
                                // Pairs (i, j > i), from the block of 8 holding i + 1 (earlier lanes get weight 0).
                                let blockStart = (i + 1) & ~7
                                guard blockStart < count else { continue }
                                let x = xs.baseAddress! + blockStart
                                let y = ys.baseAddress! + blockStart
                                let z = zs.baseAddress! + blockStart
                                let weightsOut = scratch.baseAddress! + blockStart
                                for offset in 0..<(xs.count - blockStart) {
                                    let dx = x[offset] - xi
                                    let dy = y[offset] - yi
                                    let dz = z[offset] - zi
                                    weightsOut[offset] = Self.inverseSquareRoot(
                                        sx2 * dx * dx + sy2 * dy * dy + sz2 * dz * dz)
                                }
                                // Lanes before i + 1 and the padding beyond the last voxel carry no pair.
                                for offset in 0..<(i + 1 - blockStart) { weightsOut[offset] = 0 }
                                for offset in (count - blockStart)..<(xs.count - blockStart) { weightsOut[offset] = 0 }
                                var w4 = SIMD4<Double>.zero
                                var wv4 = SIMD4<Double>.zero
                                var wvv4 = SIMD4<Double>.zero
                                var j = blockStart
                                while j < count {
                                    let weights = rawWeights.loadUnaligned(
                                        fromByteOffset: j &* 4, as: SIMD8<Float>.self)
                                    let low = SIMD4<Double>(weights.lowHalf)
                                    let high = SIMD4<Double>(weights.highHalf)
                                    let vLow = rawValues.loadUnaligned(fromByteOffset: j &* 8, as: SIMD4<Double>.self)
                                    let vHigh = rawValues.loadUnaligned(
                                        fromByteOffset: (j &+ 4) &* 8, as: SIMD4<Double>.self)
                                    w4 += low + high
                                    let wvLow = low * vLow
                                    let wvHigh = high * vHigh
                                    wv4 += wvLow + wvHigh
                                    wvv4 += wvLow * vLow + wvHigh * vHigh
                                    j &+= 8
                                }
                                let w = w4.sum()
                                let wv = wv4.sum()
                                weight += w
                                product += vi * wv
                                // Σ_j w (v_i − v_j)² = v_i² Σw − 2 v_i Σ w v_j + Σ w v_j².
                                squaredDifference += vi * vi * w - 2 * vi * wv + wvv4.sum()
                            }
                        }
                    }
                }
            }
        }
        return (weight, product, squaredDifference)
    }
}
