/// A link between two records of a store, as the scoring loop keeps it (16 bytes).
struct ScoredLink: Sendable, Equatable {
    var a: Int32
    var b: Int32
    var weight: Double

    /// Strongest first; ties by record order, so the result never depends on the order links were found in.
    static func precedes(_ x: ScoredLink, _ y: ScoredLink) -> Bool {
        if x.weight != y.weight { return x.weight > y.weight }
        return x.a != y.a ? x.a < y.a : x.b < y.b
    }
}

/// How many merges each guard refused.
public struct ClusteringGuards: Sendable, Equatable {
    /// Merges that would have put two different national-ID tokens of one type in one person.
    public var nationalIDConflicts = 0
    /// Merges that would have exceeded `maxClusterSize`.
    public var sizeCap = 0
    /// Merges that would have put two records of one duplicate-free source in one person.
    public var duplicateFreeSource = 0
}

/// Clusters scored pairs into persons with guards against chaining.
public enum Clustering {
    /// Links at or above `settings.threshold`, strongest first, join clusters by union-find, but only when
    /// the merged cluster still has at most one national-ID token per type (tokens it shares do not count
    /// twice), at most `maxClusterSize` records, and at most one record of each duplicate-free source (the
    /// best link wins, the 1:1 rule). Returns every record's cluster number; numbers follow record order.
    public static func cluster(
        _ records: [LinkageRecord], links: [PairScore], settings: LinkageSettings
    ) -> [String: Int] {
        var store = RecordStore()
        var lookup = RecordIDLookup()
        for record in records {
            store.append(record)
            lookup.insert(record.id, at: store.count - 1, in: store)
        }
        let scored = links.compactMap { link -> ScoredLink? in
            guard link.probability >= settings.threshold, let a = lookup.index(of: link.left, in: store),
                let b = lookup.index(of: link.right, in: store), a != b
            else { return nil }
            return ScoredLink(a: Int32(a), b: Int32(b), weight: link.matchWeight)
        }
        let clusters = cluster(store: store, links: scored, settings: settings).clusterOf
        var result: [String: Int] = [:]
        result.reserveCapacity(store.count)
        for index in 0..<store.count { result[store.id(index)] = Int(clusters[index]) }
        return result
    }

    struct Outcome: Sendable {
        /// Cluster number of each record: the clusters numbered in order of their first record.
        var clusterOf: [Int32]
        var guards: ClusteringGuards
        /// Links that joined two clusters.
        var merges: Int
    }

    /// `links` must all be at or above the threshold; they are sorted here.
    static func cluster(store: RecordStore, links: [ScoredLink], settings: LinkageSettings) -> Outcome {
        var links = links
        links.sort(by: ScoredLink.precedes)
        let duplicateFree = Set(
            store.sourceNames.indices.filter { settings.duplicateFreeSources.contains(store.sourceNames[$0]) }.map {
                Int32($0)
            })
        var state = UnionFind(store: store, duplicateFreeSources: duplicateFree)
        var guards = ClusteringGuards()
        var merges = 0
        for link in links {
            let x = state.root(Int(link.a))
            let y = state.root(Int(link.b))
            guard x != y else { continue }
            if state.size[x] + state.size[y] > Int32(settings.maxClusterSize) {
                guards.sizeCap += 1
            } else if state.nationalIDsConflict(x, y) {
                guards.nationalIDConflicts += 1
            } else if state.sourcesOverlap(x, y) {
                guards.duplicateFreeSource += 1
            } else {
                state.union(x, y)
                merges += 1
            }
        }
        var number = [Int32](repeating: -1, count: store.count)
        var clusterOf = [Int32](repeating: 0, count: store.count)
        var next: Int32 = 0
        for record in 0..<store.count {
            let root = state.root(record)
            if number[root] < 0 {
                number[root] = next
                next += 1
            }
            clusterOf[record] = number[root]
        }
        return Outcome(clusterOf: clusterOf, guards: guards, merges: merges)
    }
}

/// Union-find whose roots carry what the guards check: the cluster's national-ID tokens and its records'
/// duplicate-free sources, as small sorted arrays (nil when empty, which is most clusters).
private struct UnionFind {
    private var parent: [Int32]
    private(set) var size: [Int32]
    private var nationalIDs: [[NationalID]?]
    private var sources: [[Int32]?]

    struct NationalID: Hashable, Comparable {
        var kind: UInt8
        var key: UInt64

        static func < (x: NationalID, y: NationalID) -> Bool { x.kind != y.kind ? x.kind < y.kind : x.key < y.key }
    }

    init(store: RecordStore, duplicateFreeSources: Set<Int32>) {
        parent = (0..<Int32(store.count)).map { $0 }
        size = [Int32](repeating: 1, count: store.count)
        nationalIDs = (0..<store.count).map { record in
            let tokens = store.identifiers[store.identifierRange(record)].filter(\.kind.isNationalID).map {
                NationalID(kind: $0.kind.rawValue, key: $0.key)
            }
            return tokens.isEmpty ? nil : tokens.sorted()
        }
        sources = (0..<store.count).map { record in
            duplicateFreeSources.contains(store.sourceOfRecord[record]) ? [store.sourceOfRecord[record]] : nil
        }
    }

    mutating func root(_ record: Int) -> Int {
        var current = record
        while Int(parent[current]) != current {
            // Path halving keeps trees shallow without recursion.
            parent[current] = parent[Int(parent[current])]
            current = Int(parent[current])
        }
        return current
    }

    /// For some ID type, both clusters hold tokens and share none of them.
    func nationalIDsConflict(_ x: Int, _ y: Int) -> Bool {
        guard let left = nationalIDs[x], let right = nationalIDs[y] else { return false }
        for kind in Set(left.map(\.kind)).intersection(right.map(\.kind)) {
            let leftKeys = Set(left.filter { $0.kind == kind }.map(\.key))
            if !right.contains(where: { $0.kind == kind && leftKeys.contains($0.key) }) { return true }
        }
        return false
    }

    func sourcesOverlap(_ x: Int, _ y: Int) -> Bool {
        guard let left = sources[x], let right = sources[y] else { return false }
        return left.contains { right.contains($0) }
    }

    mutating func union(_ x: Int, _ y: Int) {
        let (big, small) = size[x] >= size[y] ? (x, y) : (y, x)
        parent[small] = Int32(big)
        size[big] += size[small]
        if let moved = nationalIDs[small] {
            nationalIDs[big] = Array(Set((nationalIDs[big] ?? []) + moved)).sorted()
            nationalIDs[small] = nil
        }
        if let moved = sources[small] {
            sources[big] = (sources[big] ?? []) + moved
            sources[small] = nil
        }
    }
}
