import Foundation
import TestSupport

/// Where the signal tests find the repository, the interop script, the pinned Python wheels and the
/// built `caseatlas` binary.
enum SignalTestPaths {
    /// The repository root, found from this file's path.
    static var repository: URL { Locations.repository }

    /// Tests/SignalsTests/Support/interop.py: the wfdb / pyedflib peer.
    static let interopScript = repository.appendingPathComponent("Tests/SignalsTests/Support/interop.py").path

    /// The `caseatlas` executable built beside the test bundle (or $CASEATLAS_BIN).
    static var caseatlas: String { Locations.caseatlas }

    /// A fresh temporary folder; the caller removes it.
    static func temporaryFolder() throws -> URL { try Locations.temporaryFolder("caseatlas-signals") }
}
