import ArgumentParser
import Foundation
import Vault

/// Where the key-encryption key comes from, shared by every command that opens a store.
struct KeyOptions: ParsableArguments {
    @Option(help: "The key-encryption key file (32 bytes, mode 0600).")
    var keyFile: String?

    @Option(help: "An environment variable holding the key as 64 hex digits (default: CASEATLAS_KEK).")
    var keyEnv: String?

    func kek() throws -> KeyEncryptionKey {
        do {
            if let keyFile { return try KeyEncryptionKey(keyFile: keyFile) }
            return try KeyEncryptionKey(environmentVariable: keyEnv ?? "CASEATLAS_KEK")
        } catch {
            throw CommandFailure(message: "key: \(error.description) (give --key-file or set CASEATLAS_KEK)")
        }
    }
}

/// A store folder: its keyring and its index files.
enum StoreLayout {
    static func keyringPath(_ folder: String) -> String { (folder as NSString).appendingPathComponent("keyring.sealed") }

    static func openKeyring(_ folder: String, _ keys: KeyOptions) throws -> Keyring {
        do {
            return try Keyring(path: keyringPath(folder), kek: try keys.kek())
        } catch let error as VaultError {
            throw CommandFailure(message: "keyring: \(error.description)")
        }
    }
}
