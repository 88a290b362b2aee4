import Ecosystem

// Element ids, tooltips, accessible titles and the description of a map.

extension EcosystemDiagram {
    /// The SVG element id of an actor's node.
    /// - Parameters:
    ///   - actorID: the actor id.
    ///   - prefix: the diagram's id prefix, already sanitized (``DOTText/identifier(_:prefix:)``).
    /// - Returns: `prefix` + `actor-` + the id made safe by ``DOTText/identifier(_:prefix:)``.
    public static func actorElementID(_ actorID: String, prefix: String = "") -> String {
        prefix + DOTText.identifier(actorID, prefix: "actor-")
    }

    /// The SVG element id of a relation's edge.
    /// - Parameters:
    ///   - relationID: the relation id.
    ///   - prefix: the diagram's id prefix, already sanitized.
    /// - Returns: `prefix` + `relation-` + the id made safe by ``DOTText/identifier(_:prefix:)``.
    public static func relationElementID(_ relationID: String, prefix: String = "") -> String {
        prefix + DOTText.identifier(relationID, prefix: "relation-")
    }

    /// Accessible titles (and tooltips) per element id: actors, relations, clusters, legend.
    static func elementTitles(for model: EcosystemModel, options: DiagramOptions) -> [String: String] {
        let prefix = DOTText.identifier(options.idPrefix, prefix: "")
        var titles: [String: String] = [:]
        for i in model.actors.indices {
            titles[actorElementID(model.actors[i].id, prefix: prefix)] = tooltip(for: i, in: model, options: options)
        }
        for relation in model.relations {
            titles[relationElementID(relation.id, prefix: prefix)] = relationTooltip(for: relation, model: model, options: options)
        }
        if let groups = options.clusters, groups.count == model.actors.count {
            for group in orderedGroups(groups) {
                titles[prefix + DOTText.identifier(group.label, prefix: "cluster-")] = clusterTitle(group.label, options: options)
            }
        }
        titles[prefix + "legend"] = "Legend"
        if let overlay = options.overlay {
            for edge in overlay.extraEdges { titles[prefix + DOTText.identifier(edge.id, prefix: "")] = edge.tooltip }
            titles[prefix + DOTText.identifier(overlay.name, prefix: "") + "-legend"] = overlay.legendTitle
        }
        titles[prefix + DOTText.identifier(model.name, prefix: "ecomap-")] = options.title ?? model.title
        return titles
    }

    /// A sentence or three describing the map, for the SVG's `<desc>`.
    /// - Parameters:
    ///   - model: the model drawn.
    ///   - options: what size, clusters and overlay mean.
    /// - Returns: plain English (actors per type, relations per type, node size, clusters).
    public static func summary(of model: EcosystemModel, options: DiagramOptions) -> String {
        var counts: [String: Int] = [:]
        for actor in model.actors { counts[actor.type, default: 0] += 1 }
        let types = model.actorTypes.filter { counts[$0.id] != nil }.map { "\(counts[$0.id]!) \($0.label)" }
        var relationCounts: [String: Int] = [:]
        for relation in model.relations { relationCounts[relation.type, default: 0] += 1 }
        let relations = model.relationTypes.filter { relationCounts[$0.id] != nil }
            .map { "\(relationCounts[$0.id]!) \($0.label)" }
        var text = "Network map of \(model.actors.count) actors"
        if !types.isEmpty { text += " (\(types.joined(separator: ", ")))" }
        text += " and \(model.relations.count) relations"
        if !relations.isEmpty { text += " (\(relations.joined(separator: ", ")))" }
        text += ". Colour and shape show the actor type; line colour and style the relation type; line width the tie strength."
        if let measure = options.nodeSizeMeasure, options.nodeSize != nil { text += " Node size shows \(measure)." }
        if options.clusters != nil { text += " Frames group the actors by \(options.clusterAttribute ?? "group")." }
        return text
    }

    static func clusterTitle(_ label: String, options: DiagramOptions) -> String {
        "\(options.clusterAttribute.map { "\($0): " } ?? "")\(label)"
    }

    /// Distinct labels in order of first appearance, each with its members in actor order.
    static func orderedGroups(_ labels: [String]) -> [(label: String, members: [Int])] {
        var index: [String: Int] = [:]
        var groups: [(label: String, members: [Int])] = []
        for (i, label) in labels.enumerated() {
            if let k = index[label] {
                groups[k].members.append(i)
            } else {
                index[label] = groups.count
                groups.append((label, [i]))
            }
        }
        return groups
    }

    /// "Name · Type · Place · measure value · …" for an actor's tooltip and accessible title.
    static func tooltip(for index: Int, in model: EcosystemModel, options: DiagramOptions) -> String {
        let actor = model.actors[index]
        var parts = [actor.name, model.actorType(actor.type)?.label ?? actor.type]
        if !actor.place.isEmpty { parts.append(actor.place) }
        var measures = options.tooltipMeasures
        if let size = options.nodeSize, let name = options.nodeSizeMeasure, !measures.contains(where: { $0.name == name }) {
            measures.insert(DiagramMeasure(name: name, values: size), at: 0)
        }
        for measure in measures where measure.values.count == model.actors.count {
            let value = measure.values[index]
            parts.append("\(measure.name) \(value.isFinite ? format(value) : "undefined")")
        }
        if let note = options.overlay?.actorMarks[actor.id]?.tooltipNote, !note.isEmpty { parts.append(note) }
        return parts.joined(separator: " · ")
    }

    /// The relation's tooltip with the overlay's note on it, if any.
    static func relationTooltip(for relation: Relation, model: EcosystemModel, options: DiagramOptions) -> String {
        let text = edgeTooltip(for: relation, model: model)
        guard let note = options.overlay?.relationMarks[relation.id]?.tooltipNote, !note.isEmpty else { return text }
        return text + " · " + note
    }

    static func edgeTooltip(for relation: Relation, model: EcosystemModel) -> String {
        let name = { (id: String) in model.actors.first { $0.id == id }?.name ?? id }
        var text = "\(name(relation.from)) – \(model.relationType(relation.type)?.label ?? relation.type) – \(name(relation.to))"
        if !relation.source.isEmpty { text += " (\(relation.source))" }
        if let why = relation.assumed { text += " [assumed: \(why)]" }
        return text
    }
}
