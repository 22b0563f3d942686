import Foundation
import TestSupport
import Signals

/// Writes deterministic mutants of signal files the writers produced: truncations at many points,
/// byte flips in headers and data, and absurd header values (sample counts, rates, channel counts,
/// offsets). Each mutant is a folder holding a whole record with one file damaged; the returned
/// paths are what a reader is given (.hea, .edf, .bdf).
struct SignalMutantFactory {
    let output: URL

    /// A record: its files (name → bytes) and the file a reader opens.
    struct Source {
        let name: String
        let files: [String: [UInt8]]
        let entry: String
    }

    func makeAll() throws -> [String] {
        var paths: [String] = []
        for (index, source) in try sources().enumerated() {
            var generator = TestSupport.SplitMix64(seed: UInt64(index) &+ 0x51_6E_A1)
            for (fileName, original) in source.files.sorted(by: { $0.key < $1.key }) {
                for (suffix, bytes) in variants(of: original, fileName: fileName, generator: &generator) {
                    var files = source.files
                    files[fileName] = bytes
                    let folder = output.appendingPathComponent("\(source.name)-\(fileName)-\(suffix)")
                    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                    try WFDBTestFiles.write(files, in: folder)
                    paths.append(folder.appendingPathComponent(source.entry).path)
                }
            }
        }
        return paths
    }

    /// Truncations, byte flips, and format-aware absurd values.
    private func variants(of original: [UInt8], fileName: String, generator: inout TestSupport.SplitMix64) -> [(String, [UInt8])]
    {
        var result: [(String, [UInt8])] = []
        let cuts = Set(
            [0, 1, 2, 3, 7, 100, 255, 256, 257, 511, 512, original.count - 2, original.count - 1]
                + (1..<24).map { original.count * $0 / 24 }
        ).filter { $0 >= 0 && $0 < original.count }.sorted()
        for cut in cuts { result.append(("cut\(cut)", Array(original.prefix(cut)))) }
        let isEDF = fileName.hasSuffix(".edf") || fileName.hasSuffix(".bdf")
        let headerEnd =
            isEDF
            ? min(original.count, 256 * (EDFTestEditing.signalCount(original) + 1))
            : (fileName.hasSuffix(".hea") ? original.count : min(original.count, 64))
        for flip in 0..<16 {
            var mutant = original
            let inHeader = flip % 2 == 0 || headerEnd >= original.count
            let range = inHeader ? 0..<max(1, headerEnd) : headerEnd..<original.count
            guard !original.isEmpty, !range.isEmpty else { continue }
            for _ in 0..<(1 + flip / 2) {
                let at = range.lowerBound + Int(generator.next() % UInt64(range.count))
                mutant[at] ^= UInt8(truncatingIfNeeded: generator.next() | 1)
            }
            result.append(("flip\(flip)", mutant))
        }
        if fileName.hasSuffix(".hea") { result += headerVariants(original) }
        if isEDF { result += edfVariants(original) }
        return result
    }

    /// Absurd values in a WFDB header's record and signal lines.
    private func headerVariants(_ original: [UInt8]) -> [(String, [UInt8])] {
        let text = String(decoding: original, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard !lines.isEmpty else { return [] }
        let fields = lines[0].split(separator: " ").map(String.init)
        guard fields.count > 1 else { return [] }
        var result: [(String, [UInt8])] = []
        func with(_ name: String, _ edit: (inout [String], inout [String]) -> Void) {
            var record = fields
            var body = Array(lines.dropFirst())
            edit(&record, &body)
            result.append((name, Array(([record.joined(separator: " ")] + body).joined(separator: "\n").utf8)))
        }
        let isMulti = fields[0].contains("/")
        with("nsamp-huge") { r, _ in if r.count > 3 { r[3] = "999999999999999" } }
        with("nsamp-overflow") { r, _ in if r.count > 3 { r[3] = "9223372036854775807" } }
        with("nsamp-negative") { r, _ in if r.count > 3 { r[3] = "-5" } }
        with("nsamp-more") { r, _ in if r.count > 3, let n = Int(r[3]) { r[3] = String(n + 1) } }
        with("fs-huge") { r, _ in if r.count > 2 { r[2] = "1e12" } }
        with("fs-tiny") { r, _ in if r.count > 2 { r[2] = "1e-300" } }
        with("fs-zero") { r, _ in if r.count > 2 { r[2] = "0" } }
        with("nsig-huge") { r, _ in r[1] = "99999" }
        with("nsig-more") { r, _ in r[1] = String((Int(r[1]) ?? 0) + 1) }
        with("nsig-zero") { r, _ in r[1] = "0" }
        if isMulti {
            with("segments-more") { r, _ in r[0] = r[0].split(separator: "/")[0] + "/99" }
            with("segment-long") { _, body in
                if let i = body.firstIndex(where: { !$0.hasPrefix("#") && !$0.isEmpty }) {
                    body[i] = body[i].split(separator: " ")[0] + " 999999999999"
                }
            }
            with("segment-self") { r, body in
                if let i = body.firstIndex(where: { !$0.hasPrefix("#") && !$0.isEmpty }) {
                    body[i] = r[0].split(separator: "/")[0] + " 10"
                }
            }
        } else {
            let signalEdits: [(String, (String) -> String)] = [
                ("spf", { $0 + "x99999999" }), ("skew", { $0 + ":999999999999999" }),
                ("offset", { $0 + "+99999999999" }), ("flac", { _ in "516" }), ("fmt-unknown", { _ in "17" }),
                ("fmt-null", { _ in "0" }), ("fmt-8", { _ in "8" }), ("fmt-311", { _ in "311" }),
                ("fmt-24", { _ in "24" }), ("spf-zero", { $0 + "x0" }),
            ]
            for (name, edit) in signalEdits {
                with("signal-\(name)") { _, body in
                    guard var parts = body.first?.split(separator: " ").map(String.init), parts.count > 1 else {
                        return
                    }
                    parts[1] = edit(parts[1])
                    body[0] = parts.joined(separator: " ")
                }
            }
            with("gain-zero") { _, body in
                guard var parts = body.first?.split(separator: " ").map(String.init), parts.count > 2 else { return }
                parts[2] = "0"
                body[0] = parts.joined(separator: " ")
            }
            with("checksum") { _, body in
                guard var parts = body.first?.split(separator: " ").map(String.init), parts.count > 6 else { return }
                parts[6] = String((Int(parts[6]) ?? 0) + 1)
                body[0] = parts.joined(separator: " ")
            }
            with("file-escape") { _, body in
                guard var parts = body.first?.split(separator: " ").map(String.init), !parts.isEmpty else { return }
                parts[0] = "../../etc/passwd"
                body[0] = parts.joined(separator: " ")
            }
            with("file-dir") { _, body in
                guard var parts = body.first?.split(separator: " ").map(String.init), !parts.isEmpty else { return }
                parts[0] = "."
                body[0] = parts.joined(separator: " ")
            }
        }
        with("nul") { r, _ in r[0] += "\u{0}" }
        return result
    }

    /// Absurd values in an EDF header's fields, and junk in its annotations.
    private func edfVariants(_ original: [UInt8]) -> [(String, [UInt8])] {
        var result: [(String, [UInt8])] = []
        func with(_ name: String, _ field: String, signal: Int? = nil, _ value: String) {
            var bytes = original
            EDFTestEditing.set(field, signal: signal, to: value, in: &bytes)
            result.append((name, bytes))
        }
        let count = EDFTestEditing.signalCount(original)
        with("records-huge", "records", "99999999")
        with("records-unknown", "records", "-1")
        with("records-negative", "records", "-7")
        with("duration-zero", "duration", "0")
        with("duration-tiny", "duration", "1e-9")
        with("duration-huge", "duration", "99999999")
        with("signals-huge", "signals", "9999")
        with("signals-zero", "signals", "0")
        with("header-size", "header size", "256")
        with("discontinuous", "reserved", original[0] == 0xFF ? "BDF+D" : "EDF+D")
        with("plain", "reserved", "")
        var unlabelled = original
        EDFTestEditing.set("reserved", to: original[0] == 0xFF ? "BDF+D" : "EDF+D", in: &unlabelled)
        EDFTestEditing.set("label", signal: count - 1, to: "Unlabelled", in: &unlabelled)
        result.append(("discontinuous-unlabelled", unlabelled))
        for signal in [0, count - 1] where signal >= 0 {
            with("spr-huge-\(signal)", "samples", signal: signal, "99999999")
            with("spr-zero-\(signal)", "samples", signal: signal, "0")
            with(
                "dig-equal-\(signal)", "digital maximum", signal: signal,
                EDFTestEditing.field("digital minimum", signal: signal, in: original))
            with(
                "phys-equal-\(signal)", "physical maximum", signal: signal,
                EDFTestEditing.field("physical minimum", signal: signal, in: original))
            with("dig-range-\(signal)", "digital minimum", signal: signal, "-99999999")
            with(
                "label-annotations-\(signal)", "label", signal: signal,
                original[0] == 0xFF ? "BDF Annotations" : "EDF Annotations")
        }
        let (samples, annotations, width) = EDFTestEditing.layout(original)
        if let annotations {
            let headerBytes = 256 * (samples.count + 1)
            let block = samples[..<annotations].reduce(0, +) * width
            for (name, junk) in [
                ("tal-junk", "x\u{14}\u{0}"), ("tal-onset", "+1e5\u{14}\u{14}\u{0}"), ("tal-open", "+0\u{14}abc"),
            ] {
                var bytes = original
                let bytesOfJunk = Array(junk.utf8)
                let at = headerBytes + block
                if at + bytesOfJunk.count <= bytes.count {
                    bytes.replaceSubrange(at..<(at + bytesOfJunk.count), with: bytesOfJunk)
                    result.append((name, bytes))
                }
            }
        }
        return result
    }

    /// The files the mutants start from: WFDB 212 and 16 records with annotations (one with two
    /// rates), a multi-segment record, an EDF+ and a BDF+ file.
    private func sources() throws -> [Source] {
        let folder = output.appendingPathComponent("sources")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var sources: [Source] = []
        func files(_ names: [String]) throws -> [String: [UInt8]] {
            var result: [String: [UInt8]] = [:]
            for name in names {
                result[name] = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
            }
            return result
        }
        var ecg = SyntheticSignals.ecgRecording(seconds: 3)
        try WFDBWriter.write(ecg, headerPath: folder.appendingPathComponent("w212.hea").path, format: .format212)
        sources.append(Source(name: "w212", files: try files(["w212.hea", "w212.dat", "w212.atr"]), entry: "w212.hea"))

        ecg.channels.append(
            SignalChannel(
                label: "PLETH", unit: "NU", samplingRate: 720,
                samples: SyntheticSignals.wave(count: 2160, rate: 720, amplitude: 40, frequency: 0.9)))
        try WFDBWriter.write(ecg, headerPath: folder.appendingPathComponent("w16.hea").path, format: .format16)
        sources.append(Source(name: "w16", files: try files(["w16.hea", "w16.dat", "w16.atr"]), entry: "w16.hea"))

        let segment = SyntheticSignals.ecgRecording(seconds: 1)
        try WFDBWriter.write(segment, headerPath: folder.appendingPathComponent("seg_1.hea").path, format: .format16)
        let master = "multi/3 2 360 1080\nseg_1 360\n~ 360\nseg_1 360\n"
        try Data(master.utf8).write(to: folder.appendingPathComponent("multi.hea"))
        sources.append(
            Source(
                name: "multi", files: try files(["multi.hea", "seg_1.hea", "seg_1.dat", "seg_1.atr"]),
                entry: "multi.hea"))

        var mixed = SyntheticSignals.ecgRecording(seconds: 4)
        mixed.channels.append(
            SignalChannel(
                label: "Resp", unit: "uV", samplingRate: 25,
                samples: SyntheticSignals.wave(count: 100, rate: 25, amplitude: 200, frequency: 0.3)))
        try EDFWriter.write(mixed, to: folder.appendingPathComponent("e.edf").path, format: .edfPlus)
        sources.append(Source(name: "edf", files: try files(["e.edf"]), entry: "e.edf"))
        try EDFWriter.write(mixed, to: folder.appendingPathComponent("b.bdf").path, format: .bdfPlus)
        sources.append(Source(name: "bdf", files: try files(["b.bdf"]), entry: "b.bdf"))
        return sources
    }
}
