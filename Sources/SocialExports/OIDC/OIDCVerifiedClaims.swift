public import CredenceProtocol

/// One OpenID Connect for Identity Assurance 1.0 `verified_claims` element: who verified which claims,
/// how, under which rules and when.
public struct OIDCVerifiedClaims: Sendable, Equatable {
    public var verification: OIDCVerification
    /// The claims the provider verified.
    public var claims: OIDCPersonClaims

    public init(verification: OIDCVerification, claims: OIDCPersonClaims) {
        self.verification = verification
        self.claims = claims
    }
}

/// The `verification` element: the trust framework and the evidence checked.
public struct OIDCVerification: Sendable, Equatable {
    /// The rules the verification followed (`de_aml`, `eidas`, `nist_800_63A`, `jp_aml`, ...).
    public var trustFramework: String
    public var assuranceLevel: String?
    /// When the verification was done.
    public var time: Timestamp?
    /// The provider's reference to the verification process.
    public var verificationProcess: String?
    public var evidence: [OIDCEvidence]

    public init(
        trustFramework: String, assuranceLevel: String? = nil, time: Timestamp? = nil,
        verificationProcess: String? = nil, evidence: [OIDCEvidence] = []
    ) {
        self.trustFramework = trustFramework
        self.assuranceLevel = assuranceLevel
        self.time = time
        self.verificationProcess = verificationProcess
        self.evidence = evidence
    }
}

/// One piece of evidence. Only what says how the person was verified is kept: the type, the checks, the
/// kind of document or record, the time. Document numbers, issuers' details and attachments are not read.
public struct OIDCEvidence: Sendable, Equatable {
    /// `document`, `electronic_record`, `vouch`, `electronic_signature` (IDA 1.0), or the earlier
    /// drafts' `id_document`, `utility_bill`, `qes`.
    public var type: String
    /// The earlier drafts' `method` of an `id_document`: `pipp`, `sripp`, `eid`, `uripp`.
    public var method: String?
    /// `document_details.type` (or the drafts' `document.type`): `idcard`, `passport`, ...
    public var documentType: String?
    /// `record.type` of an `electronic_record`: `bank_account`, `population_register`, ...
    public var recordType: String?
    public var time: Timestamp?
    public var checkDetails: [OIDCCheckDetail]

    public init(
        type: String, method: String? = nil, documentType: String? = nil, recordType: String? = nil,
        time: Timestamp? = nil, checkDetails: [OIDCCheckDetail] = []
    ) {
        self.type = type
        self.method = method
        self.documentType = documentType
        self.recordType = recordType
        self.time = time
        self.checkDetails = checkDetails
    }
}

/// One `check_details` element: a check method from the OpenID identifiers list (`vpip`, `vri`, `vdig`,
/// `vcrypt`, `data`, `auth`, `token`, `kbv`, `pvp`, `pvr`, `bvp`, `bvr`), and who did it when.
public struct OIDCCheckDetail: Sendable, Equatable {
    public var checkMethod: String
    public var organization: String?
    public var txn: String?
    public var time: Timestamp?

    public init(checkMethod: String, organization: String? = nil, txn: String? = nil, time: Timestamp? = nil) {
        self.checkMethod = checkMethod
        self.organization = organization
        self.txn = txn
        self.time = time
    }
}
