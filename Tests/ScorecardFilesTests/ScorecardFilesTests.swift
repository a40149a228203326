import CSVFiles
import CredenceTesting
import Foundation
import Scorecard
import ScorecardFiles
import Testing

/// Training files typed and checked, model files written and read back, score files written.
struct ScorecardFilesTests {
    let directory = try! TemporaryDirectory(prefix: "scorecard-files")

    static let examplePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("protocol/vectors/scorecard-example.json").path

    @Test func columnsAreTypedAndTargetsRead() throws {
        let path = try directory.write(
            "train.csv",
            """
            id,amount,kind,outcome,sex,note
            1,12.5,web,1,F,
            2, 3 ,branch,false,M,NA
            3,,web,BAD,,x
            4,1e2,NULL,good,F,7
            5,-4,web,0,M,n/a

            """)
        let data = try TrainingData.read(
            path: path, columns: TrainingColumns(target: "outcome", id: "id", protected: ["sex"]))
        #expect(data.isBad == [true, false, true, false, false])
        #expect(data.candidates.map(\.name) == ["amount", "kind", "note"])
        guard case .numeric(let amounts) = data.candidates[0].values else {
            Issue.record("amount is numeric")
            return
        }
        #expect(amounts[0] == 12.5 && amounts[1] == 3 && amounts[2].isNaN && amounts[3] == 100 && amounts[4] == -4)
        guard case .categorical(let codes, let categories) = data.candidates[1].values else {
            Issue.record("kind is categorical")
            return
        }
        #expect(categories == ["web", "branch"])
        #expect(codes == [0, 1, 0, -1, 0])
        // 'x' makes the column text; the missing markers stay missing.
        guard case .categorical(let noteCodes, let notes) = data.candidates[2].values else {
            Issue.record("note is categorical")
            return
        }
        #expect(notes == ["x", "7"])
        #expect(noteCodes == [-1, -1, 0, 1, -1])
        #expect(data.protected.map(\.name) == ["sex"])
    }

    @Test func aMissingTargetColumnIsNamed() throws {
        let path = try directory.write("train.csv", "id,amount\n1,2\n")
        let error = #expect(throws: ScorecardFileError.self) {
            try TrainingData.read(path: path, columns: TrainingColumns(target: "defaulted"))
        }
        #expect(error?.kind == .input)
        #expect(error?.message == "\(path):1: no column 'defaulted' in the header (--target); columns: 'id', 'amount'")
    }

    @Test func aNonBinaryTargetIsLocatedWithoutQuotingIt() throws {
        let path = try directory.write("train.csv", "amount,outcome\n1,0\n2,maybe\n")
        let error = #expect(throws: ScorecardFileError.self) {
            try TrainingData.read(path: path, columns: TrainingColumns(target: "outcome"))
        }
        #expect(
            error?.message.hasPrefix("\(path):3: column 'outcome' (--target) holds a value that is not an outcome")
                == true)
        #expect(error?.message.contains("maybe") == false)
    }

    @Test func protectedValuesNeverReachAnErrorMessage() throws {
        let path = try directory.write("train.csv", "amount,outcome,ethnicity\n1,0,Group One\n2,1,Group Two,extra\n")
        let error = #expect(throws: ScorecardFileError.self) {
            try TrainingData.read(path: path, columns: TrainingColumns(target: "outcome", protected: ["ethnicity"]))
        }
        #expect(error?.message.hasPrefix("\(path):3: the row has 4 fields but the header has 3") == true)
        #expect(error?.message.contains("Group") == false)
    }

    @Test func aColumnClaimedTwiceIsAUsageError() throws {
        let path = try directory.write("train.csv", "amount,outcome\n1,0\n")
        let error = #expect(throws: ScorecardFileError.self) {
            try TrainingData.read(
                path: path, columns: TrainingColumns(target: "outcome", excluded: ["amount"], protected: ["amount"]))
        }
        #expect(error?.kind == .usage)
    }

    @Test func modelFilesRoundTripExactly() throws {
        let model = try ModelFile.read(path: Self.examplePath)
        var fitted = model
        fitted.basePoints = 511.57072463123444
        fitted.features[0].bins[0].points = 0.1 + 0.2
        fitted.fit = FitSummary(
            rows: 10, bads: 3, auc: 0.7123456789012345, gini: 0.424691357802469, ks: 1.0 / 3.0,
            minimumInformationValue: 0.02,
            screenedOut: [ScreenedColumn(name: "noise", informationValue: 0.001, reason: "low")])
        let path = directory.path("model.json")
        try ModelFile.write(fitted, to: path)
        #expect(try ModelFile.read(path: path) == fitted)
        let text = try directory.read("model.json")
        #expect(text.hasPrefix("{\n  \"format\": \"credence.scorecard.v1\",\n  \"model_version\": \"example-2025-01\""))
        // A bin on one line, at the depth of a feature's bins.
        let firstBin = "\n        { \"lower\": null, \"upper\": 0.3, \"points\": 0.30000000000000004, \"count\": 4100,"
        #expect(text.contains(firstBin))
        #expect(text.contains("{ \"values\": [\"document\",\"bank\"], \"points\": 12 }"))
        #expect(text.hasSuffix("}\n}\n"))
    }

    @Test func aModelFileWithABannedFeatureIsRefusedWithItsPath() throws {
        let text = try String(contentsOfFile: Self.examplePath, encoding: .utf8)
            .replacingOccurrences(of: "\"revolving_utilization\"", with: "\"marital_status\"")
        let path = try directory.write("banned.json", text)
        let error = #expect(throws: ScorecardFileError.self) { try ModelFile.read(path: path) }
        #expect(error?.kind == .input)
        #expect(
            error?.message.hasPrefix("\(path): /features/0/name: feature 'marital_status' is a banned input") == true)
    }

    @Test func scoresFileHasOneRowPerInputWithReasons() throws {
        let model = try ModelFile.read(path: Self.examplePath)
        let data = try directory.write(
            "people.csv",
            """
            person,identity_verification_level,revolving_utilization,months_since_delinquency
            p1,document,0.1,40
            p2,phone,0.85,6
            p3,,0.3,
            "p,4",bank,0.5,20

            """)
        let out = directory.path("scores.csv")
        let summary = try ScoreFile.score(model: model, dataPath: data, idColumn: "person", outPath: out)
        #expect(summary.rows == 4)
        #expect(summary.meanScore == 537.25)
        #expect(summary.lowestScore == 480 && summary.highestScore == 587)
        #expect(
            try directory.read("scores.csv") == """
                id,score,probability_bad,reason1,reason2,reason3,reason4
                p1,587,0.030428,,,,
                p2,480,0.561404,UTILIZATION_HIGH,RECENT_DELINQUENCY,IDENTITY_NOT_VERIFIED,
                p3,535,0.159857,IDENTITY_NOT_VERIFIED,UTILIZATION_HIGH,RECENT_DELINQUENCY,
                "p,4",547,0.111532,UTILIZATION_HIGH,RECENT_DELINQUENCY,,

                """)
        _ = try ScoreFile.score(model: model, dataPath: data, idColumn: "person", outPath: out, reasonSentences: true)
        #expect(try directory.read("scores.csv").contains("p2,480,0.561404,Revolving balances are high compared"))
    }

    @Test func aTextValueInANumericFeatureIsLocated() throws {
        let model = try ModelFile.read(path: Self.examplePath)
        let data = try directory.write(
            "people.csv",
            "id,revolving_utilization,months_since_delinquency,identity_verification_level\na,0.1,ten,bank\n")
        let error = #expect(throws: ScorecardFileError.self) {
            try ScoreFile.score(model: model, dataPath: data, idColumn: "id", outPath: directory.path("s.csv"))
        }
        #expect(
            error?.message.hasPrefix("\(data):2: column 'months_since_delinquency' holds a value that is not a number")
                == true)
        #expect(!FileManager.default.fileExists(atPath: directory.path("s.csv")))
    }

    @Test func probabilitiesHaveSixDecimals() {
        #expect(ScoreFile.probabilityText(0) == "0.000000")
        #expect(ScoreFile.probabilityText(1) == "1.000000")
        #expect(ScoreFile.probabilityText(0.0304284) == "0.030428")
        #expect(ScoreFile.probabilityText(0.9999996) == "1.000000")
    }

    @Test func reasonsFileIsRead() throws {
        let path = try directory.write(
            "reasons.csv", "column,reason_code,reason\nutilization,UTIL,\"Balances are high, compared with limits\"\n")
        #expect(
            try ReasonsFile.read(path: path) == [
                "utilization": ReasonText(code: "UTIL", sentence: "Balances are high, compared with limits")
            ])
        let duplicate = try directory.write("dup.csv", "column,reason_code,reason\na,X,One\nb,X,Two\n")
        let error = #expect(throws: ScorecardFileError.self) { try ReasonsFile.read(path: duplicate) }
        #expect(error?.message == "\(duplicate):3: reason code 'X' is used twice")
    }
}
