/// What a finding is about, apart from its numbers, severity and wording: two findings with
/// equal keys (in two networks, e.g. a baseline and a scenario) are the same finding.
///
/// A key names the kind, the check of that kind that found it, the rule it comes from, and the
/// actors, relations or groups it is about — the *subject*, which can be narrower than
/// ``Finding/actors`` (an under-represented type is the same finding whichever actors it has;
/// an articulation point is the same finding whoever it cuts off). So a scenario that moves a
/// number, or a severity, keeps the finding, and one that changes who or what it is about
/// replaces it.
public struct FindingKey: Hashable, Codable, Sendable {
    /// The kind of finding.
    public var kind: FindingKind
    /// Which check of the kind found it, in snake_case (`split`, `isolate`, `bridge`,
    /// `too_few`, ...; see each detector in `Gaps/Detectors/`); distinguishes two findings of
    /// one kind about the same actors.
    public var check: String
    /// The id of the rule the finding comes from (``GapRules``), if any.
    public var rule: String?
    /// Ids of the actors the finding is about, in the order the detector lists them.
    public var actors: [String]
    /// Ids of the relations the finding is about.
    public var relations: [String]
    /// Groups the finding is about, each as `grouping value` (`type government`,
    /// `place Delft`, `helix industry`), for findings about groups rather than actors.
    public var groups: [String]

    /// A key as given; see the properties.
    /// - Parameters:
    ///   - kind: the kind.
    ///   - check: the check of the kind (snake_case).
    ///   - rule: the rule id, if the finding comes from a rule.
    ///   - actors: actor ids of the subject.
    ///   - relations: relation ids of the subject.
    ///   - groups: groups of the subject (`grouping value`).
    public init(
        kind: FindingKind, check: String, rule: String? = nil, actors: [String] = [], relations: [String] = [],
        groups: [String] = []
    ) {
        self.kind = kind; self.check = check; self.rule = rule
        self.actors = actors; self.relations = relations; self.groups = groups
    }
}
