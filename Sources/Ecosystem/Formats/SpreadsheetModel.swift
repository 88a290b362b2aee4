/// The spreadsheet form of a model (`Datasets/SCHEMA.md`, "Spreadsheets"): an actors sheet, a
/// relations sheet and optionally a types sheet — as a CSV pair, a folder holding them, an
/// `.xlsx` workbook, Kumu's Elements/Connections sheets or Gephi's node and edge tables.
///
/// Header names are matched case-insensitively, ignoring spaces, `_` and `-`, with the usual
/// aliases (``actorAliases``, ``relationAliases``, ``typeAliases``). Every other column is
/// kept as a free attribute (a note names them, with "did you mean" for likely typos).
/// `source` is the start of a relation when there is no `from` column, else the evidence
/// (where the tie is documented). A `type` column whose values are all `Directed`/`Undirected`
/// (Gephi's edge table) is the direction of each edge, not a relation type.
public enum SpreadsheetModel {
    /// Field → header spellings, for actors.
    public static let actorAliases: [(field: String, names: [String])] = [
        ("id", ["id", "actorid", "actor", "key", "code"]),
        ("name", ["name", "label", "title", "naam", "displayname"]),
        ("type", ["type", "kind", "category", "actortype", "elementtype", "soort"]),
        ("place", ["place", "location", "city", "plaats", "locatie"]),
        ("since", ["since", "sinds", "startdate"]),
        ("until", ["until", "tot", "enddate", "totenmet"]),
    ]
    /// Field → header spellings, for relations (`source` is decided by the other columns).
    public static let relationAliases: [(field: String, names: [String])] = [
        ("id", ["id", "relationid", "edgeid"]),
        ("from", ["from", "van", "fromid"]),
        ("to", ["to", "target", "naar", "toid"]),
        ("weight", ["weight", "strength", "value", "gewicht", "sterkte"]),
        ("type", ["type", "kind", "relationtype", "connectiontype", "relation"]),
        ("assumed", ["assumed", "assumption", "aanname"]),
        ("confidence", ["confidence", "probability", "zekerheid"]),
        ("direction", ["direction", "connectiondirection", "directed"]),
        ("since", ["since", "sinds", "startdate"]),
        ("until", ["until", "tot", "enddate", "totenmet"]),
    ]
    /// Field → header spellings, for the types sheet.
    public static let typeAliases: [(field: String, names: [String])] = [
        ("id", ["id", "type", "name"]),
        ("label", ["label"]),
        ("color", ["color", "colour", "kleur"]),
        ("shape", ["shape", "vorm"]),
        ("helix", ["helix", "sphere"]),
        ("style", ["style", "linestyle"]),
        ("directed", ["directed"]),
        ("for", ["for", "appliesto", "kind", "of"]),
        ("description", ["description"]),
        ("language", ["language", "lang", "taal"]),
        ("observed", ["observed", "peildatum"]),
    ]

    /// A header name as compared: lower case, without spaces, `_` and `-`.
    static func key(_ header: String) -> String {
        String(header.lowercased().filter { !" _-".contains($0) })
    }

    /// Field → cell index from a header row; unmatched columns are attributes.
    static func mapHeader(_ table: Table, aliases: [(field: String, names: [String])], draft: inout ModelDraft)
        -> (fields: [String: Int], attributes: [(name: String, index: Int)]) {
        var fields: [String: Int] = [:]
        var attributes: [(name: String, index: Int)] = []
        var seen = Set<String>()
        for (k, h) in table.header.cells.enumerated() {
            let name = h.trimmingCharacters(in: .whitespaces)
            let hk = key(name)
            if name.isEmpty { continue }
            if !seen.insert(hk).inserted {
                draft.issues.append(table.place(table.header, k).issue("duplicate column '\(name)'", valid: "each column appears once"))
                continue
            }
            if let field = aliases.first(where: { $0.names.contains(hk) })?.field, fields[field] == nil {
                fields[field] = k
            } else {
                attributes.append((name, k))
            }
        }
        return (fields, attributes)
    }

    static func note(kept attributes: [(name: String, index: Int)], of table: Table, fields: [String], draft: inout ModelDraft) {
        guard !attributes.isEmpty else { return }
        let hints = attributes.compactMap { a in Suggestions.likelyMeant(key(a.name), in: fields).map { "'\(a.name)' (did you mean '\($0)'?)" } }
        let where_ = table.sheet.map { "\(table.file) [sheet \($0)]" } ?? table.file
        draft.notes.append("\(where_): columns kept as attributes: \(Suggestions.quoted(attributes.map(\.name)))"
            + (hints.isEmpty ? "" : "; possibly misspelt: \(hints.joined(separator: ", "))"))
    }

    /// Whether `header` is a relations header (it has a from/to or source/target pair).
    public static func isRelationsHeader(_ header: [String]) -> Bool {
        let keys = Set(header.map(key))
        return (keys.contains("from") || keys.contains("source") || keys.contains("van"))
            && (keys.contains("to") || keys.contains("target") || keys.contains("naar"))
    }

    /// Reads the actors sheet into `draft`.
    public static func readActors(_ table: Table, into draft: inout ModelDraft) {
        var (fields, attributes) = mapHeader(table, aliases: actorAliases, draft: &draft)
        // No id column: the name (or label) is the id, as in Kumu and in most sheets.
        if fields["id"] == nil, let n = fields["name"] { fields["id"] = n }
        guard let idColumn = fields["id"] else {
            draft.issues.append(table.place(table.header, 0).issue(
                "the actors sheet has no id column (header: \(Suggestions.quoted(table.header.cells)))",
                valid: "the first row names the columns; one of them is 'id', 'name' or 'label'"))
            return
        }
        note(kept: attributes, of: table, fields: actorAliases.map(\.field), draft: &draft)
        for row in table.rows {
            func cell(_ f: String) -> String? { fields[f].flatMap { $0 < row.cells.count ? row.cells[$0] : nil } }
            var entry = ModelDraft.ActorEntry(
                id: idColumn < row.cells.count ? row.cells[idColumn] : "", name: cell("name"), type: cell("type"), place: cell("place"),
                attributes: attributes.compactMap { a in
                    let v = a.index < row.cells.count ? row.cells[a.index] : ""
                    return v.isEmpty ? nil : (key: a.name, value: v)
                },
                at: table.place(row, idColumn))
            entry.since = cell("since"); entry.until = cell("until")
            for (f, k) in fields { entry.columns[f] = table.place(row, k).column }
            draft.actors.append(entry)
        }
    }

    /// Reads the relations sheet into `draft`.
    public static func readRelations(_ table: Table, into draft: inout ModelDraft) {
        var (fields, attributes) = mapHeader(table, aliases: relationAliases, draft: &draft)
        // `source`: the start when there is no `from`; otherwise the evidence.
        if let s = attributes.firstIndex(where: { key($0.name) == "source" }) {
            if fields["from"] == nil { fields["from"] = attributes[s].index } else { fields["source"] = attributes[s].index }
            attributes.remove(at: s)
        }
        if fields["source"] == nil, let s = attributes.firstIndex(where: { ["evidence", "bron", "reference"].contains(key($0.name)) }) {
            fields["source"] = attributes[s].index; attributes.remove(at: s)
        }
        for required in ["from", "to"] where fields[required] == nil {
            draft.issues.append(table.place(table.header, 0).issue(
                "the relations sheet has no '\(required)' column (header: \(Suggestions.quoted(table.header.cells)))",
                valid: "the first row names the columns: 'from' and 'to' (or 'source' and 'target'), optional 'type', 'weight', 'id', 'source', 'assumed', 'confidence'"))
        }
        guard let fromColumn = fields["from"], fields["to"] != nil else { return }
        // Gephi's `Type`: Directed / Undirected per edge.
        if let t = fields["type"] {
            let values = table.rows.compactMap { t < $0.cells.count ? $0.cells[t] : nil }.filter { !$0.isEmpty }
            if !values.isEmpty, values.allSatisfy({ ["directed", "undirected", "mutual"].contains($0.lowercased()) }), fields["direction"] == nil {
                fields["direction"] = t; fields["type"] = nil
                let where_ = table.sheet.map { "\(table.file) [sheet \($0)]" } ?? table.file
                draft.notes.append("\(where_): column '\(table.header.cells[t])' holds Directed/Undirected: read as each edge's direction, not as a relation type")
            }
        }
        note(kept: attributes, of: table, fields: relationAliases.map(\.field) + ["source"], draft: &draft)
        draft.relations.reserveCapacity(draft.relations.count + table.rows.count)
        // Rows with the same field columns share one dictionary (copy on write), instead of
        // one per relation (two allocations each: 84 MB at 500,000 relations).
        var sharedColumns: [String: Int] = [:]
        for row in table.rows {
            func cell(_ f: String) -> String? { fields[f].flatMap { $0 < row.cells.count ? row.cells[$0] : nil } }
            func number(_ f: String) -> String? { cell(f).map { table.decimalComma ? DelimitedText.decimalPoint($0) : $0 } }
            var directed: Bool?
            if let d = cell("direction"), !d.isEmpty {
                if d.lowercased() == "mutual" { directed = false } else if let b = ModelBuilder.parseBool(d) { directed = b } else {
                    draft.issues.append(table.place(row, fields["direction"]).issue("direction '\(d)' is not directed or undirected",
                                                                                   valid: "Directed, Undirected (or Mutual), or empty"))
                }
            }
            var entry = ModelDraft.RelationEntry(
                id: cell("id"), from: fromColumn < row.cells.count ? row.cells[fromColumn] : "", to: cell("to") ?? "",
                type: cell("type"), weight: number("weight"), source: cell("source"), assumed: cell("assumed"),
                confidence: number("confidence"), directed: directed,
                attributes: attributes.compactMap { a in
                    let v = a.index < row.cells.count ? row.cells[a.index] : ""
                    return v.isEmpty ? nil : (key: a.name, value: v)
                },
                at: table.place(row, fromColumn))
            entry.since = cell("since"); entry.until = cell("until")
            var columns: [String: Int] = [:]
            for (f, k) in fields { columns[f] = table.place(row, k).column }
            if columns != sharedColumns { sharedColumns = columns }
            entry.columns = sharedColumns
            draft.relations.append(entry)
        }
    }

    /// Reads the types sheet: a row per type; a `for` column (`actor`/`relation`) says which
    /// kind, otherwise a type is an actor type when actors use it, a relation type when
    /// relations use it (call after reading actors and relations).
    public static func readTypes(_ table: Table, into draft: inout ModelDraft) {
        let (fields, attributes) = mapHeader(table, aliases: typeAliases, draft: &draft)
        guard let idColumn = fields["id"] else {
            draft.issues.append(table.place(table.header, 0).issue("the types sheet has no 'id' column",
                                                                  valid: "columns: id, label, color, shape, helix (actor types), style, directed (relation types), for (actor or relation)"))
            return
        }
        if !attributes.isEmpty {
            draft.issues.append(table.place(table.header, attributes[0].index).issue(
                "unknown column '\(attributes[0].name)' in the types sheet",
                valid: "columns: \(Suggestions.quoted(typeAliases.map(\.field)))"))
        }
        let actorTypes = Set(draft.actors.compactMap { $0.type?.trimmingCharacters(in: .whitespaces) })
        let relationTypes = Set(draft.relations.compactMap { $0.type?.trimmingCharacters(in: .whitespaces) })
        for row in table.rows {
            func cell(_ f: String) -> String? { fields[f].flatMap { $0 < row.cells.count ? row.cells[$0] : nil }.flatMap { $0.isEmpty ? nil : $0 } }
            let id = idColumn < row.cells.count ? row.cells[idColumn] : ""
            let kind = cell("for")?.lowercased()
            let p = table.place(row, idColumn)
            var columns: [String: Int] = [:]
            for (f, k) in fields { columns[f] = table.place(row, k).column }
            let isActor = kind.map { $0.hasPrefix("actor") || $0.hasPrefix("element") || $0 == "node" }
                ?? (actorTypes.contains(id) || (!relationTypes.contains(id) && (cell("shape") != nil || cell("helix") != nil)))
            let isRelation = kind.map { $0.hasPrefix("relation") || $0.hasPrefix("connection") || $0 == "edge" }
                ?? (relationTypes.contains(id) || (!actorTypes.contains(id) && (cell("style") != nil || cell("directed") != nil)))
            if kind == "model" {
                draft.name = id; draft.title = cell("label") ?? ""; draft.description = cell("description") ?? ""
                if let language = cell("language") {
                    if LanguageTag.isValid(language) { draft.language = language } else {
                        draft.issues.append(table.place(row, fields["language"]).issue(
                            "the model has language '\(language)', which is not a language tag", id: id, valid: LanguageTag.rule))
                    }
                }
                draft.observed = cell("observed"); draft.observedPlace = table.place(row, fields["observed"] ?? idColumn)
                continue
            }
            if let kind, !isActor, !isRelation {
                draft.issues.append(table.place(row, fields["for"]).issue("type '\(id)' is for '\(kind)'", id: id, valid: "'for' is actor, relation or model"))
                continue
            }
            if isActor {
                var t = ModelDraft.ActorTypeEntry(id: id, label: cell("label"), color: cell("color"), shape: cell("shape"), helix: cell("helix"), place: p)
                t.columns = columns
                draft.actorTypes.append(t)
            }
            if isRelation {
                var t = ModelDraft.RelationTypeEntry(id: id, label: cell("label"), color: cell("color"), style: cell("style"), directed: cell("directed"), place: p)
                t.columns = columns
                draft.relationTypes.append(t)
            }
            if !isActor, !isRelation {
                draft.notes.append("\(p.shownFile):\(p.line): type '\(id)' is used by no actor or relation; left out")
            }
        }
    }

    /// The draft of a spreadsheet model from its sheets.
    /// - Parameters:
    ///   - name: the model name.
    ///   - actors: the actors sheet, or `nil` (actors are then created from the relations).
    ///   - relations: the relations sheet, or `nil` (a model of actors only).
    ///   - types: the types sheet, or `nil`.
    ///   - directed: the direction of relation types not declared.
    /// - Returns: the draft (its issues hold what the sheets got wrong).
    public static func draft(name: String, actors: Table?, relations: Table?, types: Table?, directed: Bool) -> ModelDraft {
        var draft = ModelDraft(name: name)
        draft.defaultDirected = directed
        if let actors { readActors(actors, into: &draft) } else {
            draft.createsActors = true
            draft.defaultActorType = "node"
        }
        if let relations { readRelations(relations, into: &draft) }
        if let types { readTypes(types, into: &draft) }
        return draft
    }
}
