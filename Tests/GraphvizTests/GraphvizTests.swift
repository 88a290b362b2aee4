import Dispatch
import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Graphviz

/// Labels written as a report would write them: an en dash and Dutch/French diacritics.
private let labels = ["Gemeente Zoetermeer – rekenkamercommissie", "Université", "Zoë"]

/// A small cyclic directed graph with those labels and an edge label.
private let sampleDOT = """
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
private final class SVGTextCollector: NSObject, XMLParserDelegate {
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
private func svgTexts(_ data: [UInt8]) -> (texts: [String], elements: Int)? {
    let parser = XMLParser(data: Data(data))
    parser.shouldResolveExternalEntities = false
    let collector = SVGTextCollector()
    parser.delegate = collector
    guard parser.parse(), parser.parserError == nil else { return nil }
    return (collector.texts, collector.elementCount)
}

/// Big-endian UInt32 at `offset`.
private func uint32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
    bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
}

/// PNG width and height from the IHDR chunk (bytes 16..<24).
private func pngSize(_ bytes: [UInt8]) -> (width: UInt32, height: UInt32) {
    (uint32(bytes, at: 16), uint32(bytes, at: 20))
}

/// Runs `body` with file descriptor 2 redirected to a temporary file and returns what was
/// written to it. Only one test uses it, so captures never overlap.
private func capturingStandardError(_ body: () -> Void) throws -> String {
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

@Suite struct GraphvizRenderTests {
    @Test("SVG is well-formed XML with every label as written", arguments: LayoutEngine.allCases)
    func svgWellFormed(engine: LayoutEngine) throws {
        let result = try Graphviz.render(dot: sampleDOT, engine: engine, format: .svg)
        #expect(result.warnings.isEmpty)
        let parsed = try #require(svgTexts(result.data), "SVG from \(engine) is not well-formed XML")
        for label in labels {
            #expect(parsed.texts.contains(label), "label \(label) missing from \(engine) SVG")
        }
        #expect(parsed.texts.contains("subsidie"))
        // The three nodes are drawn as three <g class="node"> groups with polygons.
        let text = String(decoding: result.data, as: UTF8.self)
        #expect(text.components(separatedBy: "class=\"node\"").count - 1 == 3)
        #expect(text.components(separatedBy: "class=\"edge\"").count - 1 == 3)
    }

    @Test("PNG has the PNG signature, a real size, and follows the graph's dpi")
    func png() throws {
        let plain = try Graphviz.render(dot: sampleDOT, engine: .dot, format: .png)
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        #expect(Array(plain.data.prefix(8)) == signature)
        #expect(plain.data.count > 2_000)
        #expect(Array(plain.data[12..<16]) == Array("IHDR".utf8))
        // IEND chunk at the very end.
        #expect(Array(plain.data.suffix(8).prefix(4)) == Array("IEND".utf8))

        let hiDPI = sampleDOT.replacingOccurrences(
            of: "graph [fontname=", with: "graph [dpi=192, fontname=")
        let sharp = try Graphviz.render(dot: hiDPI, engine: .dot, format: .png)
        let small = pngSize(plain.data)
        let large = pngSize(sharp.data)
        #expect(small.width > 100 && small.height > 100)
        // 192 dpi is twice the default 96: twice the pixels each way, up to rounding.
        #expect(abs(Int(large.width) - 2 * Int(small.width)) <= 2)
        #expect(abs(Int(large.height) - 2 * Int(small.height)) <= 2)
    }

    @Test("PDF starts with %PDF- and has exactly one page")
    func pdf() throws {
        let result = try Graphviz.render(dot: sampleDOT, engine: .neato, format: .pdf)
        #expect(Array(result.data.prefix(5)) == Array("%PDF-".utf8))
        let text = String(decoding: result.data, as: UTF8.self)
        let pieces = text.components(separatedBy: "/Type /Page")
        // Pieces after the first start right after an occurrence; count those not followed by "s".
        let pages = pieces.dropFirst().filter { !$0.hasPrefix("s") }.count
        #expect(pages == 1)
        #expect(text.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("%%EOF"))
    }

    @Test("dot, json and plain carry the layout")
    func textFormats() throws {
        let results = try Graphviz.render(dot: sampleDOT, engine: .dot, formats: [.plain, .json, .dot])
        #expect(results.count == 3)

        let laidOut = String(decoding: try #require(results[.dot]).data, as: UTF8.self)
        #expect(laidOut.contains("pos=\""))
        #expect(laidOut.contains("bb=\""))
        #expect(laidOut.contains(labels[0]))
        // Laid-out DOT is valid DOT again.
        let again = try Graphviz.render(dot: laidOut, engine: .dot, format: .plain)
        #expect(again.warnings.isEmpty)

        let json = try JSONSerialization.jsonObject(with: Data(try #require(results[.json]).data))
        let object = try #require(json as? [String: Any])
        #expect(object["name"] as? String == "ecosysteem")
        #expect(object["directed"] as? Bool == true)
        let nodes = try #require(object["objects"] as? [[String: Any]])
        #expect(Set(nodes.compactMap { $0["label"] as? String }) == Set(labels))
        #expect((object["edges"] as? [Any])?.count == 3)

        let plain = String(decoding: try #require(results[.plain]).data, as: UTF8.self)
        let lines = plain.split(separator: "\n")
        #expect(lines.first?.hasPrefix("graph 1 ") == true)
        #expect(lines.last == "stop")
        #expect(lines.filter { $0.hasPrefix("node ") }.count == 3)
        #expect(lines.filter { $0.hasPrefix("edge ") }.count == 3)
    }

    @Test("Several formats from one layout equal each format rendered alone, in any order")
    func multipleFormatsMatchSingle() throws {
        let forward = try Graphviz.render(dot: sampleDOT, engine: .dot, formats: RenderFormat.allCases)
        let backward = try Graphviz.render(
            dot: sampleDOT, engine: .dot, formats: RenderFormat.allCases.reversed() + [.svg, .svg])
        #expect(forward.count == RenderFormat.allCases.count)
        #expect(backward.count == RenderFormat.allCases.count)
        for format in RenderFormat.allCases {
            let alone = try Graphviz.render(dot: sampleDOT, engine: .dot, format: format)
            #expect(forward[format]?.data == alone.data, "\(format) differs when rendered with others")
            #expect(backward[format]?.data == alone.data, "\(format) differs in reversed order")
        }
    }

    @Test("The same input renders to identical SVG bytes", arguments: [LayoutEngine.dot, .neato])
    func deterministic(engine: LayoutEngine) throws {
        let first = try Graphviz.render(dot: sampleDOT, engine: engine, format: .svg)
        let second = try Graphviz.render(dot: sampleDOT, engine: engine, format: .svg)
        #expect(!first.data.isEmpty)
        #expect(first.data == second.data)
    }

    @Test("An empty format list lays out and returns nothing; a bad graph still throws")
    func emptyFormatList() throws {
        #expect(try Graphviz.render(dot: sampleDOT, engine: .dot, formats: []).isEmpty)
        #expect(throws: GraphvizError.self) {
            try Graphviz.render(dot: "digraph {", engine: .dot, formats: [])
        }
    }

    @Test("version comes from gvcVersion and is a 2.x release")
    func version() {
        #expect(Graphviz.version.hasPrefix("2."))
        #expect(Graphviz.version.split(separator: ".").count >= 2)
    }
}

@Suite struct GraphvizErrorTests {
    @Test("A DOT syntax error throws Graphviz's message and line, and prints nothing to stderr")
    func syntaxError() throws {
        let broken = "digraph {\n  a -> b;\n  b -> ;\n}\n"
        var caught: GraphvizError?
        let written = try capturingStandardError {
            do throws(GraphvizError) {
                _ = try Graphviz.render(dot: broken, engine: .dot, format: .svg)
            } catch {
                caught = error
            }
            // Warnings are captured too, not printed.
            _ = try? Graphviz.render(dot: "digraph { a [shape=stderrtestshape, color=nosuchcolour] }", engine: .dot, format: .svg)
        }
        let error = try #require(caught)
        guard case let .parse(message, line) = error else {
            Issue.record("expected a parse error, got \(error)")
            return
        }
        #expect(message == "syntax error in line 3 near ';'")
        #expect(line == 3)
        #expect(error.description.contains("syntax error in line 3"))
        #expect(!written.contains("syntax error"), "Graphviz wrote to stderr: \(written)")
        #expect(!written.contains("Error"), "Graphviz wrote to stderr: \(written)")
        #expect(!written.contains("Warning"), "Graphviz wrote to stderr: \(written)")
    }

    @Test("After a syntax error the parser recovers")
    func recoversAfterSyntaxError() throws {
        #expect(throws: GraphvizError.self) {
            try Graphviz.render(dot: "graph { a -- \"unterminated }", engine: .neato, format: .svg)
        }
        let ok = try Graphviz.render(dot: "graph { a -- b }", engine: .neato, format: .plain)
        #expect(ok.warnings.isEmpty)
        #expect(String(decoding: ok.data, as: UTF8.self).hasSuffix("stop\n"))
    }

    @Test("An unterminated string reports Graphviz's multi-line message")
    func unterminatedString() {
        #expect {
            try Graphviz.render(dot: "digraph { a [label=\"x]; }", engine: .dot, format: .svg)
        } throws: { error in
            guard case let .parse(message, line) = error as? GraphvizError else { return false }
            return line == 1 && message.hasPrefix("syntax error in line 1 scanning a quoted string")
                && message.contains("\nString starting:\"x]; }")
        }
    }

    @Test("Empty input and NUL characters are parse errors without a line")
    func emptyAndNUL() {
        #expect(throws: GraphvizError.parse(message: "no graph in the DOT input", line: nil)) {
            try Graphviz.render(dot: "", engine: .dot, format: .svg)
        }
        #expect(throws: GraphvizError.parse(message: "the DOT input contains a NUL character", line: nil)) {
            try Graphviz.render(dot: "digraph { a\u{0} }", engine: .dot, format: .svg)
        }
    }

    @Test("An unknown output format throws a render error with Graphviz's message")
    func unknownFormat() throws {
        #expect(throws: GraphvizError.render(format: "nosuchformat", message: "renderer for nosuchformat is unavailable")) {
            try Graphviz.render(dot: sampleDOT, engineName: "dot", formatNames: ["svg", "nosuchformat"])
        }
        // The context is still usable afterwards.
        #expect(try Graphviz.render(dot: sampleDOT, engineName: "dot", formatNames: ["svg"]).count == 1)
    }

    @Test("An unknown layout engine throws a layout error listing the engines Graphviz has")
    func unknownEngine() {
        #expect {
            try Graphviz.render(dot: sampleDOT, engineName: "nosuchengine", formatNames: ["svg"])
        } throws: { error in
            guard case let .layout(engine, message) = error as? GraphvizError else { return false }
            return engine == "nosuchengine"
                && message.hasPrefix("Layout type: \"nosuchengine\" not recognized. Use one of:")
                && LayoutEngine.allCases.allSatisfy { message.contains($0.rawValue) }
        }
    }

    @Test("Warnings are returned per render, with Graphviz's text, and do not carry over")
    func warnings() throws {
        // Graphviz warns about an unknown shape or colour name once per process (it caches
        // them), so these names are used by no other test.
        let dot = "digraph { a [shape=warningtestshape]; a -> b [arrowhead=zzz, color=warningtestcolour] }"
        let results = try Graphviz.render(dot: dot, engine: .dot, formats: [.svg, .plain])
        let layoutWarnings = [
            "Warning: using box for unknown shape warningtestshape",
            "Warning: Arrow type \"zzz\" unknown - ignoring",
        ]
        // Colours are resolved when drawing: the SVG renderer warns, plain copies the name.
        #expect(results[.svg]?.warnings == layoutWarnings + ["Warning: warningtestcolour is not a known color."])
        #expect(results[.plain]?.warnings == layoutWarnings)
        let clean = try Graphviz.render(dot: "digraph { a -> b }", engine: .dot, format: .svg)
        #expect(clean.warnings.isEmpty)
    }

    @Test("Messages are reassembled from cgraph's pieces, continuations included")
    func messageSplitting() {
        let captured = "Warning" + ": " + "first\n" + "Error" + ": " + "syntax error in line 1 scanning\n"
            + "String starting:\"x\n" + "\n" + "Warning: second\n"
        let messages = GraphvizMessage.split(captured)
        #expect(messages == [
            GraphvizMessage(isError: false, text: "Warning: first"),
            GraphvizMessage(isError: true, text: "Error: syntax error in line 1 scanning\nString starting:\"x"),
            GraphvizMessage(isError: false, text: "Warning: second"),
        ])
        #expect(messages.errorText(fallback: "none") == "syntax error in line 1 scanning\nString starting:\"x")
        #expect(Array(messages.prefix(1)).errorText(fallback: "none") == "first")
        #expect([GraphvizMessage]().errorText(fallback: "none") == "none")
        #expect(Graphviz.lineNumber(in: "syntax error in line 12 near 'x'") == 12)
        #expect(Graphviz.lineNumber(in: "no graph") == nil)
    }

    @Test("Error descriptions name the stage and Graphviz's message")
    func descriptions() {
        #expect(GraphvizError.parse(message: "m", line: 2).description
            == "Graphviz could not parse the DOT input (line 2): m")
        #expect(GraphvizError.layout(engine: "dot", message: "m").description
            == "Graphviz layout with engine 'dot' failed: m")
        #expect(GraphvizError.render(format: "png", message: "m").description
            == "Graphviz rendering to format 'png' failed: m")
    }
}

@Suite struct GraphvizConcurrencyTests {
    @Test("16 concurrent renders on threads all succeed with identical output")
    func concurrentThreads() throws {
        let count = 16
        let outputs = ResultBox(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { i in
            let engine: LayoutEngine = i.isMultiple(of: 2) ? .neato : .dot
            let result = Result { () throws(GraphvizError) in
                try Graphviz.render(dot: sampleDOT, engine: engine, formats: [.svg, .png])
            }
            outputs.set(i, result)
        }
        let results = outputs.values
        var firstByEngine: [Int: [RenderFormat: RenderResult]] = [:]
        for (i, result) in results.enumerated() {
            let rendered = try #require(try result?.get(), "render \(i) failed")
            #expect(rendered[.svg].flatMap { svgTexts($0.data) } != nil)
            #expect(rendered[.png]?.data.prefix(4) == [0x89, 0x50, 0x4E, 0x47])
            if let first = firstByEngine[i % 2] {
                #expect(first == rendered, "render \(i) differs from the first of its engine")
            } else {
                firstByEngine[i % 2] = rendered
            }
        }
    }

    @Test("16 concurrent tasks all succeed")
    func concurrentTasks() async throws {
        let sizes = try await withThrowingTaskGroup(of: Int.self) { group in
            for i in 0..<16 {
                group.addTask {
                    let engine = LayoutEngine.allCases[i % LayoutEngine.allCases.count]
                    let dot = "graph { a\(i) -- b -- c -- a\(i); c -- d }"
                    return try Graphviz.render(dot: dot, engine: engine, format: .plain).data.count
                }
            }
            var sizes: [Int] = []
            for try await size in group { sizes.append(size) }
            return sizes
        }
        #expect(sizes.count == 16)
        #expect(sizes.allSatisfy { $0 > 50 })
    }
}

/// Per-iteration result slots written from `concurrentPerform` workers.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Result<[RenderFormat: RenderResult], GraphvizError>?]

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<[RenderFormat: RenderResult], GraphvizError>) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    var values: [Result<[RenderFormat: RenderResult], GraphvizError>?] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
