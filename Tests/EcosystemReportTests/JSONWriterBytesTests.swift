import Ecosystem
import EcosystemAnalysis
import FixtureSupport
import Foundation
import NetworkAnalysis
import Testing
@testable import EcosystemReport

/// The gaps, comparison and uncertainty JSON writers write with ``JSONText`` the very bytes
/// `JSONSerialization` writes for the same document (with the options those writers used
/// before), on Zoetermeer, its scenarios and the example models.
@Suite("gaps, compare and uncertainty JSON: JSONText writes JSONSerialization's bytes")
struct JSONWriterBytesTests {
    static let root = Fixtures.repositoryRoot

    static func foundation(_ document: [String: Any], slashes: Bool) throws -> String {
        var options: JSONSerialization.WritingOptions = [.prettyPrinted, .sortedKeys]
        if !slashes { options.insert(.withoutEscapingSlashes) }
        return String(decoding: try JSONSerialization.data(withJSONObject: document, options: options), as: UTF8.self) + "\n"
    }

    static func models() throws -> [EcosystemModel] {
        try ["Datasets/zoetermeer/model.yaml", "Datasets/examples/tiny.json", "Datasets/examples/edges.csv"].map {
            try ModelLoader.load(contentsOf: root.appendingPathComponent($0))
        }
    }

    @Test("gaps --format json, with and without rules, on Zoetermeer and the examples")
    func gaps() throws {
        let zoetermeer = try Self.models()[0]
        let rules = try RulesLoader.load(contentsOf: Self.root.appendingPathComponent("Datasets/zoetermeer/rules.yaml"), for: zoetermeer)
        var checked = 0
        for (i, model) in try Self.models().enumerated() {
            for r in i == 0 ? [rules, GapRules()] : [GapRules()] {
                let report = try GapAnalyzer.analyze(model, rules: r)
                let ours = try GapsWriter.json(report)
                #expect(ours == (try Self.foundation(GapsWriter.jsonDocument(report), slashes: false)), "\(model.name)")
                #expect(ours.contains("\"removal\" : ["))
                checked += 1
            }
        }
        #expect(checked == 4)
    }

    @Test("compare --format json with findings, Zoetermeer and two of its scenarios")
    func comparison() throws {
        let base = try Self.models()[0]
        let rules = try RulesLoader.load(contentsOf: Self.root.appendingPathComponent("Datasets/zoetermeer/rules.yaml"), for: base)
        var changed = base
        changed.name = "no-dip"
        changed.actors.removeAll { $0.id == "dip" }
        changed.relations.removeAll { $0.from == "dip" || $0.to == "dip" }
        var fewer = base
        fewer.name = "fewer"
        fewer.relations.removeLast(5)
        let c = try ScenarioComparison.compare(
            baseline: base, scenarios: [changed, fewer],
            findings: { model, _ in ScenarioComparison.findings(from: try GapAnalyzer.analyze(model, rules: rules)) })
        let ours = try ComparisonWriter.json(c)
        #expect(ours == (try Self.foundation(ComparisonWriter.jsonDocument(c), slashes: true)))
        #expect(ours.contains("\"findings_disappear\" : ["))
    }

    @Test("analyze --samples --format json on Zoetermeer and the edge list")
    func uncertainty() throws {
        for model in try Self.models() where model.name != "tiny" {
            let u = try UncertaintyAnalysis.run(
                model: model, measures: ["degree", "betweenness", "global_efficiency"], samples: 12, seed: 7)
            let ours = try UncertaintyWriter.json(u)
            #expect(ours == (try Self.foundation(UncertaintyWriter.jsonDocument(u), slashes: true)), "\(model.name)")
            #expect(ours.contains("\"p_top_k\" : "))
        }
    }

    @Test("a slash is escaped unless asked not to, as Foundation does")
    func slashes() throws {
        let document: [String: Any] = ["a/b": ["x/y", 1.5, 2, true, NSNull()], "": [String: Any]()]
        #expect(try JSONText.text(of: document) == (try Self.foundation(document, slashes: true)))
        #expect(try JSONText.text(of: document, escapesSlashes: false) == (try Self.foundation(document, slashes: false)))
        #expect(try JSONText.text(of: document).contains("x\\/y"))
    }
}
