import FixtureSupport
import EcoMapJobs
import Foundation
import Testing
@testable import EcoMapCLI

#if canImport(FoundationXML)
import FoundationXML
#endif

/// A fresh temporary folder per test.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("ecomap-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Parses and runs an `ecomap` command line, as `main.swift` would.
func runCommand(_ arguments: [String]) throws {
    var command = try EcoMap.parseAsRoot(arguments)
    try command.run()
}

/// Strict XML well-formedness check with Foundation's parser.
func isWellFormedXML(_ data: Data) -> Bool {
    let parser = XMLParser(data: data)
    parser.shouldResolveExternalEntities = false
    return parser.parse()
}

let zoetermeerModel = Fixtures.repositoryRoot.appendingPathComponent("Datasets/zoetermeer/model.yaml").path

@Suite("The main job")
struct MainJobTests {
    @Test("writes a well-formed SVG and a CSV with a row per actor and a column per measure")
    func mainJob() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        try runCommand(["run", zoetermeerModel, "--output", out.path])
        let svg = try Data(contentsOf: out.appendingPathComponent("zoetermeer/ecosystem.svg"))
        #expect(isWellFormedXML(svg))
        let text = String(decoding: svg, as: UTF8.self)
        #expect(text.contains("Dutch Innovation Park"))
        #expect(text.contains("Yes!Delft"))
        // Graphviz writes "-" in ids as the character reference &#45; (same attribute value).
        #expect(text.contains("id=\"actor&#45;dip\"") || text.contains("id=\"actor-dip\""))

        let csv = try String(contentsOf: out.appendingPathComponent("zoetermeer/metrics.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\n")
        #expect(lines.first == "id,name,type,place," + MainJob.measures.joined(separator: ","))
        #expect(lines.count == 1 + 21)
        #expect(lines.contains { $0.hasPrefix("dip,Dutch Innovation Park (DIP),intermediary,Zoetermeer,6,") })
    }

    @Test("the same model twice gives the same bytes")
    func deterministic() throws {
        let files = ["zoetermeer/ecosystem.svg", "zoetermeer/metrics.csv"]
        let same = try identicalInSomeAttempt { () throws -> [Data] in
            let out = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: out) }
            try runCommand(["run", zoetermeerModel, "--output", out.path])
            return try files.map { try Data(contentsOf: out.appendingPathComponent($0)) }
        }
        #expect(same)
    }

    @Test("an invalid model fails with file, line and column, and nothing is written")
    func invalidModel() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = folder.appendingPathComponent("broken.yaml")
        try """
            actor_types:
              - {id: government, label: Government, color: "#0072B2", shape: box}
            relation_types:
              - {id: funds, label: funds, directed: true}
            actors:
              - {id: a, name: A, type: government}
            relations:
              - {from: a, to: b, type: funds}
            """.write(to: model, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        do {
            try runCommand(["run", model.path, "--output", out.path])
            Issue.record("expected the run to fail")
        } catch {
            let message = String(describing: error)
            #expect(message.contains("broken.yaml:8:"), "\(message)")
            #expect(message.contains("'b'"))
        }
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test("--size-by must be one of the main job's measures")
    func sizeByValidation() {
        #expect(throws: (any Error).self) { try EcoMap.parseAsRoot(["run", "--size-by", "nonsense"]) }
    }
}

@Suite("analyze and render from the command line")
struct AnalyzeRenderCommandTests {
    @Test("analyze writes JSON with nodes, graph and null for undefined values")
    func analyzeJSON() throws {
        let out = try temporaryFolder().appendingPathComponent("m.json")
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        try runCommand(["analyze", zoetermeerModel, "--measures", "degree,effective_size,density", "--format", "json", "-o", out.path])
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any]
        let nodes = object?["nodes"] as? [String: [String: Any]]
        #expect(nodes?.count == 21)
        #expect(nodes?["dip"]?["degree"] as? Int == 6)
        #expect((object?["graph"] as? [String: Any])?["density"] is Double)
    }

    @Test("analyze reads a plain CSV edge list")
    func analyzeEdgeList() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let edges = folder.appendingPathComponent("path.csv")
        try "source,target\nA,B\nB,C\n".write(to: edges, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("b.csv")
        try runCommand(["analyze", edges.path, "--measures", "betweenness", "--format", "csv", "-o", out.path])
        // Path A–B–C: normalized betweenness of B is 1 (2/((n−1)(n−2)) · 1 pair).
        #expect(try String(contentsOf: out, encoding: .utf8) == "id,name,type,place,betweenness\nA,A,node,,0\nB,B,node,,1\nC,C,node,,0\n")
    }

    @Test("analyze refuses unknown measures and lists the valid ones")
    func unknownMeasure() {
        #expect(throws: (any Error).self) { try EcoMap.parseAsRoot(["analyze", zoetermeerModel, "--measures", "betweeness"]) }
    }

    @Test("render --id-prefix prefixes every element id, so two maps can share a page")
    func idPrefix() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let svg = folder.appendingPathComponent("m.svg")
        try runCommand(["render", zoetermeerModel, "--id-prefix", "fig2-", "-o", svg.path])
        let text = try String(contentsOf: svg, encoding: .utf8)
        #expect(isWellFormedXML(Data(text.utf8)))
        #expect(text.contains("id=\"fig2&#45;actor&#45;dip\"") || text.contains("id=\"fig2-actor-dip\""))
        #expect(!text.contains("id=\"actor&#45;") && !text.contains("id=\"actor-"))
    }

    @Test("render writes PNG and PDF through libgvc")
    func renderBitmaps() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let png = folder.appendingPathComponent("m.png"), pdf = folder.appendingPathComponent("m.pdf")
        try runCommand(["render", zoetermeerModel, "--format", "png", "-o", png.path])
        try runCommand(["render", zoetermeerModel, "--format", "pdf", "-o", pdf.path])
        let pngData = try Data(contentsOf: png), pdfData = try Data(contentsOf: pdf)
        #expect(Array(pngData.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(pngData.count > 20_000)
        #expect(pdfData.starts(with: Data("%PDF-".utf8)))
    }
}
