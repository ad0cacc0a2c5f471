// swift-tools-version: 6.0
import PackageDescription

// Layers, bottom to top; data flows one way, and each target depends on exactly what it imports:
//   CGLPK (C API) → YubeiOptimization (modelling layer over GLPK; usable alone)
//   YubeiSpreadsheet (.xlsx cells) → YubeiCore (diagnostics, localised text, YAML/CSV/xlsx tables, graphs)
//   YubeiScenario (county model and file formats) → YubeiSiting (stockpiles, shelters, teams)
//   YubeiLocation (classic location models)        YubeiDrills (rule packs, check, plan)
//   YubeiReports (rendering kit; Markdown, HTML, terminal, CSV, JSON)  →  yubei (the command)
// Yams stays inside the reading layer: YubeiCore's YAML reader exposes its nodes, and the
// targets that read YAML files import it `internal`ly.
let package = Package(
    name: "Yubei",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "yubei", targets: ["yubei"]),
        .library(name: "YubeiOptimization", targets: ["YubeiOptimization"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/drmohundro/SWXMLHash", from: "8.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"]), .brew(["glpk"])]
        ),
        // Excel workbooks (.xlsx): cells, shared strings, dates; no other Yubei module below it.
        .target(
            name: "YubeiSpreadsheet",
            dependencies: [
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "SWXMLHash", package: "SWXMLHash"),
            ]
        ),
        .target(name: "YubeiOptimization", dependencies: ["CGLPK"]),
        .target(
            name: "YubeiCore",
            dependencies: [
                "YubeiSpreadsheet",
                .product(name: "Yams", package: "Yams"),
                .product(name: "HeapModule", package: "swift-collections"),
            ]
        ),
        .target(name: "YubeiScenario", dependencies: ["YubeiCore", .product(name: "Yams", package: "Yams")]),
        .target(name: "YubeiLocation", dependencies: ["YubeiCore", "YubeiOptimization", .product(name: "Yams", package: "Yams")]),
        .target(name: "YubeiSiting", dependencies: ["YubeiCore", "YubeiOptimization", "YubeiScenario"]),
        .target(
            name: "YubeiDrills",
            dependencies: ["YubeiCore", "YubeiOptimization", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources")]
        ),
        // Scenario runs: overrides solved, studies, the budget frontier, stress tests.
        .target(name: "YubeiStudies", dependencies: ["YubeiCore", "YubeiOptimization", "YubeiScenario", "YubeiSiting", .product(name: "Yams", package: "Yams")]),
        .target(
            name: "YubeiReports",
            dependencies: ["YubeiCore", "YubeiOptimization", "YubeiScenario", "YubeiSiting", "YubeiLocation", "YubeiDrills", "YubeiStudies"]
        ),
        .executableTarget(
            name: "yubei",
            dependencies: [
                "YubeiCore", "YubeiOptimization", "YubeiScenario", "YubeiLocation",
                "YubeiSiting", "YubeiDrills", "YubeiReports", "YubeiStudies",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Shared by the test targets: package root, command runner, seeded random numbers.
        .target(name: "YubeiTestSupport", path: "Tests/YubeiTestSupport"),
        .testTarget(name: "YubeiOptimizationTests", dependencies: ["YubeiOptimization", "YubeiTestSupport"]),
        .testTarget(name: "YubeiScenarioTests", dependencies: ["YubeiScenario", "YubeiCore", "YubeiTestSupport"]),
        .testTarget(
            name: "YubeiLocationTests",
            dependencies: ["YubeiLocation", "YubeiCore", "YubeiOptimization", "YubeiTestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "YubeiSitingTests",
            dependencies: ["YubeiSiting", "YubeiScenario", "YubeiOptimization", "YubeiTestSupport", .product(name: "Yams", package: "Yams")],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "YubeiDrillsTests", dependencies: ["YubeiDrills", "YubeiCore", "YubeiTestSupport"]),
        .testTarget(name: "YubeiReportsTests", dependencies: ["YubeiReports", "YubeiCore", "YubeiScenario"]),
        .testTarget(name: "YubeiStudiesTests", dependencies: ["YubeiStudies", "YubeiScenario", "YubeiSiting", "YubeiCore", "YubeiTestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "YubeiSpreadsheetTests",
            dependencies: ["YubeiSpreadsheet", "YubeiCore", "YubeiDrills", "YubeiScenario", "YubeiTestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "YubeiCLITests", dependencies: ["YubeiTestSupport"]),
        // Hostile input (issue 10): regressions of every crash found, output all-or-nothing,
        // and property-based mutation of every input format (bounded here, longer in `make fuzz`).
        .testTarget(
            name: "YubeiHostileInputTests",
            dependencies: [
                "YubeiCore", "YubeiOptimization", "YubeiTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
    ]
)
