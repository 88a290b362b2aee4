import FixtureSupport
import Foundation
import NetworkAnalysis
import Testing
@testable import Ecosystem

/// The readers and writers of Sources/Ecosystem/Formats: fixtures written by the other tools
/// (Tests/Fixtures/formats/make_formats.py), located errors, round trips, a bounded fuzz.
@Suite("Formats")
struct FormatsTests {
    static let folder = Fixtures.directory.appendingPathComponent("formats")
    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// A scratch folder with the given files.
    static func scratch(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("formats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        return dir
    }

    func issues(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) -> [ModelIssue] {
        do { _ = try ModelFormats.load(path); Issue.record("expected errors", sourceLocation: sourceLocation); return [] } catch { return error.issues }
    }

    // MARK: - The Dutch-Excel CSV pair

    @Test func dutchExcelPairReadsSeparatorDecimalCommaBOMAndCRLF() throws {
        let loaded = try ModelFormats.load(Self.path("dutch"))
        let m = loaded.model
        #expect(m.name == "dutch")
        #expect(m.actors.count == 8 && m.relations.count == 11)
        #expect(m.actors[0].id == "lumc" && m.actors[0].type == "knowledge" && m.actors[0].place == "Leiden")
        #expect(m.relations.map(\.weight) == [3, 1.5, 2, 2.5, 1, 1, 2, 0.5, 1, 1, 0.5])
        #expect(m.relations[0].source == "Jaarverslag BSP 2024; p. 1")
        #expect(m.relations[3].assumed == "genoemd in het jaarverslag, niet bevestigd" && m.relations[3].confidence == 0.75)
        #expect(m.relations[0].attributes.map(\.key) == ["Opmerking"] && m.relations[0].attributes[0].value == "enquête 2024")
        #expect(loaded.files.count == 2)
        // Auto-declared types: Okabe–Ito colours k mod 8, shapes k mod 9, in order of first use.
        #expect(m.actorTypes.map(\.id) == ["knowledge", "intermediary", "government", "industry", "civil_society"])
        #expect(m.actorTypes.map(\.color) == ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2"])
        #expect(m.actorTypes.map(\.shape) == ["ellipse", "box", "diamond", "hexagon", "triangle"])
        #expect(loaded.notes.contains { $0.hasPrefix("actor types declared automatically: 'knowledge' (#E69F00 ellipse)") })
        // Naming either file of the pair reads the pair.
        #expect(try ModelFormats.load(Self.path("dutch/relations.csv")).model == m)
        #expect(try ModelFormats.load(Self.path("dutch/actors.csv")).model == m)
    }

    @Test func separatorDetection() {
        #expect(DelimitedText.separator(of: "a;b;c\n1,5;2;3") == ";")
        #expect(DelimitedText.separator(of: "a,b,c\n") == ",")
        #expect(DelimitedText.separator(of: "a\tb\n") == "\t")
        #expect(DelimitedText.separator(of: "\"x;y\",b\n") == ",")   // inside quotes does not count
        #expect(DelimitedText.decimalPoint("1,5") == "1.5")
        #expect(DelimitedText.decimalPoint("1.234,5") == "1234.5")
        #expect(DelimitedText.decimalPoint("abc,d") == "abc,d")
    }

    @Test func autoDeclaredTypesStayDistinctPastEight() throws {
        var draft = ModelDraft(name: "many")
        draft.actors = (0..<20).map { ModelDraft.ActorEntry(id: "a\($0)", type: "t\($0)", at: .init(file: "x", line: $0 + 2, column: 1)) }
        let (m, _) = try ModelBuilder.build(draft)
        let pairs = m.actorTypes.map { "\($0.color) \($0.shape)" }
        #expect(Set(pairs).count == 20)
        #expect(m.actorTypes[8].color == m.actorTypes[0].color && m.actorTypes[8].shape != m.actorTypes[0].shape)
        #expect(m.actorTypes.allSatisfy { ModelBuilder.autoPalette.contains($0.color) })
        // The same for an ecomap YAML model whose types give neither colour nor shape.
        let types = (0..<12).map { "{id: t\($0)}" }.joined(separator: ", ")
        let actors = (0..<12).map { "{id: a\($0), type: t\($0)}" }.joined(separator: ", ")
        let loaded = ModelFormats.own(try ModelLoader.load(yaml: "actor_types: [\(types)]\nrelation_types: []\nactors: [\(actors)]\n", file: "m.yaml"), file: "m.yaml")
        #expect(Set(loaded.model.actorTypes.map { "\($0.color) \($0.shape)" }).count == 12)
        #expect(loaded.notes.count == 1 && loaded.notes[0].contains("'t8' (#E69F00 cylinder)"))
    }

    @Test func idsDifferingOnlyInCaseAreAnErrorOrMergedWhenLenient() throws {
        let dir = try Self.scratch(["actors.csv": "id,name\nLUMC,Leiden UMC\nlumc ,LUMC again\nul,Universiteit\n",
                                    "relations.csv": "from,to\nLUMC,ul\nlumc,ul\n"])
        let found = issues(dir.path)
        #expect(found.count == 2)
        #expect(found[0].line == 3 && found[0].column == 1 && found[0].message.contains("'lumc' differs from actor 'LUMC' only in letter case"))
        #expect(found[0].valid?.contains("did you mean 'LUMC'?") == true)
        #expect(found[1].file.hasSuffix("relations.csv") && found[1].line == 3 && found[1].valid == "did you mean 'LUMC'?")
        let lenient = try ModelFormats.load(dir.path, lenient: true)
        #expect(lenient.model.actors.map(\.id) == ["LUMC", "ul"])
        #expect(lenient.model.relations.map { $0.from } == ["LUMC", "LUMC"])
        #expect(lenient.notes.contains { $0.contains("read as 'LUMC'") })
    }

    @Test func yamlModelsRefuseIdsDifferingOnlyInCase() throws {
        do {
            _ = try ModelLoader.load(yaml: "actor_types: [{id: k}]\nrelation_types: []\nactors:\n  - {id: LUMC, type: k}\n  - {id: lumc, type: k}\n", file: "m.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.issues.map(\.line) == [5] && error.issues[0].column == 10)
            #expect(error.issues[0].valid?.hasPrefix("did you mean 'LUMC'?") == true)
        }
    }

    @Test func gephiEdgeTableTypeIsDirection() throws {
        let dir = try Self.scratch(["edges.csv": "Source,Target,Type,Id,Label,Weight\na,b,Directed,0,,2\nb,c,Directed,1,x,1\n",
                                    "nodes.csv": "Id,Label,Modularity Class\na,Alpha,0\nb,Beta,1\nc,Gamma,1\n"])
        let loaded = try ModelFormats.load(dir.appendingPathComponent("edges.csv").path)
        #expect(loaded.model.actors.map(\.name) == ["Alpha", "Beta", "Gamma"] && loaded.model.actors[2].attribute("Modularity Class") == "1")
        #expect(loaded.model.relationTypes.map(\.id) == ["tie"] && loaded.model.relationTypes[0].directed)
        #expect(loaded.model.relations.map(\.id) == ["0", "1"] && loaded.model.relations.map(\.weight) == [2, 1])
        #expect(loaded.model.relations[1].attribute("Label") == "x")
        #expect(loaded.notes.contains { $0.contains("read as each edge's direction") })
    }

    @Test func edgeListWithFromToAndExtraColumns() throws {
        let dir = try Self.scratch(["relations.csv": "from,to,type,weight,note,start\na,b,funds,2,big,2020\nb,c,,1,,\n"])
        let loaded = try ModelFormats.load(dir.appendingPathComponent("relations.csv").path, directed: true)
        #expect(loaded.model.actors.map(\.id) == ["a", "b", "c"])
        #expect(loaded.model.relations[0].attributes.map(\.key) == ["note", "start"])
        #expect(loaded.model.relationTypes.map(\.id) == ["funds", "tie"] && loaded.model.relationTypes.allSatisfy(\.directed))
    }

    @Test func csvErrorsNameFileRowColumnAndWhatIsValid() throws {
        let dir = try Self.scratch(["actors.csv": "id,type\na,x\nb,x\n", "relations.csv": "from;to;weight\na;b;1,5\na;zz;-2\n"])
        let found = issues(dir.path)
        #expect(found.count == 2)
        #expect(found[0].file.hasSuffix("relations.csv") && found[0].line == 3 && found[0].column == 3)
        #expect(found[0].message == "relation 'r2' names unknown actor 'zz' in 'to'" && found[0].valid == "known actors include 'a', 'b'")
        #expect(found[1].line == 3 && found[1].column == 6 && found[1].message == "relation 'r2' has weight '-2'")
        let quote = issues(try! Self.scratch(["r.csv": "from,to\na,\"b\n"]).appendingPathComponent("r.csv").path)
        #expect(quote.map(\.line) == [2] && quote[0].column == 3)
        let header = issues(try! Self.scratch(["x.csv": "who,what\na,b\n"]).appendingPathComponent("x.csv").path)
        #expect(header[0].message.contains("no 'from'/'to'"))
    }

    // MARK: - Files written by the other tools

    @Test(arguments: ["networkx.gexf", "networkx.graphml", "igraph.graphml", "networkx-nodelink.json", "kumu-blueprint.json", "openpyxl.xlsx", "kumu-spreadsheet.xlsx"])
    func otherToolsFilesRead(_ name: String) throws {
        let loaded = try ModelFormats.load(Self.path(name))
        let m = loaded.model
        #expect(m.actors.count == 8)
        #expect(m.relations.count == 11)
        #expect(Set(m.actors.map(\.type)) == ["knowledge", "intermediary", "government", "industry", "civil_society"])
        #expect(m.relationTypes.map(\.id) == ["collaborates", "funds", "supports"])
        #expect(m.relations.map(\.weight).reduce(0, +) == 16)
        #expect(m.actors.contains { $0.name == "Patiëntenvereniging" })
    }

    @Test func kumuTagsAndDescriptionsAreAttributesAndLabelsResolve() throws {
        let m = try ModelFormats.load(Self.path("kumu-blueprint.json")).model
        #expect(m.actors[0].id == "LUMC" && m.actors[0].attribute("description") == "based in Leiden")
        #expect(m.actors[0].attribute("tags") == "knowledge, Leiden")
        #expect(m.relations[0].from == "LUMC" && m.relations[0].to == "Universiteit Leiden" && m.relations[0].weight == 3)
    }

    /// A GraphML with a self-loop, as NetworkX writes `G.add_edge(0, 0)`: the loop is kept in
    /// the model (the measures leave it out and say so), not refused.
    @Test func graphMLSelfLoopIsKept() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("formats-loop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("loop.graphml")
        try """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <graph edgedefault="undirected">
                <node id="0"/><node id="1"/>
                <edge source="0" target="1"/><edge source="0" target="0"/>
              </graph>
            </graphml>
            """.write(to: file, atomically: true, encoding: .utf8)
        let model = try ModelFormats.load(file.path).model
        #expect(model.relations.count == 2)
        #expect(model.selfLoops.count == 1)
    }

    /// The Gephi file lives outside the project (../shared/interop/, not to be copied in).
    static let gephiFile = Fixtures.repositoryRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/interop/gephi-0.8.1-lesmis.gexf").path

    @Test(.enabled(if: FileManager.default.fileExists(atPath: gephiFile),
                   "skipped: ../shared/interop/gephi-0.8.1-lesmis.gexf is absent (the Gephi file is not part of the project)"))
    func gephiLesMiserables() throws {
        let path = Self.gephiFile
        let loaded = try ModelFormats.load(path)
        #expect(loaded.model.actors.count == 77 && loaded.model.relations.count == 254)
        #expect(loaded.positions.count == 77)
        #expect(loaded.model.actors.allSatisfy { $0.attribute("Modularity Class") != nil && $0.attribute("viz_color") != nil })
    }

    /// The structure yEd (yFiles) writes: node graphics in a `yfiles.type="nodegraphics"` key
    /// (hand-written after yEd's format, not by yEd), and Gephi's GraphML export (`label`,
    /// `r`, `g`, `b`, `x`, `y`, `size`).
    @Test func yEdAndGephiGraphML() throws {
        let dir = try Self.scratch([
            "yed.graphml": """
                <?xml version="1.0" encoding="UTF-8" standalone="no"?>
                <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
                  <key for="node" id="d6" yfiles.type="nodegraphics"/>
                  <key attr.name="description" attr.type="string" for="node" id="d5"/>
                  <graph edgedefault="directed" id="G">
                    <node id="n0"><data key="d5">city hall</data><data key="d6"><y:ShapeNode><y:Geometry height="30.0" width="30.0" x="1" y="2"/>
                      <y:Fill color="#E69F00" transparent="false"/><y:NodeLabel>Gemeente</y:NodeLabel><y:Shape type="rectangle"/></y:ShapeNode></data></node>
                    <node id="n1"><data key="d6"><y:ShapeNode><y:Fill color="#56B4E9"/><y:NodeLabel>Hub</y:NodeLabel><y:Shape type="ellipse"/></y:ShapeNode></data></node>
                    <edge id="e0" source="n0" target="n1"/>
                  </graph>
                </graphml>
                """,
            "gephi.graphml": """
                <?xml version="1.0" encoding="UTF-8"?>
                <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
                <key attr.name="label" attr.type="string" for="node" id="label"/>
                <key attr.name="weight" attr.type="double" for="edge" id="weight"/>
                <key attr.name="r" attr.type="int" for="node" id="r"/><key attr.name="g" attr.type="int" for="node" id="g"/><key attr.name="b" attr.type="int" for="node" id="b"/>
                <key attr.name="x" attr.type="float" for="node" id="x"/><key attr.name="y" attr.type="float" for="node" id="y"/>
                <graph edgedefault="undirected">
                <node id="1"><data key="label">Myriel</data><data key="r">91</data><data key="g">91</data><data key="b">245</data><data key="x">-266.8</data><data key="y">-299.7</data></node>
                <node id="2"><data key="label">Napoleon</data></node>
                <edge source="1" target="2"><data key="weight">1.0</data></edge>
                </graph></graphml>
                """])
        let yed = try ModelFormats.load(dir.appendingPathComponent("yed.graphml").path).model
        #expect(yed.actors.map(\.name) == ["Gemeente", "Hub"] && yed.actors[0].attribute("description") == "city hall")
        #expect(yed.actors[0].attribute("viz_color") == "#E69F00" && yed.relationTypes[0].directed)
        let gephi = try ModelFormats.load(dir.appendingPathComponent("gephi.graphml").path)
        #expect(gephi.model.actors.map(\.name) == ["Myriel", "Napoleon"] && gephi.model.actors[0].attribute("viz_color") == "#5B5BF5")
        #expect(gephi.positions["1"]?.x == -266.8 && gephi.model.relations[0].weight == 1)
    }

    // MARK: - Malformed files

    @Test func malformedXMLIsLocatedAndEntitiesAreRefused() throws {
        let bad = try Self.scratch(["a.gexf": "<gexf>\n<graph>\n<nodes><node id=\"a\">\n</graph></gexf>",
                                    "b.graphml": "<?xml version=\"1.0\"?>\n<!DOCTYPE g [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<graphml><graph><node id=\"&x;\"/></graph></graphml>",
                                    "c.graphml": "<graphml><key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/><graph>\n<node id=\"a\"/><node id=\"b\"/>\n<edge source=\"a\" target=\"b\"><data key=\"w\">heavy</data></edge></graph></graphml>",
                                    "d.gexf": "<gexf><graph><nodes><node id=\"a\"/></nodes><edges><edge source=\"a\" target=\"q\"/></edges></graph></gexf>"])
        let a = issues(bad.appendingPathComponent("a.gexf").path)
        #expect(a[0].line == 4 && a[0].message.hasPrefix("malformed XML"))
        let b = issues(bad.appendingPathComponent("b.graphml").path)
        #expect(b[0].line == 2 && b[0].message.contains("entity"))
        let c = issues(bad.appendingPathComponent("c.graphml").path)
        #expect(c[0].line == 3 && c[0].message == "'weight' of edge 1 is declared double but holds 'heavy'")
        let d = issues(bad.appendingPathComponent("d.gexf").path)
        #expect(d[0].message == "relation 'r1' names unknown actor 'q' in 'to'" && d[0].line == 1)
        let j = issues(try! Self.scratch(["n.json": "{\"nodes\": [{\"id\": \"a\"}, {\"name\": 2}],\n \"links\": []}"]).appendingPathComponent("n.json").path)
        #expect(j[0].line == 1 && j[0].column == 25 && j[0].message == "node 2 has no 'id'")
        let z = issues(try! Self.scratch(["z.xlsx": "not a zip"]).appendingPathComponent("z.xlsx").path)
        #expect(z[0].message.contains("not a zip"))
        let bomb = issues(Self.path("bomb.xlsx"))
        #expect(bomb.count == 1 && bomb[0].message.hasPrefix("part xl/worksheets/sheet1.xml expands") && bomb[0].message.contains("zip bomb"))
    }

    // MARK: - Round trips

    @Test(arguments: [ModelFormat.yaml, .json, .csv, .xlsx, .graphml, .nodelink])
    func roundTripLosesNothing(_ format: ModelFormat) throws {
        let base = try ModelLoader.load(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Datasets/zoetermeer/model.yaml"))
        // The table forms order attributes by column: give every actor the same order.
        var model = base
        var columns: [String] = []
        for a in model.actors { for (key, _) in a.attributes where !columns.contains(key) { columns.append(key) } }
        for k in model.actors.indices { model.actors[k].attributes.sort { columns.firstIndex(of: $0.key)! < columns.firstIndex(of: $1.key)! } }
        let dir = try Self.scratch([:])
        let ext = ["yaml": "yaml", "json": "json", "csv": "csv", "xlsx": "xlsx", "graphml": "graphml", "nodelink": "nodelink.json"][format.rawValue]!
        let out = dir.appendingPathComponent("zoetermeer.\(ext)").path
        let (outputs, dropped) = try ModelFormats.write(model, as: format, to: out)
        #expect(dropped.isEmpty)
        for o in outputs { try o.data.write(to: URL(fileURLWithPath: o.path)) }
        let back = try ModelFormats.load(outputs[0].path).model
        #expect(back == model)
    }

    @Test func gexfAndKumuSayWhatTheyDrop() throws {
        let model = try ModelLoader.load(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Datasets/zoetermeer/model.yaml"))
        let gexf = ModelFormat.gexf.dropped(model)
        #expect(gexf.contains { $0.hasPrefix("the title") })
        #expect(ModelFormat.kumu.dropped(model).count == 4 && ModelFormat.kumu.dropped(model).last == "the observed date")
        // What GEXF carries comes back: actors, relations with evidence, attributes.
        let dir = try Self.scratch([:])
        let (outputs, _) = try ModelFormats.write(model, as: .gexf, to: dir.appendingPathComponent("z.gexf").path)
        try outputs[0].data.write(to: URL(fileURLWithPath: outputs[0].path))
        let back = try ModelFormats.load(outputs[0].path).model
        #expect(back.actors == model.actors && back.relations == model.relations)
        #expect(back.description == model.description && back.name == model.name)
    }

    // MARK: - Fuzz

    /// Seeded mutations of every fixture through every loader: each must return a model or a
    /// ModelError — no crash, no hang (the whole loop is bounded to a few seconds).
    @Test func seededMutationsNeverCrashOrHang() throws {
        let names = ["networkx.gexf", "networkx.graphml", "igraph.graphml", "networkx-nodelink.json", "kumu-blueprint.json",
                     "openpyxl.xlsx", "kumu-spreadsheet.xlsx", "dutch/relations.csv", "dutch/actors.csv"]
        var rng = SplitMix64(seed: 20261201)
        let deadline = Date().addingTimeInterval(6)
        let dir = try Self.scratch([:])
        var runs = 0, accepted = 0
        let tokens: [[UInt8]] = [Array("<".utf8), Array("\"".utf8), Array(";".utf8), Array(",".utf8), Array("&".utf8), [0], [0xFF], Array("\r\n".utf8), Array("]]>".utf8)]
        outer: for round in 0..<40 {
            for name in names {
                if Date() > deadline { break outer }
                var bytes = [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent(name)))
                for _ in 0...(rng.next() % 4) {
                    guard !bytes.isEmpty else { break }
                    let at = Int(rng.next() % UInt64(bytes.count))
                    switch rng.next() % 4 {
                    case 0: bytes[at] = UInt8(truncatingIfNeeded: rng.next())
                    case 1: bytes.removeSubrange(at..<min(bytes.count, at + Int(rng.next() % 16) + 1))
                    case 2: bytes.insert(contentsOf: tokens[Int(rng.next() % UInt64(tokens.count))], at: at)
                    default: bytes = Array(bytes[..<at])
                    }
                }
                let sub = dir.appendingPathComponent("r\(round)")
                try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
                let target = sub.appendingPathComponent(name.replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: "dutch-", with: ""))
                try Data(bytes).write(to: target)
                if name.hasPrefix("dutch/") {   // the pair's other file, unmutated
                    let other = name == "dutch/actors.csv" ? "relations.csv" : "actors.csv"
                    try? FileManager.default.copyItem(at: Self.folder.appendingPathComponent("dutch/\(other)"), to: sub.appendingPathComponent(other))
                }
                runs += 1
                do { _ = try ModelFormats.load(target.path); accepted += 1 } catch { #expect(!error.issues.isEmpty) }
            }
        }
        #expect(runs >= names.count)   // every loader was exercised
        #expect(accepted < runs)       // the mutations do break files
    }
}

