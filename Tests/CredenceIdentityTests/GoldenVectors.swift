import Foundation

/// The shape of `protocol/vectors/identifiers.json`, decoded by ``GoldenVectorTests``.
struct GoldenVectors: Decodable {
    struct Key: Decodable {
        let hex: String
        let fingerprint: String
    }

    struct Token: Decodable, Sendable {
        let type: String
        let input: String
        let region: String?
        let normalized: String
        let token: String
    }

    struct Rejected: Decodable, Sendable {
        let type: String
        let input: String
        let region: String?
        let errorCode: String
    }

    struct Email: Decodable, Sendable {
        let input: String
        let normalized: String
        let matchKey: String
        let isRelay: Bool
    }

    struct Field<Input: Decodable & Sendable, Normal: Decodable & Sendable>: Decodable, Sendable {
        let input: Input
        let format: String?
        let normalized: Normal
        let features: [String]
        let base64url: String
        let popcount: Int
    }

    struct NameInput: Decodable, Sendable {
        let full: String?
        let given: String?
        let middle: String?
        let family: String?
    }

    struct Address: Decodable, Sendable {
        let line1, line2, city, region, postalCode, country: String
    }

    struct Person: Decodable, Sendable {
        let id: String
        let name: Field<NameInput, String>
        let birthDate: Field<String, String>
        let address: Field<Address, Address>
    }

    struct Comparison: Decodable, Sendable {
        let a: String
        let b: String
        let field: String
        let commonBits: Int
        let dice: Double
    }

    struct CLK: Decodable {
        let bits: Int
        let hashCounts: [String: Int]
        let fieldKeysHex: [String: String]
        let people: [Person]
        let comparisons: [Comparison]
    }

    let version: String
    let linkageKey: Key
    let tokens: [Token]
    let rejected: [Rejected]
    let emails: [Email]
    let clk: CLK

    /// `protocol/vectors/identifiers.json`, found from this file's path so the test runs from any directory.
    static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../protocol/vectors/identifiers.json").standardizedFileURL

    static let loaded: GoldenVectors = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try! decoder.decode(GoldenVectors.self, from: Data(contentsOf: url))
    }()
}
