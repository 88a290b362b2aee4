import FixtureSupport
import Foundation
import Testing
@testable import Ecosystem

// MARK: - Helpers

/// A valid model; tests append relations (from line 12 on) or replace a line to break it.
let baseModel = """
    actor_types:
      - {id: gov, label: Government, color: "#0072B2", shape: box, helix: government}
      - {id: ind, label: Industry, color: "#E69F00", shape: ellipse}
    relation_types:
      - {id: funds, directed: true}
      - {id: collab, directed: false}
    actors:
      - {id: dip, name: Dutch Innovation Park, type: ind}
      - {id: city, name: Gemeente Zoetermeer, type: gov}
      - {id: yes_delft, name: Yes!Delft, type: ind}
    relations:

    """

/// The base model with `lines` as its relations (the first at line 12).
func model(relations lines: String...) -> String { baseModel + lines.joined(separator: "\n") + "\n" }

/// The issues raised when loading `text`; fails the test when it loads.
func issues(_ text: String, file: String = "Datasets/test/model.yaml", sourceLocation: SourceLocation = #_sourceLocation) -> [ModelIssue] {
    do {
        let m = try ModelLoader.load(yaml: text, file: file)
        Issue.record("expected load errors, got a model with \(m.actors.count) actors", sourceLocation: sourceLocation)
        return []
    } catch {
        return error.issues
    }
}

/// 1-based line and column (in Unicode scalars, as libyaml counts) of the `occurrence`-th
/// appearance of `needle` in `text`.
func position(of needle: String, in text: String, occurrence: Int = 1) -> (line: Int, column: Int) {
    var seen = 0
    for (i, line) in text.components(separatedBy: "\n").enumerated() {
        var rest = Substring(line)
        var offset = 0
        while let r = rest.range(of: needle) {
            seen += 1
            let col = offset + rest.unicodeScalars.distance(from: rest.startIndex, to: r.lowerBound)
            if seen == occurrence { return (i + 1, col + 1) }
            offset = col + needle.unicodeScalars.count
            rest = rest[r.upperBound...]
        }
    }
    return (0, 0)
}

/// Asserts one issue with the given position, id, and message / valid fragments.
func expectSingle(
    _ found: [ModelIssue], at pos: (line: Int, column: Int), id: String?, message: String, valid: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(found.count == 1, "issues: \(found)", sourceLocation: sourceLocation)
    guard let i = found.first else { return }
    #expect(i.file == "Datasets/test/model.yaml", sourceLocation: sourceLocation)
    #expect(i.line == pos.line && i.column == pos.column, "at \(i.line):\(i.column), expected \(pos)", sourceLocation: sourceLocation)
    #expect(i.id == id, sourceLocation: sourceLocation)
    #expect(i.message.contains(message), "message: \(i.message)", sourceLocation: sourceLocation)
    #expect(i.valid?.contains(valid) == true, "valid: \(i.valid ?? "nil")", sourceLocation: sourceLocation)
}

// MARK: - Valid input

@Suite("ModelLoader: valid models")
struct ModelLoaderValidTests {
    @Test func baseModelLoadsWithDefaults() throws {
        let m = try ModelLoader.load(yaml: model(relations:
            "  - {from: dip, to: city, type: collab}",
            "  - {id: grant, from: city, to: dip, type: funds, weight: 2.5, source: memo, assumed: implied, confidence: 0.25}"),
            file: "Datasets/test/model.yaml")
        #expect(m.name == "test")
        #expect(m.title == "test")
        #expect(m.actorTypes.map(\.id) == ["gov", "ind"])
        #expect(m.actorTypes[0] == ActorType(id: "gov", label: "Government", color: "#0072B2", shape: "box", helix: "government"))
        #expect(m.relationTypes[0] == RelationType(id: "funds", label: "funds", color: "#000000", style: "solid", directed: true))
        #expect(m.relationTypes[1].directed == false)
        #expect(m.actors.map(\.id) == ["dip", "city", "yes_delft"])
        #expect(m.actors[2].name == "Yes!Delft")
        #expect(m.relations == [
            Relation(id: "r1", from: "dip", to: "city", type: "collab"),
            Relation(id: "grant", from: "city", to: "dip", type: "funds", weight: 2.5, source: "memo",
                     assumed: "implied", confidence: 0.25),
        ])
    }

    @Test func defaultsForOmittedTypeFields() throws {
        let text = """
            actor_types: [{id: t}]
            relation_types: [{id: r, directed: false}]
            actors: [{id: a, type: t}, {id: b, type: t}]
            """
        let m = try ModelLoader.load(yaml: text, file: "x.yaml")
        // No colour given: the Okabe–Ito colour of the type's position (was grey, issue #10).
        #expect(m.actorTypes == [ActorType(id: "t", label: "t", color: "#E69F00", shape: "ellipse", helix: "")])
        #expect(m.actorTypes[0].automaticColor)
        #expect(m.actors[0] == Actor(id: "a", name: "a", type: "t"))
        #expect(m.relations.isEmpty)
    }

    @Test func modelNameFromFile() throws {
        #expect(ModelLoader.modelName(forFile: "Datasets/zoetermeer/model.yaml") == "zoetermeer")
        #expect(ModelLoader.modelName(forFile: "/abs/path/zoetermeer/model.json") == "zoetermeer")
        #expect(ModelLoader.modelName(forFile: "Datasets/examples/tiny.json") == "tiny")
        #expect(ModelLoader.modelName(forFile: "net.v2.yml") == "net.v2")
        #expect(ModelLoader.modelName(forFile: "model.yaml") == "model")
        // An explicit name wins.
        let m = try ModelLoader.load(yaml: "name: other\n" + model(), file: "Datasets/zoetermeer/model.yaml")
        #expect(m.name == "other")
    }

    @Test func attributesKeepOrderAndText() throws {
        let text = baseModel.replacingOccurrences(
            of: "  - {id: dip, name: Dutch Innovation Park, type: ind}",
            with: "  - {id: dip, name: Dutch Innovation Park, type: ind, place: Zoetermeer, attributes: {z: 1, a: \"2005\", m: initiëren, e: ~}}")
        let m = try ModelLoader.load(yaml: text, file: "x.yaml")
        let dip = try #require(m.actors.first)
        #expect(dip.place == "Zoetermeer")
        #expect(dip.attributes.map(\.key) == ["z", "a", "m", "e"])
        #expect(dip.attributes.map(\.value) == ["1", "2005", "initiëren", ""])
        #expect(dip.attribute("m") == "initiëren")
    }

    /// The YAML and JSON examples in `Datasets/SCHEMA.md` load as documented.
    @Test func schemaExamplesLoad() throws {
        let doc = try String(contentsOf: repositoryRoot.appendingPathComponent("Datasets/SCHEMA.md"), encoding: .utf8)
        func block(_ language: String) throws -> String {
            let start = try #require(doc.range(of: "```\(language)\n"))
            let end = try #require(doc.range(of: "\n```", range: start.upperBound..<doc.endIndex))
            return String(doc[start.upperBound..<end.lowerBound])
        }
        let yaml = try ModelLoader.load(yaml: block("yaml"), file: "SCHEMA.md")
        #expect(yaml.name == "tiny")
        #expect(yaml.actors.map(\.name) == ["City Council", "Innovation Hub", "Café Münster"])
        #expect(yaml.relations.map(\.id) == ["grant", "r2"])
        #expect(yaml.relations[1].confidence == 0.5)
        #expect(yaml.relationTypes[1] == RelationType(id: "collaborates", label: "collaborates", color: "#000000", style: "dashed", directed: false))
        let json = try ModelLoader.load(yaml: block("json"), file: "example.json")
        #expect(json.name == "example")
        #expect(json.relations == [Relation(id: "r1", from: "region", to: "city", type: "funds", weight: 2, source: "budget 2024")])
        let csv = try EdgeListLoader.load(csv: block("csv"), file: "edges.csv", name: "edges")
        #expect(csv.relations.map(\.weight) == [3, 2])
    }

    @Test func yamlBooleansForDirected() throws {
        let text = baseModel.replacingOccurrences(of: "directed: true", with: "directed: yes")
            .replacingOccurrences(of: "directed: false", with: "directed: No")
        let m = try ModelLoader.load(yaml: text, file: "x.yaml")
        #expect(m.relationTypes.map(\.directed) == [true, false])
    }

    @Test func tinyJSONExampleLoads() throws {
        let url = repositoryRoot.appendingPathComponent("Datasets/examples/tiny.json")
        let m = try ModelLoader.load(contentsOf: url)
        #expect(m.name == "tiny")
        #expect(m.actors.map(\.name) == ["City Council", "Innovation Hub", "Acme Sensors", "Café Münster"])
        #expect(m.actors[1].attribute("founded") == "2010")
        #expect(m.relations.map(\.id) == ["grant", "r2", "r3", "r4"])
        #expect(m.relations.map(\.weight) == [3, 2, 1, 1])
        #expect(m.relations[2].assumed == "for illustration")
        #expect(m.relations[2].confidence == 0.5)
        #expect(m.relations[3].to == "café")
        #expect(m.relationType("collaborates")?.directed == false)
    }
}

let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

// MARK: - One test per error kind

@Suite("ModelLoader: errors")
struct ModelLoaderErrorTests {
    @Test func unknownActorListsCloseIDs() {
        let text = model(relations: "  - {from: dip, to: dip2, type: funds}")
        let found = issues(text)
        expectSingle(found, at: (12, 21), id: "r1", message: "relation 'r1' names unknown actor 'dip2' in 'to'",
                     valid: "known actors include 'dip', ")
        #expect(found.first?.description
            == "Datasets/test/model.yaml:12:21: error: relation 'r1' names unknown actor 'dip2' in 'to'; known actors include 'dip', 'city', 'yes_delft'")
    }

    @Test func unknownActorInFromPrefersRelatedIDs() {
        let text = model(relations: "  - {from: yes, to: city, type: funds}")
        let found = issues(text)
        expectSingle(found, at: position(of: "yes,", in: text), id: "r1",
                     message: "names unknown actor 'yes' in 'from'", valid: "known actors include 'yes_delft'")
    }

    @Test func duplicateActorID() {
        let text = baseModel.replacingOccurrences(of: "{id: yes_delft", with: "{id: dip")
        expectSingle(issues(text), at: position(of: "dip", in: text, occurrence: 2), id: "dip",
                     message: "duplicate actor id 'dip'", valid: "first declared at line 8")
    }

    @Test func duplicateActorTypeID() {
        let text = baseModel.replacingOccurrences(of: "{id: ind, label", with: "{id: gov, label")
            .replacingOccurrences(of: "type: ind}", with: "type: gov}")
        expectSingle(issues(text), at: (3, 10), id: "gov", message: "duplicate actor type id 'gov'",
                     valid: "first declared at line 2")
    }

    @Test func duplicateRelationTypeID() {
        let text = baseModel.replacingOccurrences(of: "{id: collab,", with: "{id: funds,")
        expectSingle(issues(text), at: (6, 10), id: "funds", message: "duplicate relation type id 'funds'",
                     valid: "first declared at line 5")
    }

    @Test func duplicateRelationIDIncludingDefaults() {
        // The second relation's explicit id repeats the first one's default id `r1`.
        let text = model(relations: "  - {from: dip, to: city, type: funds}",
                         "  - {id: r1, from: city, to: dip, type: funds}")
        expectSingle(issues(text), at: (13, 10), id: "r1", message: "duplicate relation id 'r1'",
                     valid: "first declared at line 12")
    }

    @Test func unknownActorTypeListsDeclared() {
        let text = baseModel.replacingOccurrences(of: "type: gov}", with: "type: govt}")
        expectSingle(issues(text), at: position(of: "govt", in: text), id: "city",
                     message: "actor 'city' has unknown actor type 'govt'", valid: "declared actor types: 'gov', 'ind'")
    }

    @Test func unknownRelationTypeListsDeclared() {
        let text = model(relations: "  - {from: dip, to: city, type: fund}")
        expectSingle(issues(text), at: position(of: "fund}", in: text), id: "r1", message: "relation 'r1' has unknown relation type 'fund'",
                     valid: "declared relation types: 'funds', 'collab'")
    }

    @Test(arguments: ["0", "-1", "-0.5", ".nan", ".inf", "-.inf", "strong", "\"2\"", "true", "[1]"])
    func weightMustBePositiveFinite(weight: String) {
        let text = model(relations: "  - {from: dip, to: city, type: funds, weight: \(weight)}")
        expectSingle(issues(text), at: (12, 48), id: "r1", message: "relation 'r1' has weight",
                     valid: "weight is a positive finite number")
    }

    @Test func selfLoopIsKeptInTheModel() throws {
        let text = model(relations: "  - {from: dip, to: yes_delft, type: funds}", "  - {id: loop, from: city, to: city, type: collab}")
        let m = try ModelLoader.load(yaml: text, file: "Datasets/test/model.yaml")
        #expect(m.relations.map(\.id) == ["r1", "loop"])
        #expect(m.relations[1].from == "city" && m.relations[1].to == "city")
        #expect(m.selfLoops == ["loop"])
    }

    @Test func missingRequiredKeys() {
        let text = model(relations: "  - {from: dip, type: funds}")
        expectSingle(issues(text), at: (12, 5), id: "r1", message: "relation 'r1' is missing required key 'to'",
                     valid: "required keys: 'from', 'to', 'type'")

        let noType = baseModel.replacingOccurrences(of: ", type: gov}", with: "}")
        expectSingle(issues(noType), at: (9, 5), id: "city", message: "actor 'city' is missing required key 'type'",
                     valid: "required keys: 'id', 'type'")

        let noDirection = baseModel.replacingOccurrences(of: "{id: funds, directed: true}", with: "{id: funds}")
        expectSingle(issues(noDirection), at: (5, 5), id: "funds", message: "is missing required key 'directed'",
                     valid: "'id', 'directed'")

        let emptyTo = model(relations: "  - {from: dip, to: , type: funds}")
        expectSingle(issues(emptyTo), at: (12, 21), id: "r1", message: "relation 'r1' has an empty 'to'",
                     valid: "required keys")

        let noActors = "actor_types: []\nrelation_types: []\n"
        expectSingle(issues(noActors), at: (1, 1), id: nil, message: "the model is missing required key 'actors'",
                     valid: "required keys: 'actor_types', 'relation_types', 'actors'")
    }

    @Test func wrongYAMLKinds() {
        let mappingForList = baseModel.replacingOccurrences(of: "actors:\n  - {id: dip, name: Dutch Innovation Park, type: ind}\n  - {id: city, name: Gemeente Zoetermeer, type: gov}\n  - {id: yes_delft, name: Yes!Delft, type: ind}",
                                                            with: "actors:\n  dip: {name: Dutch Innovation Park, type: ind}")
        expectSingle(issues(mappingForList), at: (8, 3), id: nil, message: "'actors' must be a sequence of actors, found a mapping",
                     valid: "starting with '- '")

        let listForText = model(relations: "  - {from: [dip, city], to: city, type: funds}")
        expectSingle(issues(listForText), at: (12, 12), id: "r1", message: "'from' of relation 'r1' must be text, found a sequence",
                     valid: "write a single value")

        let scalarForItem = model(relations: "  - dip -> city")
        expectSingle(issues(scalarForItem), at: (12, 5), id: "r1", message: "relation 'r1' must be a mapping, found the value 'dip -> city'",
                     valid: "a mapping such as")

        let notBool = baseModel.replacingOccurrences(of: "directed: true", with: "directed: sometimes")
        expectSingle(issues(notBool), at: position(of: "sometimes", in: notBool), id: "funds",
                     message: "has 'directed: sometimes', which is not true or false", valid: "directed is true")

        let topList = "- a\n- b\n"
        expectSingle(issues(topList), at: (1, 1), id: nil, message: "the model must be a mapping, found a sequence",
                     valid: "'actor_types'")
    }

    @Test func unknownKeySuggestsTheLikelyOne() {
        let text = model(relations: "  - {from: dip, to: city, type: funds, wieght: 2}")
        expectSingle(issues(text), at: (12, 40), id: "r1", message: "unknown key 'wieght' in relation 'r1'",
                     valid: "did you mean 'weight'? valid keys: 'id', 'from', 'to', 'type', 'weight', 'source', 'assumed', 'confidence'")

        let top = "actor_type: []\n" + baseModel
        let found = issues(top)
        expectSingle(found, at: (1, 1), id: nil, message: "unknown key 'actor_type' in the model",
                     valid: "did you mean 'actor_types'?")
    }

    @Test(arguments: ["1.5", "-0.1", ".nan", "likely"])
    func confidenceMustBeInUnitInterval(value: String) {
        let text = model(relations: "  - {from: dip, to: city, type: funds, confidence: \(value)}")
        expectSingle(issues(text), at: (12, 52), id: "r1", message: "relation 'r1' has confidence",
                     valid: "confidence is a number from 0 to 1")
    }

    @Test func confidenceBoundsAreAccepted() throws {
        let m = try ModelLoader.load(yaml: model(relations: "  - {from: dip, to: city, type: funds, confidence: 0}",
                                                 "  - {from: dip, to: city, type: funds, confidence: 1}"), file: "x.yaml")
        #expect(m.relations.map(\.confidence) == [0, 1])
    }

    @Test(arguments: ["\"#12345\"", "blue", "\"#GGGGGG\"", "\"0072B2\"", "\"#0072B2FF0\""])
    func colourMustBeHexRGBOrRGBA(colour: String) {
        let text = baseModel.replacingOccurrences(of: "color: \"#E69F00\"", with: "color: \(colour)")
        expectSingle(issues(text), at: position(of: colour, in: text), id: "ind", message: "actor type 'ind' has colour",
                     valid: "'#' and six hex digits")
    }

    @Test func unknownShapeStyleAndHelix() {
        let shape = baseModel.replacingOccurrences(of: "shape: box", with: "shape: boxx")
        expectSingle(issues(shape), at: position(of: "boxx", in: shape), id: "gov",
                     message: "unknown shape 'boxx'", valid: "Graphviz shapes include 'box'")
        let style = baseModel.replacingOccurrences(of: "{id: collab, directed: false}", with: "{id: collab, style: wavy, directed: false}")
        expectSingle(issues(style), at: position(of: "wavy", in: style), id: "collab",
                     message: "unknown style 'wavy'", valid: "'solid', 'dashed', 'dotted', 'bold'")
        let helix = baseModel.replacingOccurrences(of: "helix: government", with: "helix: state")
        expectSingle(issues(helix), at: position(of: "state", in: helix), id: "gov",
                     message: "unknown helix sphere 'state'", valid: "'government', 'industry', 'knowledge', 'civil_society', 'intermediary'")
    }

    @Test func malformedYAMLReportsParserPosition() {
        let text = model(relations: "  - {from: dip, to: city, type: funds")
        let found = issues(text)
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("malformed YAML:") == true)
        #expect(found.first?.line == 13)
        #expect(found.first?.file == "Datasets/test/model.yaml")

        let badIndent = "actors:\n  - id: a\n   type: b\n"
        let indentIssue = issues(badIndent)
        #expect(indentIssue.count == 1)
        // libyaml: "did not find expected '-' indicator" where the misindented key starts.
        #expect(indentIssue.first.map { ($0.line, $0.column) } ?? (0, 0) == (3, 4))
        #expect(indentIssue.first?.message.contains("while parsing a block collection at line 2, column 3") == true)
    }

    @Test func malformedJSONReportsPosition() {
        let json = "{\n  \"actor_types\": [],\n  \"actors\": [\n    {\"id\": \"a\" \"type\": \"t\"}\n  ]\n}\n"
        let found = issues(json, file: "Datasets/test/model.json")
        #expect(found.count == 1)
        // The missing comma: the second key starts at column 16.
        #expect(found.first.map { ($0.line, $0.column) } ?? (0, 0) == (4, 16))
        #expect(found.first?.message == "malformed YAML: did not find expected ',' or '}' (while parsing a flow mapping at line 4, column 5)")
    }

    @Test func duplicateKeyInMapping() {
        let text = model(relations: "  - {from: dip, to: city, type: funds, from: city}")
        let found = issues(text)
        #expect(found.count == 1)
        #expect(found.first?.message == "duplicate key 'from' in one mapping")
        #expect(found.first?.line == 12)
        // At the duplicate (line 12, column 40), naming the first (issue 16).
        #expect(found.first?.column == 40)
        #expect(found.first?.valid == "each key may appear only once in a mapping; 'from' is first written at line 12")
    }

    @Test func emptyDocument() {
        expectSingle(issues("# nothing here\n"), at: (1, 1), id: nil, message: "the model file is empty",
                     valid: "'actor_types', 'relation_types', 'actors'")
    }

    @Test func allIssuesAreCollectedInFileOrder() {
        let text = baseModel.replacingOccurrences(of: "type: gov}", with: "type: govt}")
            + "  - {from: dip, to: dip2, type: funds, weight: 0}\n"
            + "  - {from: city, to: city, type: collab, wieght: 1}\n"
        let found = issues(text)
        #expect(found.map(\.line) == [9, 12, 12, 13])
        #expect(found.map(\.id) == ["city", "r1", "r1", "r2"])
        #expect(found[1].message.contains("unknown actor 'dip2'"))
        #expect(found[2].message.contains("weight 0"))
        #expect(found[3].message.contains("unknown key 'wieght'"))   // the self-loop itself is valid
        #expect(found[1].column < found[2].column)
        let description = ModelError(issues: found).description
        #expect(description.split(separator: "\n").count == 4)
        #expect(description.split(separator: "\n").allSatisfy { $0.hasPrefix("Datasets/test/model.yaml:") && $0.contains(": error: ") })
    }

    @Test func missingTopLevelKeyDoesNotHideOtherIssues() {
        let found = issues("actor_types: [{id: t, color: red}]\nrelation_types: [{id: r}]\n")
        #expect(found.map(\.message) == [
            "the model is missing required key 'actors'",
            "actor type 't' has colour 'red', which is not '#RRGGBB' or '#RRGGBBAA'",
            "relation type 'r' is missing required key 'directed'",
        ])
        #expect(found.map { "\($0.line):\($0.column)" } == ["1:1", "1:30", "2:18"])
    }

    @Test func issueDescriptionWithoutPosition() {
        let i = ModelIssue(file: "m.txt", line: 0, column: 0, message: "unknown model file extension '.txt'", valid: "use .yaml")
        #expect(i.description == "m.txt: error: unknown model file extension '.txt'; use .yaml")
    }

    @Test func fileLevelErrors() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ecomap-model-tests-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let txt = dir.appendingPathComponent("m.txt")
        try "x".write(to: txt, atomically: true, encoding: .utf8)
        #expect(throws: ModelError.self) { try ModelLoader.load(contentsOf: txt) }
        do { _ = try ModelLoader.load(contentsOf: txt) } catch {
            #expect(error.issues.first?.message == "unknown model file extension '.txt'")
            #expect(error.issues.first?.valid == "model files end in .yaml, .yml or .json; edge lists in .csv")
        }
        do { _ = try ModelLoader.load(contentsOf: dir.appendingPathComponent("missing.yaml")) } catch {
            #expect(error.issues.first?.message.hasPrefix("cannot read the file") == true)
        }
        let latin1 = dir.appendingPathComponent("bad.yaml")
        try Data([0x61, 0x3A, 0x20, 0xE9, 0x0A]).write(to: latin1)
        do { _ = try ModelLoader.load(contentsOf: latin1) } catch {
            #expect(error.issues.first?.message == "the file is not valid UTF-8 text: byte 3 (0xE9) (counting from 0) is not part of a UTF-8 character")
            #expect(error.issues.first.map { "\($0.line):\($0.column)" } == "1:4")
        }
        let good = dir.appendingPathComponent("good.yml")
        try ("\u{FEFF}" + model()).write(to: good, atomically: true, encoding: .utf8)
        #expect(try ModelLoader.load(contentsOf: good).name == "good")
    }
}

@Suite("model language (BCP 47 tag)")
struct ModelLanguageTests {
    static let body = """
        actor_types: [{id: t}]
        relation_types: [{id: r, directed: false}]
        actors: [{id: a, type: t}]

        """

    @Test("default en; a valid tag is kept as written; the Zoetermeer model is nl")
    func values() throws {
        #expect(try ModelLoader.load(yaml: Self.body, file: "m.yaml").language == "en")
        #expect(try ModelLoader.load(yaml: "language: nl\n" + Self.body, file: "m.yaml").language == "nl")
        #expect(try ModelLoader.load(yaml: "language: pt-BR\n" + Self.body, file: "m.yaml").language == "pt-BR")
        let zoetermeer = try ModelLoader.load(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Datasets/zoetermeer/model.yaml"))
        #expect(zoetermeer.language == "nl")
    }

    @Test("a tag that is not BCP 47 is an error at its line and column, saying what is valid")
    func invalid() {
        do {
            _ = try ModelLoader.load(yaml: "name: m\nlanguage: nl_NL\n" + Self.body, file: "m.yaml")
            Issue.record("nl_NL was accepted")
        } catch {
            let issue = error.issues.first
            #expect(error.issues.count == 1)
            #expect(issue?.file == "m.yaml" && issue?.line == 2 && issue?.column == 11)
            #expect(issue?.message == "the model has language 'nl_NL', which is not a language tag")
            #expect(issue?.valid == LanguageTag.rule)
        }
    }

    @Test("the syntax of RFC 5646: primary 2–3 letters, subtags of 1–8 letters or digits")
    func syntax() {
        for tag in ["en", "nl", "fry", "en-GB", "zh-Hant-TW", "es-419", "de-CH-1996", "x-klingon", "sgn-BE-FR"] {
            #expect(LanguageTag.isValid(tag), "\(tag)")
        }
        for tag in ["", "e", "english", "dutch", "english-GB", "nl_NL", "nl-", "-nl", "nl--BE", "n1", "nl-abcdefghi", "x", "en GB", "ñl"] {
            #expect(!LanguageTag.isValid(tag), "\(tag)")
        }
    }

    @Test("written back by the YAML and JSON writers, and read again")
    func roundTrip() throws {
        let model = try ModelLoader.load(yaml: "language: nl\n" + Self.body, file: "m.yaml")
        #expect(ModelWriter.yaml(model).contains("language: \"nl\"\n"))
        #expect(try ModelLoader.load(yaml: ModelWriter.yaml(model), file: "m.yaml").language == "nl")
        #expect(try ModelLoader.load(yaml: ModelWriter.json(model), file: "m.json").language == "nl")
        #expect(!ModelWriter.yaml(try ModelLoader.load(yaml: Self.body, file: "m.yaml")).contains("language"))
    }
}
