/// One gap: what kind, how serious, who and which relations are involved, the numbers, and
/// one plain sentence that says what it means (names as written in the model).
public struct Finding: Sendable, Equatable {
    /// Which of the eight kinds of gap this is.
    public var kind: FindingKind
    /// How much it matters.
    public var severity: Severity
    /// Ids of the actors involved, in model order unless the sentence ranks them.
    public var actors: [String]
    /// Ids of the relations involved.
    public var relations: [String]
    /// The evidence: numbers and the measures they come from.
    public var evidence: [Evidence]
    /// One plain sentence.
    public var sentence: String
    /// The id of the rule violated (missing ties), if any.
    public var rule: String?
    /// What the finding is about: its identity across networks (see ``FindingKey``).
    public var key: FindingKey
    /// The findings this one folds together (``GapReport/foldedFindings(minimumMembers:)``),
    /// in report order; empty for a finding that folds nothing.
    public var members: [Finding] = []

    /// The keys of the findings this one stands for: its members' keys when it folds several,
    /// else its own. A scenario comparison or an explorer matches findings by these keys, so a
    /// folded finding appears or disappears member by member.
    public var memberKeys: [FindingKey] { members.isEmpty ? [key] : members.map(\.key) }

    /// A finding as given; see the properties for each field.
    /// - Parameters:
    ///   - kind: the kind.
    ///   - severity: how much it matters.
    ///   - actors: ids of the actors involved.
    ///   - relations: ids of the relations involved.
    ///   - evidence: the numbers.
    ///   - sentence: one plain sentence.
    ///   - rule: the id of the rule violated, if any.
    ///   - key: what the finding is about; default: the kind, the rule, `actors` and
    ///     `relations`, with an empty check.
    ///   - members: the findings this one folds together (default none).
    public init(
        kind: FindingKind, severity: Severity, actors: [String] = [], relations: [String] = [],
        evidence: [Evidence] = [], sentence: String, rule: String? = nil, key: FindingKey? = nil,
        members: [Finding] = []
    ) {
        self.kind = kind; self.severity = severity; self.actors = actors; self.relations = relations
        self.evidence = evidence; self.sentence = sentence; self.rule = rule; self.members = members
        self.key = key ?? FindingKey(kind: kind, check: "", rule: rule, actors: actors, relations: relations)
    }
}
