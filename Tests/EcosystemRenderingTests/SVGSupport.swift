import Ecosystem
import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import EcosystemRendering

/// One element of a parsed SVG: name, attributes, and its own character data.
struct SVGElement {
    var name: String
    var attributes: [String: String]
    var text: String
    var depth: Int
}

/// An SVG parsed with Foundation's strict XML parser (fails on any well-formedness error).
struct ParsedSVG {
    var elements: [SVGElement] = []

    /// Parses `bytes`; records a test issue and returns nil when the XML is not well-formed.
    static func parse(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> ParsedSVG? {
        let collector = Collector()
        let parser = XMLParser(data: Data(bytes))
        parser.shouldResolveExternalEntities = false
        parser.delegate = collector
        let ok = parser.parse()
        guard ok, parser.parserError == nil else {
            Issue.record("SVG is not well-formed: \(String(describing: parser.parserError)) at line \(parser.lineNumber)",
                         sourceLocation: sourceLocation)
            return nil
        }
        return ParsedSVG(elements: collector.elements)
    }

    /// Character data of every `<text>` element, in document order.
    var texts: [String] { elements.filter { $0.name == "text" }.map(\.text) }

    /// The element with `id`.
    func element(id: String) -> SVGElement? { elements.first { $0.attributes["id"] == id } }

    /// The `<title>` text directly inside the group with `id`.
    func title(ofGroup id: String) -> String? {
        guard let index = elements.firstIndex(where: { $0.attributes["id"] == id }) else { return nil }
        let depth = elements[index].depth
        return elements[(index + 1)...].prefix { $0.depth > depth }.first { $0.name == "title" && $0.depth == depth + 1 }?.text
    }

    /// Every attribute value named `name` (e.g. `xlink:title`).
    func attributeValues(_ name: String) -> [String] { elements.compactMap { $0.attributes[name] } }

    final class Collector: NSObject, XMLParserDelegate {
        var elements: [SVGElement] = []
        var stack: [Int] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            elements.append(SVGElement(name: elementName, attributes: attributeDict, text: "", depth: stack.count))
            stack.append(elements.count - 1)
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let top = stack.last { elements[top].text += string }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            stack.removeLast()
        }
    }
}

/// Small models for rendering tests.
enum TestModels {
    static let actorTypes = [
        ActorType(id: "government", label: "Government", color: "#0072B2", shape: "box"),
        ActorType(id: "industry", label: "Industry", color: "#E69F00", shape: "ellipse"),
    ]
    static let relationTypes = [
        RelationType(id: "funds", label: "funds", color: "#E69F00", style: "bold", directed: true),
        RelationType(id: "collaborates", label: "collaborates", color: "#000000", style: "dashed", directed: false),
    ]

    /// A chain of actors with the given ids and names, alternating types, tied in a cycle.
    static func model(ids: [String], names: [String]? = nil, places: [String]? = nil, name: String = "test") -> EcosystemModel {
        let names = names ?? ids
        let actors = ids.indices.map { i in
            Actor(id: ids[i], name: names[i], type: i % 2 == 0 ? "government" : "industry", place: places?[i] ?? "")
        }
        var relations: [Relation] = []
        for i in ids.indices where ids.count > 1 {
            let j = (i + 1) % ids.count
            if i == j || (ids.count == 2 && i == 1) { continue }
            relations.append(Relation(
                id: "r\(i + 1)", from: ids[i], to: ids[j], type: i % 2 == 0 ? "funds" : "collaborates",
                weight: Double(i % 3 + 1), source: "test", assumed: i % 4 == 3 ? "implied by the test" : nil))
        }
        return EcosystemModel(name: name, title: "Test map", actorTypes: actorTypes, relationTypes: relationTypes,
                              actors: actors, relations: relations)
    }

    /// A cycle of `n` actors with chords, for layout timing.
    static func ring(_ n: Int) -> EcosystemModel {
        model(ids: (0..<n).map { "a\($0)" })
    }
}
