import Ecosystem

/// The few things a strategist should act on, chosen from the gap findings: who holds the
/// network together, who is a single point of failure and who would be cut off, which groups
/// are cut off from which, which expectations of the rules file fail most, and which new ties
/// help most. Each item carries the findings it rests on (their ``Finding/key`` and
/// ``Finding/memberKeys``); the wording is the writers' (`EcosystemReport`'s `BriefingWriter`).
///
/// Selection (``init(_:maximumItems:)``), topic by topic, from the report's folded findings
/// (``GapReport/foldedFindings(minimumMembers:)``):
/// - ``Topic/holdsTogether``: the two actors whose removal costs most (the first two of
///   ``GapReport/removal``), each backed by its ``FindingKind/singlePointOfFailure`` finding
///   (check `articulation_point` or `costly_removal`); when removal effects were not computed
///   (or have no such finding), the two brokers (``FindingKind/brokerage``, check `broker`) of
///   highest betweenness; then the broker of largest effective size that is neither.
/// - ``Topic/singlePointOfFailure``: the two articulation points that cut off most actors.
/// - ``Topic/cutOffGroups``: a split network (check `split`), isolates (check `isolate`),
///   and the pairs of groups with no direct tie (check `no_direct_tie`; actor types first,
///   then helix spheres, then places).
/// - ``Topic/expectations``: the rules with violations, most serious first, then by the share
///   of the rule's cases that fail (``failingShare(_:in:)``), then by how many fail (at most
///   ``maximumRules``).
/// - ``Topic/ties``: the recommended ties (``tieFindings(_:)``, the one place that reads them).
///
/// Items are ranked by their most serious finding, then in the topic order above; at most
/// `maximumItems` are kept. A topic with no finding makes no item.
public struct Briefing: Sendable, Equatable {
    /// What an item is about, in the order items of equal severity are listed.
    public enum Topic: String, Sendable, CaseIterable, Codable {
        /// Who holds the network together.
        case holdsTogether = "holds_together"
        /// Who is a single point of failure and who would be cut off.
        case singlePointOfFailure = "single_point_of_failure"
        /// Which groups are cut off from which.
        case cutOffGroups = "cut_off_groups"
        /// Which expectations of the rules file fail most.
        case expectations
        /// Which new ties help most.
        case ties
    }

    /// One thing to act on and the findings it rests on.
    public struct Item: Sendable, Equatable {
        /// What it is about.
        public var topic: Topic
        /// The most serious severity of its findings.
        public var severity: Severity
        /// The findings, most important first (folded findings keep their members).
        public var findings: [Finding]

        /// The keys of the findings the item rests on, members of folded findings included.
        public var keys: [FindingKey] { findings.flatMap { [$0.key] + ($0.members.isEmpty ? [] : $0.memberKeys) } }
    }

    /// The items, most important first.
    public var items: [Item]

    /// At most this many rules are named in the expectations item.
    public static let maximumRules = 3

    /// The briefing of a gap report.
    /// - Parameters:
    ///   - report: the gap analysis (filtered or not: only its findings are read).
    ///   - maximumItems: how many items at most (default 5).
    /// - Complexity: `O(f log f)` for `f` findings.
    public init(_ report: GapReport, maximumItems: Int = 5) {
        let folded = report.foldedFindings()
        func check(_ kind: FindingKind, _ check: String) -> [Finding] {
            folded.filter { $0.kind == kind && $0.key.check == check }
        }
        var items: [Item] = []
        func add(_ topic: Topic, _ findings: [Finding]) {
            guard let severity = findings.map(\.severity).min() else { return }
            items.append(Item(topic: topic, severity: severity, findings: findings))
        }

        // Who holds the network together: the actors whose removal lengthens paths most, or
        // else the brokers on most shortest paths; and the broker of largest effective size.
        // Brokers by effective size (the report lists them most serious first).
        let brokers = check(.brokerage, "broker").enumerated().sorted { a, b in
            let x = Self.value("effective_size", a.element), y = Self.value("effective_size", b.element)
            return x != y ? x > y : a.offset < b.offset
        }.map(\.element)
        // The two actors whose removal costs most (report.removal), each with the finding
        // that says so: its articulation point or its costly removal.
        let cutFindings = check(.singlePointOfFailure, "articulation_point") + check(.singlePointOfFailure, "costly_removal")
        var together = Array(report.removal.prefix(2).compactMap { r in cutFindings.first { $0.actors.first == r.actor } })
        if together.isEmpty {
            together = Array(brokers.enumerated().sorted { a, b in
                let x = Self.value("betweenness", a.element), y = Self.value("betweenness", b.element)
                return x != y ? x > y : a.offset < b.offset
            }.map(\.element).prefix(2))
        }
        if let widest = brokers.first(where: { b in !together.contains { $0.actors.first == b.actors.first } }) {
            together.append(widest)
        }
        add(.holdsTogether, together)

        // Single points of failure.
        let cutPoints = check(.singlePointOfFailure, "articulation_point").enumerated().sorted { a, b in
            let x = Self.value("actors_cut_off", a.element), y = Self.value("actors_cut_off", b.element)
            return x != y ? x > y : a.offset < b.offset
        }.map(\.element)
        add(.singlePointOfFailure, Array(cutPoints.prefix(2)))

        // Groups cut off from groups.
        var apart = check(.fragmentation, "split") + check(.fragmentation, "isolate").prefix(3)
        let pairs = check(.brokerage, "no_direct_tie")
        for grouping in ["type", "helix", "place"] {
            if let f = pairs.first(where: { Self.grouping(of: $0) == grouping }) { apart.append(f); break }
        }
        add(.cutOffGroups, apart)

        // Expectations of the rules file that fail most.
        let violations = folded.filter { $0.kind == .missingTie && $0.key.check != "no_subjects" }
            .enumerated().map { ($0.offset, $0.element, Self.failingShare($0.element, in: report)) }
            .sorted { a, b in
                if a.1.severity != b.1.severity { return a.1.severity < b.1.severity }
                if a.2.share != b.2.share { return a.2.share > b.2.share }
                if a.2.failing != b.2.failing { return a.2.failing > b.2.failing }
                return a.0 < b.0
            }.map(\.1)
        add(.expectations, Array(violations.prefix(Self.maximumRules)))

        // New ties.
        add(.ties, Self.tieFindings(report))

        let topics = Topic.allCases
        self.items = Array(items.sorted { a, b in
            a.severity != b.severity ? a.severity < b.severity : topics.firstIndex(of: a.topic)! < topics.firstIndex(of: b.topic)!
        }.prefix(max(0, maximumItems)))
    }

    /// A briefing of the items given (for tests and for writers that build their own).
    /// - Parameter items: the items, in order.
    public init(items: [Item]) { self.items = items }

    /// The recommended ties the briefing names: the ``FindingKind/recommendedTie`` findings of
    /// the tie portfolio (``GapReport/portfolio``), in the portfolio's order, at most three;
    /// none when the set changes nothing (an objective already at its best).
    /// - Parameter report: the gap analysis.
    /// - Returns: the findings of the recommended ties, best first.
    /// - Complexity: `O(f)` for `f` findings.
    public static func tieFindings(_ report: GapReport) -> [Finding] {
        let ties = report.findings(.recommendedTie)
        guard let p = report.portfolio, p.change != 0, p.change.isFinite else { return [] }
        return Array(p.ties.prefix(3).compactMap { tie in
            ties.first { $0.actors == [tie.from, tie.to] }
        })
    }

    /// How many of a rule's cases fail, of how many, and the share: for an `every` rule the
    /// subjects without the expected ties of all its subjects; for `groups_connected` the
    /// untied pairs of all pairs of its groups; a `coordinator` rule fails as a whole (1 of 1).
    /// - Parameters:
    ///   - finding: a ``FindingKind/missingTie`` finding, folded or not.
    ///   - report: the report (its model and rules).
    /// - Returns: `(failing, of, share)`; `of` is at least `failing`.
    /// - Complexity: `O(a)` for `a` actors.
    public static func failingShare(_ finding: Finding, in report: GapReport) -> (failing: Int, of: Int, share: Double) {
        let failing = max(1, finding.members.count)
        guard let rule = report.rules.expectedTies.first(where: { $0.id == finding.rule }) else { return (failing, failing, 1) }
        var all = failing
        switch finding.key.check {
        case "every":
            all = report.model.actors.filter { rule.subjects.matches($0, in: report.model) }.count
        case "groups_connected":
            let groups = rule.among.isEmpty ? Set(report.model.actors.map { rule.grouping.attribute.value(of: $0, in: report.model) }).subtracting([""]).count
                : rule.among.count
            all = groups * (groups - 1) / 2
        default:
            all = 1
        }
        all = max(all, failing)
        return (failing, all, Double(failing) / Double(all))
    }

    /// The value of the first evidence of `measure` in `finding` (`-∞` when it has none, so it
    /// ranks last).
    public static func value(_ measure: String, _ finding: Finding) -> Double {
        finding.evidence.first { $0.measure == measure }?.value ?? -.infinity
    }

    /// The grouping (`type`, `helix`, `place`) of a pair-of-groups finding, folded or not.
    public static func grouping(of finding: Finding) -> String? {
        let groups = finding.members.first?.key.groups ?? finding.key.groups
        return groups.first.map { String($0.prefix { $0 != " " }) }
    }

    /// The groups of a pair-of-groups finding (folded or not) that lack a direct tie to the
    /// most other groups, each with those groups, most cut off first (ties: first named first).
    /// Groups are as in ``FindingKey/groups`` (`type knowledge`).
    /// - Parameter finding: a `no_direct_tie` finding, folded or not.
    /// - Returns: `(group, the groups it has no direct tie to)`, every group of the pairs.
    /// - Complexity: `O(p log p)` for `p` pairs.
    public static func mostCutOff(_ finding: Finding) -> [(group: String, from: [String])] {
        let pairs = (finding.members.isEmpty ? [finding] : finding.members).map(\.key.groups).filter { $0.count == 2 }
        var partners: [String: [String]] = [:], order: [String] = []
        for p in pairs {
            for (a, b) in [(p[0], p[1]), (p[1], p[0])] {
                if partners[a] == nil { order.append(a) }
                partners[a, default: []].append(b)
            }
        }
        return order.enumerated().sorted { x, y in
            let a = partners[x.element]!.count, b = partners[y.element]!.count
            return a != b ? a > b : x.offset < y.offset
        }.map { ($0.element, partners[$0.element]!) }
    }
}
