import CredenceProtocol
import CredenceStore
import IdentityResolution
import Linkage
import Logging
import ServiceLifecycle

/// Links accepted batches into persons, in log order, trailing ingest by a moment: each batch is one store
/// transaction that also advances the linked prefix of the log, so a crash repeats a step and never loses or
/// doubles one. Ingest wakes it after each commit; it also looks every second, for batches appended by
/// another aggregator process sharing the database.
struct LinkingService: Service {
    let store: any IdentityStore
    let settings: LinkageSettings
    let wakeups: AsyncStream<Void>
    let wake: AsyncStream<Void>.Continuation
    /// Told after each committed step (scoring trails linking).
    let linked: AsyncStream<Void>.Continuation
    let logger: Logger
    /// Batches read per store round trip.
    static let batchesPerRead = 64

    func run() async throws {
        var linker = try await load()
        try await catchUp(&linker)
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask {
                while !Task.isCancelled && !Task.isShuttingDownGracefully {
                    try? await Task.sleep(for: .seconds(1))
                    wake.yield()
                }
            }
            for await _ in wakeups.cancelOnGracefulShutdown() {
                try await catchUp(&linker)
            }
            group.cancelAll()
        }
    }

    private func load() async throws -> IncrementalLinker {
        let progress = try await store.linkageProgress()
        let linker = try IncrementalLinker(
            subjects: try await store.linkedSubjects(), progress: progress, settings: settings)
        logger.info(
            "linkage loaded",
            metadata: [
                "subjects": "\(linker.subjectCount)", "persons": "\(linker.personCount)",
                "linked_leaves": "\(progress.linkedLeaves)",
            ])
        return linker
    }

    private func catchUp(_ linker: inout IncrementalLinker) async throws {
        while true {
            let progress = try await store.linkageProgress()
            let batches = try await store.batchesToLink(from: progress.linkedLeaves, limit: Self.batchesPerRead)
            if batches.isEmpty { return }
            var linked = progress.linkedLeaves
            for batch in batches {
                let step = try linker.link(batch)
                guard try await store.commitLinking(step, expecting: linked) else {
                    // Another process linked this prefix first: start again from what the store says.
                    linker = try await load()
                    break
                }
                linked = step.linkedLeaves
                self.linked.yield()
                if !step.events.isEmpty {
                    logger.debug(
                        "linked", metadata: ["batch_id": "\(batch.batchID)", "events": "\(step.events.count)"])
                }
            }
        }
    }
}
