import Ecosystem
import FixtureSupport
import NetworkAnalysis
import Testing
@testable import EcosystemAnalysis

@Suite("Ego networks as models: measures computed inside the ego network")
struct EgoNetworkTests {
    @Test("karate, actor 0, radius 1 and 2: the actors of NetworkX ego_graph and every tie among them")
    func karate() throws {
        let fixture = try Fixtures.graph("karate")
        let whole = model(from: fixture)
        let r = try #require(try Fixtures.reference("reference/research.json")["graphs"]?["karate"])
        for radius in [1, 2] {
            let ego = try EgoNetwork.model(whole, ego: fixture.nodes[0], radius: radius)
            let expected = try #require(r["ego_0_radius_\(radius)"]?.doubles).map { fixture.nodes[Int($0)] }
            #expect(ego.actors.map(\.id) == expected)
            let kept = Set(expected)
            #expect(ego.relations.map(\.id) == whole.relations.filter { kept.contains($0.from) && kept.contains($0.to) }.map(\.id))
            #expect(ego.name == "karate-ego-\(fixture.nodes[0])")
        }
    }

    @Test("Burt's constraint in the ego network is that of the induced subgraph, not of the whole network")
    func burtInside() throws {
        let fixture = try Fixtures.graph("karate")
        let whole = model(from: fixture)
        let ego = try EgoNetwork.model(whole, ego: fixture.nodes[0], radius: 1)
        let t = try EcosystemAnalyzer.metrics(of: ego, measures: ["constraint", "effective_size"])
        let induced = EcosystemNetwork(model: ego).simpleGraph
        let holes = try induced.structuralHoles()
        #expect(t.column("constraint") == holes.constraint)
        let full = try EcosystemAnalyzer.metrics(of: whole, measures: ["constraint"])
        // The ego's own constraint differs: its contacts' other ties are outside the ego network.
        #expect(t.column("constraint")?[0] != full.column("constraint")?[0])
    }

    @Test("an unknown ego is refused with the closest ids; a radius below 1 is refused")
    func errors() throws {
        let whole = model(from: try Fixtures.graph("florentine"))
        do {
            _ = try EgoNetwork.model(whole, ego: "Medicci")
            Issue.record("an unknown ego was accepted")
        } catch let EgoNetworkError.unknownActor(id, closest) {
            #expect(id == "Medicci" && closest.first == "Medici")
        }
        #expect(throws: EgoNetworkError.invalidRadius(0)) { try EgoNetwork.model(whole, ego: "Medici", radius: 0) }
    }
}
