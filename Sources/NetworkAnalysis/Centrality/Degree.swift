/// Which arcs a degree-type measure counts at a node of a directed graph (igraph's `mode`).
///
/// For undirected graphs every case means the same: the edges at the node.
public enum DegreeMode: String, Sendable, CaseIterable, Codable {
    /// Arcs leaving the node (NetworkX `out_degree`).
    case outgoing = "out"
    /// Arcs entering the node (NetworkX `in_degree`).
    case incoming = "in"
    /// Both: in-degree + out-degree (NetworkX `degree` on a `DiGraph`).
    case all
}

extension Graph {
    /// Degree of every node: the number of edge ends at the node.
    ///
    /// Definition: `deg(v) = |{edge ends at v}|`. Undirected: `deg(v)` counts each incident edge
    /// once and a self-loop **twice**. Directed: `.outgoing` counts arcs `v→·`, `.incoming` arcs
    /// `·→v`, `.all` their sum, so a self-loop `v→v` adds 1 to each and 2 to `.all`.
    /// Parallel edges count once each. This is NetworkX's `G.degree` / `in_degree` /
    /// `out_degree` and igraph's `degree(loops=True)`.
    ///
    /// - Parameter mode: which arcs to count on a directed graph (ignored when undirected).
    /// - Returns: `n` degrees, indexed by node.
    /// - Complexity: `O(n)`.
    /// - Reference: Wasserman & Faust 1994, *Social Network Analysis*, Cambridge UP, §4.3,
    ///   doi:10.1017/CBO9780511815478.
    public func degrees(mode: DegreeMode = .all) -> [Int] {
        var result = [Int](repeating: 0, count: nodeCount)
        for v in 0..<nodeCount {
            if !isDirected {
                result[v] = outDegree(v)
            } else {
                switch mode {
                case .outgoing: result[v] = outDegree(v)
                case .incoming: result[v] = inDegree(v)
                case .all: result[v] = outDegree(v) + inDegree(v)
                }
            }
        }
        return result
    }

    /// Strength (weighted degree) of every node: the sum of the weights of the edge ends at it.
    ///
    /// Definition: `s(v) = Σ_{edge ends at v} w(e)` (Barrat et al. 2004, "The architecture of
    /// complex weighted networks", PNAS 101(11):3747–3752, doi:10.1073/pnas.0400087101).
    /// Same counting as ``degrees(mode:)``: an undirected self-loop adds its weight twice, a
    /// directed one once to in- and once to out-strength; parallel edges add each weight.
    /// This is NetworkX's `G.degree(weight="weight")` and igraph's `strength(loops=True)`.
    ///
    /// - Parameters:
    ///   - mode: which arcs to count on a directed graph (ignored when undirected).
    ///   - weighting: how to read weights; `.unweighted` gives the degree as a `Double`,
    ///     `.strength` and `.distance` both sum the weights as given (see ``EdgeWeighting``).
    /// - Returns: `n` strengths, indexed by node, in the unit of the weights.
    /// - Complexity: `O(n + m)`.
    public func strengths(mode: DegreeMode = .all, weighting: EdgeWeighting = .strength) -> [Double] {
        let w = weighting.strengths(of: self)
        var result = [Double](repeating: 0, count: nodeCount)
        let countOut = !isDirected || mode != .incoming
        let countIn = isDirected && mode != .outgoing
        for v in 0..<nodeCount {
            var s = 0.0
            if countOut { for i in outRange(of: v) { s += w[Int(outEdgeIDs[i])] } }
            if countIn { for i in inRange(of: v) { s += w[Int(inEdgeIDs[i])] } }
            result[v] = s
        }
        return result
    }

    /// Degree centrality: the degree divided by the largest degree a node of a simple graph
    /// can have.
    ///
    /// Definition: `C_D(v) = deg(v) / (n − 1)` with `deg` from ``degrees(mode:)``. For a
    /// directed graph and `mode: .all` this is `(in + out) / (n − 1)`, which can reach 2, as
    /// NetworkX's `degree_centrality`; `.incoming`/`.outgoing` give NetworkX's
    /// `in_degree_centrality`/`out_degree_centrality`. Self-loops and parallel edges count as
    /// in ``degrees(mode:)`` (values can then exceed the simple-graph maximum; hand a
    /// ``simplified(combine:dropSelfLoops:mergeReciprocal:)`` graph to avoid that).
    /// When `n ≤ 1` every node gets 1, as NetworkX.
    ///
    /// - Parameter mode: which arcs to count on a directed graph (ignored when undirected).
    /// - Returns: `n` values, indexed by node (dimensionless).
    /// - Complexity: `O(n)`.
    /// - Reference: Freeman 1979, "Centrality in social networks: conceptual clarification",
    ///   Social Networks 1(3):215–239, doi:10.1016/0378-8733(78)90021-7.
    public func degreeCentrality(mode: DegreeMode = .all) -> [Double] {
        if nodeCount <= 1 { return [Double](repeating: 1, count: nodeCount) }
        let scale = 1 / Double(nodeCount - 1)
        return degrees(mode: mode).map { Double($0) * scale }
    }

    /// Density: the number of edges over the number of node pairs (ordered pairs when directed).
    ///
    /// Definition: undirected `2m / (n(n − 1))`, directed `m / (n(n − 1))`, with `m` =
    /// ``edgeCount``; `0` when `n ≤ 1` or `m = 0`. As NetworkX's `density`, every stored edge
    /// counts, **including self-loops and parallel edges**, so a multigraph can exceed 1; call
    /// it on a ``simplified(combine:dropSelfLoops:mergeReciprocal:)`` graph for the density of
    /// the simple graph (igraph's `density(loops=False)` on a simple graph is the same).
    ///
    /// - Returns: a value in `[0, 1]` for simple graphs.
    /// - Complexity: `O(1)`.
    /// - Reference: Wasserman & Faust 1994, *Social Network Analysis*, Cambridge UP, §4.2,
    ///   doi:10.1017/CBO9780511815478.
    public func density() -> Double {
        let n = Double(nodeCount), m = Double(edgeCount)
        if nodeCount <= 1 || edgeCount == 0 { return 0 }
        return isDirected ? m / (n * (n - 1)) : 2 * m / (n * (n - 1))
    }

    /// Overall reciprocity of a directed graph: the share of arcs whose reverse arc exists.
    ///
    /// Definition (NetworkX `overall_reciprocity`): with `A` the set of distinct arcs
    /// (parallel arcs counted once, as NetworkX's `DiGraph` stores them), `r = |{(u,v) ∈ A :
    /// u ≠ v, (v,u) ∈ A}| / |A|`. A self-loop is in `A` (it counts in the denominator) but is
    /// never reciprocated. igraph's default (`ignore_loops=True`) leaves loops out of the
    /// denominator too, so the two differ on graphs with loops; we follow NetworkX.
    /// An undirected graph has reciprocity 1 (every tie is mutual), as igraph.
    ///
    /// - Returns: a value in `[0, 1]`.
    /// - Throws: ``GraphError/undefined(algorithm:reason:)`` when the graph has no edges
    ///   (NetworkX raises too).
    /// - Complexity: `O(n + m)` (adjacency lists are sorted, so reverse arcs are found by a
    ///   merge of each node's out- and in-list).
    /// - Reference: Garlaschelli & Loffredo 2004, "Patterns of link reciprocity in directed
    ///   networks", Phys. Rev. Lett. 93:268701, doi:10.1103/PhysRevLett.93.268701.
    public func reciprocity() throws(GraphError) -> Double {
        guard edgeCount > 0 else {
            throw .undefined(algorithm: "reciprocity", reason: "the graph has no edges")
        }
        guard isDirected else { return 1 }
        var arcs = 0, mutual = 0
        for v in 0..<nodeCount {
            // Distinct out-neighbours of v, merged against distinct in-neighbours of v.
            let outR = outRange(of: v), inR = inRange(of: v)
            var i = outR.lowerBound, j = inR.lowerBound
            var last: Int32 = -1
            while i < outR.upperBound {
                let t = outNeighbors[i]
                i += 1
                if t == last { continue }
                last = t
                arcs += 1
                if Int(t) == v { continue }
                while j < inR.upperBound && inNeighbors[j] < t { j += 1 }
                if j < inR.upperBound && inNeighbors[j] == t { mutual += 1 }
            }
        }
        return Double(mutual) / Double(arcs)
    }

    /// Freeman's degree centralization: how far the degree distribution is from the most
    /// centralized graph of the same size (a star).
    ///
    /// Definition: `C = Σ_v (d* − d(v)) / ((n − 1)(n − 2))` with `d` the degrees from
    /// ``degrees(mode:)`` and `d* = max_v d(v)`; equivalently `Σ_v (c* − c(v)) / (n − 2)` on
    /// the normalized degree centralities `c = d / (n − 1)`. The denominator is the value of
    /// the numerator for a star on `n` nodes, so a star scores 1 and a regular graph 0.
    /// For a directed graph the denominator is the numerator's value for the most centralized
    /// simple digraph, as igraph's `centralization_degree_tmax(loops=False)`: `(n − 1)²` for
    /// `.incoming` / `.outgoing` (the in- or out-star) and `2(n − 1)(n − 2)` for `.all`.
    /// Self-loops and parallel edges count as in ``degrees(mode:)``; the value is meant for
    /// simple graphs (``simplified(combine:dropSelfLoops:mergeReciprocal:)``).
    ///
    /// - Parameter mode: which arcs to count on a directed graph (ignored when undirected).
    /// - Returns: a value in `[0, 1]` for simple graphs.
    /// - Throws: ``GraphError/undefined(algorithm:reason:)`` when the maximum is 0
    ///   (`n < 3`; directed `.incoming`/`.outgoing`: `n < 2`).
    /// - Complexity: `O(n)`.
    /// - Reference: Freeman 1979, "Centrality in social networks: conceptual clarification",
    ///   Social Networks 1(3):215–239, doi:10.1016/0378-8733(78)90021-7.
    public func degreeCentralization(mode: DegreeMode = .all) throws(GraphError) -> Double {
        let n = nodeCount
        let nn = Double(n)
        let denominator: Double
        if !isDirected {
            denominator = (nn - 1) * (nn - 2)
        } else if mode == .all {
            denominator = 2 * (nn - 1) * (nn - 2)
        } else {
            denominator = (nn - 1) * (nn - 1)
        }
        guard denominator > 0 else {
            throw .undefined(algorithm: "degree centralization", reason: "the graph has \(n) nodes; the star maximum is 0")
        }
        let d = degrees(mode: mode)
        let top = d.max() ?? 0
        var sum = 0
        for x in d { sum += top - x }
        return Double(sum) / denominator
    }
}
