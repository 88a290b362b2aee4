import Ecosystem
import Foundation
import EcosystemAnalysis

/// The main job's summary for the terminal: title, size and components, the briefing, and the
/// top actors per measure, each measure said in words first with its term in brackets.
public enum SummaryWriter {
    /// Measures listed in the summary, in order.
    public static let measures = ["degree", "betweenness", "closeness", "pagerank", "constraint"]

    /// What each of ``measures`` means, in words, with the measure's name in brackets.
    public static let measureWords: [String: String] = [
        "degree": "most ties (degree)",
        "betweenness": "on most shortest paths (betweenness)",
        "closeness": "closest to all others (closeness)",
        "pagerank": "tied to the best-tied (PageRank)",
        "constraint": "most room to broker (constraint, lowest)",
    ]

    /// The summary of `model` from its metrics `table`, every line at most `width` characters.
    ///
    /// - Parameters:
    ///   - model: the model analysed.
    ///   - table: its metrics, with a `component` column and the columns of ``measures``
    ///     (missing ones are listed empty).
    ///   - top: how many actors per measure (`0`: none; the list is left out).
    ///   - width: the longest line (``PlainText/defaultWidth`` by default); long lists wrap
    ///     under themselves.
    ///   - briefing: the briefing's text (``BriefingWriter/text(_:report:width:)``), put after
    ///     the components; empty for none.
    /// - Returns: lines joined by `\n`, without a final newline. Constraint is ranked from the
    ///   lowest (less constraint, more brokerage opportunity: Burt 1992).
    /// - Complexity: `O(measures · n log n)`.
    public static func text(of model: EcosystemModel, table: MetricsTable, top: Int, width: Int = PlainText.defaultWidth, briefing: String = "") -> String {
        let assumed = model.relations.filter(\.isAssumed).count
        var lines = PlainText.wrap(model.title, width: width)
        lines += PlainText.wrap("\(model.actors.count) actors, \(model.relations.count) relations (\(assumed) assumed)", width: width)
        let components = Dictionary(grouping: model.actors.indices) { Int(table.column("component")?[$0] ?? 0) }
            .sorted { $0.key < $1.key }
        lines.append("components: \(components.count)" + (components.count == 1 ? " (every actor can reach every other)" : ""))
        if components.count > 1 {
            for (index, members) in components {
                let names = members.prefix(8).map { model.actors[$0].name }.joined(separator: ", ")
                let more = members.count > 8 ? ", … (\(members.count - 8) more)" : ""
                lines += PlainText.wrap("\(names)\(more)", width: width, first: "  component \(index + 1) (\(members.count) actors): ", rest: "    ")
            }
        }
        if !briefing.isEmpty {
            lines.append("")
            lines += briefing.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.last == "" { lines.removeLast() }
        }
        if top > 0 {
            lines.append("")
            lines.append("top \(top) actors per measure:")
            let labelWidth = measures.map { measureWords[$0]?.count ?? $0.count }.max() ?? 0
            let fits = width - labelWidth - 4 >= 60
            for measure in measures {
                let ranked = measure == "constraint"
                    ? lowest(top, of: table.column(measure) ?? [])
                    : table.top(top, by: measure)
                let cells = ranked.map { "\(model.actors[$0.row].name) (\(NumberFormat.table($0.value, 3)))" }
                let label = measureWords[measure] ?? measure
                if fits {
                    lines += PlainText.wrap(cells.joined(separator: "; "), width: width,
                                            first: "  " + label.padding(toLength: labelWidth + 2, withPad: " ", startingAt: 0))
                } else {
                    lines.append("  \(label):")
                    lines += PlainText.wrap(cells.joined(separator: "; "), width: width, first: "    ")
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The `k` rows with the smallest finite values, smallest first, ties by row order.
    static func lowest(_ k: Int, of column: [Double]) -> [(row: Int, value: Double)] {
        column.indices.filter { column[$0].isFinite }
            .sorted { column[$0] != column[$1] ? column[$0] < column[$1] : $0 < $1 }
            .prefix(k).map { ($0, column[$0]) }
    }
}
