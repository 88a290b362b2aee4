extension ScenarioChain {
    /// Applies every scenario of the chain, in order, to `model` (which is not modified).
    ///
    /// - Parameter model: the base model, validated.
    /// - Returns: the changed model, named after the last scenario (`name`, `title`), with
    ///   actors and relations in base order, new ones appended in the order they were added.
    /// - Throws: ``ModelError`` with an issue per change that does not fit the model (unknown
    ///   actor or relation ids with the closest known ones, undeclared types, duplicate ids, a
    ///   filter matching no actor), each at the change's file, line and column. All changes
    ///   are tried before throwing (a failed change is skipped), so one run shows every issue.
    /// - Complexity: `O(c · (a + r))` for `c` changes, `a` actors and `r` relations.
    public func apply(to model: EcosystemModel) throws(ModelError) -> EcosystemModel {
        var result = model
        var issues: [ModelIssue] = []
        for scenario in scenarios {
            var applier = ScenarioApplier(model: result)
            for change in scenario.changes { applier.apply(change) }
            issues += applier.issues
            result = applier.model
        }
        guard issues.isEmpty else { throw ModelError(issues: issues) }
        result.name = scenario.name
        result.title = scenario.title
        if !scenario.description.isEmpty { result.description = scenario.description }
        return result
    }
}

extension Scenario {
    /// Applies this scenario alone (not what it `extends`) to `model`; see
    /// ``ScenarioChain/apply(to:)``.
    public func apply(to model: EcosystemModel) throws(ModelError) -> EcosystemModel {
        try ScenarioChain(scenarios: [self]).apply(to: model)
    }
}

/// Applies changes one at a time to a model, recording an issue for each change that does not fit.
struct ScenarioApplier {
    var model: EcosystemModel
    var issues: [ModelIssue] = []

    mutating func report(_ change: ScenarioChange, id: String?, _ message: String, valid: String?) {
        issues.append(ModelIssue(file: change.position.file, line: change.position.line, column: change.position.column,
                                 id: id, message: message, valid: valid))
    }

    func actorHint(_ id: String) -> String {
        let ids = model.actors.map(\.id)
        guard !ids.isEmpty else { return "the model has no actors" }
        return "known actors include \(Suggestions.quoted(Suggestions.closest(to: id, in: ids)))\(ids.count > 3 ? ", ..." : "")"
    }

    func relationHint(_ id: String) -> String {
        let ids = model.relations.map(\.id)
        guard !ids.isEmpty else { return "the model has no relations" }
        return "known relations include \(Suggestions.quoted(Suggestions.closest(to: id, in: ids)))\(ids.count > 3 ? ", ..." : "")"
    }

    /// The index of actor `id`, or nil after reporting it unknown.
    mutating func actor(_ id: String, _ change: ScenarioChange, role: String, issueID: String? = nil) -> Int? {
        if let i = model.actorIndex(id) { return i }
        report(change, id: issueID ?? id, "\(change.kind.key) names unknown actor '\(id)'\(role.isEmpty ? "" : " in '\(role)'")", valid: actorHint(id))
        return nil
    }

    mutating func relation(_ id: String, _ change: ScenarioChange) -> Int? {
        if let i = model.relations.firstIndex(where: { $0.id == id }) { return i }
        report(change, id: id, "\(change.kind.key) names unknown relation '\(id)'", valid: relationHint(id))
        return nil
    }

    mutating func checkActorType(_ type: String, _ change: ScenarioChange, id: String) -> Bool {
        if model.actorType(type) != nil { return true }
        report(change, id: id, "\(change.kind.key) uses undeclared actor type '\(type)'",
               valid: "declared actor types: \(Suggestions.quoted(model.actorTypes.map(\.id)))")
        return false
    }

    mutating func checkRelationType(_ type: String, _ change: ScenarioChange, id: String) -> Bool {
        if model.relationType(type) != nil { return true }
        report(change, id: id, "\(change.kind.key) uses undeclared relation type '\(type)'",
               valid: "declared relation types: \(Suggestions.quoted(model.relationTypes.map(\.id)))")
        return false
    }

    /// Removes the actors at `indices` and every relation they take part in.
    mutating func removeActors(_ ids: Set<String>) {
        model.actors.removeAll { ids.contains($0.id) }
        model.relations.removeAll { ids.contains($0.from) || ids.contains($0.to) }
    }

    mutating func apply(_ change: ScenarioChange) {
        switch change.kind {
        case let .addActor(actor):
            if model.actorIndex(actor.id) != nil {
                report(change, id: actor.id, "add_actor adds actor '\(actor.id)', which already exists",
                       valid: "use a new id, or 'set_attribute' / 'set_type' to change the existing actor")
                return
            }
            guard checkActorType(actor.type, change, id: actor.id) else { return }
            if model.actors.count == InputLimits.maxActors {
                let problem = InputLimits.tooManyActors(model.actors.count + 1)
                report(change, id: actor.id, "add_actor would make the model \(problem.message)", valid: problem.valid)
                return
            }
            model.actors.append(actor)

        case let .removeActor(id):
            guard actor(id, change, role: "") != nil else { return }
            removeActors([id])

        case let .addRelation(relation):
            var ok = true
            if model.relations.contains(where: { $0.id == relation.id }) {
                report(change, id: relation.id, "add_relation adds relation '\(relation.id)', which already exists",
                       valid: "use a new id, or leave 'id' out to get '<scenario>.r<n>'")
                ok = false
            }
            if actor(relation.from, change, role: "from", issueID: relation.id) == nil { ok = false }
            if actor(relation.to, change, role: "to", issueID: relation.id) == nil { ok = false }
            if !checkRelationType(relation.type, change, id: relation.id) { ok = false }
            if ok { model.relations.append(relation) }

        case let .removeRelation(id):
            guard let r = relation(id, change) else { return }
            model.relations.remove(at: r)

        case let .setWeight(id, weight):
            guard let r = relation(id, change) else { return }
            model.relations[r].weight = weight

        case let .setActorType(id, type):
            guard let a = actor(id, change, role: "actor"), checkActorType(type, change, id: id) else { return }
            model.actors[a].type = type

        case let .setRelationType(id, type):
            guard let r = relation(id, change), checkRelationType(type, change, id: id) else { return }
            model.relations[r].type = type

        case let .setAttribute(id, key, value):
            guard let a = actor(id, change, role: "actor") else { return }
            switch key {
            case "name": model.actors[a].name = value ?? model.actors[a].name
            case "place": model.actors[a].place = value ?? ""
            default:
                var attributes = model.actors[a].attributes
                if let i = attributes.firstIndex(where: { $0.key == key }) {
                    if let value { attributes[i].value = value } else { attributes.remove(at: i) }
                } else if let value {
                    attributes.append((key: key, value: value))
                }
                model.actors[a].attributes = attributes
            }

        case let .mergeActors(keep, absorb):
            let k = actor(keep, change, role: "keep"), b = actor(absorb, change, role: "absorb")
            guard let k, let b else { return }
            for (key, value) in model.actors[b].attributes where model.actors[k].attribute(key) == nil {
                model.actors[k].attributes.append((key: key, value: value))
            }
            if model.actors[k].place.isEmpty { model.actors[k].place = model.actors[b].place }
            // Ties between the two vanish (merged actors are one); self-loops the model already
            // had stay, as the model keeps them.
            let between: Set<String> = [keep, absorb]
            model.relations.removeAll { $0.from != $0.to && between == [$0.from, $0.to] }
            for i in model.relations.indices {
                if model.relations[i].from == absorb { model.relations[i].from = keep }
                if model.relations[i].to == absorb { model.relations[i].to = keep }
            }
            model.actors.remove(at: b)

        case let .removeRelationType(type):
            guard checkRelationType(type, change, id: type) else { return }
            model.relations.removeAll { $0.type == type }

        case let .removeActors(filter):
            let ids = Set(model.actors.filter(filter.matches).map(\.id))
            if ids.isEmpty {
                let types = Set(model.actors.map(\.type)), places = Set(model.actors.map(\.place))
                report(change, id: nil, "remove_actors matches no actor (\(filter.summary))",
                       valid: "actor types in use: \(Suggestions.quoted(model.actorTypes.map(\.id).filter(types.contains))); places: \(Suggestions.quoted(places.sorted()))")
                return
            }
            removeActors(ids)
        }
    }
}

/// What differs between a base model and a changed one, by id: the basis of diff diagrams and
/// of "what changed" summaries.
public struct ModelDiff: Sendable, Equatable {
    /// Ids of actors only in the changed model, in its order.
    public let addedActors: [String]
    /// Ids of actors only in the base model, in its order.
    public let removedActors: [String]
    /// Ids of actors in both whose name, type, place or attributes differ.
    public let changedActors: [String]
    /// Ids of relations only in the changed model.
    public let addedRelations: [String]
    /// Ids of relations only in the base model.
    public let removedRelations: [String]
    /// Ids of relations in both whose ends, type, weight or evidence differ.
    public let changedRelations: [String]

    /// Compares `base` and `changed` by actor and relation ids.
    /// - Complexity: `O(a + r)` expected (hashing ids).
    public init(base: EcosystemModel, changed: EcosystemModel) {
        let baseActors = Dictionary(base.actors.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let newActors = Dictionary(changed.actors.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        addedActors = changed.actors.map(\.id).filter { baseActors[$0] == nil }
        removedActors = base.actors.map(\.id).filter { newActors[$0] == nil }
        // Dates are not a change of the actor or tie (two observed networks, or two periods,
        // compare what exists, not when the file says it began).
        func undated(_ a: Actor) -> Actor { var a = a; a.since = nil; a.until = nil; return a }
        func undated(_ r: Relation) -> Relation { var r = r; r.since = nil; r.until = nil; return r }
        changedActors = changed.actors.filter { a in baseActors[a.id].map { undated($0) != undated(a) } ?? false }.map(\.id)
        let baseRelations = Dictionary(base.relations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let newRelations = Dictionary(changed.relations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        addedRelations = changed.relations.map(\.id).filter { baseRelations[$0] == nil }
        removedRelations = base.relations.map(\.id).filter { newRelations[$0] == nil }
        changedRelations = changed.relations.filter { r in baseRelations[r.id].map { undated($0) != undated(r) } ?? false }.map(\.id)
    }

    /// Whether the two models have the same actors and relations.
    public var isEmpty: Bool {
        addedActors.isEmpty && removedActors.isEmpty && changedActors.isEmpty
            && addedRelations.isEmpty && removedRelations.isEmpty && changedRelations.isEmpty
    }
}
