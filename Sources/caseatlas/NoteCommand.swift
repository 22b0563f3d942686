import ArgumentParser
import ClinicalText
import Encoders
import Foundation

struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note", abstract: "Read, scrub and embed clinical notes.",
        subcommands: [NoteInspect.self, NoteEmbed.self, NoteSimilarity.self])
}

/// Reads a note and scrubs it: the text every later step sees.
struct PreparedNote {
    let note: ClinicalNote
    let scrubbed: ScrubbedText

    init(path: String) throws(NoteError) {
        note = try ClinicalNote(path: path)
        scrubbed = PHIScrubber().scrub(note.text)
    }
}

struct NoteInspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect", abstract: "Characters, tokens, windows, sections and PHI found in each note.")

    @Argument(help: "Notes: UTF-8 text or FHIR DocumentReference JSON.")
    var files: [String]

    @Flag(help: "One JSON object per note and line.")
    var json = false

    @Flag(help: "Also print the scrubbed text (never the original).")
    var showScrubbed = false

    @OptionGroup var model: TextModelOptions

    func run() throws {
        let encoder = try model.load()
        var failures = 0
        var rows: [[String]] = []
        for path in files {
            let prepared: PreparedNote
            do {
                prepared = try PreparedNote(path: path)
            } catch {
                failures += 1
                if json {
                    print(JSONValue.object([("path", .string(path)), ("error", .string(error.reason))]).serialized)
                } else {
                    rows.append([path, "error: " + error.reason])
                }
                continue
            }
            let text = prepared.scrubbed.text
            let windows = encoder.windows(text)
            let tokens = encoder.tokenizer.tokenize(text).count
            let sections = NoteSectioner.sections(of: text).map(\.name)
            let phi = PHIKind.allCases.compactMap { kind in
                prepared.scrubbed.counts[kind].map { (kind.rawValue, JSONValue.number(Double($0))) }
            }
            if json {
                var pairs: [(String, JSONValue)] = [
                    ("path", .string(path)), ("characters", .number(Double(prepared.note.text.count))),
                    ("tokens", .number(Double(tokens))), ("windows", .number(Double(windows.count))),
                    ("sections", .array(sections.map(JSONValue.string))), ("phi", .object(phi)),
                    ("embeddingDimensions", .number(Double(encoder.dimensions))),
                    ("fingerprint", .string(encoder.fingerprint.description)),
                ]
                if showScrubbed { pairs.append(("scrubbedText", .string(text))) }
                print(JSONValue.object(pairs).serialized)
            } else {
                let phiSummary = phi.map { "\($0.0) \($0.1.serialized)" }.joined(separator: ", ")
                rows.append([
                    path, "\(prepared.note.text.count)", "\(tokens)", "\(windows.count)", sections.joined(separator: ","),
                    phiSummary.isEmpty ? "-" : phiSummary,
                ])
                if showScrubbed { print("--- \(path) (scrubbed)\n\(text)\n") }
            }
        }
        if !json {
            print(TextTable(header: ["note", "characters", "tokens", "windows", "sections", "PHI scrubbed"], rows: rows).rendered)
            print("encoder: \(encoder.fingerprint), \(encoder.dimensions) dimensions")
        }
        if failures > 0 { throw ExitCode(1) }
    }
}

struct NoteEmbed: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embed", abstract: "Each note's token ids (first window) and unit embedding, as JSON.")

    @Argument(help: "Notes: UTF-8 text or FHIR DocumentReference JSON.")
    var files: [String]

    @Flag(help: "One JSON object per note and line (the only output format).")
    var json = false

    @Flag(help: "Embed the text as it is, without PHI scrubbing.")
    var noScrub = false

    @Flag(help: "Embed only the first window, as the reference data does for long texts.")
    var truncate = false

    @OptionGroup var model: TextModelOptions

    func run() throws {
        let encoder = try model.load()
        var failures = 0
        for path in files {
            do {
                let note = try ClinicalNote(path: path)
                let text = noScrub ? note.text : PHIScrubber().scrub(note.text).text
                let embedding = try encoder.embed(text, truncate: truncate)
                print(
                    JSONValue.object([
                        ("path", .string(path)),
                        ("tokenIds", .array(embedding.firstWindowIDs.map { .number(Double($0)) })),
                        ("windows", .number(Double(embedding.windows))),
                        ("embedding", .array(embedding.vector.map { .number(Double($0)) })),
                        ("fingerprint", .string(encoder.fingerprint.description)),
                    ]).serialized)
            } catch let error as NoteError {
                failures += 1
                print(JSONValue.object([("path", .string(path)), ("error", .string(error.reason))]).serialized)
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }
}

struct NoteSimilarity: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similarity", abstract: "The cosine between two notes' embeddings (after PHI scrubbing).")

    @Argument(help: "The first note.")
    var first: String

    @Argument(help: "The second note.")
    var second: String

    @OptionGroup var model: TextModelOptions

    func run() throws {
        let encoder = try model.load()
        do {
            let a = try encoder.embed(try PreparedNote(path: first).scrubbed.text).vector
            let b = try encoder.embed(try PreparedNote(path: second).scrubbed.text).vector
            print(String(format: "%.4f", zip(a, b).reduce(Float(0)) { $0 + $1.0 * $1.1 }))
        } catch let error as NoteError {
            throw CommandFailure(message: error.description)
        }
    }
}
