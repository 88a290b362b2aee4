import FixtureSupport
import NetworkAnalysis
import Testing

/// The committed NetworkX/igraph values of `Tests/Fixtures/reference/paths.json` (written by
/// `Tests/Fixtures/reference_paths.py`): one case per fixture graph, as directed or undirected
/// graph, unweighted (`none`) or with lengths `1 / w` (`strength`).
enum PathReference {
    /// Every case key `"<graph>|<directed|undirected>|<none|strength>"` of the reference file.
    static let keys: [String] = [
        "florentine", "karate", "kite", "random_sparse", "random_undirected", "rounding_ties",
    ].flatMap { g in ["none", "strength"].map { "\(g)|undirected|\($0)" } }
        + ["random_directed", "small_directed"].flatMap { g in
            ["directed", "undirected"].flatMap { d in ["none", "strength"].map { "\(g)|\(d)|\($0)" } }
        }

    /// Parsed once per test process.
    static let document: JSONValue? = try? Fixtures.reference("reference/paths.json")

    struct Case {
        let graph: Graph
        let weighting: EdgeWeighting
        let values: JSONValue
    }

    struct MissingValue: Error, CustomStringConvertible {
        let description: String
    }

    /// The graph of case `key` (undirected versions of directed fixtures keep reciprocal arcs
    /// as parallel edges, as `Graph.undirected()` does) and its reference values.
    static func load(_ key: String) throws -> Case {
        let parts = key.split(separator: "|").map(String.init)
        let graph = try Fixtures.graph(parts[0]).makeGraph(directed: parts[1] == "directed")
        guard let values = document?[key] else { throw MissingValue(description: "no reference for \(key)") }
        return Case(graph: graph, weighting: parts[2] == "none" ? .unweighted : .strength, values: values)
    }

    static func numbers(_ c: Case, _ field: String) throws -> [Double] {
        guard let v = c.values[field]?.doubles else { throw MissingValue(description: "no array \(field)") }
        return v
    }

    static func number(_ c: Case, _ field: String) throws -> Double {
        guard let v = c.values[field]?.double else { throw MissingValue(description: "no number \(field)") }
        return v
    }

    /// Records a failure naming the first index where `actual` and `expected` differ.
    static func expectClose(
        _ actual: [Double], _ expected: [Double], tolerance: Double = 1e-9, _ what: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(actual.count == expected.count, "\(what): \(actual.count) values, expected \(expected.count)",
                sourceLocation: sourceLocation)
        if let (i, a, b) = firstDisagreement(actual, expected, tolerance: tolerance) {
            Issue.record("\(what): index \(i) is \(a), reference \(b)", sourceLocation: sourceLocation)
        }
    }
}

/// Small graphs built from labelled edges for the hand-checked cases.
enum SmallGraphs {
    static func make(_ n: Int, _ edges: [(Int, Int)], weights: [Double]? = nil, directed: Bool = false) -> Graph {
        try! Graph(nodeCount: n, edges: edges, weights: weights, directed: directed)
    }

    /// A reproducible random simple graph (SplitMix64 steps local to the tests).
    static func random(nodes n: Int, edges m: Int, seed: UInt64, directed: Bool, maxWeight: Int = 5) -> Graph {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var seen = Set<Int>()
        var edges: [(Int, Int)] = []
        var weights: [Double] = []
        while edges.count < m {
            let u = Int(next() % UInt64(n)), v = Int(next() % UInt64(n))
            if u == v { continue }
            let key = directed ? u * n + v : min(u, v) * n + max(u, v)
            if !seen.insert(key).inserted { continue }
            edges.append((u, v))
            weights.append(Double(1 + Int(next() % UInt64(maxWeight))))
        }
        return make(n, edges, weights: weights, directed: directed)
    }
}
