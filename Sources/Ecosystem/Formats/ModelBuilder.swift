/// Turns a ``ModelDraft`` (what any foreign format reader produces) into a validated
/// ``EcosystemModel``: the one model-building path of every format but ecomap's own YAML/JSON
/// (which ``ModelLoader`` checks node by node), with the same rules and the same words.
///
/// Checks, each a ``ModelIssue`` at the file, sheet, line/row and column of the value:
/// - empty ids; duplicate ids of types, actors and relations;
/// - ids that differ only in letter case or surrounding spaces (`LUMC`, `lumc `): an error
///   with "did you mean", or — with `lenient` — one actor, and a note;
/// - relations naming unknown actors (the closest known ids are listed), ties of an actor to
///   itself;
/// - weights that are not positive finite numbers, confidences outside `0...1`;
/// - colours not `#RRGGBB`/`#RRGGBBAA`, unknown shapes, line styles, helix spheres.
///
/// **Types need not be declared.** Actor and relation types that the data uses but does not
/// declare, and declared types without a colour, shape or style, get them from
/// ``autoPalette`` and ``autoShapes`` (actor types) or ``autoPalette`` and the line styles
/// (relation types), in order of first use: the `k`-th type gets colour `k mod 8` and shape
/// `k mod 9`, so no two of the first 72 types look alike (8 and 9 are coprime); a note says
/// what was declared.
public enum ModelBuilder {
    /// Every value of `draft` over ``InputLimits`` (control characters, too long, too many
    /// actors or relations), each at its file, line and column.
    /// - Complexity: `O(size of the draft's text)`.
    static func limitIssues(_ draft: ModelDraft) -> [ModelIssue] {
        var issues: [ModelIssue] = []
        func check(_ value: String?, _ key: String, _ at: ModelDraft.Place, _ columns: [String: Int], id: String?) {
            guard let value, let problem = InputLimits.textProblem(value, key: key) else { return }
            issues.append(at.at(column: columns[key] ?? at.column).issue(problem.message, id: id, valid: problem.valid))
        }
        for t in draft.actorTypes { check(t.id, "id", t.place, t.columns, id: nil); check(t.label, "label", t.place, t.columns, id: t.id) }
        for t in draft.relationTypes { check(t.id, "id", t.place, t.columns, id: nil); check(t.label, "label", t.place, t.columns, id: t.id) }
        for (k, a) in draft.actors.enumerated() {
            if k == InputLimits.maxActors {
                let problem = InputLimits.tooManyActors(draft.actors.count)
                issues.append(a.at.issue(problem.message, valid: problem.valid))
            }
            for (key, v) in [("id", a.id), ("name", a.name), ("type", a.type), ("place", a.place)] { check(v, key, a.at, a.columns, id: a.id) }
            for (key, v) in a.attributes { check(v, key, a.at, a.columns, id: a.id) }
        }
        for (k, r) in draft.relations.enumerated() {
            if k == InputLimits.maxRelations {
                issues.append(r.at.issue("more than \(InputLimits.maxRelations) relations", valid: "a model has at most \(InputLimits.maxRelations) relations"))
            }
            for (key, v) in [("id", r.id), ("from", r.from), ("to", r.to), ("type", r.type), ("source", r.source)] { check(v, key, r.at, r.columns, id: r.id) }
            for (key, v) in r.attributes { check(v, key, r.at, r.columns, id: r.id) }
        }
        return issues
    }

    /// The colours of automatically declared types: Okabe & Ito (2008), "Color Universal
    /// Design", jfly.uni-koeln.de/color — the house palette (``DrawingVocabulary``'s
    /// colour rule), colour-blind safe.
    public static let autoPalette = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999"]
    /// The shapes of automatically declared actor types: nine outlines that differ in
    /// greyscale (nine, coprime with the eight colours).
    public static let autoShapes = ["ellipse", "box", "diamond", "hexagon", "triangle", "octagon", "house", "invtriangle", "cylinder"]
    /// Line colours of automatically declared relation types (Okabe–Ito without the yellow,
    /// which is too light for a line; seven, coprime with the four line styles).
    public static let autoLineColours = ["#555555", "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"]

    /// Builds and checks the model.
    /// - Parameters:
    ///   - draft: what the reader found.
    ///   - lenient: merge ids that differ only in case or surrounding spaces (with a note)
    ///     instead of refusing them.
    /// - Returns: the model and the notes (the draft's, then the builder's).
    /// - Throws: ``ModelError`` with every issue (the draft's and the builder's).
    /// - Complexity: `O(actors + relations)` expected, plus edit distances for hints.
    public static func build(_ draft: ModelDraft, lenient: Bool = false) throws(ModelError) -> (model: EcosystemModel, notes: [String]) {
        var issues = draft.issues
        var notes = draft.notes
        func fold(_ s: String) -> String { s.trimmedWhitespaceAndNewlines().lowercased() }
        issues += limitIssues(draft)

        // Actor types.
        var actorTypes: [ActorType] = []
        var actorTypeSet: [String: Int] = [:]
        var unset: [Int] = []  // indices of types given no colour or shape
        for t in draft.actorTypes {
            let id = t.id.trimmedWhitespace()
            let p = t.place
            guard !id.isEmpty else { issues.append(p.at(column: t.columns["id"] ?? p.column).issue("an actor type has an empty id", valid: "give each type an id")); continue }
            if actorTypeSet[id] != nil {
                issues.append(p.at(column: t.columns["id"] ?? p.column).issue("duplicate actor type '\(id)'", id: id, valid: "each type is declared once"))
                continue
            }
            var color = "", shape = ""
            if let c = nonEmpty(t.color) {
                if DrawingVocabulary.isColour(c) { color = c } else {
                    issues.append(p.at(column: t.columns["color"] ?? p.column).issue("actor type '\(id)' has colour '\(c)', which is not \(DrawingVocabulary.colourRule)", id: id, valid: "a colour is '#' and six hex digits, e.g. '#0072B2'"))
                }
            }
            if let s = nonEmpty(t.shape) {
                if DrawingVocabulary.isNodeShape(s) { shape = s } else {
                    issues.append(p.at(column: t.columns["shape"] ?? p.column).issue("actor type '\(id)' has unknown shape '\(s)'", id: id, valid: "Graphviz shapes include \(Suggestions.quoted(Suggestions.closest(to: s, in: DrawingVocabulary.nodeShapes, limit: 5))), ..."))
                }
            }
            var helix = ""
            if let h = nonEmpty(t.helix) {
                if helixSpheres.contains(h) { helix = h } else {
                    issues.append(p.at(column: t.columns["helix"] ?? p.column).issue("actor type '\(id)' has unknown helix sphere '\(h)'", id: id, valid: "helix is one of \(Suggestions.quoted(helixSpheres)), or empty"))
                }
            }
            if color.isEmpty || shape.isEmpty { unset.append(actorTypes.count) }
            actorTypeSet[id] = actorTypes.count
            actorTypes.append(ActorType(id: id, label: nonEmpty(t.label) ?? id, color: color, shape: shape, helix: helix))
        }

        // Relation types.
        var relationTypes: [RelationType] = []
        var relationTypeSet: [String: Int] = [:]
        var unsetRelation: [Int] = []
        for t in draft.relationTypes {
            let id = t.id.trimmedWhitespace()
            let p = t.place
            guard !id.isEmpty else { issues.append(p.at(column: t.columns["id"] ?? p.column).issue("a relation type has an empty id", valid: "give each type an id")); continue }
            if relationTypeSet[id] != nil {
                issues.append(p.at(column: t.columns["id"] ?? p.column).issue("duplicate relation type '\(id)'", id: id, valid: "each type is declared once"))
                continue
            }
            var color = "", style = ""
            if let c = nonEmpty(t.color) {
                if DrawingVocabulary.isColour(c) { color = c } else {
                    issues.append(p.at(column: t.columns["color"] ?? p.column).issue("relation type '\(id)' has colour '\(c)', which is not \(DrawingVocabulary.colourRule)", id: id, valid: "a colour is '#' and six hex digits, e.g. '#0072B2'"))
                }
            }
            if let s = nonEmpty(t.style) {
                if DrawingVocabulary.isLineStyle(s) { style = s } else {
                    issues.append(p.at(column: t.columns["style"] ?? p.column).issue("relation type '\(id)' has unknown style '\(s)'", id: id, valid: "style is one of \(Suggestions.quoted(DrawingVocabulary.lineStyles))"))
                }
            }
            var directed = draft.defaultDirected
            if let d = nonEmpty(t.directed) {
                if let b = parseBool(d) { directed = b } else {
                    issues.append(p.at(column: t.columns["directed"] ?? p.column).issue("relation type '\(id)' has directed '\(d)', which is not true or false", id: id, valid: "directed is true/false (also yes/no, 1/0, directed/undirected)"))
                }
            }
            if color.isEmpty || style.isEmpty { unsetRelation.append(relationTypes.count) }
            relationTypeSet[id] = relationTypes.count
            relationTypes.append(RelationType(id: id, label: nonEmpty(t.label) ?? id, color: color, style: style, directed: directed))
        }

        // Actors: exact ids unique; ids equal up to case and spaces refused (or merged).
        var actors: [Actor] = []
        var actorIndex: [String: Int] = [:]
        var folded: [String: String] = [:]  // folded id → the actor's id
        var aliases: [String: String] = [:]  // an id as written → the actor's id (lenient)
        var declaredTypes: [String] = []
        var actorPlaces: [ModelDraft.ActorEntry] = []  // the entry of each actor, for date issues
        var createdPastLimit: ModelDraft.Place?
        for a in draft.actors {
            let p = a.at.at(column: a.columns["id"] ?? a.at.column)
            let id = a.id.trimmedWhitespaceAndNewlines()
            guard !id.isEmpty else { issues.append(p.issue("an actor has an empty id", valid: "every actor has a non-empty id (or name)")); continue }
            if actorIndex[id] != nil {
                if id != a.id, lenient { aliases[a.id] = id; notes.append("\(p.shownFile):\(p.line): actor '\(a.id)' is '\(id)' (surrounding spaces ignored); listed twice, kept once"); continue }
                issues.append(p.issue("duplicate actor '\(id)'", id: id, valid: "each actor is listed once"))
                continue
            }
            if let other = folded[fold(id)] {
                if lenient {
                    aliases[id] = other
                    notes.append("\(p.shownFile):\(p.line): actor '\(id)' differs from '\(other)' only in letter case or spaces; read as '\(other)'")
                    continue
                }
                issues.append(p.issue("actor '\(id)' differs from actor '\(other)' only in letter case or spaces", id: id,
                                      valid: "did you mean '\(other)'? Write one id the same way everywhere (or merge them knowingly with the lenient option)"))
                continue
            }
            folded[fold(id)] = id
            actorIndex[id] = actors.count
            var type = nonEmpty(a.type) ?? draft.defaultActorType
            type = type.trimmedWhitespace()
            if actorTypeSet[type] == nil, !declaredTypes.contains(type) { declaredTypes.append(type) }
            let since = date(a.since, "since", a.at, a.columns, what: "actor '\(id)'", id: id, issues: &issues)
            let until = date(a.until, "until", a.at, a.columns, what: "actor '\(id)'", id: id, issues: &issues)
            actorPlaces.append(a)
            actors.append(Actor(id: id, name: nonEmpty(a.name) ?? id, type: type, place: a.place ?? "", attributes: a.attributes,
                                since: since, until: until))
        }

        // Relations.
        var relations: [Relation] = []
        var relationIDs: [String: ModelDraft.Place] = [:]
        var declaredRelationTypes: [String] = []
        var typeDirections: [String: Set<Bool>] = [:]
        var knownIDs: [String] { actors.map(\.id) }
        var relationPlaces: [ModelDraft.RelationEntry] = []  // the entry of each relation, for date issues
        // Exact sizes: growing by doubling held up to twice the relations (and, while copying,
        // both buffers) at 100,000 actors and 500,000 relations.
        relations.reserveCapacity(draft.relations.count)
        relationPlaces.reserveCapacity(draft.relations.count)
        relationIDs.reserveCapacity(draft.relations.count)
        for (k, r) in draft.relations.enumerated() {
            let id = nonEmpty(r.id)?.trimmedWhitespace() ?? "r\(k + 1)"
            let what = "relation '\(id)'"
            var ok = true
            var ends: [String] = []
            for (key, raw) in [("from", r.from), ("to", r.to)] {
                let p = r.at.at(column: r.columns[key] ?? r.at.column)
                let end = raw.trimmedWhitespaceAndNewlines()
                if end.isEmpty {
                    issues.append(p.issue("\(what) has an empty '\(key)'", id: id, valid: "'\(key)' names an actor by its id"))
                    ok = false; continue
                }
                if actorIndex[end] != nil { ends.append(end); continue }
                if let alias = aliases[raw] ?? aliases[end] { ends.append(alias); continue }
                if let other = folded[fold(end)] {
                    if lenient {
                        notes.append("\(p.shownFile):\(p.line): \(what) names '\(end)'; read as actor '\(other)' (differs only in letter case or spaces)")
                        ends.append(other); continue
                    }
                    issues.append(p.issue("\(what) names actor '\(end)' in '\(key)', which differs from actor '\(other)' only in letter case or spaces", id: id,
                                          valid: "did you mean '\(other)'?"))
                    ok = false; continue
                }
                if draft.createsActors {
                    folded[fold(end)] = end
                    actorIndex[end] = actors.count
                    let type = draft.defaultActorType
                    if actorTypeSet[type] == nil, !declaredTypes.contains(type) { declaredTypes.append(type) }
                    actors.append(Actor(id: end, name: end, type: type))
                    actorPlaces.append(ModelDraft.ActorEntry(id: end, at: p))
                    if actors.count == InputLimits.maxActors + 1 && draft.actors.count <= InputLimits.maxActors { createdPastLimit = p }
                    ends.append(end); continue
                }
                let close = Suggestions.closest(to: end, in: knownIDs)
                let more = knownIDs.count > close.count ? ", ..." : ""
                issues.append(p.issue("\(what) names unknown actor '\(end)' in '\(key)'", id: id,
                                      valid: knownIDs.isEmpty ? "no actors are listed" : "known actors include \(Suggestions.quoted(close))\(more)"))
                ok = false
            }
            // A tie of an actor to itself (a self-loop) is kept, as in model files: the
            // measures leave it out and say so (files from NetworkX and Gephi often have them).
            var weight = 1.0
            if let w = nonEmpty(r.weight) {
                if let x = Double(w), InputLimits.weightProblem(x) == nil { weight = x } else {
                    issues.append(r.at.at(column: r.columns["weight"] ?? r.at.column).issue("\(what) has weight '\(w)'\(InputLimits.rangeNote(Double(w)))", id: id,
                                                                                           valid: InputLimits.weightRule + ", or empty for 1"))
                    ok = false
                }
            }
            var confidence: Double?
            if let c = nonEmpty(r.confidence) {
                if let x = Double(c), x >= 0, x <= 1 { confidence = x } else {
                    issues.append(r.at.at(column: r.columns["confidence"] ?? r.at.column).issue("\(what) has confidence '\(c)'", id: id,
                                                                                               valid: "confidence is a number from 0 to 1 (the probability that the tie exists), or empty"))
                    ok = false
                }
            }
            if let first = relationIDs[id] {
                issues.append(r.at.issue("duplicate relation '\(id)' (first at \(first.shownFile):\(first.line))", id: id, valid: "relation ids are unique"))
                ok = false
            }
            relationIDs[id] = r.at
            let type = (nonEmpty(r.type) ?? "tie").trimmedWhitespace()
            let since = date(r.since, "since", r.at, r.columns, what: what, id: id, issues: &issues)
            let until = date(r.until, "until", r.at, r.columns, what: what, id: id, issues: &issues)
            guard ok else { continue }
            if relationTypeSet[type] == nil, !declaredRelationTypes.contains(type) { declaredRelationTypes.append(type) }
            if let d = r.directed { typeDirections[type, default: []].insert(d) }
            relations.append(Relation(id: id, from: ends[0], to: ends[1], type: type, weight: weight,
                                      source: r.source ?? "", assumed: nonEmpty(r.assumed), confidence: confidence,
                                      attributes: r.attributes, since: since, until: until))
            relationPlaces.append(r)
        }
        if let createdPastLimit {   // an edge list's actors, created from its rows: the row of the one past the limit
            let problem = InputLimits.tooManyActors(actors.count)
            issues.append(createdPastLimit.issue(problem.message, valid: problem.valid))
        }
        let observed = date(draft.observed, "observed", draft.observedPlace ?? ModelDraft.Place(file: draft.name), [:], what: "the model", id: nil, issues: &issues)
        // Dates that contradict each other, at the cell of the date at fault.
        if issues.isEmpty {
            let check = EcosystemModel(name: draft.name, actorTypes: [], relationTypes: [], actors: actors, relations: relations)
            for p in check.dateProblems {
                let (at, columns, id) = p.isActor ? (actorPlaces[p.index].at, actorPlaces[p.index].columns, actors[p.index].id)
                    : (relationPlaces[p.index].at, relationPlaces[p.index].columns, relations[p.index].id)
                issues.append(at.at(column: columns[p.key] ?? at.column).issue(p.message, id: id, valid: p.valid))
            }
        }
        guard issues.isEmpty else { throw ModelError(issues: issues) }

        // Automatic declarations: colour k mod 8, shape k mod 9, by the type's position.
        var described: [String] = []
        for k in unset {
            if actorTypes[k].color.isEmpty { actorTypes[k].color = autoPalette[k % autoPalette.count]; actorTypes[k].automaticColor = true }
            if actorTypes[k].shape.isEmpty { actorTypes[k].shape = autoShapes[k % autoShapes.count] }
            described.append("'\(actorTypes[k].id)' (\(actorTypes[k].color) \(actorTypes[k].shape); colour or shape not given)")
        }
        for type in declaredTypes {
            let k = actorTypes.count
            actorTypes.append(ActorType(id: type, label: type, color: autoPalette[k % autoPalette.count], shape: autoShapes[k % autoShapes.count], automaticColor: true))
            described.append("'\(type)' (\(actorTypes[k].color) \(actorTypes[k].shape))")
        }
        if !described.isEmpty {
            notes.append("actor types declared automatically: \(described.joined(separator: ", "))")
            if actorTypes.count > autoPalette.count * autoShapes.count {
                notes.append("more than \(autoPalette.count * autoShapes.count) actor types: some colour and shape pairs repeat; declare colours and shapes in a types sheet")
            }
        }
        var describedRelations: [String] = []
        for k in unsetRelation {
            if relationTypes[k].color.isEmpty { relationTypes[k].color = autoLineColours[k % autoLineColours.count] }
            if relationTypes[k].style.isEmpty { relationTypes[k].style = DrawingVocabulary.lineStyles[k % DrawingVocabulary.lineStyles.count] }
        }
        for type in declaredRelationTypes {
            let k = relationTypes.count
            // A per-edge direction (Gephi) decides when all edges of the type agree.
            let directions = typeDirections[type] ?? []
            let directed = directions.count == 1 ? directions.first! : draft.defaultDirected
            relationTypes.append(RelationType(id: type, label: type, color: autoLineColours[k % autoLineColours.count],
                                              style: DrawingVocabulary.lineStyles[k % DrawingVocabulary.lineStyles.count], directed: directed))
            describedRelations.append("'\(type)' (\(relationTypes[k].color) \(relationTypes[k].style), \(directed ? "directed" : "mutual"))")
        }
        if !describedRelations.isEmpty { notes.append("relation types declared automatically: \(describedRelations.joined(separator: ", "))") }
        if relationTypes.isEmpty, actors.isEmpty == false, relations.isEmpty {
            relationTypes.append(RelationType(id: "tie", label: "tie", color: autoLineColours[0], style: "solid", directed: draft.defaultDirected))
        }
        for (type, directions) in typeDirections where directions.count > 1 {
            notes.append("relation type '\(type)' has both directed and undirected edges; read as \(draft.defaultDirected ? "directed" : "mutual") for all")
        }
        var model = EcosystemModel(name: draft.name, title: draft.title, description: draft.description,
                                   actorTypes: actorTypes, relationTypes: relationTypes, actors: actors, relations: relations,
                                   language: draft.language)
        model.observed = observed
        return (model, notes)
    }

    /// A date cell (``PartialDate``), or `nil` when empty; an issue at its column when it is
    /// not a date.
    static func date(_ text: String?, _ key: String, _ at: ModelDraft.Place, _ columns: [String: Int], what: String, id: String?,
                     issues: inout [ModelIssue]) -> PartialDate? {
        guard let text = nonEmpty(text) else { return nil }
        guard let d = PartialDate(text) else {
            issues.append(at.at(column: columns[key] ?? at.column).issue("\(what) has \(key) '\(text)', which is not a date", id: id, valid: PartialDate.rule))
            return nil
        }
        return d
    }

    /// `true`/`false` from the spellings spreadsheets and graph formats use: true, yes, 1,
    /// directed; false, no, 0, undirected (any letter case).
    public static func parseBool(_ text: String) -> Bool? {
        switch text.trimmedWhitespace().lowercased() {
        case "true", "yes", "1", "directed", "y", "ja", "waar": return true
        case "false", "no", "0", "undirected", "n", "nee", "onwaar": return false
        default: return nil
        }
    }

    static func nonEmpty(_ s: String?) -> String? {
        guard let s, !s.trimmedWhitespaceAndNewlines().isEmpty else { return nil }
        return s
    }
}
