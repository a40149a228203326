/// The X archive data types this project reads: the allow-list of partner-formats §3.2. Every other member
/// of an archive (posts, messages, likes, the social graph, the address book, inferred interests and age,
/// ad and IP data, media) is never opened.
///
/// A data type's content may be split into parts: part 0 is `data/<stem>.js` and assigns
/// `window.YTD.<global stem>.part0`; part N is `data/<stem>-partN.js` and assigns `...partN`.
///
/// ```swift
/// XArchiveDataType.phoneNumber.memberName(part: 0)   // "data/phone-number.js"
/// XArchiveDataType.phoneNumber.globalName(part: 1)   // "YTD.phone_number.part1"
/// XArchiveDataType.allowListed(memberName: "data/tweets.js")  // nil
/// ```
public enum XArchiveDataType: String, CaseIterable, Sendable, Hashable {
    case account
    case phoneNumber
    case emailAddressChange
    case screenNameChange
    /// The check mark: a subscription or legacy badge since 2023, never identity verification.
    case verified

    /// The data type's key under `dataTypes` in `manifest.js`.
    public var manifestKey: String { rawValue }

    /// The file name stem: hyphens, as in `data/email-address-change.js`.
    public var fileStem: String {
        switch self {
        case .account: "account"
        case .phoneNumber: "phone-number"
        case .emailAddressChange: "email-address-change"
        case .screenNameChange: "screen-name-change"
        case .verified: "verified"
        }
    }

    /// The JavaScript global's stem: underscores, as in `window.YTD.email_address_change.part0`.
    public var globalStem: String {
        switch self {
        case .account: "account"
        case .phoneNumber: "phone_number"
        case .emailAddressChange: "email_address_change"
        case .screenNameChange: "screen_name_change"
        case .verified: "verified"
        }
    }

    /// The archive member that holds `part` of this data type, relative to the archive root.
    public func memberName(part: Int) -> String {
        part == 0 ? "data/\(fileStem).js" : "data/\(fileStem)-part\(part).js"
    }

    /// The global that `part`'s file assigns, without `window.`.
    public func globalName(part: Int) -> String { "YTD.\(globalStem).part\(part)" }

    /// The allow-listed data type and part that a member name denotes, or nil for any other member: the
    /// one test every member passes before it is opened.
    public static func allowListed(memberName: String) -> (type: XArchiveDataType, part: Int)? {
        guard memberName.hasPrefix("data/"), memberName.hasSuffix(".js") else { return nil }
        let stem = memberName.dropFirst("data/".count).dropLast(".js".count)
        for type in allCases {
            if stem == type.fileStem { return (type, 0) }
            let partPrefix = type.fileStem + "-part"
            guard stem.hasPrefix(partPrefix) else { continue }
            let digits = stem.dropFirst(partPrefix.count)
            guard (1...6).contains(digits.count), digits.first != "0", digits.allSatisfy(\.isASCII),
                let part = Int(digits), part > 0
            else { return nil }
            return (type, part)
        }
        return nil
    }
}
