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
        .executable(name: "credence-bench-verify", targets: ["VerifyBenchmark"]),
        .library(name: "CredenceProtocol", targets: ["CredenceProtocol"]),
        .library(name: "CredenceIdentity", targets: ["CredenceIdentity"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
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
        .executableTarget(
            name: "credence",
            dependencies: [
                "CredenceProtocol",
                "CredenceIdentity",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        // Benchmarks run from scripts/bench-*, in release builds, never in the test suite.
        .executableTarget(
            name: "VerifyBenchmark",
            dependencies: ["CredenceProtocol"],
            path: "Benchmarks/VerifyBenchmark",
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
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CredenceStoreTests",
            dependencies: ["CredenceStore", "CredenceProtocol"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CLITests",
            dependencies: ["credence", "CredenceProtocol"],
            swiftSettings: strictSettings
        ),
    ]
)
