/// An innovation ecosystem: typed actors and the typed relations between them.
///
/// Actor types follow the Quadruple Helix (government, industry, knowledge institutions,
/// civil society: Carayannis & Campbell 2009, Int. J. Technology Management 46(3/4):201–234,
/// doi:10.1504/IJTM.2009.023374; the Triple Helix of Etzkowitz & Leydesdorff 2000, Research
/// Policy 29(2):109–123, doi:10.1016/S0048-7333(99)00055-4) plus innovation intermediaries
/// (Howells 2006, Research Policy 35(5):715–728, doi:10.1016/j.respol.2006.03.005). The model
/// itself does not fix the list: each file declares its types once (see `Datasets/SCHEMA.md`).
///
/// Order is meaningful and preserved: actors and relations keep the order of the file, which
/// becomes node and edge order in the graph, so every output is deterministic.
public struct EcosystemModel: Sendable, Equatable {
    /// Short name used for the output folder (`Output/<name>/`), e.g. `zoetermeer`.
    public var name: String
    /// Human-readable title for diagrams and reports.
    public var title: String
    /// Free text: what the model describes and where it comes from.
    public var description: String
    /// The language of the model's texts (names, labels, title) as a BCP 47 tag (RFC 5646),
    /// e.g. `en`, `nl`, `en-GB`: written as the report's `lang` attribute, so screen readers
    /// and hyphenation use the right language. `en` unless the file says otherwise.
    public var language: String
    /// Declared actor types, in file order.
    public var actorTypes: [ActorType]
    /// Declared relation types, in file order.
    public var relationTypes: [RelationType]
    /// Actors, in file order; ids are unique.
    public var actors: [Actor]
    /// Relations, in file order.
    public var relations: [Relation]
    /// The date the picture was taken (the model's `observed`), or `nil`.
    public var observed: PartialDate? = nil

    /// A model as given, **not validated** (use ``ModelLoader`` for checked models): an empty
    /// `title` becomes `name`; everything else is stored unchanged (`language` defaults to `en`).
    public init(
        name: String, title: String = "", description: String = "",
        actorTypes: [ActorType], relationTypes: [RelationType],
        actors: [Actor], relations: [Relation], language: String = "en"
    ) {
        self.name = name
        self.language = language
        self.title = title.isEmpty ? name : title
        self.description = description
        self.actorTypes = actorTypes
        self.relationTypes = relationTypes
        self.actors = actors
        self.relations = relations
    }

    /// The actor type declared with `id`, if any. Complexity: `O(types)`.
    public func actorType(_ id: String) -> ActorType? { actorTypes.first { $0.id == id } }
    /// The relation type declared with `id`, if any. Complexity: `O(types)`.
    public func relationType(_ id: String) -> RelationType? { relationTypes.first { $0.id == id } }
    /// Index of the actor with `id` in ``actors``. Complexity: `O(actors)`.
    public func actorIndex(_ id: String) -> Int? { actors.firstIndex { $0.id == id } }
    /// The ids of the relations that tie an actor to itself (self-loops), in relation order.
    /// They stay in the model (diagrams draw them, exports give them back); the measures leave
    /// them out, as each measure's doc comment says. Complexity: `O(relations)`.
    public var selfLoops: [String] { relations.filter { $0.from == $0.to }.map(\.id) }

    /// Whether any actor or relation carries a `since` or `until` date.
    /// Complexity: `O(actors + relations)`.
    public var isDated: Bool {
        actors.contains { !$0.lifespan.isOpen } || relations.contains { !$0.lifespan.isOpen }
    }
}

/// A kind of actor, declared once per model with how it is drawn.
public struct ActorType: Sendable, Equatable {
    /// Identifier used by actors' `type` field (e.g. `government`).
    public var id: String
    /// Label shown in legends (e.g. "Government").
    public var label: String
    /// Fill colour, as `#RRGGBB`.
    public var color: String
    /// Graphviz node shape (e.g. `box`, `ellipse`, `hexagon`).
    public var shape: String
    /// Quadruple Helix sphere this type belongs to (`government`, `industry`, `knowledge`,
    /// `civil_society`) or `intermediary`; empty when not stated.
    public var helix: String
    /// Whether ``color`` was chosen by ecomap because the file gave none (Okabe–Ito by the
    /// type's position): a diagram theme's palette then replaces it. Not part of equality.
    public var automaticColor: Bool

    /// An actor type as given (not validated; see the properties for the expected values).
    public init(id: String, label: String, color: String, shape: String, helix: String = "", automaticColor: Bool = false) {
        self.id = id; self.label = label; self.color = color; self.shape = shape; self.helix = helix
        self.automaticColor = automaticColor
    }

    /// Equal when id, label, colour, shape and helix are equal (``automaticColor`` is how the
    /// colour came about, not part of the type).
    public static func == (a: ActorType, b: ActorType) -> Bool {
        a.id == b.id && a.label == b.label && a.color == b.color && a.shape == b.shape && a.helix == b.helix
    }
}

/// A kind of relation, declared once per model with how it is drawn and whether it has a direction.
public struct RelationType: Sendable, Equatable {
    /// Identifier used by relations' `type` field (e.g. `funds`).
    public var id: String
    /// Label shown in legends (e.g. "funds").
    public var label: String
    /// Line colour, as `#RRGGBB`.
    public var color: String
    /// Graphviz line style: `solid`, `dashed`, `dotted` or `bold`.
    public var style: String
    /// Whether `from → to` has a direction (drawn with an arrow); otherwise the tie is mutual.
    public var directed: Bool

    /// A relation type as given (not validated; see the properties for the expected values).
    public init(id: String, label: String, color: String, style: String, directed: Bool) {
        self.id = id; self.label = label; self.color = color; self.style = style; self.directed = directed
    }
}

/// One actor of the ecosystem: an organisation, a group or a person.
public struct Actor: Sendable, Equatable {
    /// Unique identifier (used by relations and as the stable id in outputs).
    public var id: String
    /// Display name, as written (diacritics kept).
    public var name: String
    /// Id of an ``ActorType`` declared in the model.
    public var type: String
    /// Where the actor is based (e.g. "Zoetermeer"); empty when unknown.
    public var place: String
    /// Free attributes as strings, in file order.
    public var attributes: [(key: String, value: String)]
    /// When the actor began (founded, started), or `nil` (open: always there).
    public var since: PartialDate?
    /// When the actor ended (inclusive), or `nil` (open: still there).
    public var until: PartialDate?

    /// An actor as given (not validated; see the properties for the expected values).
    public init(id: String, name: String, type: String, place: String = "", attributes: [(key: String, value: String)] = [],
                since: PartialDate? = nil, until: PartialDate? = nil) {
        self.id = id; self.name = name; self.type = type; self.place = place; self.attributes = attributes
        self.since = since; self.until = until
    }

    /// ``since`` through ``until``.
    public var lifespan: Lifespan { Lifespan(since: since, until: until) }

    /// The value of a free attribute, if present.
    /// - Parameter key: the attribute's key (exact, case-sensitive).
    /// - Returns: the value of the first attribute with that key, or `nil`.
    /// - Complexity: `O(attributes)`.
    public func attribute(_ key: String) -> String? { attributes.first { $0.key == key }?.value }

    /// Equal when every field is equal, attributes compared in order (key and value).
    public static func == (a: Actor, b: Actor) -> Bool {
        a.id == b.id && a.name == b.name && a.type == b.type && a.place == b.place
            && a.since == b.since && a.until == b.until
            && a.attributes.map(\.key) == b.attributes.map(\.key)
            && a.attributes.map(\.value) == b.attributes.map(\.value)
    }
}

/// A typed tie between two actors.
public struct Relation: Sendable, Equatable {
    /// Stable identifier: given in the file, or `r<position>` (1-based) when absent.
    public var id: String
    /// Id of the actor the relation starts at.
    public var from: String
    /// Id of the actor the relation goes to.
    public var to: String
    /// Id of a ``RelationType`` declared in the model.
    public var type: String
    /// Tie strength: a positive finite number, bigger is stronger (default 1).
    public var weight: Double
    /// Where the tie is documented (e.g. "Bestuurlijke nota 2022, Conclusies 3").
    public var source: String
    /// Why the tie is assumed when the source only implies it; `nil` when documented outright.
    public var assumed: String?
    /// Probability (0–1) that the tie exists; `nil` means certain.
    public var confidence: Double?
    /// Free attributes as strings, in file order (e.g. a spreadsheet's `note` or `start`
    /// column); analyses ignore them.
    public var attributes: [(key: String, value: String)]
    /// When the tie began, or `nil` (open: as long as both actors exist).
    public var since: PartialDate?
    /// When the tie ended (inclusive), or `nil` (open).
    public var until: PartialDate?

    /// A relation as given (not validated; ``ModelLoader`` checks weights, confidences and ids).
    public init(
        id: String, from: String, to: String, type: String, weight: Double = 1,
        source: String = "", assumed: String? = nil, confidence: Double? = nil,
        attributes: [(key: String, value: String)] = [], since: PartialDate? = nil, until: PartialDate? = nil
    ) {
        self.id = id; self.from = from; self.to = to; self.type = type; self.weight = weight
        self.source = source; self.assumed = assumed; self.confidence = confidence
        self.attributes = attributes
        self.since = since; self.until = until
    }

    /// ``since`` through ``until``.
    public var lifespan: Lifespan { Lifespan(since: since, until: until) }

    /// The value of a free attribute, if present (exact key). Complexity: `O(attributes)`.
    public func attribute(_ key: String) -> String? { attributes.first { $0.key == key }?.value }

    /// Equal when every field is equal, attributes compared in order (key and value).
    public static func == (a: Relation, b: Relation) -> Bool {
        a.id == b.id && a.from == b.from && a.to == b.to && a.type == b.type && a.weight == b.weight
            && a.source == b.source && a.assumed == b.assumed && a.confidence == b.confidence
            && a.since == b.since && a.until == b.until
            && a.attributes.map(\.key) == b.attributes.map(\.key)
            && a.attributes.map(\.value) == b.attributes.map(\.value)
    }

    /// Whether the relation rests on an assumption rather than an explicit statement.
    public var isAssumed: Bool { assumed != nil }
}
