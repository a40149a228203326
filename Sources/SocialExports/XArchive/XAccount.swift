public import CredenceProtocol

/// `data/account.js`: the account's id, handle, display name, current email and creation time.
///
/// The email is the current address, not proof that the holder controls it: X exports no verified flag.
public struct XAccount: Sendable, Equatable {
    public var accountID: String
    /// The handle (`username`), for linkage only.
    public var username: String?
    /// The display name, for linkage only and never scored.
    public var displayName: String?
    public var email: String?
    public var createdAt: Timestamp?
    /// The client the account was created with (`web`, ...); read for round trips, never used.
    public var createdVia: String?

    public init(
        accountID: String, username: String? = nil, displayName: String? = nil, email: String? = nil,
        createdAt: Timestamp? = nil, createdVia: String? = nil
    ) {
        self.accountID = accountID
        self.username = username
        self.displayName = displayName
        self.email = email
        self.createdAt = createdAt
        self.createdVia = createdVia
    }
}

extension XAccount: XArchiveEntry {
    static let dataType = XArchiveDataType.account
    static let wrapperKey = "account"
    var ownerAccountID: String? { accountID }

    init(entry: JSONValue, at pointer: JSONPointer) throws(SocialExportError) {
        let account = try JSONFields(entry, at: pointer).requiredObject(Self.wrapperKey)
        guard let accountID = try account.identifier("accountId") else { throw account.missing("accountId") }
        self.init(
            accountID: accountID, username: try account.string("username"),
            displayName: try account.string("accountDisplayName"), email: try account.string("email"),
            createdAt: try account.isoTime("createdAt"), createdVia: try account.string("createdVia"))
    }

    var entry: JSONValue {
        .object([
            "account": .object([
                "email": .text(email),
                "createdVia": .text(createdVia),
                "username": .text(username),
                "accountId": .text(accountID),
                "createdAt": createdAt.map { .string(ExportTime.xArchiveText($0)) },
                "accountDisplayName": .text(displayName),
            ])
        ])
    }
}
