import Ecosystem
import EcosystemAnalysis
import FixtureSupport
import Foundation
import NetworkAnalysis
import Testing
@testable import EcosystemReport
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("Comparison, sweep and uncertainty writers")
struct ScenarioWritersTests {
    func models() throws -> (EcosystemModel, EcosystemModel) {
        let base = try ModelLoader.load(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Datasets/zoetermeer/model.yaml"))
        var changed = base
        changed.name = "no-dip"
        changed.actors.removeAll { $0.id == "dip" }
        changed.relations.removeAll { $0.from == "dip" || $0.to == "dip" }
        return (base, changed)
    }

    @Test func textTableShowsChangesAndRankMoves() throws {
        let (base, changed) = try models()
        let c = try ScenarioComparison.compare(baseline: base, scenarios: [changed], measures: ["degree"], indicators: ["nodes", "density"])
        let text = ComparisonWriter.text(c)
        #expect(text.contains("no-dip      "))
        #expect(text.contains("−1 actor, −6 relations"))
        let nodesLine = try #require(text.split(separator: "\n").first { $0.hasPrefix("nodes ") })
        #expect(nodesLine.split(separator: " ") == ["nodes", "21", "20", "-1"])
        // Actors by name, not id.
        let dipLine = try #require(text.split(separator: "\n").first { $0.hasPrefix("Dutch Innovation Park (DIP) ") })
        #expect(dipLine.hasSuffix("absent   gone"))
        #expect(!text.split(separator: "\n").contains { $0.hasPrefix("dip ") || $0.hasPrefix("ambtelijke_organisatie ") })
        #expect(text.contains("(no gap findings in this comparison)"))
        let md = ComparisonWriter.text(c, style: .markdown)
        #expect(md.contains("|---|---:|---:|---:|"))
        #expect(md.contains("### Network indicators\n\n| indicator | zoetermeer | no-dip | Δ |\n"))
        // HTML: the same tables for the report page, user text escaped.
        let html = ComparisonWriter.text(c, style: .html)
        #expect(html.contains("<h3>Network indicators</h3>\n<div class=\"scroll\">\n<table>\n<thead><tr><th scope=\"col\">indicator</th><th scope=\"col\" class=\"num\">zoetermeer</th>"))
        #expect(html.contains("<tr><td>nodes</td><td class=\"num\">21</td><td class=\"num\">20</td><td class=\"num\">-1</td></tr>"))
        #expect(html.contains("<tr><td>College van B&amp;W Zoetermeer</td><td class=\"num\">4 (3)</td>"))
        #expect(!html.contains("<td>college</td>"))
        #expect(html.contains("<p>(no gap findings in this comparison)</p>"))
        #expect(!html.contains("|"))
    }

    @Test("on a terminal the text fits the width; findings of one shape that appear together fold into one row")
    func textFitsTheWidth() throws {
        let (base, changed) = try models()
        let rules = try RulesLoader.load(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Datasets/zoetermeer/rules.yaml"), for: base)
        let c = try ScenarioComparison.compare(
            baseline: base, scenarios: [changed], measures: ["degree", "betweenness"], indicators: ["nodes", "density", "global_efficiency"],
            findings: { model, _ in ScenarioComparison.findings(from: try GapAnalyzer.analyze(model, rules: rules)) })
        let text = ComparisonWriter.text(c, width: 60)
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 60 })
        #expect(ComparisonWriter.text(c).split(separator: "\n").contains { $0.count > 60 }, "without a width, lines stay whole")
        let findings = [
            ComparedFinding(key: FindingKey(kind: .brokerage, check: "no_direct_tie", groups: ["type a", "type b"]), severity: .low, sentence: "No direct tie joins a and b."),
            ComparedFinding(key: FindingKey(kind: .brokerage, check: "no_direct_tie", groups: ["type a", "type c"]), severity: .low, sentence: "No direct tie joins a and c."),
            ComparedFinding(key: FindingKey(kind: .brokerage, check: "no_direct_tie", groups: ["place x", "place y"]), severity: .low, sentence: "No direct tie joins x and y."),
            ComparedFinding(key: FindingKey(kind: .missingTie, check: "every", rule: "r", actors: ["s"]), severity: .medium, sentence: "S breaks r."),
        ]
        #expect(ComparisonWriter.folded(findings) == [
            "[low] No direct tie joins a and b. (and 1 more finding of this shape)",
            "[low] No direct tie joins x and y.",
            "[medium] S breaks r.",
        ])
    }

    @Test func actorLabelsAreNamesAndTellSharedNamesApart() throws {
        let (base, _) = try models()
        var twin = base
        twin.name = "twin"
        twin.actors.append(Actor(id: "dip2", name: "Dutch Innovation Park (DIP)", type: "intermediary"))
        let c = try ScenarioComparison.compare(baseline: base, scenarios: [twin], measures: ["degree"], indicators: ["nodes"])
        let labels = ComparisonWriter.actorLabels(c)
        #expect(labels.first == "Gemeenteraad Zoetermeer")
        #expect(labels.contains("Dutch Innovation Park (DIP) (dip)") && labels.contains("Dutch Innovation Park (DIP) (dip2)"))
        #expect(labels.contains("Yes!Delft"))
    }

    @Test func jsonIsDeterministicAndNullsAbsentActors() throws {
        let (base, changed) = try models()
        let c = try ScenarioComparison.compare(baseline: base, scenarios: [changed], measures: ["degree"], indicators: ["nodes"])
        let a = try ComparisonWriter.json(c), b = try ComparisonWriter.json(c)
        #expect(a == b)
        let object = try #require(JSONSerialization.jsonObject(with: Data(a.utf8)) as? [String: Any])
        let dip = try #require(((object["measures"] as? [String: Any])?["degree"] as? [String: Any])?["dip"] as? [String: [String: Any]])
        #expect(dip["no-dip"]?["value"] is NSNull)
        #expect(dip["zoetermeer"]?["value"] as? Int == 6)
        #expect(dip["zoetermeer"]?["rank"] as? Int == 1)
        let networks = try #require(object["networks"] as? [[String: Any]])
        #expect((networks[1]["changes"] as? [String: Any])?["removed_actors"] as? [String] == ["dip"])
    }

    @Test func summaryOfADiff() throws {
        let (base, changed) = try models()
        #expect(ComparisonWriter.summary(ModelDiff(base: base, changed: changed)) == "−1 actor, −6 relations")
        #expect(ComparisonWriter.summary(ModelDiff(base: base, changed: base)) == "no change")
    }

    @Test func sweepChartIsWellFormedAndEscaped() throws {
        let curves = SweepCurves(removed: [0, 1, 2], total: 2, shareRuns: [[1, 0.5, 0], [1, 0.5, 0.5]], efficiencyRuns: [[1.3, 0.4, 0], [1.3, 0.2, 0]])
        let sweeps = [
            EcosystemSweepResult(modelName: "m", removal: .actors, order: .targeted(measure: "degree"),
                                 curves: SweepCurves(removed: [0, 1, 2], total: 2, shareRuns: [[1, 0.5, 0]], efficiencyRuns: [[1.3, 0.5, 0]]),
                                 removedItems: ["a&b", "c"]),
            EcosystemSweepResult(modelName: "m", removal: .actors, order: .random(runs: 2, seed: 1), curves: curves, removedItems: []),
        ]
        let svg = SweepWriter.svg(sweeps, title: "R&D <network>")
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        #expect(svg.contains("R&amp;D &lt;network&gt;"))
        #expect(svg.components(separatedBy: "class=\"band\"").count - 1 == 2)    // random: one band per panel
        #expect(svg.components(separatedBy: "class=\"curve\"").count - 1 == 4)   // two sweeps × two panels
        #expect(svg.contains(">1.50</text>"))   // efficiency axis extends to 1.5 for a value of 1.3
        let csv = try SweepWriter.csv(sweeps)
        let rows = csv.split(separator: "\n")
        #expect(rows.count == 7)
        #expect(rows[0].hasSuffix(",last_removed,largest_component_area,global_efficiency_area"))
        // Areas by the trapezoid rule over fractions 0, ½, 1: targeted share 1, ½, 0 → ½;
        // efficiency 1.3, 0.5, 0 → ½·0.9 + ½·0.25 = 0.575; random mean share 1, ½, ¼ → 0.5625,
        // mean efficiency 1.3, 0.3, 0 → 0.475.
        let targetedAreas = rows[2].split(separator: ",").suffix(2).compactMap { Double($0) }
        let randomAreas = rows[5].split(separator: ",", omittingEmptySubsequences: false).suffix(2).compactMap { Double($0) }
        #expect(targetedAreas.count == 2 && abs(targetedAreas[0] - 0.5) < 1e-12 && abs(targetedAreas[1] - 0.575) < 1e-12)
        #expect(randomAreas.count == 2 && abs(randomAreas[0] - 0.5625) < 1e-12 && abs(randomAreas[1] - 0.475) < 1e-12)
        #expect(rows[2].hasPrefix("targeted:degree,1,0.5,0.5,0.5,0.5,0.5,0.5,0.5,a&b,"))
        #expect(rows[5].hasPrefix("random,1,0.5,0.5,0.5,0.5,0.30000000000000004,0.2,0.4,,"))
    }

    @Test func uncertaintyCSVHasARowPerActorAndMeasure() throws {
        let (base, _) = try models()
        let u = try UncertaintyAnalysis.run(model: base, measures: ["degree", "density"], samples: 8, seed: 1, topK: 2)
        let csv = try UncertaintyWriter.csv(u)
        let rows = csv.split(separator: "\n")
        #expect(rows.first == "level,id,name,measure,mean,p05,p95,p_top_2")
        #expect(rows.count == 1 + 21 + 1)
        #expect(rows.last?.hasPrefix("network,,,density,") == true)
        #expect(try UncertaintyWriter.json(u) == (try UncertaintyWriter.json(u)))
    }
}
