/// A partition of the nodes into components.
///
/// Components are numbered `0..<count` **in order of their smallest node**: the component of
/// node 0 is 0, the next component met when scanning nodes by index is 1, and so on. This
/// numbering is deterministic and independent of the traversal order.
public struct Components: Sendable, Equatable {
    /// `membership[v]` is the component index of node `v`; `n` entries.
    public let membership: [Int]
    /// `sizes[c]` is the number of nodes in component `c`; `count` entries.
    public let sizes: [Int]

    /// Number of components.
    @inlinable public var count: Int { sizes.count }

    /// Builds a partition from raw labels, renumbering them in order of their smallest node.
    /// - Parameter labels: any non-negative label per node, with labels `< labelCount`.
    /// - Complexity: `O(n + labelCount)`.
    init(rawLabels labels: [Int], labelCount: Int) {
        var renumber = [Int](repeating: -1, count: labelCount)
        var membership = [Int](repeating: 0, count: labels.count)
        var sizes: [Int] = []
        for v in labels.indices {
            let raw = labels[v]
            if renumber[raw] < 0 {
                renumber[raw] = sizes.count
                sizes.append(0)
            }
            let c = renumber[raw]
            membership[v] = c
            sizes[c] += 1
        }
        self.membership = membership
        self.sizes = sizes
    }

    /// The index of the largest component; ties go to the lowest index (the one holding the
    /// smallest node). `nil` for the empty graph. Complexity: `O(count)`.
    public var largest: Int? {
        guard !sizes.isEmpty else { return nil }
        var best = 0
        for c in sizes.indices where sizes[c] > sizes[best] { best = c }
        return best
    }

    /// The nodes of component `c`, in increasing order.
    /// - Parameter c: a component index in `0..<count` (traps otherwise).
    /// - Returns: node indices, ascending; `sizes[c]` of them.
    /// - Complexity: `O(n)`.
    public func nodes(in c: Int) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(sizes[c])
        for v in membership.indices where membership[v] == c { result.append(v) }
        return result
    }
}

extension Graph {
    /// Connected components; for a directed graph, **weakly** connected components (arc
    /// directions ignored).
    ///
    /// Definition: `u` and `v` are in the same component when a path joins them in the
    /// underlying undirected graph. Self-loops and parallel edges do not change components;
    /// an isolated node (or one with only a self-loop) is a component of its own.
    /// Same partition as NetworkX's `connected_components` / `weakly_connected_components`
    /// and igraph's `connected_components(mode="weak")`.
    ///
    /// - Returns: membership per node and component sizes, components numbered in order of
    ///   their smallest node (see ``Components``).
    /// - Complexity: `O(n + m)`, iterative (no recursion), one work stack of `n` entries.
    /// - Reference: Hopcroft & Tarjan 1973, "Algorithm 447: efficient algorithms for graph
    ///   manipulation", Commun. ACM 16(6):372–378, doi:10.1145/362248.362272.
    public func connectedComponents() -> Components {
        let n = nodeCount
        var label = [Int](repeating: -1, count: n)
        var stack = [Int](repeating: 0, count: n)
        var labelCount = 0
        for root in 0..<n where label[root] < 0 {
            label[root] = labelCount
            var top = 0
            stack[top] = root; top += 1
            while top > 0 {
                top -= 1
                let v = stack[top]
                for i in outRange(of: v) {
                    let w = Int(outNeighbors[i])
                    if label[w] < 0 { label[w] = labelCount; stack[top] = w; top += 1 }
                }
                if isDirected {
                    for i in inRange(of: v) {
                        let w = Int(inNeighbors[i])
                        if label[w] < 0 { label[w] = labelCount; stack[top] = w; top += 1 }
                    }
                }
            }
            labelCount += 1
        }
        return Components(rawLabels: label, labelCount: labelCount)
    }

    /// Strongly connected components of a directed graph (for an undirected graph, the
    /// connected components).
    ///
    /// Definition: `u` and `v` are in the same component when there is a directed path from
    /// `u` to `v` and one from `v` to `u`. Every node is in exactly one component; a node on
    /// no cycle is a component of its own (a self-loop does not matter).
    /// Same partition as NetworkX's `strongly_connected_components` and igraph's
    /// `connected_components(mode="strong")`.
    ///
    /// Tarjan's algorithm, made iterative with an explicit call stack (node, next arc) so that
    /// long paths cannot overflow the thread stack.
    ///
    /// - Returns: membership per node and component sizes, components numbered in order of
    ///   their smallest node (not in Tarjan's completion order; see ``Components``).
    /// - Complexity: `O(n + m)` time, `O(n)` extra memory.
    /// - Reference: Tarjan 1972, "Depth-first search and linear graph algorithms",
    ///   SIAM J. Comput. 1(2):146–160, doi:10.1137/0201010.
    public func stronglyConnectedComponents() -> Components {
        guard isDirected else { return connectedComponents() }
        let (label, labelCount) = Graph.tarjanClasses(nodeCount: nodeCount, offsets: outOffsets, successors: outNeighbors)
        return Components(rawLabels: label, labelCount: labelCount)
    }

    /// Tarjan's strongly connected components of the digraph given by a CSR successor list,
    /// iteratively (no recursion). Classes are labelled in the order Tarjan closes them, which is
    /// a reverse topological order of the condensation: a class can only reach classes with
    /// smaller labels. Shared by ``stronglyConnectedComponents()`` and the Perron–Frobenius
    /// analysis of the spectral measures.
    ///
    /// - Complexity: `O(n + m)` time, `O(n)` extra memory.
    static func tarjanClasses(nodeCount n: Int, offsets: [Int], successors: [Int32]) -> (label: [Int], count: Int) {
        var index = [Int](repeating: -1, count: n)
        var low = [Int](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var tarjanStack = [Int](repeating: 0, count: n)
        var tarjanTop = 0
        var callNode = [Int](repeating: 0, count: n)
        var callPos = [Int](repeating: 0, count: n)
        var label = [Int](repeating: -1, count: n)
        var counter = 0, labelCount = 0

        for root in 0..<n where index[root] < 0 {
            index[root] = counter; low[root] = counter; counter += 1
            tarjanStack[tarjanTop] = root; tarjanTop += 1; onStack[root] = true
            callNode[0] = root; callPos[0] = offsets[root]
            var depth = 1
            while depth > 0 {
                let v = callNode[depth - 1]
                let p = callPos[depth - 1]
                if p < offsets[v + 1] {
                    callPos[depth - 1] = p + 1
                    let w = Int(successors[p])
                    if index[w] < 0 {
                        index[w] = counter; low[w] = counter; counter += 1
                        tarjanStack[tarjanTop] = w; tarjanTop += 1; onStack[w] = true
                        callNode[depth] = w; callPos[depth] = offsets[w]
                        depth += 1
                    } else if onStack[w], index[w] < low[v] {
                        low[v] = index[w]
                    }
                } else {
                    if low[v] == index[v] {
                        // v is the root of a component: pop it off the Tarjan stack.
                        while true {
                            tarjanTop -= 1
                            let x = tarjanStack[tarjanTop]
                            onStack[x] = false
                            label[x] = labelCount
                            if x == v { break }
                        }
                        labelCount += 1
                    }
                    depth -= 1
                    if depth > 0 {
                        let u = callNode[depth - 1]
                        if low[v] < low[u] { low[u] = low[v] }
                    }
                }
            }
        }
        return (label, labelCount)
    }

    /// The nodes of the largest connected component (weakly connected for a directed graph
    /// unless `strongly` is set), in increasing order; ties go to the component holding the
    /// smallest node. Empty for the empty graph.
    ///
    /// - Parameter strongly: use strongly connected components of a directed graph.
    /// - Returns: node ids, ascending (NetworkX: `max(connected_components(G), key=len)`, with
    ///   our deterministic tie rule).
    /// - Complexity: `O(n + m)`.
    /// - Reference: see ``connectedComponents()`` and ``stronglyConnectedComponents()``.
    public func largestComponent(strongly: Bool = false) -> [Int] {
        let components = strongly ? stronglyConnectedComponents() : connectedComponents()
        guard let c = components.largest else { return [] }
        return components.nodes(in: c)
    }

    /// Whether the graph is connected (weakly, for a directed graph); the empty graph is not,
    /// as in NetworkX, which raises for it. Complexity: `O(n + m)`.
    public var isConnected: Bool {
        nodeCount > 0 && connectedComponents().count == 1
    }
}
