import Ecosystem
import Foundation

/// A value of a statistics report: a number, a count or a text.
public enum StatsValue: Sendable, Equatable {
    case number(Double), count(Int), text(String)

    var display: String {
        switch self {
        case let .number(x): return x.isNaN ? "–" : NumberFormat.decimals(x, 4)
        case let .count(k): return String(k)
        case let .text(s): return s
        }
    }

    var json: Any {
        switch self {
        case let .number(x): return x.isFinite ? x : NSNull()
        case let .count(k): return k
        case let .text(s): return s
        }
    }
}

/// The result of an `ecomap stats` command: named facts (the statistic, p-values, permutations,
/// seed…) and one table (a row per actor, or per set), written as text, CSV or JSON.
public struct StatsReport: Sendable {
    /// What was computed, e.g. "Structural equivalence (Euclidean), 4 positions".
    public var title: String
    /// Named values, in order.
    public var facts: [(name: String, value: StatsValue)]
    /// Column names of the table.
    public var columns: [String]
    /// Rows of the table, each with one value per column.
    public var rows: [[StatsValue]]

    public init(title: String, facts: [(name: String, value: StatsValue)] = [], columns: [String] = [], rows: [[StatsValue]] = []) {
        self.title = title; self.facts = facts; self.columns = columns; self.rows = rows
    }

    /// The report in `format`: `.table` aligned text (title, facts, table), `.csv` the table
    /// only (the facts as `# name: value` lines first), `.json` everything.
    /// - Throws: an error of `JSONSerialization` (not expected).
    public func written(_ format: TableFormat) throws -> String {
        switch format {
        case .table:
            var lines = [title, ""]
            let width = facts.map(\.name.count).max() ?? 0
            for (name, value) in facts { lines.append(name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value.display) }
            if !columns.isEmpty {
                lines.append("")
                let cells = [columns] + rows.map { $0.map(\.display) }
                let widths = columns.indices.map { c in cells.map { $0[c].count }.max() ?? 0 }
                for row in cells {
                    lines.append(row.enumerated().map { c, s in
                        c == 0 ? s.padding(toLength: widths[c], withPad: " ", startingAt: 0) : String(repeating: " ", count: widths[c] - s.count) + s
                    }.joined(separator: "  "))
                }
            }
            return lines.joined(separator: "\n") + "\n"
        case .csv:
            var lines = facts.map { "# \($0.name): \($0.value.display)" }
            lines.append(columns.map(Self.csvField).joined(separator: ","))
            for row in rows {
                lines.append(row.map { value -> String in
                    switch value {
                    case let .number(x): return x.isFinite ? "\(x)" : ""
                    default: return Self.csvField(value.display)
                    }
                }.joined(separator: ","))
            }
            return lines.joined(separator: "\n") + "\n"
        case .json:
            var document: [String: Any] = ["title": title]
            var factObject: [String: Any] = [:]
            for (name, value) in facts { factObject[name] = value.json }
            document["facts"] = factObject
            document["columns"] = columns
            document["rows"] = rows.map { $0.map(\.json) }
            let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])
            return String(decoding: data, as: UTF8.self) + "\n"
        }
    }

    static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
