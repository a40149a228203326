/// The command line of `credence-bench-ingest`.
struct Options {
    static let usage = """
        usage: credence-bench-ingest --dir DIR [--clients K] [--batches-per-client B] [--records R] [--linking]
          Starts a fresh aggregator in DIR/aggregator, registers K partners, signs B batches of R records
          for each before timing, then K concurrent clients push them over HTTPS, each waiting for 201
          before its next batch. Then times each ingest stage in this process, and the sqlite3 command-line
          tool importing the same rows into fresh databases with the same schema (in DIR/ceiling).
          DIR/aggregator and DIR/ceiling are replaced; nothing else in DIR is touched.
          Defaults: K=4, R=1000, B so that K*B*R is about 200,000 records. The aggregator runs with linking
          off (linkage.enabled=false: batches wait in the log to be linked), so that the run measures ingest;
          --linking keeps the linking service running beside it, sharing the cores.
          Prints progress lines starting with '#', one line per measurement:
            aggregator records=N batches=N seconds=S records_per_second=V batches_per_second=V
              p50_ms=L p99_ms=L max_ms=L retries=N peak_rss_kib=N rss_before_push_kib=N
            stage name=NAME us_per_record=T ms_per_batch=T
            ceiling method=NAME records=N seconds=S records_per_second=V sqlite3=VERSION
            ratio aggregator_over_ceiling=X
          then, after an empty line, a table of them and the stage breakdown.
        """

    /// About this many records when `--batches-per-client` is not given: enough for a steady state, small
    /// enough that the whole run (signing, pushing, exporting, importing) stays within a couple of minutes.
    static let defaultTotalRecords = 200_000

    var directory: String?
    var clients = 4
    var batchesPerClient: Int?
    var records = 1000
    var linking = false

    /// The batches each client pushes: given, or derived from ``defaultTotalRecords``.
    var batches: Int {
        batchesPerClient ?? max(1, (Self.defaultTotalRecords + clients * records / 2) / (clients * records))
    }

    /// Fails with the reason when the arguments cannot be used, or without one when help was asked for.
    static func parse(_ arguments: some Sequence<String>) -> Result<Options, UsageError> {
        var options = Options()
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            if argument == "-h" || argument == "--help" { return .failure(UsageError(message: nil)) }
            if argument == "--linking" {
                options.linking = true
                continue
            }
            guard ["--dir", "--clients", "--batches-per-client", "--records"].contains(argument) else {
                return .failure(UsageError(message: "unknown argument '\(argument)'"))
            }
            guard let value = iterator.next() else {
                return .failure(UsageError(message: "\(argument) needs a value"))
            }
            if argument == "--dir" {
                options.directory = value
                continue
            }
            // The limits keep the pre-signed envelopes in memory and the run bounded in time.
            let limit = argument == "--records" ? 10_000 : 100_000
            guard let count = Int(value), (1...limit).contains(count) else {
                return .failure(UsageError(message: "\(argument) must be an integer in 1...\(limit), not '\(value)'"))
            }
            switch argument {
            case "--clients": options.clients = count
            case "--batches-per-client": options.batchesPerClient = count
            default: options.records = count
            }
        }
        guard options.directory != nil else { return .failure(UsageError(message: "give --dir DIR")) }
        return .success(options)
    }
}

struct UsageError: Error {
    /// Nil when the user asked for help: print the usage and succeed.
    let message: String?
}
