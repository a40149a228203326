/// A furnisher changed an account's key (Metro 2 L1 segment): old and new keys name one account.
public struct AccountKeyChange: Codable, Sendable, Equatable {
    public var furnisherID: RawCode
    public var oldAccountKey: Token
    public var newAccountKey: Token?
    public var newFurnisherID: RawCode?

    public init(furnisherID: RawCode, oldAccountKey: Token, newAccountKey: Token? = nil, newFurnisherID: RawCode? = nil)
    {
        self.furnisherID = furnisherID
        self.oldAccountKey = oldAccountKey
        self.newAccountKey = newAccountKey
        self.newFurnisherID = newFurnisherID
    }

    func validate(at pointer: @autoclosure () -> JSONPointer, into errors: inout [ProtocolError]) {
        if newAccountKey == nil && newFurnisherID == nil {
            errors.append(
                .init(.schemaInvalid, "\(pointer()): needs new_account_key or new_furnisher_id", pointer: pointer()))
        }
    }
}

/// A furnisher deletes an account (Metro 2 status DA / DF) or one consumer from it (ECOA Z).
public struct Deletion: Codable, Sendable, Equatable {
    public var furnisherID: RawCode
    public var accountKey: Token
    public var scope: Scope
    public var reason: Reason
    public var reasonRaw: RawCode

    public init(furnisherID: RawCode, accountKey: Token, scope: Scope, reason: Reason, reasonRaw: RawCode) {
        self.furnisherID = furnisherID
        self.accountKey = accountKey
        self.scope = scope
        self.reason = reason
        self.reasonRaw = reasonRaw
    }

    public enum Scope: String, Codable, Sendable {
        case account
        case subjectOnAccount = "subject_on_account"
    }

    public enum Reason: String, Codable, Sendable {
        /// Reported in error (DA).
        case error
        /// Confirmed fraud (DF): the history is purged from the consumer's file.
        case fraud
        /// The consumer was removed from the account (ECOA Z).
        case consumerRemoved = "consumer_removed"
    }
}
