import CSV
import Ecosystem
import EcosystemAnalysis
import Foundation

/// Writers of an ``UncertaintySummary``: text table, CSV and JSON. Deterministic: the same
/// summary gives the same bytes (rows in actor order, measures in the order asked for).
public enum UncertaintyWriter {
    /// CSV in long form: `level,id,name,measure,mean,p05,p95,p_top_<k>`; a row per actor and
    /// node measure (level `node`), then a row per network measure (level `network`, no id,
    /// no top-k probability). Numbers as ``Ecosystem/NumberFormat/exact(_:)`` (NaN: empty field).
    /// - Parameter u: the summary.
    /// - Returns: the CSV text, ending in a newline.
    /// - Throws: an error of the CSV library if the stream fails (it writes to memory).
    public static func csv(_ u: UncertaintySummary) throws -> String {
        let writer = try CSVWriter(stream: .toMemory(), newline: .lf)
        try writer.write(row: ["level", "id", "name", "measure", "mean", "p05", "p95", "p_top_\(u.topK)"])
        func n(_ x: Double) -> String { NumberFormat.exact(x) ?? "" }
        for i in u.nodeIDs.indices {
            for (j, measure) in u.measures.enumerated() {
                try writer.write(row: ["node", u.nodeIDs[i], u.nodeNames[i], measure, n(u.mean[j][i]), n(u.low[j][i]),
                                       n(u.high[j][i]), n(u.topProbability[j][i])])
            }
        }
        for entry in u.network {
            try writer.write(row: ["network", "", "", entry.name, n(entry.mean), n(entry.low), n(entry.high), ""])
        }
        writer.stream.close()
        let data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// JSON: `{"samples", "seed", "top_k", "uncertain_relations", "nodes": {id: {measure:
    /// {"mean", "p05", "p95", "p_top_k"}}}, "graph": {measure: {"mean", "p05", "p95"}},
    /// "undefined_samples": {measure: count}}`; keys sorted, NaN as `null`.
    /// - Parameter u: the summary.
    /// - Returns: pretty-printed JSON, ending in a newline.
    /// - Throws: `JSONDocumentError` (not expected: every value is a string, number, Boolean,
    ///   array, dictionary or null). Written by ``Ecosystem/JSONText``, the bytes `JSONSerialization` wrote.
    public static func json(_ u: UncertaintySummary) throws -> String {
        try JSONText.text(of: jsonDocument(u))
    }

    /// The document ``json(_:)`` writes, as Foundation values (the tests write it with
    /// `JSONSerialization` too and compare the bytes).
    static func jsonDocument(_ u: UncertaintySummary) -> [String: Any] {
        var nodes: [String: Any] = [:]
        for i in u.nodeIDs.indices {
            var values: [String: Any] = [:]
            for (j, measure) in u.measures.enumerated() {
                values[measure] = [
                    "mean": MetricsWriter.jsonValue(u.mean[j][i]), "p05": MetricsWriter.jsonValue(u.low[j][i]),
                    "p95": MetricsWriter.jsonValue(u.high[j][i]), "p_top_k": MetricsWriter.jsonValue(u.topProbability[j][i]),
                ]
            }
            nodes[u.nodeIDs[i]] = values
        }
        var graph: [String: Any] = [:]
        for e in u.network {
            graph[e.name] = ["mean": MetricsWriter.jsonValue(e.mean), "p05": MetricsWriter.jsonValue(e.low),
                             "p95": MetricsWriter.jsonValue(e.high)]
        }
        return [
            "samples": u.samples, "seed": String(u.seed), "top_k": u.topK, "uncertain_relations": u.uncertainRelations,
            "nodes": nodes, "graph": graph,
            "undefined_samples": Dictionary(u.undefinedSamples.map { ($0.measure, $0.count) }, uniquingKeysWith: { a, _ in a }),
        ]
    }

    /// Aligned text: a header line, then per actor and node measure `mean [p05, p95] P(top k)`,
    /// then the network measures.
    /// - Parameters:
    ///   - u: the summary.
    ///   - decimals: decimals of non-integral values (``Ecosystem/NumberFormat/table(_:_:)``).
    /// - Returns: the aligned text.
    public static func text(_ u: UncertaintySummary, decimals: Int = 4) -> String {
        func f(_ x: Double) -> String { NumberFormat.table(x, decimals) }
        var out = "\(u.samples) sampled networks (seed \(u.seed)); \(u.uncertainRelations) relation\(u.uncertainRelations == 1 ? "" : "s") with confidence < 1; "
            + "mean [5%, 95%] and P(top \(u.topK))\n"
        if !u.measures.isEmpty {
            var rows = [["id"] + u.measures.flatMap { [$0, "P(top \(u.topK))"] }]
            for i in u.nodeIDs.indices {
                rows.append([u.nodeIDs[i]] + u.measures.indices.flatMap { j in
                    ["\(f(u.mean[j][i])) [\(f(u.low[j][i])), \(f(u.high[j][i]))]", f(u.topProbability[j][i])]
                })
            }
            out += MetricsWriter.aligned(rows, rightAlignFrom: 1)
        }
        if !u.network.isEmpty {
            out += "\n" + MetricsWriter.aligned(u.network.map { [$0.name, "\(f($0.mean)) [\(f($0.low)), \(f($0.high))]"] }, rightAlignFrom: 1)
        }
        return out
    }
}
