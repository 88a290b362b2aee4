import Ecosystem
import EcosystemAnalysis
import EcosystemRendering
import EcosystemReport
import Foundation
import NetworkAnalysis

/// The formats of an evolution.
public enum EvolutionFormat: String, CaseIterable, Sendable {
    /// Aligned text for the terminal.
    case table
    /// Markdown tables.
    case markdown
    /// One CSV table in long form.
    case csv
    /// JSON.
    case json
}

/// A dated model followed over its periods.
public struct EvolvedModel: Sendable {
    /// The whole model (every actor and tie of every period).
    public let model: EcosystemModel
    /// The evolution.
    public let evolution: Evolution
    /// The options every period was analysed with.
    public let analysis: AnalysisOptions
}

/// `evolve` (and the report's Evolution section): the network per period as masks over one
/// model, every period analysed once with the same options, the maps drawn on one layout.
public enum EvolveJob {
    /// Follows `model` from `from` to `to` every `step`.
    /// - Parameters:
    ///   - model: the dated model (read once).
    ///   - from: the first period, or `nil` for the model's earliest date.
    ///   - to: the last period, or `nil` for its `observed` date (else its latest date).
    ///   - step: the step.
    ///   - measures: node measures followed per actor.
    ///   - indicators: network measures per period.
    ///   - analysis: one set of options for every period.
    ///   - rules: gap rules for the findings that appear and disappear; `nil` leaves them out.
    /// - Returns: the evolution.
    /// - Throws: ``EcosystemAnalysis/EvolutionError``, ``EcosystemAnalysis/AnalysisError``.
    public static func run(
        _ model: EcosystemModel, from: PartialDate?, to: PartialDate?, step: EvolutionStep,
        measures: [String] = ScenarioComparison.defaultMeasures, indicators: [String] = Evolution.defaultIndicators,
        analysis: AnalysisOptions, rules: GapRules?
    ) throws -> EvolvedModel {
        let periods = try Evolution.periods(of: model, from: from, to: to, step: step)
        let evolution = try Evolution.compute(
            model, periods: periods, step: step, measures: measures, indicators: indicators, options: analysis,
            findings: rules.map { CompareJob.findings(rules: $0, weighting: analysis.weighting) })
        return EvolvedModel(model: model, evolution: evolution, analysis: analysis)
    }

    /// The evolution as text in `format`; `width` is the longest line of the table form's
    /// sentences (a terminal's width).
    /// - Throws: when the CSV or JSON writer fails.
    public static func text(_ evolved: EvolvedModel, format: EvolutionFormat, width: Int = PlainText.defaultWidth) throws -> String {
        let e = evolved.evolution, title = evolved.model.title
        switch format {
        case .table: return EvolutionWriter.text(e, title: title, style: .text, width: width)
        case .markdown: return EvolutionWriter.text(e, title: title, style: .markdown)
        case .csv: return try EvolutionWriter.csv(e)
        case .json: return try EvolutionWriter.json(e, title: title)
        }
    }

    /// The line chart of `indicators` over the periods (``EcosystemReport/EvolutionWriter/svg(_:indicators:title:)``).
    public static func chart(_ evolved: EvolvedModel, indicators: [String]) -> String {
        EvolutionWriter.svg(evolved.evolution, indicators: indicators, title: "\(evolved.model.title): indicators per period")
    }

    /// The maps of every period on one fixed layout (the layout of the whole model, every
    /// actor of every period): `<period>.svg` per period, drawn as the change since the
    /// previous period (actors and ties entering in green, leaving dashed in vermillion;
    /// the first period as it stands), and `small-multiples.svg` (every period side by side).
    /// - Parameters:
    ///   - evolved: the evolution.
    ///   - sizeBy: node-size measure, or `nil` for equal sizes.
    /// - Returns: the files, in period order, then the small multiples.
    /// - Throws: ``EcosystemRendering/DiagramError``, ``EcosystemAnalysis/AnalysisError``, or a
    ///   Graphviz error from the layout.
    public static func maps(_ evolved: EvolvedModel, sizeBy: String?) throws -> [(name: String, svg: [UInt8])] {
        let models = evolved.evolution.models
        let positions = try ScenarioDiagram.positions(baseline: evolved.model, scenarios: [])
        let sizes = try sizes(evolved, measure: sizeBy)
        var files: [(name: String, svg: [UInt8])] = []
        for k in models.indices {
            // Titles "<model title>: 2022 — compared with 2021" (the earlier period by its date alone).
            var base = k == 0 ? models[0] : models[k - 1]
            base.title = base.name
            let svg = try ScenarioDiagram.svg(baseline: base, scenario: models[k], positions: positions, sizes: sizes?[k], sizeMeasure: sizeBy,
                                              idPrefix: "p\(k)-")
            files.append(("\(OutputFolder.component(for: models[k].name)).svg", svg))
        }
        let multiples = try ScenarioDiagram.smallMultiples(
            baseline: models[0], scenarios: Array(models.dropFirst()), positions: positions, sizes: sizes, sizeMeasure: sizeBy,
            columns: models.count > 6 ? 3 : 2, idPrefix: "sm-")
        files.append(("small-multiples.svg", Array(multiples.utf8)))
        return files
    }

    /// The diff diagram between two dates (the scenario diff diagram: what the network at
    /// `from` became at `to`, on one layout of both).
    /// - Parameters:
    ///   - model: the whole dated model.
    ///   - from: the earlier date.
    ///   - to: the later date.
    ///   - sizeBy: node-size measure (at `to`), or `nil`.
    ///   - analysis: the options for the sizes.
    /// - Returns: the file name `diff-<from>-<to>.svg` and the SVG.
    /// - Throws: as ``maps(_:sizeBy:)``.
    public static func diff(_ model: EcosystemModel, from: PartialDate, to: PartialDate, sizeBy: String?, analysis: AnalysisOptions) throws -> (name: String, svg: [UInt8]) {
        var pair = Evolution.snapshots(model, periods: [from, to])
        pair[0].title = "\(from)"
        pair[1].title = "\(model.title): \(to)"
        let positions = try ScenarioDiagram.positions(baseline: pair[0], scenarios: [pair[1]])
        var sizes: [String: Double]?
        if let sizeBy {
            let column = try EcosystemAnalyzer.metrics(of: pair[1], measures: [sizeBy], options: analysis).columns[0]
            sizes = Dictionary(uniqueKeysWithValues: zip(pair[1].actors.map(\.id), column))
        }
        let svg = try ScenarioDiagram.svg(baseline: pair[0], scenario: pair[1], positions: positions, sizes: sizes, sizeMeasure: sizeBy)
        return ("diff-\(from)-\(to).svg", svg)
    }

    /// Node sizes per period: the values of `measure` (from the evolution when it follows
    /// that measure, else one analysis per period).
    static func sizes(_ evolved: EvolvedModel, measure: String?) throws -> [[String: Double]]? {
        let models = evolved.evolution.models
        let compared = ComparedScenarios(baseline: models[0], scenarios: Array(models.dropFirst()),
                                         comparison: evolved.evolution.comparison, analysis: evolved.analysis)
        return try CompareJob.sizes(compared, measure: measure)
    }
}
