import Foundation
import Testing
@testable import Ecosystem

// MARK: - Helpers

/// The base model of ModelLoaderTests with two relations (ids r1, grant).
func scenarioBase() throws -> EcosystemModel {
    try ModelLoader.load(yaml: model(relations:
        "  - {from: dip, to: city, type: collab, weight: 2}",
        "  - {id: grant, from: city, to: yes_delft, type: funds, weight: 3}"),
        file: "Datasets/test/model.yaml")
}

let scenarioFile = "Datasets/test/scenarios/s.yaml"

/// A scenario whose changes are `lines` (each a list item under `changes:`, from line 3 on).
func scenarioText(_ lines: String...) -> String {
    "name: s\nchanges:\n" + lines.map { "  - \($0)" }.joined(separator: "\n") + "\n"
}

/// The issues raised when loading or applying `text`; records a failure when it succeeds.
func scenarioIssues(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [ModelIssue] {
    let base = try scenarioBase()
    do {
        let s = try ScenarioLoader.load(yaml: text, file: scenarioFile)
        _ = try s.apply(to: base)
        Issue.record("expected scenario errors", sourceLocation: sourceLocation)
        return []
    } catch {
        return error.issues
    }
}

/// Asserts one issue at the position of `needle` in `text`, with id and message/valid fragments.
func expectScenarioIssue(
    _ text: String, at needle: String, id: String?, message: String, valid: String,
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let found = try scenarioIssues(text, sourceLocation: sourceLocation)
    #expect(found.count == 1, "issues: \(found)", sourceLocation: sourceLocation)
    guard let i = found.first else { return }
    let pos = position(of: needle, in: text)
    #expect(i.file == scenarioFile, sourceLocation: sourceLocation)
    #expect(i.line == pos.line && i.column == pos.column, "at \(i.line):\(i.column), expected \(pos)", sourceLocation: sourceLocation)
    #expect(i.id == id, "id \(i.id ?? "nil")", sourceLocation: sourceLocation)
    #expect(i.message.contains(message), "message: \(i.message)", sourceLocation: sourceLocation)
    #expect(i.valid?.contains(valid) == true, "valid: \(i.valid ?? "nil")", sourceLocation: sourceLocation)
}

func applied(_ text: String) throws -> EcosystemModel {
    try ScenarioLoader.load(yaml: text, file: scenarioFile).apply(to: try scenarioBase())
}

// MARK: - Parsing

@Suite("Scenario files: parsing")
struct ScenarioParsingTests {
    @Test func topLevelKeysAndEveryChangeKind() throws {
        let text = """
            title: What if
            description: A test.
            source: [memo §1, memo §2]
            base: ../model.yaml
            changes:
              - add_actor: {id: office, name: Programme office, type: gov, place: Zoetermeer, attributes: {rol: x}}
              - remove_actor: dip
              - add_relation: {from: office, to: city, type: funds, weight: 2, confidence: 0.5}
              - add_relation: {id: named, from: office, to: yes_delft, type: collab}
              - remove_relation: grant
              - set_weight: {relation: r1, weight: 0.5}
              - set_type: {actor: dip, type: gov}
              - set_type: {relation: r1, type: funds}
              - set_attribute: {actor: city, key: rol, value: host}
              - set_attribute: {actor: city, key: rol}
              - merge_actors: {keep: city, absorb: dip}
              - remove_relation_type: collab
              - remove_actors: {type: ind, place: Delft, attributes: {opgericht: "2005"}}
            """
        let s = try ScenarioLoader.load(yaml: text, file: scenarioFile)
        #expect(s.name == "s")
        #expect(s.title == "What if")
        #expect(s.sources == ["memo §1", "memo §2"])
        #expect(s.base == "../model.yaml")
        #expect(s.extends == nil)
        #expect(s.referencePosition == SourcePosition(file: scenarioFile, line: 4, column: 7))
        let kinds = s.changes.map(\.kind)
        #expect(kinds[0] == .addActor(Actor(id: "office", name: "Programme office", type: "gov", place: "Zoetermeer", attributes: [(key: "rol", value: "x")])))
        #expect(kinds[1] == .removeActor("dip"))
        #expect(kinds[2] == .addRelation(Relation(id: "s.r1", from: "office", to: "city", type: "funds", weight: 2, confidence: 0.5)))
        #expect(kinds[3] == .addRelation(Relation(id: "named", from: "office", to: "yes_delft", type: "collab")))
        #expect(kinds[4] == .removeRelation("grant"))
        #expect(kinds[5] == .setWeight(relation: "r1", weight: 0.5))
        #expect(kinds[6] == .setActorType(actor: "dip", type: "gov"))
        #expect(kinds[7] == .setRelationType(relation: "r1", type: "funds"))
        #expect(kinds[8] == .setAttribute(actor: "city", key: "rol", value: "host"))
        #expect(kinds[9] == .setAttribute(actor: "city", key: "rol", value: nil))
        #expect(kinds[10] == .mergeActors(keep: "city", absorb: "dip"))
        #expect(kinds[11] == .removeRelationType("collab"))
        #expect(kinds[12] == .removeActors(ActorFilter(type: "ind", place: "Delft", attributes: [.init(key: "opgericht", value: "2005")])))
        #expect(s.changes[1].position == SourcePosition(file: scenarioFile, line: 7, column: 19))
        #expect(Set(kinds.map(\.key)) == Set(ScenarioChange.keys))
    }

    @Test func unknownChangeSuggestsTheLikelyOne() throws {
        let text = scenarioText("remove_acter: dip")
        try expectScenarioIssue(text, at: "remove_acter", id: nil, message: "unknown change 'remove_acter'", valid: "did you mean 'remove_actor'?")
    }

    @Test func changeWithTwoKeysIsRefused() throws {
        let text = scenarioText("{remove_actor: dip, add_actor: {id: x, type: gov}}")
        try expectScenarioIssue(text, at: "{remove_actor", id: nil, message: "exactly one key", valid: "'remove_actor'")
    }

    @Test func unknownKeyInsideAChange() throws {
        let text = scenarioText("set_weight: {relation: r1, wieght: 2}")
        let found = try scenarioIssues(text)
        #expect(found.map(\.message).contains("unknown key 'wieght' in 'set_weight'"))
        #expect(found.contains { $0.valid?.contains("did you mean 'weight'?") == true })
        #expect(found.contains { $0.message.contains("missing required key 'weight'") })
        #expect(found.allSatisfy { $0.line == 3 })
    }

    @Test func badWeightIsRefusedWithItsPosition() throws {
        let text = scenarioText("set_weight: {relation: r1, weight: -2}")
        try expectScenarioIssue(text, at: "-2", id: "r1", message: "has weight '-2'", valid: "positive finite number")
    }

    @Test func addedRelationIsValidatedLikeAModelRelation() throws {
        let text = scenarioText("add_relation: {from: dip, to: dop, type: collab}")
        try expectScenarioIssue(text, at: "{from: dip, to: dop", id: "s.r1", message: "unknown actor 'dop'", valid: "known actors include")
        // A self-loop is a valid relation, as in a model.
        let m = try applied(scenarioText("add_relation: {from: dip, to: dip, type: collab}"))
        #expect(m.selfLoops == ["s.r1"])
    }

    @Test func setTypeNeedsExactlyOneTarget() throws {
        let text = scenarioText("set_type: {actor: dip, relation: r1, type: gov}")
        try expectScenarioIssue(text, at: "{actor", id: "dip", message: "exactly one of 'actor' and 'relation'", valid: "set_type: {actor")
    }

    @Test func mergeWithItselfAndEmptyFilterAndIdChangesAreRefused() throws {
        try expectScenarioIssue(scenarioText("merge_actors: {keep: dip, absorb: dip}"), at: "dip}", id: "dip",
                                message: "merges actor 'dip' with itself", valid: "two different actors")
        try expectScenarioIssue(scenarioText("remove_actors: {}"), at: "{}", id: nil,
                                message: "no condition", valid: "'type', 'place', 'attributes'")
        try expectScenarioIssue(scenarioText("set_attribute: {actor: dip, key: type, value: gov}"), at: "type, value", id: "dip",
                                message: "cannot change 'type'", valid: "set_type")
        try expectScenarioIssue(scenarioText("remove_actor: [dip]"), at: "[dip]", id: nil,
                                message: "remove_actor needs one id, found a sequence", valid: "remove_actor: dip")
    }

    @Test func missingChangesAndBothBaseAndExtends() throws {
        var found = try scenarioIssues("name: s\n")
        #expect(found.count == 1)
        #expect(found.first?.message.contains("missing required key 'changes'") == true)
        found = try scenarioIssues("base: m.yaml\nextends: other.yaml\nchanges: []\n")
        #expect(found.count == 1)
        #expect(found.first.map { [$0.line, $0.column] } == [2, 10])
        #expect(found.first?.message.contains("both 'base' and 'extends'") == true)
    }

    @Test func malformedYAMLHasAPosition() throws {
        let found = try scenarioIssues("changes:\n  - remove_actor: [dip\n")
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("malformed YAML") == true)
        #expect((found.first?.line ?? 0) >= 2)
    }

    @Test func everyIssueIsReportedAtOnce() throws {
        let text = scenarioText("remove_acter: dip", "set_weight: {relation: r1, weight: 0}", "remove_actor: nobody")
        // The first two fail while parsing; the third only applies (and is not reached).
        let found = try scenarioIssues(text)
        #expect(found.map(\.line) == [3, 4])
    }
}

// MARK: - Applying

@Suite("Scenario files: applying changes")
struct ScenarioApplicationTests {
    @Test func addAndRemoveActors() throws {
        let m = try applied(scenarioText("add_actor: {id: office, type: gov}", "remove_actor: dip"))
        #expect(m.actors.map(\.id) == ["city", "yes_delft", "office"])
        #expect(m.relations.map(\.id) == ["grant"])  // r1 (dip–city) went with dip
        #expect(m.name == "s")
    }

    @Test func addAndRemoveRelations() throws {
        let m = try applied(scenarioText("add_relation: {from: dip, to: yes_delft, type: collab, weight: 2}", "remove_relation: grant"))
        #expect(m.relations.map(\.id) == ["r1", "s.r1"])
        #expect(m.relations[1].from == "dip" && m.relations[1].to == "yes_delft" && m.relations[1].weight == 2)
    }

    @Test func changeWeightTypeAndAttributes() throws {
        let m = try applied(scenarioText(
            "set_weight: {relation: grant, weight: 5}", "set_type: {relation: r1, type: funds}",
            "set_type: {actor: dip, type: gov}", "set_attribute: {actor: city, key: rol, value: host}",
            "set_attribute: {actor: city, key: place, value: Zoetermeer}", "set_attribute: {actor: city, key: name, value: Stad}"))
        #expect(m.relations.first { $0.id == "grant" }?.weight == 5)
        #expect(m.relations.first { $0.id == "r1" }?.type == "funds")
        #expect(m.actors.first { $0.id == "dip" }?.type == "gov")
        let city = try #require(m.actors.first { $0.id == "city" })
        #expect(city.attribute("rol") == "host" && city.place == "Zoetermeer" && city.name == "Stad")
        let removed = try applied(scenarioText("set_attribute: {actor: city, key: rol, value: host}", "set_attribute: {actor: city, key: rol}"))
        #expect(removed.actors.first { $0.id == "city" }?.attribute("rol") == nil)
    }

    @Test func mergeMovesTiesAndDropsTheTieBetweenThem() throws {
        let m = try applied(scenarioText("add_actor: {id: hub, type: ind, attributes: {k: v}}",
                                         "add_relation: {id: h, from: hub, to: yes_delft, type: collab}",
                                         "merge_actors: {keep: dip, absorb: city}"))
        #expect(m.actors.map(\.id) == ["dip", "yes_delft", "hub"])
        // r1 (dip–city) became dip–dip and is gone; grant (city → yes_delft) now starts at dip.
        #expect(m.relations.map(\.id) == ["grant", "h"])
        #expect(m.relations[0].from == "dip" && m.relations[0].to == "yes_delft")
    }

    @Test func mergeKeepsTheSelfLoopsTheModelHad() throws {
        let m = try applied(scenarioText("add_relation: {id: own, from: city, to: city, type: collab}",
                                         "merge_actors: {keep: dip, absorb: city}"))
        // r1 (dip–city) is gone; the loop city–city is now dip–dip and stays.
        #expect(m.relations.map(\.id) == ["grant", "own"])
        #expect(m.relations[1].from == "dip" && m.relations[1].to == "dip")
    }

    @Test func removeEveryRelationOfATypeAndActorsMatchingAFilter() throws {
        var m = try applied(scenarioText("remove_relation_type: collab"))
        #expect(m.relations.map(\.id) == ["grant"])
        #expect(m.relationTypes.map(\.id) == ["funds", "collab"])
        m = try applied(scenarioText("remove_actors: {type: ind}"))
        #expect(m.actors.map(\.id) == ["city"])
        #expect(m.relations.isEmpty)
    }

    @Test func changesApplyInOrder() throws {
        // Removing then re-adding an actor with the same id is fine; ties are not restored.
        let m = try applied(scenarioText("remove_actor: dip", "add_actor: {id: dip, type: gov}"))
        #expect(m.actors.map(\.id) == ["city", "yes_delft", "dip"])
        #expect(m.relations.map(\.id) == ["grant"])
    }

    @Test func unknownIdsNameTheClosestKnownOnes() throws {
        try expectScenarioIssue(scenarioText("remove_actor: dip2"), at: "dip2", id: "dip2",
                                message: "remove_actor names unknown actor 'dip2'", valid: "known actors include 'dip'")
        try expectScenarioIssue(scenarioText("set_weight: {relation: grnt, weight: 2}"), at: "{relation", id: "grnt",
                                message: "set_weight names unknown relation 'grnt'", valid: "known relations include 'grant'")
        try expectScenarioIssue(scenarioText("add_relation: {from: dip, to: cty, type: collab}"), at: "{from", id: "s.r1",
                                message: "unknown actor 'cty' in 'to'", valid: "'city'")
    }

    @Test func undeclaredTypesAndDuplicatesAreRefused() throws {
        try expectScenarioIssue(scenarioText("add_actor: {id: uni, type: knowledge}"), at: "{id: uni", id: "uni",
                                message: "undeclared actor type 'knowledge'", valid: "declared actor types: 'gov', 'ind'")
        try expectScenarioIssue(scenarioText("set_type: {relation: r1, type: founds}"), at: "{relation", id: "r1",
                                message: "undeclared relation type 'founds'", valid: "'funds', 'collab'")
        try expectScenarioIssue(scenarioText("add_actor: {id: dip, type: ind}"), at: "{id: dip", id: "dip",
                                message: "actor 'dip', which already exists", valid: "use a new id")
        try expectScenarioIssue(scenarioText("add_relation: {id: grant, from: dip, to: city, type: funds}"), at: "{id: grant", id: "grant",
                                message: "relation 'grant', which already exists", valid: "use a new id")
        try expectScenarioIssue(scenarioText("remove_actors: {place: Delft}"), at: "{place", id: nil,
                                message: "matches no actor (place 'Delft')", valid: "actor types in use")
    }

    @Test func laterChangesSeeEarlierOnesAndAllIssuesShow() throws {
        // The second change refers to an actor the first one removed.
        let found = try scenarioIssues(scenarioText("remove_actor: dip", "set_type: {actor: dip, type: gov}", "remove_relation: nope"))
        #expect(found.map(\.line) == [4, 5])
        #expect(found.map(\.id) == ["dip", "nope"])
    }

    @Test func diffNamesWhatChanged() throws {
        let base = try scenarioBase()
        let m = try applied(scenarioText("add_actor: {id: office, type: gov}", "remove_actor: yes_delft",
                                         "add_relation: {id: n, from: office, to: dip, type: collab}", "set_weight: {relation: r1, weight: 9}"))
        let d = ModelDiff(base: base, changed: m)
        #expect(d.addedActors == ["office"] && d.removedActors == ["yes_delft"] && d.changedActors.isEmpty)
        #expect(d.addedRelations == ["n"] && d.removedRelations == ["grant"] && d.changedRelations == ["r1"])
        #expect(!d.isEmpty)
        #expect(ModelDiff(base: base, changed: base).isEmpty)
    }
}

// MARK: - Chains

@Suite("Scenario files: building on another scenario")
struct ScenarioChainTests {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ecomap-scenarios-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func write(_ text: String, _ name: String, in dir: URL) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func chainAppliesTheBaseMostScenarioFirst() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try write("base: ../model.yaml\nchanges:\n  - add_actor: {id: office, type: gov}\n", "a.yaml", in: dir)
        _ = try write("extends: a.yaml\nchanges:\n  - add_relation: {id: t, from: office, to: dip, type: collab}\n", "b.yaml", in: dir)
        let c = try write("extends: ./b.yaml\ntitle: C\nchanges:\n  - remove_actor: yes_delft\n", "c.yaml", in: dir)
        let chain = try ScenarioLoader.loadChain(contentsOf: c)
        #expect(chain.scenarios.map(\.name) == ["a", "b", "c"])
        #expect(chain.basePath == ScenarioLoader.resolve("../model.yaml", from: dir.appendingPathComponent("a.yaml").path))
        let m = try chain.apply(to: try scenarioBase())
        #expect(m.name == "c" && m.title == "C")
        #expect(m.actors.map(\.id) == ["dip", "city", "office"])
        #expect(m.relations.map(\.id) == ["r1", "t"])
    }

    @Test func aCycleIsAnErrorNamingTheFiles() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try write("changes: []\nextends: b.yaml\n", "a.yaml", in: dir)
        _ = try write("extends: c.yaml\nchanges: []\n", "b.yaml", in: dir)
        _ = try write("extends: a.yaml\nchanges: []\n", "c.yaml", in: dir)
        do {
            _ = try ScenarioLoader.loadChain(contentsOf: dir.appendingPathComponent("a.yaml"))
            Issue.record("expected a cycle error")
        } catch {
            #expect(error.issues.count == 1)
            let i = try #require(error.issues.first)
            #expect(i.file.hasSuffix("c.yaml"))
            #expect(i.line == 1 && i.column == 10)
            #expect(i.id == "c")
            let names = ["a.yaml", "b.yaml", "c.yaml"].map { dir.appendingPathComponent($0).relativePath }
            #expect(i.message.contains("a cycle \(names[0]) → \(names[1]) → \(names[2]) → \(names[0])"), "\(i.message)")
        }
    }

    @Test func aScenarioExtendingItselfIsACycle() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = try write("extends: a.yaml\nchanges: []\n", "a.yaml", in: dir)
        #expect(throws: ModelError.self) { try ScenarioLoader.loadChain(contentsOf: a) }
    }

    @Test func aMissingParentIsAnError() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = try write("extends: gone.yaml\nchanges: []\n", "a.yaml", in: dir)
        do {
            _ = try ScenarioLoader.loadChain(contentsOf: a)
            Issue.record("expected an error")
        } catch {
            #expect(error.issues.first?.message.contains("extends 'gone.yaml', but there is no file") == true)
            #expect(error.issues.first.map { [$0.line, $0.column] } == [1, 10])
        }
    }

    @Test func pathsResolveAgainstTheScenarioFolder() {
        #expect(ScenarioLoader.resolve("../model.yaml", from: "Datasets/z/scenarios/a.yaml") == "Datasets/z/model.yaml")
        #expect(ScenarioLoader.resolve("./b.yaml", from: "a.yaml") == "b.yaml")
        #expect(ScenarioLoader.resolve("../../m.yaml", from: "s/a.yaml") == "../m.yaml")
        #expect(ScenarioLoader.resolve("/abs/m.yaml", from: "s/a.yaml") == "/abs/m.yaml")
        #expect(ScenarioLoader.resolve("../m.yaml", from: "/x/s/a.yaml") == "/x/m.yaml")
    }
}

// MARK: - The Zoetermeer scenarios

@Suite("Zoetermeer scenarios")
struct ZoetermeerScenarioTests {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Datasets/zoetermeer")

    @Test(arguments: ["programme", "visibility", "regional", "dip-loss", "programme-dip-loss"])
    func scenarioAppliesAndCitesTheMemo(_ name: String) throws {
        let model = try ModelLoader.load(contentsOf: folder.appendingPathComponent("model.yaml"))
        let chain = try ScenarioLoader.loadChain(contentsOf: folder.appendingPathComponent("scenarios/\(name).yaml"))
        #expect(chain.scenario.sources.contains { $0.contains("Bestuurlijke nota Smart City 2022") })
        #expect(chain.basePath.map { URL(fileURLWithPath: $0).standardizedFileURL } == folder.appendingPathComponent("model.yaml").standardizedFileURL)
        let changed = try chain.apply(to: model)
        #expect(!ModelDiff(base: model, changed: changed).isEmpty)
        // Every added relation cites its source.
        for r in changed.relations where model.relations.allSatisfy({ $0.id != r.id }) { #expect(!r.source.isEmpty, "\(r.id)") }
    }

    @Test func dipLossRemovesTheParkAndItsSixTies() throws {
        let model = try ModelLoader.load(contentsOf: folder.appendingPathComponent("model.yaml"))
        let changed = try ScenarioLoader.loadChain(contentsOf: folder.appendingPathComponent("scenarios/dip-loss.yaml")).apply(to: model)
        let d = ModelDiff(base: model, changed: changed)
        #expect(d.removedActors == ["dip"])
        #expect(d.removedRelations.count == 6)
        #expect(d.addedActors.isEmpty && d.addedRelations.isEmpty && d.changedRelations.isEmpty)
    }
}
