// swift-tools-version:6.0
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "polku",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "polku", targets: ["polku"])
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing.git", from: "1.19.7"),
        .package(url: "https://github.com/apple/swift-openapi-generator.git", from: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime.git", from: "1.13.4"),
        .package(url: "https://github.com/vapor/swift-openapi-vapor.git", from: "1.2.0"),
    ],
    targets: [
        .target(name: "PolkuCore", swiftSettings: strict),
        // The API's contract (`openapi.yaml`, OpenAPI 3.1) and the types and server protocol generated
        // from it at build time, so that code and contract cannot drift.
        .target(
            name: "PolkuAPIContract",
            dependencies: [.product(name: "OpenAPIRuntime", package: "swift-openapi-runtime")],
            resources: [.copy("openapi.yaml")],
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        ),
        .target(
            name: "PolkuApp",
            dependencies: [
                "PolkuCore", "PolkuAPIContract",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIVapor", package: "swift-openapi-vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [
                .copy("Features/Measures/Instruments"),
                .copy("Features/Account/Account.strings.txt"),
                .copy("Features/API/API.strings.txt"),
                .copy("Features/Activities/Activities.strings.txt"),
                .copy("Features/Admin/Admin.strings.txt"),
                .copy("Features/ESF/ESF.strings.txt"),
                .copy("Features/PublicPages/PublicPages.strings.txt"),
                .copy("Features/Team/Team.strings.txt"),
                .copy("Features/Webhooks/Webhooks.strings.txt"),
                .copy("Features/Feedback/Feedback.strings.txt"),
                .copy("Features/Import/Import.strings.txt"),
                .copy("Features/LearningCafe/LearningCafe.strings.txt"),
                .copy("Features/Login/Login.strings.txt"),
                .copy("Features/Measures/Measures.strings.txt"),
                .copy("Features/Network/Network.strings.txt"),
                .copy("Features/Organisations/Organisations.strings.txt"),
                .copy("Features/OwnSpace/OwnSpace.strings.txt"),
                .copy("Features/Participants/Participants.strings.txt"),
                .copy("Features/Panels/Panels.strings.txt"),
                .copy("Features/Peers/Peers.strings.txt"),
                .copy("Features/ProfileCards/ProfileCards.strings.txt"),
                .copy("Features/Projects/Projects.strings.txt"),
                .copy("Features/Surveys/Surveys.strings.txt"),
                .copy("Localization/Shared.strings.txt"),
            ],
            swiftSettings: strict
        ),
        // The demo data and the benchmarks: used by the `polku` command, not linked into the server library.
        .target(
            name: "PolkuTools",
            dependencies: [
                "PolkuApp", "PolkuCore",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "polku",
            dependencies: [
                "PolkuApp", "PolkuTools",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "PolkuTestSupport",
            dependencies: [
                "PolkuApp",
                .product(name: "VaporTesting", package: "vapor"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "PolkuCoreTests", dependencies: ["PolkuCore"], swiftSettings: strict),
        .testTarget(
            name: "PolkuAppTests",
            dependencies: [
                "PolkuApp", "PolkuTools", "PolkuTestSupport",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["Views/__Snapshots__"],
            swiftSettings: strict
        ),
    ]
)
