/// How much a finding matters, most serious first.
///
/// The rules that assign a severity to each kind of finding are in `Datasets/RULES.md`,
/// "What the findings mean".
public enum Severity: String, Sendable, CaseIterable, Codable, Comparable {
    /// Most serious (e.g. a split network with `F ≥ 0.25`, a declared type with no actor).
    case high
    /// Second level (e.g. an isolate, too few actors of a type).
    case medium
    /// Third level (e.g. a pair of groups with no direct tie).
    case low
    /// Context, not a gap (e.g. the fragmentation of a network that is not split).
    case info

    /// `high < medium < low < info`, so sorting ascending puts the most serious first.
    /// - Parameters:
    ///   - a: a severity.
    ///   - b: another severity.
    /// - Returns: whether `a` is more serious than `b`.
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    var rank: Int { Severity.allCases.firstIndex(of: self)! }
}
