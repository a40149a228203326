import ArgumentParser
import CSVFiles
import CredenceProtocol
import CreditFeatures
import FeatureFiles

/// `credence features`: a training or audit table of credit features per person from batch envelope files.
struct FeaturesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "features",
        abstract: "Compute every person's credit features at an as-of date from batch envelope files.",
        discussion: """
            Reads the batch envelopes (*.dsse.json, as 'backfill --dry-run' writes them) in each --envelopes \
            directory, gives each record to the person its subject_key belongs to (persons.csv: \
            subject_key,person_id), and writes person_id and one column per catalog feature (an empty cell is \
            missing: no data of that kind). Records dated after the as-of date are left out. With \
            --trusted-keys every envelope must verify. --catalog prints the features. See docs/features.md.
            Exit status: 0 done; 1 a file's content is wrong (file:line on stderr); 2 usage error.
            """
    )

    @Flag(help: "Print the feature catalog (name, sources, unit, trend, meaning) and exit.")
    var catalog = false

    @Option(help: "A directory of batch envelope files. Repeatable.")
    var envelopes: [String] = []

    @Option(
        help: """
            CSV with columns subject_key,person_id: which person each partner subject is; or partner_id,local_key,\
            person_id with --linkage-key.
            """)
    var persons: String?

    @Option(help: "The federation linkage key file, to tokenize partner_id,local_key rows of --persons.")
    var linkageKey: String?

    @Option(help: "The as-of date (YYYY-MM-DD) of every person without one of their own.")
    var asOf: String?

    @Option(help: "A column of the persons file with each person's own as-of date.")
    var asOfColumn: String?

    @Option(help: "CSV with columns person_id,inquired_on: credit inquiries (default: inquiries_12m missing).")
    var inquiries: String?

    @Option(
        parsing: .upToNextOption,
        help: "Trusted partner public keys (files or PEM/hex/base64 text): every envelope must verify under one.")
    var trustedKeys: [String] = []

    @Option(help: "The feature table to write (replaced atomically).")
    var out: String?

    func run() throws {
        if catalog {
            print(CatalogTable.text())
            return
        }
        guard !envelopes.isEmpty, let persons, let out else {
            throw CLIFailure.usage("error: give --envelopes, --persons and --out (or --catalog)")
        }
        let date = try asOf.map { text throws(CLIFailure) in
            do throws(ProtocolError) {
                return try CalendarDate(text)
            } catch {
                throw CLIFailure.usage("error: --as-of '\(text)' is not a date like 2024-12-31 (YYYY-MM-DD)")
            }
        }
        let job = FeatureTableJob(
            envelopeDirectories: envelopes, personsPath: persons, linkageKey: try linkageKey.map(LinkageKeyFile.load),
            asOf: date, asOfColumn: asOfColumn,
            inquiriesPath: inquiries, envelopes: EnvelopeFiles(trustedKeys: try TrustedKeys.load(trustedKeys)),
            outputPath: out)
        do throws(FeatureFileError) {
            printError(try job.run().description)
        } catch {
            throw CLIFailure(
                message: "error: \(error.message)",
                exitStatus: error.kind == .usage ? CLIFailure.usageStatus : CLIFailure.notVerifiedStatus)
        }
    }
}
