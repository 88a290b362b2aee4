import Ecosystem
import EcosystemAnalysis
import Foundation

extension AnalyzeJob {
    /// `analyze --per-layer`: the measures of every relation layer (the model restricted to one
    /// relation type at a time, every actor kept), in one output.
    ///
    /// Table: one section per layer, headed `layer: TYPE`. CSV: the tables of the layers one
    /// under the other with a first column `layer` (one header). JSON: `{"layers": {TYPE: …}}`,
    /// each value the JSON of ``run(_:measures:options:format:)``.
    /// - Parameters:
    ///   - model: the model.
    ///   - measures: measure names of the catalog.
    ///   - options: the analysis options.
    ///   - format: the output format.
    /// - Returns: the text and the notes, each note naming its layer.
    /// - Throws: ``JobError`` when the model has no relation type; what ``run(_:measures:options:format:)`` throws.
    public static func perLayer(
        _ model: EcosystemModel, measures: [String], options: AnalysisOptions, format: TableFormat
    ) throws -> WrittenTable {
        let types = model.relationTypes.map(\.id)
        guard !types.isEmpty else { throw JobError("the model declares no relation types, so it has no layers") }
        var notes: [String] = []
        var parts: [(String, String)] = []
        for type in types {
            let written = try run(RelationLayers.restrict(model, to: [type]), measures: measures, options: options, format: format)
            notes += written.notes.map { "layer \(type): \($0)" }
            parts.append((type, written.text))
        }
        switch format {
        case .table:
            return WrittenTable(text: parts.map { "layer: \($0.0)\n\n\($0.1)" }.joined(separator: "\n"), notes: notes)
        case .csv:
            var lines: [String] = []
            for (k, (type, text)) in parts.enumerated() {
                let rows = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
                guard let header = rows.first else { continue }
                if k == 0 { lines.append("layer," + header) }
                let field = StatsReport.csvField(type)
                lines += rows.dropFirst().map { field + "," + $0 }
            }
            return WrittenTable(text: lines.joined(separator: "\n") + "\n", notes: notes)
        case .json:
            var layers: [String: Any] = [:]
            for (type, text) in parts { layers[type] = try JSONSerialization.jsonObject(with: Data(text.utf8)) }
            let data = try JSONSerialization.data(withJSONObject: ["layers": layers], options: [.prettyPrinted, .sortedKeys])
            return WrittenTable(text: String(decoding: data, as: UTF8.self) + "\n", notes: notes)
        }
    }
}
