/// A partition of the nodes into communities, as found by ``Graph/louvain(seed:resolution:weighting:)``
/// or ``Graph/leiden(seed:resolution:randomness:iterations:initial:weighting:)``.
public struct CommunityPartition: Sendable, Equatable {
    /// Community of each node, indexed by node: `0 ..< communityCount`, numbered in order of
    /// each community's smallest node (node 0 is always in community 0).
    public let membership: [Int]
    /// Number of communities `k`.
    public let communityCount: Int
    /// Modularity of `membership` at the resolution used, computed by
    /// ``Graph/modularity(partition:resolution:weighting:)``; NaN when the graph has no
    /// edge weight (`m = 0`).
    public let modularity: Double

    /// The nodes of each community, in increasing node order, indexed by community.
    /// Complexity: `O(n)`.
    public var communities: [[Int]] {
        var out = [[Int]](repeating: [], count: communityCount)
        for (v, c) in membership.enumerated() { out[c].append(v) }
        return out
    }
}

/// The weighted "arc matrix" `A` on which modularity is optimized, in CSR form, at one level
/// of the Louvain / Leiden hierarchy (level 0: the graph; higher levels: aggregates).
///
/// `A_uv` is the total weight of arcs `u → v`. An undirected edge `{u, v}` of weight `w` gives
/// `A_uv = A_vu = w`, a self-loop `A_vv = 2w` (so the row sum is the degree), and `in = out`.
/// A directed arc gives `A_uv = w` once; a self-loop `A_vv = w`. With `M = Σ A_uv`
/// (undirected `2m`, directed `m`), the modularity of a partition is
/// `Q = (1/M) Σ_c [A(c, c) − γ K_c^out K_c^in / M]` in both cases.
///
/// Moving an isolated node `v` into community `C` changes the quality, measured in edge-weight
/// units `H = m · Q` (as igraph's Leiden does), by
///
///     gain = w(v, C) − γ · f · (k_v^out K_C^in + k_v^in K_C^out) / M,
///
/// where `w(v, C)` is the weight between `v` and `C` (undirected: the edges once; directed:
/// arcs both ways) and `f = 1/2` (undirected) or `1` (directed). Self-loops never enter
/// `w(v, C)`: they do not depend on the community.
struct ModularityNetwork {
    let nodeCount: Int
    let directed: Bool
    let outOffsets: [Int]
    let outTargets: [Int]
    let outWeights: [Double]
    /// For undirected networks these equal the `out…` arrays (copy-on-write, shared).
    let inOffsets: [Int]
    let inSources: [Int]
    let inWeights: [Double]
    let kOut: [Double]
    let kIn: [Double]
    /// `M = Σ A_uv`.
    let total: Double

    /// Level 0: the graph with the given per-edge strengths.
    init(graph: Graph, strengths w: [Double]) {
        nodeCount = graph.nodeCount
        directed = graph.isDirected
        outOffsets = graph.outOffsets
        outTargets = graph.outNeighbors.map { Int($0) }
        outWeights = graph.outEdgeIDs.map { w[Int($0)] }
        if directed {
            inOffsets = graph.inOffsets
            inSources = graph.inNeighbors.map { Int($0) }
            inWeights = graph.inEdgeIDs.map { w[Int($0)] }
        } else {
            inOffsets = outOffsets
            inSources = outTargets
            inWeights = outWeights
        }
        var ko = [Double](repeating: 0, count: nodeCount)
        var ki = [Double](repeating: 0, count: nodeCount)
        var total = 0.0
        for v in 0..<nodeCount {
            for p in outOffsets[v]..<outOffsets[v + 1] { ko[v] += outWeights[p] }
            for p in inOffsets[v]..<inOffsets[v + 1] { ki[v] += inWeights[p] }
            total += ko[v]
        }
        kOut = ko
        kIn = ki
        self.total = total
    }

    private init(
        nodeCount: Int, directed: Bool, out: ([Int], [Int], [Double]), in inn: ([Int], [Int], [Double]),
        kOut: [Double], kIn: [Double], total: Double
    ) {
        self.nodeCount = nodeCount
        self.directed = directed
        (outOffsets, outTargets, outWeights) = out
        (inOffsets, inSources, inWeights) = inn
        self.kOut = kOut
        self.kIn = kIn
        self.total = total
    }

    /// `γ · f / M`: the factor of the expected-weight term in `gain`.
    func expectedScale(resolution: Double) -> Double {
        total > 0 ? resolution * (directed ? 1 : 0.5) / total : 0
    }

    /// The network whose nodes are the communities `0..<count` of `membership`:
    /// `A'_CD = Σ_{u∈C, v∈D} A_uv` (internal weight becomes a self-loop), `k'_C = Σ_{v∈C} k_v`.
    /// Complexity: `O(n + arcs)` plus sorting each new row.
    func aggregated(by membership: [Int], count k: Int) -> ModularityNetwork {
        var start = [Int](repeating: 0, count: k + 1)
        for v in 0..<nodeCount { start[membership[v] + 1] += 1 }
        for c in 0..<k { start[c + 1] += start[c] }
        var cursor = start
        var members = [Int](repeating: 0, count: nodeCount)
        for v in 0..<nodeCount {
            members[cursor[membership[v]]] = v
            cursor[membership[v]] += 1
        }
        var ko = [Double](repeating: 0, count: k)
        var ki = [Double](repeating: 0, count: k)
        for v in 0..<nodeCount {
            ko[membership[v]] += kOut[v]
            ki[membership[v]] += kIn[v]
        }
        var acc = [Double](repeating: 0, count: k)
        var stamp = [Int](repeating: -1, count: k)
        var touched: [Int] = []
        func build(_ offsets: [Int], _ ends: [Int], _ weights: [Double]) -> ([Int], [Int], [Double]) {
            var newOffsets = [Int](repeating: 0, count: k + 1)
            var newEnds: [Int] = []
            var newWeights: [Double] = []
            for c in 0..<k {
                touched.removeAll(keepingCapacity: true)
                for i in start[c]..<start[c + 1] {
                    let v = members[i]
                    for p in offsets[v]..<offsets[v + 1] {
                        let d = membership[ends[p]]
                        if stamp[d] != c {
                            stamp[d] = c
                            acc[d] = 0
                            touched.append(d)
                        }
                        acc[d] += weights[p]
                    }
                }
                touched.sort()
                for d in touched {
                    newEnds.append(d)
                    newWeights.append(acc[d])
                }
                newOffsets[c + 1] = newEnds.count
            }
            return (newOffsets, newEnds, newWeights)
        }
        let out = build(outOffsets, outTargets, outWeights)
        let inn: ([Int], [Int], [Double])
        if directed {
            for c in 0..<k { stamp[c] = -1 }
            inn = build(inOffsets, inSources, inWeights)
        } else {
            inn = out
        }
        return ModularityNetwork(
            nodeCount: k, directed: directed, out: out, in: inn, kOut: ko, kIn: ki, total: total)
    }
}

/// Scratch space for summing the weight from one node to each neighbouring community without
/// clearing an `n`-sized array per visit: `stamp[c] == tick` marks `weight[c]` as current.
struct NeighborCommunityWeights {
    var weight: [Double]
    var stamp: [Int]
    var touched: [Int] = []
    var tick = 0

    init(capacity: Int) {
        weight = [Double](repeating: 0, count: capacity)
        stamp = [Int](repeating: -1, count: capacity)
    }

    /// Collects `w(v, C)` for the communities `C` of `v`'s neighbours (self-loops skipped;
    /// directed: arcs both ways), restricted to neighbours `u` with `include(u)`.
    mutating func collect(
        _ v: Int, in net: ModularityNetwork, community: [Int], include: (Int) -> Bool = { _ in true }
    ) {
        tick += 1
        touched.removeAll(keepingCapacity: true)
        for p in net.outOffsets[v]..<net.outOffsets[v + 1] {
            let u = net.outTargets[p]
            if u != v && include(u) { add(community[u], net.outWeights[p]) }
        }
        if net.directed {
            for p in net.inOffsets[v]..<net.inOffsets[v + 1] {
                let u = net.inSources[p]
                if u != v && include(u) { add(community[u], net.inWeights[p]) }
            }
        }
    }

    @inline(__always)
    private mutating func add(_ c: Int, _ w: Double) {
        if stamp[c] != tick {
            stamp[c] = tick
            weight[c] = 0
            touched.append(c)
        }
        weight[c] += w
    }

    /// `w(v, c)` from the last ``collect(_:in:community:include:)`` (0 when not a neighbour).
    @inline(__always)
    func weight(to c: Int) -> Double { stamp[c] == tick ? weight[c] : 0 }

    /// The local-moving step shared by Louvain and Leiden: the gain of `v` staying in `own`
    /// and the neighbouring community with the largest gain, where the gain of joining `c` is
    /// `w(v, c) − γ/m · (k_out(v)·tot_in(c) + k_in(v)·tot_out(c))` (undirected: both `k` equal
    /// the degree and both `tot` the community's degree total; `scale` holds γ/m or γ/2m).
    /// Call after ``collect(_:in:community:include:)`` and after taking `v` out of the totals.
    /// Ties keep the first community met in `touched` order. Complexity: `O(|touched|)`.
    @inline(__always)
    func bestMove(
        own: Int, kOut: Double, kIn: Double, scale: Double, totOut: [Double], totIn: [Double]
    ) -> (ownGain: Double, best: Int, bestGain: Double) {
        let ownGain = weight(to: own) - scale * (kOut * totIn[own] + kIn * totOut[own])
        var best = own
        var bestGain = -Double.infinity
        for c in touched where c != own {
            let gain = weight[c] - scale * (kOut * totIn[c] + kIn * totOut[c])
            if gain > bestGain {
                bestGain = gain
                best = c
            }
        }
        return (ownGain, best, bestGain)
    }
}

extension Graph {
    /// Labels renumbered `0..<k` in order of first appearance, for labels already in `0..<bound`.
    static func renumber(_ labels: [Int], bound: Int) -> (labels: [Int], count: Int) {
        var map = [Int](repeating: -1, count: bound)
        var out = [Int](repeating: 0, count: labels.count)
        var k = 0
        for (v, c) in labels.enumerated() {
            if map[c] < 0 {
                map[c] = k
                k += 1
            }
            out[v] = map[c]
        }
        return (out, k)
    }

    /// Builds the public result: membership renumbered by smallest node, modularity computed
    /// by ``modularity(partition:resolution:weighting:)``'s formula (NaN when `m = 0`).
    func communityPartition(
        _ labels: [Int], bound: Int, strengths: [Double], resolution: Double
    ) -> CommunityPartition {
        let (membership, k) = Graph.renumber(labels, bound: bound)
        let q: Double
        do {
            q = try Graph.modularity(
                sources: edgeSources, targets: edgeTargets, weights: strengths, labels: membership,
                communityCount: k, resolution: resolution, directed: isDirected)
        } catch {
            q = .nan
        }
        return CommunityPartition(membership: membership, communityCount: k, modularity: q)
    }
}
