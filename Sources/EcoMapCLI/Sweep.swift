import ArgumentParser
import EcoMapJobs
import Ecosystem
import EcosystemAnalysis
import EcosystemReport
import Foundation
import NetworkAnalysis

/// `ecomap sweep`: robustness curves under removal of actors or ties.
struct Sweep: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Robustness curves: remove actors or ties one at a time, targeted by a measure or at random.",
        discussion: """
            After each removal: the share of the original actors in the largest connected \
            component (Albert, Jeong & Barabási 2000), computed for every step with a union-find \
            run backwards (Newman & Ziff 2000), and the global efficiency of the actors left \
            (Latora & Marchiori 2001; Σ 1/d over their ordered pairs / n_k(n_k − 1)), evaluated at \
            --points evenly spaced steps. Targeted: by decreasing value of --by computed once on \
            the intact network (ties by file order). Adaptive: by --by recomputed on what is left \
            after each removal (Holme et al. 2002's recalculated attack). Random: --runs orders from --seed (same seed, \
            same curves); their mean (the CSV also gives their min and max). Ties are relations between the same two \
            actors merged into one tie of summed strength, as every measure sees them.

            Writes CSV (-o, or standard output) and an SVG chart (--chart). The area under each \
            curve (for the largest-component share: the robustness R of Schneider et al. 2011; \
            trapezoids over the evaluation points) is printed on standard output (on standard \
            error when the CSV goes to standard output) and is in the CSV's \
            largest_component_area and global_efficiency_area columns. The chart shades the 5–95% \
            band of the random runs and ends the efficiency axis at the 95% quantile of the runs \
            (rounded up to a quarter, at least 1), so one outlying run does not stretch it; \
            points above it are drawn at the top edge and the chart says how many. Progress goes \
            to standard error for long runs.
            """
    )

    @Argument(help: "Model file (.yaml, .yml, .json) or edge list (.csv).")
    var model: String

    @Option(name: .long, help: "What to remove: actors, relations, or both (one sweep each, actors first).")
    var remove: RemovalChoice = .actors

    enum RemovalChoice: String, ExpressibleByArgument, CaseIterable {
        case actors, relations, both

        var removals: [SweepRemoval] {
            switch self {
            case .actors: return [.actors]
            case .relations: return [.relations]
            case .both: return [.actors, .relations]
            }
        }
    }

    @Option(name: .long, help: "Removal order: targeted (measure computed once), adaptive (recomputed after each removal), random; comma-separated, or `both` for targeted,random.")
    var order: String = "targeted,random"

    @Option(name: .long, help: "Measure that orders a targeted sweep (default betweenness for actors, edge_betweenness for relations; relations also: weight).")
    var by: String?

    @Option(name: .long, help: "Random orders to average (at most \(WorkLimits.maxRuns)).")
    var runs: Int = 20

    @OptionGroup var seed: SeedOption

    @Option(name: .long, help: "Evaluation points along the curve (every step when there are fewer steps; at most \(WorkLimits.maxPoints)).")
    var points: Int = 101

    @OptionGroup var input: GraphInputOptions

    @OptionGroup var layers: LayerOption

    @OptionGroup var output: OutputFileOption

    @Option(name: .long, help: "Write the SVG chart to this file.")
    var chart: String?

    @Flag(name: .long, inversion: .prefixedNo, help: "Report progress on standard error (default: for long runs).")
    var progress: Bool?

    @OptionGroup var limit: MaxSecondsOption

    /// The orders for removing `removal`: targeted by --by (or the default measure), random.
    func orders(for removal: SweepRemoval) throws -> [SweepOrder] {
        let names = order.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !names.isEmpty else { throw ValidationError("--order is empty; use targeted, random or both") }
        var orders: [SweepOrder] = []
        for name in names {
            switch name {
            case "targeted": orders.append(.targeted(measure: by ?? (removal == .actors ? "betweenness" : "edge_betweenness")))
            case "random": orders.append(.random(runs: runs, seed: seed.seed))
            case "adaptive": orders.append(.adaptive(measure: by ?? (removal == .actors ? "betweenness" : "edge_betweenness")))
            case "both":
                orders.append(.targeted(measure: by ?? (removal == .actors ? "betweenness" : "edge_betweenness")))
                orders.append(.random(runs: runs, seed: seed.seed))
            default: throw ValidationError("--order: '\(name)' is not targeted, adaptive, random or both")
            }
        }
        return orders
    }

    func validate() throws {
        try requireSVGPath(chart, option: "--chart")
        for removal in remove.removals { _ = try orders(for: removal) }
        guard (1...WorkLimits.maxRuns).contains(runs) else { throw ValidationError("--runs must be in 1...\(WorkLimits.maxRuns)") }
        guard (2...WorkLimits.maxPoints).contains(points) else { throw ValidationError("--points must be in 2...\(WorkLimits.maxPoints)") }
        if let by {
            if remove == .both {
                throw ValidationError("--by names one measure, for actors or for relations; with --remove both leave it out (betweenness for actors, edge_betweenness for relations)")
            } else if remove == .relations {
                guard EcosystemSweep.relationMeasures.contains(by) else {
                    throw ValidationError("--by for relations is one of: \(EcosystemSweep.relationMeasures.joined(separator: ", "))")
                }
            } else if MeasureCatalog.named(by)?.level != .node {
                throw ValidationError("--by '\(by)' is not a node measure; see ecomap analyze --help")
            }
        }
    }

    func run() throws {
        let files = RunFiles()
        let ecosystem = try layers.apply(to: loadGraph(model, directed: input.directed, lenient: input.lenient, at: input.at, files: files))
        let analysis = AnalysisOptions(directed: input.directed, weighting: input.weight, seed: seed.seed)
        var results: [EcosystemSweepResult] = []
        let shouldStop = limit.shouldStop()
        for removal in remove.removals {
            let request = SweepRequest(removal: removal, orders: try orders(for: removal), points: points, analysis: analysis)
            let plan = SweepJob.plan(ecosystem, request: request)
            var lastShown = -1
            let outcome = try limit.run { try SweepJob.run(ecosystem, request: request, progress: (progress ?? (plan.cost > 5e7)) ? { done, total in
                let percent = done * 100 / max(1, total)
                if percent / 10 != lastShown / 10 || done == total {
                    lastShown = percent
                    note("sweep (\(removal.rawValue)): \(done)/\(total) evaluations (\(percent)%)")
                }
            } : nil, shouldStop: shouldStop) }
            results += outcome.results
        }
        let csv = try SweepWriter.csv(results)
        // Every output is checked (against the inputs and each other) before the first is written.
        var targets: [(url: URL, data: Data)] = []
        if let chart {
            let what = remove == .actors ? "actors" : remove == .relations ? "ties" : "actors and ties"
            targets.append((URL(fileURLWithPath: chart), Data(SweepWriter.svg(results, title: "\(ecosystem.title): removing \(what)").utf8)))
        }
        if let path = output.output, path != "-" { targets.append((URL(fileURLWithPath: path), Data(csv.utf8))) }
        try files.write(targets)
        if let chart { note("wrote \(chart)") }
        // The areas under the curves: on standard output beside a CSV file, on standard error
        // when the CSV itself goes to standard output (so it stays a clean CSV).
        let areas = SweepWriter.areaSummary(results)
        if let path = output.output, path != "-" {
            note("wrote \(path)")
            try writeStandardOutput(areas)
        } else {
            try writeStandardOutput(csv)
            for line in areas.split(separator: "\n") { note(String(line)) }
        }
    }
}


