/// One column of a training table, typed: numbers (NaN for missing) or dictionary-coded text (-1 for missing).
public struct TrainingColumn: Sendable {
    public enum Values: Sendable {
        case numeric([Double])
        /// Row `r`'s value is `categories[codes[r]]`, or missing when the code is -1.
        case categorical(codes: [Int32], categories: [String])
    }

    public var name: String
    public var values: Values

    public init(name: String, values: Values) {
        self.name = name
        self.values = values
    }

    public var rowCount: Int {
        switch values {
        case .numeric(let numbers): numbers.count
        case .categorical(let codes, _): codes.count
        }
    }

    /// Whether row `row` has no value.
    func isMissing(_ row: Int) -> Bool {
        switch values {
        case .numeric(let numbers): numbers[row].isNaN
        case .categorical(let codes, _): codes[row] < 0
        }
    }
}

/// Goods and bads counted together.
struct OutcomeCounts: Sendable, Equatable {
    var goods = 0
    var bads = 0

    var count: Int { goods + bads }
    var badRate: Double { count > 0 ? Double(bads) / Double(count) : 0 }

    mutating func add(isBad: Bool) {
        if isBad { bads += 1 } else { goods += 1 }
    }

    static func + (lhs: OutcomeCounts, rhs: OutcomeCounts) -> OutcomeCounts {
        OutcomeCounts(goods: lhs.goods + rhs.goods, bads: lhs.bads + rhs.bads)
    }
}
