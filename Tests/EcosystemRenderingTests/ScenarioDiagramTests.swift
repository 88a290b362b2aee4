import Ecosystem
import EcosystemAnalysis
import FixtureSupport
import Foundation
import Testing
@testable import EcosystemRendering
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("Scenario diff diagrams and small multiples")
struct ScenarioDiagramTests {
    let folder = Fixtures.repositoryRoot.appendingPathComponent("Datasets/zoetermeer")

    func models() throws -> (EcosystemModel, [EcosystemModel]) {
        let base = try ModelLoader.load(contentsOf: folder.appendingPathComponent("model.yaml"))
        let scenarios = try ["programme", "dip-loss"].map {
            try ScenarioLoader.loadChain(contentsOf: folder.appendingPathComponent("scenarios/\($0).yaml")).apply(to: base)
        }
        return (base, scenarios)
    }

    /// Collects `id` → `class` of every element.
    final class Classes: NSObject, XMLParserDelegate {
        var byID: [String: String] = [:]
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if let id = attributes["id"] { byID[id] = attributes["class"] ?? "" }
        }
    }

    func parse(_ data: Data) -> Classes? {
        let parser = XMLParser(data: data)
        let classes = Classes()
        parser.delegate = classes
        return parser.parse() ? classes : nil
    }

    @Test func positionsKeepTheBaselineAndPlaceAddedActors() throws {
        let (base, scenarios) = try models()
        let alone = try ScenarioDiagram.positions(baseline: base, scenarios: [])
        let all = try ScenarioDiagram.positions(baseline: base, scenarios: scenarios)
        #expect(alone.count == 21 && all.count == 22)
        for actor in base.actors { #expect(all[actor.id] == alone[actor.id], "\(actor.id) moved") }
        let office = try #require(all["programma_smart_city"])
        #expect(base.actors.allSatisfy { all[$0.id] != office })
        #expect(try ScenarioDiagram.positions(baseline: base, scenarios: scenarios) == all)  // deterministic
    }

    @Test func diffMarksAddedRemovedAndUnchanged() throws {
        let (base, scenarios) = try models()
        let positions = try ScenarioDiagram.positions(baseline: base, scenarios: scenarios)
        // Node sizes are numbers the caller computed (the renderer computes none).
        let column = try EcosystemAnalyzer.metrics(of: scenarios[1], measures: ["betweenness"]).columns[0]
        let sizes = Dictionary(uniqueKeysWithValues: zip(scenarios[1].actors.map(\.id), column))
        let svg = try ScenarioDiagram.svg(
            baseline: base, scenario: scenarios[1], positions: positions, sizes: sizes, sizeMeasure: "betweenness")
        let classes = try #require(parse(Data(svg)))
        #expect(classes.byID[DOTText.identifier("dip", prefix: "actor-")] == "node actor type-intermediary removed")
        #expect(classes.byID[DOTText.identifier("college", prefix: "actor-")] == "node actor type-government")
        #expect(classes.byID[DOTText.identifier("r16", prefix: "relation-")]?.hasSuffix(" removed") == true)       // dip initiates project B
        #expect(classes.byID[DOTText.identifier("motie_2017", prefix: "relation-")]?.hasSuffix(" unchanged") == true)
        #expect(classes.byID["legend"] == "node legend")
        #expect(classes.byID["diff-legend"] == "node legend diff-legend")
        // A finished map (SVGFinisher): title and description for screen readers, readable
        // element titles that say what the scenario did.
        let text = String(decoding: svg, as: UTF8.self)
        #expect(text.contains("role=\"img\" aria-labelledby=\"map-title map-desc\">\n<title id=\"map-title\">Verlies van het Dutch Innovation Park"))
        #expect(text.contains("<title>Dutch Innovation Park (DIP) · Intermediary · Zoetermeer · betweenness in this network undefined · removed in the scenario</title>"))
        // The removed actor is still drawn (dashed), at its baseline position.
        let dot = ScenarioDiagram.dot(baseline: base, scenario: scenarios[1], positions: positions, title: "t")
        let p = try #require(positions["dip"])
        #expect(dot.contains("pos=\(EcosystemDiagram.pinnedPosition(p))"))
        #expect(dot.contains("style=\"filled,dashed\""))
        // Every line is coloured by the diff, so the map's legend leaves out the relation types.
        #expect(!dot.contains("Relation types"))
        #expect(ScenarioDiagram.dot(baseline: base, scenario: nil, positions: positions, title: "t").contains("Relation types"))
        let added = try ScenarioDiagram.svg(baseline: base, scenario: scenarios[0], positions: positions)
        let addedClasses = try #require(parse(Data(added)))
        #expect(addedClasses.byID[DOTText.identifier("programma_smart_city", prefix: "actor-")] == "node actor type-government added")
        #expect(addedClasses.byID[DOTText.identifier("p_college", prefix: "relation-")]?.hasSuffix(" added") == true)
        #expect(addedClasses.byID[DOTText.identifier("r19", prefix: "relation-")] == nil || addedClasses.byID[DOTText.identifier("r19", prefix: "relation-")]?.hasSuffix(" unchanged") == true)
    }

    @Test func smallMultiplesShareOneFrameAndPrefixIDs() throws {
        let (base, scenarios) = try models()
        let positions = try ScenarioDiagram.positions(baseline: base, scenarios: scenarios)
        let svg = try ScenarioDiagram.smallMultiples(baseline: base, scenarios: scenarios, positions: positions)
        let classes = try #require(parse(Data(svg.utf8)), "not well-formed")
        #expect(classes.byID[DOTText.identifier("dip", prefix: "p0-actor-")] == "node actor type-intermediary")        // baseline: no diff classes
        #expect(classes.byID[DOTText.identifier("dip", prefix: "p2-actor-")] == "node actor type-intermediary removed")
        #expect(classes.byID[DOTText.identifier("programma_smart_city", prefix: "p1-actor-")] == "node actor type-government added")
        #expect(classes.byID[DOTText.identifier("programma_smart_city", prefix: "p0-actor-")] == nil)
        // Every panel has the same Graphviz viewBox, since the invisible frame bounds them all.
        let boxes = svg.components(separatedBy: "<svg viewBox=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(boxes.count == 3)
        #expect(Set(boxes).count == 1, "\(boxes)")
        #expect(svg == (try ScenarioDiagram.smallMultiples(baseline: base, scenarios: scenarios, positions: positions)))
    }
}
