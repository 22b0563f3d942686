import Crypto
import Foundation

/// The key-encryption key (KEK): the one secret an operator keeps outside the data folder. It only
/// wraps the keyring of data keys; data is never encrypted with it directly, so rotating or
/// re-wrapping touches one small file.
public struct KeyEncryptionKey: Sendable {
    let key: SymmetricKey

    /// 32 random bytes from a file that only its owner can read (mode 0600 or stricter).
    public init(keyFile path: String) throws(VaultError) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw VaultError(.badKey, path, "key file does not exist") }
        guard info.st_mode & 0o077 == 0 else {
            throw VaultError(
                .badKey, path,
                String(format: "key file is readable by group or others (mode %o); run chmod 600", info.st_mode & 0o777))
        }
        let bytes = try FileIO.read(path)
        guard bytes.count == 32 else {
            throw VaultError(.badKey, path, "key file must hold exactly 32 bytes (holds \(bytes.count))")
        }
        key = SymmetricKey(data: bytes)
    }

    /// 32 bytes written as 64 hexadecimal digits, from an environment variable.
    public init(environmentVariable name: String) throws(VaultError) {
        guard let text = ProcessInfo.processInfo.environment[name] else {
            throw VaultError(.badKey, "$" + name, "environment variable is not set")
        }
        guard let bytes = Self.hexBytes(text.trimmingCharacters(in: .whitespacesAndNewlines)), bytes.count == 32 else {
            throw VaultError(.badKey, "$" + name, "must be 64 hexadecimal digits (32 bytes)")
        }
        key = SymmetricKey(data: bytes)
    }

    init(key: SymmetricKey) { self.key = key }

    /// Writes a new random key file with mode 0600 (refusing to overwrite one).
    public static func generate(at path: String) throws(VaultError) -> KeyEncryptionKey {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw VaultError(.badKey, path, "a key file already exists; refusing to overwrite it")
        }
        let key = SymmetricKey(size: .bits256)
        let bytes = key.withUnsafeBytes { [UInt8]($0) }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw VaultError(.io, path, "cannot create key file: \(FileIO.errnoText())") }
        defer { close(descriptor) }
        try FileIO.writeAll(descriptor, bytes, path: path)
        guard fsync(descriptor) == 0 else { throw VaultError(.io, path, "fsync failed") }
        return KeyEncryptionKey(key: key)
    }

    static func hexBytes(_ text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = hexValue(digits[index]), let low = hexValue(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
