import Testing
import Yams
@testable import Ecosystem

@Suite("The shared YAML reader")
struct YAMLReaderTests {
    @Test("reports every issue with its file, line and column, and reading goes on")
    func severalIssuesWithLocations() throws {
        let text = "name: x\nkinds: [a, b]\ncount: many\nlist: {not: a list}\n"
        let root = try #require(try YAMLReader.compose(text, file: "f.yaml"))
        var reader = YAMLReader(file: "f.yaml")
        let fields = reader.fields(root, what: "the file", id: nil, allowed: ["name", "kind", "count", "list", "size"],
                                   required: ["size"], expected: "a mapping", partial: true)
        let f = try #require(fields)
        let name = reader.text(f, "name", what: "the file", id: nil)
        #expect(name == "x")
        let count = try #require(f.value("count"))
        if reader.number(count) == nil { reader.report(count, id: nil, "'count' is \(reader.describe(count))", valid: "a number") }
        let list = reader.items(f, "list", what: "things")
        #expect(list == nil)
        let lines = reader.issues.map(\.description)
        #expect(lines == [
            "f.yaml:2:1: error: unknown key 'kinds' in the file; did you mean 'kind'? valid keys: 'name', 'kind', 'count', 'list', 'size'",
            "f.yaml:1:1: error: the file is missing required key 'size'; required keys: 'size'",
            "f.yaml:3:8: error: 'count' is 'many'; a number",
            "f.yaml:4:7: error: 'list' must be a sequence of things, found a mapping; write each item on its own line starting with '- ', or as a JSON array",
        ])
        // The error every loader throws orders them by position.
        #expect(ModelError(issues: reader.issues).issues.map { "\($0.line):\($0.column)" } == ["1:1", "2:1", "3:8", "4:7"])
    }

    @Test("a syntax error carries a positioned issue and the parser's own words")
    func syntaxError() {
        do {
            _ = try YAMLReader.compose("a: [1, 2\n", file: "f.yaml")
            Issue.record("accepted malformed YAML")
        } catch {
            #expect(error.issue.file == "f.yaml" && error.issue.line > 0)
            #expect(error.issue.message.hasPrefix("malformed YAML: "))
            #expect(!error.parserMessage.isEmpty)
        }
    }

    @Test("booleans and numbers are YAML's: quoted values are text")
    func typedScalars() throws {
        let root = try #require(try YAMLReader.compose("[true, \"true\", 2, \"2\", .inf]", file: "f"))
        let reader = YAMLReader(file: "f")
        let items = try #require(reader.list(root))
        #expect(items.map(reader.bool) == [true, nil, nil, nil, nil])
        #expect(items.map(reader.number) == [nil, nil, 2, nil, .infinity])
    }
}

@Suite("The drawing vocabulary")
struct DrawingVocabularyTests {
    @Test("one colour rule: #RRGGBB or #RRGGBBAA, hex digits in either case")
    func colourRule() {
        for good in ["#0072B2", "#0072b2", "#FFFFFF00", "#abcdef80"] { #expect(DrawingVocabulary.isColour(good), "\(good)") }
        for bad in ["red", "#FFF", "#12345", "#1234567", "#123456789", "0072B2", "#GGGGGG", ""] {
            #expect(!DrawingVocabulary.isColour(bad), "\(bad)")
        }
    }

    @Test("the model accepts what the rule accepts, #RRGGBBAA included, and refuses the rest")
    func modelFollowsTheRule() throws {
        func model(_ colour: String) -> String {
            """
            actor_types: [{id: t, color: "\(colour)"}]
            relation_types: [{id: r, directed: false, color: "\(colour)"}]
            actors: [{id: a, type: t}]
            """
        }
        let m = try ModelLoader.load(yaml: model("#0072B280"), file: "m.yaml")
        #expect(m.actorTypes[0].color == "#0072B280" && m.relationTypes[0].color == "#0072B280")
        #expect(throws: ModelError.self) { try ModelLoader.load(yaml: model("#0072B2800"), file: "m.yaml") }
    }

    @Test("shapes and styles")
    func shapesAndStyles() {
        #expect(DrawingVocabulary.isNodeShape("Mdiamond") && !DrawingVocabulary.isNodeShape("mdiamond"))
        #expect(DrawingVocabulary.nodeShapes.count == Set(DrawingVocabulary.nodeShapes).count)
        #expect(DrawingVocabulary.lineStyles == ["solid", "dashed", "dotted", "bold"])
        #expect(!DrawingVocabulary.isLineStyle("wavy"))
    }
}
