import Foundation
import TestSupport

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
        let outcome = try ChildProcess.run(
            "/usr/bin/env", ["python3", SignalTestPaths.interopScript] + arguments,
            environment: ["PYTHONPATH": try pythonPath(), "PYTHONDONTWRITEBYTECODE": "1"])
        guard !outcome.crashed, outcome.status == 0 else {
            throw Failure(
                description: "interop.py \(arguments.joined(separator: " ")) failed (\(outcome.status)): "
                    + String(outcome.standardError.suffix(2000)))
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(T.self, from: Data(outcome.standardOutput.utf8))
    }
}
