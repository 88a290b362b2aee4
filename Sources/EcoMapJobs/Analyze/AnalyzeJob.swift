import Ecosystem
import EcosystemAnalysis
import EcosystemReport
import NetworkAnalysis

/// The formats of a metrics table.
public enum TableFormat: String, CaseIterable, Sendable {
    /// Aligned text for the terminal.
    case table
    /// CSV: one table (the node table if asked for, else the edge, pair or network table).
    case csv
    /// JSON with every level.
    case json
}

/// A table written, and what the user should know about it.
public struct WrittenTable: Sendable {
    /// The text.
    public let text: String
    /// Notes: measures left out of a CSV, measures without an answer.
    public let notes: [String]
}

/// `analyze`: measures of a model, or their distribution over uncertain ties.
public enum AnalyzeJob {
    /// Computes `measures` of `model` once and writes them in `format`.
    ///
    /// CSV holds one table: the node table if node measures were asked for, else the edge,
    /// pair or network table; what does not fit is named in the notes, never dropped silently.
    /// - Parameters:
    ///   - model: the model.
    ///   - measures: measure names of the catalog.
    ///   - options: the analysis options.
    ///   - format: the output format.
    /// - Returns: the text and notes.
    /// - Throws: ``EcosystemAnalysis/AnalysisError``; a writer's error.
    public static func run(
        _ model: EcosystemModel, measures: [String], options: AnalysisOptions, format: TableFormat
    ) throws -> WrittenTable {
        let table = try EcosystemAnalyzer.metrics(of: model, measures: measures, options: options)
        var notes: [String] = []
        let text: String
        switch format {
        case .table: text = MetricsWriter.text(table)
        case .json: text = MetricsWriter.json(table)
        case .csv:
            var tables: [(name: String, measures: [String])] = []
            if !table.measures.isEmpty { tables.append(("node", table.measures)) }
            if let edges = table.edges { tables.append(("edge", edges.measures)) }
            if let pairs = table.pairs { tables.append(("pair", pairs.measures)) }
            if !table.network.isEmpty { tables.append(("network", table.network.map(\.name))) }
            switch tables.first?.name {
            case "edge": text = try MetricsWriter.edgeCSV(table)
            case "pair": text = try MetricsWriter.pairCSV(table)
            case "network": text = try MetricsWriter.networkCSV(table)
            default: text = try MetricsWriter.csv(table)
            }
            for left in tables.dropFirst() {
                notes.append("CSV holds one table, the \(tables[0].name) measures; left out: \(left.name) measures "
                    + "\(left.measures.joined(separator: ", ")) (ask for them in a separate run, or use JSON)")
            }
        }
        for (measure, reason) in table.undefined { notes.append("\(measure): \(reason); its values are null") }
        return WrittenTable(text: text, notes: notes)
    }

    /// Draws `samples` networks from the relations' confidence and summarises `measures` over
    /// them (``EcosystemAnalysis/UncertaintyAnalysis``).
    /// - Parameters:
    ///   - model: the model.
    ///   - measures: node and network measures (edge and pair measures are left out).
    ///   - options: the analysis options.
    ///   - samples: how many networks.
    ///   - seed: the seed of the draws.
    ///   - topK: k of P(top k).
    ///   - format: the output format.
    ///   - monitor: progress (samples done) and stopping.
    /// - Returns: the text and notes.
    /// - Throws: ``JobError`` over ``WorkLimits/maxSamples`` or the machine's memory;
    ///   ``EcosystemAnalysis/AnalysisError``; ``NetworkAnalysis/GraphError/stopped(algorithm:done:total:)``
    ///   when the monitor stopped the run; a writer's error.
    public static func samples(
        _ model: EcosystemModel, measures: [String], options: AnalysisOptions, samples: Int, seed: UInt64, topK: Int,
        format: TableFormat, monitor: WorkMonitor = .none
    ) throws -> WrittenTable {
        let kept = measures.filter { ![.edge, .pair].contains(MeasureCatalog.named($0)?.level) }
        try WorkLimits.check(samples, atMost: WorkLimits.maxSamples, "samples")
        // Every sample's table is kept until the summary: samples × (actors × measures) values,
        // with the arrays' overhead.
        try WorkLimits.checkMemory(
            Double(samples) * (Double(model.actors.count) + 2) * Double(max(1, kept.count)) * 8 * 2,
            for: "\(samples) samples of \(model.actors.count) actors × \(kept.count) measures")
        let summary = try UncertaintyAnalysis.run(model: model, measures: kept, options: options, samples: samples, seed: seed, topK: topK, monitor: monitor)
        let text: String
        switch format {
        case .table: text = UncertaintyWriter.text(summary)
        case .csv: text = try UncertaintyWriter.csv(summary)
        case .json: text = try UncertaintyWriter.json(summary)
        }
        var notes: [String] = []
        if summary.uncertainRelations == 0 { notes.append("no relation has a confidence below 1: every sample is the model itself") }
        for (measure, count) in summary.undefinedSamples {
            notes.append("\(measure): undefined in \(count) of \(summary.samples) samples; left out of its statistics")
        }
        return WrittenTable(text: text, notes: notes)
    }
}
