import ArgumentParser
import CredenceAggregator
import CredenceStore
import Foundation

/// `person show`: why the subjects of a person were linked, read from the aggregator's database (the same
/// report as `GET /v1/admin/persons/{id}`).
struct PersonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person",
        abstract:
            "Show a person's file: its subjects, every merge and split with its evidence, its score and inquiries.",
        subcommands: [Show.self]
    )

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a person by id, or the person a partner subject belongs to (--subject).")
        @OptionGroup var directory: DirectoryOption
        @Argument(help: "A person id (P00000001).") var personID: String?
        @Option(help: "A subject_key token: show the person it belongs to.") var subject: String?
        @Flag(help: "Print the report as JSON.") var json = false

        func validate() throws {
            guard (personID == nil) != (subject == nil) else {
                throw ValidationError("give a person id or --subject, not both and not neither")
            }
        }

        func run() async throws {
            let loaded = try AggregatorDirectory(path: directory.dir)
            let store = try SQLiteStore(path: loaded.path(loaded.configuration.database))
            var id = personID
            if let subject {
                guard let found = try await store.personID(ofSubject: subject) else {
                    throw AggregatorError(.usage, "no linked subject \(subject) (not accepted, or not linked yet)")
                }
                id = found
            }
            guard let id, let file = try await store.personFile(id) else {
                throw AggregatorError(.usage, "no person \(personID ?? "")")
            }
            let report = try await PersonFileReport.load(file, scores: store)
            if json {
                PartnerCommand.print(report)
            } else {
                print(report.text)
            }
        }
    }
}
