import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A real `credence-aggregator` process serving HTTPS on a free loopback port, for tests and benchmarks.
///
/// ```swift
/// let aggregator = try AggregatorProcess.initialize(in: directory)
/// try aggregator.start()
/// // ... talk to aggregator.baseURL, trusting aggregator.caPEM ...
/// try aggregator.stop()   // SIGTERM, graceful
/// ```
public final class AggregatorProcess: Sendable {
    public let directory: String
    public let id: String
    private let state = Mutex<(process: Process?, baseURL: String)>((nil, ""))

    private var process: Process? { state.withLock { $0.process } }
    public var baseURL: String { state.withLock { $0.baseURL } }

    public init(directory: String, id: String) {
        self.directory = directory
        self.id = id
    }

    /// Runs `credence-aggregator init` into `directory`.
    public static func initialize(in directory: String, id: String = "agg-test") throws -> AggregatorProcess {
        let result = try CommandRunner.run(
            "credence-aggregator", ["init", "--dir", directory, "--id", id, "--listen", "127.0.0.1:0"])
        guard result.status == 0 else {
            throw TestingError("credence-aggregator init failed: \(result.stderr)")
        }
        return AggregatorProcess(directory: directory, id: id)
    }

    public var caPEM: String { (try? String(contentsOfFile: directory + "/ca.pem", encoding: .utf8)) ?? "" }
    public var adminToken: String {
        ((try? String(contentsOfFile: directory + "/admin.token", encoding: .utf8)) ?? "")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
    public var logPublicKeyPath: String { directory + "/log.pub" }
    public var databasePath: String { directory + "/aggregator.sqlite" }

    /// Starts `serve` and waits until it listens (it writes its URL to `DIR/listening`).
    public func start(listen: String = "127.0.0.1:0", arguments: [String] = [], environment: [String: String] = [:])
        throws
    {
        let listening = directory + "/listening"
        try? FileManager.default.removeItem(atPath: listening)
        let process = Process()
        process.executableURL = ProductLocator.executable("credence-aggregator")
        process.arguments = ["serve", "--dir", directory, "--listen", listen, "--log-level", "warning"] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        state.withLock { $0.process = process }
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if let url = try? String(contentsOfFile: listening, encoding: .utf8), url.hasSuffix("\n") {
                state.withLock { $0.baseURL = url.trimmingCharacters(in: .whitespacesAndNewlines) }
                return
            }
            guard process.isRunning else { throw TestingError("credence-aggregator exited during start") }
            usleep(20_000)
        }
        process.terminate()
        throw TestingError("credence-aggregator did not start listening within 30 s")
    }

    public var isRunning: Bool { process?.isRunning ?? false }

    /// The server's pid while it runs, for benchmarks that read its `/proc/<pid>/status` (peak RSS).
    public var processIdentifier: Int32? {
        guard let process, process.isRunning else { return nil }
        return process.processIdentifier
    }

    /// SIGTERM and wait: the graceful path. Returns the exit status.
    @discardableResult
    public func stop() -> Int32 {
        guard let process, process.isRunning else { return process?.terminationStatus ?? 0 }
        process.terminate()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// SIGKILL: no chance to finish anything.
    public func kill() {
        guard let process, process.isRunning else { return }
        Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    deinit { kill() }
}

/// A loopback TCP port that was free a moment ago (the kernel picked it), for servers that must come back
/// on the same port after a restart.
public func freeLoopbackPort() throws -> Int {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw TestingError("socket() failed") }
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
    }
    guard bound == 0 else { throw TestingError("bind() failed") }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let named = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    guard named == 0 else { throw TestingError("getsockname() failed") }
    return Int(UInt16(bigEndian: address.sin_port))
}

public struct TestingError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
