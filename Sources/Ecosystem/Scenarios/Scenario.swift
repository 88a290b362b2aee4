/// A what-if scenario: a named list of changes to an ecosystem model ("what if the municipality
/// sets up a programme office", "what if the Dutch Innovation Park disappears").
///
/// A scenario is a YAML (or JSON) file read by ``ScenarioLoader``; its format is documented in
/// `Datasets/SCENARIOS.md`. It names its base model (`base`) or another scenario it builds on
/// (`extends`), then lists ``ScenarioChange``s that ``ScenarioChain/apply(to:)`` applies in
/// order to an in-memory model: the base model is loaded once and never modified.
public struct Scenario: Sendable, Equatable {
    /// Short name used in comparisons and file names (default: the file's base name).
    public var name: String
    /// Human-readable title (default: ``name``).
    public var title: String
    /// What the scenario stands for.
    public var description: String
    /// Where the scenario comes from (e.g. "Bestuurlijke nota Smart City 2022, Aanbevelingen 1").
    public var sources: [String]
    /// The file the scenario was read from, as the caller named it (used in issues).
    public var file: String
    /// The base model's path as written in the file (relative to the scenario's folder), if any.
    public var base: String?
    /// The path of the scenario this one builds on, as written (relative to its folder), if any.
    public var extends: String?
    /// Where `base` or `extends` is written, for issues about them.
    public var referencePosition: SourcePosition?
    /// The changes, in file order.
    public var changes: [ScenarioChange]

    /// A scenario as given (not validated): an empty `title` becomes `name`.
    public init(
        name: String, title: String = "", description: String = "", sources: [String] = [],
        file: String = "", base: String? = nil, extends: String? = nil,
        referencePosition: SourcePosition? = nil, changes: [ScenarioChange]
    ) {
        self.name = name; self.title = title.isEmpty ? name : title; self.description = description
        self.sources = sources; self.file = file; self.base = base; self.extends = extends
        self.referencePosition = referencePosition; self.changes = changes
    }
}

/// A place in a file: 1-based line and column (0 when unknown), as in ``ModelIssue``.
public struct SourcePosition: Sendable, Equatable {
    /// The file, as the caller named it.
    public var file: String
    /// 1-based line; 0 when unknown.
    public var line: Int
    /// 1-based column (Unicode scalars, as libyaml counts); 0 when unknown.
    public var column: Int

    /// A position as given.
    public init(file: String, line: Int, column: Int) {
        self.file = file; self.line = line; self.column = column
    }
}

/// Which actors a `remove_actors` change removes: those matching **every** condition given.
public struct ActorFilter: Sendable, Equatable {
    /// Actor type id, or `nil` for any type.
    public var type: String?
    /// Place, or `nil` for any place.
    public var place: String?
    /// Free attributes that must have exactly these values, in file order.
    public var attributes: [AttributeCondition]

    /// A `key: value` condition on a free attribute.
    public struct AttributeCondition: Sendable, Equatable {
        /// The attribute's key.
        public var key: String
        /// The value it must have (exact string comparison).
        public var value: String
        /// A condition as given.
        public init(key: String, value: String) { self.key = key; self.value = value }
    }

    /// A filter as given; with no condition at all it matches every actor.
    public init(type: String? = nil, place: String? = nil, attributes: [AttributeCondition] = []) {
        self.type = type; self.place = place; self.attributes = attributes
    }

    /// Whether `actor` meets every condition.
    /// - Parameter actor: the actor.
    /// - Returns: `true` when type, place and every attribute condition match.
    /// - Complexity: `O(conditions · attributes)`.
    public func matches(_ actor: Actor) -> Bool {
        if let type, actor.type != type { return false }
        if let place, actor.place != place { return false }
        return attributes.allSatisfy { actor.attribute($0.key) == $0.value }
    }

    /// The conditions in words, e.g. `type 'project', place 'Zoetermeer'`.
    public var summary: String {
        var parts: [String] = []
        if let type { parts.append("type '\(type)'") }
        if let place { parts.append("place '\(place)'") }
        for c in attributes { parts.append("\(c.key) '\(c.value)'") }
        return parts.joined(separator: ", ")
    }
}

/// One change of a scenario, with where it is written.
public struct ScenarioChange: Sendable, Equatable {
    /// What the change does.
    public var kind: Kind
    /// Where its value is written (issues found when applying it point here).
    public var position: SourcePosition

    /// A change as given.
    public init(_ kind: Kind, at position: SourcePosition) {
        self.kind = kind; self.position = position
    }

    /// The change kinds, each written in a scenario file as a one-key mapping (the key is
    /// given with each case).
    public enum Kind: Sendable, Equatable {
        /// `add_actor: {id, name, type, place, attributes}`: a new actor (its id must be new).
        case addActor(Actor)
        /// `remove_actor: ID`: the actor and every relation it takes part in.
        case removeActor(String)
        /// `add_relation: {id, from, to, type, weight, source, assumed, confidence}`.
        case addRelation(Relation)
        /// `remove_relation: ID`: one relation.
        case removeRelation(String)
        /// `set_weight: {relation: ID, weight: W}`: a new tie strength.
        case setWeight(relation: String, weight: Double)
        /// `set_type: {actor: ID, type: T}`: a different (declared) actor type.
        case setActorType(actor: String, type: String)
        /// `set_type: {relation: ID, type: T}`: a different (declared) relation type.
        case setRelationType(relation: String, type: String)
        /// `set_attribute: {actor: ID, key: K, value: V}`: set a free attribute, or `name` or
        /// `place`; a missing or null value removes the free attribute (or empties `place`).
        case setAttribute(actor: String, key: String, value: String?)
        /// `merge_actors: {keep: A, absorb: B}`: B's relations move to A (ties between A and B
        /// vanish; self-loops of either stay, as A's), A gains B's attributes that it lacks,
        /// and B is removed.
        case mergeActors(keep: String, absorb: String)
        /// `remove_relation_type: T`: every relation of type T (the type stays declared).
        case removeRelationType(String)
        /// `remove_actors: {type: T, place: P, attributes: {k: v}}`: every actor matching the
        /// filter, with their relations.
        case removeActors(ActorFilter)

        /// The YAML key of the change kind.
        public var key: String {
            switch self {
            case .addActor: "add_actor"
            case .removeActor: "remove_actor"
            case .addRelation: "add_relation"
            case .removeRelation: "remove_relation"
            case .setWeight: "set_weight"
            case .setActorType, .setRelationType: "set_type"
            case .setAttribute: "set_attribute"
            case .mergeActors: "merge_actors"
            case .removeRelationType: "remove_relation_type"
            case .removeActors: "remove_actors"
            }
        }
    }

    /// Every change key a scenario file may use, in the order the format documents them.
    public static let keys = [
        "add_actor", "remove_actor", "add_relation", "remove_relation", "set_weight", "set_type",
        "set_attribute", "merge_actors", "remove_relation_type", "remove_actors",
    ]
}
