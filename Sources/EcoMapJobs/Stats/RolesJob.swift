import Ecosystem
import EcosystemAnalysis
import NetworkAnalysis

/// `stats roles`: structural equivalence and the positions it gives.
public enum RolesJob {
    /// Distances between every pair of actors' tie profiles
    /// (``NetworkAnalysis/Graph/structuralEquivalence(_:weighting:)``) and their average-linkage
    /// clustering into `positions` positions (``NetworkAnalysis/HierarchicalClustering``).
    ///
    /// - Parameters:
    ///   - model: the model.
    ///   - directed: keep relation direction (rows are ties sent, columns ties received).
    ///   - weighting: `.unweighted` for 0/1 ties, otherwise tie strengths.
    ///   - distance: Euclidean or correlation (clustered on `1 − r`).
    ///   - positions: how many positions, `1…actors`.
    /// - Returns: a row per actor: id, position, then the distance to every actor.
    /// - Throws: ``JobError`` when `positions` is out of range.
    public static func run(
        _ model: EcosystemModel, directed: Bool, weighting: EdgeWeighting, distance: EquivalenceDistance, positions: Int
    ) throws -> StatsReport {
        let n = model.actors.count
        guard positions >= 1, positions <= max(n, 1) else {
            throw JobError("\(positions) positions is not possible for \(n) actors; choose 1…\(n)")
        }
        let graph = EcosystemNetwork(model: model, directed: directed).simpleGraph
        let d = graph.structuralEquivalence(distance, weighting: weighting)
        let merges = HierarchicalClustering.averageLinkage(distance == .euclidean ? d : d.map { $0.map { 1 - $0 } })
        let position = HierarchicalClustering.positions(merges, n: n, k: positions)
        let ids = model.actors.map(\.id)
        let name = distance == .euclidean ? "Euclidean distance" : "correlation"
        return StatsReport(
            title: "Structural equivalence (\(name); Burt 1976, Wasserman & Faust 1994 §9.2), \(positions) positions by average linkage",
            facts: [("actors", .count(n)), ("distance", .text(distance.rawValue)), ("ties", .text(weighting == .unweighted ? "0/1" : "tie strengths")),
                    ("positions", .count(positions)),
                    ("merge_heights", .text(merges.map { NumberFormat.decimals($0.height, 4) }.joined(separator: " ")))],
            columns: ["id", "position"] + ids,
            rows: (0..<n).map { i in [.text(ids[i]), .count(position[i])] + d[i].map { .number($0) } })
    }
}
