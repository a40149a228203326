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
            // Measured on this population: 0.75 predicted against 0.81 observed below 0.9 (mostly pairs that
            // share only an email, with names in two scripts: the unsupervised model cannot tell how many of
            // them match, and leans to caution); 0.97 against 0.81 in 0.9-0.99; 0.9994 against 0.993 above.
            // The middle band is what the model cannot see without labels: relatives at one address whose
            // names reach 0.80 (a long family name, short given names: `Amy Hamilton`, `Ron Hamilton`) or are
            // the same (a son named after his father), where name and address are not independent. Pairs
            // sharing a mailbox and a name, which used to sit in this band, now score above 0.99 and all match.
            let tolerance = [0.12, 0.2, 0.02][band]
            #expect(
                abs(meanPredicted - matchRate) <= tolerance,
                "band \(bands[band]): mean predicted \(meanPredicted), observed \(matchRate), \(counts[band]) pairs")
        }
    }
}
