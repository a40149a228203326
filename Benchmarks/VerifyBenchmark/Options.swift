/// The command line of `credence-bench-verify`.
struct Options {
    static let usage = """
        usage: credence-bench-verify --out DIR [--seconds S] [--min-iterations N] [SIZE...]
          SIZE is a payload size in bytes, or with a KiB, MiB or GiB suffix (default: 1KiB 1MiB 50MiB).
          For each size, writes DIR/pae-BYTES.bin, DIR/sig-BYTES.bin and DIR/envelope-BYTES.json (plus
          DIR/pub.pem), then prints one line per size:
            inprocess size=BYTES iterations=N seconds=S verifications_per_second=V mb_per_second=M
          where MB is 10^6 payload bytes.
        """

    static let defaultSizes = [1 << 10, 1 << 20, 50 << 20]

    var outputDirectory: String?
    var targetSeconds = 2.0
    /// Large payloads take seconds per verification; a floor on the count keeps one slow outlier from being
    /// the whole measurement.
    var minimumIterations = 3
    var sizes: [Int] = []

    /// Fails with the reason when the arguments cannot be used, or without one when help was asked for.
    static func parse(_ arguments: some Sequence<String>) -> Result<Options, UsageError> {
        var options = Options()
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "-h", "--help":
                return .failure(UsageError(message: nil))
            case "--out", "--seconds", "--min-iterations":
                guard let value = iterator.next() else {
                    return .failure(UsageError(message: "\(argument) needs a value"))
                }
                switch argument {
                case "--out":
                    options.outputDirectory = value
                case "--seconds":
                    guard let seconds = Double(value), seconds > 0, seconds.isFinite else {
                        return .failure(UsageError(message: "--seconds must be a positive number, not '\(value)'"))
                    }
                    options.targetSeconds = seconds
                default:
                    guard let count = Int(value), count >= 1 else {
                        return .failure(UsageError(message: "--min-iterations must be at least 1, not '\(value)'"))
                    }
                    options.minimumIterations = count
                }
            default:
                guard let size = parseSize(argument) else {
                    return .failure(UsageError(message: "'\(argument)' is not a size (e.g. 1024, 1KiB, 50MiB)"))
                }
                options.sizes.append(size)
            }
        }
        guard options.outputDirectory != nil else { return .failure(UsageError(message: "give --out DIR")) }
        if options.sizes.isEmpty { options.sizes = defaultSizes }
        return .success(options)
    }

    /// Reads `1024`, `1KiB`, `1MiB` or `1GiB`; binary units because the issue names sizes in KiB and MiB.
    static func parseSize(_ text: String) -> Int? {
        let units: [(suffix: String, shift: Int)] = [("GiB", 30), ("MiB", 20), ("KiB", 10), ("B", 0), ("", 0)]
        for unit in units where text.hasSuffix(unit.suffix) {
            guard let count = Int(text.dropLast(unit.suffix.count)), count >= 0 else { return nil }
            let (bytes, overflow) = count.multipliedReportingOverflow(by: 1 << unit.shift)
            return overflow ? nil : bytes
        }
        return nil
    }
}

struct UsageError: Error {
    /// Nil when the user asked for help: print the usage and succeed.
    let message: String?
}
