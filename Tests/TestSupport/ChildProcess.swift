import Foundation

/// Runs a program as a child process, so that a crash in it is an observable outcome rather than
/// the end of the test run.
public struct ChildProcess {
    public struct Outcome {
        public let status: Int32
        /// True when the child was ended by a signal (a crash), false when it exited.
        public let crashed: Bool
        public let standardOutput: String
        public let standardError: String
    }

    /// Runs `executable` with `arguments`, its address space capped at `memoryLimitMB` (through
    /// `ulimit -v`) so that an unbounded allocation fails inside the child.
    /// `environment` entries are added to (or replace) the test process's own environment.
    public static func run(
        _ executable: String, _ arguments: [String], memoryLimitMB: Int? = nil, environment: [String: String] = [:]
    ) throws -> Outcome {
        let process = Process()
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        if let memoryLimitMB {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments =
                ["-c", "ulimit -v \(memoryLimitMB * 1024) && exec \"$0\" \"$@\"", executable] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        }
        let output = Pipe()
        // Standard error goes to a file, so that neither pipe can fill up and block the child.
        let errorPath = FileManager.default.temporaryDirectory.appendingPathComponent("stderr-" + UUID().uuidString)
        _ = FileManager.default.createFile(atPath: errorPath.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorPath) }
        let errorHandle = try FileHandle(forWritingTo: errorPath)
        process.standardOutput = output
        process.standardError = errorHandle
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errorHandle.close()
        let errorData = (try? Data(contentsOf: errorPath)) ?? Data()
        return Outcome(
            status: process.terminationStatus, crashed: process.terminationReason == .uncaughtSignal,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
    }
}
