import Foundation
import Synchronization

/// Runs a built executable to completion and captures what it printed.
public enum CommandRunner {
    public struct Result: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
        public let stdoutBytes: [UInt8]
    }

    @discardableResult
    public static func run(
        _ executable: String, _ arguments: [String], stdin: [UInt8]? = nil, environment: [String: String]? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = ProductLocator.executable(executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let output = Pipe()
        let errors = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        if let stdin { PipeIO.writeAll(input.fileHandleForWriting, stdin) }
        try input.fileHandleForWriting.close()
        // Read stderr on another thread so that neither pipe can fill up and block the child.
        let stderrBox = ErrorOutput()
        let reader = Thread { stderrBox.data = PipeIO.readAll(errors.fileHandleForReading) }
        reader.start()
        let stdoutData = PipeIO.readAll(output.fileHandleForReading)
        process.waitUntilExit()
        while !stderrBox.done { usleep(1000) }
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrBox.data ?? Data(), as: UTF8.self), stdoutBytes: Array(stdoutData))
    }
}

/// Written by the reader thread, read by the caller once `done`.
extension CommandRunner {
    /// ``run(_:_:stdin:environment:)`` on a Dispatch thread, for async tests: waiting for a child process
    /// blocks its thread, and on a 2-core machine the Swift concurrency pool has only two, which a long
    /// child (a backfill, a simulation) would take from every other test running in parallel.
    public static func runOffPool(
        _ executable: String, _ arguments: [String], stdin: [UInt8]? = nil, environment: [String: String]? = nil
    ) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(
                    with: Swift.Result {
                        try run(executable, arguments, stdin: stdin, environment: environment)
                    })
            }
        }
    }
}

private final class ErrorOutput: Sendable {
    private let state = Mutex<(data: Data?, done: Bool)>((nil, false))

    var data: Data? {
        get { state.withLock { $0.data } }
        set { state.withLock { $0 = (newValue, true) } }
    }

    var done: Bool { state.withLock { $0.done } }
}
