import Dispatch
import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Graphviz

/// Labels written as a report would write them: an en dash and Dutch/French diacritics.
let labels = ["Gemeente Zoetermeer – rekenkamercommissie", "Université", "Zoë"]

/// A small cyclic directed graph with those labels and an edge label.
let sampleDOT = """
    digraph "ecosysteem" {
        graph [fontname="DejaVu Sans"];
        node [shape=box, fontname="DejaVu Sans"];
        gemeente [label="\(labels[0])"];
        universiteit [label="\(labels[1])"];
        zoe [label="\(labels[2])"];
        gemeente -> universiteit [label="subsidie"];
        universiteit -> zoe;
        zoe -> gemeente;
    }
    """

/// Collects the character data of every SVG `<text>` element; fails on any XML error.
final class SVGTextCollector: NSObject, XMLParserDelegate {
    var texts: [String] = []
    var elementCount = 0
    private var current: String?

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        elementCount += 1
        if elementName == "text" { current = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        current? += string
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?) {
        if elementName == "text", let text = current {
            texts.append(text)
            current = nil
        }
    }
}

/// Parses `data` strictly as XML and returns the text of its `<text>` elements, or nil if the
/// document is not well-formed.
func svgTexts(_ data: [UInt8]) -> (texts: [String], elements: Int)? {
    let parser = XMLParser(data: Data(data))
    parser.shouldResolveExternalEntities = false
    let collector = SVGTextCollector()
    parser.delegate = collector
    guard parser.parse(), parser.parserError == nil else { return nil }
    return (collector.texts, collector.elementCount)
}

/// Big-endian UInt32 at `offset`.
func uint32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
    bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
}

/// PNG width and height from the IHDR chunk (bytes 16..<24).
func pngSize(_ bytes: [UInt8]) -> (width: UInt32, height: UInt32) {
    (uint32(bytes, at: 16), uint32(bytes, at: 20))
}

/// Runs `body` with file descriptor 2 redirected to a temporary file and returns what was
/// written to it. Only one test uses it, so captures never overlap.
func capturingStandardError(_ body: () -> Void) throws -> String {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("graphviz-stderr-\(UUID().uuidString).txt")
    let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    try #require(fd >= 0)
    fflush(nil)
    let saved = dup(2)
    try #require(saved >= 0)
    dup2(fd, 2)
    close(fd)
    body()
    fflush(nil)
    dup2(saved, 2)
    close(saved)
    defer { try? FileManager.default.removeItem(at: url) }
    return try String(contentsOf: url, encoding: .utf8)
}
