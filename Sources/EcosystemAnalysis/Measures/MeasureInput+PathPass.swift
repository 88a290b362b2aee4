import NetworkAnalysis

/// The all-source path measures of a run from one pass of single-source searches
/// (``NetworkAnalysis/Graph/shortestPathMeasures(_:weighting:direction:threads:)``) when the
/// run asks for two or more of betweenness, closeness, harmonic centrality and the path
/// statistics; each measure alone calls its own function. The values are the same bit for bit
/// either way.
extension MeasureInput {
    /// What the pass computes for these measure names: `[]` when fewer than two of its
    /// measures are asked for (then each measure runs its own searches). When `foldsLeaves`
    /// (an undirected graph with many degree-1 actors, ``foldsLeaves(_:)``) betweenness is
    /// left to ``NetworkAnalysis/Graph/betweenness(weighting:normalized:endpoints:threads:)``,
    /// whose folding of leaves and splitting at cut points is faster there than sharing the
    /// searches. The pass's betweenness is the plain Brandes algorithm's, which agrees with the
    /// shattered one within 1e-12 (not bit for bit).
    /// - Parameters:
    ///   - names: the run's measure names.
    ///   - foldsLeaves: whether betweenness is faster on its own.
    /// - Returns: the measures the pass serves.
    /// - Complexity: `O(names)`.
    static func pathPassMeasures(for names: [String], foldsLeaves: Bool = false) -> PathMeasureSet {
        var set: PathMeasureSet = []
        for name in names {
            switch name {
            case "betweenness", "betweenness_centralization": set.insert(.betweenness)
            case "closeness", "closeness_centralization": set.insert(.closeness)
            case "harmonic": set.insert(.harmonic)
            case "diameter", "average_path_length", "global_efficiency", "fragmentation", "distance_weighted_fragmentation":
                set.insert(.statistics)
            default: break
            }
        }
        if foldsLeaves { set.remove(.betweenness) }
        return [PathMeasureSet.betweenness, .closeness, .harmonic, .statistics].filter(set.contains).count >= 2 ? set : []
    }

    /// Whether `graph` is undirected with at least a tenth of its nodes of degree 1, where
    /// the shattering betweenness beats the shared pass.
    /// - Complexity: `O(n + m)`.
    static func foldsLeaves(_ graph: Graph) -> Bool {
        guard !graph.isDirected, graph.nodeCount > 0 else { return false }
        return 10 * graph.degrees().filter { $0 == 1 }.count >= graph.nodeCount
    }

    /// The one pass, computed at most once per run; `nil` when the run does not use it.
    func pathPass() throws -> ShortestPathMeasures? {
        guard !passMeasures.isEmpty else { return nil }
        return try shared.value("pathPass") {
            try graph.shortestPathMeasures(
                passMeasures, weighting: options.weighting, direction: options.pathDirection, threads: options.threads)
        }
    }

    /// Betweenness without endpoints, from the pass when there is one.
    func betweenness(normalized: Bool) throws -> [Double] {
        if let values = try pathPass()?.betweenness(normalized: normalized) { return values }
        return try graph.betweenness(weighting: options.weighting, normalized: normalized, endpoints: false, threads: options.threads)
    }

    /// Closeness, from the pass when there is one.
    func closeness() throws -> [Double] {
        if let values = try pathPass()?.closeness { return values }
        return try graph.closeness(weighting: options.weighting, direction: options.pathDirection, threads: options.threads)
    }

    /// Harmonic centrality, from the pass when there is one.
    func harmonic() throws -> [Double] {
        if let values = try pathPass()?.harmonic { return values }
        return try graph.harmonicCentrality(weighting: options.weighting, direction: options.pathDirection, threads: options.threads)
    }

    /// Freeman's betweenness centralization, as ``NetworkAnalysis/Graph/betweennessCentralization(weighting:threads:)``
    /// (NaN below 3 nodes), on the pass's betweenness when there is one.
    func betweennessCentralization() throws -> Double {
        guard try pathPass()?.dependencySums != nil else {
            return try graph.betweennessCentralization(weighting: options.weighting, threads: options.threads)
        }
        let n = graph.nodeCount
        guard n >= 3 else { return .nan }
        return Centralization.freeman(try betweenness(normalized: true), maximum: Double(n - 1))
    }

    /// Freeman's closeness centralization, as ``NetworkAnalysis/Graph/closenessCentralization(weighting:direction:threads:)``
    /// (NaN below 3 nodes; maximum `n − 1` directed, `(n − 1)(n − 2)/(2n − 3)` undirected), on
    /// the pass's closeness when there is one.
    func closenessCentralization() throws -> Double {
        guard try pathPass()?.closeness != nil else {
            return try graph.closenessCentralization(weighting: options.weighting, direction: options.pathDirection, threads: options.threads)
        }
        let n = graph.nodeCount
        guard n >= 3 else { return .nan }
        let nn = Double(n)
        return Centralization.freeman(
            try closeness(), maximum: graph.isDirected ? nn - 1 : (nn - 1) * (nn - 2) / (2 * nn - 3))
    }
}
