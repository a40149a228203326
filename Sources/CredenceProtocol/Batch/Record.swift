/// One canonical record: who it is about (``subjects``) and one typed fact whose shape ``kind`` names.
public struct Record: Codable, Sendable, Equatable {
    /// Unique within the batch; lets a partner refer to the record in a dispute or correction.
    public var recordID: RawCode
    public var subjects: [SubjectReference]
    public var fact: Fact
    public var provenance: Provenance?

    public var kind: RecordKind { fact.kind }

    public enum Fact: Sendable, Equatable {
        case tradelineSnapshot(TradelineSnapshot)
        case tradelineEvent(TradelineEvent)
        case accountKeyChange(AccountKeyChange)
        case deletion(Deletion)
        case commerceEvent(CommerceEvent)
        case socialAccountFact(SocialAccountFact)

        public var kind: RecordKind {
            switch self {
            case .tradelineSnapshot: .tradelineSnapshot
            case .tradelineEvent: .tradelineEvent
            case .accountKeyChange: .accountKeyChange
            case .deletion: .deletion
            case .commerceEvent: .commerceEvent
            case .socialAccountFact: .socialAccountFact
            }
        }
    }

    /// Where in the partner's export the record came from, so a rejected or disputed record can be found.
    public struct Provenance: Codable, Sendable, Equatable {
        /// The export file's base name (never a path).
        public var file: RawCode?
        /// 1-based line, for line-oriented files.
        public var line: Int?
        /// 0-based byte offset, for framed files.
        public var offset: Int64?

        public init(file: RawCode? = nil, line: Int? = nil, offset: Int64? = nil) {
            self.file = file
            self.line = line
            self.offset = offset
        }
    }

    public init(recordID: RawCode, subjects: [SubjectReference], fact: Fact, provenance: Provenance? = nil) {
        self.recordID = recordID
        self.subjects = subjects
        self.fact = fact
        self.provenance = provenance
    }

    private enum CodingKeys: String, CodingKey {
        case recordID, kind, subjects, fact, provenance
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        recordID = try container.decode(RawCode.self, forKey: .recordID)
        subjects = try container.decode([SubjectReference].self, forKey: .subjects)
        provenance = try container.decodeIfPresent(Provenance.self, forKey: .provenance)
        switch try container.decode(RecordKind.self, forKey: .kind) {
        case .tradelineSnapshot: fact = .tradelineSnapshot(try container.decode(TradelineSnapshot.self, forKey: .fact))
        case .tradelineEvent: fact = .tradelineEvent(try container.decode(TradelineEvent.self, forKey: .fact))
        case .accountKeyChange: fact = .accountKeyChange(try container.decode(AccountKeyChange.self, forKey: .fact))
        case .deletion: fact = .deletion(try container.decode(Deletion.self, forKey: .fact))
        case .commerceEvent: fact = .commerceEvent(try container.decode(CommerceEvent.self, forKey: .fact))
        case .socialAccountFact:
            fact = .socialAccountFact(try container.decode(SocialAccountFact.self, forKey: .fact))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(recordID, forKey: .recordID)
        try container.encode(kind, forKey: .kind)
        try container.encode(subjects, forKey: .subjects)
        switch fact {
        case .tradelineSnapshot(let value): try container.encode(value, forKey: .fact)
        case .tradelineEvent(let value): try container.encode(value, forKey: .fact)
        case .accountKeyChange(let value): try container.encode(value, forKey: .fact)
        case .deletion(let value): try container.encode(value, forKey: .fact)
        case .commerceEvent(let value): try container.encode(value, forKey: .fact)
        case .socialAccountFact(let value): try container.encode(value, forKey: .fact)
        }
        try container.encodeIfPresent(provenance, forKey: .provenance)
    }

    func validate(at pointer: @autoclosure () -> JSONPointer, into errors: inout [ProtocolError]) {
        if subjects.isEmpty {
            errors.append(
                .init(
                    .schemaInvalid, "\(pointer())/subjects: needs at least one subject",
                    pointer: pointer().appending("subjects")))
        }
        for (index, subject) in subjects.enumerated() {
            subject.validate(at: pointer().appending("subjects").appending(index: index), into: &errors)
        }
        if let line = provenance?.line, line < 1 {
            errors.append(
                .init(
                    .schemaInvalid, "\(pointer())/provenance/line: starts at 1",
                    pointer: pointer().appending("provenance").appending("line")))
        }
        if let offset = provenance?.offset, offset < 0 {
            errors.append(
                .init(
                    .schemaInvalid, "\(pointer())/provenance/offset: must not be negative",
                    pointer: pointer().appending("provenance").appending("offset")))
        }
        // Pointers are built only for an error: a batch's records are validated by the thousand.
        switch fact {
        case .tradelineSnapshot(let value): value.validate(at: pointer().appending("fact"), into: &errors)
        case .tradelineEvent(let value): value.validate(at: pointer().appending("fact"), into: &errors)
        case .accountKeyChange(let value): value.validate(at: pointer().appending("fact"), into: &errors)
        case .deletion: break
        case .commerceEvent(let value): value.validate(at: pointer().appending("fact"), into: &errors)
        case .socialAccountFact(let value): value.validate(at: pointer().appending("fact"), into: &errors)
        }
    }
}
