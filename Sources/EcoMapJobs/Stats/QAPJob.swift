import Ecosystem
import EcosystemAnalysis
import NetworkAnalysis

/// `stats qap`: the QAP correlation of two relations of a model.
public enum QAPJob {
    /// What a QAP matrix is made of.
    public enum Relation: Sendable, Equatable {
        /// The ties of these relation types (all types when empty).
        case ties(types: [String])
        /// 1 for two actors with the same value of the attribute (`type`, `place` or free), else 0.
        case sameAttribute(String)
    }

    /// The actor-by-actor matrix of `relation`: tie strengths summed per pair (or 1 per tied
    /// pair when `weighting` is `.unweighted`), both ways when undirected; self-loops left out.
    static func matrix(_ model: EcosystemModel, _ relation: Relation, directed: Bool, weighting: EdgeWeighting) throws -> [[Double]] {
        let n = model.actors.count
        var m = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        switch relation {
        case let .ties(types):
            var index: [String: Int] = [:]
            for (i, a) in model.actors.enumerated() { index[a.id] = i }
            for r in model.relations where r.from != r.to && (types.isEmpty || types.contains(r.type)) {
                guard let i = index[r.from], let j = index[r.to] else { continue }
                let mutual = !directed || !(model.relationType(r.type)?.directed ?? true)
                let w = weighting == .unweighted ? 1 : r.weight
                if weighting == .unweighted { m[i][j] = 1; if mutual { m[j][i] = 1 } } else { m[i][j] += w; if mutual { m[j][i] += w } }
            }
        case let .sameAttribute(attribute):
            let groups = try model.groups(byAttributeNamed: attribute).index
            for i in 0..<n { for j in 0..<n where i != j && groups[i] == groups[j] { m[i][j] = 1 } }
        }
        return m
    }

    /// The QAP correlation test of `first` against `second` (``NetworkAnalysis/QAP``).
    /// - Parameters:
    ///   - model: the model.
    ///   - first: the first relation.
    ///   - second: the second (its rows and columns are permuted).
    ///   - directed: ordered pairs (otherwise the upper triangle of the symmetric matrices).
    ///   - weighting: `.unweighted` for 0/1 ties, otherwise summed strengths.
    ///   - permutations: random permutations.
    ///   - seed: their seed.
    ///   - exact: all n! permutations (at most 10 actors).
    /// - Returns: the report.
    /// - Throws: ``JobError`` for an unknown relation type or too many actors for an exact test.
    public static func run(
        _ model: EcosystemModel, first: Relation, second: Relation, directed: Bool, weighting: EdgeWeighting,
        permutations: Int, seed: UInt64, exact: Bool
    ) throws -> StatsReport {
        let declared = model.relationTypes.map(\.id)
        for case let .ties(types) in [first, second] {
            for t in types where !declared.contains(t) {
                throw JobError("'\(t)' is not a relation type of the model; declared: \(declared.joined(separator: ", "))")
            }
        }
        if exact && model.actors.count > 10 { throw JobError("an exact test enumerates n! permutations; the model has \(model.actors.count) actors (at most 10)") }
        let x = try matrix(model, first, directed: directed, weighting: weighting)
        let y = try matrix(model, second, directed: directed, weighting: weighting)
        let t = QAP.correlationTest(x, y, symmetric: !directed, permutations: permutations, seed: seed, exact: exact)
        func name(_ r: Relation) -> String {
            switch r {
            case let .ties(types): return types.isEmpty ? "all ties" : "ties of " + types.joined(separator: "+")
            case let .sameAttribute(a): return "same \(a)"
            }
        }
        return StatsReport(
            title: "QAP correlation (Krackhardt 1987) of \(name(first)) and \(name(second)); \(directed ? "ordered pairs" : "unordered pairs")",
            facts: [("correlation", .number(t.statistic)), ("permuted_mean", .number(t.permutedMean)),
                    ("p_greater_or_equal", .number(t.pGreaterOrEqual)), ("p_less_or_equal", .number(t.pLessOrEqual)),
                    ("permutations", .count(t.permutations)), ("seed", .text(t.seed.map(String.init) ?? "none (exact)"))])
    }
}
