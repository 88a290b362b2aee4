import Foundation
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
    ///   - monitor: progress and stopping.
    /// - Returns: the report.
    /// - Throws: ``JobError`` for an unknown relation type or too many actors for an exact test;
    ///   ``NetworkAnalysis/GraphError/stopped(algorithm:done:total:)``.
    public static func run(
        _ model: EcosystemModel, first: Relation, second: Relation, directed: Bool, weighting: EdgeWeighting,
        permutations: Int, seed: UInt64, exact: Bool, monitor: WorkMonitor = .none
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
        let t = try QAP.correlationTest(x, y, symmetric: !directed, permutations: permutations, seed: seed, exact: exact, monitor: monitor)
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

extension QAPJob {
    /// A relation's name in a report: "all ties", "ties of A+B", "same type".
    static func name(_ r: Relation) -> String {
        switch r {
        case let .ties(types): return types.isEmpty ? "all ties" : "ties of " + types.joined(separator: "+")
        case let .sameAttribute(a): return "same \(a)"
        }
    }

    /// `reason` with "predictor 2" replaced by that predictor's name.
    static func said(_ reason: String, _ predictors: [Relation]) -> String {
        var text = reason
        for (k, p) in predictors.enumerated().reversed() { text = text.replacingOccurrences(of: "predictor \(k + 1)", with: "'\(name(p))'") }
        return text
    }

    /// The QAP regression of `dependent` on `predictors` with DSP permutation p-values
    /// (``NetworkAnalysis/QAP/regression(_:predictors:symmetric:permutations:seed:exact:monitor:)``).
    /// - Parameters:
    ///   - model: the model.
    ///   - dependent: the relation explained.
    ///   - predictors: the relations that explain it (one or more).
    ///   - directed: ordered pairs (otherwise the upper triangle of the symmetric matrices).
    ///   - weighting: `.unweighted` for 0/1 ties, otherwise summed strengths.
    ///   - permutations: random permutations.
    ///   - seed: their seed.
    ///   - exact: all n! permutations (at most 10 actors).
    ///   - monitor: progress and stopping.
    /// - Returns: the report: a row per predictor (coefficient, standard error, t, p-values).
    /// - Throws: ``JobError`` for an unknown relation type, too many actors for an exact test,
    ///   a predictor that does not vary or is collinear with the others, or a stopped run.
    public static func regression(
        _ model: EcosystemModel, dependent: Relation, predictors: [Relation], directed: Bool, weighting: EdgeWeighting,
        permutations: Int, seed: UInt64, exact: Bool, monitor: WorkMonitor = .none
    ) throws -> StatsReport {
        let declared = model.relationTypes.map(\.id)
        for case let .ties(types) in [dependent] + predictors {
            for t in types where !declared.contains(t) {
                throw JobError("'\(t)' is not a relation type of the model; declared: \(declared.joined(separator: ", "))")
            }
        }
        if exact && model.actors.count > 10 { throw JobError("an exact test enumerates n! permutations; the model has \(model.actors.count) actors (at most 10)") }
        let y = try matrix(model, dependent, directed: directed, weighting: weighting)
        let xs = try predictors.map { try matrix(model, $0, directed: directed, weighting: weighting) }
        let r: QAPRegression
        do {
            r = try QAP.regression(y, predictors: xs, symmetric: !directed, permutations: permutations, seed: seed, exact: exact, monitor: monitor)
        } catch {
            guard case let .undefined(_, reason) = error else { throw error }
            throw JobError("QAP regression of \(name(dependent)): \(said(reason, predictors))")
        }
        let rows: [[StatsValue]] = predictors.indices.map { k in
            [.text(name(predictors[k])), .number(r.coefficients[k]), .number(r.standardErrors[k]), .number(r.tValues[k]),
             .number(r.pTwoSided[k]), .number(r.tests[k].pGreaterOrEqual), .number(r.tests[k].pLessOrEqual)]
        }
        return StatsReport(
            title: "QAP regression (Krackhardt 1988) of \(name(dependent)) with double semi-partialling (Dekker, Krackhardt & Snijders 2007); \(directed ? "ordered pairs" : "unordered pairs")",
            facts: [("dependent", .text(name(dependent))), ("cells", .count(r.cells)), ("intercept", .number(r.intercept)),
                    ("r_squared", .number(r.rSquared)), ("adjusted_r_squared", .number(r.adjustedRSquared)),
                    ("null_model", .text("double semi-partialling (DSP)")),
                    ("permutations", .count(r.tests.first?.permutations ?? permutations)),
                    ("seed", .text(exact ? "none (exact)" : String(seed)))],
            columns: ["predictor", "coefficient", "std_error", "t", "p_two_sided", "p_greater_or_equal", "p_less_or_equal"],
            rows: rows)
    }
}
