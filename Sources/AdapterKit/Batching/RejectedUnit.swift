public import AdapterCore
import Foundation

/// One quarantined source unit, as a line of `DIR/rejects/<file>.rejects.jsonl`: where it is and why it
/// was refused, in the partner's terms. Never the unit's content: a reader's reason names fields and the
/// expected form, not personal identifiers.
public struct RejectedUnit: Sendable, Equatable, Codable {
    public var file: String
    public var fileSHA256: String
    public var line: Int?
    public var offset: Int64?
    public var ordinal: Int
    public var reason: String

    public init(file: SourceFileIdentity, position: SourcePosition, reason: String) {
        self.file = file.name
        self.fileSHA256 = file.contentSHA256
        self.line = position.line
        self.offset = position.offset
        self.ordinal = position.ordinal
        self.reason = reason
    }

    init(file: String, fileSHA256: String, line: Int?, offset: Int64?, ordinal: Int, reason: String) {
        self.file = file
        self.fileSHA256 = fileSHA256
        self.line = line
        self.offset = offset
        self.ordinal = ordinal
        self.reason = reason
    }

    var identity: SourceFileIdentity { SourceFileIdentity(contentSHA256: fileSHA256, name: file) }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// One JSON line, newline included.
    func jsonLine() -> [UInt8] {
        // Strings and integers only: encoding cannot fail.
        Array(try! Self.encoder.encode(self)) + [0x0A]
    }
}
