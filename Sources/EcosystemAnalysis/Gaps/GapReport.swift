import Ecosystem

/// The result of a gap analysis.
public struct GapReport: Sendable {
    /// The model analysed.
    public var model: EcosystemModel
    /// The options used.
    public var options: GapOptions
    /// The rules used (empty rules when none were given).
    public var rules: GapRules
    /// Network statistics before any change, in this order: `components`,
    /// `largest_component`, `fragmentation`, `distance_weighted_fragmentation`,
    /// `global_efficiency`, `articulation_points`, `bridges` (all `of: "network"`).
    public var baseline: [Evidence]
    /// The findings, by kind (in ``FindingKind`` order), most serious first within a kind.
    public var findings: [Finding]
    /// Kinds (or parts of kinds) that could not be checked, with the reason.
    public var skipped: [(kind: FindingKind, reason: String)]
    /// Every actor's removal effect, most damaging first (by distance-weighted fragmentation
    /// change, then fragmentation change, then model order). Empty when skipped.
    public var removal: [ActorRemoval]
    /// The tie portfolio: the best set of ``GapOptions/ties`` new ties and its combined
    /// effect (each tie also a ``FindingKind/recommendedTie`` finding, in portfolio order);
    /// `nil` when skipped (see ``skipped``) or when no candidate passed a filter.
    public var portfolio: TiePortfolio?
    /// How many candidate ties were searched.
    public var candidatesEvaluated: Int
    /// The filter that ``filtered(_:)`` applied, and how many findings it left out; `nil` when
    /// the report is whole.
    public var filter: (applied: FindingFilter, leftOut: Int)? = nil

    /// The findings of one kind.
    /// - Parameter kind: the kind wanted.
    /// - Returns: those findings, in report order (most serious first).
    /// - Complexity: `O(findings)`.
    public func findings(_ kind: FindingKind) -> [Finding] { findings.filter { $0.kind == kind } }

    /// The name of the actor with `id` as written in the model (the id when unknown).
    /// - Parameter id: an actor id.
    /// - Returns: the actor's name, or `id` itself when no actor has it.
    /// - Complexity: `O(a)` for `a` actors.
    public func name(_ id: String) -> String { model.actors.first { $0.id == id }?.name ?? id }
}
