import ArgumentParser
import Foundation
import Vault

struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Key-encryption keys and the keyring of a store.",
        subcommands: [Generate.self, Initialize.self, Rotate.self, Rewrap.self])

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate", abstract: "Write a new random key-encryption key file (mode 0600).")
        @Argument(help: "The key file to create (never overwritten).") var path: String
        func run() throws {
            do { _ = try KeyEncryptionKey.generate(at: path) } catch { throw CommandFailure(message: error.description) }
            print("wrote a new key-encryption key to \(path) (mode 0600); keep it outside the data folder")
        }
    }

    struct Initialize: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init", abstract: "Create the keyring of a store folder, with one data key.")
        @Argument(help: "The store folder.") var folder: String
        @OptionGroup var keys: KeyOptions
        func run() throws {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            do {
                _ = try Keyring.create(at: StoreLayout.keyringPath(folder), kek: try keys.kek())
            } catch let error as VaultError { throw CommandFailure(message: error.description) }
            print("created the keyring of \(folder)")
        }
    }

    struct Rotate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rotate", abstract: "Add a data key for new writes; old data keeps opening.")
        @Argument(help: "The store folder.") var folder: String
        @OptionGroup var keys: KeyOptions
        func run() throws {
            let keyring = try StoreLayout.openKeyring(folder, keys)
            do {
                let id = try keyring.rotate()
                print("data key \(id) is now active; keys held: \(keyring.keyIDs.map(String.init).joined(separator: ", "))")
            } catch { throw CommandFailure(message: error.description) }
        }
    }

    struct Rewrap: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rewrap", abstract: "Seal the keyring under a new key-encryption key.")
        @Argument(help: "The store folder.") var folder: String
        @OptionGroup var keys: KeyOptions
        @Option(help: "The new key-encryption key file.") var newKeyFile: String
        func run() throws {
            let keyring = try StoreLayout.openKeyring(folder, keys)
            do {
                try keyring.rewrap(to: try KeyEncryptionKey(keyFile: newKeyFile))
            } catch { throw CommandFailure(message: error.description) }
            print("the keyring of \(folder) is now sealed under \(newKeyFile); the old key no longer opens it")
        }
    }
}
