import ArgumentParser
import FixtureSupport
import EcoMapJobs
import Foundation
import Testing
@testable import EcoMapCLI
#if canImport(FoundationXML)
import FoundationXML
#endif

// Commands run in-process with `runCommand` (MainJobTests.swift); paths are absolute.

func temporaryFile(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("ecomap-cli-\(UUID().uuidString)-\(name)").path
}

func jsonObject(_ path: String) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
}

private let root = Fixtures.repositoryRoot.path
private let modelPath = root + "/Datasets/zoetermeer/model.yaml"
private func scenarioPath(_ name: String) -> String { root + "/Datasets/zoetermeer/scenarios/\(name).yaml" }

@Suite("compare, sweep and analyze --samples commands")
struct ScenarioCommandTests {
    /// The done-when criterion: compare's numbers are analyze's numbers on the model edited by hand.
    @Test func compareAgreesWithAnalyzeOnTheHandEditedModel() throws {
        let compared = temporaryFile("compare.json"), analyzed = temporaryFile("analyze.json")
        defer { try? FileManager.default.removeItem(atPath: compared); try? FileManager.default.removeItem(atPath: analyzed) }
        try runCommand(["compare", modelPath, scenarioPath("dip-loss"), "--measures", "betweenness,closeness,pagerank",
                        "--indicators", "density,fragmentation,global_efficiency,betweenness_centralization,modularity",
                        "--format", "json", "-o", compared])
        try runCommand(["analyze", Fixtures.directory.appendingPathComponent("scenarios/zoetermeer-without-dip.yaml").path,
                        "--measures", "betweenness,closeness,pagerank,density,fragmentation,global_efficiency,betweenness_centralization,modularity",
                        "--format", "json", "-o", analyzed])
        let c = try jsonObject(compared), a = try jsonObject(analyzed)
        let graph = try #require(a["graph"] as? [String: Any])
        let indicators = try #require(c["indicators"] as? [String: Any])
        for name in ["density", "fragmentation", "global_efficiency", "betweenness_centralization", "modularity"] {
            let entry = try #require((indicators[name] as? [String: Any])?["dip-loss"] as? [String: Any])
            let value = try #require((entry["value"] as? NSNumber)?.doubleValue), expected = try #require((graph[name] as? NSNumber)?.doubleValue)
            #expect(agree(value, expected, tolerance: 1e-12), "\(name): \(value) vs \(expected)")
        }
        let nodes = try #require(a["nodes"] as? [String: [String: Any]])
        let measures = try #require(c["measures"] as? [String: [String: [String: [String: Any]]]])
        #expect(nodes.count == 20)
        for (actor, values) in nodes {
            for measure in ["betweenness", "closeness", "pagerank"] {
                let v = try #require((measures[measure]?[actor]?["dip-loss"]?["value"] as? NSNumber)?.doubleValue)
                let expected = try #require((values[measure] as? NSNumber)?.doubleValue)
                #expect(agree(v, expected, tolerance: 1e-12), "\(measure) \(actor)")
            }
        }
        #expect(measures["betweenness"]?["dip"]?["dip-loss"]?["value"] is NSNull)
    }

    @Test func compareWritesEveryFormat() throws {
        let scenarios = ["programme", "visibility", "regional", "dip-loss"].map(scenarioPath)
        let md = temporaryFile("c.md"), csv = temporaryFile("c.csv")
        defer { try? FileManager.default.removeItem(atPath: md); try? FileManager.default.removeItem(atPath: csv) }
        try runCommand(["compare", modelPath] + scenarios + ["--format", "markdown", "-o", md])
        let markdown = try String(contentsOfFile: md, encoding: .utf8)
        #expect(markdown.contains("| indicator | zoetermeer | programme | Δ | visibility | Δ | regional | Δ | dip-loss | Δ |"))
        #expect(markdown.contains("| Dutch Innovation Park (DIP) | "))
        #expect(!markdown.contains("| dip | "))
        try runCommand(["compare", modelPath] + scenarios + ["--format", "csv", "--measures", "degree", "-o", csv])
        let lines = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "network,level,actor,measure,value,baseline,change,rank,baseline_rank,rank_change")
        // 5 networks × 10 indicators, plus 5 networks × 22 actors (21 and the programme office).
        #expect(lines.count == 1 + 5 * 10 + 5 * 22)
        #expect(lines.contains("dip-loss,node,dip,degree,,6,,,1,"))   // absent: no value, no rank
    }

    @Test func aScenarioForAnotherModelIsRefused() throws {
        #expect(throws: JobError.self) {
            try runCommand(["compare", Fixtures.directory.appendingPathComponent("scenarios/zoetermeer-without-dip.yaml").path,
                            scenarioPath("dip-loss")])
        }
    }

    @Test func sweepReproducesWithTheSeed() throws {
        let a = temporaryFile("a.csv"), b = temporaryFile("b.csv"), c = temporaryFile("c.csv"), svg = temporaryFile("s.svg")
        defer { for f in [a, b, c, svg] { try? FileManager.default.removeItem(atPath: f) } }
        try runCommand(["sweep", modelPath, "--runs", "7", "--seed", "3", "--points", "8", "-o", a, "--chart", svg])
        try runCommand(["sweep", modelPath, "--runs", "7", "--seed", "3", "--points", "8", "-o", b])
        try runCommand(["sweep", modelPath, "--runs", "7", "--seed", "4", "--points", "8", "-o", c])
        let first = try Data(contentsOf: URL(fileURLWithPath: a))
        #expect(first == (try Data(contentsOf: URL(fileURLWithPath: b))))
        #expect(first != (try Data(contentsOf: URL(fileURLWithPath: c))))
        let rows = String(decoding: first, as: UTF8.self).split(separator: "\n")
        #expect(rows.count == 1 + 8 + 8)
        #expect(rows[1].hasPrefix("targeted:betweenness,0,0,1,1,1,"))
        // 8 points over 21 actors: 0, 3, 6, ...; by betweenness the executive, the civil service
        // and the MRDH go first, so the MRDH is the last removed at the second point.
        // (Then the two areas under the curves, the same on every row of the sweep.)
        #expect(rows[2].hasPrefix("targeted:betweenness,3,") && rows[2].split(separator: ",", omittingEmptySubsequences: false).dropLast(2).last == "mrdh")
        #expect(Set(rows[1...8].map { $0.split(separator: ",").suffix(2).joined(separator: ",") }).count == 1)
        let parser = XMLParser(data: try Data(contentsOf: URL(fileURLWithPath: svg)))
        #expect(parser.parse(), "SVG is not well-formed: \(String(describing: parser.parserError))")
    }

    @Test func sweepOptionsAreValidated() {
        #expect(throws: (any Error).self) { try runCommand(["sweep", modelPath, "--remove", "relations", "--by", "degree"]) }
        #expect(throws: (any Error).self) { try runCommand(["sweep", modelPath, "--order", "sideways"]) }
        #expect(throws: (any Error).self) { try runCommand(["sweep", modelPath, "--by", "density"]) }
    }

    @Test func analyzeSamplesSameSeedSameBytes() throws {
        let a = temporaryFile("a.json"), b = temporaryFile("b.json")
        defer { for f in [a, b] { try? FileManager.default.removeItem(atPath: f) } }
        for out in [a, b] {
            try runCommand(["analyze", modelPath, "--samples", "50", "--seed", "5", "--measures", "betweenness,global_efficiency",
                            "--format", "json", "-o", out])
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: a))
        #expect(data == (try Data(contentsOf: URL(fileURLWithPath: b))))
        let json = try jsonObject(a)
        #expect(json["samples"] as? Int == 50 && json["uncertain_relations"] as? Int == 1)
        let dip = try #require((json["nodes"] as? [String: Any])?["dip"] as? [String: [String: Any]])
        let p05 = try #require((dip["betweenness"]?["p05"] as? NSNumber)?.doubleValue)
        let p95 = try #require((dip["betweenness"]?["p95"] as? NSNumber)?.doubleValue)
        #expect(p05 <= p95)
        #expect(throws: (any Error).self) {
            try runCommand(["analyze", modelPath, "--samples", "5", "--measures", "edge_betweenness"])
        }
    }

    @Test func compareListsGapFindingsThatAppearOrDisappear() throws {
        let out = temporaryFile("findings.json")
        defer { try? FileManager.default.removeItem(atPath: out) }
        try runCommand(["compare", modelPath, scenarioPath("programme"), "--measures", "degree", "--indicators", "nodes",
                        "--format", "json", "-o", out])
        let networks = try #require(try jsonObject(out)["networks"] as? [[String: Any]])
        let baseline = try #require(networks[0]["findings"] as? [String])
        let programme = try #require(networks[1]["findings"] as? [String])
        let appear = try #require(networks[1]["findings_appear"] as? [String])
        let disappear = try #require(networks[1]["findings_disappear"] as? [String])
        #expect(!baseline.isEmpty)
        #expect(disappear.allSatisfy(baseline.contains) && appear.allSatisfy(programme.contains))
        // The programme office coordinates the projects: the memo's programme rule (rules.yaml,
        // programme_coordination) is no longer violated.
        #expect(baseline.contains { $0.contains("coordinat") })
        #expect(disappear.contains { $0.contains("coordinat") })
    }
}
