public import CredenceProtocol

/// What this project takes from an X (Twitter) account archive: the manifest's owner and generation date,
/// and the allow-listed data types only. Nothing else of the archive is ever read into it.
///
/// ```swift
/// var reader = try XArchiveReader(url: URL(fileURLWithPath: "twitter-2026-10-30-a1b2c3.zip"))
/// let archive = try reader.read()
/// archive.account?.createdAt      // 2012-04-27T17:35:40Z
/// reader.openedMembers            // ["data/manifest.js", "data/account.js", ...]
/// ```
public struct XArchive: Sendable, Equatable {
    /// `manifest.js` `userInfo.accountId`: whose archive this is. Every allow-listed entry names it.
    public var accountID: String
    /// `manifest.js` `userInfo.userName` (the handle).
    public var userName: String?
    /// `manifest.js` `userInfo.displayName`.
    public var displayName: String?
    /// `manifest.js` `archiveInfo.generationDate`: when X made the archive; the records' `observed_at`.
    public var generationDate: Timestamp
    /// `manifest.js` `archiveInfo.isPartialArchive`.
    public var isPartialArchive: Bool
    /// `account.js`; nil when the archive has no such member.
    public var account: XAccount?
    public var phoneNumbers: [XPhoneNumber]
    public var emailAddressChanges: [XEmailAddressChange]
    public var screenNameChanges: [XScreenNameChange]
    /// `verified.js`: the check mark, never identity verification.
    public var verifiedBadge: XVerifiedBadge?

    public init(
        accountID: String, userName: String? = nil, displayName: String? = nil, generationDate: Timestamp,
        isPartialArchive: Bool = false, account: XAccount? = nil, phoneNumbers: [XPhoneNumber] = [],
        emailAddressChanges: [XEmailAddressChange] = [], screenNameChanges: [XScreenNameChange] = [],
        verifiedBadge: XVerifiedBadge? = nil
    ) {
        self.accountID = accountID
        self.userName = userName
        self.displayName = displayName
        self.generationDate = generationDate
        self.isPartialArchive = isPartialArchive
        self.account = account
        self.phoneNumbers = phoneNumbers
        self.emailAddressChanges = emailAddressChanges
        self.screenNameChanges = screenNameChanges
        self.verifiedBadge = verifiedBadge
    }
}
