/// Runs a command over many mutant files in child processes and finds the ones that crash it.
public enum MutantRunner {
    /// Runs `executable arguments... batch...` for batches of `inputs`. A batch whose child exits is
    /// handed to `check`; a batch whose child crashes is split until the crashing inputs are found,
    /// which are returned.
    public static func crashingInputs(
        _ executable: String, _ arguments: [String], inputs: [String], batchSize: Int = 150,
        memoryLimitMB: Int = 3072, check: (ChildProcess.Outcome, [String]) -> Void
    ) throws -> [String] {
        func crashing(_ batch: [String]) throws -> [String] {
            let outcome = try ChildProcess.run(executable, arguments + batch, memoryLimitMB: memoryLimitMB)
            if !outcome.crashed {
                check(outcome, batch)
                return []
            }
            if batch.count == 1 { return batch }
            let middle = batch.count / 2
            return try crashing(Array(batch[..<middle])) + crashing(Array(batch[middle...]))
        }
        var found: [String] = []
        for start in stride(from: 0, to: inputs.count, by: batchSize) {
            found += try crashing(Array(inputs[start..<min(start + batchSize, inputs.count)]))
        }
        return found
    }
}

/// A small deterministic generator (SplitMix64), so that mutants are the same on every run.
public struct SplitMix64 {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
