import FixtureSupport
import Foundation
import Testing
@testable import Graphviz

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

    @Test("themes that make libgvc abort give one error line naming the input and the engine, exit 1, nothing written",
          arguments: [
            // multispline.c:153: findMap: Assertion `ip' failed (Graphviz 2.42), within the theme's
            // bounds: twopi places the actors, and neato, routing the edges of the pinned drawing,
            // aborts. (A cylinder with `node_width: [0.1, 20]` on neato's own positions no longer
            // aborts since maps are drawn on the shared layout.)
            // twopi is deterministic (fdp's random start made the abort come and go).
            ("actor_types: {government: {shape: cylinder}}\n", "twopi", "neato"),
          ])
    func crashingThemes(theme: String, asked: String, engine: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let themeFile = folder.appendingPathComponent("theme.yaml"), svg = folder.appendingPathComponent("map.svg")
        try theme.write(to: themeFile, atomically: true, encoding: .utf8)
        let run = try runEcomap(["render", zoetermeerModel, "--theme", themeFile.path, "--layout", asked, "-o", svg.path])
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(run.stderr)")
        #expect(lines.first?.hasPrefix("Error: \(zoetermeerModel): the map could not be drawn: Graphviz failed while laying out with engine '\(engine)' and was stopped: it ") == true, "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: svg.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["theme.yaml"])
    }
}
