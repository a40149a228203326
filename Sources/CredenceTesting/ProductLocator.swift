public import Foundation

/// Finds the executables SwiftPM built next to the running test bundle or benchmark.
public enum ProductLocator {
    /// The directory holding the built products (`.build/<triple>/debug`), overridable with
    /// `CREDENCE_BIN_DIR`.
    public static let directory: URL = {
        if let override = ProcessInfo.processInfo.environment["CREDENCE_BIN_DIR"] {
            return URL(fileURLWithPath: override)
        }
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
        ]
        return candidates.first {
            FileManager.default.isExecutableFile(atPath: $0.appendingPathComponent("credence").path)
        }
            ?? candidates[0]
    }()

    public static func executable(_ name: String) -> URL { directory.appendingPathComponent(name) }
}

/// A fresh temporary directory, removed when released.
public final class TemporaryDirectory: Sendable {
    public let url: URL

    public init(prefix: String = "credence") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `bytes` to a new file in the directory and returns its path.
    @discardableResult
    public func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = path(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Writes `text` as UTF-8 to a new file in the directory and returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }

    /// The UTF-8 text of a file in the directory.
    public func read(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }

    deinit { try? FileManager.default.removeItem(at: url) }
}
