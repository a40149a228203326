import CredenceStore
import Foundation

/// One timed import by the `sqlite3` command-line tool.
struct CeilingCandidate: Sendable {
    let method: String
    let seconds: Double
}

/// The fastest import measured: the ceiling the aggregator is compared with.
struct CeilingResult: Sendable {
    let method: String
    let description: String
    let seconds: Double
    let sqliteVersion: String
    let candidates: [CeilingCandidate]
}

/// How the `sqlite3` tool is fed the rows. Both insert every row through SQL in one transaction; they differ in
/// how the blobs (envelopes, receipts, span indexes) reach SQLite.
enum ImportMethod: String, CaseIterable, Sendable {
    /// `INSERT ... VALUES` statements: envelopes and receipts are text literals cast to BLOB, the hashes and
    /// span indexes X'..' literals. SQLite parses every byte.
    case insertValues = "insert-values"
    /// The same statements with each envelope and span index read from its own file by the shell's
    /// `readfile()`: the bytes reach SQLite unparsed.
    case readFile = "readfile"

    var description: String {
        switch self {
        case .insertValues:
            "one transaction of INSERT ... VALUES (envelopes as text literals cast to BLOB)"
        case .readFile:
            "one transaction of INSERT ... VALUES with envelopes and span indexes by readfile()"
        }
    }
}

/// Exports the rows the aggregator stored, then times `sqlite3` importing them into fresh databases with
/// the aggregator's schema (its own migration), WAL, `synchronous=FULL` and foreign keys on, as the
/// aggregator writes. Each method runs `attempts` times; the fastest run is the ceiling.
func measureCeiling(source: String, directory: String, expectedRecords: Int, attempts: Int = 2) async throws
    -> CeilingResult
{
    let sqlite = try SQLiteTool()
    let version = try sqlite.run(arguments: ["-version"], script: nil, in: directory)
        .split(separator: " ").prefix(2).joined(separator: " ")
    emit("# ceiling: exporting the stored rows with \(sqlite.path) \(version)")
    try FileManager.default.createDirectory(atPath: directory + "/blobs", withIntermediateDirectories: true)
    _ = try sqlite.run(arguments: [source], script: exportScript, in: directory)
    let expected = try sqlite.run(arguments: [source], script: fingerprintScript, in: directory)

    var candidates: [CeilingCandidate] = []
    for attempt in 1...attempts {
        for method in ImportMethod.allCases {
            let database = "\(directory)/import-\(method.rawValue)-\(attempt).sqlite"
            try createDatabase(database)
            // The partners and their keys are registered before the aggregator's clock starts too.
            _ = try sqlite.run(arguments: ["-bail", database], script: ".read setup.sql\n", in: directory)
            let clock = ContinuousClock()
            let start = clock.now
            _ = try sqlite.run(arguments: ["-bail", database], script: importScript(method), in: directory)
            let elapsed = seconds(clock.now - start)
            // An import that lost or changed rows would look fast: the content must be the aggregator's.
            let imported = try sqlite.run(arguments: [database], script: fingerprintScript, in: directory)
            guard imported == expected else {
                throw TimingError("the \(method.rawValue) import does not hold the aggregator's rows")
            }
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
            candidates.append(CeilingCandidate(method: "\(method.rawValue)#\(attempt)", seconds: elapsed))
            emit("# ceiling: \(method.rawValue) run \(attempt): \(format(elapsed, 3)) s")
        }
    }
    guard expected.hasPrefix("\(expectedRecords)|") else {
        throw TimingError("the aggregator's store fingerprint does not start with \(expectedRecords) records")
    }
    let best = candidates.min { $0.seconds < $1.seconds }!
    let method = ImportMethod(rawValue: String(best.method.prefix { $0 != "#" }))!
    return CeilingResult(
        method: method.rawValue, description: method.description, seconds: best.seconds, sqliteVersion: version,
        candidates: candidates)
}

/// A database with exactly the aggregator's schema: its own migration, run by opening the store, which
/// also puts the file in WAL mode as the aggregator's is. Released before `sqlite3` writes to it.
private func createDatabase(_ path: String) throws {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    _ = try SQLiteStore(path: path)
}

/// Writes, next to the databases: setup.sql (partners and keys), values.sql (every row, blobs as literals),
/// readfile.sql (the same rows, envelopes and span indexes read from blobs/), and blobs/. Envelopes and receipts
/// are written as text: they are UTF-8 JSON without NUL (the parser escapes control characters), which the
/// fingerprint check confirms.
private let exportScript = """
    .bail on
    .headers off
    .mode insert partners
    .output setup.sql
    SELECT * FROM partners ORDER BY id;
    .mode insert partner_keys
    SELECT * FROM partner_keys ORDER BY partner_id, epoch;
    .mode list
    .output values.sql
    SELECT 'INSERT INTO batches VALUES(' || leaf_index || ',' || quote(batch_id) || ',' || quote(partner_id) || ','
        || sequence || ',' || key_epoch || ',' || created_at || ',' || received_at || ',' || record_count || ','
        || quote(leaf_hash) || ',CAST(' || quote(CAST(envelope AS TEXT)) || ' AS BLOB),CAST('
        || quote(CAST(receipt AS TEXT)) || ' AS BLOB));'
        || 'INSERT INTO record_spans VALUES(' || leaf_index || ',' || quote(spans) || ');'
    FROM batches JOIN record_spans USING (leaf_index) ORDER BY leaf_index;
    SELECT 'INSERT INTO sequences VALUES(' || quote(partner_id) || ',' || last_sequence || ','
        || quote(last_batch_id) || ');'
    FROM sequences ORDER BY partner_id;
    SELECT 'INSERT INTO checkpoints VALUES(' || size || ',' || quote(root_hash) || ',' || quote(signed_note) || ');'
    FROM checkpoints ORDER BY size;
    .output readfile.sql
    SELECT 'INSERT INTO batches VALUES(' || leaf_index || ',' || quote(batch_id) || ',' || quote(partner_id) || ','
        || sequence || ',' || key_epoch || ',' || created_at || ',' || received_at || ',' || record_count || ','
        || quote(leaf_hash) || ',readfile(''blobs/' || leaf_index || '.envelope''),CAST('
        || quote(CAST(receipt AS TEXT)) || ' AS BLOB));'
        || 'INSERT INTO record_spans VALUES(' || leaf_index || ',readfile(''blobs/' || leaf_index || '.spans''));'
    FROM batches ORDER BY leaf_index;
    SELECT 'INSERT INTO sequences VALUES(' || quote(partner_id) || ',' || last_sequence || ','
        || quote(last_batch_id) || ');'
    FROM sequences ORDER BY partner_id;
    SELECT 'INSERT INTO checkpoints VALUES(' || size || ',' || quote(root_hash) || ',' || quote(signed_note) || ');'
    FROM checkpoints ORDER BY size;
    .output stdout
    SELECT count(writefile('blobs/' || leaf_index || '.envelope', envelope)) FROM batches;
    SELECT count(writefile('blobs/' || leaf_index || '.spans', spans)) FROM record_spans;

    """

/// Counts and SHA3-256 digests of the tables an ingest writes, in a stable order.
private let fingerprintScript = """
    .bail on
    SELECT (SELECT coalesce(sum(length(spans)), 0) / 8 FROM record_spans) || '|' || (SELECT count(*) FROM batches)
        || '|' || hex(sha3_query('SELECT * FROM record_spans ORDER BY leaf_index')) || '|'
        || hex(sha3_query('SELECT * FROM batches ORDER BY leaf_index')) || '|'
        || hex(sha3_query('SELECT * FROM sequences ORDER BY partner_id')) || '|'
        || hex(sha3_query('SELECT * FROM checkpoints ORDER BY size'));

    """

/// The timed script: the aggregator's connection settings, then every row in one transaction.
private func importScript(_ method: ImportMethod) -> String {
    let rows =
        switch method {
        case .insertValues: "values.sql"
        case .readFile: "readfile.sql"
        }
    return """
        PRAGMA foreign_keys = ON;
        PRAGMA synchronous = FULL;
        PRAGMA temp_store = MEMORY;
        BEGIN;
        .read \(rows)
        COMMIT;

        """
}

/// The `sqlite3` command-line tool, found on PATH.
private struct SQLiteTool {
    let path: String

    init() throws {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        guard
            let found = directories.map({ "\($0)/sqlite3" }).first(where: {
                FileManager.default.isExecutableFile(atPath: $0)
            })
        else { throw TimingError("the sqlite3 command-line tool is not on PATH") }
        path = found
    }

    /// Runs sqlite3 with `script` on standard input, in `directory`; returns its trimmed standard output.
    /// Any output on standard error is a failure: with -bail, an error stops the script.
    func run(arguments: [String], script: String?, in directory: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-batch"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        // Files rather than pipes: nothing to drain while it runs, so it can never block on a full pipe.
        let scriptPath = directory + "/script.sql"
        let outputPath = directory + "/sqlite3.out"
        let errorPath = directory + "/sqlite3.err"
        try Data((script ?? "").utf8).write(to: URL(fileURLWithPath: scriptPath))
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        let input = try FileHandle(forReadingFrom: URL(fileURLWithPath: scriptPath))
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        let errors = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        defer {
            try? input.close()
            try? output.close()
            try? errors.close()
        }
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        let stdout = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0, stderr.isEmpty else {
            throw TimingError(
                "sqlite3 \(arguments.joined(separator: " ")) exited \(process.terminationStatus): \(stderr.prefix(2000))"
            )
        }
        return stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
