import Ecosystem
import FixtureSupport
import Foundation
import NetworkAnalysis
import Testing
@testable import EcosystemAnalysis

let zoetermeer = Fixtures.repositoryRoot.appendingPathComponent("Datasets/zoetermeer")

func zoetermeerModel() throws -> EcosystemModel {
    try ModelLoader.load(contentsOf: zoetermeer.appendingPathComponent("model.yaml"))
}

func zoetermeerScenario(_ name: String) throws -> EcosystemModel {
    try ScenarioLoader.loadChain(contentsOf: zoetermeer.appendingPathComponent("scenarios/\(name).yaml")).apply(to: try zoetermeerModel())
}

@Suite("Scenario comparison")
struct ScenarioComparisonTests {
    /// Hand-edited copies of the model (Tests/Fixtures/scenarios/) analysed directly must give
    /// the comparison's numbers: the scenario machinery changes nothing else.
    @Test(arguments: [("dip-loss", "zoetermeer-without-dip.yaml"), ("programme", "zoetermeer-with-programme.yaml")])
    func numbersAgreeWithAnalyzingTheHandEditedModel(_ scenario: String, _ handEdited: String) throws {
        let measures = ["degree", "strength", "betweenness", "closeness", "harmonic", "pagerank", "constraint"]
        let options = AnalysisOptions()
        let comparison = try ScenarioComparison.compare(
            baseline: try zoetermeerModel(), scenarios: [try zoetermeerScenario(scenario)], measures: measures, options: options)
        let byHand = try ModelLoader.load(contentsOf: Fixtures.directory.appendingPathComponent("scenarios/\(handEdited)"))
        let table = try EcosystemAnalyzer.metrics(of: byHand, measures: measures + ScenarioComparison.defaultIndicators, options: options)
        for (i, name) in comparison.indicators.enumerated() {
            let expected = try #require(table.network.first { $0.name == name }?.value)
            #expect(agree(comparison.indicatorValues[i][1], expected, tolerance: 1e-12), "\(name)")
        }
        for (j, measure) in measures.enumerated() {
            for (row, id) in byHand.actors.map(\.id).enumerated() {
                let i = try #require(comparison.actorIDs.firstIndex(of: id))
                #expect(agree(comparison.values[j][1][i], table.columns[j][row], tolerance: 1e-12), "\(measure) \(id)")
            }
        }
        // Actors the scenario removed are absent (NaN, no rank) in its column.
        for i in comparison.actorIDs.indices where !byHand.actors.contains(where: { $0.id == comparison.actorIDs[i] }) {
            #expect(comparison.values[0][1][i].isNaN && comparison.ranks[0][1][i] == nil)
        }
    }

    @Test func baselineColumnIsTheBaselineAnalysis() throws {
        let model = try zoetermeerModel()
        let c = try ScenarioComparison.compare(baseline: model, scenarios: [], measures: ["betweenness"])
        let table = try EcosystemAnalyzer.metrics(of: model, measures: ["betweenness"])
        #expect(c.values[0][0] == table.columns[0])
        #expect(c.names == ["zoetermeer"])
    }

    @Test func dipLossAndProgrammeMoveEfficiencyInOppositeDirections() throws {
        let c = try ScenarioComparison.compare(
            baseline: try zoetermeerModel(), scenarios: [try zoetermeerScenario("dip-loss"), try zoetermeerScenario("programme")])
        let efficiency = try #require(c.indicators.firstIndex(of: "global_efficiency"))
        #expect(c.indicatorChange(efficiency, network: 1) < 0)   // losing DIP: less efficient
        #expect(c.indicatorChange(efficiency, network: 2) > 0)   // a programme: more efficient
        let nodes = try #require(c.indicators.firstIndex(of: "nodes"))
        #expect(c.indicatorValues[nodes] == [21, 20, 22])
        #expect(c.actorIDs.last == "programma_smart_city")
        #expect(c.diffs[0].removedActors == ["dip"])
    }

    @Test func competitionRanksWithTolerance() {
        #expect(ScenarioComparison.ranks([3, 1, 3, .nan, 2]) == [1, 4, 1, nil, 3])
        #expect(ScenarioComparison.ranks([0.1 + 0.2, 0.3, 0.1]) == [1, 1, 3])
        #expect(ScenarioComparison.ranks([]) == [])
    }

    @Test func rankChangeIsPositiveWhenAnActorRises() throws {
        let base = EcosystemModel(
            name: "b", actorTypes: [ActorType(id: "t", label: "t", color: "#000000", shape: "box")],
            relationTypes: [RelationType(id: "r", label: "r", color: "#000000", style: "solid", directed: false)],
            actors: ["a", "b", "c", "d"].map { Actor(id: $0, name: $0, type: "t") },
            relations: [Relation(id: "1", from: "a", to: "b", type: "r"), Relation(id: "2", from: "a", to: "c", type: "r"),
                        Relation(id: "3", from: "c", to: "d", type: "r")])
        var scenario = base
        scenario.name = "s"
        scenario.relations.append(Relation(id: "4", from: "d", to: "b", type: "r"))
        scenario.relations.append(Relation(id: "5", from: "d", to: "a", type: "r"))
        let c = try ScenarioComparison.compare(baseline: base, scenarios: [scenario], measures: ["degree"])
        // degrees: base a2 b1 c2 d1 → ranks 1 3 1 3; scenario a3 b2 c2 d3 → ranks 1 3 3 1.
        #expect(c.ranks[0][0] == [1, 3, 1, 3])
        #expect(c.ranks[0][1] == [1, 3, 3, 1])
        #expect((0..<4).map { c.rankChange(measure: 0, network: 1, actor: $0) } == [0, 0, -2, 2])
    }

    @Test func findingsThatAppearOrDisappear() throws {
        let model = try zoetermeerModel()
        let c = try ScenarioComparison.compare(
            baseline: model, scenarios: [try zoetermeerScenario("dip-loss")], measures: ["degree"], indicators: ["nodes"],
            findings: { m, _ in
                m.actors.filter { $0.type == "intermediary" }.map {
                    ComparedFinding(
                        key: FindingKey(kind: .brokerage, check: "intermediary", actors: [$0.id]), severity: .info,
                        sentence: "\($0.name) in \(m.name)")
                }
            })
        #expect(c.findings?[0].map(\.key.actors) == [["dip"], ["yes_delft"]])
        #expect(c.findingChanges(network: 1).appear.isEmpty)
        #expect(c.findingChanges(network: 1).disappear.map(\.sentence) == ["Dutch Innovation Park (DIP) in zoetermeer"])
    }

    @Test func wrongLevelMeasuresAreRefused() throws {
        let model = try zoetermeerModel()
        #expect(throws: AnalysisError.self) { try ScenarioComparison.compare(baseline: model, scenarios: [], measures: ["density"]) }
        #expect(throws: AnalysisError.self) { try ScenarioComparison.compare(baseline: model, scenarios: [], indicators: ["degree"]) }
    }

    @Test func gapFindingsThatAppearOrDisappear() throws {
        let model = try zoetermeerModel()
        let scenario = try zoetermeerScenario("programme")
        let c = try ScenarioComparison.compare(
            baseline: model, scenarios: [scenario], measures: ["degree"], indicators: ["nodes"],
            findings: { m, _ in ScenarioComparison.findings(from: try GapAnalyzer.analyze(m)) })
        let before = ScenarioComparison.findings(from: try GapAnalyzer.analyze(model))
        let after = ScenarioComparison.findings(from: try GapAnalyzer.analyze(scenario))
        #expect(c.findings?[0] == before && c.findings?[1] == after)
        let (appear, disappear) = c.findingChanges(network: 1)
        #expect(appear == after.filter { f in !before.contains { $0.key == f.key } })
        #expect(disappear == before.filter { f in !after.contains { $0.key == f.key } })
        #expect(!appear.isEmpty || !disappear.isEmpty)
    }

    /// A finding is the same finding when only its numbers move: the key names what it is about
    /// (kind, check, rule, actors, relations, groups), not its sentence.
    @Test func findingKeysIgnoreNumbers() throws {
        let before = try GapAnalyzer.analyze(try zoetermeerModel()).findings
        let after = try GapAnalyzer.analyze(try zoetermeerScenario("programme")).findings
        #expect(after.contains { f in before.contains { $0.key == f.key && $0.sentence != f.sentence } })
        // Keys are unique within one analysis, so appearing and disappearing are well defined.
        #expect(Set(before.map(\.key)).count == before.count)
        #expect(Set(after.map(\.key)).count == after.count)
    }
}
