import Ecosystem
import Foundation
import EcosystemAnalysis

/// The main job's few lines for the terminal: size, components, the top actors per measure.
public enum SummaryWriter {
    /// Measures listed in the summary, in order.
    public static let measures = ["degree", "betweenness", "closeness", "pagerank", "constraint"]

    /// The summary of `model` from its metrics `table`.
    ///
    /// - Parameters:
    ///   - model: the model analysed.
    ///   - table: its metrics, with a `component` column and the columns of ``measures``
    ///     (missing ones are listed empty).
    ///   - top: how many actors per measure (`0`: none; the list is left out).
    /// - Returns: lines joined by `\n`, without a final newline. Constraint is ranked from the
    ///   lowest (less constraint, more brokerage opportunity: Burt 1992).
    /// - Complexity: `O(measures · n log n)`.
    public static func text(of model: EcosystemModel, table: MetricsTable, top: Int) -> String {
        let assumed = model.relations.filter(\.isAssumed).count
        var lines = ["\(model.title)",
                     "\(model.actors.count) actors, \(model.relations.count) relations (\(assumed) assumed)"]
        let components = Dictionary(grouping: model.actors.indices) { Int(table.column("component")?[$0] ?? 0) }
            .sorted { $0.key < $1.key }
        lines.append("components: \(components.count)")
        for (index, members) in components {
            let names = members.prefix(8).map { model.actors[$0].name }.joined(separator: ", ")
            let more = members.count > 8 ? ", … (\(members.count - 8) more)" : ""
            lines.append("  component \(index + 1) (\(members.count) actors): \(names)\(more)")
        }
        if top > 0 {
            lines.append("top \(top) per measure:")
            let width = measures.map(\.count).max() ?? 0
            for measure in measures {
                let ranked = measure == "constraint"
                    ? lowest(top, of: table.column(measure) ?? [])
                    : table.top(top, by: measure)
                let cells = ranked.map { "\(model.actors[$0.row].name) (\(NumberFormat.table($0.value, 3)))" }
                let label = measure == "constraint" ? "constraint (lowest)" : measure
                lines.append("  \(label.padding(toLength: width + 9, withPad: " ", startingAt: 0)) \(cells.joined(separator: "; "))")
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
