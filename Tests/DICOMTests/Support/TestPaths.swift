import Foundation
import TestSupport

/// Where the tests find the repository, its fixtures, the real files `make deps` fetched, and the
/// built `caseatlas` binary.
enum TestPaths {
    static var repository: URL { Locations.repository }

    static let fixtures = repository.appendingPathComponent("Tests/DICOMTests/Fixtures")

    /// pydicom==3.0.2's test files, unpacked by `make deps`.
    static let pydicomTestFiles = repository.appendingPathComponent(".cache/pypi/pydicom-3.0.2/pydicom/data/test_files")

    static func pydicomFile(_ name: String) -> String {
        Locations.pydicomTestFile(name)
    }

    static var caseatlas: String { Locations.caseatlas }

    /// A fresh temporary folder, removed by the caller.
    static func temporaryFolder() throws -> URL { try Locations.temporaryFolder() }
}
