import CredenceProtocol
import CredenceStore
import CredenceTesting
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

let options: Options
switch Options.parse(CommandLine.arguments.dropFirst()) {
case .success(let parsed):
    options = parsed
case .failure(let error):
    guard let message = error.message else {
        emit(Options.usage)
        exit(0)
    }
    fail("\(message)\n\(Options.usage)", status: 2)
}

let root = URL(fileURLWithPath: options.directory!).standardizedFileURL.path
let aggregatorDirectory = root + "/aggregator"
let ceilingDirectory = root + "/ceiling"
let clients = options.clients
let batches = options.batches
let records = options.records
let totalBatches = clients * batches
let totalRecords = totalBatches * records

do {
    // Only what this benchmark writes: DIR may hold other things.
    for path in [aggregatorDirectory, ceilingDirectory] where FileManager.default.fileExists(atPath: path) {
        try FileManager.default.removeItem(atPath: path)
    }
    try FileManager.default.createDirectory(atPath: ceilingDirectory, withIntermediateDirectories: true)
} catch {
    fail("cannot prepare '\(root)': \(error)")
}
emit(
    "# clients=\(clients) batches_per_client=\(batches) records_per_batch=\(records) total_records=\(totalRecords)"
        + " linking=\(options.linking ? "on" : "off")")

// MARK: The aggregator

let aggregator: AggregatorProcess
do {
    aggregator = try AggregatorProcess.initialize(in: aggregatorDirectory, id: "agg-bench")
    // The per-partner rate limit (50 batches/s by default) is a policy, not a cost: off, so that the run
    // measures what the aggregator can commit. Other limits stay at their defaults.
    try aggregator.start(
        arguments: ["--partner-rate", "0"],
        environment: ["CREDENCE_AGGREGATOR_LINKAGE_ENABLED": options.linking ? "true" : "false"])
} catch {
    fail("cannot start the aggregator: \(error)")
}
emit("# aggregator pid \(aggregator.processIdentifier ?? 0) at \(aggregator.baseURL), \(aggregatorDirectory)")

var partners: [SyntheticPartner] = []
for index in 0..<clients {
    let partner = SyntheticPartner(id: "bench-partner-\(index + 1)", kind: .commerce, audience: aggregator.id)
    do {
        try register(partner, aggregator: aggregator, keyDirectory: root)
    } catch {
        aggregator.stop()
        fail("cannot register \(partner.id): \(error)")
    }
    partners.append(partner)
}

let clock = ContinuousClock()
var started = clock.now
let chains = await signChains(partners: partners, batches: batches, records: records)
let envelopeBytes = chains.joined().reduce(0) { $0 + $1.count }
emit(
    "# signed \(totalBatches) envelopes (\(envelopeBytes / totalBatches) bytes each) in "
        + "\(format(seconds(clock.now - started), 2)) s, before timing")

let baselineRSS = peakRSSKiB(aggregator.processIdentifier)
let serverCPUBefore = cpuSeconds(ofProcess: aggregator.processIdentifier)
let clientCPUBefore = ownCPUSeconds()
let machineBefore = machineCPU()
started = clock.now
let results: [ClientResult]
do {
    results = try await pushChains(
        chains, recordsPerBatch: records, baseURL: aggregator.baseURL, caPEM: aggregator.caPEM)
} catch {
    aggregator.stop()
    fail("push failed: \(error)")
}
let pushSeconds = seconds(clock.now - started)
// Read while the server still runs: /proc/<pid> goes away with it.
let peakRSS = peakRSSKiB(aggregator.processIdentifier)
let serverCPU = cpuSeconds(ofProcess: aggregator.processIdentifier).map { $0 - (serverCPUBefore ?? 0) }
let clientCPU = ownCPUSeconds() - clientCPUBefore
let machineBusyCores = machineCPU().flatMap { after in machineBefore.map { after.busyCores(since: $0) } }
let stopStatus = aggregator.stop()
guard stopStatus == 0 else { fail("the aggregator exited with status \(stopStatus) on SIGTERM") }

let latencies = results.flatMap(\.latencies).map { seconds($0) * 1000 }.sorted()
let committed = results.reduce(0) { $0 + $1.records }
let retries = results.reduce(0) { $0 + $1.retries }
guard committed == totalRecords, latencies.count == totalBatches else {
    fail("the clients saw \(latencies.count) batches and \(committed) records accepted, expected \(totalBatches)")
}
// What the clients were told must be what the store holds.
let statistics: StoreStatistics
do {
    statistics = try await SQLiteStore(path: aggregator.databasePath).statistics()
} catch {
    fail("cannot read the aggregator's store: \(error)")
}
guard statistics.batches == totalBatches, statistics.records == totalRecords else {
    fail(
        "the store holds \(statistics.batches) batches and \(statistics.records) records, expected \(totalBatches)"
            + " and \(totalRecords)")
}
let aggregatorRate = Double(totalRecords) / pushSeconds
emit(
    "aggregator records=\(totalRecords) batches=\(totalBatches) seconds=\(format(pushSeconds, 6))"
        + " records_per_second=\(format(aggregatorRate, 1))"
        + " batches_per_second=\(format(Double(totalBatches) / pushSeconds, 2))"
        + " p50_ms=\(format(percentile(latencies, 0.50), 2)) p99_ms=\(format(percentile(latencies, 0.99), 2))"
        + " max_ms=\(format(latencies.last ?? 0, 2)) retries=\(retries)"
        + " peak_rss_kib=\(peakRSS.map(String.init) ?? "unknown")"
        + " rss_before_push_kib=\(baselineRSS.map(String.init) ?? "unknown")"
        + " server_cpu_s=\(serverCPU.map { format($0, 3) } ?? "unknown") client_cpu_s=\(format(clientCPU, 3))"
        + " machine_busy_cores=\(machineBusyCores.map { format($0, 2) } ?? "unknown")")

// MARK: Where an ingest's CPU time goes, stage by stage on one core

let stageSample = min(batches, 10)
let stages: StageCosts
do {
    stages = try await measureStages(
        chain: chains[0], partnerKey: partners[0].key.publicKey, partnerID: partners[0].id, sample: stageSample,
        databasePath: ceilingDirectory + "/stages.sqlite")
} catch {
    fail("stage timing: \(error)")
}
for stage in stages.stages {
    emit(
        "stage name=\(stage.name.replacingOccurrences(of: " ", with: "_"))"
            + " us_per_record=\(format(stage.seconds / Double(stages.records) * 1e6, 3))"
            + " ms_per_batch=\(format(stage.seconds / Double(stages.batches) * 1e3, 3))")
}

// MARK: The ceiling: the sqlite3 command-line tool importing the same rows

let ceiling: CeilingResult
do {
    ceiling = try await measureCeiling(
        source: aggregator.databasePath, directory: ceilingDirectory, expectedRecords: totalRecords)
} catch {
    fail("ceiling: \(error)")
}
emit(
    "ceiling method=\(ceiling.method) records=\(totalRecords) seconds=\(format(ceiling.seconds, 6))"
        + " records_per_second=\(format(Double(totalRecords) / ceiling.seconds, 1))"
        + " sqlite3=\(ceiling.sqliteVersion.replacingOccurrences(of: " ", with: "_"))")
for candidate in ceiling.candidates {
    emit("# ceiling candidate \(candidate.method): \(format(candidate.seconds, 3)) s")
}
let ratio = aggregatorRate / (Double(totalRecords) / ceiling.seconds)
emit("ratio aggregator_over_ceiling=\(format(ratio, 3))")

// MARK: The table

let ceilingRate = Double(totalRecords) / ceiling.seconds
let columns = [("records/s", 10), ("batches/s", 9), ("p50 ms", 8), ("p99 ms", 8), ("max ms", 8), ("peak RSS", 9)]
func row(_ label: String, _ cells: [String]) -> String {
    "| " + label.padding(toLength: 36, withPad: " ", startingAt: 0) + " | "
        + zip(cells, columns).map { pad($0, $1.1) }.joined(separator: " | ") + " |"
}
emit("")
emit(row("\(totalRecords) records, \(clients) clients", columns.map(\.0)))
emit(
    row(
        "aggregator over HTTPS",
        [
            format(aggregatorRate, 0), format(Double(totalBatches) / pushSeconds, 1),
            format(percentile(latencies, 0.50), 1), format(percentile(latencies, 0.99), 1),
            format(latencies.last ?? 0, 1), peakRSS.map { "\($0 / 1024) MiB" } ?? "unknown",
        ]))
emit(
    row(
        "sqlite3 CLI import (\(ceiling.method))",
        [format(ceilingRate, 0), format(Double(totalBatches) / ceiling.seconds, 1), "-", "-", "-", "-"]))
emit(
    "aggregator/sqlite3 ratio: \(format(ratio, 2))x (target >= 0.5x: \(ratio >= 0.5 ? "met" : "not met"));"
        + " aggregator \(format(aggregatorRate, 0)) records/s (target >= 100000:"
        + " \(aggregatorRate >= 100_000 ? "met" : "not met"))")
emit("ceiling: \(ceiling.description), fastest of \(ceiling.candidates.count) runs")
// Where the push's CPU went: the server, the clients (this process: TLS and waiting), and the machine as a whole.
if let serverCPU {
    emit(
        "CPU during the push: aggregator \(format(serverCPU, 2)) s (\(format(serverCPU / pushSeconds, 2)) cores,"
            + " \(format(serverCPU / Double(totalRecords) * 1e6, 2)) us/record), clients \(format(clientCPU, 2)) s"
            + " (\(format(clientCPU / pushSeconds, 2)) cores)"
            + (machineBusyCores.map {
                "; machine busy \(format($0, 2)) of \(ProcessInfo.processInfo.activeProcessorCount) cores"
            } ?? ""))
}
let stageTotal = stages.stages.prefix(stages.summed).reduce(0) { $0 + $1.seconds }
emit("")
emit("in-process stage costs, one core, \(stages.batches) batches of \(records) records (no HTTP, TLS or scheduling):")
for (index, stage) in stages.stages.enumerated() {
    if index == stages.summed {
        emit(
            "  \("total".padding(toLength: 34, withPad: " ", startingAt: 0))"
                + " \(pad(format(stageTotal / Double(stages.records) * 1e6, 2), 7)) us/record"
                + " (\(format(Double(stages.records) / stageTotal, 0)) records/s on one core)")
        emit("  of which, or instead, timed apart:")
    }
    emit(
        "  \(stage.name.padding(toLength: 34, withPad: " ", startingAt: 0))"
            + " \(pad(format(stage.seconds / Double(stages.records) * 1e6, 2), 7)) us/record"
            + (index < stages.summed ? " \(pad(format(stage.seconds / stageTotal * 100, 1), 5)) %" : ""))
}

// MARK: Helpers

func fail(_ message: String, status: Int32 = 1) -> Never {
    FileHandle.standardError.write(Data("credence-bench-ingest: \(message)\n".utf8))
    exit(status)
}

/// Writes straight to the descriptor: `print` is fully buffered into a pipe, and the script shows progress.
func emit(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func seconds(_ duration: Duration) -> Double {
    let (whole, attoseconds) = duration.components
    return Double(whole) + Double(attoseconds) / 1e18
}

func format(_ value: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", value) }

func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
}

/// Nearest-rank percentile of sorted values.
func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    let rank = Int((fraction * Double(sorted.count)).rounded(.up))
    return sorted[min(max(rank, 1), sorted.count) - 1]
}

/// `VmHWM` (peak resident set size) of a running process, in KiB.
func peakRSSKiB(_ pid: Int32?) -> Int? {
    guard let pid, let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else {
        return nil
    }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        // "VmHWM:\t  123456 kB": a tab, then spaces.
        return Int(line.dropFirst("VmHWM:".count).split(whereSeparator: \.isWhitespace).first ?? "")
    }
    return nil
}

/// User plus system CPU time of a running process, in seconds (`/proc/<pid>/stat` fields 14 and 15).
func cpuSeconds(ofProcess pid: Int32?) -> Double? {
    guard let pid, let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
        let commandEnd = stat.lastIndex(of: ")")
    else { return nil }
    // Fields after the command name, which may hold spaces: state is field 3, utime 14, stime 15.
    let fields = stat[stat.index(after: commandEnd)...].split(separator: " ")
    guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
    return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
}

/// User plus system CPU time of this process (the clients), in seconds.
func ownCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

/// The machine's busy and total CPU time, from the first line of `/proc/stat`, in clock ticks.
struct MachineCPU {
    let busy: Double
    let total: Double

    /// Cores kept busy on average between `earlier` and this reading.
    func busyCores(since earlier: MachineCPU) -> Double {
        let cores = Double(ProcessInfo.processInfo.activeProcessorCount)
        return (busy - earlier.busy) / max(total - earlier.total, 1) * cores
    }
}

func machineCPU() -> MachineCPU? {
    guard let stat = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
        let line = stat.split(separator: "\n").first, line.hasPrefix("cpu ")
    else { return nil }
    let ticks = line.split(separator: " ").dropFirst().compactMap { Double($0) }
    guard ticks.count >= 5 else { return nil }
    // user nice system idle iowait irq softirq steal: idle and iowait are not busy.
    let total = ticks.prefix(8).reduce(0, +)
    return MachineCPU(busy: total - ticks[3] - ticks[4], total: total)
}

/// Registers a partner through the management command while the server runs, as an operator would.
func register(_ partner: SyntheticPartner, aggregator: AggregatorProcess, keyDirectory: String) throws {
    let keyFile = "\(keyDirectory)/\(partner.id).pub"
    try Data(partner.publicKeyPEM.utf8).write(to: URL(fileURLWithPath: keyFile))
    let result = try CommandRunner.run(
        "credence-aggregator",
        [
            "partner", "add", "--dir", aggregator.directory, "--id", partner.id, "--kind", partner.kind.rawValue,
            "--key", keyFile,
        ])
    guard result.status == 0 else { throw TestingError("partner add failed: \(result.stderr)") }
}
