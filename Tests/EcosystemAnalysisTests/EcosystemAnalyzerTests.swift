import Ecosystem
import FixtureSupport
import NetworkAnalysis
import Testing
@testable import EcosystemAnalysis

/// A fixture graph as an ecosystem model: actor i is node i, every edge a relation of one
/// mutual relation type, so the analyzer's whole chain (model → graph → catalog) is exercised.
func model(from fixture: FixtureGraph) -> EcosystemModel {
    EcosystemModel(
        name: fixture.name,
        actorTypes: [ActorType(id: "node", label: "Node", color: "#999999", shape: "ellipse")],
        relationTypes: [RelationType(id: "tie", label: "tie", color: "#000000", style: "solid", directed: fixture.directed)],
        actors: fixture.nodes.map { Actor(id: $0, name: $0, type: "node") },
        relations: fixture.edges.enumerated().map { i, e in
            Relation(id: "r\(i + 1)", from: fixture.nodes[Int(e[0])], to: fixture.nodes[Int(e[1])], type: "tie", weight: e[2])
        })
}

func expectColumn(_ table: MetricsTable, _ measure: String, _ reference: [Double]?, tolerance: Double = 1e-9,
                  sourceLocation: SourceLocation = #_sourceLocation) {
    guard let reference, let column = table.column(measure) else {
        Issue.record("missing column or reference for \(measure)", sourceLocation: sourceLocation)
        return
    }
    if let (i, ours, theirs) = firstDisagreement(column, reference, tolerance: tolerance) {
        Issue.record("\(measure): node \(i) is \(ours), reference \(theirs)", sourceLocation: sourceLocation)
    }
}

func networkValue(_ table: MetricsTable, _ name: String) -> Double? {
    table.network.first { $0.name == name }?.value
}

@Suite("Analyzer against NetworkX reference values, end to end")
struct EcosystemAnalyzerReferenceTests {
    @Test("karate club, weighted (path length 1/strength): centralities and structural holes")
    func karateWeighted() throws {
        let fixture = try Fixtures.graph("karate")
        let table = try EcosystemAnalyzer.metrics(
            of: model(from: fixture),
            measures: ["degree", "strength", "betweenness", "closeness", "harmonic", "pagerank", "constraint",
                       "effective_size", "core_number", "global_efficiency", "average_path_length", "density",
                       "fragmentation"],
            options: AnalysisOptions(directed: false, weighting: .strength, normalized: true))
        let paths = try Fixtures.reference("reference/paths.json")["karate|undirected|strength"]
        let spectral = try Fixtures.reference("reference/spectral.json")["karate"]
        let structure = try Fixtures.reference("reference/structure.json")["graphs"]?["karate"]
        expectColumn(table, "betweenness", paths?["betweenness"]?.doubles)
        expectColumn(table, "closeness", paths?["closeness_incoming"]?.doubles)
        expectColumn(table, "harmonic", paths?["harmonic_incoming"]?.doubles)
        expectColumn(table, "pagerank", spectral?["pagerank_weighted"]?.doubles, tolerance: 1e-8)
        expectColumn(table, "constraint", spectral?["holes_weighted"]?["constraint"]?.doubles)
        expectColumn(table, "effective_size", spectral?["holes_weighted"]?["effective_size"]?.doubles)
        expectColumn(table, "degree", structure?["degree"]?.doubles)
        expectColumn(table, "strength", structure?["strength"]?.doubles)
        expectColumn(table, "core_number", structure?["core_number"]?.doubles)
        #expect(agree(networkValue(table, "global_efficiency") ?? .nan, paths?["global_efficiency"]?.double ?? 0, tolerance: 1e-9))
        #expect(agree(networkValue(table, "average_path_length") ?? .nan, paths?["average_path_length"]?.double ?? 0, tolerance: 1e-9))
        #expect(agree(networkValue(table, "density") ?? .nan, structure?["density"]?.double ?? 0, tolerance: 1e-12))
        #expect(networkValue(table, "fragmentation") == 0)
    }

    @Test("Florentine families, unweighted: betweenness raw and normalized")
    func florentine() throws {
        let fixture = try Fixtures.graph("florentine")
        let paths = try Fixtures.reference("reference/paths.json")["florentine|undirected|none"]
        for normalized in [true, false] {
            let table = try EcosystemAnalyzer.metrics(
                of: model(from: fixture), measures: ["betweenness", "closeness"],
                options: AnalysisOptions(weighting: .unweighted, normalized: normalized))
            expectColumn(table, "betweenness", paths?[normalized ? "betweenness" : "betweenness_raw"]?.doubles)
            expectColumn(table, "closeness", paths?["closeness_incoming"]?.doubles)
        }
    }

    @Test("a measure without a unique answer is NaN with a reason, not a failure")
    func undefinedMeasure() throws {
        // Two disjoint triangles: the dominant eigenvalue (2) is reached in two components.
        let m = EcosystemModel(
            name: "two-triangles",
            actorTypes: [ActorType(id: "n", label: "n", color: "#000000", shape: "box")],
            relationTypes: [RelationType(id: "t", label: "t", color: "#000000", style: "solid", directed: false)],
            actors: (1...6).map { Actor(id: "a\($0)", name: "a\($0)", type: "n") },
            relations: [("a1", "a2"), ("a2", "a3"), ("a3", "a1"), ("a4", "a5"), ("a5", "a6"), ("a6", "a4")]
                .enumerated().map { Relation(id: "r\($0.offset)", from: $0.element.0, to: $0.element.1, type: "t") })
        let table = try EcosystemAnalyzer.metrics(of: m, measures: ["eigenvector", "degree"])
        #expect(table.column("eigenvector")?.allSatisfy(\.isNaN) == true)
        #expect(table.column("degree") == [2, 2, 2, 2, 2, 2])
        #expect(table.undefined.map(\.measure) == ["eigenvector"])
    }

    @Test("a zero weight on a path measure is refused with the edge named")
    func zeroWeight() throws {
        var m = try model(from: Fixtures.graph("kite"))
        m.relations[3].weight = 0
        #expect(throws: AnalysisError.self) {
            try EcosystemAnalyzer.metrics(of: m, measures: ["betweenness"])
        }
        let table = try EcosystemAnalyzer.metrics(of: m, measures: ["betweenness"], options: AnalysisOptions(weighting: .unweighted))
        #expect(table.column("betweenness")?.count == 10)
    }

    @Test("unknown measure names list the valid ones")
    func unknownMeasure() throws {
        let m = try model(from: Fixtures.graph("kite"))
        do {
            _ = try EcosystemAnalyzer.metrics(of: m, measures: ["betweeness"])
            Issue.record("expected an error")
        } catch let error as AnalysisError {
            #expect(error.description.contains("unknown measure 'betweeness'"))
            #expect(error.description.contains("betweenness"))
        }
    }

    @Test("every catalog name is unique, snake_case and documented")
    func catalog() {
        let names = MeasureCatalog.all.map(\.name)
        #expect(Set(names).count == names.count)
        for definition in MeasureCatalog.all {
            #expect(definition.name.allSatisfy { $0.isLowercase || $0 == "_" || $0.isNumber }, "\(definition.name)")
            #expect(definition.convention.count > 20, "\(definition.name) needs a convention")
        }
    }
}

@Suite("Ecosystem network mapping")
struct EcosystemNetworkTests {
    let model = EcosystemModel(
        name: "m",
        actorTypes: [ActorType(id: "g", label: "g", color: "#000000", shape: "box")],
        relationTypes: [
            RelationType(id: "funds", label: "funds", color: "#000000", style: "solid", directed: true),
            RelationType(id: "collaborates", label: "collaborates", color: "#000000", style: "dashed", directed: false),
        ],
        actors: ["a", "b", "c"].map { Actor(id: $0, name: $0.uppercased(), type: "g") },
        relations: [
            Relation(id: "r1", from: "a", to: "b", type: "funds", weight: 2),
            Relation(id: "r2", from: "a", to: "b", type: "collaborates", weight: 3),
            Relation(id: "r3", from: "b", to: "c", type: "collaborates", weight: 1),
        ])

    @Test("undirected: one edge per relation; parallel ties merged with summed strength")
    func undirected() {
        let network = EcosystemNetwork(model: model)
        #expect(network.graph.edgeCount == 3)
        #expect(!network.graph.isDirected)
        #expect(network.simpleGraph.edgeCount == 2)
        #expect(network.simpleGraph.weights == [5, 1])
        #expect(network.simpleEdge == [0, 0, 1])
        #expect(network.edgeLabels == ["r1", "r2", "r3"])
    }

    @Test("directed: mutual relation types become two arcs, directed ones one")
    func directed() {
        let network = EcosystemNetwork(model: model, directed: true)
        #expect(network.graph.edgeCount == 5)
        #expect(network.edgeRelation == [0, 1, 1, 2, 2])
        #expect(network.edgeLabels == ["r1", "r2>", "r2<", "r3>", "r3<"])
        #expect(network.graph.degrees(mode: .incoming) == [1, 3, 1])  // b receives r1, r2 (a→b) and r3 (c→b)
    }

    @Test("a doubled tie is not a bridge; the single tie is")
    func bridges() throws {
        let table = try EcosystemAnalyzer.metrics(of: model, measures: ["bridge", "articulation_point", "bridges"])
        #expect(table.edges?.columns.first == [0, 0, 1])
        #expect(table.column("articulation_point") == [0, 1, 0])
        #expect(networkValue(table, "bridges") == 1)
    }

    @Test("groups are numbered in order of first appearance")
    func groups() {
        var m = model
        m.actors[0].place = "Delft"; m.actors[1].place = "Zoetermeer"; m.actors[2].place = "Delft"
        #expect(m.groups(by: .place).index == [0, 1, 0])
        #expect(m.groups(by: .type).index == [0, 0, 0])
    }
}

@Suite("Grouping attribute of the grouping measures")
struct GroupAttributeTests {
    /// Bug (issue 9): an attribute no actor has put every actor into one group (E-I −1,
    /// group modularity 0) without a word. It is refused, naming the attribute and the choices.
    @Test func anAttributeNoActorHasIsRefusedWithTheValidChoices() throws {
        let model = try zoetermeerModel()
        #expect(throws: AnalysisError.self) {
            try EcosystemAnalyzer.metrics(of: model, measures: ["ei_index_network"], options: AnalysisOptions(groupAttribute: "sector"))
        }
        do {
            _ = try EcosystemAnalyzer.metrics(of: model, measures: ["group_modularity"], options: AnalysisOptions(groupAttribute: "plac"))
            Issue.record("no error for 'plac'")
        } catch let AnalysisError.unknownGroupAttribute(name, valid) {
            #expect(name == "plac")
            #expect(Array(valid.prefix(4)) == ["type", "type_label", "place", "helix"])
            let message = AnalysisError.unknownGroupAttribute(name, valid: valid).description
            #expect(message.contains("'plac'") && message.contains("did you mean 'place'?"))
            #expect(!message.contains("--"))
        }
    }

    /// Bug (issue 9): `helix`, defined on actor types in Datasets/SCHEMA.md, was read as a free
    /// actor attribute that no actor has. It groups by the sphere of the actor's type.
    @Test func helixGroupsByTheSphereOfTheActorsType() throws {
        let model = try zoetermeerModel()
        var first: [String: Int] = [:]
        let byHand = model.actors.map { actor -> Int in
            let sphere = model.actorType(actor.type)?.helix ?? ""
            if let g = first[sphere] { return g }
            first[sphere] = first.count
            return first.count - 1
        }
        #expect(first.count >= 3)
        let table = try EcosystemAnalyzer.metrics(
            of: model, measures: ["ei_index", "ei_index_network", "group_modularity"], options: AnalysisOptions(groupAttribute: "helix"))
        let graph = EcosystemNetwork(model: model, directed: false).simpleGraph
        let expected = try graph.eiIndex(groups: byHand, weighting: .unweighted)
        #expect(table.column("ei_index")?.map { $0.isNaN ? -9 : $0 } == expected.perNode.map { $0.isNaN ? -9 : $0 })
        #expect(networkValue(table, "ei_index_network") == expected.network)
        #expect(expected.network > -1)
        #expect(networkValue(table, "group_modularity") == (try graph.modularity(partition: byHand, weighting: .strength)))
        #expect(networkValue(table, "group_modularity") != 0)
    }
}
