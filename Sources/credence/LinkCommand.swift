import ArgumentParser
import CSVFiles
import CredenceIdentity
import CredenceProtocol
import Foundation
import Linkage
import LinkageFiles

/// `credence link`: the federation's linkage engine on CSV files, for a data team without the federation.
struct LinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link",
        abstract: "Find the same people within one CSV file or across two, as the federation links them.",
        discussion: """
            Each mapped column is normalized, tokenized and Bloom-encoded exactly as adapters do, then linked by \
            the Fellegi-Sunter engine with parameters estimated from the data itself. Outputs: pairs.csv \
            (left_id,right_id,probability) and clusters.csv (id,cluster_id; two files add a 'file' column). \
            A summary goes to stderr. Fields for --map: \(LinkField.nameList). See docs/link.md.
            Exit status: 0 done; 1 the files or the mapping do not fit (file:line on stderr); 2 usage error.
            """
    )

    @Option(help: "The CSV file to deduplicate, or the left file to link.")
    var left: String

    @Option(help: "A second CSV file to link with --left (pairs then join a left row to a right row).")
    var right: String?

    @Option(help: "The column holding each row's unique id.")
    var id: String

    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp("COLUMN=FIELD pairs; repeat for more columns.", valueName: "COLUMN=FIELD"))
    var map: [String] = []

    @Option(help: "The id column of --right when it is named differently (default: --id).")
    var rightId: String?

    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp(
            "The mapping of --right when its columns are named differently (default: --map).",
            valueName: "COLUMN=FIELD"))
    var rightMap: [String] = []

    @Option(help: "A linkage key file (as 'credence linkage-key new' writes); default: a fresh key for this run.")
    var linkageKey: String?

    @Option(help: "The match probability for a link, between 0 and 1 (exclusive).")
    var threshold: Double = LinkageSettings().threshold

    @Option(help: "Birth dates not in YYYY-MM-DD or YYYYMMDD, e.g. %d/%m/%Y (directives %Y %m %d %b %B %%).")
    var dateFormat: String?

    @Option(help: "Phone region for numbers written without +country code when the row has no country: CN, US, CA.")
    var defaultRegion: String?

    @Option(help: "The field delimiter of the input files: one ASCII character, or 'tab'.")
    var delimiter: String = ","

    @Option(help: "The pairs file to write (replaced atomically).")
    var out: String

    @Option(help: "The clusters file to write (replaced atomically).")
    var clusters: String?

    func run() throws {
        // Without a key file both files are still encoded under one key: they are read in this one process.
        let key = try linkageKey.map(LinkageKeyFile.load) ?? LinkageKey.generate()
        let keyOrigin =
            linkageKey.map { "\(key.fingerprint) from \($0)" }
            ?? "\(key.fingerprint), generated for this run and not kept"
        do throws(LinkError) {
            let job = try makeJob(key: key, keyOrigin: keyOrigin)
            printError(try job.run().description)
        } catch {
            throw CLIFailure(
                message: "error: \(error.message)",
                exitStatus: error.kind == .usage ? CLIFailure.usageStatus : CLIFailure.notVerifiedStatus)
        }
    }

    private func makeJob(key: LinkageKey, keyOrigin: String) throws(LinkError) -> LinkJob {
        guard threshold > 0, threshold < 1 else {
            throw LinkError(.usage, "--threshold \(threshold): a probability strictly between 0 and 1 is expected")
        }
        if let clusters, clusters == out {
            throw LinkError(.usage, "--out and --clusters name the same file '\(out)'")
        }
        if right == nil, rightId != nil || !rightMap.isEmpty {
            throw LinkError(.usage, "--right-id and --right-map need --right")
        }
        var region: PhoneRegion?
        if let defaultRegion {
            guard let parsed = PhoneRegion(isoCode: defaultRegion) else {
                throw LinkError(
                    .usage,
                    "--default-region '\(defaultRegion)': phone numbering plans are known for "
                        + PhoneRegion.allCases.map(\.rawValue).joined(separator: ", ")
                        + "; write other numbers as +E.164"
                )
            }
            region = parsed
        }
        let mapping = try ColumnMapping(idColumn: id, mapArguments: map)
        let rightFile = try right.map { path throws(LinkError) in
            let rightMapping =
                rightId == nil && rightMap.isEmpty
                ? mapping : try ColumnMapping(idColumn: rightId ?? id, mapArguments: rightMap.isEmpty ? map : rightMap)
            return InputFile(path: path, mapping: rightMapping, source: PartnerID(unchecked: "right"))
        }
        let encoder = FileEncoder(
            delimiter: try Self.delimiterByte(delimiter), linkageKey: key, defaultRegion: region,
            dateFormat: try dateFormat.map { format throws(LinkError) in try BirthDateFormat(format) })
        var settings = LinkageSettings(threshold: threshold)
        settings.parallelism = ProcessInfo.processInfo.activeProcessorCount
        return LinkJob(
            left: InputFile(path: left, mapping: mapping, source: PartnerID(unchecked: "left")), right: rightFile,
            encoder: encoder, keyOrigin: keyOrigin, settings: settings, pairsPath: out, clustersPath: clusters)
    }

    private static func delimiterByte(_ text: String) throws(LinkError) -> UInt8 {
        if text == "tab" || text == "\\t" { return UInt8(ascii: "\t") }
        guard text.utf8.count == 1, let byte = text.utf8.first, byte != UInt8(ascii: "\""), byte != 10, byte != 13
        else {
            throw LinkError(
                .usage, "--delimiter '\(text)': one ASCII character other than a quote or line break, or 'tab'")
        }
        return byte
    }
}
