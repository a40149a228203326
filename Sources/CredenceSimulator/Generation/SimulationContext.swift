import Foundation

/// What every chunk needs and nothing changes: the configuration, the output layout and the generators.
struct SimulationContext: Sendable {
    let configuration: SimulationConfiguration
    let layout: OutputLayout
    let population: PopulationGenerator
    let membership: PartnerMembership
    let portfolio: LendingPortfolio
    let outputDirectory: URL
    /// Lenders' furnisher ids by partner ordinal (computed once: every record carries one).
    let furnisherIDs: [String]

    /// Share of units written deliberately invalid, per partner, for adapters to quarantine.
    static let invalidUnitRate = 0.001

    init(configuration: SimulationConfiguration, outputDirectory: URL) {
        self.configuration = configuration
        self.outputDirectory = outputDirectory
        layout = OutputLayout(configuration: configuration)
        population = PopulationGenerator(configuration: configuration)
        membership = PartnerMembership(seed: configuration.seed, periodEnd: configuration.periodEnd)
        portfolio = LendingPortfolio(configuration: configuration, identifiers: population.identifiers)
        furnisherIDs = PartnerCatalog.partners.map(\.furnisherID)
    }

    var identifiers: IdentifierFactory { population.identifiers }

    /// The people of chunk `index`.
    func range(ofChunk index: Int) -> Range<Int> {
        let start = index * SimulationConfiguration.chunkSize
        return start..<min(start + SimulationConfiguration.chunkSize, configuration.people)
    }

    var chunkCount: Int {
        (configuration.people + SimulationConfiguration.chunkSize - 1) / SimulationConfiguration.chunkSize
    }
}
