import AdapterKit
import CredenceStore
import CredenceTesting
import Foundation
import Testing

/// A partner can hand the adapter a whole export folder: its files are read in path order, hidden files
/// are skipped, and the folder given again is recognized file by file as already processed.
struct ExportFolderTests {
    @Test(.timeLimit(.minutes(3))) func aFolderStandsForTheFilesInIt() async throws {
        let harness = try await KitHarness(initArguments: ["--max-records", "10"])
        let folder = harness.url("exports")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("2026-11"), withIntermediateDirectories: true)
        try LineExport.write(folder.appendingPathComponent("2026-10.txt"), orders: 0..<5)
        try LineExport.write(folder.appendingPathComponent("2026-11/part-1.txt"), orders: 5..<9)
        try Data("not an export".utf8).write(to: folder.appendingPathComponent(".DS_Store"))

        let first = await harness.run(["backfill", "--dir", harness.directory, "--progress", "none", folder.path])
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput.contains("2 files (2 read, 0 already processed, 0 refused)"))
        #expect(try await harness.statistics().records == 18)

        let again = await harness.run(["backfill", "--dir", harness.directory, "--progress", "none", folder.path])
        #expect(again.status == 0)
        #expect(again.standardOutput.contains("2 files (0 read, 2 already processed, 0 refused)"))
        #expect(try await harness.statistics().records == 18)
    }
}
