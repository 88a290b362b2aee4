import ArgumentParser
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
            the intact network (ties by file order). Random: --runs orders from --seed (same seed, \
            same curves); mean with the min–max band. Ties are relations between the same two \
            actors merged into one tie of summed strength, as every measure sees them.

            Writes CSV (-o, or standard output) and an SVG chart (--chart). Progress goes to \
            standard error for long runs.
            """
    )

    @Argument(help: "Model file (.yaml, .yml, .json) or edge list (.csv).")
    var model: String

    @Option(name: .long, help: "What to remove: actors or relations.")
    var remove: SweepRemoval = .actors

    @Option(name: .long, help: "Removal order: targeted, random, or both (comma-separated).")
    var order: String = "targeted,random"

    @Option(name: .long, help: "Measure that orders a targeted sweep (default betweenness for actors, edge_betweenness for relations; relations also: weight).")
    var by: String?

    @Option(name: .long, help: "Random orders to average.")
    var runs: Int = 20

    @Option(name: .long, help: "Seed of the random orders (and of Louvain/Leiden if --by uses them).")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Evaluation points along the curve (every step when there are fewer steps).")
    var points: Int = 101

    @OptionGroup var input: GraphInputOptions

    @Option(name: [.short, .long], help: "Write the CSV to this file (atomically) instead of standard output.")
    var output: String?

    @Option(name: .long, help: "Write the SVG chart to this file.")
    var chart: String?

    @Flag(name: .long, inversion: .prefixedNo, help: "Report progress on standard error (default: for long runs).")
    var progress: Bool?

    func orders() throws -> [SweepOrder] {
        let names = order.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !names.isEmpty else { throw ValidationError("--order is empty; use targeted, random or both") }
        return try names.map { name in
            switch name {
            case "targeted": return .targeted(measure: by ?? (remove == .actors ? "betweenness" : "edge_betweenness"))
            case "random": return .random(runs: runs, seed: seed)
            case "both": throw ValidationError("write --order targeted,random for both")
            default: throw ValidationError("--order: '\(name)' is not targeted or random")
            }
        }
    }

    func validate() throws {
        _ = try orders()
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
        guard points >= 2 else { throw ValidationError("--points must be at least 2") }
        if let by {
            if remove == .relations {
                guard EcosystemSweep.relationMeasures.contains(by) else {
                    throw ValidationError("--by for relations is one of: \(EcosystemSweep.relationMeasures.joined(separator: ", "))")
                }
            } else if MeasureCatalog.named(by)?.level != .node {
                throw ValidationError("--by '\(by)' is not a node measure; see ecomap analyze --help")
            }
        }
    }

    func run() throws {
        let ecosystem = try loadGraphInput(model, directed: input.directed)
        let options = AnalysisOptions(directed: input.directed, weighting: input.weight, seed: seed)
        let items = remove == .actors ? ecosystem.actors.count : EcosystemNetwork(model: ecosystem, directed: input.directed).simpleGraph.edgeCount
        let steps = RemovalSweep.checkpoints(total: items, points: points).count
        let sweeps = try orders()
        let evaluations = sweeps.reduce(0) { total, o in
            if case let .random(r, _) = o { return total + r * steps } else { return total + steps }
        }
        // Rough cost: evaluations × all-pairs searches over the network.
        let cost = Double(evaluations) * Double(ecosystem.actors.count) * Double(max(1, ecosystem.relations.count))
        let report = progress ?? (cost > 5e7)
        var results: [EcosystemSweepResult] = []
        var done = 0
        for o in sweeps {
            var lastShown = -1
            let offset = done
            results.append(try EcosystemSweep.run(
                model: ecosystem, removal: remove, order: o, points: points, options: options,
                progress: report ? { d, _ in
                    let percent = (offset + d) * 100 / max(1, evaluations)
                    if percent / 10 != lastShown / 10 || offset + d == evaluations {
                        lastShown = percent
                        note("sweep: \(offset + d)/\(evaluations) evaluations (\(percent)%)")
                    }
                } : nil))
            done += o.runsCount * steps
        }
        let csv = try SweepWriter.csv(results)
        if let chart {
            let what = remove == .actors ? "actors" : "ties"
            let svg = SweepWriter.svg(results, title: "\(ecosystem.title): removing \(what)")
            try writeAtomically(Data(svg.utf8), to: URL(fileURLWithPath: chart))
            note("wrote \(chart)")
        }
        if let output {
            try writeAtomically(Data(csv.utf8), to: URL(fileURLWithPath: output))
            note("wrote \(output)")
        } else {
            try writeStandardOutput(csv)
        }
    }
}

extension SweepRemoval: ExpressibleByArgument {}

extension SweepOrder {
    /// Number of orders (runs) the sweep follows.
    var runsCount: Int {
        if case let .random(runs, _) = self { return runs }
        return 1
    }
}
