import Ecosystem
import EcosystemAnalysis

/// `stats layers`: how much the relation layers of a multiplex model overlap.
public enum LayersJob {
    /// Every pair of relation types: the ties of each, the shared ties and their Jaccard index
    /// (``EcosystemAnalysis/RelationLayers/overlaps(_:directed:)``).
    /// - Parameters:
    ///   - model: the model.
    ///   - directed: ordered pairs (otherwise unordered).
    /// - Returns: the report, a row per pair of layers.
    public static func run(_ model: EcosystemModel, directed: Bool) -> StatsReport {
        let rows = RelationLayers.overlaps(model, directed: directed)
        return StatsReport(
            title: "Multiplex overlap of the relation layers: shared ties and Jaccard index |A ∩ B| / |A ∪ B|; \(directed ? "ordered pairs" : "unordered pairs")",
            facts: [("layers", .count(model.relationTypes.count)), ("pairs_of_layers", .count(rows.count)),
                    ("pairs_sharing_ties", .count(rows.filter { $0.shared > 0 }.count))],
            columns: ["layer_a", "layer_b", "ties_a", "ties_b", "shared", "jaccard"],
            rows: rows.map { [.text($0.first), .text($0.second), .count($0.firstTies), .count($0.secondTies), .count($0.shared), .number($0.jaccard)] })
    }
}
