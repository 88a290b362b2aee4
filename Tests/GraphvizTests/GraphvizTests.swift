import Dispatch
import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Graphviz

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
            // cairo writes the clock into a PDF (/CreationDate): renders a second apart differ there only.
            #expect(forward[format].map { withoutClock($0.data) } == withoutClock(alone.data), "\(format) differs when rendered with others")
            #expect(backward[format].map { withoutClock($0.data) } == withoutClock(alone.data), "\(format) differs in reversed order")
        }
    }

    /// `bytes` with the 14 digits of a PDF's `/CreationDate (D:YYYYMMDDHHmmSS` zeroed.
    func withoutClock(_ bytes: [UInt8]) -> [UInt8] {
        let key = Array("/CreationDate (D:".utf8)
        var out = bytes
        var i = 0
        while i + key.count + 14 <= out.count {
            if Array(out[i..<(i + key.count)]) == key {
                for k in 0..<14 { out[i + key.count + k] = UInt8(ascii: "0") }
                i += key.count + 14
            } else {
                i += 1
            }
        }
        return out
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
