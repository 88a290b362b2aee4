import FixtureSupport
import NetworkAnalysis
import Testing

/// The committed NetworkX/igraph values of `Tests/Fixtures/reference/structure.json`
/// (written by `Tests/Fixtures/reference_structure.py`) and the fixture graphs they belong to.
enum StructureReference {
    static let undirected = ["karate", "florentine", "kite", "rounding_ties", "random_undirected", "random_sparse"]
    static let directed = ["small_directed", "random_directed"]
    static let all = undirected + directed

    /// Parsed once per test process.
    static let document: JSONValue? = try? Fixtures.reference("reference/structure.json")

    /// The fixture graph and its reference values.
    static func load(_ name: String) throws -> (graph: Graph, values: JSONValue) {
        let graph = try Fixtures.graph(name).makeGraph()
        let values = try #require(document?["graphs"]?[name], "no reference values for \(name)")
        return (graph, values)
    }

    /// Reference numbers under `key` (null → NaN).
    static func numbers(_ values: JSONValue, _ key: String) throws -> [Double] {
        try #require(values[key]?.doubles, "reference has no numeric array \(key)")
    }

    static func number(_ values: JSONValue, _ key: String) throws -> Double {
        try #require(values[key]?.double, "reference has no number \(key)")
    }
}

/// Expects `actual` to agree with `expected` element-wise, naming the first disagreement.
func expectAgree(
    _ actual: [Double], _ expected: [Double], tolerance: Double = 1e-9, _ what: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let bad = firstDisagreement(actual, expected, tolerance: tolerance)
    #expect(bad == nil, "\(what): first disagreement (index, ours, reference) = \(String(describing: bad))",
            sourceLocation: sourceLocation)
}

func expectAgree(
    _ actual: [Int], _ expected: [Double], _ what: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    expectAgree(actual.map(Double.init), expected, tolerance: 0, what, sourceLocation: sourceLocation)
}
