// swift-tools-version: 6.1
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "credence",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "credence", targets: ["credence"]),
        .executable(name: "credence-aggregator", targets: ["credence-aggregator"]),
        .executable(name: "credence-lending-adapter", targets: ["credence-lending-adapter"]),
        .executable(name: "credence-commerce-adapter", targets: ["credence-commerce-adapter"]),
        .executable(name: "credence-social-adapter", targets: ["credence-social-adapter"]),
        .executable(name: "credence-bench-verify", targets: ["VerifyBenchmark"]),
        .executable(name: "credence-bench-ingest", targets: ["IngestBenchmark"]),
        .executable(name: "credence-bench-scoring", targets: ["ScoringBenchmark"]),
        .library(name: "CredenceProtocol", targets: ["CredenceProtocol"]),
        .library(name: "CredenceIdentity", targets: ["CredenceIdentity"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        // Reads X account archives (zip) member by member, so the social adapter opens only its allow-list.
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        // Byte-level encodings and calendar rules shared by every layer: base64, hex, Gregorian dates.
        .target(name: "CredencePrimitives", swiftSettings: strictSettings),
        // Strict Edwards25519 checks that BoringSSL's Ed25519 does not make (small-order and
        // non-canonical keys, S >= L): pure Swift, no dependencies.
        .target(name: "Edwards25519", swiftSettings: strictSettings),
        // Identifier normalization, keyed tokens and Bloom-filter encodings.
        .target(
            name: "CredenceIdentity",
            dependencies: ["CredencePrimitives", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        // The wire: strict JSON, base64, DSSE envelopes, keys, batch schema, problem types.
        .target(
            name: "CredenceProtocol",
            dependencies: [
                "CredencePrimitives",
                "Edwards25519",
                "CredenceIdentity",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        // The aggregator's storage: the Store protocol and its SQLite implementation.
        .target(
            name: "CredenceStore",
            dependencies: ["CredenceProtocol", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        // RFC 9162 Merkle tree, proofs and C2SP signed checkpoints: pure, no I/O.
        .target(
            name: "TransparencyLog",
            dependencies: [
                "CredenceProtocol", "CredencePrimitives", .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        // What the Credence log commits to (batch entries) and the receipts that prove it.
        .target(
            name: "CredenceLog",
            dependencies: [
                "TransparencyLog", "CredenceProtocol", .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        // Development CA and certificates for HTTPS on loopback and partner mTLS.
        .target(
            name: "CredenceCertificates",
            dependencies: [
                "CredencePrimitives",
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ],
            swiftSettings: strictSettings
        ),
        // The ingest stage: verification, sequence rules and the one-transaction append.
        .target(
            name: "CredenceIngest",
            dependencies: ["CredenceProtocol", "CredenceStore", "CredenceLog", "TransparencyLog"],
            swiftSettings: strictSettings
        ),
        // Record linkage (design §5): Fellegi-Sunter on tokens and Bloom-filter encodings, EM without labels,
        // blocking, clustering with guards. No I/O: the aggregator and `credence link` drive it.
        .target(
            name: "Linkage",
            dependencies: ["CredenceIdentity", "CredenceProtocol", "CredencePrimitives"],
            swiftSettings: strictSettings
        ),
        // `credence link`: CSV files in, encoded exactly as adapters encode, linkage engine, pairs and clusters out.
        // Streaming RFC 4180 reading and atomic writing of CSV files, shared by the offline commands.
        .target(name: "CSVFiles", swiftSettings: strictSettings),
        .target(
            name: "LinkageFiles",
            dependencies: ["Linkage", "AdapterCore", "CredenceIdentity", "CredenceProtocol", "CSVFiles"],
            swiftSettings: strictSettings
        ),
        // Credit features per person at an as-of date, from every partner's canonical records (design §6).
        .target(name: "CreditFeatures", dependencies: ["CredenceProtocol"], swiftSettings: strictSettings),
        // `credence features`: batch envelope files and a subject-to-person map in, a feature table out.
        .target(
            name: "FeatureFiles",
            dependencies: ["CreditFeatures", "CredenceProtocol", "CSVFiles", "AdapterCore", "CredenceIdentity"],
            swiftSettings: strictSettings),
        // Scorecard models (design §6): the points-table format, banned inputs, reference and compiled scoring,
        // and fitting from a labeled table. No file I/O.
        .target(name: "Scorecard", dependencies: ["CredenceProtocol"], swiftSettings: strictSettings),
        // `credence model fit|score`: labeled CSV files in, model files and score files out.
        .target(
            name: "ScorecardFiles", dependencies: ["Scorecard", "CSVFiles", "CredenceProtocol"],
            swiftSettings: strictSettings),
        // The identity-resolution stage: links each accepted batch's subjects into stable persons, incrementally,
        // recording every merge and split with its evidence.
        .target(
            name: "IdentityResolution",
            dependencies: ["Linkage", "CredenceStore", "CredenceProtocol"],
            swiftSettings: strictSettings
        ),
        // The scoring stage: keeps every person's features and score current as linking changes files, re-scores
        // everyone when the model changes, and ships the default model.
        .target(
            name: "PersonScoring",
            dependencies: ["CredenceStore", "CredenceProtocol", "CredenceIdentity", "CreditFeatures", "Scorecard"],
            swiftSettings: strictSettings
        ),
        // The aggregator service: configuration, HTTPS API, metrics, partner and consumer registries, the linking
        // and scoring services, score publishing.
        .target(
            name: "CredenceAggregator",
            dependencies: [
                "CredenceIngest", "CredenceStore", "CredenceLog", "CredenceCertificates", "CredenceProtocol",
                "TransparencyLog", "IdentityResolution", "Linkage", "PersonScoring", "Scorecard", "CredenceIdentity",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // An HTTPS client of the aggregator API (private CA trust, optional mTLS), for the CLI and adapters.
        .target(
            name: "CredenceClient",
            dependencies: [
                "CredenceProtocol",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strictSettings
        ),
        // What every adapter kind shares before the network: the source reader contract, source
        // positions and rejections, and the one place raw identifiers become tokens and encodings.
        .target(
            name: "AdapterCore",
            dependencies: ["CredenceProtocol", "CredenceIdentity"],
            swiftSettings: strictSettings
        ),
        // Metro 2 (CDIA CRRG) character format and moov-io/metro2's JSON form: layouts, reader, writer.
        .target(name: "Metro2", dependencies: ["CredenceProtocol"], swiftSettings: strictSettings),
        // The lending adapter's source reader: Metro 2 data records to canonical lending records.
        .target(
            name: "LendingAdapter",
            dependencies: ["Metro2", "AdapterCore", "CredenceProtocol", "CredenceIdentity"],
            swiftSettings: strictSettings
        ),
        // Shopify Admin REST and Stripe API exports as typed values: streaming reader and JSON Lines writer.
        .target(name: "CommerceExports", dependencies: ["CredenceProtocol"], swiftSettings: strictSettings),
        // The commerce adapter's source reader: Shopify and Stripe exports to commerce_event records.
        .target(
            name: "CommerceAdapter",
            dependencies: ["CommerceExports", "AdapterCore", "CredenceProtocol", "CredenceIdentity"],
            swiftSettings: strictSettings
        ),
        // X account archives and OpenID Connect claims: reading through an allow-list, and writing them for
        // the data simulator. Pure format: typed models, no network, no records.
        .target(
            name: "SocialExports",
            dependencies: ["CredenceProtocol", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strictSettings
        ),
        // The social adapter's source reader: archives and claims become `social_account_fact` records.
        .target(
            name: "SocialAdapter",
            dependencies: ["SocialExports", "AdapterCore", "CredenceProtocol", "CredenceIdentity"],
            swiftSettings: strictSettings
        ),
        // `credence simulate`: one synthetic population, every partner's native exports, the ground truth and
        // the later default outcomes of a documented hidden risk model (docs/simulation.md).
        .target(
            name: "CredenceSimulator",
            dependencies: [
                "CredencePrimitives", "CredenceIdentity", "CredenceProtocol", "Metro2", "CommerceExports",
                "SocialExports", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strictSettings
        ),
        // What the three adapter executables share after reading: batching, signing, the durable outbox,
        // push with backoff and chain resynchronization, receipts, and the command line.
        .target(
            name: "AdapterKit",
            dependencies: [
                "AdapterCore", "CredenceProtocol", "CredenceIdentity", "CredenceClient", "CredenceLog",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        // One-line ways for tests and benchmarks to run real executables: an aggregator on a free port,
        // partners that sign well-formed batch chains, temporary directories.
        .target(
            name: "CredenceTesting",
            dependencies: [
                "CredenceProtocol", "CredenceIdentity", .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "credence-aggregator",
            dependencies: [
                "CredenceAggregator", "CredenceStore", "IdentityResolution", "PersonScoring", "CredenceProtocol",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "credence-lending-adapter",
            dependencies: ["AdapterKit", "LendingAdapter"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "credence-commerce-adapter",
            dependencies: ["AdapterKit", "CommerceAdapter"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "credence-social-adapter",
            dependencies: ["AdapterKit", "SocialAdapter"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "credence",
            dependencies: [
                "CredenceSimulator",
                "CredenceProtocol",
                "CredenceIdentity",
                "CredenceClient",
                "CredenceLog",
                "TransparencyLog",
                "LinkageFiles",
                "Linkage",
                "CreditFeatures",
                "FeatureFiles",
                "Scorecard",
                "ScorecardFiles",
                "CSVFiles",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        // Benchmarks run from scripts/bench-*, in release builds, never in the test suite.
        .executableTarget(
            name: "ScoringBenchmark", dependencies: ["Scorecard", "CredencePrimitives"],
            path: "Benchmarks/ScoringBenchmark", swiftSettings: strictSettings),
        .executableTarget(
            name: "VerifyBenchmark",
            dependencies: ["CredenceProtocol"],
            path: "Benchmarks/VerifyBenchmark",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "IngestBenchmark",
            dependencies: [
                "CredenceTesting", "CredenceClient", "CredenceProtocol", "CredenceStore",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Benchmarks/IngestBenchmark",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CredencePrimitivesTests", dependencies: ["CredencePrimitives"], swiftSettings: strictSettings),
        .testTarget(name: "Edwards25519Tests", dependencies: ["Edwards25519"], swiftSettings: strictSettings),
        .testTarget(
            name: "CredenceIdentityTests",
            dependencies: ["CredenceIdentity", "CredencePrimitives"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CredenceProtocolTests",
            dependencies: [
                "CredenceProtocol",
                "CredencePrimitives",
                "CredenceIdentity",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["Vectors"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CredenceStoreTests",
            dependencies: ["CredenceStore", "CredenceProtocol", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TransparencyLogTests",
            dependencies: ["TransparencyLog", "CredenceProtocol", "CredencePrimitives"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CredenceCertificatesTests",
            dependencies: [
                "CredenceCertificates", "CredenceTesting",
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LinkageTests",
            dependencies: ["Linkage", "CredenceIdentity", "CredenceProtocol", "CredencePrimitives"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CSVFilesTests", dependencies: ["CSVFiles", "CredenceTesting"], swiftSettings: strictSettings),
        .testTarget(
            name: "LinkageFilesTests",
            dependencies: [
                "LinkageFiles", "CSVFiles", "AdapterCore", "CredenceIdentity", "CredenceProtocol", "CredenceTesting",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CreditFeaturesTests", dependencies: ["CreditFeatures", "CredenceProtocol", "CredencePrimitives"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "FeatureFilesTests",
            dependencies: [
                "FeatureFiles", "CreditFeatures", "CredenceProtocol", "CSVFiles", "CredenceTesting", "AdapterCore",
                "CredenceIdentity",
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "ScorecardTests", dependencies: ["Scorecard", "CredenceProtocol", "CreditFeatures"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "ScorecardFilesTests", dependencies: ["ScorecardFiles", "Scorecard", "CredenceTesting", "CSVFiles"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "IdentityResolutionTests",
            dependencies: [
                "IdentityResolution", "Linkage", "AdapterCore", "CredenceStore", "CredenceProtocol", "CredenceIdentity",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "AggregatorTests",
            dependencies: [
                "credence-aggregator", "credence", "CredenceTesting", "CredenceClient", "CredenceLog", "CredenceStore",
                "CredenceProtocol", "TransparencyLog", "AdapterCore", "CredenceIdentity",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LendingAdapterTests",
            dependencies: ["LendingAdapter", "Metro2", "AdapterCore", "CredenceProtocol", "CredenceIdentity"],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CommerceAdapterTests",
            dependencies: [
                "CommerceAdapter", "CommerceExports", "AdapterCore", "CredenceProtocol", "CredenceIdentity",
            ],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SocialAdapterTests",
            dependencies: [
                "SocialAdapter", "SocialExports", "AdapterCore", "CredenceProtocol", "CredenceIdentity",
                "CredenceTesting",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "AdapterKitTests",
            dependencies: [
                "AdapterKit", "AdapterCore", "credence-aggregator", "credence", "CredenceTesting", "CredenceClient",
                "CredenceStore", "CredenceProtocol", "CredenceIdentity", "CredenceLog",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // The whole federation from real executables: simulate, aggregator, one adapter per partner.
        .testTarget(
            name: "FederationTests",
            dependencies: [
                "credence", "credence-aggregator", "credence-lending-adapter", "credence-commerce-adapter",
                "credence-social-adapter", "CredenceTesting", "Metro2", "AdapterCore", "CredenceIdentity",
                "CredenceProtocol", "CredenceStore",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CredenceSimulatorTests",
            dependencies: [
                "CredenceSimulator", "CredenceIdentity", "CredencePrimitives", "CredenceProtocol", "Metro2",
                "CommerceExports", "SocialExports", "AdapterCore", "LendingAdapter", "CommerceAdapter", "SocialAdapter",
                "CredenceTesting",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "PersonScoringTests",
            dependencies: ["PersonScoring", "CredenceProtocol", "CredenceStore", "CreditFeatures", "Scorecard"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CLITests",
            dependencies: ["credence", "CredenceProtocol", "CredenceTesting"],
            swiftSettings: strictSettings
        ),
    ]
)
