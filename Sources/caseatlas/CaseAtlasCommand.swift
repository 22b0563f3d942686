import ArgumentParser

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@main
struct CaseAtlasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "caseatlas",
        abstract: "Find similar past patient cases from imaging, notes and signals.",
        subcommands: [
            DicomCommand.self, ImageCommand.self, SignalCommand.self, NoteCommand.self, IndexCommand.self,
            KeysCommand.self, SamplesCommand.self, BenchCommand.self,
        ])

    /// ArgumentParser's `main`, except that a command that has finished leaves with `_exit` once
    /// the C standard streams are flushed. `exit` would run C++ static destructors, and DCMTK's take
    /// its data dictionary apart entry by entry: a few milliseconds in every process, after the
    /// work is done. Nothing else is skipped: every command closes the files it writes before it
    /// returns (and the stores sync theirs), `FileHandle` output is unbuffered, no command leaves
    /// a thread running, and nothing relies on `atexit`. Help, usage errors and failures still
    /// leave through ArgumentParser.
    static func main() {
        let status: Int32
        do {
            var command = try parseAsRoot()
            try command.run()
            status = 0
        } catch let code as ExitCode {
            status = code.rawValue
        } catch {
            exit(withError: error)
        }
        fflush(nil)
        _exit(status)
    }
}
