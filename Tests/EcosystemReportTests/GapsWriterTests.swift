import Ecosystem
import EcosystemAnalysis
import Foundation
import Testing
@testable import EcosystemReport

@Suite("Gap report writers")
struct GapsWriterTests {
    /// A path Café Münster – Gemeente 's-Gravenhage – Yes!Delft plus an isolated actor.
    static let model = EcosystemModel(
        name: "t", title: "Tëst",
        actorTypes: [ActorType(id: "a", label: "A", color: "#000000", shape: "box", helix: "government"),
                     ActorType(id: "b", label: "B", color: "#000000", shape: "box", helix: "industry")],
        relationTypes: [RelationType(id: "tie", label: "tie", color: "#000000", style: "solid", directed: false)],
        actors: [Actor(id: "cafe", name: "Café Münster", type: "b", place: "Delft"),
                 Actor(id: "gem", name: "Gemeente 's-Gravenhage", type: "a", place: "Den Haag"),
                 Actor(id: "yd", name: "Yes!Delft", type: "b", place: "Delft"),
                 Actor(id: "solo", name: "Solo_*", type: "a")],
        relations: [Relation(id: "r1", from: "cafe", to: "gem", type: "tie"), Relation(id: "r2", from: "gem", to: "yd", type: "tie")])

    let report = try! GapAnalyzer.analyze(model, options: GapOptions(ties: 2))

    @Test("JSON: a findings list with kinds, severities, actors with names, evidence; NaN as null")
    func json() throws {
        let text = try GapsWriter.json(report)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.count == report.findings.count)
        let first = findings[0]
        #expect(first["kind"] as? String == "fragmentation")
        #expect(first["severity"] as? String == "high")
        #expect((first["actors"] as? [[String: Any]])?.first?["name"] as? String == "Solo_*")
        #expect(first["rule"] is NSNull)
        let bridge = try #require(findings.first { ($0["relations"] as? [[String: Any]])?.first?["id"] as? String == "r1" })
        #expect((bridge["relations"] as? [[String: Any]])?.first?["from"] as? String == "cafe")
        let evidence = try #require(bridge["evidence"] as? [[String: Any]])
        #expect(evidence.first?["measure"] as? String == "bridge" && evidence.first?["value"] as? Int == 1)
        #expect((object["model"] as? [String: Any])?["title"] as? String == "Tëst")
        let portfolio = try #require(object["tie_portfolio"] as? [String: Any])
        let ties = try #require(portfolio["ties"] as? [[String: Any]])
        #expect(ties.count == 2)
        #expect(ties.allSatisfy { !(($0["filters"] as? [String]) ?? []).isEmpty })
        let gains = ties.compactMap { $0["marginal_change"] as? Double }
        #expect(abs(gains.reduce(0, +) - ((portfolio["change"] as? Double) ?? .nan)) < 1e-12)
        #expect(portfolio["objective"] as? String == "global_efficiency")
        #expect((object["removal"] as? [[String: Any]])?.count == 4)
        // The isolate's constraint is undefined: a removal row is still numeric, the broker list has none.
        #expect(text.contains("\"Café Münster\""))
        #expect(try GapsWriter.json(report) == text)  // deterministic
    }

    @Test("Markdown: a section per kind, names as written, markup escaped")
    func markdown() {
        let text = GapsWriter.markdown(report)
        #expect(text.hasPrefix("# Gap analysis: Tëst\n"))
        for kind in FindingKind.allCases { #expect(text.contains("\n## \(kind.title)\n")) }
        #expect(text.contains("Solo\\_\\* has no tie to any other actor in the model."))
        #expect(text.contains("Gemeente 's-Gravenhage is a single point of failure"))
        #expect(text.contains("| 1 | Gemeente 's-Gravenhage | yes | 3 |"))
        #expect(text.contains("*Skipped:* reachability of the municipality"))
    }

    @Test("HTML: the Markdown's document as a fragment, user text escaped")
    func html() {
        let html = GapsWriter.html(report)
        #expect(html.hasPrefix("<h3>Gap analysis: Tëst</h3>\n<p>4 actors, 2 relations."))
        for kind in FindingKind.allCases { #expect(html.contains("<h4>\(kind.title)</h4>\n")) }
        #expect(html.contains("<li><strong>medium</strong> Solo_* has no tie to any other actor in the model."))
        #expect(html.contains("Gemeente &#39;s-Gravenhage is a single point of failure"))
        #expect(html.contains("<tr><td class=\"num\">1</td><td>Gemeente &#39;s-Gravenhage</td><td class=\"center\">yes</td><td class=\"num\">3</td>"))
        #expect(html.contains("<p><em>Skipped:</em> reachability of the municipality"))
        #expect(!html.contains("**") && !html.contains("\\_"))
        #expect(GapsWriter.markdown(report, headingLevel: 3).hasPrefix("### Gap analysis: Tëst\n\n"))
    }

    @Test("Table: a row per (folded) finding, wrapped to the width")
    func table() {
        let lines = GapsWriter.table(report, width: 80).split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 80 })
        let kinds = Set(FindingKind.allCases.map(\.rawValue))
        #expect(lines.filter { kinds.contains(String($0.prefix { $0 != " " })) }.count == report.foldedFindings().count)
        #expect(lines.filter { $0.hasPrefix("skipped (") }.count == report.skipped.count)
        #expect(lines.contains { $0.hasPrefix("tie portfolio: Together the 2 ties change global_efficiency from ") })
        #expect(lines[2].hasPrefix("fragmentation            high      The network falls apart into 2 components"))
        #expect(lines.contains { $0.hasPrefix("                                   ") }, "long sentences continue under their column")
    }
}
