import NetworkAnalysis
import Testing

/// The shattered betweenness (folded leaves, blocks at cut points) against the plain Brandes
/// algorithm on many seeded random graphs of the shapes it is built for, for every option.
@Suite("Betweenness: shattering and compressing equals plain Brandes")
struct ShatteredBetweennessTests {
    /// Seeded graph families: (name, graph).
    static func families() -> [(String, Graph)] {
        var out: [(String, Graph)] = []
        for seed in UInt64(1)...12 {
            var rng = SplitMix64(seed: seed)
            let n = 2 + rng.nextInt(below: 60)
            out.append(("tree \(seed)", make(n, tree(n, &rng), &rng)))
            out.append(("pa+leaves \(seed)", make(80, paPlusLeaves(core: 48, leaves: 32, m: 2, &rng), &rng)))
            out.append(("cut points \(seed)", make(0, cutPoints(blocks: 12, &rng), &rng)))
            // Disconnected: a tree, a block chain and isolated nodes side by side.
            let a = tree(15, &rng), b = cutPoints(blocks: 5, &rng)
            let shift = 15
            let bShifted = b.map { ($0.0 + shift, $0.1 + shift) }
            let top = (bShifted.map { max($0.0, $0.1) }.max() ?? shift) + 1
            out.append(("disconnected \(seed)", make(top + 3, a + bShifted, &rng)))
            // Multigraph: parallel edges (one on a leaf) and self-loops on a block chain.
            var multi = cutPoints(blocks: 6, &rng)
            let m0 = multi.count
            for _ in 0..<4 { multi.append(multi[rng.nextInt(below: m0)]) }
            let leafNode = (multi.map { max($0.0, $0.1) }.max() ?? 0) + 1
            multi.append((0, leafNode)); multi.append((0, leafNode))
            multi.append((leafNode, leafNode)); multi.append((1, 1))
            out.append(("multigraph \(seed)", make(leafNode + 1, multi, &rng)))
        }
        // Every graph on at most 3 nodes (edge subsets of the triangle, with and without a loop).
        let pairs = [(0, 1), (0, 2), (1, 2)]
        for n in 0...3 {
            let usable = pairs.filter { $0.1 < n }
            for mask in 0..<(1 << usable.count) {
                var edges = usable.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element)
                var rng = SplitMix64(seed: UInt64(100 + mask))
                out.append(("n=\(n) mask \(mask)", make(n, edges, &rng)))
                if n > 0 { edges.append((0, 0)); out.append(("n=\(n) mask \(mask) loop", make(n, edges, &rng))) }
            }
        }
        return out
    }

    /// An undirected graph with weights 1, 2, 3 or 6 (so `1/w` lengths round into ties such as
    /// `1/2 + 1/3 + 1/6` against `1`) or, for every third edge set, uniform weights in (0.5, 2.5).
    static func make(_ n: Int, _ edges: [(Int, Int)], _ rng: inout SplitMix64) -> Graph {
        let nodes = max(n, (edges.map { max($0.0, $0.1) }.max() ?? -1) + 1)
        let uniform = rng.nextInt(below: 3) == 0
        let choices: [Double] = [1, 2, 3, 6]
        let weights = edges.map { _ in uniform ? 0.5 + 2 * rng.nextUnitDouble() : choices[rng.nextInt(below: 4)] }
        return try! Graph(nodeCount: nodes, edges: edges, weights: weights, directed: false)
    }

    /// A random recursive tree on `n` nodes.
    static func tree(_ n: Int, _ rng: inout SplitMix64) -> [(Int, Int)] {
        (1..<max(1, n)).map { (rng.nextInt(below: $0), $0) }
    }

    /// Preferential attachment (`m` ties per new node) on `core` nodes, then `leaves` nodes
    /// with one tie each to a core node chosen by degree.
    static func paPlusLeaves(core: Int, leaves: Int, m: Int, _ rng: inout SplitMix64) -> [(Int, Int)] {
        var edges: [(Int, Int)] = (1...m).map { (0, $0) }
        var ends: [Int] = edges.flatMap { [$0.0, $0.1] }
        for v in (m + 1)..<core {
            var targets = Set<Int>()
            while targets.count < m { targets.insert(ends[rng.nextInt(below: ends.count)]) }
            for t in targets.sorted() { edges.append((t, v)); ends += [t, v] }
        }
        let coreEnds = ends
        for leaf in core..<(core + leaves) { edges.append((coreEnds[rng.nextInt(below: coreEnds.count)], leaf)) }
        return edges
    }

    /// A chain of random blocks (cycles, cliques, random 2-connected-ish pieces) glued at cut
    /// points, with pendant paths and leaves hanging from random nodes.
    static func cutPoints(blocks: Int, _ rng: inout SplitMix64) -> [(Int, Int)] {
        var edges: [(Int, Int)] = []
        var count = 1
        for _ in 0..<blocks {
            let attach = rng.nextInt(below: count)
            let size = 2 + rng.nextInt(below: 6)
            var nodes = [attach]
            for _ in 1..<size { nodes.append(count); count += 1 }
            switch rng.nextInt(below: 3) {
            case 0:  // cycle (an edge when size is 2)
                for i in 0..<size where size > 2 || i == 0 { edges.append((nodes[i], nodes[(i + 1) % size])) }
            case 1:  // clique
                for i in 0..<size { for j in (i + 1)..<size { edges.append((nodes[i], nodes[j])) } }
            default:  // a cycle with chords
                for i in 0..<size where size > 2 || i == 0 { edges.append((nodes[i], nodes[(i + 1) % size])) }
                for _ in 0..<size {
                    let i = rng.nextInt(below: size), j = rng.nextInt(below: size)
                    if i != j { edges.append((nodes[i], nodes[j])) }
                }
            }
        }
        for _ in 0..<(blocks / 2) {  // a pendant path of 1–3 nodes
            var at = rng.nextInt(below: count)
            for _ in 0..<(1 + rng.nextInt(below: 3)) { edges.append((at, count)); at = count; count += 1 }
        }
        return edges
    }

    static func expectEqual(_ fast: [Double], _ plain: [Double], _ label: String) {
        #expect(fast.count == plain.count, "\(label): count")
        for (v, (a, b)) in zip(fast, plain).enumerated() {
            let ok = abs(a - b) <= 1e-12 * max(abs(a), abs(b))
            #expect(ok, "\(label): node \(v) shattered \(a) plain \(b)")
            if !ok { return }
        }
    }

    @Test("equal to plain Brandes within 1e-12 on seeded trees, PA + leaves, cut points, disconnected graphs, multigraphs and all graphs on ≤ 3 nodes, for every option")
    func matchesPlain() throws {
        var nonzero = 0
        for (name, g) in Self.families() {
            for w in [EdgeWeighting.unweighted, .strength, .distance] {
                for normalized in [false, true] {
                    for endpoints in [false, true] {
                        let fast = try g.betweenness(weighting: w, normalized: normalized, endpoints: endpoints)
                        let plain = try g.brandesBetweenness(weighting: w, normalized: normalized, endpoints: endpoints)
                        Self.expectEqual(fast, plain, "\(name) \(w) normalized \(normalized) endpoints \(endpoints)")
                        nonzero += fast.filter { $0 > 0 }.count
                    }
                }
            }
        }
        #expect(nonzero > 10_000)
    }

    @Test("a path: the middle node lies between the two ends, the ends between nobody")
    func path() throws {
        let g = try Graph(nodeCount: 4, edges: [(0, 1), (1, 2), (2, 3)], directed: false)
        #expect(try g.betweenness(weighting: .unweighted, normalized: false) == [0, 2, 2, 0])
        #expect(try g.betweenness(weighting: .unweighted, normalized: false, endpoints: true) == [3, 5, 5, 3])
    }

    @Test("large PA + leaves graph: equal to plain Brandes and bit-identical for 1, 2, 3 threads")
    func threadsLarge() throws {
        var rng = SplitMix64(seed: 2026)
        let g = Self.make(0, Self.paPlusLeaves(core: 300, leaves: 200, m: 3, &rng), &rng)
        for w in [EdgeWeighting.unweighted, .strength] {
            let one = try g.betweenness(weighting: w, threads: 1)
            Self.expectEqual(one, try g.brandesBetweenness(weighting: w, threads: 1), "PA+leaves \(w)")
            for t in [2, 3, nil] as [Int?] {
                #expect(try g.betweenness(weighting: w, threads: t) == one, "threads \(String(describing: t))")
            }
        }
    }
}
