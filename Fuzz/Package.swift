// swift-tools-version:6.0
//
// A libFuzzer target over ecomap's text loaders, outside the main package so that the normal
// build never sees it. Build and run (from this folder):
//
//   swift build -c release -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library
//   mkdir -p corpus findings && cp seeds/* corpus/
//   .build/release/ecomap-fuzz -max_total_time=120 -timeout=5 -artifact_prefix=findings/ corpus/
//
// The first input byte picks the loader (model YAML/JSON, edge list, scenario, CSV table); the
// rest is the file. A crash, a timeout (-timeout=5) or an issue without a position is written
// by libFuzzer to findings/ (crash-*, timeout-*). `make fuzz-libfuzzer` does all of this.
import PackageDescription

let package = Package(
    name: "ecomap-fuzz",
    // `ecomap` is a link to the repository root, so that the dependency is named ecomap in any checkout.
    dependencies: [.package(path: "ecomap")],
    targets: [
        .executableTarget(name: "ecomap-fuzz", dependencies: [.product(name: "Ecosystem", package: "ecomap")]),
    ]
)
