// swift-tools-version:6.0
//
// ecomap: map a regional innovation ecosystem as a graph, analyse it, draw it with libgvc.
// The module layering is described in README.md ("Architecture"): each target imports
// only targets listed below it.
import PackageDescription

let package = Package(
    name: "ecomap",
    products: [
        .executable(name: "ecomap", targets: ["ecomap"]),
        .library(name: "NetworkAnalysis", targets: ["NetworkAnalysis"]),
        .library(name: "Ecosystem", targets: ["Ecosystem"]),
        .library(name: "EcosystemAnalysis", targets: ["EcosystemAnalysis"]),
        .library(name: "Graphviz", targets: ["Graphviz"]),
        .library(name: "EcosystemRendering", targets: ["EcosystemRendering"]),
        .library(name: "EcosystemReport", targets: ["EcosystemReport"]),
        .library(name: "EcoMapJobs", targets: ["EcoMapJobs"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        // The xlsx container (a zip of XML); limits against zip bombs are ours.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // SHA-256 of the inputs in the report's reproducibility block.
        .package(url: "https://github.com/apple/swift-crypto", "3.12.0"..<"4.0.0"),
    ],
    targets: [
        // Graph core and algorithms: nodes, edges, weights. No ecosystem words.
        .target(
            name: "NetworkAnalysis",
            dependencies: [.product(name: "HeapModule", package: "swift-collections")]
        ),
        // Actors, relations, their types; loading (YAML, JSON, CSV edge lists) and validation.
        .target(
            name: "Ecosystem",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // Ecosystem -> graph, metrics tables, summaries.
        .target(name: "EcosystemAnalysis", dependencies: ["NetworkAnalysis", "Ecosystem"]),
        // libgvc/cgraph, through pkg-config (apt: libgraphviz-dev).
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        // The only importer of CGraphviz: a serialized, throwing Swift wrapper.
        .target(name: "Graphviz", dependencies: ["CGraphviz"]),
        // Ecosystem + the numbers it is given -> DOT -> SVG/PNG/PDF. Computes no measure.
        .target(
            name: "EcosystemRendering",
            dependencies: [
                "Graphviz", "Ecosystem",
                // Theme files are YAML.
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // CSV / JSON / Markdown / HTML writers of analysis results and the report bundle.
        .target(
            name: "EcosystemReport",
            dependencies: [
                // EcosystemRendering for its XML escaping and element ids (one copy of each).
                "EcosystemRendering", "EcosystemAnalysis", "Ecosystem",
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            // The explorer page's template, script and stylesheet (`ecomap explore`).
            resources: [.copy("Explorer/Resources")]
        ),
        // Use cases: the main job, map, gaps, compare, sweep, report. Each reads its inputs
        // (recording them, so no output overwrites one), analyses the model once with the
        // user's options and hands the numbers to the drawings and writers.
        .target(
            name: "EcoMapJobs",
            dependencies: [
                "NetworkAnalysis", "Ecosystem", "EcosystemAnalysis", "Graphviz",
                "EcosystemRendering", "EcosystemReport",
            ]
        ),
        // Argument-parser commands: parse, validate, call a job, print.
        .target(
            name: "EcoMapCLI",
            dependencies: [
                "EcoMapJobs", "NetworkAnalysis", "Ecosystem", "EcosystemAnalysis", "Graphviz",
                "EcosystemRendering", "EcosystemReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "ecomap", dependencies: ["EcoMapCLI"]),
        // The removal-sweep benchmark (`make bench`; Benchmarks/README in the main README).
        .executableTarget(
            name: "ecomap-bench", dependencies: ["NetworkAnalysis"],
            path: "Benchmarks/RemovalSweep"
        ),

        // Test support: locating committed fixtures, reading edge lists and JSON references.
        .target(name: "FixtureSupport", dependencies: ["NetworkAnalysis"], path: "Tests/FixtureSupport"),
        .testTarget(name: "NetworkAnalysisTests", dependencies: ["NetworkAnalysis", "FixtureSupport"]),
        .testTarget(
            name: "EcosystemTests",
            dependencies: ["Ecosystem", "NetworkAnalysis", "FixtureSupport", .product(name: "Yams", package: "Yams")]
        ),
        .testTarget(
            name: "EcosystemAnalysisTests",
            dependencies: ["EcosystemAnalysis", "Ecosystem", "NetworkAnalysis", "FixtureSupport"]
        ),
        .testTarget(name: "GraphvizTests", dependencies: ["Graphviz"]),
        .testTarget(
            name: "EcosystemRenderingTests",
            dependencies: ["EcosystemRendering", "EcosystemAnalysis", "Ecosystem", "NetworkAnalysis", "FixtureSupport"]
        ),
        .testTarget(
            name: "EcosystemReportTests",
            dependencies: ["EcosystemReport", "EcosystemAnalysis", "Ecosystem", "FixtureSupport"]
        ),
        .testTarget(
            name: "EcoMapJobsTests",
            dependencies: ["EcoMapJobs", "FixtureSupport", "Ecosystem", "EcosystemAnalysis", "EcosystemRendering"]
        ),
        .testTarget(
            name: "EcoMapCLITests",
            dependencies: ["EcoMapCLI", "EcoMapJobs", "FixtureSupport", "Ecosystem", "EcosystemAnalysis", "EcosystemRendering", "EcosystemReport", "Graphviz", "NetworkAnalysis"]
        ),
    ]
)
