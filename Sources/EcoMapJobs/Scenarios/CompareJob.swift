import Ecosystem
import EcosystemAnalysis
import EcosystemRendering
import EcosystemReport
import Foundation
import NetworkAnalysis

/// The formats of a scenario comparison.
public enum ComparisonFormat: String, CaseIterable, Sendable {
    /// Aligned text for the terminal.
    case table
    /// Markdown tables.
    case markdown
    /// An HTML fragment.
    case html
    /// One CSV table in long form.
    case csv
    /// JSON.
    case json
}

/// A baseline, its scenarios applied, and their comparison.
public struct ComparedScenarios: Sendable {
    /// The baseline model.
    public let baseline: EcosystemModel
    /// The changed models, in the order given.
    public let scenarios: [EcosystemModel]
    /// The comparison (indicators, per-actor values and ranks, changes, findings).
    public let comparison: ScenarioComparison
    /// The analysis options every network was analysed with.
    public let analysis: AnalysisOptions
}

/// The diagrams of a comparison, drawn on the baseline's positions.
public struct ScenarioDiagrams: Sendable {
    /// `<scenario>-diff.svg` per scenario, then `small-multiples.svg`.
    public let files: [(name: String, svg: [UInt8])]
    /// Node positions shared by every diagram, by actor id, inches.
    public let positions: [String: ScenarioDiagram.Point]
    /// For page diagrams whose box is too small for 8-pt labels: how small they come out.
    public let pageWarnings: [String]
    /// How many actors were placed anew around kept positions.
    public let placed: Int
}

/// `compare` (and the report's scenario section): apply scenarios to a baseline, analyse
/// every network once with the same options, and draw the changes on shared positions.
public enum CompareJob {
    /// Applies the scenarios at `scenarioPaths` to `baseline` and compares them.
    ///
    /// - Parameters:
    ///   - baseline: the baseline model, read from `modelPath`.
    ///   - modelPath: where it was read from (scenarios that name a base must name it).
    ///   - scenarioPaths: scenario files, in order.
    ///   - measures: node measures compared per actor.
    ///   - indicators: network measures compared.
    ///   - analysis: one set of options for every network, so differences come from the changes.
    ///   - rules: the gap rules for the findings that appear or disappear; `nil` leaves the
    ///     findings out.
    ///   - ties: the size of each network's tie portfolio (its recommended-tie findings).
    ///   - files: the run's record of inputs (every scenario file and what it extends).
    /// - Returns: the models and the comparison.
    /// - Throws: ``JobError``, ``Ecosystem/ModelError``, ``EcosystemAnalysis/AnalysisError``.
    public static func run(
        baseline: EcosystemModel, modelPath: String, scenarioPaths: [String],
        measures: [String] = ScenarioComparison.defaultMeasures,
        indicators: [String] = ScenarioComparison.defaultIndicators,
        analysis: AnalysisOptions, rules: GapRules?, ties: Int = 3, files: RunFiles
    ) throws -> ComparedScenarios {
        let changed = try ScenarioInput.apply(scenarioPaths, to: baseline, modelPath: modelPath, files: files)
        let comparison = try ScenarioComparison.compare(
            baseline: baseline, scenarios: changed, measures: measures, indicators: indicators, options: analysis,
            findings: rules.map { findings(rules: $0, weighting: analysis.weighting, ties: ties) })
        return ComparedScenarios(baseline: baseline, scenarios: changed, comparison: comparison, analysis: analysis)
    }

    /// Compares two observed networks: `second` matched to `first` (``Ecosystem/ModelMatch``,
    /// by id or by name), both analysed once with the same options, exactly as `analyze`
    /// analyses each alone (matching renames, it changes no tie).
    /// - Parameters:
    ///   - first: the model compared with (the baseline column).
    ///   - second: the other observed network.
    ///   - match: how actors are matched.
    ///   - measures: node measures compared per actor.
    ///   - indicators: network measures compared.
    ///   - analysis: one set of options for both.
    ///   - rules: the gap rules for the findings that appear or disappear; `nil` leaves them out.
    ///   - ties: the size of the tie portfolio in those findings.
    /// - Returns: the models (the second under the first's ids) and the comparison, and the match.
    /// - Throws: ``EcosystemAnalysis/AnalysisError``.
    public static func run(
        first: EcosystemModel, second: EcosystemModel, match: ModelMatch.Key,
        measures: [String] = ScenarioComparison.defaultMeasures,
        indicators: [String] = ScenarioComparison.defaultIndicators,
        analysis: AnalysisOptions, rules: GapRules?, ties: Int = 3
    ) throws -> (compared: ComparedScenarios, match: ModelMatch) {
        let matched = ModelMatch(first, second, by: match)
        let comparison = try ScenarioComparison.compare(
            baseline: first, scenarios: [matched.other], measures: measures, indicators: indicators, options: analysis,
            findings: rules.map { findings(rules: $0, weighting: analysis.weighting, ties: ties) })
        return (ComparedScenarios(baseline: first, scenarios: [matched.other], comparison: comparison, analysis: analysis), matched)
    }

    /// The actors a match left unmatched, as text in `format` (a section after the
    /// comparison; in JSON an object `{"match", "only_in_first", "only_in_second",
    /// "ambiguous_names"}`).
    /// Actors are named as in their model, with the id in brackets when it differs.
    public static func unmatchedText(_ m: ModelMatch, first: EcosystemModel, key: ModelMatch.Key, format: ComparisonFormat) -> String {
        func named(_ ids: [String], in model: EcosystemModel) -> String {
            guard !ids.isEmpty else { return "none" }
            let names = Dictionary(model.actors.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            return ids.map { id in names[id].map { $0 == id ? id : "\($0) (\(id))" } ?? id }.joined(separator: ", ")
        }
        let a = named(m.onlyInFirst, in: first)
        let b = named(m.onlyInSecond, in: m.other)
        let lines = ["Actors matched by \(key.rawValue); unmatched:", "only in \(first.name): \(a)", "only in \(m.other.name): \(b)"]
            + (m.ambiguous.isEmpty ? [] : ["names shared by several actors, not matched: \(m.ambiguous.joined(separator: ", "))"])
        switch format {
        case .table: return "\n" + lines.joined(separator: "\n") + "\n"
        case .markdown: return "\n### Unmatched actors\n\n" + lines.dropFirst().map { "- \($0)" }.joined(separator: "\n") + "\n"
        case .html: return "<h3>Unmatched actors</h3>\n<ul>" + lines.dropFirst().map { "<li>\(SweepWriter.escape($0))</li>" }.joined() + "</ul>\n"
        case .csv, .json: return ""
        }
    }

    /// Gap findings per network (``EcosystemAnalysis/GapAnalyzer``, the same rules,
    /// weighting and portfolio size for every network).
    static func findings(rules: GapRules, weighting: EdgeWeighting, ties: Int = 3) -> @Sendable (EcosystemModel, MetricsTable) throws -> [ComparedFinding] {
        let options = GapOptions(weighting: weighting, ties: ties)
        return { model, _ in ScenarioComparison.findings(from: try GapAnalyzer.analyze(model, rules: rules, options: options)) }
    }

    /// The comparison as text in `format`.
    /// - Parameters:
    ///   - comparison: the comparison.
    ///   - format: the format.
    ///   - width: the longest line of the `table` format (tables fit or fold, findings wrap);
    ///     `nil` leaves lines as long as they are (for scripts).
    /// - Returns: the text.
    /// - Throws: when the CSV or JSON writer fails.
    public static func text(_ comparison: ScenarioComparison, format: ComparisonFormat, width: Int? = nil) throws -> String {
        switch format {
        case .table: return ComparisonWriter.text(comparison, style: .text, width: width)
        case .markdown: return ComparisonWriter.text(comparison, style: .markdown)
        case .html: return ComparisonWriter.text(comparison, style: .html)
        case .csv: return try ComparisonWriter.csv(comparison)
        case .json: return try ComparisonWriter.json(comparison)
        }
    }

    /// Node sizes per network (the baseline first): the values of `measure` in each network,
    /// from the comparison itself when it compares that measure, else from one analysis of
    /// each network with the comparison's options.
    /// - Parameters:
    ///   - compared: the comparison.
    ///   - measure: a node measure, or `nil` for equal sizes.
    /// - Returns: one dictionary by actor id per network, or `nil`.
    /// - Throws: ``EcosystemAnalysis/AnalysisError``.
    public static func sizes(_ compared: ComparedScenarios, measure: String?) throws -> [[String: Double]]? {
        guard let measure else { return nil }
        let models = [compared.baseline] + compared.scenarios
        let comparison = compared.comparison
        if let j = comparison.measures.firstIndex(of: measure) {
            return models.indices.map { k in
                let present = Set(models[k].actors.map(\.id))
                var sizes: [String: Double] = [:]
                for (i, id) in comparison.actorIDs.enumerated() where present.contains(id) {
                    sizes[id] = comparison.values[j][k][i]
                }
                return sizes
            }
        }
        return try models.map { model in
            let column = try EcosystemAnalyzer.metrics(of: model, measures: [measure], options: compared.analysis).columns[0]
            return Dictionary(uniqueKeysWithValues: zip(model.actors.map(\.id), column))
        }
    }

    /// The diagrams of a comparison on shared positions: `<scenario>-diff.svg` per scenario
    /// and `small-multiples.svg`, in that order.
    ///
    /// - Parameters:
    ///   - compared: the comparison.
    ///   - sizeBy: node-size measure, or `nil` for equal sizes.
    ///   - idPrefix: prefix of every element id (for inlining several in one page); the diff of
    ///     scenario `k` (from 1) gets `<idPrefix>diff<k>-`, the small multiples `<idPrefix>sm-`.
    ///   - style: the map's options (engine, theme, page, background) the diagrams are drawn in.
    ///   - kept: positions that stay (a saved layout), inches.
    ///   - layout: the run's shared layout when the caller has one (the report's), else the
    ///     baseline's layout with the scenarios' added actors is made here.
    /// - Returns: the files and the shared positions.
    /// - Throws: ``EcosystemRendering/DiagramError``, ``EcosystemAnalysis/AnalysisError``, or
    ///   a Graphviz error from the shared layout.
    public static func diagrams(
        _ compared: ComparedScenarios, sizeBy: String?, idPrefix: String = "",
        style: DiagramOptions = DiagramOptions(), kept: [String: DiagramPoint] = [:],
        layout: SharedLayout? = nil
    ) throws -> ScenarioDiagrams {
        let baseline = compared.baseline, scenarios = compared.scenarios
        let sizes = try sizes(compared, measure: sizeBy)
        var style = style
        style.clusters = nil
        let shared = try layout ?? MapJob.sharedLayout(for: baseline, others: scenarios, options: style, kept: kept)!
        var files: [(name: String, svg: [UInt8])] = []
        var pageWarnings: [String] = []
        for (k, scenario) in scenarios.enumerated() {
            let drawing = try ScenarioDiagram.drawing(
                baseline: baseline, scenario: scenario, layout: shared.pinned, style: style, sizes: sizes?[k + 1], sizeMeasure: sizeBy,
                idPrefix: idPrefix.isEmpty ? "" : "\(idPrefix)diff\(k + 1)-")
            files.append(("\(ScenarioInput.fileStem(scenario))-diff.svg", drawing.outputs[.svg] ?? []))
            pageWarnings += drawing.pageNotes.filter { !pageWarnings.contains($0) }
        }
        let multiples = try ScenarioDiagram.smallMultiples(
            baseline: baseline, scenarios: scenarios, layout: shared.pinned, style: style, sizes: sizes, sizeMeasure: sizeBy,
            idPrefix: idPrefix.isEmpty ? "" : "\(idPrefix)sm-")
        files.append(("small-multiples.svg", Array(multiples.utf8)))
        return ScenarioDiagrams(files: files, positions: shared.positions, pageWarnings: pageWarnings, placed: shared.placed)
    }
}
