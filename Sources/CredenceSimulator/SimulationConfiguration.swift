/// What to simulate: how many people, from which seed, over which period.
///
/// ```swift
/// let configuration = SimulationConfiguration(people: 10_000, seed: 42)
/// try await Simulation(configuration).run(writingTo: URL(filePath: "/tmp/sim"))
/// ```
public struct SimulationConfiguration: Sendable, Equatable {
    /// People are generated in chunks of this many, households never crossing a chunk boundary. It is part
    /// of the seed's meaning (changing it changes households), so it is fixed rather than tuned per machine.
    public static let chunkSize = 1000

    /// Number of people in the population.
    public var people: Int
    /// The seed every random draw derives from: the same seed gives byte-identical output.
    public var seed: UInt64
    /// The last month of the simulated period; monthly lender files end with it and default outcomes are
    /// drawn for the twelve months after it.
    public var endMonth: SimulationMonth
    /// How many monthly Metro 2 files each lender writes (ending with ``endMonth``).
    public var reportingMonths: Int
    /// The fraction of the X-archive platform's users who export their archive and consent to share it.
    public var archiveConsentRate: Double
    /// Chunks generated at the same time (at most this many are held in memory).
    public var parallelism: Int

    public init(
        people: Int, seed: UInt64, endMonth: SimulationMonth = SimulationMonth(year: 2024, month: 12),
        reportingMonths: Int = 6, archiveConsentRate: Double = 0.02, parallelism: Int = 2
    ) {
        self.people = people
        self.seed = seed
        self.endMonth = endMonth
        self.reportingMonths = reportingMonths
        self.archiveConsentRate = archiveConsentRate
        self.parallelism = parallelism
    }

    /// The last day of the simulated period: the as-of day of the last files.
    public var periodEnd: SimulationDay { endMonth.lastDay }

    /// The first month with a lender file.
    public var firstReportingMonth: SimulationMonth { endMonth.adding(1 - reportingMonths) }

    /// Checks the values a user can get wrong, with a message naming the option.
    public func validate() throws(SimulationError) {
        guard people >= 1 else { throw SimulationError(.invalidConfiguration, "--people must be at least 1") }
        guard people <= 50_000_000 else {
            throw SimulationError(.invalidConfiguration, "--people must be at most 50,000,000 (got \(people))")
        }
        guard (1...24).contains(reportingMonths) else {
            throw SimulationError(.invalidConfiguration, "--months must be 1-24 (got \(reportingMonths))")
        }
        guard (0...1).contains(archiveConsentRate) else {
            throw SimulationError(.invalidConfiguration, "the archive consent rate must be within 0-1")
        }
        guard (2000...2090).contains(endMonth.year) else {
            throw SimulationError(.invalidConfiguration, "the end month must fall in 2000-2090 (got \(endMonth))")
        }
        guard parallelism >= 1 else { throw SimulationError(.invalidConfiguration, "parallelism must be at least 1") }
    }
}
