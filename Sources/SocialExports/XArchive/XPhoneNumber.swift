import CredenceProtocol

/// `data/phone-number.js`: a phone number on the account, already in E.164 form, with no verified flag.
public struct XPhoneNumber: Sendable, Equatable {
    public var phoneNumber: String

    public init(phoneNumber: String) {
        self.phoneNumber = phoneNumber
    }
}

extension XPhoneNumber: XArchiveEntry {
    static let dataType = XArchiveDataType.phoneNumber
    static let wrapperKey = "device"
    var ownerAccountID: String? { nil }

    init(entry: JSONValue, at pointer: JSONPointer) throws(SocialExportError) {
        let device = try JSONFields(entry, at: pointer).requiredObject(Self.wrapperKey)
        self.init(phoneNumber: try device.requiredString("phoneNumber"))
    }

    var entry: JSONValue { .object(["device": .object(["phoneNumber": .text(phoneNumber)])]) }
}
