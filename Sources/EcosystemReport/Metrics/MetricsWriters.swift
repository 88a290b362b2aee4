import CSV
import Ecosystem
import EcosystemAnalysis
import Foundation

/// Writers of a ``MetricsTable`` as CSV, JSON and an aligned text table.
///
/// All three are deterministic: rows in node order, columns in measure order, numbers in
/// Swift's shortest round-tripping decimal form (so a value read back is the same `Double`).
/// An undefined value (NaN) is an empty CSV field, JSON `null`, and `–` in the text table.
public enum MetricsWriter {
    /// CSV (RFC 4180, UTF-8, `\n` line ends): `id,name,<labels…>,<measures…>`, a row per node.
    ///
    /// - Parameter table: the metrics.
    /// - Returns: the CSV text, ending in a newline; numbers as ``Ecosystem/NumberFormat/exact(_:)`` (NaN: empty field).
    /// - Throws: an error of the CSV library if the stream fails (it writes to memory).
    /// - Complexity: `O(n · measures)`.
    public static func csv(_ table: MetricsTable) throws -> String {
        let writer = try CSVWriter(stream: .toMemory(), newline: .lf)
        try writer.write(row: ["id", "name"] + table.labels.map(\.name) + table.measures)
        for row in table.nodeIDs.indices {
            var fields = [table.nodeIDs[row], table.nodeNames[row]]
            fields += table.labels.map { $0.values[row] }
            fields += table.columns.map { NumberFormat.exact($0[row]) ?? "" }
            try writer.write(row: fields)
        }
        writer.stream.close()
        let data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// CSV of the edge-level measures: `id,from,to,<measures…>`, a row per relation (edge).
    /// Empty header-only output when the table has no edge measures.
    /// - Parameter table: the metrics.
    /// - Returns: the CSV text, ending in a newline.
    /// - Throws: an error of the CSV library if the stream fails (it writes to memory).
    public static func edgeCSV(_ table: MetricsTable) throws -> String {
        let writer = try CSVWriter(stream: .toMemory(), newline: .lf)
        let edges = table.edges
        try writer.write(row: ["id", "from", "to"] + (edges?.measures ?? []))
        if let edges {
            for row in edges.ids.indices {
                try writer.write(row: [edges.ids[row], edges.from[row], edges.to[row]]
                    + edges.columns.map { NumberFormat.exact($0[row]) ?? "" })
            }
        }
        writer.stream.close()
        let data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// CSV of the network-level measures: `measure,value`, a row per measure.
    /// - Parameter table: the metrics.
    /// - Returns: the CSV text, ending in a newline.
    /// - Throws: an error of the CSV library if the stream fails (it writes to memory).
    public static func networkCSV(_ table: MetricsTable) throws -> String {
        let writer = try CSVWriter(stream: .toMemory(), newline: .lf)
        try writer.write(row: ["measure", "value"])
        for (name, value) in table.network { try writer.write(row: [name, NumberFormat.exact(value) ?? ""]) }
        writer.stream.close()
        let data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// CSV of the pair-level measures: `u,v,<measures…>`, a row per non-adjacent pair
    /// (header only when the table has no pair measures).
    /// - Parameter table: the metrics.
    /// - Returns: the CSV text, ending in a newline.
    /// - Throws: an error of the CSV library if the stream fails (it writes to memory).
    public static func pairCSV(_ table: MetricsTable) throws -> String {
        let writer = try CSVWriter(stream: .toMemory(), newline: .lf)
        let pairs = table.pairs
        try writer.write(row: ["u", "v"] + (pairs?.measures ?? []))
        if let pairs {
            for row in pairs.u.indices {
                try writer.write(row: [pairs.u[row], pairs.v[row]] + pairs.columns.map { NumberFormat.exact($0[row]) ?? "" })
            }
        }
        writer.stream.close()
        let data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// JSON: `{"nodes": {id: {measure: value, …}, …}, "graph": {measure: value, …}}` plus, when
    /// edge measures were asked for, `"edges": {relation id: {"from": id, "to": id, measure: value}}`;
    /// when pair measures were asked for, `"pairs": [{"u": id, "v": id, measure: value}, …]` (in
    /// row order), and `"undefined": {measure: reason}` when a measure had no answer; keys
    /// sorted (``Ecosystem/JSONText/sortedKeys(_:)``), pretty-printed; NaN and ±∞ written as
    /// `null`, integral values as integers. When only network-level measures were asked for,
    /// `"nodes"` is an empty object (no empty object per node).
    ///
    /// Written by the streaming ``Ecosystem/JSONText`` (the bytes `JSONSerialization` wrote
    /// before, without building a dictionary per node or sorting with a locale).
    /// - Parameter table: the metrics.
    /// - Returns: the JSON text, ending in a newline.
    /// - Complexity: `O(n · measures)` plus sorting the ids once.
    public static func json(_ table: MetricsTable) -> String {
        var w = JSONText(capacity: 64 + table.nodeIDs.count * (24 + 28 * table.measures.count))
        // Each id once (a later duplicate replaced an earlier one in the dictionary).
        func rows(_ ids: [String]) -> [(String, Int)] {
            var last: [String: Int] = [:]
            for (i, id) in ids.enumerated() { last[id] = i }
            return JSONText.sortedKeys(last.keys).map { ($0, last[$0]!) }
        }
        func members(_ names: [String]) -> [(String, Int)] {
            var last: [String: Int] = [:]
            for (j, name) in names.enumerated() { last[name] = j }
            return JSONText.sortedKeys(last.keys).map { ($0, last[$0]!) }
        }
        var top = ["nodes", "graph"]
        if table.edges != nil { top.append("edges") }
        if table.pairs != nil { top.append("pairs") }
        if !table.undefined.isEmpty { top.append("undefined") }
        w.beginObject()
        for section in JSONText.sortedKeys(top) {
            w.key(section)
            switch section {
            case "nodes":
                w.beginObject()
                if !table.measures.isEmpty {
                    let columns = members(table.measures)
                    for (id, row) in rows(table.nodeIDs) {
                        w.key(id)
                        w.beginObject()
                        for (name, j) in columns { w.key(name); w.measure(table.columns[j][row]) }
                        w.endObject()
                    }
                }
                w.endObject()
            case "graph":
                w.beginObject()
                var last: [String: Double] = [:]
                for (name, value) in table.network { last[name] = value }
                for name in JSONText.sortedKeys(last.keys) { w.key(name); w.measure(last[name]!) }
                w.endObject()
            case "edges":
                let edges = table.edges!
                let columns = members(["from", "to"] + edges.measures)
                w.beginObject()
                for (id, row) in rows(edges.ids) {
                    w.key(id)
                    w.beginObject()
                    for (name, j) in columns {
                        w.key(name)
                        if j == 0 { w.string(edges.from[row]) } else if j == 1 { w.string(edges.to[row]) } else { w.measure(edges.columns[j - 2][row]) }
                    }
                    w.endObject()
                }
                w.endObject()
            case "pairs":
                let pairs = table.pairs!
                let columns = members(["u", "v"] + pairs.measures)
                w.beginArray()
                for row in pairs.u.indices {
                    w.beginObject()
                    for (name, j) in columns {
                        w.key(name)
                        if j == 0 { w.string(pairs.u[row]) } else if j == 1 { w.string(pairs.v[row]) } else { w.measure(pairs.columns[j - 2][row]) }
                    }
                    w.endObject()
                }
                w.endArray()
            default:
                var first: [String: String] = [:]
                for (measure, reason) in table.undefined where first[measure] == nil { first[measure] = reason }
                w.beginObject()
                for name in JSONText.sortedKeys(first.keys) { w.key(name); w.string(first[name]!) }
                w.endObject()
            }
        }
        w.endObject()
        return w.text
    }

    /// A node measure's value as the human-readable tables show it: community and component
    /// numbers (categorical measures, ``EcosystemAnalysis/MeasureDefinition/isCategorical``:
    /// 0-based in the analysis, its CSV and its JSON) from 1, as on the maps; any other value
    /// with ``Ecosystem/NumberFormat/table(_:_:)``.
    /// - Parameters:
    ///   - value: the value as computed.
    ///   - measure: its measure's name.
    ///   - decimals: decimals of a non-integral value.
    /// - Returns: the text (`–` for an undefined value).
    public static func displayed(_ value: Double, measure: String, decimals: Int) -> String {
        if MeasureCatalog.named(measure)?.isCategorical == true, value.isFinite { return NumberFormat.table(value + 1, 0) }
        return NumberFormat.table(value, decimals)
    }

    /// An aligned plain-text table for terminals, followed by the network-level measures.
    /// Node rows first, then edge and pair rows when present, then `measure value` lines.
    /// Communities and components are numbered from 1 (``displayed(_:measure:decimals:)``).
    /// - Parameters:
    ///   - table: the metrics.
    ///   - decimals: decimals of non-integral values (see ``Ecosystem/NumberFormat/table(_:_:)``).
    /// - Returns: the text, each block ending in a newline (empty for an empty table).
    public static func text(_ table: MetricsTable, decimals: Int = 4) -> String {
        let header = ["id"] + table.labels.map(\.name) + table.measures
        var rows: [[String]] = []
        for row in table.nodeIDs.indices {
            rows.append([table.nodeIDs[row]] + table.labels.map { $0.values[row] }
                + table.measures.indices.map { displayed(table.columns[$0][row], measure: table.measures[$0], decimals: decimals) })
        }
        var out = table.measures.isEmpty ? "" : aligned([header] + rows, rightAlignFrom: 1 + table.labels.count)
        if let edges = table.edges {
            var edgeRows = [["id", "from", "to"] + edges.measures]
            for row in edges.ids.indices {
                edgeRows.append([edges.ids[row], edges.from[row], edges.to[row]] + edges.columns.map { NumberFormat.table($0[row], decimals) })
            }
            out += (out.isEmpty ? "" : "\n") + aligned(edgeRows, rightAlignFrom: 3)
        }
        if let pairs = table.pairs {
            var pairRows = [["u", "v"] + pairs.measures]
            for row in pairs.u.indices {
                pairRows.append([pairs.u[row], pairs.v[row]] + pairs.columns.map { NumberFormat.table($0[row], decimals) })
            }
            out += (out.isEmpty ? "" : "\n") + aligned(pairRows, rightAlignFrom: 2)
        }
        if !table.network.isEmpty {
            out += (out.isEmpty ? "" : "\n") + aligned(table.network.map { [$0.name, NumberFormat.table($0.value, decimals)] }, rightAlignFrom: 1)
        }
        return out
    }

    static func jsonValue(_ x: Double) -> Any {
        guard x.isFinite else { return NSNull() }
        if x == x.rounded(), abs(x) < 1e15 { return Int64(x) }
        return x
    }

    static func aligned(_ rows: [[String]], rightAlignFrom: Int) -> String {
        guard let first = rows.first else { return "" }
        var widths = [Int](repeating: 0, count: first.count)
        for row in rows { for (j, cell) in row.enumerated() { widths[j] = max(widths[j], cell.count) } }
        return rows.map { row in
            row.enumerated().map { j, cell in
                let pad = String(repeating: " ", count: widths[j] - cell.count)
                return j >= rightAlignFrom ? pad + cell : cell + pad
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }.joined(separator: "\n") + "\n"
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
