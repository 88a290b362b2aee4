/// Gould–Fernandez brokerage role counts of one node: how many open two-paths `a → v → b`
/// the node `v` brokers, split by the groups of `a`, `v` and `b`.
///
/// Computed by ``Graph/brokerage(groups:)``; reference: Gould & Fernandez 1989,
/// Sociological Methodology 19:89–126, doi:10.2307/270949.
public struct BrokerageRoles: Sendable, Equatable, Hashable {
    /// `a`, `v`, `b` all in one group (local broker within a group; Gould–Fernandez `w_I`).
    public var coordinator: Int = 0
    /// `a` and `b` in one group, `v` in another (outside broker for a group; `w_O`),
    /// also called *consultant*.
    public var itinerant: Int = 0
    /// `a` and `v` in one group, `b` in another: `v` represents its group outward (`b_IO`).
    public var representative: Int = 0
    /// `v` and `b` in one group, `a` in another: `v` guards its group's entrance (`b_OI`).
    public var gatekeeper: Int = 0
    /// `a`, `v`, `b` in three different groups (`b_O`).
    public var liaison: Int = 0

    /// Role counts as given; all zero by default.
    /// - Parameters: the five counts (numbers of brokered two-paths, `≥ 0`), as the properties.
    public init(coordinator: Int = 0, itinerant: Int = 0, representative: Int = 0, gatekeeper: Int = 0, liaison: Int = 0) {
        self.coordinator = coordinator
        self.itinerant = itinerant
        self.representative = representative
        self.gatekeeper = gatekeeper
        self.liaison = liaison
    }

    /// All brokered open two-paths: the sum of the five roles.
    public var total: Int { coordinator + itinerant + representative + gatekeeper + liaison }
}

extension Graph {
    /// Gould and Fernandez's brokerage roles of every node.
    ///
    /// **Definition.** Node `v` brokers the ordered pair `(a, b)` when `a → v` and `v → b` are
    /// ties, `a ≠ b`, and there is no tie `a → b` (an *open* two-path: `v` mediates between
    /// two nodes that are not directly tied). Each brokered pair is assigned one of five roles by
    /// group membership (Gould & Fernandez 1989, Figure 1): coordinator (`a, v, b` in one
    /// group), itinerant / consultant (`a, b` in one group, `v` outside it), representative
    /// (`a, v` together, `b` outside), gatekeeper (`v, b` together, `a` outside), liaison (all
    /// three groups differ). These are the raw counts; Gould & Fernandez's normalization by the
    /// counts expected under random assignment of groups is not applied. The role names follow
    /// UCINET's definitions (NETWORK > EGO NETWORKS > BROKERAGE: gatekeeper when the source is
    /// outside the broker's group, representative when the destination is) and current `sna`
    /// (`brokerage`, `raw.nli` columns `b_IO` representative, `b_OI` gatekeeper); some older
    /// `sna` help pages printed the two-path patterns of these two roles the other way round.
    ///
    /// **Conventions.** Ties are binary: weights are ignored and parallel edges count once.
    /// Self-loops are ignored. An **undirected** graph is read as two arcs per edge, so every
    /// open path `a — v — b` is counted in both directions (`(a, b)` and `(b, a)`): totals are
    /// even, coordinator / itinerant / liaison counts are even, and representative equals
    /// gatekeeper for every node.
    ///
    /// - Parameter groups: group label of every node (length `nodeCount`; any integers).
    /// - Returns: one ``BrokerageRoles`` per node.
    /// - Throws: ``GraphError/lengthMismatch(what:expected:actual:)`` when `groups` does not
    ///   have one entry per node.
    /// - Complexity: `O(Σ_v Σ_{a → v} (d⁺(a) + d⁺(v)))` time, `O(n)` scratch memory.
    ///
    /// Reference: Gould, R. V. & Fernandez, R. M. (1989). "Structures of mediation: a formal
    /// approach to brokerage in transaction networks", Sociological Methodology 19:89–126,
    /// doi:10.2307/270949.
    public func brokerage(groups: [Int]) throws(GraphError) -> [BrokerageRoles] {
        let n = nodeCount
        guard groups.count == n else { throw .lengthMismatch(what: "groups", expected: n, actual: groups.count) }
        var roles = [BrokerageRoles](repeating: BrokerageRoles(), count: n)
        // `seen` dedupes neighbour lists (stamp per v), `tiedFrom` marks a's successors (stamp per (v, a)).
        var seenIn = [Int](repeating: -1, count: n)
        var seenOut = [Int](repeating: -1, count: n)
        var tiedFrom = [Int](repeating: -1, count: n)
        var outs: [Int] = []
        var ins: [Int] = []
        var stamp = 0
        for v in 0..<n {
            outs.removeAll(keepingCapacity: true)
            ins.removeAll(keepingCapacity: true)
            for k in outRange(of: v) {
                let b = Int(outNeighbors[k])
                if b != v, seenOut[b] != v { seenOut[b] = v; outs.append(b) }
            }
            for k in inRange(of: v) {
                let a = Int(inNeighbors[k])
                if a != v, seenIn[a] != v { seenIn[a] = v; ins.append(a) }
            }
            if outs.isEmpty || ins.isEmpty { continue }
            let gv = groups[v]
            var r = BrokerageRoles()
            for a in ins {
                stamp += 1
                for k in outRange(of: a) { tiedFrom[Int(outNeighbors[k])] = stamp }
                let ga = groups[a]
                for b in outs where b != a && tiedFrom[b] != stamp {
                    let gb = groups[b]
                    if ga == gv {
                        if gb == gv { r.coordinator += 1 } else { r.representative += 1 }
                    } else if gb == gv {
                        r.gatekeeper += 1
                    } else if ga == gb {
                        r.itinerant += 1
                    } else {
                        r.liaison += 1
                    }
                }
            }
            roles[v] = r
        }
        return roles
    }
}
