import Foundation

extension Graph {
    /// Communities by the Leiden algorithm: Louvain-style modularity optimization with a
    /// refinement phase that guarantees every community is connected.
    ///
    /// Each iteration has three phases (Traag, Waltman & van Eck 2019; pseudo-code in their
    /// Supplementary Information):
    /// 1. **Fast local moving.** Nodes wait in a queue (initially all, in an order shuffled
    ///    with ``SplitMix64``); the node at the front moves to the community — a neighbouring
    ///    one or a new empty one — with the largest modularity gain if that beats staying, and
    ///    its neighbours outside its new community rejoin the queue.
    /// 2. **Refinement.** Inside each community `S`, every node starts alone; in random order,
    ///    each node `v` that is still alone and *well connected* to `S`
    ///    (`w(v, S − v) ≥ γ' · k_v (K_S − k_v)`, `γ' = γ/2m`) joins a well-connected
    ///    sub-community `C ⊆ S` of a neighbour (or stays alone), chosen at random with
    ///    probability `∝ exp(ΔH / θ)` among the moves with `ΔH ≥ 0`. So refined communities
    ///    are connected by construction.
    /// 3. **Aggregation.** The refined communities become the nodes of the next level; its
    ///    initial partition is the one from phase 1 (each refined community in its parent).
    ///
    /// The algorithm stops when phase 1 leaves every aggregate node in its own community; the
    /// communities are then aggregate nodes, hence connected. (Should a refinement ever merge
    /// nothing while communities span several aggregate nodes, each community is split into
    /// its connected components, which only raises modularity, and the algorithm stops.)
    ///
    /// Conventions:
    /// - Objective: ``modularity(partition:resolution:weighting:)`` at resolution `γ`;
    ///   directed graphs use Leicht–Newman directed modularity (gains as in
    ///   ``louvain(seed:resolution:weighting:)``; "connected" then means weakly connected).
    ///   igraph's `community_leiden` accepts only undirected graphs.
    /// - `ΔH` is measured in edge-weight units (`H = m · Q`), as in igraph's implementation,
    ///   so the default `θ = 0.01` makes the refinement nearly greedy; `θ = 0` makes it greedy.
    /// - A local move must gain more than `1e-10 · (k_v^out + k_v^in)`; self-loops count toward
    ///   degrees, never toward a move's gain; parallel edges add up; isolated nodes stay alone.
    /// - Deterministic for a seed on every platform.
    /// - One *iteration* runs the three phases until stable; further iterations restart from
    ///   the previous result (which can only keep or raise modularity), as `n_iterations` in
    ///   igraph and leidenalg (default 2 there and here). Iterating stops early when an
    ///   iteration changes nothing.
    ///
    /// - Parameters:
    ///   - seed: seed of the ``SplitMix64`` generator (queue order, refinement order and choices).
    ///   - resolution: `γ ≥ 0` (default 1).
    ///   - randomness: `θ ≥ 0`, the refinement's temperature (default 0.01).
    ///   - iterations: number of iterations, `≥ 1` (default 2).
    ///   - initial: a starting partition, one label per node (any integers; as igraph's
    ///     `initial_membership`), or `nil` for singletons. Its communities need not be
    ///     connected: the refinement splits them.
    ///   - weighting: how edge weights are read (default `.strength`: as given).
    /// - Returns: the membership (communities numbered in order of their smallest node), the
    ///   community count, and the modularity at `γ` (NaN when the total edge weight is 0).
    /// - Throws: ``GraphError/invalidArgument(name:value:valid:)`` for a negative or
    ///   non-finite resolution or randomness, or fewer than 1 iteration;
    ///   ``GraphError/lengthMismatch(what:expected:actual:)`` when `initial` does not have one
    ///   label per node;
    ///   ``GraphError/invalidWeight(edge:value:reason:)``
    ///   for a negative or non-finite weight.
    /// - Complexity: each phase is `O(n + m)` per pass over the queue; near-linear in practice
    ///   on sparse graphs. Memory `O(n + m)`.
    ///
    /// Reference: V. A. Traag, L. Waltman, N. J. van Eck, "From Louvain to Leiden: guaranteeing
    /// well-connected communities", Sci. Rep. 9:5233, 2019, doi:10.1038/s41598-019-41695-z.
    public func leiden(
        seed: UInt64,
        resolution: Double = 1,
        randomness: Double = 0.01,
        iterations: Int = 2,
        initial: [Int]? = nil,
        weighting: EdgeWeighting = .strength
    ) throws(GraphError) -> CommunityPartition {
        try Graph.validateResolution(resolution)
        guard randomness.isFinite, randomness >= 0 else {
            throw .invalidArgument(name: "randomness", value: "\(randomness)", valid: "a finite number ≥ 0")
        }
        guard iterations >= 1 else {
            throw .invalidArgument(name: "iterations", value: "\(iterations)", valid: "an integer ≥ 1")
        }
        let strengths = try modularityWeights(weighting)
        var rng = SplitMix64(seed: seed)
        let base = ModularityNetwork(graph: self, strengths: strengths)
        var membership = Array(0..<nodeCount)
        if let initial {
            guard initial.count == nodeCount else {
                throw .lengthMismatch(what: "initial", expected: nodeCount, actual: initial.count)
            }
            membership = Graph.compactLabels(initial).labels
        }
        for _ in 0..<iterations {
            let next = Leiden.run(base, from: membership, resolution: resolution, randomness: randomness, rng: &rng)
            let (renumbered, _) = Graph.renumber(next, bound: max(nodeCount, 1))
            if renumbered == membership { break }
            membership = renumbered
        }
        return communityPartition(membership, bound: max(nodeCount, 1), strengths: strengths, resolution: resolution)
    }
}

/// The phases of the Leiden algorithm.
enum Leiden {
    /// One run of the algorithm (move, refine, aggregate until stable) on the level-0 network,
    /// starting from `initial` (labels in `0..<n`). Returns labels in `0..<n`.
    static func run(
        _ base: ModularityNetwork, from initial: [Int], resolution: Double, randomness: Double,
        rng: inout SplitMix64
    ) -> [Int] {
        var net = base
        var level = Array(0..<base.nodeCount)  // original node -> aggregate node
        var partition = initial                // aggregate node -> community (0..<net.nodeCount)
        while true {
            moveNodesFast(net, &partition, resolution: resolution, rng: &rng)
            let (coarse, k) = Graph.renumber(partition, bound: max(net.nodeCount, 1))
            partition = coarse
            if k == net.nodeCount { break }
            let refined = refine(
                net, partition: coarse, communityCount: k, resolution: resolution,
                randomness: randomness, rng: &rng)
            let (fine, kFine) = Graph.renumber(refined, bound: net.nodeCount)
            if kFine == net.nodeCount {
                partition = splitDisconnected(net, coarse)
                break
            }
            var next = [Int](repeating: 0, count: kFine)
            for v in 0..<net.nodeCount { next[fine[v]] = coarse[v] }
            for v in 0..<base.nodeCount { level[v] = fine[level[v]] }
            net = net.aggregated(by: fine, count: kFine)
            partition = next
        }
        return level.map { partition[$0] }
    }

    /// Fast local moving (Traag et al. 2019, `MoveNodesFast`). `community` holds labels in
    /// `0..<n`; a node may move to an empty label.
    static func moveNodesFast(
        _ net: ModularityNetwork, _ community: inout [Int], resolution: Double, rng: inout SplitMix64
    ) {
        let n = net.nodeCount
        guard n > 0 else { return }
        let scale = net.expectedScale(resolution: resolution)
        var totOut = [Double](repeating: 0, count: n)
        var totIn = [Double](repeating: 0, count: n)
        var size = [Int](repeating: 0, count: n)
        for v in 0..<n {
            totOut[community[v]] += net.kOut[v]
            totIn[community[v]] += net.kIn[v]
            size[community[v]] += 1
        }
        var empty: [Int] = []
        for c in stride(from: n - 1, through: 0, by: -1) where size[c] == 0 { empty.append(c) }

        var queue = Array(0..<n)
        rng.shuffle(&queue)
        var inQueue = [Bool](repeating: true, count: n)
        var head = 0, queued = n
        var scratch = NeighborCommunityWeights(capacity: n)
        while queued > 0 {
            let v = queue[head]
            head = head + 1 == n ? 0 : head + 1
            queued -= 1
            inQueue[v] = false

            let ko = net.kOut[v], ki = net.kIn[v]
            let own = community[v]
            scratch.collect(v, in: net, community: community)
            totOut[own] -= ko
            totIn[own] -= ki
            size[own] -= 1
            var (ownGain, best, bestGain) = scratch.bestMove(
                own: own, kOut: ko, kIn: ki, scale: scale, totOut: totOut, totIn: totIn)
            // A new, empty community gains exactly 0 (it is "staying" when v was alone).
            if size[own] > 0 && !empty.isEmpty && 0 > bestGain {
                best = empty[empty.count - 1]
                bestGain = 0
            }
            if best == own || !(bestGain > ownGain + 1e-10 * (ko + ki)) { best = own }
            if best != own, size[best] == 0 { empty.removeLast() }
            totOut[best] += ko
            totIn[best] += ki
            size[best] += 1
            guard best != own else { continue }
            community[v] = best
            if size[own] == 0 { empty.append(own) }
            func enqueue(_ u: Int) {
                if !inQueue[u] && community[u] != best {
                    inQueue[u] = true
                    queue[(head + queued) % n] = u
                    queued += 1
                }
            }
            for p in net.outOffsets[v]..<net.outOffsets[v + 1] { enqueue(net.outTargets[p]) }
            if net.directed {
                for p in net.inOffsets[v]..<net.inOffsets[v + 1] { enqueue(net.inSources[p]) }
            }
        }
    }

    /// Refinement (Traag et al. 2019, `RefinePartition` / `MergeNodesSubset`): within each
    /// community of `partition`, merges singletons into well-connected sub-communities.
    /// `randomness` is `θ` for gains in the units of ``ModularityNetwork`` (`m · ΔQ`); 0: greedy.
    /// - Returns: refined labels in `0..<n` (each a subset of one community of `partition`).
    static func refine(
        _ net: ModularityNetwork, partition: [Int], communityCount k: Int,
        resolution: Double, randomness: Double, rng: inout SplitMix64
    ) -> [Int] {
        let n = net.nodeCount
        let scale = net.expectedScale(resolution: resolution)
        // Totals of each community S of the partition.
        var sOut = [Double](repeating: 0, count: k)
        var sIn = [Double](repeating: 0, count: k)
        for v in 0..<n {
            sOut[partition[v]] += net.kOut[v]
            sIn[partition[v]] += net.kIn[v]
        }
        // Refined communities start as singletons, labelled by node.
        var refined = Array(0..<n)
        var rOut = net.kOut, rIn = net.kIn
        var rSize = [Int](repeating: 1, count: n)
        // rExternal[r] = w(r, S − r): weight between refined community r and the rest of S.
        var rExternal = [Double](repeating: 0, count: n)
        var scratch = NeighborCommunityWeights(capacity: n)
        for v in 0..<n {
            scratch.collect(v, in: net, community: partition)
            rExternal[v] = scratch.weight(to: partition[v])
        }
        // Well connected: w(X, S − X) ≥ γ f (K_X^out (K_S^in − K_X^in) + K_X^in (K_S^out − K_X^out)) / M.
        func wellConnected(_ external: Double, _ xo: Double, _ xi: Double, _ s: Int) -> Bool {
            let expected = scale * (xo * (sIn[s] - xi) + xi * (sOut[s] - xo))
            return external >= expected - 1e-10 * (xo + xi)
        }
        var isCandidate = [Bool](repeating: false, count: n)
        for v in 0..<n {
            isCandidate[v] = wellConnected(rExternal[v], net.kOut[v], net.kIn[v], partition[v])
        }
        var order = Array(0..<n)
        rng.shuffle(&order)
        var choices: [Int] = []
        var gains: [Double] = []
        var cumulative: [Double] = []
        for v in order where isCandidate[v] && rSize[refined[v]] == 1 {
            let s = partition[v]
            let own = refined[v]
            let ko = net.kOut[v], ki = net.kIn[v]
            scratch.collect(v, in: net, community: refined, include: { partition[$0] == s })
            rOut[own] -= ko
            rIn[own] -= ki
            rSize[own] = 0
            // Candidates: v's own (now empty) singleton with ΔH = 0, and the well-connected
            // neighbouring sub-communities with ΔH ≥ 0.
            choices.removeAll(keepingCapacity: true)
            gains.removeAll(keepingCapacity: true)
            cumulative.removeAll(keepingCapacity: true)
            choices.append(own)
            gains.append(0)
            var maxGain = 0.0
            for r in scratch.touched where r != own {
                guard wellConnected(rExternal[r], rOut[r], rIn[r], s) else { continue }
                let gain = scratch.weight[r] - scale * (ko * rIn[r] + ki * rOut[r])
                guard gain >= 0 else { continue }
                choices.append(r)
                gains.append(gain)
                maxGain = max(maxGain, gain)
            }
            var chosen = own
            if choices.count > 1 {
                if randomness == 0 {
                    var bestGain = -1.0
                    for (i, g) in gains.enumerated() where g > bestGain {
                        bestGain = g
                        chosen = choices[i]
                    }
                } else {
                    var sum = 0.0
                    for g in gains {
                        sum += exp((g - maxGain) / randomness)
                        cumulative.append(sum)
                    }
                    let x = rng.nextUnitDouble() * sum
                    var i = 0
                    while i < cumulative.count - 1 && cumulative[i] <= x { i += 1 }
                    chosen = choices[i]
                }
            }
            let wToChosen = scratch.weight(to: chosen)
            rOut[chosen] += ko
            rIn[chosen] += ki
            rSize[chosen] += 1
            if chosen != own {
                rExternal[chosen] += rExternal[own] - 2 * wToChosen
                rExternal[own] = 0
                refined[v] = chosen
            }
        }
        return refined
    }

    /// Splits every community into its (weakly) connected components within the community.
    /// - Returns: labels in `0..<n`.
    static func splitDisconnected(_ net: ModularityNetwork, _ community: [Int]) -> [Int] {
        let n = net.nodeCount
        var label = [Int](repeating: -1, count: n)
        var stack: [Int] = []
        var next = 0
        for root in 0..<n where label[root] < 0 {
            label[root] = next
            stack.append(root)
            while let v = stack.popLast() {
                for p in net.outOffsets[v]..<net.outOffsets[v + 1] {
                    let u = net.outTargets[p]
                    if label[u] < 0 && community[u] == community[root] { label[u] = next; stack.append(u) }
                }
                for p in net.inOffsets[v]..<net.inOffsets[v + 1] {
                    let u = net.inSources[p]
                    if label[u] < 0 && community[u] == community[root] { label[u] = next; stack.append(u) }
                }
            }
            next += 1
        }
        return label
    }
}
