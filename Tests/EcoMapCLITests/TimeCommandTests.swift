import EcoMapJobs
import Ecosystem
import EcosystemAnalysis
import FixtureSupport
import Foundation
import Testing
@testable import EcoMapCLI

// Commands run in-process with `runCommand` (MainJobTests.swift); paths are absolute.

/// `--at`, `evolve` and `compare A B` (issue 12), on Tests/Fixtures/time/ (dated.yaml, the
/// filtered snapshots and the NetworkX reference of make_time.py).
@Suite("Time: --at, evolve, compare of two models")
struct TimeCommandTests {
    static let folder = Fixtures.directory.appendingPathComponent("time")
    static let model = folder.appendingPathComponent("dated.yaml").path
    static let indicators = "nodes,edges,density,components,largest_component,global_efficiency"

    static func reference() throws -> [String: [String: Any]] {
        let data = try Data(contentsOf: folder.appendingPathComponent("reference.json"))
        let top = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(top["dates"] as? [String: [String: Any]])
    }

    static func output(_ arguments: [String]) throws -> String {
        let out = temporaryFile("time.out")
        defer { try? FileManager.default.removeItem(atPath: out) }
        try runCommand(arguments + ["-o", out])
        return try String(contentsOfFile: out, encoding: .utf8)
    }

    static let measures = "degree,betweenness,closeness,pagerank," + indicators

    /// The masked model (the jobs' input step with a date) is the model rebuilt from the
    /// filtered file make_time.py wrote, with the same numbers, on every date of the fixture;
    /// and the indicators are NetworkX's.
    @Test func maskedModelIsTheFilteredFileOnEveryDate() throws {
        let names = Self.measures.split(separator: ",").map(String.init)
        for (date, ref) in try Self.reference() {
            let masked = try GraphInput.read(Self.model, directed: false, at: PartialDate(date), files: RunFiles()).model
            let rebuilt = try GraphInput.read(Self.folder.appendingPathComponent("snapshots/\(date).yaml").path, directed: false, files: RunFiles()).model
            #expect(masked == rebuilt, "\(date)")
            #expect(masked.actors.map(\.id) == ref["actors"] as? [String] && masked.relations.map(\.id) == ref["relations"] as? [String], "\(date)")
            let a = try EcosystemAnalyzer.metrics(of: masked, measures: names), b = try EcosystemAnalyzer.metrics(of: rebuilt, measures: names)
            #expect(a.columns.map { $0.map(\.bitPattern) } == b.columns.map { $0.map(\.bitPattern) }, "\(date)")
            let network = Dictionary(uniqueKeysWithValues: a.network.map { ($0.name, $0.value) })
            for key in ["nodes", "edges", "components", "largest_component"] {
                #expect(network[key] == ref[key] as? Double, "\(date) \(key)")
            }
            for key in ["density", "global_efficiency"] {
                if let x = ref[key] as? Double { #expect(abs((network[key] ?? .nan) - x) < 1e-12, "\(date) \(key)") }
            }
        }
    }

    /// `analyze --at` prints what `analyze` prints for the filtered file (three dates: year,
    /// month and day precision).
    @Test func analyzeAtIsAnalyzeOfTheFilteredFile() throws {
        for date in ["2013", "2011-09", "2018-01-15"] {
            let masked = try Self.output(["analyze", Self.model, "--at", date, "--measures", Self.measures, "--format", "json"])
            let rebuilt = try Self.output(["analyze", Self.folder.appendingPathComponent("snapshots/\(date).yaml").path,
                                           "--measures", Self.measures, "--format", "json"])
            #expect(masked == rebuilt, "\(date)")
        }
    }

    @Test func atRefusesWhatIsNotADate() {
        #expect(throws: (any Error).self) { try runCommand(["analyze", Self.model, "--at", "2017-13"]) }
    }
}
