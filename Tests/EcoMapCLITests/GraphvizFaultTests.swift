import FixtureSupport
import Foundation
import Testing
@testable import Graphviz
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The built `ecomap` executable next to the test bundle, if this build has it.
let ecomapExecutable: URL? = {
    let candidate = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("ecomap")
    return FileManager.default.isExecutableFile(atPath: candidate.path) ? candidate : nil
}()

@Suite("A failure inside Graphviz never kills ecomap", .enabled(if: ecomapExecutable != nil, "needs the ecomap executable built next to the tests (swift build)"))
struct GraphvizFaultTests {
    @Test("the worker gives the bytes of rendering in process")
    func sameBytes() throws {
        let dot = "digraph g { graph [start=1]; a [label=\"Dutch Innovation Park\"]; a -> b; b -> c; c -> a }"
        let worker = GraphvizWorker(executable: ecomapExecutable!.path, arguments: ["--graphviz-worker"])
        let viaWorker = try worker.render(dot: dot, engineName: "neato", formatNames: ["svg", "plain"])
        let inProcess = try Graphviz.renderInProcess(dot: dot, engineName: "neato", formatNames: ["svg", "plain"])
        #expect(viaWorker.map(\.data) == inProcess.map(\.data))
        // Graphviz's own errors come back as they are.
        #expect(throws: GraphvizError.parse(message: "syntax error in line 1 near '}'", line: 1)) {
            try worker.render(dot: "digraph { a -> }", engineName: "dot", formatNames: ["svg"])
        }
    }

    @Test("a DOT that corrupts libgvc's heap (3-inch octagons, ties routed around them) ends the worker, not ecomap")
    func crashingDOTIsContained() throws {
        // Made by `ecomap render Datasets/zoetermeer/model.yaml --theme T -o x.dot` with T =
        // `shapes: [octagon]`, `palette_overrides_model: true`, node width and height [3, 3]
        // (Graphviz 2.42: SIGSEGV or "free(): invalid next size", 5 crashes in 5 runs of neato).
        let dot = try String(contentsOf: Fixtures.directory.appendingPathComponent("graphviz/octagons-3in.dot"), encoding: .utf8)
        let worker = GraphvizWorker(executable: ecomapExecutable!.path, arguments: ["--graphviz-worker"])
        let error = #expect(throws: GraphvizError.self) { try worker.render(dot: dot, engineName: "neato", formatNames: ["svg"]) }
        guard case let .aborted(engine, reason)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(engine == "neato" && (reason.hasPrefix("it aborted") || reason.hasPrefix("it crashed")), "\(reason)")
        // The same ties as straight lines route nothing, and draw.
        let straight = try worker.render(dot: dot.replacingOccurrences(of: "splines=true", with: "splines=line"), engineName: "neato", formatNames: ["svg"])
        #expect(straight[0].data.count > 10_000)
    }

    @Test("themes whose ties Graphviz cannot route around the nodes are drawn with straight ties and a warning",
          arguments: [
            // multispline.c:153: findMap: Assertion `ip' failed (Graphviz 2.42), within the theme's
            // bounds: twopi places the actors, and neato, routing the edges of the pinned drawing,
            // aborts. twopi is deterministic (fdp's random start made the abort come and go).
            ("actor_types: {government: {shape: cylinder}}\n", "twopi"),
            // Heap corruption routing ties around 3-inch octagons.
            ("shapes: [octagon]\npalette_overrides_model: true\nnode_width: [3, 3]\nnode_height: [3, 3]\n", "neato"),
          ])
    func crashingThemes(theme: String, asked: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let themeFile = folder.appendingPathComponent("theme.yaml"), svg = folder.appendingPathComponent("map.svg")
        try theme.write(to: themeFile, atomically: true, encoding: .utf8)
        let run = try runEcomap(["render", zoetermeerModel, "--theme", themeFile.path, "--layout", asked, "-o", svg.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("graphviz: routing the ties around the nodes failed inside Graphviz (it "), "\(run.stderr)")
        #expect(run.stderr.contains("the ties are drawn as straight lines"), "\(run.stderr)")
        let data = try Data(contentsOf: svg)
        #expect(XMLParser(data: data).parse())
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["map.svg", "theme.yaml"])
    }
}
