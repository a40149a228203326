import AdapterCore
import CSVFiles
import CredenceIdentity
import CredenceProtocol

/// The mapped cells of one data row, in the mapping's assignment order.
public struct MappedRow: Sendable {
    /// Position among all rows of the run (left file first), which is also the output order.
    public let index: Int
    public let line: Int
    public let id: String
    public let values: [String]

    init(index: Int, line: Int, id: String, values: [String]) {
        self.index = index
        self.line = line
        self.id = id
        self.values = values
    }
}

/// Turns a mapped row into what an adapter would send for that person: it builds the ``RawSubject`` an adapter
/// builds and has ``RecordContext`` tokenize and encode it, so `credence link` and the federation compare
/// exactly the same encodings. Values that do not normalize are left out of the row and counted, never shown.
struct SubjectEncoder: Sendable {
    /// One context per phone region: a row's `country` picks the region its phones are read in.
    private let contexts: [PhoneRegion?: RecordContext]
    private let defaultRegion: PhoneRegion?
    private let dateFormat: BirthDateFormat?
    /// For each field, its positions in ``MappedRow/values``.
    private let slots: [LinkField: [Int]]

    init(
        mapping: ColumnMapping, source: PartnerID, linkageKey: LinkageKey, defaultRegion: PhoneRegion?,
        dateFormat: BirthDateFormat?
    ) {
        var contexts: [PhoneRegion?: RecordContext] = [:]
        for region in [nil] + PhoneRegion.allCases.map(Optional.some) {
            contexts[region] = RecordContext(partnerID: source, linkageKey: linkageKey, defaultRegion: region)
        }
        self.contexts = contexts
        self.defaultRegion = defaultRegion
        self.dateFormat = dateFormat
        var slots: [LinkField: [Int]] = [:]
        for (position, assignment) in mapping.assignments.enumerated() {
            slots[assignment.field, default: []].append(position)
        }
        self.slots = slots
    }

    /// The row's subject: tokens and Bloom-filter encodings only. Throws only when the id itself cannot be
    /// made into a subject key (a control character).
    func encode(_ row: MappedRow, into statistics: inout EncodingStatistics) throws(IdentifierError)
        -> SubjectReference
    {
        statistics.rows += 1
        let country = usableCountry(row, &statistics)
        let phoneRegion = country.flatMap { PhoneRegion(isoCode: $0) } ?? defaultRegion
        var raw = RawSubject(localKey: row.id)
        raw.name = name(row)
        raw.address = address(row, country: country ?? "")
        raw.birthDate = birthDate(row, &statistics)
        for value in values(.nationalID, row) {
            switch NationalIDKind.detect(value) {
            case .success(let type):
                statistics[.nationalID].present += 1
                statistics[.nationalID].presentByType[type.rawValue, default: 0] += 1
                raw.identifiers.append(RawIdentifier(type, value, whenInvalid: .omit))
            case .failure(let error): statistics[.nationalID].omit(error.code.rawValue)
            }
        }
        let phones = values(.phone, row)
        let emails = values(.email, row)
        raw.identifiers += phones.map { RawIdentifier(.phoneE164, $0, whenInvalid: .omit) }
        raw.identifiers += emails.map { RawIdentifier(.email, $0, whenInvalid: .omit) }
        let subject = try contexts[phoneRegion]!.subject(raw)

        // The context leaves out what does not normalize (a name of punctuation only, a phone without region, a
        // relay email), silently: count it from what came out.
        if raw.name != nil { count(.name, encoded: subject.encodings?.name != nil, &statistics) }
        if raw.address != nil { count(.address, encoded: subject.encodings?.address != nil, &statistics) }
        count(.phone, phones, tokens: subject.identifiers.count(where: { $0.type == .phoneE164 }), &statistics) {
            phone throws(IdentifierError) in
            _ = try PhoneNumberNormalizer.normalize(phone, defaultRegion: phoneRegion)
            return true
        }
        count(.email, emails, tokens: subject.identifiers.count(where: { $0.type == .email }), &statistics) {
            email throws(IdentifierError) in !(try EmailNormalizer.normalize(email).isRelay)
        }
        return subject
    }

    /// Counts the values of a strong identifier. When the context made one token per value, every value was
    /// used; otherwise (some value failed, was a relay address, or repeated another) each value is normalized
    /// again to find out which, so the common case costs nothing. `isUsable` is false for a value adapters
    /// deliberately leave out (a relay address) and throws the normalizer's error for an unusable one.
    private func count(
        _ element: EncodedElement, _ values: [String], tokens: Int, _ statistics: inout EncodingStatistics,
        isUsable: (String) throws(IdentifierError) -> Bool
    ) {
        guard tokens != values.count else {
            statistics[element].present += values.count
            return
        }
        for value in values {
            do {
                if try isUsable(value) {
                    statistics[element].present += 1
                } else {
                    statistics[element].omit("relay_address")
                }
            } catch {
                statistics[element].omit(error.code.rawValue)
            }
        }
    }

    private func count(_ element: EncodedElement, encoded: Bool, _ statistics: inout EncodingStatistics) {
        if encoded {
            statistics[element].present += 1
        } else {
            statistics[element].omit(IdentifierError.Code.empty.rawValue)
        }
    }

    /// The non-blank values of a field, in column order.
    private func values(_ field: LinkField, _ row: MappedRow) -> [String] {
        (slots[field] ?? []).map { row.values[$0] }.filter { !Self.isBlank($0) }
    }

    /// The first non-blank value of a field.
    private func value(_ field: LinkField, _ row: MappedRow) -> String? {
        for slot in slots[field] ?? [] where !Self.isBlank(row.values[slot]) { return row.values[slot] }
        return nil
    }

    /// Whether a cell is empty or white space only.
    static func isBlank(_ text: String) -> Bool {
        for byte in text.utf8 {
            if byte >= 0x80 { return text.unicodeScalars.allSatisfy(\.properties.isWhitespace) }
            // The ASCII white space: tab, LF, VT, FF, CR and space.
            if byte != UInt8(ascii: " ") && !(0x09...0x0D).contains(byte) { return false }
        }
        return true
    }

    /// The country as adapters normalize it (alpha-3 of common markets mapped), or nil when absent or unusable.
    private func usableCountry(_ row: MappedRow, _ statistics: inout EncodingStatistics) -> String? {
        guard let raw = value(.country, row) else { return nil }
        do {
            let country = try PostalAddress(country: raw).normalized().country
            statistics[.country].present += 1
            return country
        } catch {
            statistics[.country].omit(error.code.rawValue)
            return nil
        }
    }

    /// Given and family names when both are there (CJK order is then handled by the encoder), else the full
    /// name, else whichever part there is.
    private func name(_ row: MappedRow) -> RawName? {
        let given = value(.givenName, row)
        let family = value(.familyName, row)
        if let given, let family { return .parts(given: given, middle: nil, family: family) }
        if let full = value(.fullName, row) { return .full(full) }
        if given == nil && family == nil { return nil }
        return .parts(given: given ?? "", middle: nil, family: family ?? "")
    }

    private func address(_ row: MappedRow, country: String) -> PostalAddress? {
        let street = value(.addressLine1, row) ?? ""
        var line1 = street
        if let number = value(.streetNumber, row) {
            // A house number kept in its own column goes where the file's script puts it: `12 Elm St`, but
            // `建国路88号` (CJK addresses run large to small, like CJK names run family to given).
            line1 = street.isEmpty ? number : BloomEncoder.fullName(given: number, family: street)
        }
        let address = PostalAddress(
            line1: line1, line2: value(.addressLine2, row) ?? "", city: value(.city, row) ?? "",
            region: value(.region, row) ?? "", postalCode: value(.postalCode, row) ?? "", country: country)
        return address == PostalAddress() ? nil : address
    }

    private func birthDate(_ row: MappedRow, _ statistics: inout EncodingStatistics) -> BirthDate? {
        guard let raw = value(.birthDate, row) else { return nil }
        do {
            let date = try BirthDateFormat.parse(raw, format: dateFormat)
            statistics[.birthDate].present += 1
            return date
        } catch {
            statistics[.birthDate].omit(error.code.rawValue)
            return nil
        }
    }
}

/// Which national identifier a `national_id` cell holds, decided by the normalizers' own validation: a
/// GB 11643 number (PRC resident ID, 18 characters or the legacy 15 digits) is `cn_ric`, a valid Social
/// Security Number (9 digits, dashes allowed) is `us_ssn`. The two cannot both validate (9 versus 15/18).
enum NationalIDKind {
    static func detect(_ value: String) -> Result<TokenType, IdentifierError> {
        do {
            _ = try PRCResidentID.normalize(value)
            return .success(.cnRIC)
        } catch let residentIDError {
            do {
                _ = try USSocialSecurityNumber.normalize(value)
                return .success(.usSSN)
            } catch {
                // Report the error of the scheme the value looks like: long values are meant as resident IDs.
                let characters = value.unicodeScalars.count(where: {
                    $0.properties.isAlphabetic || $0.properties.numericType != nil
                })
                return .failure(characters >= 12 ? residentIDError : error)
            }
        }
    }
}
