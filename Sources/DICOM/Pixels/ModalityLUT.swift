/// The modality LUT (PS3.3 C.11.1): stored values to the modality's units.
///
/// Either a linear rescale (slope and intercept, applied in double precision so that fractional
/// slopes stay exact) or a LUT sequence; a LUT takes precedence, as the standard says only one may
/// be present. Applies to grey images only.
struct ModalityLUT {
    enum Mapping {
        case identity
        case rescale(slope: Double, intercept: Double)
        case table(first: Int, entries: [Double])
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
            .unpack(raw, count: entries)
            var first = description.firstMappedValue
            if layout.isSigned && first >= 32768 { first -= 65536 }
            mapping = .table(first: first, entries: values)
            return
        }
        let slope = item.number(.rescaleSlope)
        let intercept = item.number(.rescaleIntercept)
        if slope == nil && intercept == nil {
            mapping = .identity
        } else {
            mapping = .rescale(slope: slope ?? 1, intercept: intercept ?? 0)
        }
    }

    func apply(_ stored: [Double]) -> [Float] {
        switch mapping {
        case .identity:
            return stored.map { Float($0) }
        case let .rescale(slope, intercept):
            return stored.map { Float($0 * slope + intercept) }
        case let .table(first, entries):
            let last = entries.count - 1
            return stored.map { value in
                let index = Int(value) - first
                return Float(entries[Swift.min(Swift.max(index, 0), last)])
            }
        }
    }
}
