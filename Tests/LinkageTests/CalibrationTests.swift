import Linkage
import Testing

@Suite("Calibration")
struct CalibrationTests {
    @Test("predicted probabilities match the observed match rate in each band")
    func calibrated() {
        let population = Populations.standard
        var settings = LinkageSettings()
        settings.duplicateFreeSources = SyntheticPartner.duplicateFree
        settings.randomPairs = 200_000
        settings.threshold = 0.5
        let result = LinkageRun.deduplicate(population.map(\.record), settings: settings)
        var person: [String: Int] = [:]
        for labeled in population { person[labeled.record.id] = labeled.person }
        let bands: [ClosedRange<Double>] = [0.5...0.9, 0.9...0.99, 0.99...1]
        var predicted = [Double](repeating: 0, count: bands.count)
        var observed = [Double](repeating: 0, count: bands.count)
        var counts = [Int](repeating: 0, count: bands.count)
        for index in result.pairs.indices {
            let (left, right, probability) = result.pairs.idsAndProbability(at: index)
            let band = probability >= 0.99 ? 2 : probability >= 0.9 ? 1 : 0
            predicted[band] += probability
            observed[band] += person[left] == person[right] ? 1 : 0
            counts[band] += 1
        }
        for band in bands.indices {
            #expect(counts[band] >= 100, "band \(bands[band]) has \(counts[band]) pairs")
            let meanPredicted = predicted[band] / Double(counts[band])
            let matchRate = observed[band] / Double(counts[band])
            // Measured on this population: 0.64 predicted against 0.83 observed below 0.9 (mostly pairs that
            // share only an email, with names in two scripts: the unsupervised model cannot tell how many of
            // them match, and leans to caution), 0.93 against 0.87 in 0.9-0.99 (relatives with the same name at
            // one address), 0.999 against 0.991 above.
            let tolerance = [0.25, 0.08, 0.02][band]
            #expect(
                abs(meanPredicted - matchRate) <= tolerance,
                "band \(bands[band]): mean predicted \(meanPredicted), observed \(matchRate), \(counts[band]) pairs")
        }
    }
}
