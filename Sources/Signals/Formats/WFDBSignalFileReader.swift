import Foundation

/// Reads the samples of the signals that share one WFDB signal file (.dat): they are interleaved
/// frame by frame, each signal contributing its samples-per-frame to every frame. The header's
/// claims are checked against the file's size before anything is allocated, and each signal's
/// checksum is verified when the header gives one.
enum WFDBSignalFileReader {
    /// Samples decoded at a time (a multiple of every packed format's block).
    private static let chunkSamples = WFDBSampleFormat.alignment * 16_384

    /// Reads signals `group` (indices into `header.signals`, all naming the same file). Returns their
    /// digital samples in group order.
    static func read(
        group: [Int], header: WFDBHeader, headerPath: String, limits: SignalLimits
    ) throws(SignalError) -> [[Int32]] {
        let specs = group.map { header.signals[$0] }
        let first = specs[0]
        let format = try WFDBSampleFormat.named(first.format, source: headerPath, line: first.lineNumber)
        for spec in specs.dropFirst() {
            guard spec.format == first.format else {
                throw SignalError(
                    headerPath,
                    "line \(spec.lineNumber): signal file \(spec.fileName) is given formats \(first.format) "
                        + "and \(spec.format); one file has one format")
            }
            guard spec.byteOffset == first.byteOffset || spec.byteOffset == 0 else {
                throw SignalError(
                    headerPath,
                    "line \(spec.lineNumber): signal file \(spec.fileName) is given byte offsets "
                        + "\(first.byteOffset) and \(spec.byteOffset)")
            }
        }
        let names = zip(group, specs).map { "\($0) (\"\($1.label(index: $0))\")" }
        let signalNames = (names.count == 1 ? "signal " : "signals ") + names.joined(separator: ", ")
        let path = try resolve(first.fileName, headerPath: headerPath, line: first.lineNumber)
        let file = try SignalFileBytes(
            path: path, role: "signal file (named on line \(first.lineNumber) of \(headerPath))")

        var samplesPerFrame = 0
        for (index, spec) in zip(group, specs) {
            guard spec.samplesPerFrame <= limits.maxSamplesPerChannel else {
                throw SignalError(
                    headerPath,
                    "line \(spec.lineNumber): \(spec.samplesPerFrame) samples per frame of signal \(index) is more "
                        + "than the limit of \(limits.maxSamplesPerChannel) samples per channel")
            }
            samplesPerFrame += spec.samplesPerFrame
        }
        guard first.byteOffset <= file.size else {
            throw SignalError(
                path, "\(signalNames): byte offset \(first.byteOffset) is past the end of the file (\(file.size) bytes)"
            )
        }
        let dataBytes = file.size - first.byteOffset
        let availableFrames = format.samples(inBytes: dataBytes) / samplesPerFrame
        let frames: Int
        if let claimed = header.sampleCount {
            if availableFrames < claimed {
                let needed = format.bytes(
                    forSamples: claimed.multipliedReportingOverflow(by: samplesPerFrame).partialValue)
                throw SignalError(
                    path,
                    "\(signalNames): the header says \(claimed) samples per signal, but the file holds only "
                        + "\(availableFrames) (\(dataBytes) bytes of format \(format.rawValue) data"
                        + (first.byteOffset > 0 ? " after the \(first.byteOffset)-byte offset" : "")
                        + (needed.map { "; \(claimed) samples need \($0) bytes" } ?? "") + ")")
            }
            frames = claimed
        } else {
            frames = availableFrames
        }
        for (index, spec) in zip(group, specs) {
            let (count, overflow) = frames.multipliedReportingOverflow(by: spec.samplesPerFrame)
            try limits.checkSamples(
                overflow ? Int.max : count, channel: "signal \(index) (\"\(spec.label(index: index))\")",
                source: path)
        }
        let maxSkew = specs.map(\.skew).max() ?? 0
        let (wanted, overflow) = frames.addingReportingOverflow(maxSkew)
        let framesToRead = overflow ? availableFrames : min(availableFrames, wanted)
        let total = framesToRead * samplesPerFrame
        guard let needed = format.bytes(forSamples: total) else {
            throw SignalError(path, "\(signalNames): sample count overflows")
        }
        let bytes = try file.read(offset: first.byteOffset, count: needed)
        guard bytes.count == needed else {
            throw SignalError(path, "\(signalNames): the file became shorter while it was read")
        }

        var outputs = specs.map { [Int32](repeating: format.missingSample, count: frames * $0.samplesPerFrame) }
        let skews = specs.map(\.skew)
        let spf = specs.map(\.samplesPerFrame)
        var running = specs.map { Int32(truncatingIfNeeded: $0.initialValue) }
        var sums = [Int](repeating: 0, count: specs.count)
        let isDifference = format == .difference8
        var buffer = [Int32](repeating: 0, count: min(chunkSamples, max(total, 1)))
        // Where the next sample goes: its frame, its signal in the group, its place within the frame.
        var frame = 0
        var slot = 0
        var sample = 0
        let slots = specs.count
        bytes.withUnsafeBufferPointer { raw in
            var start = 0
            while start < total {
                let count = min(buffer.count, total - start)
                buffer.withUnsafeMutableBufferPointer { out in
                    format.decode(raw, first: start, into: UnsafeMutableBufferPointer(rebasing: out[0..<count]))
                }
                for k in 0..<count {
                    var value = buffer[k]
                    if isDifference {
                        running[slot] &+= value
                        value = running[slot]
                    }
                    let t = frame - skews[slot]
                    if t >= 0 && t < frames {
                        outputs[slot][t * spf[slot] + sample] = value
                        sums[slot] &+= Int(value)
                    }
                    sample += 1
                    if sample == spf[slot] {
                        sample = 0
                        slot += 1
                        if slot == slots {
                            slot = 0
                            frame += 1
                        }
                    }
                }
                start += count
            }
        }

        if header.sampleCount != nil {
            for (slot, spec) in specs.enumerated() {
                let (end, overflow) = frames.addingReportingOverflow(spec.skew)
                guard let checksum = spec.checksum, !overflow, framesToRead >= end else { continue }
                let actual = Int16(truncatingIfNeeded: sums[slot])
                guard actual == Int16(truncatingIfNeeded: checksum) else {
                    let index = group[slot]
                    throw SignalError(
                        path,
                        "checksum mismatch for signal \(index) (\"\(spec.label(index: index))\"): the header "
                            + "(line \(spec.lineNumber)) says \(checksum), the samples sum to \(actual) (16-bit)")
                }
            }
        }
        return outputs
    }

    /// A signal file's path: its name is relative to the header's folder and may not leave it.
    static func resolve(_ name: String, headerPath: String, line: Int) throws(SignalError) -> String {
        let components = name.split(separator: "/", omittingEmptySubsequences: false)
        guard !name.isEmpty, !name.hasPrefix("/"), !components.contains(".."), !components.contains("") else {
            throw SignalError(
                headerPath,
                "line \(line): signal file name '\(name)' must be a relative path inside the header's folder")
        }
        let folder = (headerPath as NSString).deletingLastPathComponent
        return folder.isEmpty ? name : folder + "/" + name
    }
}
