import CredenceProtocol

/// The lending features of one file: accounts assembled from snapshots across key changes and deletions, one
/// merged monthly history per account, then payment history, amounts owed, length of history, new credit and
/// mix over the accounts the person is liable for.
struct LendingFeatures {
    let asOf: CivilDay
    let asOfMonth: Int
    let batches: BatchContext

    /// A snapshot or delinquency event of an account, placed for sorting: by account, snapshots before
    /// events, then by day (snapshots' `as_of`), then by stream position.
    private struct Item {
        let account: Int32
        let isEvent: Bool
        let day: Int32
        let position: Int64
        /// The index into the file's snapshots or events.
        let index: Int32

        static func ordered(_ lhs: Item, _ rhs: Item) -> Bool {
            if lhs.account != rhs.account { return lhs.account < rhs.account }
            if lhs.isEvent != rhs.isEvent { return !lhs.isEvent }
            if lhs.day != rhs.day { return lhs.day < rhs.day }
            return lhs.position < rhs.position
        }
    }

    /// Everything the person-level features add up over accounts.
    private struct Totals {
        var accounts = 0
        var worst: PaymentLevel?
        var late30 = 0
        var late60 = 0
        var late90Plus = 0
        var monthsSinceDelinquency = ObsolescenceRule.negativeItemMonths
        var derogatory = 0
        var bankruptcy = false
        var ageSum = 0
        var oldest = 0
        var opened12m = 0
        /// One bit per portfolio type seen.
        var portfolios: UInt8 = 0
        /// Balances and limits of open revolving accounts, summed per currency (a person has one or two).
        var utilization: [(currency: CurrencyCode, balance: Double, limit: Double)] = []
        var maxLineUtilization: Double?
        var window24 = BatchSet()
        var window84 = BatchSet()
        var latest = BatchSet()
        var all = BatchSet()
        var revolving = BatchSet()
    }

    /// How many months of history are kept per account: as far back as negative items stay on the file.
    private static let horizon = ObsolescenceRule.negativeItemMonths

    // Scratch for one account's merged months (index 0 = the as-of month), reused across accounts.
    private var levels = [PaymentLevel?](repeating: nil, count: LendingFeatures.horizon)
    private var levelBatches = [Int32](repeating: 0, count: LendingFeatures.horizon)

    init(asOf: CivilDay, batches: BatchContext) {
        self.asOf = asOf
        asOfMonth = asOf.monthNumber
        self.batches = batches
    }

    /// Sets the lending features of `features` from the file's lending facts.
    mutating func compute(_ file: PersonFile, into features: inout PersonFeatures) {
        guard !file.snapshots.isEmpty else { return }
        // An account is its key; `account_key_change` joins an old and a new key into one account.
        var accounts = KeyUnion(count: file.keyCount)
        for change in file.keyChanges where batches.isKnown(change.stamp) { accounts.join(change.old, change.new) }
        // A deletion removes what the partner reported before it (stream order), not what it reports after.
        var deletedBefore: [Int32: Int64] = [:]
        for deletion in file.deletions where batches.isKnown(deletion.stamp) {
            let account = accounts.root(deletion.account)
            deletedBefore[account] = max(deletedBefore[account] ?? .min, batches.position(deletion.stamp))
        }
        var items: [Item] = []
        items.reserveCapacity(file.snapshots.count + file.delinquencyEvents.count)
        let batches = self.batches
        func keep(_ account: Int32, _ stamp: Stamp) -> (account: Int32, position: Int64)? {
            guard batches.isKnown(stamp) else { return nil }
            let position = batches.position(stamp)
            if let deletion = deletedBefore[account], deletion > position { return nil }
            return (account, position)
        }
        for (index, snapshot) in file.snapshots.enumerated() where snapshot.asOf <= asOf {
            guard let kept = keep(accounts.root(snapshot.account), snapshot.stamp) else { continue }
            items.append(
                Item(
                    account: kept.account, isEvent: false, day: Int32(snapshot.asOf.dayNumber),
                    position: kept.position, index: Int32(index)))
        }
        // Events only for months before the as-of month: the snapshot an event of the as-of month was derived
        // from may be dated after the as-of day, and the month's own snapshot says the same anyway.
        for (index, event) in file.delinquencyEvents.enumerated() where Int(event.month) < asOfMonth {
            guard let kept = keep(accounts.root(event.account), event.stamp) else { continue }
            items.append(
                Item(
                    account: kept.account, isEvent: true, day: event.month, position: kept.position, index: Int32(index)
                ))
        }
        items.sort(by: Item.ordered)
        var totals = Totals()
        var start = 0
        while start < items.count {
            var end = start + 1
            while end < items.count && items[end].account == items[start].account { end += 1 }
            add(items[start..<end], of: file, to: &totals)
            start = end
        }
        write(totals, into: &features)
    }

    /// Adds one account: its snapshots, oldest first (of two reports of one day, a replay or a correction, the
    /// later in the stream last), then its events.
    private mutating func add(_ items: ArraySlice<Item>, of file: PersonFile, to totals: inout Totals) {
        let snapshotItems = items.prefix { !$0.isEvent }
        guard let last = snapshotItems.last else { return }
        let latest = file.snapshots[Int(last.index)]
        let latestBatch = latest.stamp.batch
        guard latest.participation != .notCounted else { return }
        totals.accounts += 1
        totals.latest.insert(latestBatch)

        var accountBatches = BatchSet()
        for index in levels.indices { levels[index] = nil }
        var earliestDelinquentMonth: Int?
        var derogatory = false
        var bankruptcySince: CivilDay?
        var reportedFirstDelinquency: CivilDay?
        var earliestDerogatoryReport: CivilDay?
        for item in snapshotItems {
            let snapshot = file.snapshots[Int(item.index)]
            let batch = snapshot.stamp.batch
            accountBatches.insert(batch)
            for entry in snapshot.months {
                record(entry.month, entry.level, batch, overwrite: true, &earliestDelinquentMonth, &derogatory)
            }
            if snapshot.isDerogatoryStatus {
                derogatory = true
                earliestDerogatoryReport = min(earliestDerogatoryReport ?? snapshot.asOf, snapshot.asOf)
            }
            if let day = snapshot.firstDelinquency { reportedFirstDelinquency = day }
            switch snapshot.bankruptcy {
            case .reported where bankruptcySince == nil: bankruptcySince = snapshot.asOf
            case .removed: bankruptcySince = nil
            default: break
            }
        }
        for item in items.dropFirst(snapshotItems.count) {
            let event = file.delinquencyEvents[Int(item.index)]
            accountBatches.insert(event.stamp.batch)
            record(event.month, event.level, event.stamp.batch, overwrite: false, &earliestDelinquentMonth, &derogatory)
        }
        totals.all.formUnion(accountBatches)

        // The 7-year clock runs from the first delinquency the furnisher reports; without one, from the
        // earliest late month on file, or the first report of a derogatory status.
        let firstDelinquency =
            reportedFirstDelinquency ?? earliestDelinquentMonth.map(Self.firstDay(ofMonth:)) ?? earliestDerogatoryReport
        if let firstDelinquency, firstDelinquency.wholeMonths(until: asOf) >= ObsolescenceRule.negativeItemMonths {
            derogatory = false
            for index in levels.indices where levels[index]?.isDelinquent == true { levels[index] = nil }
        }
        if derogatory { totals.derogatory += 1 }
        if let bankruptcySince, bankruptcySince.wholeMonths(until: asOf) < ObsolescenceRule.bankruptcyMonths {
            totals.bankruptcy = true
        }

        for (monthsAgo, level) in levels.enumerated() {
            guard let level else { continue }
            totals.window84.insert(levelBatches[monthsAgo])
            if level.isDelinquent { totals.monthsSinceDelinquency = min(totals.monthsSinceDelinquency, monthsAgo) }
            guard monthsAgo < 24 else { continue }
            totals.window24.insert(levelBatches[monthsAgo])
            totals.worst = max(totals.worst ?? level, level)
            switch level {
            case .days30: totals.late30 += 1
            case .days60: totals.late60 += 1
            case .days90, .days120, .days150, .days180: totals.late90Plus += 1
            case .current, .derogatory: break
            }
        }

        let age = max(0, latest.opened.wholeMonths(until: asOf))
        totals.ageSum += age
        totals.oldest = max(totals.oldest, age)
        if age < 12 { totals.opened12m += 1 }
        totals.portfolios |= latest.portfolio.bit

        if latest.participation == .liable, latest.isOpen, latest.portfolio.isRevolving,
            let limit = latest.creditLimit, limit > 0
        {
            let balance = Double(latest.balance)
            if let index = totals.utilization.firstIndex(where: { $0.currency == latest.currency }) {
                totals.utilization[index].balance += balance
                totals.utilization[index].limit += Double(limit)
            } else {
                totals.utilization.append((latest.currency, balance, Double(limit)))
            }
            totals.maxLineUtilization = max(totals.maxLineUtilization ?? 0, balance / Double(limit))
            totals.revolving.insert(latestBatch)
        }
    }

    /// Puts one month's level into the account's merged history. Snapshots overwrite (a later report restates
    /// the months before it); events only fill months no snapshot reported.
    private mutating func record(
        _ month: Int32, _ level: PaymentLevel, _ batch: Int32, overwrite: Bool, _ earliestDelinquentMonth: inout Int?,
        _ derogatory: inout Bool
    ) {
        let monthsAgo = asOfMonth - Int(month)
        guard monthsAgo >= 0 else { return }
        if level.isDelinquent { earliestDelinquentMonth = min(earliestDelinquentMonth ?? Int(month), Int(month)) }
        if level == .derogatory { derogatory = true }
        guard monthsAgo < Self.horizon, overwrite || levels[monthsAgo] == nil else { return }
        levels[monthsAgo] = level
        levelBatches[monthsAgo] = batch
    }

    private func write(_ totals: Totals, into features: inout PersonFeatures) {
        guard totals.accounts > 0 else { return }
        let history = totals.window24
        if let worst = totals.worst {
            features.set(.worstStatus24m, Double(worst.rawValue), from: history)
            features.set(.months30DaysLate24m, Double(totals.late30), from: history)
            features.set(.months60DaysLate24m, Double(totals.late60), from: history)
            features.set(.months90PlusDaysLate24m, Double(totals.late90Plus), from: history)
        }
        var longHistory = totals.window84
        longHistory.formUnion(totals.latest)
        features.set(.monthsSinceLastDelinquency, Double(totals.monthsSinceDelinquency), from: longHistory)
        features.set(.derogatoryAccounts, Double(totals.derogatory), from: totals.all)
        features.set(.bankruptcyOnFile, totals.bankruptcy ? 1 : 0, from: totals.all)
        if !totals.utilization.isEmpty {
            // Amounts in different currencies are never added up: one ratio per currency, the highest counts.
            let ratios = totals.utilization.map { $0.balance / $0.limit }
            features.set(.revolvingUtilization, ratios.max(), from: totals.revolving)
            features.set(.maxLineUtilization, totals.maxLineUtilization, from: totals.revolving)
        }
        features.set(.oldestAccountMonths, Double(totals.oldest), from: totals.latest)
        features.set(.averageAccountMonths, Double(totals.ageSum) / Double(totals.accounts), from: totals.latest)
        features.set(.accountsOpened12m, Double(totals.opened12m), from: totals.latest)
        features.set(.creditMix, Double(totals.portfolios.nonzeroBitCount), from: totals.latest)
    }

    private static func firstDay(ofMonth month: Int) -> CivilDay {
        CivilDay(year: month / 12, month: month % 12 + 1, day: 1)
    }
}

/// Union-find over a file's key numbers: the keys an `account_key_change` chain joins share one root.
struct KeyUnion {
    private var parent: [Int32]

    init(count: Int) {
        parent = Array(0..<Int32(count))
    }

    mutating func root(_ key: Int32) -> Int32 {
        var node = key
        while parent[Int(node)] != node {
            parent[Int(node)] = parent[Int(parent[Int(node)])]
            node = parent[Int(node)]
        }
        return node
    }

    mutating func join(_ first: Int32, _ second: Int32) {
        let (a, b) = (root(first), root(second))
        if a != b { parent[Int(max(a, b))] = min(a, b) }
    }
}

extension TradelineSnapshot.Portfolio {
    /// Revolving credit for utilization: cards and lines of credit.
    fileprivate var isRevolving: Bool { self == .revolving || self == .lineOfCredit }

    /// One bit per portfolio type, to count distinct types without a set.
    fileprivate var bit: UInt8 {
        switch self {
        case .lineOfCredit: 1
        case .installment: 2
        case .mortgage: 4
        case .open: 8
        case .revolving: 16
        case .lease: 32
        }
    }
}
