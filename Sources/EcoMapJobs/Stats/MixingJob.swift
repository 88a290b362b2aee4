import Ecosystem
import EcosystemAnalysis
import NetworkAnalysis

/// `stats mixing`: are ties more or less often within groups than chance?
public enum MixingJob {
    /// Permutation tests of the E-I index (network and per group) and of attribute
    /// assortativity (``NetworkAnalysis/Graph/groupMixingTests(groups:permutations:seed:exact:)``)
    /// for the groups of `attribute`.
    /// - Parameters:
    ///   - model: the model.
    ///   - directed: keep relation direction (assortativity then counts arcs tail → head).
    ///   - attribute: `type`, `place` or a free actor attribute.
    ///   - permutations: random relabellings.
    ///   - seed: their seed.
    ///   - exact: enumerate all n! relabellings (at most 10 actors).
    /// - Returns: a row per statistic: its value, the permuted mean, both p-values.
    ///   - monitor: progress and stopping.
    /// - Throws: ``EcosystemAnalysis/AnalysisError/measureFailed(_:_:)``;
    ///   ``NetworkAnalysis/GraphError/stopped(algorithm:done:total:)``.
    public static func run(
        _ model: EcosystemModel, directed: Bool, attribute: String, permutations: Int, seed: UInt64, exact: Bool,
        monitor: WorkMonitor = .none
    ) throws -> StatsReport {
        let grouped = try model.groups(byAttributeNamed: attribute)
        let groups = grouped.index
        let graph = EcosystemNetwork(model: model, directed: directed).simpleGraph
        let t: GroupMixingTests
        do throws(GraphError) {
            t = try graph.groupMixingTests(groups: groups, permutations: permutations, seed: seed, exact: exact, monitor: monitor)
        } catch {
            if case .stopped = error { throw error }
            throw AnalysisError.measureFailed("group mixing tests", error)
        }
        // Group k is the k-th distinct value in actor order (ActorGroups numbers them so).
        let names = Dictionary(uniqueKeysWithValues: grouped.values.enumerated().map { ($0.offset, $0.element) })
        func row(_ name: String, _ test: PermutationTest) -> [StatsValue] {
            [.text(name), .number(test.statistic), .number(test.permutedMean), .number(test.pGreaterOrEqual), .number(test.pLessOrEqual)]
        }
        return StatsReport(
            title: "Group mixing by \(attribute): E-I index (Krackhardt & Stern 1988) and attribute assortativity (Newman 2003), node-relabelling permutation test",
            facts: [("groups", .count(t.groupLabels.count)), ("permutations", .count(t.eiNetwork.permutations)),
                    ("exact", .text(exact ? "yes (every permutation)" : "no")), ("seed", .text(t.eiNetwork.seed.map(String.init) ?? "none (exact)"))],
            columns: ["statistic", "value", "permuted_mean", "p_greater_or_equal", "p_less_or_equal"],
            rows: [row("ei_index_network", t.eiNetwork)]
                + zip(t.groupLabels, t.eiPerGroup).map { row("ei_index \(names[$0] ?? String($0))", $1) }
                + [row("attribute_assortativity", t.assortativity)])
    }
}
