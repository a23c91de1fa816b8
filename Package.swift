// swift-tools-version: 6.0
import PackageDescription

/// Settings every target shares, applied in one loop below.
let sharedSwiftSettings: [SwiftSetting] = [
    // Public types of a library must state their own access in full; this catches an accidental `public import`.
    .enableUpcomingFeature("InternalImportsByDefault"),
    // Existential types are spelled `any P`, so a protocol used as a type is never mistaken for a generic.
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "swift-crm",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "CRMCore", targets: ["CRMCore"]),
        .library(name: "CRMStorageTesting", targets: ["CRMStorageTesting"]),
        .library(name: "CRMContacts", targets: ["CRMContacts"]),
        .library(name: "CRMSales", targets: ["CRMSales"]),
        .library(name: "CRMService", targets: ["CRMService"]),
        .library(name: "CRMLoyalty", targets: ["CRMLoyalty"]),
        .library(name: "CRMAnalytics", targets: ["CRMAnalytics"]),
        .library(name: "CRMSQLite", targets: ["CRMSQLite"]),
        .library(name: "CRMPostgres", targets: ["CRMPostgres"]),
        .executable(name: "Quickstart", targets: ["Quickstart"]),
        .executable(name: "HelpDesk", targets: ["HelpDesk"]),
        .executable(name: "LoyaltyClub", targets: ["LoyaltyClub"]),
        .executable(name: "CustomStorageEngine", targets: ["CustomStorageEngine"]),
        .executable(name: "SalesPipeline", targets: ["SalesPipeline"]),
        .executable(name: "CustomerLifetimeValue", targets: ["CustomerLifetimeValue"]),
        .executable(name: "crm", targets: ["crm"]),
        .executable(name: "crm-benchmarks", targets: ["CRMBenchmarks"]),
    ],
    targets: [
        .target(name: "CCRC32C"),
        .target(name: "CRMCore", dependencies: ["CCRC32C"]),
        .target(
            name: "CRMStorageTesting", dependencies: ["CRMContacts", "CRMCore", "CRMLoyalty", "CRMSales", "CRMService"]),
        .target(name: "CRMContacts", dependencies: ["CRMCore"]),
        .target(name: "CRMSales", dependencies: ["CRMContacts", "CRMCore"]),
        .target(name: "CRMService", dependencies: ["CRMContacts", "CRMCore"]),
        .target(
            name: "CRMAnalytics", dependencies: ["CRMContacts", "CRMCore", "CRMLoyalty", "CRMSales", "CRMService"]),
        .target(name: "CRMLoyalty", dependencies: ["CRMContacts", "CRMCore", "CRMSales"]),
        .target(name: "CRMSQL", dependencies: ["CRMCore"]),
        .systemLibrary(
            name: "CSQLite", path: "Sources/CSQLite", providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]),
        .target(name: "CRMSQLite", dependencies: ["CRMCore", "CRMSQL", "CSQLite"]),
        .systemLibrary(
            name: "CLibPQ", path: "Sources/CLibPQ", pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"]), .brew(["libpq"])]),
        .target(name: "CRMPostgres", dependencies: ["CRMCore", "CRMSQL", "CLibPQ"]),
        .executableTarget(name: "Quickstart", dependencies: ["CRMCore"], path: "Examples/Quickstart"),
        .executableTarget(
            name: "LoyaltyClub", dependencies: ["CRMCore", "CRMLoyalty"], path: "Examples/LoyaltyClub"),
        .executableTarget(
            name: "HelpDesk", dependencies: ["CRMContacts", "CRMCore", "CRMService"], path: "Examples/HelpDesk"),
        .executableTarget(
            name: "CustomStorageEngine", dependencies: ["CRMCore", "CRMStorageTesting"],
            path: "Examples/CustomStorageEngine"),
        .executableTarget(
            name: "SalesPipeline", dependencies: ["CRMContacts", "CRMCore", "CRMSales"], path: "Examples/SalesPipeline"),
        .executableTarget(
            name: "CustomerLifetimeValue", dependencies: ["CRMAnalytics"], path: "Examples/CustomerLifetimeValue"),
        .executableTarget(
            name: "crm",
            dependencies: ["CRMAnalytics", "CRMContacts", "CRMCore", "CRMLoyalty", "CRMSales", "CRMService"],
            path: "Examples/crm"),
        .executableTarget(
            name: "CRMBenchmarks",
            dependencies: [
                "CRMAnalytics", "CRMContacts", "CRMCore", "CRMLoyalty", "CRMPostgres", "CRMSQLite", "CRMSales",
                "CRMService",
            ],
            path: "Benchmarks/CRMBenchmarks"
        ),
        .executableTarget(
            name: "FileEngineWorker",
            dependencies: ["CRMCore"],
            path: "Tests/FileEngineWorker"
        ),
        .target(name: "CRMTestSupport", dependencies: ["CRMCore", "CRMSQLite"], path: "Tests/CRMTestSupport"),
        .testTarget(
            name: "CRMCoreTests",
            dependencies: ["CRMCore", "CRMStorageTesting", "CRMTestSupport", "FileEngineWorker", "Quickstart"]),
        .testTarget(
            name: "CRMContactsTests", dependencies: ["CRMContacts", "CRMCore", "CRMStorageTesting", "CRMTestSupport"]),
        .testTarget(
            name: "CRMSalesTests",
            dependencies: [
                "CRMContacts", "CRMCore", "CRMSales", "CRMStorageTesting", "CRMTestSupport", "SalesPipeline",
            ]),
        .testTarget(
            name: "CRMServiceTests",
            dependencies: [
                "CRMContacts", "CRMCore", "CRMService", "CRMStorageTesting", "CRMTestSupport", "HelpDesk",
            ]),
        .testTarget(
            name: "CRMLoyaltyTests",
            dependencies: [
                "CRMContacts", "CRMCore", "CRMLoyalty", "CRMSales", "CRMStorageTesting", "CRMTestSupport",
                "LoyaltyClub",
            ]),
        .testTarget(
            name: "CRMAnalyticsTests",
            dependencies: [
                "CRMAnalytics", "CRMContacts", "CRMCore", "CRMLoyalty", "CRMSales", "CRMService", "CRMTestSupport",
                "CustomerLifetimeValue",
            ],
            resources: [.copy("Data")]),
        .testTarget(name: "CRMAppTests", dependencies: ["CRMCore", "CRMTestSupport", "crm"]),
        .testTarget(
            name: "CRMStorageTestingTests",
            dependencies: ["CRMCore", "CRMStorageTesting", "CRMTestSupport", "CustomStorageEngine"]),
        .executableTarget(
            name: "PostgresEngineWorker", dependencies: ["CRMCore", "CRMPostgres"], path: "Tests/PostgresEngineWorker"),
        .testTarget(
            name: "CRMPostgresTests",
            dependencies: [
                "CLibPQ", "CRMCore", "CRMPostgres", "CRMStorageTesting", "CRMTestSupport", "PostgresEngineWorker",
            ]),
        .testTarget(
            name: "CRMSQLiteTests",
            dependencies: ["CRMCore", "CRMSQL", "CRMSQLite", "CRMStorageTesting", "CRMTestSupport", "CSQLite"]),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + sharedSwiftSettings
}
