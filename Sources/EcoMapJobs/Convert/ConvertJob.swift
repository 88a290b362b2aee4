import Ecosystem
import EcosystemAnalysis
import EcosystemRendering
import Foundation

/// `convert` and `apply`: writing a model in another format (``Ecosystem/ModelFormats``),
/// with the layout ecomap draws and, when asked, computed measures as node attributes.
public enum ConvertJob {
    /// What a conversion wrote and what the user should know.
    public struct Result: Sendable {
        /// The files written, as named.
        public var written: [String]
        /// Fields the format could not carry (empty when nothing was lost).
        public var dropped: [String]
    }

    /// Writes `model` as `format` to `path` through `files` (atomically, never over an
    /// input; every target checked before the first is written).
    ///
    /// GEXF, GraphML and node-link JSON get node positions — those the input carried when it
    /// gave every actor one (a GEXF from Gephi), otherwise the neato layout of ecomap's
    /// scenario maps (``EcosystemRendering/ScenarioDiagram/positions(baseline:scenarios:)``),
    /// converted from inches to points (×72) — and node sizes 10–40 points by betweenness.
    /// - Parameters:
    ///   - model: the model.
    ///   - format: the output format.
    ///   - path: the output file (for CSV, the stem or folder of the three files).
    ///   - measures: node measures to add as attributes (catalog names).
    ///   - options: the analysis options of the measures.
    ///   - positions: positions the input carried, in points.
    ///   - layout: whether to add positions and sizes (a neato layout takes minutes for
    ///     thousands of actors).
    ///   - files: the run's record of inputs and outputs.
    /// - Returns: the files written and the dropped fields.
    /// - Throws: ``JobError`` for a refused output; ``EcosystemAnalysis/AnalysisError``;
    ///   a layout error of Graphviz; an xlsx container error.
    public static func run(
        _ model: EcosystemModel, format: ModelFormat, to path: String, measures: [String], options: AnalysisOptions,
        positions: [String: (x: Double, y: Double)] = [:], layout: Bool = true, files: RunFiles
    ) throws -> Result {
        var extras = ExportExtras()
        if !measures.isEmpty {
            let table = try EcosystemAnalyzer.metrics(of: model, measures: measures, options: options)
            for m in table.measures {
                guard let column = table.column(m) else { continue }
                extras.measures.append((m, Dictionary(uniqueKeysWithValues: zip(table.nodeIDs, column))))
            }
        }
        if layout, [.gexf, .graphml, .nodelink].contains(format), !model.actors.isEmpty {
            if model.actors.allSatisfy({ positions[$0.id] != nil }) {
                extras.positions = positions
            } else {
                for (id, p) in try ScenarioDiagram.positions(baseline: model, scenarios: []) { extras.positions[id] = (p.x * 72, p.y * 72) }
            }
            if let size = MeasureCatalog.named("betweenness") != nil ? "betweenness" : nil,
               let table = try? EcosystemAnalyzer.metrics(of: model, measures: [size], options: options),
               let column = table.column(size) {
                let finite = column.filter(\.isFinite)
                let lo = finite.min() ?? 0, hi = finite.max() ?? 0
                for (id, x) in zip(table.nodeIDs, column) {
                    extras.sizes[id] = 10 + (hi > lo && x.isFinite ? 30 * (x - lo) / (hi - lo) : 0)
                }
            }
        }
        let (outputs, dropped) = try ModelFormats.write(model, as: format, to: path, extras: extras)
        try files.write(outputs.map { (URL(fileURLWithPath: $0.path), $0.data) })
        return Result(written: outputs.map(\.path), dropped: dropped)
    }
}
