import NetworkAnalysis

/// Pair-level measures: link-prediction scores of non-adjacent pairs, columns of ``PairMetrics``.
extension MeasureCatalog {
    /// Link-prediction scores for every non-adjacent pair `u < v` of the undirected simple graph
    /// (weights ignored): Liben-Nowell & Kleinberg 2007, JASIST 58(7):1019–1031, doi:10.1002/asi.20591.
    static let pairMeasures: [MeasureDefinition] = [
        (LinkPredictor.commonNeighbors, "number of common neighbours |Γ(u) ∩ Γ(v)|"),
        (.jaccard, "Jaccard coefficient |Γ(u) ∩ Γ(v)| / |Γ(u) ∪ Γ(v)|"),
        (.adamicAdar, "Adamic & Adar 2003: Σ_{w ∈ Γ(u) ∩ Γ(v)} 1 / ln|Γ(w)|"),
        (.resourceAllocation, "Zhou, Lü & Zhang 2009: Σ_{w ∈ Γ(u) ∩ Γ(v)} 1 / |Γ(w)|"),
        (.preferentialAttachment, "preferential attachment |Γ(u)| · |Γ(v)|"),
    ].map { predictor, convention in
        MeasureDefinition(
            name: predictor.rawValue, level: .pair, convention: convention + " (non-adjacent pairs)",
            node: nil, network: nil, edge: nil, pair: predictor)
    }
}
