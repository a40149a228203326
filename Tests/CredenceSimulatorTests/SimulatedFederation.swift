import CredenceSimulator
import CredenceTesting
import Foundation
import Synchronization

/// A simulation's output directory with readers for its ground truth. Tests that only read share one
/// generated population (``shared``); generating takes seconds, reading is cheap.
final class SimulatedFederation: Sendable {
    let directory: TemporaryDirectory
    let configuration: SimulationConfiguration
    let summary: SimulationSummary
    private let inspection = Mutex<ExportInspection?>(nil)

    var url: URL { directory.url }

    /// The exports read once through the format modules' readers.
    func inspected() throws -> ExportInspection {
        if let cached = inspection.withLock({ $0 }) { return cached }
        let read = try ExportInspection.read(self)
        inspection.withLock { $0 = read }
        return read
    }

    /// Every subject the exports name.
    func exportedSubjects() throws -> [ExportedSubject] { try inspected().subjects }

    private init(directory: TemporaryDirectory, configuration: SimulationConfiguration, summary: SimulationSummary) {
        self.directory = directory
        self.configuration = configuration
        self.summary = summary
    }

    /// Runs a simulation into a fresh temporary directory.
    static func generate(people: Int, seed: UInt64, months: Int = 6) async throws -> SimulatedFederation {
        let directory = try TemporaryDirectory(prefix: "credence-simulation")
        let configuration = SimulationConfiguration(
            people: people, seed: seed, reportingMonths: months, archiveConsentRate: 0.05)
        let summary = try await Simulation(configuration).run(writingTo: directory.url)
        return SimulatedFederation(directory: directory, configuration: configuration, summary: summary)
    }

    /// The population most tests read: big enough that every hard case occurs, small enough to check
    /// exhaustively.
    static func shared() async throws -> SimulatedFederation {
        try await SharedFederation.instance.federation()
    }

    /// Rows of a truth CSV file (header excluded) as dictionaries keyed by column name.
    func truth(_ name: String) throws -> [[String: String]] {
        let rows = try CSV.rows(of: url.appendingPathComponent("truth/\(name)"))
        guard let header = rows.first else { return [] }
        return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    /// The files of a partner as `partners.json` lists them (archive directories expanded).
    func files(of partnerID: String) throws -> [URL] {
        let data = try Data(contentsOf: url.appendingPathComponent("partners.json"))
        let document = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let partners = document?["partners"] as? [[String: Any]] ?? []
        guard let partner = partners.first(where: { $0["id"] as? String == partnerID }) else { return [] }
        var files: [URL] = []
        for path in partner["files"] as? [String] ?? [] {
            let file = url.appendingPathComponent(path)
            if path.hasSuffix("/") {
                let names = try FileManager.default.contentsOfDirectory(atPath: file.path).sorted()
                files += names.map { file.appendingPathComponent($0) }
            } else {
                files.append(file)
            }
        }
        return files
    }

    /// Every file under the output directory, relative path to contents.
    func allFiles() throws -> [String: Data] { try SimulatedFederationFiles.all(at: url) }
}

/// Generates the shared population once per test process.
private actor SharedFederation {
    static let instance = SharedFederation()
    private var generation: Task<SimulatedFederation, any Error>?

    func federation() async throws -> SimulatedFederation {
        if let generation { return try await generation.value }
        // Structured alternatives would generate once per caller; this single task is awaited by all.
        let generation = Task { try await SimulatedFederation.generate(people: 3000, seed: 20_240_917) }
        self.generation = generation
        return try await generation.value
    }
}

/// RFC 4180 CSV, enough for the truth files (quoted fields with commas and doubled quotes).
enum CSV {
    static func rows(of url: URL) throws -> [[String]] {
        let text = try String(contentsOf: url, encoding: .utf8)
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var iterator = text.makeIterator()
        while let character = iterator.next() {
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" {
                            field.append("\"")
                        } else {
                            quoted = false
                            handle(next, &row, &field, &rows, &quoted)
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else {
                handle(character, &row, &field, &rows, &quoted)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }

    private static func handle(
        _ character: Character, _ row: inout [String], _ field: inout String, _ rows: inout [[String]],
        _ quoted: inout Bool
    ) {
        switch character {
        case ",":
            row.append(field)
            field = ""
        case "\n":
            row.append(field)
            rows.append(row)
            row = []
            field = ""
        case "\"" where field.isEmpty:
            quoted = true
        default:
            field.append(character)
        }
    }
}
