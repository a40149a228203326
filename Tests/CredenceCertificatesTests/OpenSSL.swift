import CredenceTesting
import Foundation

/// Runs the `openssl` command line, the independent implementation the certificates are checked against.
enum OpenSSL {
    struct Result {
        let status: Int32
        /// Standard output and standard error together.
        let output: String
    }

    /// A started `openssl` process with its pipes.
    struct Running {
        let process: Process
        /// Standard output and standard error together.
        let output: Pipe
        let input: Pipe
    }

    /// The `openssl` executable on `PATH`, or nil when it is not installed (scripts/setup installs it).
    static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/openssl" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }()

    static var isInstalled: Bool { executable != nil }

    /// Runs `openssl arguments...` in `directory`, feeding it `input`, and waits for it.
    @discardableResult
    static func run(_ arguments: [String], in directory: TemporaryDirectory, input: String = "") throws -> Result {
        let running = try start(arguments, in: directory)
        running.input.fileHandleForWriting.write(Data(input.utf8))
        try running.input.fileHandleForWriting.close()
        let data = PipeIO.readAll(running.output.fileHandleForReading)
        running.process.waitUntilExit()
        return Result(status: running.process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    /// Starts `openssl arguments...` in `directory`.
    static func start(_ arguments: [String], in directory: TemporaryDirectory) throws -> Running {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable ?? "/usr/bin/openssl")
        process.arguments = arguments
        process.currentDirectoryURL = directory.url
        let output = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = input
        try process.run()
        return Running(process: process, output: output, input: input)
    }
}
