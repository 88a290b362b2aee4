import Foundation
import Yams

/// The formats ecomap reads and writes a model in.
public enum ModelFormat: String, CaseIterable, Sendable {
    /// ecomap's YAML model (`Datasets/SCHEMA.md`).
    case yaml
    /// ecomap's JSON model.
    case json
    /// The spreadsheet form as CSV files: actors, relations, types.
    case csv
    /// The spreadsheet form as an `.xlsx` workbook.
    case xlsx
    /// A Kumu blueprint (JSON).
    case kumu
    /// GEXF 1.3 (Gephi).
    case gexf
    /// GraphML (NetworkX, igraph, yEd, Gephi).
    case graphml
    /// Node-link JSON (NetworkX, D3).
    case nodelink

    /// The format an output path asks for by its extension (`.kumu.json` is Kumu,
    /// `.nodelink.json` node-link), or `nil`.
    public static func forOutput(_ path: String) -> ModelFormat? {
        let lower = path.lowercased()
        if lower.hasSuffix(".kumu.json") { return .kumu }
        if lower.hasSuffix(".nodelink.json") || lower.hasSuffix(".node-link.json") { return .nodelink }
        switch (lower as NSString).pathExtension {
        case "yaml", "yml": return .yaml
        case "json": return .json
        case "csv": return .csv
        case "xlsx": return .xlsx
        case "gexf": return .gexf
        case "graphml": return .graphml
        case "": return path.hasSuffix("/") ? .csv : nil
        default: return nil
        }
    }

    /// What the format cannot carry of `model`, for the user (empty when nothing is lost).
    public func dropped(_ model: EcosystemModel) -> [String] {
        var out: [String] = []
        let unusedActorTypes = model.actorTypes.map(\.id).filter { id in !model.actors.contains { $0.type == id } }
        let unusedRelationTypes = model.relationTypes.map(\.id).filter { id in !model.relations.contains { $0.type == id } }
        switch self {
        case .yaml, .json: return []
        case .csv, .xlsx:
            // A sheet has one column order; actors (or relations) listing attributes in another order get the sheet's.
            func orders(_ lists: [[String]]) -> Bool {
                var columns: [String] = []
                for l in lists { for k in l where !columns.contains(k) { columns.append(k) } }
                return lists.allSatisfy { l in l == columns.filter { l.contains($0) } }
            }
            if !orders(model.actors.map { $0.attributes.map(\.key) }) { out.append("the order of attributes of actors that list them in another order than the sheet's columns") }
            if !orders(model.relations.map { $0.attributes.map(\.key) }) { out.append("the order of attributes of relations that list them in another order than the sheet's columns") }
            return out
        case .kumu:
            return ["actor type labels, colours, shapes and helix spheres", "relation type labels, colours and line styles",
                    "the model's name, title and description"] + (model.observed == nil ? [] : ["the observed date"])
        case .graphml, .nodelink:
            if self == .nodelink, model.relations.contains(where: { $0.attributes.contains { $0.key == "key" } }) { out.append("relation attributes named 'key'") }
        case .gexf:
            if !unusedActorTypes.isEmpty { out.append("actor types no actor has: \(Suggestions.quoted(unusedActorTypes))") }
            if !unusedRelationTypes.isEmpty { out.append("relation types no relation has: \(Suggestions.quoted(unusedRelationTypes))") }
            if model.title != model.name { out.append("the title '\(model.title)' (GEXF has no graph title; the name is kept)") }
            if let o = model.observed { out.append("the observed date \(o) (GEXF has no place for it)") }
            var firstUse: [String] = []
            for a in model.actors where !firstUse.contains(a.type) { firstUse.append(a.type) }
            if firstUse != model.actorTypes.map(\.id).filter({ firstUse.contains($0) }) { out.append("the order of the actor types (GEXF lists them by first use)") }
            var firstRelationUse: [String] = []
            for r in model.relations where !firstRelationUse.contains(r.type) { firstRelationUse.append(r.type) }
            if firstRelationUse != model.relationTypes.map(\.id).filter({ firstRelationUse.contains($0) }) { out.append("the order of the relation types (GEXF lists them by first use)") }
        }
        return out
    }
}

/// One way in for every format: picks the reader by the file's extension and content, and
/// builds the model through ``ModelBuilder`` (or ``ModelLoader`` for ecomap's own YAML/JSON).
///
/// | input | read as |
/// |---|---|
/// | `.yaml`, `.yml`, `.json` with `actor_types` | an ecomap model |
/// | `.json` with `nodes` and `links`/`edges` | node-link JSON |
/// | `.json` with `elements`/`connections` | a Kumu blueprint |
/// | `.csv` with `from`/`to` or `source`/`target` | a relations sheet: with `<prefix>actors.csv` (or `nodes.csv`, `elements.csv`) beside it the pair, else an edge list |
/// | `.csv` with an `id`/`name`/`label` column | an actors sheet, with `<prefix>relations.csv` (or `edges.csv`, `connections.csv`) beside it |
/// | a folder | its `actors.csv`, `relations.csv` and `types.csv` |
/// | `.xlsx` | the actors, relations and types sheets (also Kumu's Elements and Connections) |
/// | `.gexf` | GEXF 1.1–1.3 |
/// | `.graphml` | GraphML |
public enum ModelFormats {
    /// Sheet-name stems of the spreadsheet form: actors, relations, types.
    static let pairs: [(actors: String, relations: String)] = [("actors", "relations"), ("nodes", "edges"), ("elements", "connections")]

    /// Loads the model at `path`, whatever its format.
    /// - Parameters:
    ///   - path: a file or a folder, as the user named it (issues use it).
    ///   - directed: the direction of relation types a file does not declare (an edge
    ///     list's rows, undeclared spreadsheet types).
    ///   - lenient: merge ids differing only in case or surrounding spaces, with a note.
    /// - Returns: the model, notes for the user, the files read, positions the file carried.
    /// - Throws: ``ModelError`` with every issue (file, sheet, line or row, column, what would
    ///   be valid).
    /// - Complexity: linear in the size of the files, plus hints.
    public static func load(_ path: String, directed: Bool = false, lenient: Bool = false) throws(ModelError) -> LoadedModel {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if exists, isDirectory.boolValue { return try loadFolder(path, directed: directed, lenient: lenient) }
        let url = URL(fileURLWithPath: path)
        let ext = url.pathExtension.lowercased()
        switch ext {
        case "yaml", "yml":
            return own(try ModelLoader.load(yaml: try ModelLoader.readText(url, file: path), file: path), file: path)
        case "json":
            let text = try ModelLoader.readText(url, file: path)
            switch JSONGraphs.kind(of: text, file: path) {
            case .model: return own(try ModelLoader.load(yaml: text, file: path), file: path)
            case .kumu:
                var draft = try JSONGraphs.readKumu(text, file: path, name: name(path, strip: [".kumu"]))
                draft.defaultDirected = directed
                return try built(draft, lenient: lenient, files: [path])
            case .nodeLink:
                return try flat(try JSONGraphs.readNodeLink(text, file: path), file: path, name: name(path, strip: [".nodelink", ".node-link"]), lenient: lenient)
            }
        case "gexf": return try flat(try GEXF.read(try readData(url, file: path), file: path), file: path, name: name(path), lenient: lenient)
        case "graphml", "xml":
            return try flat(try GraphML.read(try readData(url, file: path), file: path), file: path, name: name(path), lenient: lenient)
        case "xlsx": return try loadWorkbook(path, directed: directed, lenient: lenient)
        case "csv", "tsv", "txt": return try loadCSV(path, directed: directed, lenient: lenient)
        default:
            throw ModelError(issues: [ModelIssue(
                file: path, line: 0, column: 0,
                message: ext.isEmpty ? "the file has no extension" : "unknown file extension '.\(ext)'",
                valid: "models end in .yaml, .yml or .json; spreadsheets in .csv or .xlsx (or give a folder with actors.csv and relations.csv); graphs in .gexf, .graphml or .json (node-link, Kumu)")])
        }
    }

    /// An ecomap model, with a note naming the types that got colours by position.
    static func own(_ model: EcosystemModel, file: String) -> LoadedModel {
        let automatic = model.actorTypes.filter(\.automaticColor)
        let notes = automatic.isEmpty ? [] : ["\(file): actor types without a colour drawn in the house palette by position: "
            + automatic.map { "'\($0.id)' (\($0.color) \($0.shape))" }.joined(separator: ", ")]
        return LoadedModel(model: model, notes: notes, files: [file])
    }

    static func readData(_ url: URL, file: String) throws(ModelError) -> Data {
        do { return try Data(contentsOf: url) } catch {
            throw ModelError(issues: [ModelIssue(file: file, line: 0, column: 0, message: "cannot read the file (\(error.localizedDescription))",
                                                 valid: "give the path of an existing, readable file")])
        }
    }

    /// The model name for a file: its base name without the given suffixes; for the
    /// spreadsheet form, the folder's name (`eco/actors.csv` → `eco`) or the prefix
    /// (`eco-actors.csv` → `eco`).
    static func name(_ path: String, strip: [String] = []) -> String {
        var base = ModelLoader.modelName(forFile: path)
        for s in strip where base.lowercased().hasSuffix(s) { base = String(base.dropLast(s.count)) }
        let stems = pairs.flatMap { [$0.actors, $0.relations] } + ["types"]
        if let stem = stems.first(where: { base.lowercased().hasSuffix($0) }) {
            var prefix = String(base.dropLast(stem.count))
            while let last = prefix.last, "-_. ".contains(last) { prefix.removeLast() }
            if !prefix.isEmpty { return prefix }
            let folder = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().lastPathComponent
            return folder.isEmpty || folder == "/" ? base : folder
        }
        return base
    }

    static func built(_ draft: ModelDraft, lenient: Bool, files: [String], positions: [String: (x: Double, y: Double)] = [:]) throws(ModelError) -> LoadedModel {
        let (model, notes) = try ModelBuilder.build(draft, lenient: lenient)
        return LoadedModel(model: model, notes: notes, files: files, positions: positions)
    }

    static func flat(_ graph: FlatGraph, file: String, name: String, lenient: Bool) throws(ModelError) -> LoadedModel {
        let (draft, positions) = graph.draft(file: file, defaultName: name)
        return try built(draft, lenient: lenient, files: [file], positions: positions)
    }

    static func table(_ path: String) throws(ModelError) -> Table? {
        try DelimitedText.table(try ModelLoader.readText(URL(fileURLWithPath: path), file: path), file: path)
    }

    /// The sibling of a spreadsheet file: `<prefix><stem>.csv` → `<prefix><other>.csv`
    /// (letter case of the stem kept as found on disk).
    static func sibling(_ path: String, from stem: String, to other: String) -> String? {
        let url = URL(fileURLWithPath: path)
        let base = url.deletingPathExtension().lastPathComponent
        guard base.lowercased().hasSuffix(stem) else { return nil }
        let prefix = String(base.dropLast(stem.count))
        let folder = url.deletingLastPathComponent()
        for candidate in [other, other.capitalized, other.uppercased()] {
            let p = (path as NSString).deletingLastPathComponent
            let name = prefix + candidate + "." + url.pathExtension
            let full = p.isEmpty ? name : (p as NSString).appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path) { return full }
        }
        return nil
    }

    static func loadCSV(_ path: String, directed: Bool, lenient: Bool) throws(ModelError) -> LoadedModel {
        guard let first = try table(path) else {
            throw ModelError(issues: [ModelIssue(file: path, line: 1, column: 1, message: "the file is empty",
                                                 valid: "the first row names the columns, e.g. 'from,to,type,weight' or 'id,name,type'")])
        }
        if SpreadsheetModel.isRelationsHeader(first.header.cells) {
            var actorsPath: String?
            for p in pairs { if let s = sibling(path, from: p.relations, to: p.actors) { actorsPath = s; break } }
            let actors = try actorsPath.flatMap { p throws(ModelError) in try table(p) }
            let typesPath = actorsPath == nil ? nil : pairs.lazy.compactMap { sibling(path, from: $0.relations, to: "types") }.first
            let types = try typesPath.flatMap { p throws(ModelError) in try table(p) }
            var draft = SpreadsheetModel.draft(name: name(path), actors: actors, relations: first, types: types, directed: directed)
            if let actorsPath { draft.notes.insert("reading actors from \(actorsPath), next to \(path)", at: 0) }
            if actors == nil { draft.description = "Edge list read from \(path)." }
            return try built(draft, lenient: lenient, files: [path] + [actorsPath, typesPath].compactMap { $0 })
        }
        var relationsPath: String?
        for p in pairs { if let s = sibling(path, from: p.actors, to: p.relations) { relationsPath = s; break } }
        guard let relationsPath else {
            throw ModelError(issues: [ModelIssue(
                file: path, line: first.header.line, column: 1,
                message: "the header (\(Suggestions.quoted(first.header.cells))) has no 'from'/'to' (or 'source'/'target') columns, and no relations file is next to it",
                valid: "a relations sheet has 'from' and 'to' columns; an actors sheet is named <name>actors.csv with <name>relations.csv beside it")])
        }
        let typesPath = pairs.lazy.compactMap { sibling(path, from: $0.actors, to: "types") }.first
        let types = try typesPath.flatMap { p throws(ModelError) in try table(p) }
        let relations = try table(relationsPath)
        let draft = SpreadsheetModel.draft(name: name(path), actors: first, relations: relations, types: types, directed: directed)
        return try built(draft, lenient: lenient, files: [path, relationsPath] + [typesPath].compactMap { $0 })
    }

    static func loadFolder(_ path: String, directed: Bool, lenient: Bool) throws(ModelError) -> LoadedModel {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        func find(_ stems: [String]) -> String? {
            for stem in stems { if let n = names.first(where: { $0.lowercased() == stem + ".csv" }) { return (path as NSString).appendingPathComponent(n) } }
            return nil
        }
        guard let relationsPath = find(pairs.map(\.relations)) else {
            throw ModelError(issues: [ModelIssue(file: path, line: 0, column: 0, message: "the folder holds no relations.csv",
                                                 valid: "a folder with actors.csv and relations.csv (optionally types.csv)")])
        }
        let actorsPath = find(pairs.map(\.actors))
        let typesPath = find(["types"])
        let actors = try actorsPath.flatMap { p throws(ModelError) in try table(p) }
        let types = try typesPath.flatMap { p throws(ModelError) in try table(p) }
        let folderName = URL(fileURLWithPath: path).standardizedFileURL.lastPathComponent
        let draft = SpreadsheetModel.draft(name: folderName, actors: actors, relations: try table(relationsPath), types: types, directed: directed)
        return try built(draft, lenient: lenient, files: [actorsPath, relationsPath, typesPath].compactMap { $0 })
    }

    /// Sheet names read as each sheet of the spreadsheet form (any letter case).
    static let actorSheets = ["actors", "actor", "elements", "nodes", "actoren", "organisations", "organizations"]
    static let relationSheets = ["relations", "relation", "connections", "edges", "links", "relaties", "ties"]

    static func loadWorkbook(_ path: String, directed: Bool, lenient: Bool) throws(ModelError) -> LoadedModel {
        let sheets = try XLSX.read(contentsOf: URL(fileURLWithPath: path), file: path)
        func sheet(_ names: [String]) -> Table? { sheets.first { names.contains($0.name.lowercased().trimmingCharacters(in: .whitespaces)) }?.table }
        let relations = sheet(relationSheets) ?? sheets.first { SpreadsheetModel.isRelationsHeader($0.table.header.cells) }?.table
        guard let relations else {
            throw ModelError(issues: [ModelIssue(file: path, line: 0, column: 0,
                                                 message: "the workbook has no relations sheet (sheets: \(Suggestions.quoted(sheets.map(\.name))))",
                                                 valid: "a sheet named 'relations' (or 'connections', 'edges') with 'from' and 'to' columns, and an 'actors' sheet")])
        }
        let actors = sheet(actorSheets) ?? sheets.first { $0.table.sheet != relations.sheet && !SpreadsheetModel.isRelationsHeader($0.table.header.cells) && $0.name.lowercased() != "types" }?.table
        let draft = SpreadsheetModel.draft(name: name(path), actors: actors, relations: relations, types: sheet(["types"]), directed: directed)
        return try built(draft, lenient: lenient, files: [path])
    }

    // MARK: - Writing

    /// One output file.
    public struct Output: Sendable {
        /// Where it goes.
        public var path: String
        /// Its bytes.
        public var data: Data
    }

    /// The files that hold `model` in `format` at `path`: one file, except the CSV form, which
    /// is three (`<stem>-actors.csv`, `<stem>-relations.csv`, `<stem>-types.csv`; in a folder
    /// path, `actors.csv`, `relations.csv`, `types.csv`).
    /// - Parameters:
    ///   - model: the model.
    ///   - format: the format.
    ///   - path: the output as the user named it.
    ///   - extras: positions, sizes and measures for the graph formats; measures also become
    ///     actor columns of the spreadsheet form and attributes of the other formats.
    /// - Returns: the outputs, and what the format could not carry.
    /// - Throws: an error of the xlsx container.
    public static func write(_ model: EcosystemModel, as format: ModelFormat, to path: String, extras: ExportExtras = ExportExtras()) throws
        -> (outputs: [Output], dropped: [String]) {
        var model = model
        if !extras.measures.isEmpty, [.yaml, .json, .kumu].contains(format) {
            for k in model.actors.indices {
                for m in extras.measures { if let x = m.values[model.actors[k].id], let s = NumberFormat.exact(x) { model.actors[k].attributes.append((m.name, s)) } }
            }
        }
        let dropped = format.dropped(model)
        switch format {
        case .yaml: return ([Output(path: path, data: Data(ModelWriter.yaml(model).utf8))], dropped)
        case .json: return ([Output(path: path, data: Data(ModelWriter.json(model).utf8))], dropped)
        case .kumu: return ([Output(path: path, data: JSONGraphs.writeKumu(model).data)], dropped)
        case .gexf: return ([Output(path: path, data: GEXF.write(FlatGraph(model, extras: extras)))], dropped)
        case .graphml: return ([Output(path: path, data: GraphML.write(FlatGraph(model, extras: extras)))], dropped)
        case .nodelink: return ([Output(path: path, data: JSONGraphs.writeNodeLink(FlatGraph(model, extras: extras)))], dropped)
        case .csv, .xlsx:
            let t = ModelWriter.tables(model, measures: extras.measures)
            if format == .xlsx {
                return ([Output(path: path, data: try XLSX.write([("actors", t.actors), ("relations", t.relations), ("types", t.types)]))], dropped)
            }
            func target(_ stem: String) -> String {
                if path.lowercased().hasSuffix(".csv") { return String(path.dropLast(4)) + "-" + stem + ".csv" }
                return (path as NSString).appendingPathComponent(stem + ".csv")
            }
            return ([Output(path: target("actors"), data: Data(DelimitedText.text(t.actors).utf8)),
                     Output(path: target("relations"), data: Data(DelimitedText.text(t.relations).utf8)),
                     Output(path: target("types"), data: Data(DelimitedText.text(t.types).utf8))], dropped)
        }
    }
}

extension ModelFormats {
    /// Whether `path` is a model (or a network in another format) rather than a scenario
    /// file: a folder, any format but YAML/JSON, or a YAML/JSON document whose top level has
    /// `actors`, `actor_types`, `nodes` or `elements` and no `changes` (a scenario's key).
    /// Unreadable or malformed files count as scenarios, whose loader then says what is wrong.
    /// - Complexity: a parse of the file for YAML/JSON.
    public static func isModel(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { return true }
        let ext = (path as NSString).pathExtension.lowercased()
        guard ["yaml", "yml", "json"].contains(ext) else { return !ext.isEmpty }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8),
              case let .mapping(top)? = try? YAMLReader.compose(text, file: path) else { return false }
        let keys = Set(top.keys.compactMap(\.string))
        return !keys.isDisjoint(with: ["actors", "actor_types", "nodes", "elements"]) && !keys.contains("changes")
    }
}
