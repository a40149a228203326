import ArgumentParser

struct PushVerb: AdapterVerb {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Push the outbox's pending batches and wait for their receipts; read nothing.")

    @OptionGroup var options: RunOptions

    func execute(_ context: ProgramContext) async throws {
        let (directory, logger) = try options.open(context)
        let summary = try await AdapterRuntime.with(directory: directory, reader: context.reader, logger: logger) {
            try await $0.push()
        }
        context.console.print(
            "push: \(summary.batchesAcknowledged) batches (\(summary.recordsAcknowledged) records) acknowledged, \(summary.pending) pending"
        )
    }
}
