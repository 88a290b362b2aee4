import Ecosystem
import EcosystemAnalysis
import Foundation
import NetworkAnalysis

/// `stats communities`: how stable the Leiden or Louvain communities are over seeds and over
/// the uncertainty samples.
public enum CommunityStabilityJob {
    /// The community method.
    public enum Method: String, Sendable, CaseIterable {
        case leiden, louvain
    }

    /// Below this mean adjusted Rand index between runs, the report says the communities are
    /// unstable.
    public static let stableAdjustedRand = 0.8
    /// An actor whose share of runs in its consensus community is below this is named unstable.
    public static let stableShare = 0.7

    /// Runs the method `runs` times and summarizes the partitions (``NetworkAnalysis/CommunityStability``).
    ///
    /// Run `r` uses the seed ``EcosystemAnalysis/UncertaintyAnalysis/sampleSeed(_:sample:)``
    /// `(seed, r)`. With `sampled`, run `r` is also on uncertainty sample `r` (each relation
    /// kept with its confidence, ``EcosystemAnalysis/UncertaintyAnalysis/keptRelations(of:seed:sample:)``,
    /// the same networks as `analyze --samples`); otherwise every run is on the whole network.
    /// The consensus partition is the same method (seed `seed`) on the co-membership network
    /// (pairs together in at least half of the runs, weighted by their share).
    /// - Parameters:
    ///   - model: the model.
    ///   - method: leiden or louvain.
    ///   - runs: number of runs, at least 1.
    ///   - sampled: vary the ties as well as the seed.
    ///   - directed, weighting, resolution: as for the measures.
    ///   - seed: the seed.
    ///   - matrix: give the co-membership matrix as the table instead of the per-actor rows.
    ///   - monitor: progress (runs done) and stopping.
    /// - Returns: the report.
    /// - Throws: ``NetworkAnalysis/GraphError`` from the method, or when stopped.
    public static func run(
        _ model: EcosystemModel, method: Method, runs: Int, sampled: Bool, directed: Bool, weighting: EdgeWeighting,
        resolution: Double, seed: UInt64, matrix: Bool = false, monitor: WorkMonitor = .none
    ) throws -> StatsReport {
        precondition(runs >= 1, "at least one run")
        func detect(_ graph: Graph, seed: UInt64) throws -> [Int] {
            switch method {
            case .leiden: return try graph.leiden(seed: seed, resolution: resolution, weighting: weighting).membership
            case .louvain: return try graph.louvain(seed: seed, resolution: resolution, weighting: weighting).membership
            }
        }
        let whole = EcosystemNetwork(model: model, directed: directed).graph
        var memberships: [[Int]] = []
        for r in 0..<runs {
            var graph = whole
            if sampled {
                var sample = model
                sample.relations = zip(model.relations, UncertaintyAnalysis.keptRelations(of: model, seed: seed, sample: r)).filter(\.1).map(\.0)
                graph = EcosystemNetwork(model: sample, directed: directed).graph
            }
            memberships.append(try detect(graph, seed: UncertaintyAnalysis.sampleSeed(seed, sample: r)))
            if monitor.checkpoint(r + 1, of: runs) && r + 1 < runs {
                throw GraphError.stopped(algorithm: "community stability", done: r + 1, total: runs)
            }
        }
        let co = CommunityStability.coMembership(of: memberships)
        let network = CommunityStability.consensusGraph(co)
        let consensus = method == .leiden ? try network.leiden(seed: seed, weighting: .strength).membership
                                          : try network.louvain(seed: seed, weighting: .strength).membership
        let s = CommunityStability(runs: memberships, consensus: consensus)
        let unstable = model.actors.indices.filter { s.modalShare[$0] < stableShare }
        let stable = s.meanAdjustedRand >= stableAdjustedRand && unstable.isEmpty
        let share = NumberFormat.decimals(s.meanAdjustedRand, 2)
        let finding: String
        if model.relations.isEmpty || model.actors.count < 3 {
            // Every run trivially agrees: each actor alone (no ties), or too few actors to split.
            finding = model.relations.isEmpty
                ? "The model has no ties, so every actor is its own community in every run: there is no community structure to test."
                : "With \(model.actors.count) actor\(model.actors.count == 1 ? "" : "s") there is no community structure to test."
        } else if runs == 1 {
            finding = "One run says nothing about stability; use more runs."
        } else if stable {
            finding = "The communities come out nearly the same in every run (mean adjusted Rand index \(share); 1 = identical): they can be read as they are."
        } else {
            let names = unstable.prefix(5).map { model.actors[$0].name }.joined(separator: ", ")
            finding = "The communities change from run to run (mean adjusted Rand index \(share); 1 = identical)"
                + (unstable.isEmpty ? "" : "; \(unstable.count) actor\(unstable.count == 1 ? "" : "s") sit in their community in fewer than \(Int(stableShare * 100))% of the runs (\(names)\(unstable.count > 5 ? ", …" : ""))")
                + ": read the communities as tentative."
        }
        let facts: [(name: String, value: StatsValue)] = [
            ("finding", .text(finding)), ("method", .text(method.rawValue)), ("runs", .count(runs)),
            ("varied", .text(sampled ? "seed and sampled ties (confidence)" : "seed")),
            ("seed", .text(String(seed))), ("resolution", .number(resolution)),
            ("consensus_communities", .count(Set(s.consensus).count)),
            ("mean_adjusted_rand", .number(s.meanAdjustedRand)), ("min_adjusted_rand", .number(s.minimumAdjustedRand)),
            ("mean_nmi", .number(s.meanNMI)), ("min_nmi", .number(s.minimumNMI)),
            ("unstable_actors", .count(unstable.count)),
        ]
        let title = "Community stability (\(method.rawValue), \(runs) runs): co-membership, consensus (Lancichinetti & Fortunato 2012), adjusted Rand index and NMI between runs"
        if matrix {
            return StatsReport(title: title + "; the co-membership matrix", facts: facts, columns: ["actor"] + model.actors.map(\.id),
                               rows: model.actors.indices.map { i in [.text(model.actors[i].id)] + s.coMembership[i].map { .number($0) } })
        }
        return StatsReport(
            title: title, facts: facts, columns: ["actor", "name", "consensus_community", "modal_share", "stable"],
            rows: model.actors.indices.map { i in
                [.text(model.actors[i].id), .text(model.actors[i].name), .count(s.consensus[i] + 1), .number(s.modalShare[i]),
                 .text(s.modalShare[i] >= stableShare ? "yes" : "no")]
            })
    }
}
