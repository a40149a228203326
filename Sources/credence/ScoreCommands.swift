import ArgumentParser
import CredenceClient
import CredenceProtocol
import Foundation

/// `credence score`: a consumer asks an aggregator for a person's signed score report.
struct ScoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Ask an aggregator for a person's signed score report (POST /v1/scores/query).",
        discussion: """
            Identifiers are keyed tokens (`credence token` makes them from raw values with the linkage key), given
            as TYPE=TOKEN: us_ssn, cn_ric, phone_e164, email, email_match, platform_account, payment_fingerprint.
            The query is recorded as an inquiry on the person's file. Writes the signed report envelope to --out
            (or standard output) and a summary to standard error. Exit status 1 if the aggregator refused the
            query (the problem's title and detail are printed), 2 on a usage or connection error.
            """
    )

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "A file holding the consumer's API key.")
    var apiKeyFile: String

    @Option(help: "The permissible purpose: \(PermissiblePurpose.listed).")
    var purpose: String

    @Option(name: .customLong("identifier"), help: "TYPE=TOKEN; repeat for several.")
    var identifiers: [String]

    @Option(help: "Write the signed report envelope here.")
    var out: String?

    func run() async throws {
        let apiKey = try FileIO.readText(apiKeyFile).trimmingCharacters(in: .whitespacesAndNewlines)
        var listed: [[String: String]] = []
        for identifier in identifiers {
            guard let equals = identifier.firstIndex(of: "="), equals != identifier.startIndex else {
                throw CLIFailure.usage("error: --identifier '\(identifier)' is not TYPE=TOKEN")
            }
            listed.append([
                "type": String(identifier[..<equals]), "token": String(identifier[identifier.index(after: equals)...]),
            ])
        }
        struct Query: Encodable {
            let purpose: String
            let identifiers: [[String: String]]
        }
        let body = try JSONEncoder().encode(Query(purpose: purpose, identifiers: listed))
        let client = try connection.client()
        let reply: AggregatorClient.Reply
        do {
            reply = try await client.send(
                "POST", "/v1/scores/query", json: Array(body), headers: [("Authorization", "Bearer \(apiKey)")])
        } catch {
            try? await client.shutdown()
            throw CLIFailure.usage("error: \(error.message)")
        }
        try await client.shutdown()
        guard reply.status == 200 else {
            let problem = reply.problem
            throw CLIFailure.rejected(
                "refused: \(reply.status) \(problem?.title ?? "unexpected response")"
                    + (problem?.detail.map { ": " + $0 } ?? ""))
        }
        if let out {
            try FileIO.write(reply.body, to: out)
        } else {
            FileHandle.standardOutput.write(Data(reply.body))
        }
        if let envelope = try? Envelope(parsing: reply.body), let report = try? ScoreReport.decode(envelope.payload) {
            printError(
                "report \(report.reportID): person \(report.personID) score \(report.score) (\(report.band.rawValue))")
        }
    }
}

/// `credence verify-report`: checks a score report offline against the aggregator's public key.
struct VerifyReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-report",
        abstract: "Verify a signed score report offline and print what it says.",
        discussion: "Exit status: 0 verified; 1 not genuine or malformed; 2 usage error or unusable key."
    )

    @Option(help: "The aggregator's public key (its log.pub: PEM, hex or base64).")
    var key: String

    @Flag(help: "Print the verified report as JSON instead of a summary.")
    var json = false

    @Argument(help: "The report envelope file, or - for standard input.")
    var report: String

    func run() throws {
        let key = try TrustedKeys.load([key])[0]
        let report: ScoreReport
        do {
            report = try ScoreReport.verify(try FileIO.read(self.report), key: key)
        } catch let error as ProtocolError {
            let failure = CLIFailure.from(error)
            throw failure.exitStatus == CLIFailure.usageStatus
                ? failure : CLIFailure.rejected("Report NOT verified: \(error.message)")
        }
        if json {
            let pretty = try JSONSerialization.jsonObject(with: Data(report.serialized()))
            let data = try JSONSerialization.data(withJSONObject: pretty, options: [.prettyPrinted, .sortedKeys])
            print(String(decoding: data, as: UTF8.self))
            return
        }
        var lines = [
            "Report verified: \(report.reportID) signed by aggregator \(report.aggregatorID.rawValue)",
            "  person \(report.personID): score \(report.score), band \(report.band.rawValue), "
                + "probability of serious delinquency " + String(format: "%.2f %%", report.probabilityBad * 100),
            "  for consumer \(report.consumerID.rawValue), purpose \(report.purpose.rawValue), "
                + "issued \(report.issuedAt.rawValue)",
            "  model \(report.modelVersion), features as of \(report.asOf.rawValue), scored \(report.scoredAt.rawValue)",
        ]
        for reason in report.reasons {
            lines.append("  reason \(reason.rank): \(reason.code) \(reason.text)")
        }
        lines.append("  from \(report.contributingBatches.count) partner batches")
        print(lines.joined(separator: "\n"))
    }
}
