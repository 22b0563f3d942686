import Crypto
import Foundation

/// The data keys of one store, sealed as a whole under the key-encryption key.
///
/// Rotation adds a key that new writes use; old keys stay so old data keeps opening. Re-wrapping
/// re-seals the keyring under a new KEK without touching any data. The keyring file itself is
/// AES-256-GCM ciphertext, so keys are never on disk in clear, and any change to it is detected.
public final class Keyring: @unchecked Sendable {
    public let path: String
    private let lock = NSLock()
    private var kek: KeyEncryptionKey
    private var keys: [UInt32: SymmetricKey]
    private var active: UInt32

    static let magic = Array("CAKEYRG1".utf8)
    static let associatedData = Array("caseatlas keyring v1".utf8)

    private init(path: String, kek: KeyEncryptionKey, keys: [UInt32: SymmetricKey], active: UInt32) {
        self.path = path
        self.kek = kek
        self.keys = keys
        self.active = active
    }

    /// Creates a keyring with one fresh data key; refuses to overwrite an existing one.
    public static func create(at path: String, kek: KeyEncryptionKey) throws(VaultError) -> Keyring {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw VaultError(.badKey, path, "a keyring already exists here")
        }
        let keyring = Keyring(path: path, kek: kek, keys: [1: SymmetricKey(size: .bits256)], active: 1)
        try keyring.save()
        return keyring
    }

    /// Opens a keyring; a wrong KEK and a tampered file both fail authentication.
    public init(path: String, kek: KeyEncryptionKey) throws(VaultError) {
        let bytes = try FileIO.read(path)
        guard bytes.count > Self.magic.count + 28, Array(bytes.prefix(Self.magic.count)) == Self.magic else {
            throw VaultError(.badFormat, path, "is not a CaseAtlas keyring")
        }
        let plaintext: Data
        do {
            let box = try AES.GCM.SealedBox(combined: bytes.dropFirst(Self.magic.count))
            plaintext = try AES.GCM.open(box, using: kek.key, authenticating: Self.associatedData)
        } catch {
            throw VaultError(.tampered, path, "cannot be opened: wrong key-encryption key, or the keyring was altered")
        }
        guard let json = try? JSONSerialization.jsonObject(with: plaintext) as? [String: Any],
            let active = json["active"] as? Int, let list = json["keys"] as? [[String: Any]]
        else { throw VaultError(.badFormat, path, "keyring content is malformed") }
        var keys: [UInt32: SymmetricKey] = [:]
        for entry in list {
            guard let id = entry["id"] as? Int, let encoded = entry["key"] as? String,
                let raw = Data(base64Encoded: encoded), raw.count == 32
            else { throw VaultError(.badFormat, path, "keyring entry is malformed") }
            keys[UInt32(id)] = SymmetricKey(data: raw)
        }
        guard keys[UInt32(active)] != nil else { throw VaultError(.badFormat, path, "the active key is missing") }
        self.path = path
        self.kek = kek
        self.keys = keys
        self.active = UInt32(active)
    }

    /// The key new data is sealed with.
    public var activeKey: (id: UInt32, key: SymmetricKey) {
        lock.withLock { (active, keys[active]!) }
    }

    public var keyIDs: [UInt32] { lock.withLock { keys.keys.sorted() } }

    public func key(id: UInt32, for file: String) throws(VaultError) -> SymmetricKey {
        guard let key = lock.withLock({ keys[id] }) else {
            throw VaultError(.badKey, file, "is sealed with data key \(id), which the keyring does not have")
        }
        return key
    }

    /// Adds a data key and makes it active; returns its id.
    @discardableResult
    public func rotate() throws(VaultError) -> UInt32 {
        let (previous, id) = lock.withLock { () -> (UInt32, UInt32) in
            let previous = active
            let id = (keys.keys.max() ?? 0) + 1
            keys[id] = SymmetricKey(size: .bits256)
            active = id
            return (previous, id)
        }
        do {
            try save()
        } catch {
            lock.withLock {
                keys[id] = nil
                active = previous
            }
            throw error
        }
        return id
    }

    /// Re-seals the keyring under a new key-encryption key.
    public func rewrap(to newKEK: KeyEncryptionKey) throws(VaultError) {
        let old = lock.withLock { kek }
        lock.withLock { kek = newKEK }
        do {
            try save()
        } catch {
            lock.withLock { kek = old }
            throw error
        }
    }

    private func save() throws(VaultError) {
        let (json, key) = lock.withLock { () -> ([String: Any], SymmetricKey) in
            let list = keys.keys.sorted().map { id -> [String: Any] in
                ["id": Int(id), "key": keys[id]!.withUnsafeBytes { Data($0).base64EncodedString() }]
            }
            return (["active": Int(active), "keys": list], kek.key)
        }
        let plaintext = try! JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
        let sealed = try! AES.GCM.seal(plaintext, using: key, authenticating: Self.associatedData)
        try FileIO.writeAtomically(Self.magic + [UInt8](sealed.combined!), to: path)
    }
}
