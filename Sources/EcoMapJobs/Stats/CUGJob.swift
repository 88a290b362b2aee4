import Ecosystem
import EcosystemAnalysis
import NetworkAnalysis

/// `stats cug`: conditional uniform graph tests of the network-level indices.
public enum CUGJob {
    /// The indices tested, by name: density, transitivity, reciprocity (directed runs), and the
    /// Freeman degree, betweenness and closeness centralizations (unweighted: the random graphs
    /// have no weights).
    static func statistics(directed: Bool) -> [(String, (Graph) -> Double)] {
        var list: [(String, (Graph) -> Double)] = [
            ("density", { $0.density() }),
            ("transitivity", { $0.transitivity() }),
        ]
        if directed { list.append(("reciprocity", { (try? $0.reciprocity()) ?? .nan })) }
        list += [
            ("degree_centralization", { (try? $0.degreeCentralization()) ?? .nan }),
            ("betweenness_centralization", { (try? $0.betweennessCentralization(weighting: .unweighted, threads: 1)) ?? .nan }),
            ("closeness_centralization", { (try? $0.closenessCentralization(weighting: .unweighted, threads: 1)) ?? .nan }),
        ]
        return list
    }

    /// A CUG test of every index (``NetworkAnalysis/Graph/cugTest(condition:draws:seed:monitor:statistic:)``),
    /// each with its own stream of `draws` graphs from `seed`.
    /// - Parameters:
    ///   - model: the model.
    ///   - directed: keep relation direction.
    ///   - condition: size, or size and number of ties.
    ///   - draws: random graphs per index.
    ///   - seed: their seed.
    ///   - monitor: progress (draws done over all indices) and stopping.
    /// - Returns: a row per index: observed value, mean over the draws, both p-values.
    /// - Throws: ``NetworkAnalysis/GraphError/stopped(algorithm:done:total:)`` when the monitor stops it.
    public static func run(
        _ model: EcosystemModel, directed: Bool, condition: CUGCondition, draws: Int, seed: UInt64, monitor: WorkMonitor = .none
    ) throws -> StatsReport {
        let graph = EcosystemNetwork(model: model, directed: directed).simpleGraph
        let list = statistics(directed: directed)
        var rows: [[StatsValue]] = []
        for (index, (name, f)) in list.enumerated() {
            // Progress over every index's draws together.
            var part = WorkMonitor(shouldStop: monitor.shouldStop)
            if let report = monitor.progress {
                let offset = index * draws, total = list.count * draws
                part.progress = { done, _ in report(offset + done, total) }
            }
            let t = try graph.cugTest(condition: condition, draws: draws, seed: seed, monitor: part, statistic: f)
            rows.append([.text(name), .number(t.statistic), .number(t.permutedMean), .number(t.pGreaterOrEqual), .number(t.pLessOrEqual)])
        }
        return StatsReport(
            title: "Conditional uniform graph tests (Anderson, Butts & Carley 1999), conditioned on \(conditionWords(condition)); ties unweighted",
            facts: [("condition", .text(condition.rawValue)), ("nodes", .count(graph.nodeCount)), ("ties", .count(graph.edgeCount)),
                    ("draws", .count(draws)), ("seed", .text(String(seed)))],
            columns: ["statistic", "value", "random_mean", "p_greater_or_equal", "p_less_or_equal"], rows: rows)
    }

    static func conditionWords(_ condition: CUGCondition) -> String {
        switch condition {
        case .size: return "size"
        case .edges: return "size and number of ties"
        case .degrees: return "the degree sequence (edge swaps, Maslov & Sneppen 2002)"
        }
    }
}
