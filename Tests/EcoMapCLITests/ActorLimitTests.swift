import Ecosystem
import FixtureSupport
import EcoMapJobs
import Foundation
import Testing
@testable import EcoMapCLI

/// The documented limit on actors (InputLimits.maxActors, 50,000 per model) holds in every
/// format and every command, and a scenario cannot add past it; the error names the file, the
/// place, the count, the limit and how to raise it.
@Suite("The limit on actors, in every format and command")
struct ActorLimitTests {
    /// A folder with one file, written once per test run.
    static func file(_ name: String, _ text: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecomap-actor-limit-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        if !FileManager.default.fileExists(atPath: url.path) { try Data(text.utf8).write(to: url) }
        return url.path
    }

    /// An edge list of `rows` rows `n<2i>,n<2i+1>`: 2 × rows actors.
    static func edgeList(rows: Int) throws -> String {
        try file("pairs-\(rows).csv", "source,target\n" + (0..<rows).map { "n\(2 * $0),n\(2 * $0 + 1)" }.joined(separator: "\n") + "\n")
    }

    /// A JSON model with `count` actors, one per line (actor k on line k + 5), and one relation.
    static func jsonModel(count: Int) throws -> String {
        let actors = (0..<count).map { "{\"id\": \"a\($0)\", \"name\": \"A \($0)\", \"type\": \"t\"}" }.joined(separator: ",\n")
        return try file("model-\(count).json", """
            {"name": "big", "title": "Big",
             "actor_types": [{"id": "t", "label": "T", "color": "#0072B2", "shape": "box"}],
             "relation_types": [{"id": "r", "label": "r", "color": "#000000", "style": "solid", "directed": false}],
             "actors": [
            \(actors)
            ],
             "relations": [{"from": "a0", "to": "a1", "type": "r"}]}
            """)
    }

    /// A GEXF graph with `count` nodes (read by the shared model builder).
    static func gexf(count: Int) throws -> String {
        let nodes = (0..<count).map { "<node id=\"g\($0)\" label=\"G \($0)\"/>" }.joined(separator: "\n")
        return try file("graph-\(count).gexf", "<?xml version=\"1.0\"?>\n<gexf xmlns=\"http://gexf.net/1.2\" version=\"1.2\"><graph defaultedgetype=\"undirected\"><nodes>\n\(nodes)\n</nodes><edges><edge source=\"g0\" target=\"g1\"/></edges></graph></gexf>\n")
    }

    /// The one issue `arguments` fail with.
    func failure(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) -> ModelIssue? {
        do {
            try runCommand(arguments)
            Issue.record("\(arguments[0]) accepted the file", sourceLocation: sourceLocation)
        } catch let error as ModelError {
            let over = error.issues.filter { $0.message.contains("more than the limit of 50,000 actors per model") }
            #expect(over.count == 1, "\(error)", sourceLocation: sourceLocation)
            return over.first
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        }
        return nil
    }

    static let raise = "to raise the limit, change InputLimits.maxActors in Sources/Ecosystem/Loading/InputLimits.swift and rebuild"

    @Test("an edge list: the row that passes the limit, with the file's count")
    func edgeListOverLimit() throws {
        let path = try Self.edgeList(rows: 25_001)   // 50,002 actors; n50000, the 50,001st, is on row 25,001 (line 25,002)
        for command in ["validate", "gaps"] {
            let issue = failure([command, path])
            #expect(issue?.file == path && issue?.line == 25_002)
            #expect(issue?.message == "50,002 actors: more than the limit of 50,000 actors per model")
            #expect(issue?.valid?.hasSuffix(Self.raise) == true)
        }
        #expect(throws: Never.self) { try runCommand(["validate", try Self.edgeList(rows: 25_000)]) }   // exactly 50,000
    }

    @Test("a model (JSON) and a GEXF graph: the actor that passes the limit")
    func modelAndGraphOverLimit() throws {
        let model = try Self.jsonModel(count: 50_001)
        let issue = failure(["render", model, "-o", "-"])
        #expect(issue?.file == model && issue?.line == 50_005 && issue?.message == "50,001 actors: more than the limit of 50,000 actors per model")
        #expect(issue?.valid?.hasSuffix(Self.raise) == true)
        let graph = try Self.gexf(count: 50_001)
        let second = failure(["compare", Fixtures.repositoryRoot.appendingPathComponent("Datasets/examples/tiny.json").path, graph])
        #expect(second?.file == graph && second?.message == "50,001 actors: more than the limit of 50,000 actors per model")
    }

    @Test("a scenario cannot add an actor past the limit")
    func scenarioOverLimit() throws {
        let base = try GraphInput.loadModel(try Self.jsonModel(count: 50_000), files: RunFiles())
        let scenario = try ScenarioLoader.load(yaml: "changes:\n  - add_actor: {id: extra, name: Extra, type: t}\n", file: "s.yaml")
        do {
            _ = try scenario.apply(to: base)
            Issue.record("the scenario was applied")
        } catch {
            #expect(error.issues.count == 1)
            #expect(error.issues.first?.file == "s.yaml" && error.issues.first?.line == 2)
            #expect(error.issues.first?.message == "add_actor would make the model 50,001 actors: more than the limit of 50,000 actors per model")
            #expect(error.issues.first?.valid?.hasSuffix(Self.raise) == true)
        }
    }
}
