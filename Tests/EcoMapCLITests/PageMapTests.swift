import EcoMapJobs
import Ecosystem
import EcosystemAnalysis
import EcosystemRendering
import FixtureSupport
import Foundation
import NetworkAnalysis
import Testing
@testable import EcoMapCLI

/// What a test reads from a finished SVG: its print size, its label fonts, its node centres.
struct MapSVG {
    let text: String

    init(_ bytes: [UInt8]) { text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "&#45;", with: "-") }

    /// `width`, `height` (points) and the viewBox's width and height of the root `<svg>`.
    var size: (width: Double, height: Double, boxWidth: Double, boxHeight: Double) {
        let head = String(text[text.range(of: "<svg")!.lowerBound...].prefix { $0 != ">" })
        func attribute(_ name: String) -> String {
            guard let r = head.range(of: " \(name)=\"") else { return "" }
            return String(head[r.upperBound...].prefix { $0 != "\"" })
        }
        let box = attribute("viewBox").split(separator: " ").compactMap { Double($0) }
        let number = { (s: String) in Double(s.filter { $0.isNumber || $0 == "." }) ?? .nan }
        return (number(attribute("width")), number(attribute("height")), box[2], box[3])
    }

    /// The `<g>` element of every actor node, by actor element id (`actor-…`, with any prefix).
    var actorGroups: [String: Substring] {
        var result: [String: Substring] = [:]
        var rest = text[...]
        while let start = rest.range(of: "<g id=\"") {
            let id = rest[start.upperBound...].prefix { $0 != "\"" }
            let end = rest[start.upperBound...].range(of: "</g>")!.upperBound
            if id.contains("actor-"), rest[start.upperBound..<end].contains("class=\"node actor") {
                result[String(id)] = rest[start.lowerBound..<end]
            }
            rest = rest[end...]
        }
        return result
    }

    /// The factor of the graph group's `transform="scale(…)"` (Graphviz shrinks a drawing
    /// larger than its `size` so), 1 without one.
    var groupScale: Double {
        guard let r = text.range(of: "class=\"graph") , let t = text[r.upperBound...].range(of: "transform=\"scale(") else { return 1 }
        return Double(text[t.upperBound...].prefix { $0 != " " && $0 != ")" }) ?? 1
    }

    /// The font size of every label text of an actor node, points in SVG user units.
    var labelFontSizes: [Double] {
        actorGroups.values.flatMap { group in
            group.components(separatedBy: "font-size=\"").dropFirst().compactMap { Double($0.prefix { $0 != "\"" }) }
        }
    }

    /// Node centres by actor id (the element id without `prefix` and `actor-`): the middle of
    /// the bounding box of the node's first shape (ellipse, polygon or path), in SVG units.
    func centres(prefix: String = "") -> [String: (x: Double, y: Double)] {
        var result: [String: (x: Double, y: Double)] = [:]
        for (id, group) in actorGroups {
            let key = String(id.dropFirst(prefix.count + "actor-".count))
            if let e = group.range(of: "<ellipse") {
                let tag = group[e.lowerBound...].prefix { $0 != ">" }
                func number(_ name: String) -> Double {
                    let r = tag.range(of: " \(name)=\"")!
                    return Double(tag[r.upperBound...].prefix { $0 != "\"" })!
                }
                if group.range(of: "<polygon").map({ $0.lowerBound > e.lowerBound }) ?? true {
                    result[key] = (number("cx"), number("cy"))
                    continue
                }
            }
            guard let p = group.range(of: " points=\"") ?? group.range(of: " d=\"") else { continue }
            let raw = group[p.upperBound...].prefix { $0 != "\"" }
            let numbers = raw.split(whereSeparator: { !($0.isNumber || $0 == "." || $0 == "-") }).compactMap { Double($0) }
            let xs = stride(from: 0, to: numbers.count - 1, by: 2).map { numbers[$0] }
            let ys = stride(from: 1, to: numbers.count, by: 2).map { numbers[$0] }
            result[key] = (((xs.min() ?? 0) + (xs.max() ?? 0)) / 2, ((ys.min() ?? 0) + (ys.max() ?? 0)) / 2)
        }
        return result
    }
}

/// A model of `count` actors of 15 types declared without colour or shape (so the house
/// palette and shapes are used), with long names, tied by seeded preferential attachment:
/// each new actor ties to one or two earlier ones chosen in proportion to their degree.
enum GeneratedModel {
    static func yaml(count: Int = 60, seed: UInt64 = 11) -> String {
        var rng = SplitMix64(seed: seed)
        var text = "name: generated\ntitle: Generated ecosystem of \(count) actors\nactor_types:\n"
        for t in 1...15 { text += "  - {id: type\(t), label: Type number \(t)}\n" }
        text += "relation_types:\n  - {id: works_with, label: works with, color: \"#555555\", style: solid, directed: false}\n"
        text += "actors:\n"
        for i in 0..<count {
            let name = i % 3 == 0 ? "Regional organisation number \(i) for innovation (RO\(i))" : "Organisation \(i) of the region"
            text += "  - {id: a\(i), name: \"\(name)\", type: type\(i % 15 + 1)}\n"
        }
        text += "relations:\n  - {id: r0, from: a1, to: a0, type: works_with, weight: 1}\n"
        var ends = [0, 1], k = 1
        for i in 2..<count {
            var targets = Set<Int>()
            while targets.count < min(i % 2 == 1 ? 1 : 2, i) { targets.insert(ends[Int(rng.next() % UInt64(ends.count))]) }
            for j in targets.sorted() {
                text += "  - {id: r\(k), from: a\(i), to: a\(j), type: works_with, weight: \(1 + k % 3)}\n"
                ends += [i, j]; k += 1
            }
        }
        return text
    }

    static func file(_ folder: URL) throws -> String {
        let url = folder.appendingPathComponent("generated.yaml")
        try Data(yaml().utf8).write(to: url)
        return url.path
    }
}

@Suite("Maps for a page and positions that stay (issue 11, items 4 and 5)")
struct PageMapTests {
    let a4 = PageSize("a4")!

    /// Renders through the CLI and returns the SVG and what went to standard error.
    func render(_ model: String, _ arguments: [String], in folder: URL, name: String) throws -> [UInt8] {
        let out = folder.appendingPathComponent(name).path
        try Render.parse([model, "-o", out, "--size-by", "degree"] + arguments).run()
        return try CLITestSupport.bytes(URL(fileURLWithPath: out))
    }

    /// The smallest label at print size: the SVG printed at its own size, which must fit the page.
    func smallestPrintedLabel(_ svg: MapSVG, page: PageSize) -> Double {
        let size = svg.size
        #expect(size.width <= page.width + 0.5 && size.height <= page.height + 0.5, "the SVG is larger than \(page.name)")
        let printScale = min(page.width / size.boxWidth, page.height / size.boxHeight, size.width / size.boxWidth)
        return (svg.labelFontSizes.min() ?? 0) * svg.groupScale * printScale
    }

    @Test("--page: Zoetermeer's labels are 8 pt or more at A4 print size, with no warning; the 60-actor model's on A2 landscape, and on A4 it is said how small they come out")
    func pageLabels() throws {
        let folder = try CLITestSupport.scratch("page-a4")
        let generated = try GeneratedModel.file(folder)
        for (model, actors, page) in [(CLITestSupport.model, 21, a4), (generated, 60, PageSize("594x420mm")!)] {
            let svg = MapSVG(try render(model, ["--page", page.name], in: folder, name: "map.svg"))
            #expect(svg.labelFontSizes.count >= actors)
            let smallest = smallestPrintedLabel(svg, page: page)
            #expect(smallest >= 8, "\(model): smallest label \(smallest) pt on \(page.name)")
            // Without a page the natural map is wider than A4, so its labels would print smaller.
            let natural = MapSVG(try render(model, [], in: folder, name: "natural.svg"))
            #expect(natural.size.boxWidth > a4.width && natural.groupScale == 1)
            #expect((natural.labelFontSizes.min() ?? 0) * a4.width / natural.size.boxWidth < 8)
            // The job says nothing when the page is big enough.
            let loaded = try loadGraph(model, directed: false, lenient: false, files: RunFiles())
            var request = MapRequest(sizeBy: "degree")
            request.page = page
            #expect(try RenderJob.run(loaded, request: request, analysis: AnalysisOptions(), format: .svg).pageWarnings.isEmpty)
        }
        // 60 actors on A4: too many for 8-pt labels with this layout; the warning gives the size measured on the SVG.
        let loaded = try loadGraph(generated, directed: false, lenient: false, files: RunFiles())
        var request = MapRequest(sizeBy: "degree")
        request.page = a4
        let rendered = try RenderJob.run(loaded, request: request, analysis: AnalysisOptions(), format: .svg)
        let svg = MapSVG([UInt8](rendered.data))
        let printed = smallestPrintedLabel(svg, page: a4)
        let warning = try #require(rendered.pageWarnings.first)
        #expect(printed < 8 && warning.contains("come out at \(NumberFormat.decimals(printed, 1)) pt"))
    }

    @Test("a box too small for 8-pt labels is said, with the size the labels come out at")
    func tooSmall() throws {
        let model = try loadGraph(CLITestSupport.model, directed: false, lenient: false, files: RunFiles())
        var request = MapRequest(sizeBy: "degree")
        request.page = PageSize("60x50mm")!
        let rendered = try RenderJob.run(model, request: request, analysis: AnalysisOptions(), format: .svg)
        let warning = try #require(rendered.pageWarnings.first)
        #expect(warning.contains("do not fit 60x50mm") && warning.contains("labels come out at"))
        let svg = MapSVG([UInt8](rendered.data))
        let printed = (svg.labelFontSizes.min() ?? 0) * svg.groupScale * svg.size.width / svg.size.boxWidth
        #expect(printed < 8)
        #expect(warning.contains("\(NumberFormat.decimals(printed, 1)) pt"))
    }

    @Test("page names, sizes in mm and pt, and what is refused")
    func pages() {
        #expect(abs(PageSize("A4")!.width - 595.28) < 0.01 && abs(PageSize("a4")!.height - 841.89) < 0.01)
        #expect(PageSize("a4-landscape")!.width > PageSize("a4-landscape")!.height)
        #expect(PageSize("16:9")!.width == 720 && PageSize("16:9")!.height == 405)
        #expect(PageSize("letter")!.width == 612)
        #expect(abs(PageSize("160x120mm")!.width - 453.54) < 0.01)
        #expect(PageSize("400x300pt")!.height == 300)
        for bad in ["a3", "160x120", "10x10mm", "0x100mm", "x120mm", "160x120cm"] {
            #expect(PageSize(bad) == nil, "\(bad)")
            #expect(PageSize.problem(bad)?.contains("a4, a4-landscape, a5, letter, 16:9") == true)
        }
        #expect(throws: (any Error).self) { try Render.parse([CLITestSupport.model, "--page", "a3"]) }
        #expect(throws: (any Error).self) { try Render.parse([CLITestSupport.model, "--background", "black"]) }
    }

    @Test("long names are wrapped and abbreviated on a page; the full name stays in the title")
    func labels() throws {
        #expect(EcosystemDiagram.pageLabel("Regional organisation number 12 for innovation (RO12)") == "RO12")
        #expect(EcosystemDiagram.pageLabel("Gemeenteraad Zoetermeer") == "Gemeenteraad\nZoetermeer")
        #expect(EcosystemDiagram.pageLabel("Slim project openbare ruimte A") == "Slim project\nopenbare ruimte\nA")
        #expect(EcosystemDiagram.pageLabel("Stichting voor de bevordering van innovatie in de regio Haaglanden")
            == "Stichting voor\nde bevordering\n…Haaglanden")
        let folder = try CLITestSupport.scratch("page-labels")
        let svg = String(decoding: try render(CLITestSupport.model, ["--page", "a4"], in: folder, name: "map.svg"), as: UTF8.self)
        #expect(svg.contains(">openbare ruimte</text>"))
        #expect(svg.contains("Metropoolregio Rotterdam Den Haag (MRDH) · Government"))
    }

    @Test("the map, the gap overlay and a scenario diff put every shared actor at the same coordinates")
    func samePositions() throws {
        let folder = try CLITestSupport.scratch("positions-same")
        let scenario = Fixtures.repositoryRoot.appendingPathComponent("Datasets/zoetermeer/scenarios/programme.yaml").path
        // One report run: the map, the gap map and the diff of a scenario that adds an actor.
        try EcoMapCLI.Report.parse([CLITestSupport.model, "--output", folder.path, "--scenario", scenario, "--size-by", "degree"]).run()
        let out = folder.appendingPathComponent("zoetermeer")
        func svg(_ name: String) throws -> MapSVG { MapSVG(try CLITestSupport.bytes(out.appendingPathComponent(name))) }
        let map = try svg("report-map.svg").centres(prefix: "map-")
        let gaps = try svg("report-gaps.svg").centres(prefix: "gaps-")
        let diffName = try FileManager.default.contentsOfDirectory(atPath: out.path).first { $0.hasSuffix("-diff.svg") }!
        let diff = try svg(diffName).centres(prefix: "scenario-diff1-")
        #expect(map.count == 21 && gaps.count == 21 && diff.count == 22)
        for (id, p) in map {
            for (name, other) in [("gaps", gaps), ("diff", diff)] {
                let q = try #require(other[id], "\(id) missing in \(name)")
                #expect(abs(p.x - q.x) < 0.02 && abs(p.y - q.y) < 0.02, "\(id): map \(p), \(name) \(q)")
            }
        }
        // Separate runs of render, with and without the gap overlay, on a page as well.
        for page in [[], ["--page", "a4"]] {
            let plain = MapSVG(try render(CLITestSupport.model, page, in: folder, name: "a.svg")).centres()
            let overlay = MapSVG(try render(CLITestSupport.model, page + ["--overlay", "gaps"], in: folder, name: "b.svg")).centres()
            #expect(plain.count == 21)
            for (id, p) in plain {
                let q = try #require(overlay[id])
                #expect(abs(p.x - q.x) < 0.02 && abs(p.y - q.y) < 0.02, "\(id): \(p) vs \(q) \(page)")
            }
        }
    }

    @Test("--positions writes the layout when the file is new, reads it back after, and keeps old actors where they were")
    func positionsFile() throws {
        let folder = try CLITestSupport.scratch("positions-file")
        let file = folder.appendingPathComponent("layout.json")
        let first = try render(CLITestSupport.model, ["--positions", file.path], in: folder, name: "first.svg")
        let saved = try Data(contentsOf: file)
        let positions = try PositionsFile.read(saved, file: file.path)
        #expect(positions.count == 21)
        #expect(String(decoding: saved, as: UTF8.self).hasPrefix("{\n  \"format\": \"ecomap-positions\",\n  \"version\": 1,\n  \"units\": \"pt\""))
        // Read back: the same drawing, and the file untouched.
        let second = try render(CLITestSupport.model, ["--positions", file.path], in: folder, name: "second.svg")
        #expect(MapSVG(first).centres().mapValues { "\($0)" } == MapSVG(second).centres().mapValues { "\($0)" })
        #expect(try Data(contentsOf: file) == saved)
        // A changed model (one actor more, one fewer): the others stay exactly, the new one is placed.
        var text = try String(contentsOf: URL(fileURLWithPath: CLITestSupport.model), encoding: .utf8)
        text = text.replacingOccurrences(of: "\nrelations:\n", with: "\n  - {id: newcomer, name: Nieuwkomer, type: industry}\nrelations:\n  - {id: new_tie, from: newcomer, to: dip, type: supports}\n")
        let changed = folder.appendingPathComponent("next-year.yaml")
        try Data(text.utf8).write(to: changed)
        let extended = folder.appendingPathComponent("extended.json")
        _ = try render(changed.path, ["--positions", file.path, "--save-positions", extended.path], in: folder, name: "next.svg")
        #expect(try Data(contentsOf: file) == saved)
        let next = try PositionsFile.read(try Data(contentsOf: extended), file: extended.path)
        #expect(next.count == 22 && next["newcomer"] != nil)
        for (id, p) in positions { #expect(next[id] == p, "\(id) moved") }
        // A bad file is refused with its name and the actor id.
        let bad = folder.appendingPathComponent("bad.json")
        try Data("{\"format\": \"ecomap-positions\", \"units\": \"pt\", \"positions\": {\"dip\": {\"x\": \"left\"}}}".utf8).write(to: bad)
        #expect { try render(CLITestSupport.model, ["--positions", bad.path], in: folder, name: "bad.svg") } throws: { error in
            "\(error)".contains("bad.json: positions.dip must be")
        }
        // --save-positions never replaces an input.
        #expect(throws: (any Error).self) {
            try render(CLITestSupport.model, ["--save-positions", CLITestSupport.model], in: folder, name: "refused.svg")
        }
    }

    @Test("the legend draws each actor type as a small node in its shape and colour")
    func legendShapes() throws {
        let folder = try CLITestSupport.scratch("legend-shapes")
        let svg = MapSVG(try render(CLITestSupport.model, [], in: folder, name: "map.svg")).text
        let shapes = ["government": "<polygon fill=\"#0072b2\"", "industry": "<ellipse fill=\"#e69f00\"", "intermediary": "<polygon fill=\"#d55e00\""]
        for (type, shape) in shapes {
            let start = try #require(svg.range(of: "<g id=\"legend-type-\(type)\" class=\"node legend legend-type"))
            let group = svg[start.lowerBound...].prefix(while: { _ in true })
            let end = group.range(of: "</g>")!.lowerBound
            #expect(group[..<end].lowercased().contains(shape.lowercased()), "\(type)")
        }
        #expect(!svg.contains("(box)") && !svg.contains("(ellipse)"))
    }

    @Test("backgrounds: white for PNG and PDF by default, transparent SVG with a white box behind the title and legend")
    func backgrounds() throws {
        let model = try loadGraph(CLITestSupport.model, directed: false, lenient: false, files: RunFiles())
        let request = MapRequest(sizeBy: "degree")
        let svg = try RenderJob.run(model, request: request, analysis: AnalysisOptions(), format: .dot)
        let dot = String(decoding: svg.data, as: UTF8.self)
        #expect(dot.contains("bgcolor=\"#FFFFFF00\"") && dot.contains("BGCOLOR=\"#FFFFFF\" STYLE=\"ROUNDED\""))
        #expect(dot.contains("style=\"rounded,filled\", color=\"#999999\", fillcolor=\"#FFFFFF\""))
        var dark = request
        dark.background = "#202020"
        let darkDot = String(decoding: try RenderJob.run(model, request: dark, analysis: AnalysisOptions(), format: .dot).data, as: UTF8.self)
        #expect(darkDot.contains("bgcolor=\"#202020\"") && darkDot.contains("fontcolor=\"#FFFFFF\", id="))
        // PDF: cairo fills the page white first (1 1 1 rg … re f) unless asked otherwise.
        let pdf = try RenderJob.run(model, request: request, analysis: AnalysisOptions(), format: .pdf)
        #expect(pdf.data.count > 1000)
        let folder = try CLITestSupport.scratch("backgrounds")
        let png = try render(CLITestSupport.model, ["--background", "transparent"], in: folder, name: "map.png")
        #expect(png.prefix(4) == [0x89, 0x50, 0x4E, 0x47])
    }

    @Test("community numbers in map tooltips run from 1, as the frames do")
    func communitiesFromOne() throws {
        let model = try loadGraph(CLITestSupport.model, directed: false, lenient: false, files: RunFiles())
        let request = MapRequest(clusterBy: "community", sizeBy: nil, tooltipMeasures: ["leiden"])
        let analysis = AnalysisOptions()
        let table = try MapJob.analyse(model, for: request, analysis: analysis)
        let options = try MapJob.options(for: model, request: request, analysis: analysis, table: table)
        let leiden = try #require(table.column("leiden"))
        #expect(leiden.min() == 0)
        let shown = try #require(options.tooltipMeasures.first { $0.name == "leiden" })
        #expect(shown.values == leiden.map { $0 + 1 })
        #expect(options.clusters?.first == "Community \(Int(leiden[0]) + 1)")
    }
}
