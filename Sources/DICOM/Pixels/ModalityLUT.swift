/// The modality LUT (PS3.3 C.11.1): stored values to the modality's units.
///
/// Either a linear rescale (slope and intercept, applied in double precision so that fractional
/// slopes stay exact) or a LUT sequence; a LUT takes precedence, as the standard says only one may
/// be present. Applies to grey images only.
struct ModalityLUT {
    enum Mapping {
        case identity
        case rescale(LinearRescale)
        case table(TableLookup)
    }

    let mapping: Mapping

    init(file: DicomFile, layout: PixelLayout) throws(DicomError) {
        let item = file.dataset
        guard layout.samplesPerPixel == 1, layout.photometricInterpretation != "PALETTE COLOR" else {
            mapping = .identity
            return
        }
        if let lutItem = item.sequence(.modalityLUTSequence).first,
            let description = LookupTableDescription(item: lutItem),
            let length = lutItem.valueLength(.lutData), length > 0
        {
            let bytesPerEntry = description.bitsPerEntry > 8 ? 2 : 1
            let entries = Swift.min(description.entries, Int(length) / 2 * 2 / bytesPerEntry)
            guard entries > 0 else {
                throw DicomError(.inconsistent, source: file.source, reason: "the Modality LUT has no entries")
            }
            let raw = try lutItem.bytes(
                .lutData, offset: 0, count: UInt32(entries * bytesPerEntry), source: file.source)
            let values = SampleUnpacker(
                bitsAllocated: bytesPerEntry * 8, bitsStored: bytesPerEntry * 8, isSigned: false
            )
            .unpack(raw, count: entries) { Float($0) }
            var first = description.firstMappedValue
            if layout.isSigned && first >= 32768 { first -= 65536 }
            mapping = .table(TableLookup(first: first, entries: values))
            return
        }
        let slope = item.number(.rescaleSlope)
        let intercept = item.number(.rescaleIntercept)
        if slope == nil && intercept == nil {
            mapping = .identity
        } else {
            mapping = .rescale(LinearRescale(slope: slope ?? 1, intercept: intercept ?? 0))
        }
    }
}

/// How a stored sample becomes the value a frame holds. Decoders are generic over it, so each
/// mapping's arithmetic is compiled into the unpacking loop instead of being chosen per sample.
protocol SampleMapping {
    func callAsFunction(_ stored: Double) -> Float
}

/// The stored value itself: colour samples, palette indices, and grey images without a rescale.
struct StoredValue: SampleMapping {
    @inline(__always) func callAsFunction(_ stored: Double) -> Float { Float(stored) }
}

/// Rescale Slope and Intercept, in double precision so fractional slopes stay exact.
struct LinearRescale: SampleMapping {
    let slope: Double
    let intercept: Double
    @inline(__always) func callAsFunction(_ stored: Double) -> Float { Float(stored * slope + intercept) }
}

/// A Modality LUT Sequence table; values outside it take its first or last entry. Entries have
/// at most 16 bits, so they are kept as `Float` exactly.
struct TableLookup: SampleMapping {
    let first: Int
    let entries: [Float]
    @inline(__always) func callAsFunction(_ stored: Double) -> Float {
        entries[Swift.min(Swift.max(Int(stored) - first, 0), entries.count - 1)]
    }
}
