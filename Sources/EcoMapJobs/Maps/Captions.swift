import EcosystemAnalysis
import NetworkAnalysis

/// The words under a map and in the methods, built once for every job.
public enum Captions {
    /// How the analysis read the ties, in a few words: "undirected, path length 1/strength".
    /// - Parameter options: the analysis options.
    /// - Returns: direction and weighting as a caption fragment.
    public static func reading(_ options: AnalysisOptions) -> String {
        let weighting: String
        switch options.weighting {
        case .strength: weighting = "path length 1/strength"
        case .distance: weighting = "weights as lengths"
        case .unweighted: weighting = "weights ignored"
        }
        return "\(options.directed ? "directed" : "undirected"), \(weighting)"
    }

    /// "Node size: betweenness (undirected, path length 1/strength)." or "" for equal sizes.
    /// - Parameters:
    ///   - measure: the node-size measure, or `nil`.
    ///   - options: the analysis options the sizes come from.
    /// - Returns: the caption.
    public static func nodeSize(_ measure: String?, options: AnalysisOptions) -> String {
        guard let measure else { return "" }
        return "Node size: \(measure) (\(reading(options)))."
    }

    /// The methods sentence on weights, with its reference.
    /// - Parameter weighting: how weights were read.
    /// - Returns: one sentence.
    public static func weighting(_ weighting: EdgeWeighting) -> String {
        switch weighting {
        case .strength: return "Weights are tie strengths; path-based measures use path length 1/strength (Opsahl, Agneessens & Skvoretz 2010, Social Networks 32(3), doi:10.1016/j.socnet.2010.03.006)."
        case .distance: return "Weights are read as path lengths (distances)."
        case .unweighted: return "Weights are ignored: every tie has strength 1 and length 1."
        }
    }
}
