import ArgumentParser

@main
struct CaseAtlasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "caseatlas",
        abstract: "Find similar past patient cases from imaging, notes and signals.",
        subcommands: [DicomCommand.self, ImageCommand.self, SignalCommand.self, NoteCommand.self, IndexCommand.self, KeysCommand.self, SamplesCommand.self, BenchCommand.self])
}
