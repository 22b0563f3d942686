/// Colour layout and colour-space conversions to pixel-interleaved RGB, on `Float` samples. Only
/// 8-bit YBR is converted arithmetically; other colour samples are only moved, so their values are
/// the `Float` of the stored value, as for grey images without a rescale.
enum ColourConversion {
    /// Plane-by-plane (RRR…GGG…BBB…) to pixel-interleaved (RGBRGB…).
    static func interleave(planes: [Float], pixels: Int) -> [Float] {
        var output = [Float](repeating: 0, count: pixels * 3)
        for pixel in 0..<pixels {
            output[pixel * 3] = planes[pixel]
            output[pixel * 3 + 1] = planes[pixels + pixel]
            output[pixel * 3 + 2] = planes[2 * pixels + pixel]
        }
        return output
    }

    /// Native YBR_FULL_422: each pair of pixels in a row stores Y1 Y2 Cb Cr (PS3.3 C.7.6.3.1.2).
    /// Returns full-resolution YBR samples, pixel-interleaved.
    static func expand422(_ samples: [Float], rows: Int, columns: Int) -> [Float] {
        var output = [Float](repeating: 0, count: rows * columns * 3)
        let stride = columns + columns % 2  // odd widths are padded to whole pairs
        var input = 0
        for row in 0..<rows {
            var column = 0
            while column < stride {
                // A short frame (an odd width whose padding the data does not hold) leaves the rest 0.
                guard input + 4 <= samples.count else { return output }
                let y1 = samples[input], y2 = samples[input + 1]
                let cb = samples[input + 2], cr = samples[input + 3]
                input += 4
                for (offset, y) in [(0, y1), (1, y2)] where column + offset < columns {
                    let at = (row * columns + column + offset) * 3
                    output[at] = y
                    output[at + 1] = cb
                    output[at + 2] = cr
                }
                column += 2
            }
        }
        return output
    }

    /// YBR_FULL to RGB for 8-bit samples with the equations of PS3.3 C.7.6.3.1.2, computed in
    /// single precision, rounded half up and clipped, as the pydicom reference does.
    static func ybrFullToRGB(_ samples: inout [Float]) {
        let crToG = Float(-0.299 * 1.402 / 0.587)
        let cbToG = Float(-0.114 * 1.772 / 0.587)
        samples.withUnsafeMutableBufferPointer { samples in
            for at in Swift.stride(from: 0, to: samples.count - 2, by: 3) {
                let y = samples[at], cb = samples[at + 1] - 128, cr = samples[at + 2] - 128
                let red = y + cr * Float(1.402)
                let green = y + cb * cbToG + cr * crToG
                let blue = y + cb * Float(1.772)
                samples[at] = clip((red + 0.5).rounded(.down))
                samples[at + 1] = clip((green + 0.5).rounded(.down))
                samples[at + 2] = clip((blue + 0.5).rounded(.down))
            }
        }
    }

    private static func clip(_ value: Float) -> Float { Swift.min(255, Swift.max(0, value)) }
}
