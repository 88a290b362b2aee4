/// The thresholds of the gap analysis, in one place: when a finding is made, how serious it
/// is, and how many candidate ties a gap proposes. The severity rules are documented for
/// users in `Datasets/RULES.md`, "What the findings mean"; change both together.
///
/// Thresholds that users set per model (peripheral limits, composition, expected ties) are in
/// the rules file (``GapRules``), and run options in ``GapOptions``; these are the fixed ones.
enum GapThresholds {
    // MARK: Severity

    /// A split network is `high` when Borgatti's fragmentation `F` (the share of ordered pairs
    /// that cannot reach each other) reaches this value, `medium` below it.
    static let severeFragmentation = 0.25
    /// Actors that cannot reach the municipality (or that it does not reach) are `medium` when
    /// they are at least this share of the non-municipality actors, `low` below it.
    static let severeMunicipalityShare = 0.25
    /// A cut point or bridge that cuts off at least `max(severeCutOffMinimum, n /
    /// severeCutOffDivisor)` of `n` actors is `high` (integer division: a tenth of the actors,
    /// and never fewer than 3).
    static let severeCutOffMinimum = 3
    /// See ``severeCutOffMinimum``.
    static let severeCutOffDivisor = 10
    /// A cut point or bridge that cuts off at least this many actors (and fewer than the severe
    /// count) is `medium`; one actor cut off is `low`.
    static let mediumCutOff = 2

    /// The severity of cutting off `count` of `n` actors (cut points and bridges).
    /// - Parameters:
    ///   - count: actors cut off from the rest.
    ///   - n: actors in the model.
    /// - Returns: `high`, `medium` or `low`, by the thresholds above.
    static func cutOffSeverity(_ count: Int, of n: Int) -> Severity {
        count >= max(severeCutOffMinimum, n / severeCutOffDivisor) ? .high : count >= mediumCutOff ? .medium : .low
    }

    // MARK: When a finding is made

    /// How many of the most damaging removals are examined: the costly removals of actors that
    /// are not cut points, and the brokers that are `high` because their removal costs most.
    static let costlyRemovals = 3
    /// A broker has at least this effective size (Burt 1992): two non-redundant contacts.
    static let brokerEffectiveSize = 2.0
    /// Groups (types, places) are compared only when at least this many have actors.
    static let minimumGroups = 2
    /// A group looks inward (`medium`) when it has at least this many actors and a negative
    /// E-I index; a lone actor's ties say little about a group.
    static let inwardLookingGroupSize = 2

    // MARK: Candidate ties

    /// How many of the best-connected actors on a side of a gap are tried as ends of candidate
    /// ties (e.g. 3 × 3 between a small component and the largest).
    static let candidateEnds = 3
    /// The same on a side where fewer suffice (groups, cut-off pieces, coordinators): 2 × 2.
    static let fewCandidateEnds = 2
    /// At most this many actors cut off from the municipality get a candidate route to it.
    static let municipalityRoutes = 12
    /// A tie portfolio whose combined effect is below this share of the objective's value
    /// (1%) is called tiny in the report.
    static let tinyPortfolioEffect = 0.01
}
