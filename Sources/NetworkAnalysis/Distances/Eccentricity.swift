extension Graph {
    /// Eccentricity of every node: the longest shortest path from it to a node it reaches.
    ///
    ///     ecc(v) = max_{u reachable from v} d(v, u)
    ///
    /// Conventions: directed graphs follow arcs out of `v` (NetworkX `eccentricity` on a
    /// `DiGraph`, igraph `mode="out"`). Unreachable nodes are left out, igraph's convention
    /// (NetworkX refuses graphs that are not (strongly) connected; on those that are, the two
    /// agree); a node that reaches nobody has eccentricity 0. Self-loops never shorten a path;
    /// parallel edges act as one edge of their shortest length.
    ///
    /// - Parameters:
    ///   - weighting: how weights become lengths; default `.strength` (length `1 / w`).
    ///   - threads: at most this many threads; results do not depend on it.
    /// - Returns: `n` values indexed by node.
    /// - Throws: ``GraphError/invalidWeight(edge:value:reason:)`` when a weight has no length.
    /// - Complexity: `O(n m)` unweighted, `O(n (n + m) log n)` weighted.
    ///
    /// Reference: F. Harary (1969), *Graph Theory*, Addison-Wesley, ch. 2; F. Buckley & F.
    /// Harary (1990), *Distance in Graphs*, Addison-Wesley (radius, centre);
    /// G. Csárdi & T. Nepusz (2006), InterJournal Complex Systems 1695 (the unreachable-node
    /// convention).
    public func eccentricities(weighting: EdgeWeighting = .strength, threads: Int? = nil) throws(GraphError) -> [Double] {
        try SourceSummaries(graph: self, weighting: weighting, direction: .outgoing, threads: threads).eccentricity
    }

    /// Radius (the smallest eccentricity) and centre (the nodes whose eccentricity is the
    /// radius) of the graph, from ``eccentricities(weighting:threads:)``.
    ///
    ///     rad(G) = min_v ecc(v),   centre(G) = { v : ecc(v) = rad(G) }
    ///
    /// Eccentricities equal within a relative 1e-10 count as equal (the path-length tolerance
    /// of ``PathLength``). On a disconnected graph an isolated node has eccentricity 0,
    /// so the radius is 0 (igraph's `radius`); NetworkX refuses such graphs.
    ///
    /// - Parameters: as ``eccentricities(weighting:threads:)``.
    /// - Returns: the radius (NaN for the empty graph) and the centre's node indices, ascending.
    /// - Throws: ``GraphError/invalidWeight(edge:value:reason:)`` when a weight has no length.
    /// - Complexity: that of ``eccentricities(weighting:threads:)``.
    ///
    /// Reference: Buckley & Harary (1990), *Distance in Graphs*, Addison-Wesley; NetworkX
    /// `radius` and `center`.
    public func radiusAndCenter(weighting: EdgeWeighting = .strength, threads: Int? = nil) throws(GraphError) -> (radius: Double, center: [Int]) {
        let ecc = try eccentricities(weighting: weighting, threads: threads)
        guard let r = ecc.min() else { return (.nan, []) }
        let center = ecc.indices.filter { PathLength.equal(ecc[$0], r) }
        return (r, center)
    }
}
