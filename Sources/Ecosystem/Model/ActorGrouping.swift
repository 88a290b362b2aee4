import Foundation

/// A property of an actor that groups actors: the one way ecomap groups them, for brokerage
/// and E-I indices (``ActorGroups``), rules that join groups, and framed clusters in drawings.
public enum ActorAttribute: Sendable, Hashable {
    /// The actor type's id (every actor has one).
    case type
    /// The actor type's label (types that share a label form one group).
    case typeLabel
    /// The actor's place; actors without a place have no value.
    case place
    /// The Quadruple Helix sphere of the actor's type (`helix` on actor types,
    /// `Datasets/SCHEMA.md`); actors whose type states none have no value.
    case helix
    /// A free attribute of the actor, by key (exact, case-sensitive); an absent or empty value
    /// is no value.
    case free(String)

    /// The attribute a name stands for: `type`, `type_label`, `place`, `helix`, or otherwise the
    /// free attribute of that key. The built-in names win over free attributes of the same key.
    /// - Parameter name: the attribute's name as a user writes it.
    public init(_ name: String) {
        switch name {
        case "type": self = .type
        case "type_label": self = .typeLabel
        case "place": self = .place
        case "helix": self = .helix
        default: self = .free(name)
        }
    }

    /// The name ``init(_:)`` reads back (`type`, `type_label`, `place`, `helix` or the key).
    public var name: String {
        switch self {
        case .type: return "type"
        case .typeLabel: return "type_label"
        case .place: return "place"
        case .helix: return "helix"
        case let .free(key): return key
        }
    }

    /// The attribute's value for `actor`, `""` when it has none.
    /// - Parameters:
    ///   - actor: the actor.
    ///   - model: its model (for the label and helix of the actor's type).
    /// - Returns: the type id, type label, place, helix sphere or free value; `""` for none
    ///   (an unknown type has the type id as its label and no helix).
    /// - Complexity: `O(types)` for the type's label and helix, `O(attributes)` for a free one.
    public func value(of actor: Actor, in model: EcosystemModel) -> String {
        switch self {
        case .type: return actor.type
        case .typeLabel: return model.actorType(actor.type)?.label ?? actor.type
        case .place: return actor.place
        case .helix: return model.actorType(actor.type)?.helix ?? ""
        case let .free(key): return actor.attribute(key) ?? ""
        }
    }

    /// A label for people of a value of this attribute (also of a value no actor has, e.g. a
    /// type named in a rule).
    /// - Parameters:
    ///   - value: a raw value (type id, place, sphere, free value).
    ///   - model: the model (for type labels).
    /// - Returns: the type's label for `.type` (the id when the type is not declared), the
    ///   sphere with `_` as a space for `.helix` (`civil society`), the value itself otherwise.
    /// - Complexity: `O(types)` for `.type`, `O(|value|)` otherwise.
    public func label(of value: String, in model: EcosystemModel) -> String {
        switch self {
        case .type: return model.actorType(value)?.label ?? value
        case .helix: return value.replacingOccurrences(of: "_", with: " ")
        default: return value
        }
    }
}

extension ActorGrouping {
    /// The actor attribute a ``TieRule/Kind/groupsConnected`` rule groups by.
    public var attribute: ActorAttribute {
        switch self {
        case .type: return .type
        case .place: return .place
        case .helix: return .helix
        }
    }
}

/// Actors grouped by the values of one attribute (see ``EcosystemModel/groups(by:)``).
///
/// Groups are numbered in order of first appearance in the model's actor order. Actors without
/// a value share one group whose value is `""` (``ungrouped``): it is a group for the
/// measures (so every actor has a group index) and callers that list groups leave it out or
/// name it themselves (e.g. "(place unknown)").
public struct ActorGroups: Sendable, Equatable {
    /// The attribute grouped by.
    public let attribute: ActorAttribute
    /// The value of each group (type id, place, helix sphere, free value), `""` for the group
    /// of actors without a value.
    public let values: [String]
    /// A label for people of each group: the type's label for `.type`, the helix sphere with
    /// `_` as a space (`civil society`), the value itself otherwise; `""` for no value.
    public let labels: [String]
    /// The group index of each actor, in model order, `0..<values.count`.
    public let index: [Int]

    /// The index of the group of actors without a value, if any actor lacks one.
    public var ungrouped: Int? { values.firstIndex(of: "") }
    /// The groups that have a value, in order of first appearance.
    public var valued: [Int] { values.indices.filter { !values[$0].isEmpty } }
    /// A label per actor (its group's label), in model order.
    public var actorLabels: [String] { index.map { labels[$0] } }

    /// The actors of group `g`, in model order.
    /// - Parameter g: a group index.
    /// - Returns: actor indices.
    /// - Complexity: `O(actors)`.
    public func members(_ g: Int) -> [Int] { index.indices.filter { index[$0] == g } }

    /// The group whose value is `value`, if any actor has it.
    /// - Parameter value: a raw value (type id, place, sphere, free value).
    /// - Returns: its group index, or `nil`.
    /// - Complexity: `O(groups)`.
    public func group(_ value: String) -> Int? { values.firstIndex(of: value) }
}

/// Why actors cannot be grouped by an attribute.
public enum ActorGroupingError: Error, Equatable, CustomStringConvertible {
    /// No actor has a value for the attribute (the name as given); `valid` lists the
    /// attributes that at least one actor has, as ``EcosystemModel/groupingAttributes()``.
    case noActorHas(attribute: String, valid: [String])

    /// A one-line English message, with "did you mean" when one valid name is close.
    public var description: String {
        switch self {
        case let .noActorHas(attribute, valid):
            let hint = Suggestions.likelyMeant(attribute, in: valid).map { " (did you mean '\($0)'?)" } ?? ""
            return "no actor has the attribute '\(attribute)'\(hint); actors can be grouped by "
                + valid.map { "'\($0)'" }.joined(separator: ", ")
        }
    }
}

extension EcosystemModel {
    /// The actors grouped by `attribute`.
    ///
    /// - Parameter attribute: what to group by.
    /// - Returns: a group index per actor, group values and labels; actors without a value share
    ///   the group `""`. Never fails: a grouping where no actor has a value is one group `""`
    ///   (use ``groups(byAttributeNamed:)`` to refuse that).
    /// - Complexity: `O(a · t)` for `a` actors and `t` types (`O(a)` expected for place and
    ///   free attributes with few keys per actor).
    public func groups(by attribute: ActorAttribute) -> ActorGroups {
        var values: [String] = []
        var lookup: [String: Int] = [:]
        let index = actors.map { actor -> Int in
            let v = attribute.value(of: actor, in: self)
            if let g = lookup[v] { return g }
            lookup[v] = values.count
            values.append(v)
            return values.count - 1
        }
        return ActorGroups(attribute: attribute, values: values, labels: values.map { attribute.label(of: $0, in: self) }, index: index)
    }

    /// The actors grouped by the attribute a user named, refusing an attribute no actor has.
    ///
    /// - Parameter name: `type`, `type_label`, `place`, `helix` or a free attribute's key (see
    ///   ``ActorAttribute/init(_:)``).
    /// - Returns: the groups, as ``groups(by:)``.
    /// - Throws: ``ActorGroupingError/noActorHas(attribute:valid:)`` when no actor has a value
    ///   for it (so that everyone would silently fall into one group), listing the valid names.
    /// - Complexity: as ``groups(by:)``, plus ``groupingAttributes()`` when it throws.
    public func groups(byAttributeNamed name: String) throws(ActorGroupingError) -> ActorGroups {
        let groups = groups(by: ActorAttribute(name))
        guard !groups.valued.isEmpty else {
            throw .noActorHas(attribute: name, valid: groupingAttributes().map(\.name))
        }
        return groups
    }

    /// The attributes at least one actor has a value for: `type` and `type_label`, then
    /// `place` and `helix` when some actor has them, then free attribute keys in order of first
    /// appearance (keys named like a built-in are left out: the built-in wins).
    /// - Returns: the attributes, in that order.
    /// - Complexity: `O(a · (t + k))` for `a` actors, `t` types and `k` attributes per actor.
    public func groupingAttributes() -> [ActorAttribute] {
        var result: [ActorAttribute] = actors.isEmpty ? [] : [.type, .typeLabel]
        if actors.contains(where: { !$0.place.isEmpty }) { result.append(.place) }
        if actors.contains(where: { !(actorType($0.type)?.helix ?? "").isEmpty }) { result.append(.helix) }
        var seen = Set<String>()
        for actor in actors {
            for (key, value) in actor.attributes where !value.isEmpty && seen.insert(key).inserted {
                if case .free = ActorAttribute(key) { result.append(.free(key)) }
            }
        }
        return result
    }
}
