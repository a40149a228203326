public import CredenceProtocol

/// One dated change of the account's email (`data/email-address-change.js`) or handle
/// (`data/screen-name-change.js`). Only the date is used, for the tenure of the current identifier; the
/// old and new values are read for round trips and never sent.
///
/// ```swift
/// let change = XEmailAddressChange(accountID: "783214", changedAt: try Timestamp("2020-06-01T10:00:00Z"))
/// ```
public struct XIdentifierChange<Kind: XIdentifierChangeKind>: Sendable, Equatable {
    public var accountID: String
    public var changedAt: Timestamp
    public var changedFrom: String?
    public var changedTo: String?

    public init(accountID: String, changedAt: Timestamp, changedFrom: String? = nil, changedTo: String? = nil) {
        self.accountID = accountID
        self.changedAt = changedAt
        self.changedFrom = changedFrom
        self.changedTo = changedTo
    }
}

/// `data/email-address-change.js`: `{ "emailAddressChange": { "accountId", "emailChange": { ... } } }`.
public typealias XEmailAddressChange = XIdentifierChange<XEmailAddressChangeKind>

/// `data/screen-name-change.js`: `{ "screenNameChange": { "accountId", "screenNameChange": { ... } } }`.
public typealias XScreenNameChange = XIdentifierChange<XScreenNameChangeKind>

/// What tells the two change files apart: their data type and the members that wrap each change.
public protocol XIdentifierChangeKind: Sendable {
    static var dataType: XArchiveDataType { get }
    static var wrapperKey: String { get }
    static var changeKey: String { get }
}

public enum XEmailAddressChangeKind: XIdentifierChangeKind {
    public static let dataType = XArchiveDataType.emailAddressChange
    public static let wrapperKey = "emailAddressChange"
    public static let changeKey = "emailChange"
}

public enum XScreenNameChangeKind: XIdentifierChangeKind {
    public static let dataType = XArchiveDataType.screenNameChange
    public static let wrapperKey = "screenNameChange"
    public static let changeKey = "screenNameChange"
}

extension XIdentifierChange: XArchiveEntry {
    static var dataType: XArchiveDataType { Kind.dataType }
    static var wrapperKey: String { Kind.wrapperKey }
    var ownerAccountID: String? { accountID }

    init(entry: JSONValue, at pointer: JSONPointer) throws(SocialExportError) {
        let wrapper = try JSONFields(entry, at: pointer).requiredObject(Kind.wrapperKey)
        guard let accountID = try wrapper.identifier("accountId") else { throw wrapper.missing("accountId") }
        let change = try wrapper.requiredObject(Kind.changeKey)
        guard let changedAt = try change.isoTime("changedAt") else { throw change.missing("changedAt") }
        self.init(
            accountID: accountID, changedAt: changedAt, changedFrom: try change.string("changedFrom"),
            changedTo: try change.string("changedTo"))
    }

    var entry: JSONValue {
        .object([
            Kind.wrapperKey: .object([
                "accountId": .string(accountID),
                Kind.changeKey: .object([
                    "changedAt": .string(ExportTime.xArchiveText(changedAt)),
                    "changedFrom": .text(changedFrom),
                    "changedTo": .text(changedTo),
                ]),
            ])
        ])
    }
}
