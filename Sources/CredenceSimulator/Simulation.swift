public import Foundation

/// Generates a synthetic population and, for it, every partner's native exports with the ground truth
/// beside them: Metro 2 monthly files of two lenders, Shopify and Stripe JSON Lines of three marketplaces,
/// X archives and OpenID Connect claims of two platforms, and `truth/` (who is who, hard cases, default
/// outcomes). See `docs/simulation.md`.
///
/// Output is a function of the configuration only: people are generated in fixed chunks from per-person
/// random streams, chunks run in parallel, and the sink writes them in chunk order.
///
/// ```swift
/// let simulation = Simulation(SimulationConfiguration(people: 10_000, seed: 7))
/// let summary = try await simulation.run(writingTo: URL(filePath: "/tmp/sim"))
/// print(summary.statistics.defaults)
/// ```
public struct Simulation: Sendable {
    public let configuration: SimulationConfiguration

    public init(_ configuration: SimulationConfiguration) {
        self.configuration = configuration
    }

    /// Writes the simulation under `directory`, which must not exist or be empty. `progress` is called
    /// after each chunk is written with the number of people written so far.
    @discardableResult
    public func run(
        writingTo directory: URL, progress: (@Sendable (_ peopleWritten: Int) -> Void)? = nil
    ) async throws(SimulationError) -> SimulationSummary {
        try configuration.validate()
        try Self.prepare(directory)
        let context = SimulationContext(configuration: configuration, outputDirectory: directory)
        let sink = try ExportSink(context: context)
        let chunkCount = context.chunkCount
        let inFlight = max(1, configuration.parallelism) * 2
        do {
            try await withThrowingTaskGroup(of: ChunkOutput.self) { group in
                var next = 0
                func schedule() {
                    let chunk = next
                    next += 1
                    group.addTask {
                        var builder = ChunkBuilder(context: context, chunk: chunk)
                        return try builder.build()
                    }
                }
                while next < min(inFlight, chunkCount) { schedule() }
                var pending: [Int: ChunkOutput] = [:]
                var written = 0
                var peopleWritten = 0
                while let output = try await group.next() {
                    pending[output.index] = output
                    while let ready = pending.removeValue(forKey: written) {
                        try sink.append(ready)
                        peopleWritten += ready.statistics.people
                        written += 1
                        progress?(peopleWritten)
                    }
                    if next < chunkCount { schedule() }
                }
            }
        } catch let error as SimulationError {
            throw error
        } catch {
            throw SimulationError(.writeFailed, "the simulation stopped: \(error)")
        }
        try sink.finish()
        let summary = SimulationSummary(
            configuration: configuration, layout: context.layout, statistics: sink.statistics)
        try summary.writeDescriptions(to: directory)
        return summary
    }

    /// Creates the output directory, refusing one that already holds files (a previous run's files would
    /// mix with this run's).
    private static func prepare(_ directory: URL) throws(SimulationError) {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw SimulationError(.unusableOutput, "--out \(directory.path) is a file, not a directory")
            }
            let contents = (try? manager.contentsOfDirectory(atPath: directory.path)) ?? []
            guard contents.isEmpty else {
                throw SimulationError(
                    .unusableOutput, "--out \(directory.path) is not empty; choose a new or empty directory")
            }
        }
        do {
            try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw SimulationError(.unusableOutput, "cannot create \(directory.path): \(error.localizedDescription)")
        }
    }
}
