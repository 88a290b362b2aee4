import Ecosystem
import EcosystemAnalysis
import EcosystemRendering
import EcosystemReport
import Foundation
import Graphviz

/// The main job of `ecomap` with no arguments: measures, map, CSV and a short summary.
/// Everything is computed in memory first, so nothing is written when any step fails.
enum MainJob {
    static let defaultModelPath = "Datasets/zoetermeer/model.yaml"

    /// Columns of metrics.csv, in order.
    static let measures = [
        "degree", "in_degree", "out_degree", "strength", "betweenness", "closeness", "harmonic",
        "pagerank", "eigenvector", "core_number", "constraint", "effective_size", "component",
    ]

    /// Measures listed in the printed summary.
    static let summaryMeasures = ["degree", "betweenness", "closeness", "pagerank", "constraint"]

    struct Result {
        let table: MetricsTable
        let svg: [UInt8]
        let warnings: [String]
        let csv: String
    }

    static func run(_ model: EcosystemModel, sizeBy: String, engine: LayoutEngine) throws -> Result {
        let options = AnalysisOptions(directed: false, weighting: .strength, normalized: true)
        let table = try EcosystemAnalyzer.metrics(of: model, measures: measures, options: options)
        let diagram = DiagramOptions(
            caption: "Node size: \(sizeBy) (undirected, path length 1/strength). Source: \(model.name) model.",
            engine: engine, nodeSize: table.column(sizeBy), nodeSizeMeasure: sizeBy)
        let rendered = try EcosystemDiagram.render(model, options: diagram, formats: [.svg])
        let svg = rendered[.svg]!
        return Result(
            table: table, svg: svg.data, warnings: svg.warnings,
            csv: try MetricsWriter.csv(table))
    }

    /// A few lines for the terminal: size, components, the top actors per measure.
    static func summary(of model: EcosystemModel, table: MetricsTable, top: Int) -> String {
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
            let width = summaryMeasures.map(\.count).max() ?? 0
            for measure in summaryMeasures {
                // Low constraint means more brokerage opportunity: rank ascending.
                let ranked = measure == "constraint"
                    ? lowest(top, of: table.column(measure) ?? [])
                    : table.top(top, by: measure)
                let cells = ranked.map { "\(model.actors[$0.row].name) (\(MetricsWriter.fixed($0.value, 3)))" }
                let label = measure == "constraint" ? "constraint (lowest)" : measure
                lines.append("  \(label.padding(toLength: width + 9, withPad: " ", startingAt: 0)) \(cells.joined(separator: "; "))")
            }
        }
        return lines.joined(separator: "\n")
    }

    static func lowest(_ k: Int, of column: [Double]) -> [(row: Int, value: Double)] {
        column.indices.filter { column[$0].isFinite }
            .sorted { column[$0] != column[$1] ? column[$0] < column[$1] : $0 < $1 }
            .prefix(k).map { ($0, column[$0]) }
    }
}
