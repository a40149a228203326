import ArgumentParser
import CSVFiles
import Foundation
import Scorecard
import ScorecardFiles

/// `credence model`: scorecard models from labeled CSV files, and scores from them.
struct ModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model",
        abstract: "Fit a scorecard on a labeled CSV file, or score a CSV file with one.",
        subcommands: [ModelFitCommand.self, ModelScoreCommand.self]
    )
}

/// `credence model fit`: a scorecard from any labeled CSV file.
struct ModelFitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Build a scorecard model from a labeled CSV file.",
        discussion: """
            Every column other than --target, --id, --exclude and --protected is a candidate feature: numeric when \
            every value present is a decimal number, categorical otherwise (empty, NA, N/A, null, NaN and None are \
            missing). Fine-then-coarse binning with a monotonic bad rate, weight of evidence, information value \
            screening, logistic regression, points scaling (protocol/scorecard.md). A column that is a banned \
            input (sex, age, postal code, ...) is refused: pass it with --protected to measure adverse impact on \
            it, or --exclude it. Prints the information value per column, AUC, Gini and KS on the training data \
            and the adverse impact ratio of every protected group. See docs/model.md.
            Exit status: 0 done; 1 the data cannot make a model (file:line on stderr); 2 usage error.
            """
    )

    @Option(help: "The labeled CSV file.")
    var data: String

    @Option(help: "The outcome column: 1, true or bad for a bad outcome; 0, false or good for a good one.")
    var target: String

    @Option(help: "A row identifier column (never a feature).")
    var id: String?

    @Option(help: ArgumentHelp("Columns to leave out, comma-separated; repeatable.", valueName: "COL,..."))
    var exclude: [String] = []

    @Option(
        help: ArgumentHelp(
            "Columns never used as features, reported with their adverse impact ratio; comma-separated, repeatable.",
            valueName: "COL,..."))
    var protected: [String] = []

    @Option(help: "Points that double the odds of being good.")
    var pdo: Double = 20

    @Option(help: "The score at --base-odds odds of being good.")
    var baseScore: Double = 600

    @Option(help: "The odds of being good (goods per bad) at --base-score.")
    var baseOdds: Double = 50

    @Option(help: "Columns whose information value is below this are left out.")
    var minIv: Double = 0.02

    @Option(help: "Of two columns correlated above this, the one with the lower information value is left out.")
    var maxCorrelation: Double = 0.9

    @Option(help: "Smallest share of the training rows in a coarse bin.")
    var minBinShare: Double = 0.05

    @Option(
        help: ArgumentHelp(
            "Declare how a numeric column's bad rate moves as its value grows (default: detected); repeatable.",
            valueName: "COL=increasing|decreasing"))
    var trend: [String] = []

    @Option(help: "The approval cutoff for the adverse impact report (default: approves the training good rate).")
    var cutoff: Int?

    @Option(help: "A CSV file with columns column,reason_code,reason naming each feature's reason.")
    var reasons: String?

    @Option(help: "The model version published with every score (default: fit-<UTC time>).")
    var modelVersion: String?

    @Option(help: "The model file to write (replaced atomically).")
    var out: String

    func run() throws {
        do throws(ScorecardFileError) {
            let created = Self.timestamp()
            var settings = ScorecardFitSettings(
                modelVersion: modelVersion ?? "fit-\(created)", created: created,
                target: "\(target) is 1, true or bad")
            settings.scaling = ScoreScaling(pdo: pdo, baseScore: baseScore, baseOdds: baseOdds)
            settings.minimumInformationValue = minIv
            settings.maximumCorrelation = maxCorrelation
            settings.binning.minimumBinShare = minBinShare
            settings.cutoff = cutoff
            settings.trends = try Self.trends(trend)
            if let reasons { settings.reasons = try ReasonsFile.read(path: reasons) }
            let training = try TrainingData.read(
                path: data,
                columns: TrainingColumns(
                    target: target, id: id, excluded: Self.names(exclude), protected: Self.names(protected)))
            let fit: ScorecardFit
            do {
                fit = try ScorecardFitter.fit(
                    candidates: training.candidates, isBad: training.isBad, protected: training.protected,
                    settings: settings)
            } catch {
                throw ScorecardFileError(error, path: data)
            }
            try ModelFile.write(fit.model, to: out)
            print(FitReport.text(fit, dataPath: data) + "\nModel written to \(out)", terminator: "\n")
        } catch {
            throw CLIFailure(
                message: "error: \(error.message)",
                exitStatus: error.kind == .usage ? CLIFailure.usageStatus : CLIFailure.notVerifiedStatus)
        }
    }

    /// Comma-separated lists, possibly repeated, as one list of names.
    static func names(_ arguments: [String]) -> [String] {
        arguments.flatMap { $0.split(separator: ",").map(String.init) }.filter { !$0.isEmpty }
    }

    static func trends(_ arguments: [String]) throws(ScorecardFileError) -> [String: BadRateTrend] {
        var trends: [String: BadRateTrend] = [:]
        for argument in arguments {
            let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let trend = BadRateTrend(rawValue: parts[1]) else {
                throw ScorecardFileError(
                    .usage, "--trend '\(argument)': COLUMN=increasing or COLUMN=decreasing expected")
            }
            trends[parts[0]] = trend
        }
        return trends
    }

    static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
    }
}

/// `credence model score`: scores every row of a CSV file with a model.
struct ModelScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score every row of a CSV file with a scorecard model.",
        discussion: """
            The file needs the --id column and a column for every feature of the model (named as in the model). \
            Writes id,score,probability_bad,reason1,reason2,reason3,reason4 in input order: the reasons are the \
            up to four features where the row fell furthest below the feature's best points, largest first. A \
            model that uses a banned input is refused. See docs/model.md.
            Exit status: 0 done; 1 the model or the file is rejected (file:line on stderr); 2 usage error.
            """
    )

    @Option(help: "The model file (credence.scorecard.v1).")
    var model: String

    @Option(help: "The CSV file to score.")
    var data: String

    @Option(help: "The column identifying each row; copied to the scores file.")
    var id: String

    @Option(help: "The scores file to write (replaced atomically).")
    var out: String

    @Flag(help: "Write each reason's sentence instead of its reason code.")
    var reasonText = false

    func run() throws {
        do throws(ScorecardFileError) {
            let loaded = try ModelFile.read(path: model)
            let summary = try ScoreFile.score(
                model: loaded, dataPath: data, idColumn: id, outPath: out, reasonSentences: reasonText)
            printError(
                "scored \(summary.rows) rows of \(data) with model \(loaded.modelVersion) into \(out)"
                    + (summary.rows > 0
                        ? " (scores \(summary.lowestScore) to \(summary.highestScore), mean "
                            + "\(Int(summary.meanScore.rounded())))" : ""))
        } catch {
            throw CLIFailure(
                message: "error: \(error.message)",
                exitStatus: error.kind == .usage ? CLIFailure.usageStatus : CLIFailure.notVerifiedStatus)
        }
    }
}
