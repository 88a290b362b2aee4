import EcoMapJobs
import Ecosystem
import EcosystemAnalysis
import EcosystemRendering
import FixtureSupport
import Foundation
import Testing
@testable import EcoMapCLI

/// The Zoetermeer model and a scratch folder per test.
enum CLITestSupport {
    static let model = Fixtures.repositoryRoot.appendingPathComponent("Datasets/zoetermeer/model.yaml").path
    static let edgeList = Fixtures.repositoryRoot.appendingPathComponent("Datasets/examples/edges.csv").path

    static func scratch(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("ecomap-cli-tests-\(ProcessInfo.processInfo.processIdentifier)-\(name)", isDirectory: true)
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func bytes(_ url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }
}

@Suite("ecomap render")
struct RenderCommandTests {
    // `betweenness` may not be in this build's catalog; degree always is.
    let common = ["--size-by", "degree"]

    func render(_ arguments: [String], to name: String) throws -> [UInt8] {
        let folder = try CLITestSupport.scratch("render-\(name)")
        let out = folder.appendingPathComponent(name).path
        let command = try Render.parse([CLITestSupport.model, "-o", out] + common + arguments)
        try command.run()
        return try CLITestSupport.bytes(URL(fileURLWithPath: out))
    }

    @Test("--format dot is the exact DOT source handed to Graphviz; the old hidden --source is gone")
    func dotSource() throws {
        let written = try render(["--format", "dot"], to: "map.gv")
        let model = try ModelLoader.load(contentsOf: URL(fileURLWithPath: CLITestSupport.model))
        let command = try Render.parse([CLITestSupport.model] + common)
        let request = try command.map.request(files: RunFiles())
        let analysis = AnalysisOptions(directed: command.input.directed, weighting: command.input.weight, seed: command.seed.seed)
        let table = try MapJob.analyse(model, for: request, analysis: analysis)
        var options = try MapJob.options(for: model, request: request, analysis: analysis, table: table)
        options.pinned = try MapJob.sharedLayout(for: model, options: options, kept: [:])?.pinned
        #expect(String(decoding: written, as: UTF8.self) == EcosystemDiagram.dot(for: model, options: options))
        #expect(throws: (any Error).self) { try Render.parse([CLITestSupport.model, "--source"]) }
        // The laid-out DOT is another thing: it has the routed edges and the bounding box; the
        // source only pins the actors at the shared layout's positions.
        let laidOut = String(decoding: try render(["--format", "dot-layout"], to: "layout.gv"), as: UTF8.self)
        #expect(laidOut.contains("bb=\"") && laidOut.contains("pos=\"e,"))
        #expect(!String(decoding: written, as: UTF8.self).contains("bb=\""))
        #expect(String(decoding: written, as: UTF8.self).contains("!\"];"))
    }

    @Test("svg is well-formed and the same bytes twice; viewBox-only drops width and height")
    func svg() throws {
        let first = try render(["--layout", "twopi"], to: "a.svg")
        #expect(try identicalInSomeAttempt { try render(["--layout", "twopi"], to: "b.svg") })
        #expect(SVGFinisher.wellFormednessProblem(first) == nil)
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.contains("<g id=\"actor&#45;dip\" class=\"node actor type&#45;intermediary\">"))
        let scalable = String(decoding: try render(["--viewbox-only"], to: "c.svg"), as: UTF8.self)
        #expect(!scalable.contains("<svg width="))
        #expect(scalable.contains("<svg viewBox="))
    }

    @Test("png with --dpi and pdf, by signature, size and page count")
    func pngAndPDF() throws {
        let png = try render(["--format", "png", "--dpi", "50"], to: "map.png")
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let png2 = try render(["--format", "png", "--dpi", "100"], to: "map2.png")
        let width2 = png2[16..<20].reduce(0) { $0 << 8 | Int($1) }
        #expect(width > 300 && abs(width2 - 2 * width) <= 2, "\(width) px at 50 dpi, \(width2) at 100")
        let pdf = try render(["--format", "pdf"], to: "map.pdf")
        #expect(String(decoding: pdf.prefix(5), as: UTF8.self) == "%PDF-")
        #expect(pdf.count > 10_000)
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.components(separatedBy: "/Type /Page").dropFirst().filter { !$0.hasPrefix("s") }.count == 1)
    }

    @Test("json and clusters by type; an edge list renders too")
    func jsonClustersEdgeList() throws {
        let json = try render(["--format", "json", "--cluster-by", "type"], to: "map.json")
        let object = try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any]
        let objects = object?["objects"] as? [[String: Any]] ?? []
        #expect(objects.filter { ($0["name"] as? String)?.hasPrefix("cluster_") == true }.count == 5)

        let folder = try CLITestSupport.scratch("render-edges")
        let out = folder.appendingPathComponent("edges.svg").path
        let command = try Render.parse([CLITestSupport.edgeList, "-o", out, "--size-by", "degree"])
        try command.run()
        #expect(SVGFinisher.wellFormednessProblem(try CLITestSupport.bytes(URL(fileURLWithPath: out))) == nil)
    }

    @Test("a theme file is read; a bad one is refused with its key")
    func theme() throws {
        let folder = try CLITestSupport.scratch("render-theme")
        let good = folder.appendingPathComponent("theme.yaml")
        try Data("actor_types:\n  government: {color: \"#123456\", shape: house}\n".utf8).write(to: good)
        let svg = String(decoding: try render(["--theme", good.path], to: "t.svg"), as: UTF8.self)
        #expect(svg.contains("fill=\"#123456\""))
        let bad = folder.appendingPathComponent("bad.yaml")
        try Data("font: \"x<y\"\n".utf8).write(to: bad)
        #expect(throws: ThemeError.self) { try render(["--theme", bad.path], to: "u.svg") }
    }

    @Test("invalid options are refused before any work")
    func validation() {
        #expect(throws: (any Error).self) { try Render.parse([CLITestSupport.model, "--format", "gif"]) }
        #expect(throws: (any Error).self) { try Render.parse([CLITestSupport.model, "--layout", "spring"]) }
        #expect(throws: (any Error).self) { try Render.parse([CLITestSupport.model, "--dpi", "0"]) }
        #expect(throws: (any Error).self) { try Render.parse([CLITestSupport.model, "--size-by", "density"]) }
    }
}
