import CDCMTK

/// The fragments of encapsulated pixel data and which of them make up each frame (PS3.5 A.4).
struct EncapsulatedFrames {
    /// Fragment bytes; index 0 of the pixel sequence (the Basic Offset Table) is not included.
    let fragments: [UnsafeBufferPointer<UInt8>]
    /// For each frame, the range of indices into `fragments`.
    let frameFragments: [Range<Int>]

    init(file: DicomFile, layout: PixelLayout) throws(DicomError) {
        let source = file.source
        var count = 0
        guard cdcm_pixel_fragment_count(file.handle.pointer, &count) == Int32(CDCM_OK), count >= 1 else {
            throw DicomError(.corruptPixelData, source: source, reason: "the encapsulated Pixel Data has no items")
        }
        var items: [UnsafeBufferPointer<UInt8>] = []
        for index in 0..<count {
            var pointer: UnsafePointer<UInt8>?
            var length: UInt32 = 0
            guard cdcm_pixel_fragment(file.handle.pointer, index, &pointer, &length) == Int32(CDCM_OK) else {
                throw DicomError(
                    .corruptPixelData, source: source, reason: "pixel data fragment \(index) is unreadable")
            }
            items.append(UnsafeBufferPointer(start: pointer, count: pointer == nil ? 0 : Int(length)))
        }
        let offsetTable = items[0]
        fragments = Array(items.dropFirst())
        guard !fragments.isEmpty else {
            throw DicomError(.corruptPixelData, source: source, reason: "the encapsulated Pixel Data has no fragments")
        }
        guard layout.frames <= fragments.count else {
            throw DicomError(
                .inconsistent, source: source,
                reason:
                    "Number of Frames is \(layout.frames) but the Pixel Data holds only \(fragments.count) fragments")
        }
        frameFragments = try Self.assign(
            fragments: fragments, offsetTable: offsetTable, frames: layout.frames, source: source)
    }

    func bytes(ofFrame frame: Int) -> [UInt8] {
        var output: [UInt8] = []
        for index in frameFragments[frame] { output.append(contentsOf: fragments[index]) }
        return output
    }

    private static func assign(
        fragments: [UnsafeBufferPointer<UInt8>], offsetTable: UnsafeBufferPointer<UInt8>, frames: Int, source: String
    ) throws(DicomError) -> [Range<Int>] {
        if frames == 1 { return [0..<fragments.count] }
        if fragments.count == frames { return (0..<frames).map { $0..<($0 + 1) } }
        // Frames spread over several fragments: use the Basic Offset Table when present...
        if offsetTable.count >= frames * 4 {
            var starts: [Int] = []
            var position = 0
            var fragmentStart: [Int: Int] = [:]
            for (index, fragment) in fragments.enumerated() {
                fragmentStart[position] = index
                position += 8 + fragment.count
            }
            for frame in 0..<frames {
                let at = frame * 4
                let offset =
                    Int(offsetTable[at]) | Int(offsetTable[at + 1]) << 8 | Int(offsetTable[at + 2]) << 16
                    | Int(offsetTable[at + 3]) << 24
                guard let index = fragmentStart[offset], starts.last.map({ $0 < index }) ?? true else {
                    throw DicomError(
                        .corruptPixelData, source: source, reason: "the Basic Offset Table does not match the fragments"
                    )
                }
                starts.append(index)
            }
            return ranges(starts: starts, total: fragments.count)
        }
        // ...otherwise find the fragments that open a codestream (JPEG SOI or JPEG 2000 SOC marker).
        let starts = fragments.indices.filter { index in
            let fragment = fragments[index]
            return fragment.count >= 2 && fragment[0] == 0xFF && (fragment[1] == 0xD8 || fragment[1] == 0x4F)
        }
        guard starts.count == frames, starts.first == 0 else {
            throw DicomError(
                .corruptPixelData, source: source,
                reason: "cannot tell which fragments belong to which of the \(frames) frames")
        }
        return ranges(starts: starts, total: fragments.count)
    }

    private static func ranges(starts: [Int], total: Int) -> [Range<Int>] {
        starts.enumerated().map { position, start in
            start..<(position + 1 < starts.count ? starts[position + 1] : total)
        }
    }
}

/// Checks an RLE fragment's header (PS3.5 G.5) before DCMTK sees it: DCMTK 3.6.7 crashes on
/// segment offsets that point outside the fragment.
enum RLEHeader {
    static func validate(_ fragment: UnsafeBufferPointer<UInt8>, expectedSegments: Int, source: String)
        throws(DicomError)
    {
        func fail(_ reason: String) -> DicomError {
            DicomError(.corruptPixelData, source: source, reason: "RLE data is corrupt: \(reason)")
        }
        guard fragment.count >= 64 else { throw fail("the fragment is shorter than the 64-byte RLE header") }
        func word(_ index: Int) -> Int {
            let at = index * 4
            return Int(fragment[at]) | Int(fragment[at + 1]) << 8 | Int(fragment[at + 2]) << 16
                | Int(fragment[at + 3]) << 24
        }
        let segments = word(0)
        guard (1...15).contains(segments) else { throw fail("\(segments) segments (must be 1 to 15)") }
        guard segments == expectedSegments else {
            throw fail("\(segments) segments where the image needs \(expectedSegments)")
        }
        var previous = 63
        for segment in 1...segments {
            let offset = word(segment)
            guard offset > previous, offset < fragment.count else {
                throw fail("segment \(segment) starts at \(offset), outside the fragment or out of order")
            }
            previous = offset
        }
    }
}
