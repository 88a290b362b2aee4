import Foundation

/// Writing a model in ecomap's own form (YAML or JSON, `Datasets/SCHEMA.md`) and as the
/// spreadsheet form (actors, relations and types tables). Both carry every field, so reading
/// the output back gives the same model.
public enum ModelWriter {
    /// The model as YAML: block style, every text double-quoted (JSON escapes, valid YAML).
    /// - Complexity: linear in the size of the model.
    public static func yaml(_ model: EcosystemModel) -> String {
        let q = JSONGraphs.json
        var out = "name: \(q(model.name))\ntitle: \(q(model.title))\n"
        if !model.description.isEmpty { out += "description: \(q(model.description))\n" }
        if model.language != LanguageTag.defaultTag { out += "language: \(q(model.language))\n" }
        if let o = model.observed { out += "observed: \(q(o.description))\n" }
        out += "actor_types:\n"
        for t in model.actorTypes {
            out += "  - {id: \(q(t.id)), label: \(q(t.label)), color: \(q(t.color)), shape: \(q(t.shape))\(t.helix.isEmpty ? "" : ", helix: \(q(t.helix))")}\n"
        }
        if model.actorTypes.isEmpty { out.removeLast(); out += " []\n" }
        out += "relation_types:\n"
        for t in model.relationTypes {
            out += "  - {id: \(q(t.id)), label: \(q(t.label)), color: \(q(t.color)), style: \(q(t.style)), directed: \(t.directed)}\n"
        }
        if model.relationTypes.isEmpty { out.removeLast(); out += " []\n" }
        out += "actors:\n"
        for a in model.actors {
            out += "  - id: \(q(a.id))\n    name: \(q(a.name))\n    type: \(q(a.type))\n"
            if !a.place.isEmpty { out += "    place: \(q(a.place))\n" }
            if let d = a.since { out += "    since: \(q(d.description))\n" }
            if let d = a.until { out += "    until: \(q(d.description))\n" }
            if !a.attributes.isEmpty { out += "    attributes: {\(a.attributes.map { "\(q($0.key)): \(q($0.value))" }.joined(separator: ", "))}\n" }
        }
        if model.actors.isEmpty { out.removeLast(); out += " []\n" }
        if !model.relations.isEmpty {
            out += "relations:\n"
            for r in model.relations {
                out += "  - id: \(q(r.id))\n    from: \(q(r.from))\n    to: \(q(r.to))\n    type: \(q(r.type))\n"
                out += "    weight: \(NumberFormat.exact(r.weight) ?? "1")\n"
                if !r.source.isEmpty { out += "    source: \(q(r.source))\n" }
                if let a = r.assumed { out += "    assumed: \(q(a))\n" }
                if let c = r.confidence { out += "    confidence: \(NumberFormat.exact(c) ?? "1")\n" }
                if let d = r.since { out += "    since: \(q(d.description))\n" }
                if let d = r.until { out += "    until: \(q(d.description))\n" }
                if !r.attributes.isEmpty { out += "    attributes: {\(r.attributes.map { "\(q($0.key)): \(q($0.value))" }.joined(separator: ", "))}\n" }
            }
        }
        return out
    }

    /// The model as JSON (the same keys as the YAML form).
    /// - Complexity: linear in the size of the model.
    public static func json(_ model: EcosystemModel) -> String {
        let q = JSONGraphs.json
        func object(_ fields: [(String, String?)]) -> String {
            "{" + fields.compactMap { k, v in v.map { "\(q(k)): \($0)" } }.joined(separator: ", ") + "}"
        }
        func attributes(_ a: [(key: String, value: String)]) -> String? {
            a.isEmpty ? nil : "{" + a.map { "\(q($0.key)): \(q($0.value))" }.joined(separator: ", ") + "}"
        }
        var parts: [String] = ["\"name\": \(q(model.name))", "\"title\": \(q(model.title))"]
        if !model.description.isEmpty { parts.append("\"description\": \(q(model.description))") }
        if model.language != LanguageTag.defaultTag { parts.append("\"language\": \(q(model.language))") }
        if let o = model.observed { parts.append("\"observed\": \(q(o.description))") }
        parts.append("\"actor_types\": [\n" + model.actorTypes.map {
            "    " + object([("id", q($0.id)), ("label", q($0.label)), ("color", q($0.color)), ("shape", q($0.shape)), ("helix", $0.helix.isEmpty ? nil : q($0.helix))])
        }.joined(separator: ",\n") + "\n  ]")
        parts.append("\"relation_types\": [\n" + model.relationTypes.map {
            "    " + object([("id", q($0.id)), ("label", q($0.label)), ("color", q($0.color)), ("style", q($0.style)), ("directed", "\($0.directed)")])
        }.joined(separator: ",\n") + "\n  ]")
        parts.append("\"actors\": [\n" + model.actors.map {
            "    " + object([("id", q($0.id)), ("name", q($0.name)), ("type", q($0.type)), ("place", $0.place.isEmpty ? nil : q($0.place)),
                             ("since", $0.since.map { q($0.description) }), ("until", $0.until.map { q($0.description) }), ("attributes", attributes($0.attributes))])
        }.joined(separator: ",\n") + "\n  ]")
        parts.append("\"relations\": [\n" + model.relations.map {
            "    " + object([("id", q($0.id)), ("from", q($0.from)), ("to", q($0.to)), ("type", q($0.type)), ("weight", NumberFormat.exact($0.weight)),
                             ("source", $0.source.isEmpty ? nil : q($0.source)), ("assumed", $0.assumed.map(q)),
                             ("confidence", $0.confidence.flatMap { NumberFormat.exact($0) }),
                             ("since", $0.since.map { q($0.description) }), ("until", $0.until.map { q($0.description) }), ("attributes", attributes($0.attributes))])
        }.joined(separator: ",\n") + "\n  ]")
        return "{\n  " + parts.joined(separator: ",\n  ") + "\n}\n"
    }

    /// The spreadsheet form: actors, relations and types as rows (a header first). Every
    /// attribute key becomes a column.
    /// - Parameter measures: computed measures, added as actor columns.
    /// - Returns: the three tables.
    public static func tables(_ model: EcosystemModel, measures: [(name: String, values: [String: Double])] = [])
        -> (actors: [[String]], relations: [[String]], types: [[String]]) {
        var actorKeys: [String] = []
        for a in model.actors { for (k, _) in a.attributes where !actorKeys.contains(k) { actorKeys.append(k) } }
        // Date columns only when the model is dated (undated sheets stay as they were).
        let actorDated = model.actors.contains { !$0.lifespan.isOpen }
        let relationDated = model.relations.contains { !$0.lifespan.isOpen }
        func dates(_ l: Lifespan, _ on: Bool) -> [String] { on ? [l.since?.description ?? "", l.until?.description ?? ""] : [] }
        var actors = [["id", "name", "type", "place"] + (actorDated ? ["since", "until"] : []) + actorKeys + measures.map(\.name)]
        for a in model.actors {
            actors.append([a.id, a.name, a.type, a.place] + dates(a.lifespan, actorDated) + actorKeys.map { a.attribute($0) ?? "" }
                + measures.map { m in m.values[a.id].flatMap { NumberFormat.exact($0) } ?? "" })
        }
        var relationKeys: [String] = []
        for r in model.relations { for (k, _) in r.attributes where !relationKeys.contains(k) { relationKeys.append(k) } }
        var relations = [["id", "from", "to", "type", "weight", "source", "assumed", "confidence"] + (relationDated ? ["since", "until"] : []) + relationKeys]
        for r in model.relations {
            relations.append([r.id, r.from, r.to, r.type, NumberFormat.exact(r.weight) ?? "1", r.source, r.assumed ?? "",
                              r.confidence.flatMap { NumberFormat.exact($0) } ?? ""] + dates(r.lifespan, relationDated) + relationKeys.map { r.attribute($0) ?? "" })
        }
        // The language column only when the model is not in English, the observed column only
        // when the model has that date (older sheets have neither).
        let language = model.language == LanguageTag.defaultTag ? [String]() : [model.language]
        let observed = model.observed.map { [$0.description] } ?? []
        let extra = language.map { _ in "language" } + observed.map { _ in "observed" }
        let blank = extra.map { _ in "" }
        var types = [["for", "id", "label", "color", "shape", "helix", "style", "directed", "description"] + extra]
        types.append(["model", model.name, model.title, "", "", "", "", "", model.description] + language + observed)
        for t in model.actorTypes { types.append(["actor", t.id, t.label, t.color, t.shape, t.helix, "", "", ""] + blank) }
        for t in model.relationTypes { types.append(["relation", t.id, t.label, t.color, "", "", t.style, t.directed ? "true" : "false", ""] + blank) }
        return (actors, relations, types)
    }
}
