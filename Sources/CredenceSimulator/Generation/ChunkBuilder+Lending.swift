import CredencePrimitives
import CredenceProtocol
import Metro2

extension ChunkBuilder {
    /// A lender's customer: their accounts, reported in every monthly file in which they are open, with a
    /// joint holder or authorized user in a J1 segment where there is one.
    mutating func simulateLending(_ person: Person, at lender: SimulatedPartner, since: SimulationDay) {
        let configuration = context.configuration
        var random = SplitMix64(
            seed: configuration.seed, stream: .lendingAccounts, index: UInt64(person.index),
            subindex: UInt64(lender.ordinal))
        let accounts = context.portfolio.accounts(
            of: person, householdMembers: householdMembers(of: person), at: lender, since: since, using: &random)
        guard !accounts.isEmpty else { return }
        let view = context.membership.view(person, at: lender, since: since)
        let residence = person.householdIndex % 5 < 2 ? "O" : "R"
        let owner = ConsumerOnFile(person: person, view: view, residenceCode: residence)
        let rendering = Metro2Rendering(furnisherID: context.furnisherIDs[lender.ordinal])
        for account in accounts {
            var associated: (person: Person, view: PartnerView, onFile: ConsumerOnFile)?
            if let link = account.associated {
                let member = self.person(at: link.personIndex)
                let memberSince = context.membership.since(member, at: lender) ?? account.opened
                let memberView = context.membership.view(member, at: lender, since: memberSince)
                associated = (
                    member, memberView, ConsumerOnFile(person: member, view: memberView, residenceCode: residence)
                )
            }
            for offset in 0..<configuration.reportingMonths {
                let month = configuration.firstReportingMonth.adding(offset)
                guard
                    var record = rendering.record(
                        account, month: month, owner: owner, associated: associated?.onFile),
                    let slot = context.layout.metro2Slot(partner: lender, month: month)
                else { continue }
                let unit = output.metro2Records[slot].count
                countUnit(of: lender)
                if drawsInvalidUnit(using: &random) {
                    let defect = Self.corrupt(&record, person: person, using: &random)
                    recordInvalid(.metro2(slot), unit: unit, partner: lender, person: person, defect: defect)
                } else {
                    recordTruth(
                        partner: lender, localKey: LocalKeys.lending(record.base.consumer), person: person,
                        noise: view.noise,
                        statement: SubjectStatement(metro2: record.base.consumer, address: record.base.address))
                    if let associated, let segment = record.j1.first {
                        var noise = associated.view.noise
                        noise.insert(.associatedConsumer)
                        recordTruth(
                            partner: lender, localKey: LocalKeys.lending(segment.consumer), person: associated.person,
                            noise: noise,
                            statement: SubjectStatement(metro2: segment.consumer, address: record.base.address))
                    }
                }
                output.metro2Records[slot].append(record)
            }
        }
    }

    /// Makes a record one that a lending adapter must quarantine: an SSN from a range the SSA never issues,
    /// or a date opened after the date of account information. Returns the defect's description.
    static func corrupt(_ record: inout Metro2DataRecord, person: Person, using random: inout SplitMix64) -> String {
        let consumer = record.base.consumer
        if !consumer.socialSecurityNumber.isEmpty, random.chance(0.5) {
            record.base.consumer.socialSecurityNumber = "666" + consumer.socialSecurityNumber.dropFirst(3)
            return "social security number in area 666, which is never issued"
        }
        let asOf = record.base.dateAccountInformation!
        let later = SimulationDay(year: asOf.year, month: asOf.month, day: asOf.day).adding(
            days: random.between(5...400))
        record.base.dateOpened = metro2Date(later)
        return "date opened after the date of account information"
    }
}
