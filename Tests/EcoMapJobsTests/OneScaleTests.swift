import EcoMapJobs
import Ecosystem
import EcosystemAnalysis
import FixtureSupport
import Foundation
import Testing

/// One scale of tie strength: path length 1/strength with the model's strengths, no
/// per-network normalisation, in `gaps`, `compare` and `analyze` (issue 11, "Two scales").
/// Reference values: Tests/Fixtures/reference_portfolio.py ("zoetermeer", NetworkX).
@Suite("One scale of tie strength in gaps, compare and analyze")
struct OneScaleTests {
    static let folder = Fixtures.repositoryRoot.appendingPathComponent("Datasets/zoetermeer")
    static let modelPath = folder.appendingPathComponent("model.yaml").path

    static func efficiency(gaps model: EcosystemModel) throws -> Double {
        try #require(try GapAnalyzer.analyze(model).baseline.first { $0.measure == "global_efficiency" }).value
    }

    static func efficiency(analyze model: EcosystemModel) throws -> Double {
        let table = try EcosystemAnalyzer.metrics(of: model, measures: ["global_efficiency"])
        return try #require(table.network.first { $0.name == "global_efficiency" }).value
    }

    @Test("Zoetermeer: gaps, compare and analyze give NetworkX's global efficiency, for the baseline and the regional scenario")
    func agree3() throws {
        let reference = try Fixtures.reference("reference/portfolio.json")["zoetermeer"]!
        let baseline = try ModelLoader.load(contentsOf: URL(fileURLWithPath: Self.modelPath))
        let rules = try RulesLoader.load(contentsOf: Self.folder.appendingPathComponent("rules.yaml"), for: baseline)
        let compared = try CompareJob.run(
            baseline: baseline, modelPath: Self.modelPath,
            scenarioPaths: [Self.folder.appendingPathComponent("scenarios/regional.yaml").path],
            analysis: AnalysisOptions(), rules: rules, files: RunFiles())
        let row = try #require(compared.comparison.indicators.firstIndex(of: "global_efficiency"))
        let expected = [reference["baseline_global_efficiency"]!.double!, reference["regional_global_efficiency"]!.double!]
        #expect(agree(expected[0], 1.0121438606930800, tolerance: 1e-12))
        for (k, model) in [baseline, compared.scenarios[0]].enumerated() {
            let gaps = try Self.efficiency(gaps: model), analyze = try Self.efficiency(analyze: model)
            let compare = compared.comparison.indicatorValues[row][k]
            #expect(agree(gaps, expected[k], tolerance: 1e-12), "network \(k): gaps \(gaps)")
            #expect(agree(analyze, expected[k], tolerance: 1e-12), "network \(k): analyze \(analyze)")
            #expect(agree(compare, expected[k], tolerance: 1e-12), "network \(k): compare \(compare)")
            // The portfolio starts from the same number.
            let portfolio = try #require(try GapAnalyzer.analyze(model, rules: rules).portfolio)
            #expect(agree(portfolio.baseValue, expected[k], tolerance: 1e-12))
        }
    }

    @Test("a scenario that only strengthens ties does not move the rest: efficiency rises, never falls; a merger agrees across commands")
    func scenarios() throws {
        let baseline = try ModelLoader.load(contentsOf: URL(fileURLWithPath: Self.modelPath))
        let here = SourcePosition(file: "test", line: 0, column: 0)
        let before = try Self.efficiency(gaps: baseline)
        // Strengthen the strongest merged tie (r4 + r5, college – civil service, 5) tenfold: with
        // strengths divided by each network's strongest tie every other path would have grown
        // longer (the baseline moved); with one scale only paths through that tie get shorter.
        let stronger = try Scenario(name: "stronger", changes: [ScenarioChange(.setWeight(relation: "r4", weight: 48), at: here)]).apply(to: baseline)
        let after = try Self.efficiency(gaps: stronger)
        #expect(after > before)
        #expect(agree(after, try Self.efficiency(analyze: stronger), tolerance: 1e-12))
        // A merger that adds strengths (both start-up groups tied to Yes!Delft): one number everywhere.
        let merged = try Scenario(name: "merged", changes: [ScenarioChange(.mergeActors(keep: "startups_delft", absorb: "startups_rotterdam"), at: here)]).apply(to: baseline)
        #expect(agree(try Self.efficiency(gaps: merged), try Self.efficiency(analyze: merged), tolerance: 1e-12))
    }
}
