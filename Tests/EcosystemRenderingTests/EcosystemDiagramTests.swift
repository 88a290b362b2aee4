import FixtureSupport
import Ecosystem
import Foundation
import Graphviz
import Testing
@testable import EcosystemRendering

@Suite("Embedding-ready SVG")
struct EmbeddingTests {
    let model = TestModels.model(ids: ["city", "hub", "lab", "firm", "school", "bank"],
                                 names: ["City", "Hub", "Lab", "Firm", "School", "Bank"],
                                 places: ["Zoetermeer", "Delft", "Delft", "", "Zoetermeer", "Rotterdam"])

    func svg(_ options: DiagramOptions) throws -> [UInt8] {
        try #require(try EcosystemDiagram.draw(model, options: options, formats: [.svg]).outputs[.svg])
    }

    @Test("same bytes twice with dot, neato, twopi and circo, clustered or not", arguments: [LayoutEngine.dot, .neato, .twopi, .circo])
    func deterministic(engine: LayoutEngine) throws {
        let plain = DiagramOptions(engine: engine, nodeSize: [1, 2, 3, 4, 5, 6], nodeSizeMeasure: "degree")
        #expect(try identicalInSomeAttempt { try svg(plain) })
        var clustered = plain
        clustered.clusters = EcosystemDiagram.clusterLabels(of: model, by: .place)
        clustered.clusterAttribute = "place"
        #expect(try identicalInSomeAttempt { try svg(clustered) })
    }

    @Test("root: role img, <title> and <desc> first, no DOCTYPE, width and height unless viewBox-only")
    func root() throws {
        let bytes = try svg(DiagramOptions(title: "Map title", engine: .neato))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.contains("<!DOCTYPE"))
        let parsed = try #require(ParsedSVG.parse(bytes))
        let root = parsed.elements[0]
        #expect(root.name == "svg")
        #expect(root.attributes["role"] == "img")
        #expect(root.attributes["aria-labelledby"] == "map-title map-desc")
        #expect(root.attributes["width"]?.hasSuffix("pt") == true)
        #expect(root.attributes["viewBox"] != nil)
        #expect(parsed.elements[1].name == "title" && parsed.elements[1].text == "Map title")
        #expect(parsed.elements[1].attributes["id"] == "map-title")
        #expect(parsed.elements[2].name == "desc" && parsed.elements[2].text.hasPrefix("Network map of 6 actors (3 Government, 3 Industry)"))

        let scalable = try #require(ParsedSVG.parse(try svg(DiagramOptions(engine: .neato, viewBoxOnly: true))))
        #expect(scalable.elements[0].attributes["width"] == nil)
        #expect(scalable.elements[0].attributes["height"] == nil)
        #expect(scalable.elements[0].attributes["viewBox"] == root.attributes["viewBox"])
    }

    @Test("ids from actor and relation ids, CSS classes per type, readable titles and tooltips with measures")
    func idsAndClasses() throws {
        let options = DiagramOptions(
            engine: .neato, nodeSize: [6, 5, 4, 3, 2, 1], nodeSizeMeasure: "degree",
            tooltipMeasures: [DiagramMeasure(name: "pagerank", values: [0.5, 0.1, 0.1, 0.1, 0.1, 0.1])])
        let parsed = try #require(ParsedSVG.parse(try svg(options)))
        for actor in model.actors {
            let node = try #require(parsed.element(id: "actor-\(actor.id)"))
            #expect(node.attributes["class"] == "node actor type-\(actor.type)")
        }
        #expect(parsed.title(ofGroup: "actor-city") == "City · Government · Zoetermeer · degree 6 · pagerank 0.5")
        #expect(parsed.title(ofGroup: "actor-firm") == "Firm · Industry · degree 3 · pagerank 0.1")
        let edge = try #require(parsed.element(id: "relation-r1"))
        #expect(edge.attributes["class"] == "edge relation type-funds")
        #expect(parsed.element(id: "relation-r4")?.attributes["class"] == "edge relation type-collaborates assumed")
        #expect(parsed.title(ofGroup: "relation-r1") == "City – funds – Hub (test)")
        #expect(parsed.title(ofGroup: "relation-r4") == "Firm – collaborates – School (test) [assumed: implied by the test]")
        #expect(parsed.element(id: "legend")?.attributes["class"] == "node legend")
        #expect(parsed.attributeValues("xlink:title").contains("City · Government · Zoetermeer · degree 6 · pagerank 0.5"))
    }

    @Test("an id prefix keeps two maps apart on one page")
    func idPrefix() throws {
        let parsed = try #require(ParsedSVG.parse(try svg(DiagramOptions(engine: .neato, idPrefix: "fig2-"))))
        #expect(parsed.element(id: "fig2-actor-city") != nil)
        #expect(parsed.element(id: "fig2-legend") != nil)
        #expect(parsed.element(id: "fig2-map-title") != nil)
        #expect(parsed.element(id: "actor-city") == nil)
    }

    @Test("no external references: no href, no images, no url(), no DTD")
    func selfContained() throws {
        for engine in [LayoutEngine.neato, .dot] {
            let text = String(decoding: try svg(DiagramOptions(engine: engine, clusters: model.actors.map(\.type))), as: UTF8.self)
            for forbidden in ["href", "<image", "url(", "<!DOCTYPE", "http://www.w3.org/Graphics", "@import", "<script"] {
                #expect(!text.contains(forbidden), "\(engine): found \(forbidden)")
            }
        }
    }

    @Test("clusters: one frame per group, in first-appearance order, with ids and classes")
    func clusters() throws {
        var options = DiagramOptions()
        options.clusters = EcosystemDiagram.clusterLabels(of: model, by: .place)
        options.clusterAttribute = "place"
        #expect(options.clusters == ["Zoetermeer", "Delft", "Delft", "(place unknown)", "Zoetermeer", "Rotterdam"])
        #expect(EcosystemDiagram.layout(for: model, options: options).engine == .dot)
        let dot = EcosystemDiagram.dot(for: model, options: options)
        #expect(dot.contains("subgraph \"cluster_1\" {\n    graph [id=\"cluster-Zoetermeer\""))
        #expect(dot.components(separatedBy: "subgraph \"cluster_").count - 1 == 4)
        let parsed = try #require(ParsedSVG.parse(try svg(options)))
        let frames = parsed.elements.filter { $0.attributes["class"]?.hasPrefix("cluster ") == true }
        #expect(frames.map { $0.attributes["id"] ?? "" }
                == ["cluster-Zoetermeer", "cluster-Delft", "cluster-_28place_20unknown_29", "cluster-Rotterdam"])
        #expect(parsed.title(ofGroup: "cluster-Delft") == "place: Delft")
        #expect(frames.first?.attributes["class"] == "cluster group-Zoetermeer")
    }

    @Test("community numbers given by the caller become frames numbered from 1; types by label")
    func communities() throws {
        let labels = EcosystemDiagram.communityLabels([0, 1, 0, 2, .nan, 1])
        #expect(labels == ["Community 1", "Community 2", "Community 1", "Community 3", "(none)", "Community 2"])
        #expect(EcosystemDiagram.clusterLabels(of: model, by: .type) == ["Government", "Industry", "Government", "Industry", "Government", "Industry"])
    }

    @Test("PNG by signature, size and resolution; PDF by signature and one page")
    func bitmapAndPDF() throws {
        let low = try #require(try EcosystemDiagram.draw(model, options: DiagramOptions(engine: .neato, dpi: 72), formats: [.png]).outputs[.png])
        let high = try #require(try EcosystemDiagram.draw(model, options: DiagramOptions(engine: .neato, dpi: 144), formats: [.png]).outputs[.png])
        #expect(Array(low.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(low.count > 2_000)
        func size(_ png: [UInt8]) -> (Int, Int) {
            let be = { (o: Int) in png[o..<o + 4].reduce(0) { $0 << 8 | Int($1) } }
            return (be(16), be(20)) // IHDR width and height
        }
        let (w1, h1) = size(low), (w2, h2) = size(high)
        #expect(abs(w2 - 2 * w1) <= 2 && abs(h2 - 2 * h1) <= 2, "\(w1)x\(h1) at 72 dpi, \(w2)x\(h2) at 144 dpi")

        let pdf = try #require(try EcosystemDiagram.draw(model, options: DiagramOptions(engine: .neato), formats: [.pdf]).outputs[.pdf])
        #expect(String(decoding: pdf.prefix(5), as: UTF8.self) == "%PDF-")
        #expect(pdf.count > 2_000)
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.hasSuffix("%%EOF\n") || text.hasSuffix("%%EOF"))
        let pages = text.components(separatedBy: "/Type /Page").dropFirst().filter { !$0.hasPrefix("s") }.count
        #expect(pages == 1)
    }

    @Test("the DOT source is what Graphviz lays out, with bounded dot settings")
    func source() throws {
        let options = DiagramOptions(engine: .dot)
        let drawing = try EcosystemDiagram.draw(model, options: options, formats: [.svg])
        #expect(drawing.source == EcosystemDiagram.dot(for: model, options: options))
        #expect(drawing.source.contains("nslimit=20, nslimit1=20, mclimit=1"))
        #expect(drawing.layout == LayoutChoice(engine: .dot, notes: []))
        // Graphviz reads it back: the laid-out DOT of the source has every actor.
        let laidOut = try Graphviz.render(dot: drawing.source, engine: .dot, format: .dot)
        let text = String(decoding: laidOut.data, as: UTF8.self)
        #expect(model.actors.allSatisfy { text.contains("\"actor-\($0.id)\"") })
    }

    @Test("a malformed SVG is refused, not passed on")
    func finisherRefusesBrokenXML() {
        let broken = Array("<svg viewBox=\"0 0 1 1\"><g id=\"x\" class=\"node\">\n<title>x</title>\n<text font-family=\"a<b\">t</text></g></svg>".utf8)
        #expect(throws: DiagramError.self) {
            try SVGFinisher.finish(broken, title: "t", description: "d", elementTitles: [:], viewBoxOnly: false)
        }
        #expect(SVGFinisher.wellFormednessProblem(Array("<a>&nbsp;</a>".utf8)) != nil)
        #expect(SVGFinisher.wellFormednessProblem(Array("<a>ok &amp; fine</a>".utf8)) == nil)
        // A well-formed document of 14 MB (a 10,000-node map's SVG is larger than 10 MB) passes;
        // libxml2 rejected it when given in one piece.
        var big = "<svg xmlns=\"http://www.w3.org/2000/svg\">\n"
        for i in 0..<200_000 { big += "<g id=\"n\(i)\"><title>node \(i)</title><text>label \(i)</text></g>\n" }
        big += "</svg>\n"
        #expect(big.utf8.count > 12_000_000)
        #expect(SVGFinisher.wellFormednessProblem(Array(big.utf8)) == nil)
        #expect(SVGFinisher.wellFormednessProblem(Array((big + "<extra/>").utf8)) != nil)
    }
}

@Suite("Layout policy")
struct LayoutPolicyTests {
    @Test("defaults: neato, or dot when clustering")
    func defaults() {
        #expect(LayoutPolicy.choose(requested: nil, nodeCount: 30, clustered: false) == LayoutChoice(engine: .neato, notes: []))
        #expect(LayoutPolicy.choose(requested: nil, nodeCount: 30, clustered: true) == LayoutChoice(engine: .dot, notes: []))
        #expect(LayoutPolicy.choose(requested: nil, nodeCount: 400, clustered: true).engine == .fdp)
    }

    @Test("large maps leave dot and circo, huge ones neato; each change is explained")
    func largeMaps() {
        let dot = LayoutPolicy.choose(requested: .dot, nodeCount: 151, clustered: false)
        #expect(dot.engine == .neato)
        #expect(dot.notes == ["151 actors is more than dot handles quickly (150); laid out with neato instead"])
        #expect(LayoutPolicy.choose(requested: .dot, nodeCount: 150, clustered: false).engine == .dot)
        #expect(LayoutPolicy.choose(requested: .circo, nodeCount: 101, clustered: false).engine == .neato)
        #expect(LayoutPolicy.choose(requested: .circo, nodeCount: 100, clustered: false).engine == .circo)
        let huge = LayoutPolicy.choose(requested: .dot, nodeCount: 5000, clustered: false)
        #expect(huge.engine == .sfdp)
        #expect(huge.notes.count == 3)
        #expect(LayoutPolicy.choose(requested: .twopi, nodeCount: 5000, clustered: false).engine == .twopi)
    }

    @Test("engines that ignore clusters or are not deterministic say so")
    func notes() {
        #expect(LayoutPolicy.choose(requested: .neato, nodeCount: 10, clustered: true).notes
                == ["neato ignores clusters, so the groups are not framed; the dot or fdp engine frames them"])
        #expect(LayoutPolicy.choose(requested: .fdp, nodeCount: 10, clustered: true).notes
                == ["fdp is not guaranteed to give the same drawing twice; use dot, neato, twopi or circo for identical bytes"])
    }

    @Test("above 200 actors the default is sfdp, said in a note; neato asked for stays neato")
    func largeDefault() {
        #expect(LayoutPolicy.choose(requested: nil, nodeCount: 200, clustered: false) == LayoutChoice(engine: .neato, notes: []))
        let large = LayoutPolicy.choose(requested: nil, nodeCount: 201, clustered: false)
        #expect(large.engine == .sfdp)
        #expect(large.notes.first == "201 actors is more than neato lays out quickly (200); laid out with sfdp (multilevel force-directed, overlaps removed); ask for neato to keep neato's layout (slower: about 5 s at 1,000 actors)")
        #expect(LayoutPolicy.choose(requested: .neato, nodeCount: 1000, clustered: false) == LayoutChoice(engine: .neato, notes: []))
        #expect(LayoutPolicy.choose(requested: nil, nodeCount: 1000, clustered: true).engine == .fdp)
    }

    @Test("only large maps get bounded iterations: none at 200 actors, maxiter above")
    func boundingAttributes() {
        for engine in LayoutEngine.allCases {
            #expect(LayoutPolicy.boundingAttributes(engine: engine, nodeCount: 200, everyNodePinned: true) == "")
        }
        #expect(LayoutPolicy.boundingAttributes(engine: .neato, nodeCount: 201, everyNodePinned: true) == ", maxiter=-1")
        #expect(LayoutPolicy.boundingAttributes(engine: .neato, nodeCount: 201, everyNodePinned: false) == "")
        #expect(LayoutPolicy.boundingAttributes(engine: .fdp, nodeCount: 201, everyNodePinned: false) == ", maxiter=150")
        #expect(LayoutPolicy.boundingAttributes(engine: .sfdp, nodeCount: 1000, everyNodePinned: false) == "")
    }

    @Test("label sizes are rounded to half a point on large maps only")
    func labelPoints() {
        #expect(LayoutPolicy.labelPoints(14.284, nodeCount: 200) == 14.284)
        #expect(LayoutPolicy.labelPoints(14.284, nodeCount: 201) == 14.5)
        #expect(LayoutPolicy.labelPoints(15.95, nodeCount: 1000) == 16)
        #expect(LayoutPolicy.labelPoints(11, nodeCount: 1000) == 11)
    }

    @Test("a 200-actor map asked for with dot is drawn quickly with neato")
    func largeMapIsFast() throws {
        let model = TestModels.ring(200)
        let options = DiagramOptions(engine: .dot, legend: false)
        let start = DispatchTime.now().uptimeNanoseconds
        let drawing = try EcosystemDiagram.draw(model, options: options, formats: [.svg])
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        #expect(drawing.layout.engine == .neato)
        #expect(seconds < 20, "took \(seconds) s")
    }
}

@Suite("Reproducible PDF")
struct ReproduciblePDFTests {
    @Test("cairo's creation date is replaced in place by the epoch; nothing else changes")
    func creationDate() {
        let pdf = Array("%PDF-1.5\n<< /Producer (cairo)\n   /CreationDate (D:20261129133942Z)\n>>\nxref 0 1\n".utf8)
        let fixed = EcosystemDiagram.reproduciblePDF(pdf)
        #expect(fixed.count == pdf.count)  // xref offsets stay valid
        #expect(String(decoding: fixed, as: UTF8.self)
            == "%PDF-1.5\n<< /Producer (cairo)\n   /CreationDate (D:19700101000000Z)\n>>\nxref 0 1\n")
        #expect(EcosystemDiagram.reproduciblePDF(Array("no date here".utf8)) == Array("no date here".utf8))
    }
}
