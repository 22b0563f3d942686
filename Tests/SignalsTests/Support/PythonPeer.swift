import Foundation

/// Runs Tests/SignalsTests/Support/interop.py with the reference readers and writers (wfdb,
/// pyedflib) from the pinned wheels that `make deps` unpacks into .cache/pypi/NAME-VERSION/.
enum PythonPeer {
    /// The wheels `import wfdb` and `import pyedflib` need beyond the system's numpy and scipy.
    static let packages = ["wfdb", "pyedflib", "pandas", "fsspec"]

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The unpacked wheel folders, by the versions scripts/pypi-pins.txt pins ($CASEATLAS_INTEROP_PYTHONPATH
    /// replaces them, to try other versions).
    static func pythonPath() throws -> String {
        if let override = ProcessInfo.processInfo.environment["CASEATLAS_INTEROP_PYTHONPATH"] { return override }
        let pins = SignalTestPaths.repository.appendingPathComponent("scripts/pypi-pins.txt")
        let text = (try? String(contentsOf: pins, encoding: .utf8)) ?? ""
        var folders: [String] = []
        for package in packages {
            guard
                let line = text.split(separator: "\n").first(where: {
                    $0.split(separator: " ").first.map(String.init) == package
                })
            else {
                throw Failure(description: "scripts/pypi-pins.txt pins no '\(package)' (needed by interop.py)")
            }
            let version = line.split(separator: " ")[1]
            let folder = SignalTestPaths.repository.appendingPathComponent(".cache/pypi/\(package)-\(version)").path
            guard FileManager.default.fileExists(atPath: folder) else {
                throw Failure(description: "\(folder) is missing: run `make deps` (scripts/fetch-pypi.sh)")
            }
            folders.append(folder)
        }
        return folders.joined(separator: ":")
    }

    /// Runs interop.py with `arguments` and decodes the JSON it prints.
    static func run<T: Decodable>(_ type: T.Type, _ arguments: [String]) throws -> T {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", SignalTestPaths.interopScript] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONPATH"] = try pythonPath()
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        process.environment = environment
        let output = Pipe()
        let errorPath = FileManager.default.temporaryDirectory.appendingPathComponent("interop-" + UUID().uuidString)
        _ = FileManager.default.createFile(atPath: errorPath.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorPath) }
        let errorHandle = try FileHandle(forWritingTo: errorPath)
        process.standardOutput = output
        process.standardError = errorHandle
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errorHandle.close()
        guard process.terminationStatus == 0 else {
            let message = (try? String(contentsOf: errorPath, encoding: .utf8)) ?? ""
            throw Failure(
                description: "interop.py \(arguments.joined(separator: " ")) failed (\(process.terminationStatus)): "
                    + String(message.suffix(2000)))
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(T.self, from: data)
    }
}
