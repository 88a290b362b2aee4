/// A candidate new tie with its exact effect.
public struct RecommendedTie: Sendable, Equatable {
    /// Actor ids of the two ends.
    public var from: String, to: String
    /// The objective's value with the tie added, and the change from now.
    public var objectiveValue: Double, objectiveChange: Double
    /// Fragmentation, global efficiency with the tie added.
    public var fragmentation: Double, globalEfficiency: Double
    /// The link-prediction score of the pair (second ranking key).
    public var score: Double
    /// The gaps the tie would close, in words.
    public var closes: [String]
    /// The most serious of those gaps.
    public var severity: Severity
}
