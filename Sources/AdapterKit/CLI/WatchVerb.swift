import ArgumentParser
import Foundation
import ServiceLifecycle

struct WatchVerb: AdapterVerb {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Process each new file of a drop directory once, pushing as it goes, until SIGTERM or SIGINT.",
        discussion: """
            A file is taken once its size and time are unchanged between two listings (write elsewhere and \
            rename, or name it *.tmp or *.part while writing). A partial batch is sealed after \
            --max-batch-age seconds. On SIGTERM/SIGINT the reader finishes its unit and seals what it holds, \
            the pusher finishes its request, and the process exits 0. Retries never give up in this mode.
            """)

    @OptionGroup var options: RunOptions

    @Argument(help: "The drop directory.")
    var dropDirectory: String

    func execute(_ context: ProgramContext) async throws {
        let (directory, logger) = try options.open(context)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dropDirectory, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw AdapterError(.usage, "the drop directory '\(dropDirectory)' does not exist")
        }
        try await AdapterRuntime.with(directory: directory, reader: context.reader, logger: logger) { runtime in
            try await runtime.watchGroup(dropDirectory: URL(fileURLWithPath: dropDirectory)).run()
        }
    }
}
