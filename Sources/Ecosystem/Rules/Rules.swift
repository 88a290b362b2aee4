/// What a strategist expects of an ecosystem, against which the gap analysis reports
/// violations: the expected composition, the ties every actor of some kind should have, which
/// actors are "the municipality", and the thresholds for peripheral actors.
///
/// Read from a rules file (`Datasets/RULES.md` documents the format, ``RulesLoader`` reads it).
/// Every part is optional; ``GapRules/init()`` expects nothing, so only the findings that need
/// no expectations are reported.
public struct GapRules: Sendable, Equatable {
    /// Ids of the actors that together are "the municipality": the fragmentation finding lists
    /// the actors that cannot reach any of them, or are not reached by any of them. Empty: no
    /// reachability check.
    public var municipality: [String]
    /// Expected counts per actor type.
    public var composition: [CompositionRule]
    /// Ties the ecosystem is expected to have.
    public var expectedTies: [TieRule]
    /// When an actor counts as peripheral.
    public var peripheral: PeripheralThresholds

    /// Rules as given; the defaults expect nothing (and use the default peripheral thresholds).
    public init(
        municipality: [String] = [], composition: [CompositionRule] = [], expectedTies: [TieRule] = [],
        peripheral: PeripheralThresholds = PeripheralThresholds()
    ) {
        self.municipality = municipality; self.composition = composition
        self.expectedTies = expectedTies; self.peripheral = peripheral
    }
}

/// Which actors a rule is about. Every non-empty field must match (AND); within a field any
/// listed value matches (OR). The empty selector matches every actor.
public struct ActorSelector: Sendable, Equatable {
    /// Actor ids.
    public var ids: [String]
    /// Actor type ids.
    public var types: [String]
    /// Helix spheres of the actors' types (`government`, `industry`, `knowledge`,
    /// `civil_society`, `intermediary`).
    public var helices: [String]
    /// Places, as written in the model.
    public var places: [String]

    /// A selector as given; the defaults select every actor.
    public init(ids: [String] = [], types: [String] = [], helices: [String] = [], places: [String] = []) {
        self.ids = ids; self.types = types; self.helices = helices; self.places = places
    }

    /// Whether the selector lists nothing (and so matches every actor).
    public var isEmpty: Bool { ids.isEmpty && types.isEmpty && helices.isEmpty && places.isEmpty }

    /// Whether it selects by actor type or helix (which a plain edge list does not have).
    public var needsActorTypes: Bool { !types.isEmpty || !helices.isEmpty }

    /// Whether `actor` of `model` is selected.
    /// - Parameters:
    ///   - actor: the actor.
    ///   - model: its model (for the helix of the actor's type).
    /// - Returns: `true` when every non-empty field lists the actor's value.
    /// - Complexity: `O(types + listed values)`.
    public func matches(_ actor: Actor, in model: EcosystemModel) -> Bool {
        if !ids.isEmpty && !ids.contains(actor.id) { return false }
        if !types.isEmpty && !types.contains(actor.type) { return false }
        if !helices.isEmpty && !helices.contains(model.actorType(actor.type)?.helix ?? "") { return false }
        if !places.isEmpty && !places.contains(actor.place) { return false }
        return true
    }

    /// A short description such as `type intermediary, place Zoetermeer` (or `any actor`).
    public var summary: String {
        var parts: [String] = []
        if !ids.isEmpty { parts.append((ids.count == 1 ? "actor " : "actors ") + ids.joined(separator: ", ")) }
        if !types.isEmpty { parts.append("type " + types.joined(separator: " or ")) }
        if !helices.isEmpty { parts.append("helix " + helices.joined(separator: " or ")) }
        if !places.isEmpty { parts.append("place " + places.joined(separator: " or ")) }
        return parts.isEmpty ? "any actor" : parts.joined(separator: ", ")
    }
}

/// An expected number of actors of one type.
public struct CompositionRule: Sendable, Equatable {
    /// The actor type id.
    public var type: String
    /// At least this many actors of the type are expected.
    public var min: Int
    /// At most this many (nil: no upper bound).
    public var max: Int?
    /// Why this is expected (the source of the expectation), shown with the finding.
    public var why: String

    /// A composition rule as given (not validated; ``RulesLoader`` checks `min ≤ max`).
    public init(type: String, min: Int = 1, max: Int? = nil, why: String = "") {
        self.type = type; self.min = min; self.max = max; self.why = why
    }
}

/// How the actors are grouped for ``TieRule/Kind/groupsConnected`` rules.
public enum ActorGrouping: String, Sendable, CaseIterable {
    /// By actor type.
    case type
    /// By place (actors without a place are left out).
    case place
    /// By the helix sphere of the actor's type (types without a helix are left out).
    case helix

    /// The group of `actor` ("" when it has none).
    /// - Parameters:
    ///   - actor: the actor.
    ///   - model: its model (for the helix of the actor's type).
    /// - Returns: the actor's type id, place or helix sphere.
    /// - Complexity: `O(types)` for `.helix`, `O(1)` otherwise.
    public func group(of actor: Actor, in model: EcosystemModel) -> String {
        switch self {
        case .type: return actor.type
        case .place: return actor.place
        case .helix: return model.actorType(actor.type)?.helix ?? ""
        }
    }
}

/// Which way an expected tie runs between a subject and its partner.
public enum TieDirection: String, Sendable, CaseIterable {
    /// A relation `partner → subject` (or a mutual relation type).
    case fromPartner = "from_partner"
    /// A relation `subject → partner` (or a mutual relation type).
    case toPartner = "to_partner"
    /// Either way.
    case either
}

/// A tie the ecosystem is expected to have; every violation is a finding.
public struct TieRule: Sendable, Equatable {
    /// What the rule checks.
    public enum Kind: String, Sendable, CaseIterable {
        /// Every subject has at least ``TieRule/atLeast`` ties to partners
        /// ("every start-up has a support tie from an incubator").
        case every
        /// One single partner is tied to every subject ("one actor coordinates all projects").
        case coordinator
        /// Every pair of groups (``TieRule/grouping``) has at least one direct tie
        /// ("each helix has at least one tie to each other helix").
        case groupsConnected = "groups_connected"
    }

    /// Stable id (used in findings).
    public var id: String
    /// The expectation in plain words, as the strategist wrote it.
    public var description: String
    /// What the rule checks.
    public var kind: Kind
    /// The actors the rule is about (`every`, `coordinator`).
    public var subjects: ActorSelector
    /// The actors that may satisfy it (`every`, `coordinator`).
    public var partners: ActorSelector
    /// Relation types that count; empty: any type.
    public var relationTypes: [String]
    /// Which way the tie must run.
    public var direction: TieDirection
    /// Minimum number of distinct partners (`every`).
    public var atLeast: Int
    /// The grouping (`groups_connected`).
    public var grouping: ActorGrouping
    /// The groups that must be connected (`groups_connected`); empty: every group that has
    /// actors. Listed groups without any actor are violations too.
    public var among: [String]
    /// Where the expectation comes from (e.g. "Bestuurlijke nota 2022, Aanbevelingen 2").
    public var source: String
    /// How serious a violation is: `high`, `medium` (default) or `low`.
    public var severity: String

    /// A tie rule as given (not validated here; ``RulesLoader`` checks what a rules file says).
    public init(
        id: String, description: String = "", kind: Kind = .every, subjects: ActorSelector = ActorSelector(),
        partners: ActorSelector = ActorSelector(), relationTypes: [String] = [], direction: TieDirection = .either,
        atLeast: Int = 1, grouping: ActorGrouping = .type, among: [String] = [], source: String = "",
        severity: String = "medium"
    ) {
        self.severity = severity
        self.id = id; self.description = description; self.kind = kind; self.subjects = subjects
        self.partners = partners; self.relationTypes = relationTypes; self.direction = direction
        self.atLeast = atLeast; self.grouping = grouping; self.among = among; self.source = source
    }

    /// Whether checking the rule needs actor types (selectors by type or helix, or a grouping
    /// by type or helix).
    public var needsActorTypes: Bool {
        switch kind {
        case .every, .coordinator: return subjects.needsActorTypes || partners.needsActorTypes
        case .groupsConnected: return grouping != .place
        }
    }
}

/// When an actor counts as peripheral: a low core number **and** a small two-step reach.
///
/// The core number is the largest `k` such that the actor is in the `k`-core, the largest
/// subgraph in which every node has degree ≥ `k` (Seidman 1983, "Network structure and
/// minimum degree", Social Networks 5(3):269–287, doi:10.1016/0378-8733(83)90028-X); the
/// two-step reach is the share of the other `n − 1` actors within distance 2 (ignoring
/// weights). Isolates are not peripheral: they are reported under fragmentation.
public struct PeripheralThresholds: Sendable, Equatable {
    /// Largest core number (k-core index) of a peripheral actor; default 1 (the outer shell).
    public var maxCore: Int
    /// Largest share of the other actors within two steps; default 0.25.
    public var maxReachShare: Double

    /// Thresholds as given (`maxReachShare` a share in `[0, 1]`).
    public init(maxCore: Int = 1, maxReachShare: Double = 0.25) {
        self.maxCore = maxCore; self.maxReachShare = maxReachShare
    }
}
