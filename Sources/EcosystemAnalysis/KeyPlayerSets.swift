import Ecosystem
import NetworkAnalysis

/// A key-player set of a model (Borgatti 2006) beside the set that the single-actor removal
/// ranking would suggest: the `k` actors that each do the most damage alone, removed together.
public struct KeyPlayerComparison: Sendable {
    /// What the sets are chosen for.
    public let objective: KeyPlayerObjective
    /// The set's actor ids, in model order.
    public let set: [String]
    /// The exact objective value of the set.
    public let value: Double
    /// The value with nobody removed (fragmentation objectives) or 0 (reach).
    public let baseline: Double
    /// The `k` actors ranked highest by their value alone (ties to model order), in rank order.
    public let topSingles: [String]
    /// The objective value of `topSingles` taken together.
    public let topSinglesValue: Double
    /// Each actor's value alone, in model order.
    public let singleValues: [Double]
    /// Greedy value before the swaps, number of swaps, random restarts and their seed.
    public let greedyValue: Double, swaps: Int, restarts: Int, seed: UInt64
}

/// Key-player sets of ecosystem models.
public enum KeyPlayerSets {
    /// The key-player set of `k` actors for `objective` on the undirected, unweighted reading of
    /// the ties (``NetworkAnalysis/Graph/keyPlayers(k:objective:restarts:seed:)``), with the
    /// single-actor ranking beside it.
    ///
    /// - Parameters:
    ///   - model: the model.
    ///   - k: the set size, `1…actors`.
    ///   - objective: fragmentation, distance-weighted fragmentation or reach.
    ///   - restarts: random starts besides the greedy one.
    ///   - seed: seed of the random starts.
    /// - Returns: the comparison.
    /// - Throws: ``AnalysisError/measureFailed(_:_:)`` for `k` outside `1…actors`.
    /// - Complexity: that of the search, plus the `n` single-actor values: one removal pass
    ///   (``NetworkAnalysis/Graph/nodeRemovalEffects(weighting:threads:)``, hops) for the
    ///   fragmentation objectives, `n` breadth-first searches for reach.
    public static func compare(
        _ model: EcosystemModel, k: Int, objective: KeyPlayerObjective, restarts: Int = 20, seed: UInt64 = 1
    ) throws -> KeyPlayerComparison {
        let graph = EcosystemNetwork(model: model).simpleGraph
        let found: KeyPlayerSet
        do {
            found = try graph.keyPlayers(k: k, objective: objective, restarts: restarts, seed: seed)
        } catch {
            throw AnalysisError.measureFailed("key players", error)
        }
        let singles = try singleValues(graph, objective: objective)
        let ranked = singles.indices.sorted { singles[$0] != singles[$1] ? singles[$0] > singles[$1] : $0 < $1 }
        let top = Array(ranked.prefix(k))
        let baseline: Double
        switch objective {
        case .reach: baseline = 0
        default: baseline = graph.keyPlayerValue([], objective: objective)
        }
        let ids = model.actors.map(\.id)
        return KeyPlayerComparison(
            objective: objective, set: found.nodes.map { ids[$0] }, value: found.value, baseline: baseline,
            topSingles: top.map { ids[$0] }, topSinglesValue: graph.keyPlayerValue(top, objective: objective),
            singleValues: singles, greedyValue: found.greedyValue, swaps: found.swaps, restarts: restarts, seed: seed)
    }

    /// Each actor's objective value alone, in node order. For the two fragmentation objectives
    /// these are the removal effects of every single node on the undirected, unweighted reading
    /// of the ties (``NetworkAnalysis/Graph/nodeRemovalEffects(weighting:threads:)`` with hops,
    /// one search per source and dominator-tree repairs, Holme et al. 2002,
    /// doi:10.1103/PhysRevE.65.056109) instead of `n` separate evaluations: `F` is the same
    /// number bit for bit (the same pair count over the same denominator), `DF` the same within
    /// 1e-12 (compensated sums; tested). Reach has no removal reading and is evaluated per actor.
    /// - Complexity: `O(n m)` plus the repairs for the fragmentation objectives (`O(n² m)` before).
    static func singleValues(_ graph: Graph, objective: KeyPlayerObjective) throws -> [Double] {
        switch objective {
        case .fragmentation, .distanceWeightedFragmentation:
            let simple = graph.isDirected ? graph.undirected() : graph
            let effects: [NodeRemovalEffect]
            do { effects = try simple.nodeRemovalEffects(weighting: .unweighted) } catch {
                throw AnalysisError.measureFailed("key players", error)
            }
            return effects.map { objective == .fragmentation ? $0.fragmentation : $0.distanceWeightedFragmentation }
        case .reach:
            return (0..<graph.nodeCount).map { graph.keyPlayerValue([$0], objective: objective) }
        }
    }
}
