import CredenceIdentity
import Foundation
import Linkage
import Testing

@Suite("Clustering guards")
struct ClusteringTests {
    private func link(_ a: String, _ b: String, _ probability: Double) -> PairScore {
        PairScore(
            left: a, right: b, matchWeight: log2(probability / (1 - probability)), probability: probability,
            evidence: [])
    }

    @Test("two national-ID tokens never share a cluster, even through a chain A-B-C")
    func nationalIDConflictThroughChain() {
        let a = Encodings.person("a", identifiers: [Encodings.token(.usSSN, "123456789")])
        let b = Encodings.person("b")
        let c = Encodings.person("c", identifiers: [Encodings.token(.usSSN, "987654321")])
        let settings = LinkageSettings()
        let forward = Clustering.cluster(
            [a, b, c], links: [link("a", "b", 0.99), link("b", "c", 0.98)], settings: settings)
        #expect(forward["a"] == forward["b"])
        #expect(forward["c"] != forward["a"])
        let backward = Clustering.cluster(
            [a, b, c], links: [link("a", "b", 0.95), link("b", "c", 0.99)], settings: settings)
        #expect(backward["b"] == backward["c"])
        #expect(backward["a"] != backward["c"])
        // A direct link between the two holders is refused too, however strong.
        let direct = Clustering.cluster([a, c], links: [link("a", "c", 0.999_999)], settings: settings)
        #expect(direct["a"] != direct["c"])
    }

    @Test("the same national-ID token, or tokens of different types, do not block a merge")
    func compatibleNationalIDs() {
        let a = Encodings.person("a", identifiers: [Encodings.token(.usSSN, "123456789")])
        let b = Encodings.person("b", identifiers: [Encodings.token(.usSSN, "123456789")])
        let c = Encodings.person("c", identifiers: [Encodings.token(.cnRIC, "11010519491231002X")])
        let clusters = Clustering.cluster(
            [a, b, c], links: [link("a", "b", 0.99), link("b", "c", 0.99)], settings: LinkageSettings())
        #expect(Set([clusters["a"], clusters["b"], clusters["c"]]).count == 1)
    }

    @Test("no cluster grows beyond maxClusterSize")
    func sizeCap() {
        let records = (0..<10).map { Encodings.person("r\($0)") }
        let links = (0..<9).map { link("r\($0)", "r\($0 + 1)", 0.99 - Double($0) * 0.001) }
        var settings = LinkageSettings()
        settings.maxClusterSize = 4
        let clusters = Clustering.cluster(records, links: links, settings: settings)
        var sizes: [Int: Int] = [:]
        for cluster in clusters.values { sizes[cluster, default: 0] += 1 }
        #expect(sizes.values.max() == 4)
        #expect(sizes.values.reduce(0, +) == 10)
    }

    @Test("a duplicate-free source keeps one record per cluster, through the best link")
    func oneToOneInDuplicateFreeSource() {
        let first = Encodings.person("bank-1", source: "bank")
        let second = Encodings.person("bank-2", source: "bank")
        let shop = Encodings.person("shop-1", source: "shop")
        let links = [link("shop-1", "bank-1", 0.95), link("shop-1", "bank-2", 0.99)]
        var settings = LinkageSettings()
        settings.duplicateFreeSources = ["bank"]
        let guarded = Clustering.cluster([first, second, shop], links: links, settings: settings)
        #expect(guarded["shop-1"] == guarded["bank-2"])
        #expect(guarded["bank-1"] != guarded["bank-2"])
        settings.duplicateFreeSources = []
        let unguarded = Clustering.cluster([first, second, shop], links: links, settings: settings)
        #expect(Set(unguarded.values).count == 1)
    }

    @Test("links below the threshold join nothing; cluster numbers follow record order")
    func thresholdAndNumbering() {
        let records = ["x", "y", "z"].map { Encodings.person($0) }
        let clusters = Clustering.cluster(
            records, links: [link("y", "z", 0.95), link("x", "y", 0.5)], settings: LinkageSettings())
        #expect(clusters == ["x": 0, "y": 1, "z": 1])
    }
}
