import Foundation

/// Where the tests find the repository, its fixtures, the real files `make deps` fetched, and the
/// built `caseatlas` binary.
enum TestPaths {
    static let repository: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let fixtures = repository.appendingPathComponent("Tests/DICOMTests/Fixtures")

    /// pydicom==3.0.2's test files, unpacked by `make deps`.
    static let pydicomTestFiles = repository.appendingPathComponent(".cache/pypi/pydicom-3.0.2/pydicom/data/test_files")

    static func pydicomFile(_ name: String) -> String {
        pydicomTestFiles.appendingPathComponent(name).path
    }

    /// The `caseatlas` executable built beside this test bundle.
    static var caseatlas: String {
        if let override = ProcessInfo.processInfo.environment["CASEATLAS_BIN"] { return override }
        let bundleFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [bundleFolder, bundleFolder.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("caseatlas").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return repository.appendingPathComponent(".build/debug/caseatlas").path
    }

    /// A fresh temporary folder, removed by the caller.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("caseatlas-test-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
