import Ecosystem

/// Measures under uncertain ties: summary statistics over networks sampled from the model.
///
/// A relation with `confidence: p` exists with probability `p`, independently of the others
/// (relations without `confidence` are certain). Each of `N` samples keeps every uncertain
/// relation with its probability and computes the measures on the sampled model, exactly as
/// ``EcosystemAnalyzer/metrics(of:measures:options:)`` would on a model holding only the kept
/// relations. Per actor and node measure this gives the mean, the 5–95% interval and the
/// probability of ranking in the top `k`; per network measure the mean and interval.
/// This is the "probabilistic network" reading of tie uncertainty (sampling possible worlds;
/// e.g. Kollios, Potamias & Terzi 2013, IEEE TKDE 25(2):325–336,
/// doi:10.1109/TKDE.2011.243).
public struct UncertaintySummary: Sendable {
    /// Number of sampled networks.
    public let samples: Int
    /// The seed the samples were drawn from.
    public let seed: UInt64
    /// `k` of the top-`k` probabilities.
    public let topK: Int
    /// Relations with a confidence below 1 (those that may be left out of a sample).
    public let uncertainRelations: Int
    /// Actor ids, one per row (model order).
    public let nodeIDs: [String]
    /// Actor names, one per row.
    public let nodeNames: [String]
    /// Node-level measures, in the order asked for.
    public let measures: [String]
    /// `mean[j][i]`: mean of measure `j` for actor `i` over the samples where it is defined.
    public let mean: [[Double]]
    /// 5th percentile (linear interpolation between order statistics, Hyndman & Fan 1996
    /// type 7, as NumPy's and R's default).
    public let low: [[Double]]
    /// 95th percentile (same interpolation).
    public let high: [[Double]]
    /// `topProbability[j][i]`: share of samples in which actor `i` ranks within the top `k`
    /// by measure `j` (competition ranking: tied values share the best rank, so ties are
    /// counted in; an undefined value never ranks).
    public let topProbability: [[Double]]
    /// Network-level measures: mean and 5–95% interval over the samples where defined.
    public let network: [(name: String, mean: Double, low: Double, high: Double)]
    /// Per measure, the number of samples in which it was undefined (only measures with at
    /// least one such sample are listed).
    public let undefinedSamples: [(measure: String, count: Int)]
}
