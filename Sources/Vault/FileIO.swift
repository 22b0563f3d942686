import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Durable file operations: what a write that is acknowledged must have done before it returns.
public enum FileIO {
    /// Writes `bytes` to `path` atomically: a temporary file in the same folder is written and
    /// fsynced, renamed over `path`, and the folder is fsynced, so after a crash `path` holds either
    /// the old or the new content, never a mix.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(VaultError) {
        let folder = (path as NSString).deletingLastPathComponent
        let temporary =
            (folder.isEmpty ? "." : folder) + "/." + (path as NSString).lastPathComponent + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw VaultError(.io, path, "cannot create a temporary file: \(errnoText())") }
        do throws(VaultError) {
            try writeAll(descriptor, bytes, path: temporary)
            guard fsync(descriptor) == 0 else { throw VaultError(.io, temporary, "fsync failed: \(errnoText())") }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        close(descriptor)
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw VaultError(.io, path, "rename failed: \(errnoText())")
        }
        try syncFolder(folder.isEmpty ? "." : folder)
    }

    public static func syncFolder(_ folder: String) throws(VaultError) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw VaultError(.io, folder, "cannot open folder: \(errnoText())") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw VaultError(.io, folder, "folder fsync failed: \(errnoText())") }
    }

    static func writeAll(_ descriptor: Int32, _ bytes: [UInt8], path: String) throws(VaultError) {
        var written = 0
        while written < bytes.count {
            let result = retryingInterrupts {
                bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
            }
            guard result >= 0 else { throw VaultError(.io, path, "write failed: \(errnoText())") }
            written += result
        }
    }

    /// A whole file. Regular files are read straight into the array. Anything else that can be
    /// read (a pipe, such as a key passed as `--key-file <(...)`) is read to its end, up to
    /// `pipeLimit` bytes: these are small files, and a device like /dev/zero never ends.
    public static func read(_ path: String, pipeLimit: Int = 1 << 20) throws(VaultError) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG, (info.st_mode & S_IFMT) != S_IFDIR else {
            var file = try FileStream(path: path)
            return try file.readAll()
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw VaultError(.io, path, "cannot be read: \(errnoText())") }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = retryingInterrupts {
                chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress!, $0.count) }
            }
            guard count >= 0 else { throw VaultError(.io, path, "read failed: \(errnoText())") }
            if count == 0 { return bytes }
            guard bytes.count + count <= pipeLimit else {
                throw VaultError(.io, path, "is not a regular file and holds more than \(pipeLimit) bytes")
            }
            bytes += chunk[0..<count]
        }
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }

    /// Runs a read or write system call again for as long as a signal interrupts it: the result
    /// is a byte count, or -1 with `errno` saying what really failed.
    static func retryingInterrupts(_ call: () -> Int) -> Int {
        while true {
            let result = call()
            if result >= 0 || errno != EINTR { return result }
        }
    }
}
