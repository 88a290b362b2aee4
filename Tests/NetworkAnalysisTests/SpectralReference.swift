import FixtureSupport
import Testing
import NetworkAnalysis

/// The committed reference values of `Tests/Fixtures/reference_spectral.py`
/// (NetworkX 3.6.1 / numpy, see that script for how each number was made).
enum SpectralReference {
    /// Graphs the script covers.
    static let graphs = [
        "karate", "florentine", "kite", "small_directed", "rounding_ties",
        "random_undirected", "random_directed", "random_sparse",
    ]

    /// The whole reference file, parsed once.
    static let file: JSONValue = {
        do { return try Fixtures.reference("reference/spectral.json") } catch {
            fatalError("cannot read reference/spectral.json: \(error)")
        }
    }()

    /// `file[graph][key]`.
    static func entry(_ graph: String, _ key: String) -> JSONValue? {
        file[graph]?[key]
    }

    /// True when the script wrote `null` for the whole measure (no unique answer).
    static func isNull(_ value: JSONValue?) -> Bool {
        if case .null? = value { return true }
        return false
    }

    static func weighting(_ weighted: Bool) -> EdgeWeighting { weighted ? .strength : .unweighted }
    static func tag(_ weighted: Bool) -> String { weighted ? "weighted" : "unweighted" }
}

/// `#expect`-friendly description of the first disagreement, or nil when all agree.
func mismatch(_ ours: [Double], _ reference: [Double]?, tolerance: Double) -> String? {
    guard let reference else { return "reference missing" }
    guard let (i, a, b) = firstDisagreement(ours, reference, tolerance: tolerance) else { return nil }
    return "index \(i): ours \(a), reference \(b)"
}

/// The NetworkX defaults (tolerances 1e-6 / 1e-8, budgets 100 / 1000) also converge on the
/// fixtures and land within 1e-4 of the tightly converged references (NetworkX 3.6.1 with its
/// own defaults is 1e-6 to 3e-5 off them on these graphs: the stopping rule is loose).
@Suite("Spectral defaults")
struct SpectralDefaultsTests {
    @Test(arguments: SpectralReference.graphs)
    func defaultsConverge(graph name: String) throws {
        let g = try Fixtures.graph(name).makeGraph()
        if let ref = SpectralReference.entry(name, "eigenvector_unweighted")?.doubles {
            #expect(mismatch(try g.eigenvectorCentrality(weighting: .unweighted), ref, tolerance: 1e-4) == nil)
        }
        let pr = SpectralReference.entry(name, "pagerank_weighted")?.doubles
        #expect(mismatch(try g.pageRank(), pr, tolerance: 1e-4) == nil)
        if let ref = SpectralReference.entry(name, "hits_weighted"), !SpectralReference.isNull(ref) {
            let ours = try g.hits()
            #expect(mismatch(ours.hubs, ref["hubs"]?.doubles, tolerance: 1e-4) == nil)
        }
        let katz = try #require(SpectralReference.entry(name, "katz_weighted"))
        let alpha = try #require(katz["alpha"]?.double)
        #expect(mismatch(try g.katzCentrality(alpha: alpha), katz["values"]?.doubles, tolerance: 1e-4) == nil)
    }
}
