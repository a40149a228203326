import CredencePrimitives
import CredenceProtocol
import Foundation

/// Simulates one chunk of people end to end: each person's relationships with the partners, the export
/// units those produce, the ground truth beside them and the default outcome after the period.
struct ChunkBuilder {
    let context: SimulationContext
    let chunk: Int
    let people: [Person]
    let firstIndex: Int
    var output: ChunkOutput
    /// Hard cases per person of the chunk, from every unit exported about them (including units about
    /// someone else's account that name them).
    var personCases: [HardCaseSet]
    private var truthOrder: [TruthRecord] = []
    private var truthCases: [TruthRecord: HardCaseSet] = [:]
    /// What the export says about each partner key, from the first unit naming the key, in the order of
    /// ``truthOrder`` (a key naming two people keeps the first person's statement).
    private var subjectStatements: [(record: TruthRecord, statement: SubjectStatement)] = []
    private var statedKeys: Set<SubjectKey> = []

    private struct SubjectKey: Hashable {
        let partnerOrdinal: Int
        let localKey: String
    }

    init(context: SimulationContext, chunk: Int) {
        self.context = context
        self.chunk = chunk
        let range = context.range(ofChunk: chunk)
        firstIndex = range.lowerBound
        people = context.population.people(in: range, chunk: chunk)
        output = ChunkOutput(index: chunk, layout: context.layout)
        personCases = Array(repeating: HardCaseSet(), count: people.count)
    }

    /// Builds the chunk's output. X archives are written to their own files as they are made.
    mutating func build() throws(SimulationError) -> ChunkOutput {
        for person in people {
            for partner in PartnerCatalog.partners where context.membership.isCustomer(person, of: partner) {
                guard let since = context.membership.since(person, at: partner) else { continue }
                switch partner.layout {
                case .metro2NewlineDelimited, .metro2RecordDescriptorWords:
                    simulateLending(person, at: partner, since: since)
                case .shopifyJSONLines:
                    simulateShopify(person, at: partner, since: since)
                case .stripeJSONLines:
                    simulateStripe(person, at: partner, since: since)
                case .xArchiveZips:
                    try simulateXArchive(person, at: partner, since: since)
                case .oidcClaimsJSONLines:
                    simulateOIDC(person, at: partner, since: since)
                }
            }
        }
        finish()
        return output
    }

    // MARK: Recording

    /// Records that a valid unit of `partner` names `person` under `localKey`, with the view's noise, and
    /// what the unit says about them (evaluated for the first unit of a key only).
    mutating func recordTruth(
        partner: SimulatedPartner, localKey: String, person: Person, noise: HardCaseSet,
        statement: @autoclosure () -> SubjectStatement
    ) {
        let record = TruthRecord(partnerOrdinal: partner.ordinal, localKey: localKey, personIndex: person.index)
        if let existing = truthCases[record] {
            truthCases[record] = existing.union(noise)
        } else {
            truthOrder.append(record)
            truthCases[record] = noise
            if statedKeys.insert(SubjectKey(partnerOrdinal: partner.ordinal, localKey: localKey)).inserted {
                subjectStatements.append((record, statement()))
            }
        }
        personCases[person.index - firstIndex].formUnion(noise)
    }

    /// Records a deliberately invalid unit.
    mutating func recordInvalid(
        _ file: InvalidUnit.File, unit: Int, byteOffset: Int = 0, partner: SimulatedPartner, person: Person,
        defect: String
    ) {
        output.invalidUnits.append(
            InvalidUnit(
                file: file, unit: unit, byteOffset: byteOffset, partner: partner, personIndex: person.index,
                defect: defect))
        personCases[person.index - firstIndex].insert(.invalidRow)
        output.statistics.invalidUnitsByPartner[partner.id.rawValue, default: 0] += 1
    }

    mutating func countUnit(of partner: SimulatedPartner, _ count: Int = 1) {
        output.statistics.unitsByPartner[partner.id.rawValue, default: 0] += count
    }

    /// Draws whether the next unit is one of the deliberately invalid ones.
    func drawsInvalidUnit(using random: inout SplitMix64) -> Bool {
        random.chance(SimulationContext.invalidUnitRate)
    }

    /// The people of a person's household, the person included: households are contiguous, start with
    /// their head and never cross chunks.
    func householdMembers(of person: Person) -> ArraySlice<Person> {
        let start = person.householdIndex - firstIndex
        return people[start..<(start + person.householdSize)]
    }

    func person(at index: Int) -> Person { people[index - firstIndex] }

    // MARK: Truth

    private mutating func finish() {
        var statistics = output.statistics
        for record in truthOrder {
            let partner = PartnerCatalog.partners[record.partnerOrdinal]
            output.recordsCSV += CSVLine.line([
                partner.id.rawValue, record.localKey, PersonIdentifiers.personID(record.personIndex),
                truthCases[record]!.text,
            ])
            statistics.truthRecordsByPartner[partner.id.rawValue, default: 0] += 1
        }
        for (record, statement) in subjectStatements {
            let partner = PartnerCatalog.partners[record.partnerOrdinal]
            let line = CSVLine.line(
                [partner.id.rawValue, record.localKey, PersonIdentifiers.personID(record.personIndex)]
                    + statement.fields + [truthCases[record]!.text])
            let shared = LocalKeys.mayNameSeveralPeople(record.localKey, kind: partner.kind)
            output.subjectLines.append(
                SubjectLine(sharedKey: shared ? partner.id.rawValue + " " + record.localKey : nil, bytes: line))
        }
        for (offset, person) in people.enumerated() {
            var line = CSVLine()
            line.add(person.personID)
            line.add(person.householdID)
            line.add(person.householdSize)
            line.add(person.nationality.rawValue)
            line.add(person.sex.rawValue)
            line.add(person.birthDate.year)
            for hardCase in HardCase.allCases {
                let present = personCases[offset].contains(hardCase)
                line.add(present ? "1" : "0")
                if present { statistics.peopleByHardCase[hardCase.rawValue, default: 0] += 1 }
            }
            output.peopleCSV += line.line
            let probability = RiskModel.defaultProbability(person.latentRisk)
            var random = SplitMix64(seed: context.configuration.seed, stream: .outcome, index: UInt64(person.index))
            let defaulted = random.chance(probability)
            output.outcomesCSV += CSVLine.line([
                person.personID, Self.decimal(probability), defaulted ? "1" : "0",
            ])
            statistics.people += 1
            if person.index == person.householdIndex { statistics.households += 1 }
            if defaulted { statistics.defaults += 1 }
            statistics.peopleByNationality[person.nationality.rawValue, default: 0] += 1
        }
        output.statistics = statistics
    }

    /// Six decimals, without locale or exponent (`0.081234`).
    static func decimal(_ value: Double) -> String {
        let scaled = Int((value * 1_000_000).rounded())
        return "\(scaled / 1_000_000).\(SimulationDay.padded(scaled % 1_000_000, 6))"
    }
}
