import Foundation

/// Burt's structural-hole measures of every node, indexed by node. A node without contacts
/// (isolated, or tied only to itself) has NaN in every array: the measures describe the
/// contacts of ego and have no value when there are none.
public struct StructuralHoleMeasures: Sendable {
    /// Effective size: the number of contacts minus their redundancy.
    public var effectiveSize: [Double]
    /// Efficiency: effective size divided by the number of contacts `N` (in `(0, 1]`).
    public var efficiency: [Double]
    /// Aggregate constraint `C_i = Σ_j c_ij`.
    public var constraint: [Double]
    /// Hierarchy: how unevenly the constraint is concentrated on single contacts (in `[0, 1]`);
    /// NaN for fewer than two contacts.
    public var hierarchy: [Double]
}

extension Graph {
    /// Burt's structural-hole measures: effective size, efficiency, constraint and hierarchy.
    ///
    /// **Definitions** (Burt 1992, ch. 2; NetworkX 3.6 `effective_size` / `constraint`).
    /// The contacts `N(i)` of ego `i` are the nodes other than `i` tied to it in either
    /// direction by positive strength. The *mutual weight* is `z_ij + z_ji`, `z_ij` the summed
    /// strength of the edges `i → j` (for undirected graphs simply the summed strength of the
    /// edges between `i` and `j`; the factor 2 cancels). Then
    /// - proportional tie strength `p_ij = (z_ij + z_ji) / Σ_{k ∈ N(i)} (z_ik + z_ki)`;
    /// - marginal strength `m_jq = (z_jq + z_qj) / max_k (z_jk + z_kj)`;
    /// - **effective size** `ES_i = Σ_{j ∈ N(i)} (1 − Σ_{q ∈ N(i), q ≠ j} p_iq m_jq)`
    ///   (for unweighted undirected graphs this is Borgatti's `N − 2t/N`, `t` the ties among
    ///   the contacts; Borgatti 1997);
    /// - **efficiency** `ES_i / N`, `N = |N(i)|` the number of distinct contacts (Burt's
    ///   "observed size"; NetworkX's documentation divides by degree, which differs for
    ///   directed graphs, reciprocal arcs, multi-edges and self-loops);
    /// - **local (dyadic) constraint** `c_ij = (p_ij + Σ_{q ∈ N(i), q ≠ j} p_iq p_qj)²` and
    ///   **constraint** `C_i = Σ_{j ∈ N(i)} c_ij`;
    /// - **hierarchy** (Burt 1992, ch. 2; UCINET's definition, the Coleman–Theil disorder index
    ///   of the local constraints): `H_i = Σ_j r_ij ln r_ij / (N ln N)` with
    ///   `r_ij = c_ij / (C_i / N)`; 0 when all contacts constrain equally, 1 when one contact
    ///   holds all the constraint. With one contact there is no distribution to be uneven:
    ///   `H_i` is **NaN** (0/0).
    ///
    /// **Conventions.** Self-loops are ignored (ego is not its own contact; NetworkX would
    /// count a self-loop as a contact). Parallel edges add their strengths. Zero-strength edges
    /// are not ties. A node with no contacts gets NaN in every measure (not 0). Whole-network
    /// variant: a contact's ties to nodes outside ego's network count in `m_jq`'s maximum
    /// (as NetworkX and UCINET's "whole network" model).
    ///
    /// - Parameter weighting: `.strength` (default) / `.distance` use the weights as given,
    ///   `.unweighted` uses 1 per edge.
    /// - Returns: ``StructuralHoleMeasures`` with arrays of length `nodeCount`.
    /// - Throws: ``GraphError/invalidWeight(edge:value:reason:)`` for a negative or non-finite
    ///   strength.
    /// - Complexity: `O(Σ_i Σ_{q ∈ N(i)} |N(q)|)` time (at most `O(m · d_max)`), `O(n + m)` memory.
    ///
    /// References: Burt, R. S. (1992). *Structural Holes: The Social Structure of Competition*,
    /// Harvard University Press, ISBN 0-674-84371-1; Borgatti, S. P. (1997). "Structural holes:
    /// unpacking Burt's redundancy measures", Connections 20(1):35–38.
    public func structuralHoles(weighting: EdgeWeighting = .strength) throws(GraphError) -> StructuralHoleMeasures {
        let n = nodeCount
        let contacts = try mutualContacts(weighting: weighting)
        let offsets = contacts.offsets, nbr = contacts.neighbors, mutual = contacts.mutual
        // Row sums and row maxima of the mutual weights.
        var total = [Double](repeating: 0, count: n)
        var maximum = [Double](repeating: 0, count: n)
        for i in 0..<n {
            for k in offsets[i]..<offsets[i + 1] {
                total[i] += mutual[k]; maximum[i] = max(maximum[i], mutual[k])
            }
        }
        var result = StructuralHoleMeasures(
            effectiveSize: [Double](repeating: .nan, count: n),
            efficiency: [Double](repeating: .nan, count: n),
            constraint: [Double](repeating: .nan, count: n),
            hierarchy: [Double](repeating: .nan, count: n))
        // Dense scratch rows, valid where stamp == i: p_iq of ego i and the indirect sums.
        var stamp = [Int](repeating: -1, count: n)
        var pEgo = [Double](repeating: 0, count: n)
        var indirect = [Double](repeating: 0, count: n)
        var local: [Double] = []
        for i in 0..<n {
            let range = offsets[i]..<offsets[i + 1]
            let size = range.count
            guard size > 0 else { continue }
            for k in range {
                let j = Int(nbr[k])
                stamp[j] = i; pEgo[j] = mutual[k] / total[i]; indirect[j] = 0
            }
            var redundancy = 0.0
            for k in range {
                let q = Int(nbr[k])
                let piq = pEgo[q]
                for l in offsets[q]..<offsets[q + 1] {
                    let j = Int(nbr[l])
                    guard j != i, stamp[j] == i else { continue }
                    indirect[j] += piq * mutual[l] / total[q]        // p_iq · p_qj
                    redundancy += piq * mutual[l] / maximum[j]       // p_iq · m_jq
                }
            }
            local.removeAll(keepingCapacity: true)
            var c = 0.0
            for k in range {
                let j = Int(nbr[k])
                let cij = (pEgo[j] + indirect[j]) * (pEgo[j] + indirect[j])
                local.append(cij); c += cij
            }
            let effective = Double(size) - redundancy
            result.effectiveSize[i] = effective
            result.efficiency[i] = effective / Double(size)
            result.constraint[i] = c
            if size >= 2 {
                let mean = c / Double(size)
                var h = 0.0
                for cij in local where cij > 0 { let r = cij / mean; h += r * log(r) }
                result.hierarchy[i] = h / (Double(size) * log(Double(size)))
            }
        }
        return result
    }

    /// Burt's aggregate constraint per node, `C_i = Σ_j (p_ij + Σ_{q ≠ i,j} p_iq p_qj)²`; NaN for
    /// nodes without contacts. See ``structuralHoles(weighting:)`` for the full definition,
    /// conventions and complexity.
    ///
    /// - Parameter weighting: as in ``structuralHoles(weighting:)`` (default `.strength`).
    /// - Returns: `nodeCount` values (dimensionless; up to 1 for a single contact, above 1
    ///   possible with closely tied contacts).
    /// - Throws: ``GraphError/invalidWeight(edge:value:reason:)`` for a negative or non-finite strength.
    /// - Reference: Burt 1992, *Structural Holes*, Harvard University Press, ISBN 0-674-84371-1.
    public func constraint(weighting: EdgeWeighting = .strength) throws(GraphError) -> [Double] {
        try structuralHoles(weighting: weighting).constraint
    }

    /// Burt's effective size per node, `ES_i = Σ_j (1 − Σ_{q ≠ j} p_iq m_jq)`: the number of
    /// contacts minus their redundancy; NaN for nodes without contacts. See
    /// ``structuralHoles(weighting:)`` for the full definition, conventions and complexity.
    ///
    /// - Parameter weighting: as in ``structuralHoles(weighting:)`` (default `.strength`).
    /// - Returns: `nodeCount` values in `[1, N]` for a node with `N` contacts (a count of contacts).
    /// - Throws: ``GraphError/invalidWeight(edge:value:reason:)`` for a negative or non-finite strength.
    /// - References: Burt 1992, *Structural Holes*, Harvard University Press, ISBN
    ///   0-674-84371-1; Borgatti 1997, Connections 20(1):35–38.
    public func effectiveSize(weighting: EdgeWeighting = .strength) throws(GraphError) -> [Double] {
        try structuralHoles(weighting: weighting).effectiveSize
    }

    /// Distinct contacts of every node (ties in either direction, self-loops and zero strength
    /// left out) with their mutual weight `z_ij + z_ji`, as CSR lists in order of first appearance.
    func mutualContacts(weighting: EdgeWeighting) throws(GraphError)
        -> (offsets: [Int], neighbors: [Int32], mutual: [Double])
    {
        let n = nodeCount
        let strengths = weighting.strengths(of: self)
        for e in 0..<edgeCount where !(strengths[e].isFinite && strengths[e] >= 0) {
            throw .invalidWeight(edge: e, value: strengths[e], reason: "structural holes need nonnegative finite strengths")
        }
        var offsets = [Int](repeating: 0, count: n + 1)
        var neighbors: [Int32] = []
        var mutual: [Double] = []
        var stamp = [Int](repeating: -1, count: n)
        var slot = [Int](repeating: 0, count: n)
        for i in 0..<n {
            func add(_ j: Int, _ w: Double) {
                guard j != i, w > 0 else { return }
                if stamp[j] == i { mutual[slot[j]] += w; return }
                stamp[j] = i; slot[j] = neighbors.count
                neighbors.append(Int32(j)); mutual.append(w)
            }
            for k in outRange(of: i) { add(Int(outNeighbors[k]), strengths[Int(outEdgeIDs[k])]) }
            if isDirected {
                for k in inRange(of: i) { add(Int(inNeighbors[k]), strengths[Int(inEdgeIDs[k])]) }
            }
            offsets[i + 1] = neighbors.count
        }
        return (offsets, neighbors, mutual)
    }
}
