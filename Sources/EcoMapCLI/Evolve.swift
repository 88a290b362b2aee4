import ArgumentParser
import EcoMapJobs
import Ecosystem
import EcosystemAnalysis
import Foundation

/// `ecomap evolve`: a dated model followed over time.
struct Evolve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Follow a dated model over time: indicators per period, who enters and leaves, who rises and falls, findings that appear and disappear.",
        discussion: """
            The model's actors and ties carry since/until dates (Datasets/SCHEMA.md, "Dates"). \
            The model is read once; each period (from --from to --to, every --step) is the \
            network as it stood then: the actors and ties that existed on any day of the period, \
            exactly what --at gives for that date, so each period's numbers are those of \
            `ecomap analyze MODEL --at PERIOD`.

            Shown per period: the network indicators (--indicators); the actors and ties \
            entering and leaving since the previous period; for every measure (--measures) each \
            actor's rank (1 = highest) and how far it rose or fell from its first period to its \
            last; the gap findings that appear and disappear, matched by what they are about \
            (kind, check, rule, actors, relations, groups), not by their text.

            --chart FILE draws chosen indicators as an SVG line chart; --maps DIR draws every \
            period's map on one layout (<period>.svg: entering in green, leaving dashed in \
            vermillion) and small-multiples.svg; --diff FROM..TO (with --maps) adds \
            diff-FROM-TO.svg, the map of what the network at FROM became at TO.
            """
    )

    @Argument(help: "The dated model (any format ecomap reads).")
    var model: String

    @Option(name: .long, help: ArgumentHelp("First period (a year, YYYY-MM or a date; default: the model's earliest date).", valueName: "DATE"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("Last period (default: the model's 'observed' date, else its latest date).", valueName: "DATE"))
    var to: String?

    @Option(name: .long, help: ArgumentHelp("Step between periods: 1y (years), 6m (months), 90d (days). Its unit is the periods' precision: 1y gives the years 2005, 2006, …; 6m the months 2019-01, 2019-07, … (each the network of that month, as --at 2019-07).", valueName: "STEP"))
    var step: String = "1y"

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("Node measures followed per actor (comma-separated).", valueName: "list"))
    var measures: [String] = [ScenarioComparison.defaultMeasures.joined(separator: ",")]

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("Network indicators per period (comma-separated network measures).", valueName: "list"))
    var indicators: [String] = [Evolution.defaultIndicators.joined(separator: ",")]

    @OptionGroup var input: GraphInputOptions

    @Option(name: .long, help: "Output format: table, markdown, csv (long form) or json.")
    var format: EvolutionFormat = .table

    @OptionGroup var seed: SeedOption

    @OptionGroup var output: OutputFileOption

    @Option(name: .long, help: ArgumentHelp("Also write an SVG line chart of the indicators per period to this file.", valueName: "file"))
    var chart: String?

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("Indicators drawn by --chart (comma-separated; default: all of --indicators).", valueName: "list"))
    var chartIndicators: [String] = []

    @Option(name: .long, help: ArgumentHelp("Also write the map of every period, on one layout, into this folder (<period>.svg, small-multiples.svg).", valueName: "folder"))
    var maps: String?

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("With --maps: also draw the diff between two dates, FROM..TO (e.g. 2017..2022); repeatable.", valueName: "FROM..TO"))
    var diff: [String] = []

    @OptionGroup var size: SizeByOption

    @OptionGroup var rules: RulesOptions

    @Flag(name: .long, help: "Leave out the gap findings (which appear, which disappear).")
    var noFindings = false

    func validate() throws {
        try requireSVGPath(chart, option: "--chart")
        if input.date.at != nil { throw ValidationError("--at is one date; evolve follows --from to --to every --step") }
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, PartialDate(value) == nil { throw ValidationError("\(name) '\(value)' is not a date: \(PartialDate.rule)") }
        }
        if EvolutionStep(step) == nil { throw ValidationError("--step '\(step)': \(EvolutionStep.rule)") }
        _ = try measureNames(measures, level: .node, option: "--measures")
        let shown = try measureNames(indicators, level: .network, option: "--indicators")
        for name in chartIndicators.isEmpty ? [] : try measureNames(chartIndicators, level: .network, option: "--chart-indicators") where !shown.contains(name) {
            throw ValidationError("--chart-indicators: '\(name)' is not among --indicators (\(shown.joined(separator: ", ")))")
        }
        if !diff.isEmpty, maps == nil { throw ValidationError("--diff writes into the --maps folder; give --maps DIR") }
        for d in diff { _ = try Self.pair(d) }
    }

    /// `FROM..TO` as two dates.
    static func pair(_ text: String) throws -> (PartialDate, PartialDate) {
        let parts = text.components(separatedBy: "..")
        guard parts.count == 2, let a = PartialDate(parts[0]), let b = PartialDate(parts[1]) else {
            throw ValidationError("--diff '\(text)' is not FROM..TO with two dates, e.g. 2017..2022")
        }
        return (a, b)
    }

    func run() throws {
        let files = RunFiles()
        let whole = try loadGraph(model, directed: input.directed, lenient: input.lenient, files: files)
        let gapRules = noFindings ? nil : try rules.load(for: whole, modelPath: model, files: files).rules
        let analysis = AnalysisOptions(directed: input.directed, weighting: input.weight, seed: seed.seed)
        let shown = try measureNames(indicators, level: .network, option: "--indicators")
        let evolved: EvolvedModel
        do {
            evolved = try EvolveJob.run(
                whole, from: from.flatMap(PartialDate.init), to: to.flatMap(PartialDate.init), step: EvolutionStep(step)!,
                measures: try measureNames(measures, level: .node, option: "--measures"), indicators: shown,
                analysis: analysis, rules: gapRules)
        } catch let error as EvolutionError {
            throw ValidationError("\(model): \(error.description) (--from, --to, --step)")
        }
        let toTerminal = (output.output == nil || output.output == "-") && Terminal.isStandardOutput
        let text = try EvolveJob.text(evolved, format: format, width: toTerminal ? Terminal.width : 100)
        var targets: [(url: URL, data: Data)] = []
        if let chart {
            let chosen = chartIndicators.isEmpty ? shown : try measureNames(chartIndicators, level: .network, option: "--chart-indicators")
            targets.append((URL(fileURLWithPath: chart), Data(EvolveJob.chart(evolved, indicators: chosen).utf8)))
        }
        if let maps {
            let folder = URL(fileURLWithPath: maps, isDirectory: true)
            let sizeBy = size.measure
            let drawn = try drawing(model) { try EvolveJob.maps(evolved, sizeBy: sizeBy) }
            targets += drawn.map { (folder.appendingPathComponent($0.name), Data($0.svg)) }
            for d in diff {
                let (a, b) = try Self.pair(d)
                let file = try drawing(model) { try EvolveJob.diff(whole, from: a, to: b, sizeBy: sizeBy, analysis: analysis) }
                targets.append((folder.appendingPathComponent(file.name), Data(file.svg)))
            }
        }
        if !targets.isEmpty {
            // Every output, the text's included, is checked before the first is written.
            if let path = output.output, path != "-" { try files.checkOutput(URL(fileURLWithPath: path)) }
            try files.write(targets)
            for target in targets { note("wrote \(target.url.relativePath)") }
        }
        try output.emit(text, files: files)
    }
}

extension EvolutionFormat: ExpressibleByArgument {}
