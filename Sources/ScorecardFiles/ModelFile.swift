import CSVFiles
import CredenceProtocol
import Foundation
public import Scorecard

/// Scorecard model documents on disk: read strictly (``ScorecardModel/decode(json:allowedFeatures:)``), written
/// as indented JSON with snake_case members in the schema's order, replaced atomically.
public enum ModelFile {
    public static func read(path: String, allowedFeatures: Set<String>? = nil) throws(ScorecardFileError)
        -> ScorecardModel
    {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScorecardFileError(.usage, "cannot read the model file '\(path)'")
        }
        do {
            return try ScorecardModel.decode(json: Array(data), allowedFeatures: allowedFeatures)
        } catch {
            throw ScorecardFileError(error, path: path)
        }
    }

    /// The model as its file holds it: indented JSON, members in the order of protocol/scorecard.md, a bin or a
    /// statistics object on one line, and a final line break.
    public static func encode(_ model: ScorecardModel) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        // Every value of a model is a finite number, a string or a boolean, and every key a string: encoding
        // and parsing back cannot fail.
        let compact = try! encoder.encode(model)
        var text = ""
        writeIndented(try! StrictJSONParser.parse(Array(compact)), indent: "", to: &text)
        return Array((text + "\n").utf8)
    }

    /// Member names in the order a reader expects them; JSONEncoder's order is a hash order on Linux.
    static let memberOrder: [String: Int] = Dictionary(
        uniqueKeysWithValues: [
            "format", "model_version", "created", "target", "pdo", "base_score", "base_odds", "base_points",
            "features", "name", "reason_code", "reason", "kind", "trend", "information_value", "coefficient",
            "missing_points", "missing", "bins", "lower", "upper", "values", "other", "points", "count", "rows",
            "bads", "bad_rate", "woe", "auc", "gini", "ks", "minimum_information_value", "screened_out", "fit",
        ].enumerated().map { ($1, $0) })

    private static func writeIndented(_ value: JSONValue, indent: String, to text: inout String) {
        switch value {
        case .object(let object) where !object.members.isEmpty:
            let members = object.members.sorted {
                (memberOrder[$0.name] ?? Int.max, $0.name) < (memberOrder[$1.name] ?? Int.max, $1.name)
            }
            let flat = members.allSatisfy { !$0.value.isContainer }
            if flat {
                text += "{ "
                text += members.map { name(of: $0.name) + ": " + scalar($0.value) }.joined(separator: ", ")
                text += " }"
                return
            }
            text += "{\n"
            for (index, member) in members.enumerated() {
                text += indent + "  " + name(of: member.name) + ": "
                writeIndented(member.value, indent: indent + "  ", to: &text)
                text += index + 1 < members.count ? ",\n" : "\n"
            }
            text += indent + "}"
        case .array(let elements) where !elements.isEmpty:
            if elements.allSatisfy({ !$0.isContainer }) {
                text += "[" + elements.map(scalar).joined(separator: ", ") + "]"
                return
            }
            text += "[\n"
            for (index, element) in elements.enumerated() {
                text += indent + "  "
                writeIndented(element, indent: indent + "  ", to: &text)
                text += index + 1 < elements.count ? ",\n" : "\n"
            }
            text += indent + "]"
        default:
            text += scalar(value)
        }
    }

    private static func name(of member: String) -> String { scalar(.string(member)) }

    private static func scalar(_ value: JSONValue) -> String { String(decoding: value.serialized(), as: UTF8.self) }
    public static func write(_ model: ScorecardModel, to path: String) throws(ScorecardFileError) {
        do {
            try Data(encode(model)).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw ScorecardFileError(.usage, "cannot write the model file '\(path)': \(error.localizedDescription)")
        }
    }
}

extension JSONValue {
    /// A non-empty object, or an array holding one: what prints over several lines. A list of values (a bin's
    /// `values`) stays on its line like a scalar.
    fileprivate var isContainer: Bool {
        switch self {
        case .object(let object): !object.members.isEmpty
        case .array(let elements): elements.contains { $0.isContainer }
        case .null, .bool, .number, .string: false
        }
    }
}
