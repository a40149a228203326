import ArgumentParser
import CredenceSimulator
import Foundation

/// `credence simulate`: writes a synthetic population's partner exports and ground truth.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract:
            "Write one synthetic population's partner exports (Metro 2, Shopify, Stripe, X, OIDC) and its ground truth.",
        discussion: """
            The same --people, --seed, --months and --end-month always write byte-identical files. OUT must be a new
            or empty directory. OUT/partners.json lists the partners and their files, OUT/truth/ holds which partner
            records belong to which person, the hard cases, the deliberately invalid rows and the default outcomes,
            and OUT/README.txt summarizes them. The generator and its hidden risk model are described in
            docs/simulation.md.
            """
    )

    @Option(help: "Number of people to generate (1 to 50,000,000).")
    var people: Int

    @Option(help: "Seed of every random draw (an unsigned 64-bit integer).")
    var seed: UInt64

    @Option(help: "Output directory; created if missing, refused if not empty.")
    var out: String

    @Option(help: "Monthly Metro 2 files per lender (1-24).")
    var months: Int = 6

    @Option(
        help:
            "Last month of the simulated period, YYYY-MM; default outcomes cover the 12 months after it.")
    var endMonth: String = "2024-12"

    @Option(help: "Share of the X-style platform's users whose archive is exported (0-1).")
    var archiveConsent: Double = 0.02

    @Option(help: "Chunks of people generated at the same time (default: the number of processors).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Print no progress lines.")
    var quiet = false

    func run() async throws {
        guard let endMonth = Self.month(endMonth) else {
            throw CLIFailure.usage("error: --end-month must be YYYY-MM, got '\(endMonth)'")
        }
        let configuration = SimulationConfiguration(
            people: people, seed: seed, endMonth: endMonth, reportingMonths: months,
            archiveConsentRate: archiveConsent, parallelism: max(1, jobs))
        let started = Date()
        let quiet = quiet
        let total = people
        let step = max(total / 20, 1)
        do {
            let summary = try await Simulation(configuration).run(
                writingTo: URL(fileURLWithPath: out),
                progress: { written in
                    guard !quiet, written % step < 1000 || written == total else { return }
                    printError("simulate: \(written)/\(total) people")
                })
            let seconds = Date().timeIntervalSince(started)
            let statistics = summary.statistics
            print(
                "wrote \(statistics.people) people, \(statistics.unitsByPartner.values.reduce(0, +)) partner units, "
                    + "\(statistics.invalidUnitsByPartner.values.reduce(0, +)) invalid on purpose, to \(out) in "
                    + String(format: "%.1f s", seconds))
        } catch {
            // The simulation throws only `SimulationError` (typed throws).
            switch error.code {
            case .invalidConfiguration, .unusableOutput: throw CLIFailure.usage("error: \(error.message)")
            case .writeFailed, .formatRefused: throw CLIFailure.rejected("error: \(error.message)")
            }
        }
    }

    /// `YYYY-MM` as a month.
    static func month(_ text: String) -> SimulationMonth? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]),
            let month = Int(parts[1]), (1...12).contains(month)
        else { return nil }
        return SimulationMonth(year: year, month: month)
    }
}
