import CredenceProtocol

/// `data/verified.js`: whether the account shows X's check mark. Since 2023 the mark comes with a paid
/// subscription (before, it was a legacy badge): it says nothing about who holds the account, and this
/// project records it apart from identity verification.
public struct XVerifiedBadge: Sendable, Equatable {
    public var accountID: String
    public var verified: Bool

    public init(accountID: String, verified: Bool) {
        self.accountID = accountID
        self.verified = verified
    }
}

extension XVerifiedBadge: XArchiveEntry {
    static let dataType = XArchiveDataType.verified
    static let wrapperKey = "verified"
    var ownerAccountID: String? { accountID }

    init(entry: JSONValue, at pointer: JSONPointer) throws(SocialExportError) {
        let wrapper = try JSONFields(entry, at: pointer).requiredObject(Self.wrapperKey)
        guard let accountID = try wrapper.identifier("accountId") else { throw wrapper.missing("accountId") }
        guard let verified = try wrapper.bool("verified") else { throw wrapper.missing("verified") }
        self.init(accountID: accountID, verified: verified)
    }

    var entry: JSONValue {
        .object(["verified": .object(["accountId": .text(accountID), "verified": .flag(verified)])])
    }
}
