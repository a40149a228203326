import CredenceProtocol
import CreditFeatures
import Testing

/// The catalog: stable names, every entry documented, and no protected trait or proxy among them.
struct CatalogTests {
    @Test func namesAreUniqueSnakeCaseAndRoundTrip() {
        let names = FeatureCatalog.names
        #expect(Set(names).count == names.count)
        for feature in CreditFeature.allCases {
            #expect(CreditFeature(name: feature.name) == feature)
            #expect(feature.name.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "_" }, "\(feature.name)")
            #expect(feature.definition.meaning.hasSuffix("."), "\(feature.name)")
            #expect(!feature.definition.sourceKinds.isEmpty, "\(feature.name)")
        }
        #expect(CreditFeature(name: "sex") == nil)
    }

    @Test func noFeatureNamesAProtectedTraitOrAConsumerDefence() {
        let banned: Set<String> = [
            "sex", "gender", "marital", "married", "age", "birth", "race", "ethnicity", "religion", "nationality",
            "national", "origin", "health", "political", "union", "post", "posts", "message", "messages", "content",
            "friends", "followers", "following", "graph", "location", "address", "zip", "postal", "city", "dispute",
            "disputes", "disputed", "won",
        ]
        for name in FeatureCatalog.names {
            let words = Set(name.split(separator: "_").map(String.init))
            #expect(words.isDisjoint(with: banned), "\(name)")
        }
    }

    @Test func negativeFeaturesAreTheOnesMadeOfDelinquenciesAndLosses() {
        let negative = Set(FeatureCatalog.definitions.filter(\.isNegativeInformation).map(\.name))
        #expect(negative.contains("derogatory_accounts"))
        #expect(negative.contains("bankruptcy_on_file"))
        #expect(negative.contains("chargebacks_lost_24m"))
        #expect(!negative.contains("revolving_utilization"))
        #expect(CreditFeature.monthsSinceLastDelinquency.definition.riskTrend == .higherIsSafer)
        #expect(CreditFeature.worstStatus24m.definition.riskTrend == .higherIsRiskier)
    }
}
