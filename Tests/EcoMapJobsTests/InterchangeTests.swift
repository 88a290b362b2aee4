import FixtureSupport
import Foundation
import Testing
@testable import EcoMapJobs
import Ecosystem
import EcosystemAnalysis
import EcosystemRendering

/// Data in and out through the jobs: every imported file has the measures of the same graph
/// read from the plain edge list; what ecomap writes, NetworkX reads back with every attribute
/// (Tests/Fixtures/formats/readback.json, written by make_formats.py --readback).
@Suite("Interchange")
struct InterchangeTests {
    static let folder = Fixtures.directory.appendingPathComponent("formats")
    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Kumu names elements by label; the other files by id.
    static let idOfName = ["LUMC": "lumc", "Universiteit Leiden": "ul", "Bio Science Park": "bsp", "Gemeente Leiden": "gem",
                           "Provincie Zuid-Holland": "pz", "BioTech BV": "biotech", "Pharma NV": "pharma", "Patiëntenvereniging": "patients"]
    static let measures = ["degree", "strength", "betweenness", "closeness", "pagerank", "eigenvector"]

    static func values(_ model: EcosystemModel, byName: Bool = false) throws -> [String: [Double]] {
        let table = try EcosystemAnalyzer.metrics(of: model, measures: measures, options: AnalysisOptions(directed: false, weighting: .strength, normalized: true))
        var out: [String: [Double]] = [:]
        for (k, id) in table.nodeIDs.enumerated() {
            let key = byName ? (idOfName[id] ?? id) : id
            out[key] = measures.map { table.column($0)![k] }
        }
        return out
    }

    @Test(arguments: ["dutch", "networkx.gexf", "networkx.graphml", "igraph.graphml", "networkx-nodelink.json", "kumu-blueprint.json", "openpyxl.xlsx", "kumu-spreadsheet.xlsx"])
    func importedMeasuresEqualTheEdgeList(_ name: String) throws {
        let files = RunFiles()
        let reference = try GraphInput.load(Self.path("reference.csv"), directed: false, files: files)
        let imported = try GraphInput.read(Self.path(name), directed: false, files: files)
        let expected = try Self.values(reference)
        let got = try Self.values(imported.model, byName: name.hasPrefix("kumu"))
        #expect(Set(got.keys) == Set(expected.keys))
        for (id, row) in expected {
            let other = try #require(got[id])
            for (k, x) in row.enumerated() {
                #expect(agree(other[k], x, tolerance: 1e-12), "\(name): \(Self.measures[k]) of \(id) is \(other[k]), edge list \(x)")
            }
        }
        // Every file read is recorded, so no output can replace it (a pair is two files).
        #expect(files.inputs.count == (name == "dutch" ? 4 : 2))
    }

    /// The fixture script read ecomap's GEXF and GraphML (converted from the Dutch pair with
    /// `--with-measures degree,betweenness`) with NetworkX; every field is there.
    @Test func networkxReadsEveryAttributeOfEcomapsGEXFAndGraphML() throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("readback.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let model = try ModelFormats.load(Self.path("dutch")).model
        let table = try EcosystemAnalyzer.metrics(of: model, measures: ["degree", "betweenness"], options: AnalysisOptions(directed: false, weighting: .strength, normalized: true))
        for file in ["ecomap.gexf", "ecomap.graphml", "ecomap.nodelink.json"] {
            let g = try #require(root[file] as? [String: Any])
            #expect(g["directed"] as? Bool == false)
            let nodes = try #require(g["nodes"] as? [String: [String: Any]])
            #expect(nodes.count == model.actors.count)
            for (k, a) in model.actors.enumerated() {
                let n = try #require(nodes[a.id], "\(file): no node \(a.id)")
                #expect(n["type"] as? String == a.type && n["place"] as? String == a.place, "\(file) \(a.id)")
                #expect(n["type_color"] as? String == model.actorType(a.type)?.color)
                #expect((n["degree"] as? Double).map { agree($0, table.column("degree")![k], tolerance: 1e-12) } == true)
                #expect((n["betweenness"] as? Double).map { agree($0, table.column("betweenness")![k], tolerance: 1e-12) } == true)
                if file != "ecomap.gexf" { #expect(n["x"] is Double && n["y"] is Double && n["size"] is Double) }
            }
            let edges = try #require(g["edges"] as? [[Any]])
            #expect(edges.count == model.relations.count)
            for r in model.relations {
                let e = try #require(edges.first { ($0[2] as? [String: Any])?["id"] as? String == r.id }?[2] as? [String: Any], "\(file): no edge \(r.id)")
                #expect(e["weight"] as? Double == r.weight && e["type"] as? String == r.type && e["evidence"] as? String == r.source)
                #expect(e["assumed"] as? String == r.assumed && e["confidence"] as? Double == r.confidence)
                #expect(e["Opmerking"] as? String == r.attribute("Opmerking"))
                #expect(e["type_directed"] as? Bool == false)
            }
        }
    }

    /// openpyxl opened ecomap's workbook (make_formats.py --readback): its three sheets hold
    /// exactly the spreadsheet form's cells.
    @Test func openpyxlReadsEcomapsWorkbook() throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("readback.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let sheets = try #require((root["ecomap.xlsx"] as? [String: Any])?["sheets"] as? [String: [[Any]]])
        let model = try ModelFormats.load(Self.path("dutch")).model
        let table = try EcosystemAnalyzer.metrics(of: model, measures: ["degree", "betweenness"], options: AnalysisOptions())
        let measures = ["degree", "betweenness"].map { m in (name: m, values: Dictionary(uniqueKeysWithValues: zip(table.nodeIDs, table.column(m)!))) }
        let expected = ModelWriter.tables(model, measures: measures)
        func strings(_ rows: [[Any]]?) -> [[String]] { (rows ?? []).map { $0.map { "\($0)" } } }
        #expect(strings(sheets["actors"]) == expected.actors)
        #expect(strings(sheets["relations"]) == expected.relations)
        #expect(strings(sheets["types"]) == expected.types)
        // And ecomap reads its own workbook back to the model (plus the measure columns).
        let back = try ModelFormats.load(Self.path("ecomap-out/ecomap.xlsx")).model
        #expect(back.relations == model.relations)
        #expect(back.actors.map { a in var a = a; a.attributes.removeAll { ["degree", "betweenness"].contains($0.key) }; return a } == model.actors)
    }

    @Test func convertWritesLayoutColoursAndNeverAnInput() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("convert-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let files = RunFiles()
        let loaded = try GraphInput.read(Self.path("dutch"), directed: false, files: files)
        let out = dir.appendingPathComponent("park.gexf").path
        let result = try ConvertJob.run(loaded.model, format: .gexf, to: out, measures: ["degree"], options: AnalysisOptions(), files: files)
        #expect(result.written == [out])
        let back = try ModelFormats.load(out)
        #expect(back.positions.count == 8)   // neato positions, in points
        #expect(back.model.actors == loaded.model.actors.map { a in var a = a; a.attributes.append(("degree", NumberFormat.exact(Double(loaded.model.relations.filter { $0.from == a.id || $0.to == a.id }.count))!)); return a })
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains("<viz:color r=\"230\" g=\"159\" b=\"0\"/>") && text.contains("<viz:shape value=\"square\"/>"))
        // The CSV pair: three files; an input is refused before anything is written.
        let refused = #expect(throws: JobError.self) {
            try ConvertJob.run(loaded.model, format: .csv, to: Self.path("dutch"), measures: [], options: AnalysisOptions(), files: files)
        }
        #expect(refused?.description.contains("it is an input of this run") == true)
    }

    @Test func aThemePaletteAppliesToColoursTheModelDoesNotSet() throws {
        let model = try ModelFormats.load(Self.path("dutch")).model
        let theme = DiagramTheme(palette: ["#111111", "#222222"])
        #expect(theme.nodeStyle(forActorType: "knowledge", in: model).color == "#111111")
        #expect(theme.nodeStyle(forActorType: "intermediary", in: model).color == "#222222")
        #expect(DiagramTheme.default.nodeStyle(forActorType: "intermediary", in: model).color == "#56B4E9")
        // A YAML model without colours is not grey: Okabe–Ito by position, then the theme's palette.
        let yaml = try ModelLoader.load(yaml: """
            actor_types: [{id: a}, {id: b, color: "#123456"}, {id: c}]
            relation_types: [{id: t, directed: false}]
            actors: [{id: x, type: a}, {id: y, type: b}, {id: z, type: c}]
            """, file: "m.yaml")
        #expect(yaml.actorTypes.map(\.color) == ["#E69F00", "#123456", "#009E73"])
        #expect(theme.nodeStyle(forActorType: "c", in: yaml).color == "#111111")
        #expect(theme.nodeStyle(forActorType: "b", in: yaml).color == "#123456")
    }
}
