import CredenceIdentity
import CredenceTesting

/// The test files of a test: a temporary directory, removed when released.
typealias TestFiles = TemporaryDirectory

extension TemporaryDirectory {
    /// The public test key of `protocol/vectors/identifiers.json` (SHA-256 of `credence/vectors/v1/linkage-key`).
    static let testKey = try! LinkageKey(
        fileContents: "b41cecf80beea2fc0443018aee9f3535f45ebf109b3be7ceeb867864b5177611")
}
