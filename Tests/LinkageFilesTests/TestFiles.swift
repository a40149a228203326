import CredenceIdentity
import Foundation

/// A temporary directory of test files, removed when released.
final class TestFiles {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("linkage-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Writes `bytes` to a new file and returns its path.
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = path(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }

    func read(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }

    /// The public test key of `protocol/vectors/identifiers.json` (SHA-256 of `credence/vectors/v1/linkage-key`).
    static let testKey = try! LinkageKey(
        fileContents: "b41cecf80beea2fc0443018aee9f3535f45ebf109b3be7ceeb867864b5177611")
}
