import Ecosystem
import Foundation
import Graphviz
import Testing
@testable import EcosystemRendering

/// Every string that has broken Graphviz users before must reach the SVG exactly as typed:
/// in the node's text, in its tooltip (`xlink:title`) and in its accessible `<title>`; and the
/// SVG must be well-formed (Foundation's strict XML parser).
@Suite("Any text survives into the SVG")
struct SVGTextSurvivalTests {
    /// Renders one actor named `name` (id `id`) next to a plain one, without wrapping.
    func render(name: String, id: String = "x", engine: LayoutEngine = .neato) throws -> (ParsedSVG, String) {
        let model = TestModels.model(ids: [id, "other"], names: [name, "Other"])
        let options = DiagramOptions(engine: engine, legend: false, labelWidth: 1_000_000)
        let svg = try #require(try EcosystemDiagram.draw(model, options: options, formats: [.svg]).outputs[.svg])
        let parsed = try #require(ParsedSVG.parse(svg))
        return (parsed, EcosystemDiagram.actorElementID(id))
    }

    func expectSurvives(_ name: String, id: String = "x", sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (svg, elementID) = try render(name: name, id: id)
        let node = svg.element(id: elementID)
        #expect(node?.attributes["class"] == "node actor type-government", sourceLocation: sourceLocation)
        #expect(svg.texts.contains(name), "node text \(svg.texts) lacks \(name.prefix(80))", sourceLocation: sourceLocation)
        let title = svg.title(ofGroup: elementID)
        #expect(title?.hasPrefix(name + " · Government") == true, "title \(title?.prefix(80) ?? "nil")", sourceLocation: sourceLocation)
        #expect(svg.attributeValues("xlink:title").contains { $0.hasPrefix(name + " · Government") },
                "tooltip lacks the name", sourceLocation: sourceLocation)
    }

    @Test("a label ending in a backslash")
    func trailingBackslash() throws { try expectSurvives(#"ends in \"#) }

    @Test(#"C:\Node\Graph is not expanded (\N, \G)"#)
    func windowsPath() throws { try expectSurvives(#"C:\Node\Graph"#) }

    @Test("R&D and Acme &amp; Co are shown literally")
    func ampersands() throws {
        try expectSurvives("R&D")
        try expectSurvives("Acme &amp; Co")
        try expectSurvives("&#38; &lt; &nbsp;")
    }

    @Test("<lambda> and quotes")
    func angleBrackets() throws {
        try expectSurvives("<lambda>")
        try expectSurvives(#"say "hi" & 'bye'"#)
        try expectSurvives("a]; b [c} {d")
    }

    @Test("DOT keywords as actor ids", arguments: ["node", "edge", "graph", "strict", "subgraph", "digraph", "NODE"])
    func keywordIDs(id: String) throws {
        try expectSurvives("Named \(id)", id: id)
    }

    @Test("ids with spaces, a leading digit, quotes and non-ASCII", arguments: ["with space", "1leading digit", "42", #"q"uote\"#, "zoë", "-dash"])
    func awkwardIDs(id: String) throws {
        try expectSurvives("Actor \(id)", id: id)
        #expect(EcosystemDiagram.actorElementID(id).allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
    }

    @Test("a label of 20,000 characters")
    func longLabel() throws {
        let long = String(repeating: "Innovatie-ecosysteem ", count: 952) + "einde!!!"
        #expect(long.count == 20_000)
        try expectSurvives(long)
        let word = String(repeating: "x", count: 20_000)
        try expectSurvives(word)
    }

    @Test("Cyrillic, Chinese and emoji")
    func unicode() throws {
        try expectSurvives("Инновационный парк")
        try expectSurvives("中关村科技园")
        try expectSurvives("Start-up 🚀 hub 👩🏽‍💻")
    }

    @Test("line breaks in names become line breaks in the drawing, not escapes")
    func lineBreaks() throws {
        let (svg, _) = try render(name: "first line\nsecond line")
        #expect(svg.texts.contains("first line"))
        #expect(svg.texts.contains("second line"))
    }

    @Test("nasty titles, captions, type labels and places survive in the HTML-like labels and <desc>")
    func titleCaptionLegend() throws {
        let nasty = #"R&D <lambda> C:\Node\Graph Acme &amp; Co 中文 🚀 ends\"#
        var model = TestModels.model(ids: ["a", "b"], places: [nasty, ""])
        model.actorTypes[0].label = nasty
        model.relationTypes[0].label = "<funds> & more"
        let options = DiagramOptions(title: nasty, caption: "caption: " + nasty, engine: .neato, legend: true)
        let svg = try #require(try EcosystemDiagram.draw(model, options: options, formats: [.svg]).outputs[.svg])
        let parsed = try #require(ParsedSVG.parse(svg))
        // HTML-like labels split text at spaces into separate <text> runs: compare joined runs.
        let joined = parsed.texts.joined(separator: " ")
        #expect(joined.contains(nasty))
        #expect(joined.contains("caption: " + nasty))
        #expect(joined.contains(nasty))
        #expect(joined.contains("<funds> & more"))
        #expect(parsed.element(id: "legend-type-government")?.attributes["class"] == "node legend legend-type type-government")
        #expect(parsed.elements.first { $0.name == "title" }?.text == nasty)
        #expect(parsed.title(ofGroup: "actor-a")?.contains(" · \(nasty)") == true)
    }
}
