import Foundation

/// Where tests find the repository and the built `caseatlas` binary.
public enum Locations {
    public static let repository: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `caseatlas` executable built beside the test bundle (or $CASEATLAS_BIN).
    public static var caseatlas: String {
        if let override = ProcessInfo.processInfo.environment["CASEATLAS_BIN"] { return override }
        let bundleFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [bundleFolder, bundleFolder.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("caseatlas").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return repository.appendingPathComponent(".build/debug/caseatlas").path
    }

    /// A fresh temporary folder; the caller removes it.
    public static func temporaryFolder(_ prefix: String = "caseatlas-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(prefix + "-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A file of pydicom 3.0.2's test corpus, fetched by `make deps` into .cache/pypi.
    public static func pydicomTestFile(_ name: String) -> String {
        repository.appendingPathComponent(".cache/pypi/pydicom-3.0.2/pydicom/data/test_files/" + name).path
    }
}
