import Foundation

/// Edits the bytes of an EDF file in place, field by field, so that tests can make exactly the
/// damage they mean (junk in one field, a discontinuous file) from a file the writer produced.
enum EDFTestEditing {
    /// The fixed header fields: name → (offset, width).
    static let fixedFields: [String: (offset: Int, width: Int)] = [
        "version": (0, 8), "patient": (8, 80), "recording": (88, 80), "start date": (168, 8),
        "start time": (176, 8), "header size": (184, 8), "reserved": (192, 44), "records": (236, 8),
        "duration": (244, 8), "signals": (252, 4),
    ]

    /// The per-signal fields in file order, with their widths.
    static let signalFields: [(name: String, width: Int)] = [
        ("label", 16), ("transducer", 80), ("dimension", 8), ("physical minimum", 8), ("physical maximum", 8),
        ("digital minimum", 8), ("digital maximum", 8), ("prefiltering", 80), ("samples", 8), ("reserved", 32),
    ]

    static func signalCount(_ bytes: [UInt8]) -> Int {
        Int(String(decoding: bytes[252..<256], as: UTF8.self).trimmingCharacters(in: .whitespaces)) ?? 0
    }

    /// Where a field is: a fixed one, or signal `signal`'s (0-based).
    static func location(_ name: String, signal: Int? = nil, in bytes: [UInt8]) -> (offset: Int, width: Int) {
        guard let signal else { return fixedFields[name]! }
        let count = signalCount(bytes)
        var offset = 256
        for field in signalFields {
            if field.name == name { return (offset + signal * field.width, field.width) }
            offset += count * field.width
        }
        fatalError("no EDF field \(name)")
    }

    /// Replaces a field with `value`, space-padded (or cut) to the field's width.
    static func set(_ name: String, signal: Int? = nil, to value: [UInt8], in bytes: inout [UInt8]) {
        let (offset, width) = location(name, signal: signal, in: bytes)
        let padded = Array((value + [UInt8](repeating: 0x20, count: width)).prefix(width))
        bytes.replaceSubrange(offset..<(offset + width), with: padded)
    }

    static func set(_ name: String, signal: Int? = nil, to value: String, in bytes: inout [UInt8]) {
        set(name, signal: signal, to: Array(value.utf8), in: &bytes)
    }

    static func field(_ name: String, signal: Int? = nil, in bytes: [UInt8]) -> String {
        let (offset, width) = location(name, signal: signal, in: bytes)
        return String(decoding: bytes[offset..<(offset + width)], as: UTF8.self).trimmingCharacters(in: .whitespaces)
    }

    /// Samples per record of each signal, and the annotation signal's index (the last one named
    /// "EDF Annotations" or "BDF Annotations").
    static func layout(_ bytes: [UInt8]) -> (samples: [Int], annotations: Int?, width: Int) {
        let count = signalCount(bytes)
        let samples = (0..<count).map { Int(field("samples", signal: $0, in: bytes)) ?? 0 }
        let annotations = (0..<count).last { field("label", signal: $0, in: bytes).hasSuffix("DF Annotations") }
        return (samples, annotations, bytes[0] == 0xFF ? 3 : 2)
    }

    /// Turns an EDF+C file into EDF+D whose data records start at `onsets` (one per record): the
    /// reserved field says "EDF+D" and each record's annotation block holds only its time-keeping
    /// TAL, plus `annotations` (onset, text) in the first record.
    static func makeDiscontinuous(
        _ bytes: inout [UInt8], onsets: [Double], annotations: [(Double, String)] = []
    ) {
        let plus = bytes[0] == 0xFF ? "BDF+D" : "EDF+D"
        set("reserved", to: plus, in: &bytes)
        let (samples, annotationSignal, width) = layout(bytes)
        let headerBytes = 256 * (samples.count + 1)
        let recordBytes = samples.reduce(0, +) * width
        let blockOffset = samples[..<annotationSignal!].reduce(0, +) * width
        let blockBytes = samples[annotationSignal!] * width
        for (record, onset) in onsets.enumerated() {
            var block = Array("+\(tal(onset))\u{14}\u{14}\u{0}".utf8)
            if record == 0 {
                for (time, text) in annotations { block += Array("+\(tal(time))\u{14}\(text)\u{14}\u{0}".utf8) }
            }
            precondition(block.count <= blockBytes, "annotation block too small")
            block += [UInt8](repeating: 0, count: blockBytes - block.count)
            let start = headerBytes + record * recordBytes + blockOffset
            bytes.replaceSubrange(start..<(start + blockBytes), with: block)
        }
    }

    private static func tal(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
