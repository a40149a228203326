import ArgumentParser
import CredenceIdentity
import Foundation

struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Normalize one identifier and print its keyed token.",
        discussion: """
            The token is HMAC-SHA256(linkage key, TYPE 0x00 normalized-value) in base64url without padding,
            exactly as adapters compute it (protocol/identifiers.md). Types: \
            \(TokenType.allCases.map(\.rawValue).joined(separator: ", ")).
            """
    )

    @Option(help: "The federation linkage key file.")
    var linkageKey: String

    @Option(name: .long, help: "The identifier type.")
    var type: String

    @Option(help: "Default phone region (ISO 3166 alpha-2: CN, US, CA) for numbers written without +CC.")
    var region: String?

    @Flag(help: "Print the type, normalized value and token as JSON.")
    var json = false

    @Argument(help: "The raw identifier value.")
    var value: String

    func run() throws {
        guard let tokenType = TokenType(rawValue: type) else {
            throw CLIFailure.usage(
                "error: unknown --type '\(type)'; one of: \(TokenType.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        var phoneRegion: PhoneRegion?
        if let region {
            guard let parsed = PhoneRegion(isoCode: region) else {
                throw CLIFailure.usage(
                    "error: unknown --region '\(region)'; one of: \(PhoneRegion.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            phoneRegion = parsed
        }
        let key = try LinkageKeyFile.load(linkageKey)
        let normalized: String
        do {
            normalized = try IdentifierNormalizer.normalize(value, as: tokenType, defaultRegion: phoneRegion)
        } catch {
            throw CLIFailure.rejected("invalid \(tokenType.rawValue): \(error)")
        }
        let token = IdentifierTokenizer(key: key).token(tokenType, normalized: normalized)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let output = ["type": tokenType.rawValue, "normalized": normalized, "token": token]
            print(String(decoding: try encoder.encode(output), as: UTF8.self))
        } else {
            print(token)
        }
    }
}
