/// Dates in a model: which actors and relations exist on a date, and what is wrong with the
/// dates a file gives (see ``PartialDate`` for what a date means).
extension EcosystemModel {
    /// One problem with the dates of a model: the entity, the field at fault, what is wrong.
    public struct DateProblem: Sendable, Equatable {
        /// Whether the problem is an actor's (else a relation's).
        public var isActor: Bool
        /// Index in ``EcosystemModel/actors`` or ``EcosystemModel/relations``.
        public var index: Int
        /// The field at fault: `since` or `until`.
        public var key: String
        /// What is wrong, in plain words.
        public var message: String
        /// What would be valid.
        public var valid: String
    }

    /// The problems with the model's dates: an `until` before its `since` (actors and
    /// relations), and a relation dated outside the life of one of its actors (one of the
    /// tie's given dates falls on no day of the actor's life). Unparseable dates are the
    /// loaders' (they never reach the model).
    /// - Complexity: `O(actors + relations)` expected.
    public var dateProblems: [DateProblem] {
        var problems: [DateProblem] = []
        var lives: [String: Lifespan] = [:]
        for (k, a) in actors.enumerated() {
            lives[a.id] = a.lifespan
            if let p = a.lifespan.problem {
                problems.append(DateProblem(isActor: true, index: k, key: "until", message: "actor '\(a.id)': \(p)",
                                            valid: "until is on or after since (both inclusive: since 2017, until 2017 is the year 2017)"))
            }
        }
        for (k, r) in relations.enumerated() {
            if let p = r.lifespan.problem {
                problems.append(DateProblem(isActor: false, index: k, key: "until", message: "relation '\(r.id)': \(p)",
                                            valid: "until is on or after since (both inclusive)"))
                continue
            }
            for end in [r.from, r.to] {
                guard let life = lives[end], let p = r.lifespan.outside(life, actorID: end) else { continue }
                let key = p.hasPrefix("'since") ? "since" : "until"
                problems.append(DateProblem(isActor: false, index: k, key: key, message: "relation '\(r.id)': \(p)",
                                            valid: "a tie exists only while both its actors do: date it within their lives, or correct the actor's dates"))
                break
            }
        }
        return problems
    }

    /// Which actors and relations exist in `period`: an actor when its life overlaps the
    /// period, a relation when its own life does and both its actors exist.
    /// - Parameter period: the date asked about (a year, a month or a day).
    /// - Returns: one flag per actor and per relation, in model order.
    /// - Complexity: `O(actors + relations)` expected.
    public func presence(at period: PartialDate) -> (actors: [Bool], relations: [Bool]) {
        presence(firstDay: period.firstDay, lastDay: period.lastDay)
    }

    /// ``presence(at:)`` for the days `firstDay...lastDay` (day numbers since 1970-01-01).
    public func presence(firstDay: Int, lastDay: Int) -> (actors: [Bool], relations: [Bool]) {
        Timeline(self).presence(firstDay: firstDay, lastDay: lastDay)
    }

    /// The model with only the flagged actors and relations, in model order (types, name,
    /// title, description and `observed` kept). Relations must only be flagged when both
    /// their actors are.
    /// - Complexity: `O(actors + relations)`.
    public func masked(actors keepActor: [Bool], relations keepRelation: [Bool]) -> EcosystemModel {
        var m = self
        m.actors = zip(actors, keepActor).compactMap { $1 ? $0 : nil }
        m.relations = zip(relations, keepRelation).compactMap { $1 ? $0 : nil }
        return m
    }

    /// The network as it stood in `period`: the actors whose life overlaps it and the
    /// relations that exist then between them (``presence(at:)``). Undated actors and
    /// relations are always there.
    /// - Complexity: `O(actors + relations)` expected.
    public func snapshot(at period: PartialDate) -> EcosystemModel {
        let p = presence(at: period)
        return masked(actors: p.actors, relations: p.relations)
    }

    /// The earliest and latest dates the model gives (`since`, `until` and `observed`), or
    /// `nil` when it gives none.
    public var dateRange: (first: PartialDate, last: PartialDate)? {
        var all: [PartialDate] = observed.map { [$0] } ?? []
        for a in actors { all += [a.since, a.until].compactMap { $0 } }
        for r in relations { all += [r.since, r.until].compactMap { $0 } }
        guard let first = all.min(by: { $0.firstDay < $1.firstDay }), let last = all.max(by: { $0.lastDay < $1.lastDay }) else { return nil }
        return (first, last)
    }
}

/// The lives of a model's actors and relations as day numbers, computed once, so that the
/// network of any period is one pass of comparisons over flat arrays (a mask), not a reload:
/// what ``EcosystemModel/presence(at:)`` and every period of an evolution use.
public struct Timeline: Sendable {
    /// First and last day of each actor's life (`Int.min`/`Int.max` when open), model order.
    public let actorLives: [(first: Int, last: Int)]
    /// First and last day of each relation's own life, model order.
    public let relationLives: [(first: Int, last: Int)]
    /// The actor indices at the two ends of each relation (−1 for an unknown actor).
    public let ends: [(from: Int, to: Int)]

    /// The timeline of `model`.
    /// - Complexity: `O(actors + relations)` expected.
    public init(_ model: EcosystemModel) {
        actorLives = model.actors.map { ($0.lifespan.firstDay, $0.lifespan.lastDay) }
        var index: [String: Int] = [:]
        index.reserveCapacity(model.actors.count)
        for (k, a) in model.actors.enumerated() { index[a.id] = k }
        ends = model.relations.map { (index[$0.from] ?? -1, index[$0.to] ?? -1) }
        relationLives = model.relations.map { ($0.lifespan.firstDay, $0.lifespan.lastDay) }
    }

    /// Which actors and relations exist on the days `firstDay...lastDay`: an actor when its
    /// life overlaps them, a relation when its own life does and both its actors exist.
    /// - Complexity: `O(actors + relations)`, no hashing.
    public func presence(firstDay: Int, lastDay: Int) -> (actors: [Bool], relations: [Bool]) {
        let keepActor = actorLives.map { $0.first <= lastDay && $0.last >= firstDay }
        let keepRelation = relationLives.indices.map { k in
            relationLives[k].first <= lastDay && relationLives[k].last >= firstDay
                && ends[k].from >= 0 && ends[k].to >= 0 && keepActor[ends[k].from] && keepActor[ends[k].to]
        }
        return (keepActor, keepRelation)
    }

    /// ``presence(firstDay:lastDay:)`` for the days of `period`.
    public func presence(at period: PartialDate) -> (actors: [Bool], relations: [Bool]) {
        presence(firstDay: period.firstDay, lastDay: period.lastDay)
    }
}
