import Ecosystem
import EcosystemAnalysis
import EcosystemReport
import NetworkAnalysis

/// What a sweep removes and in which orders, as the user asked.
public struct SweepRequest: Sendable {
    /// Actors or relations.
    public var removal: SweepRemoval
    /// The orders, each run in turn (targeted by a measure, or random runs from a seed).
    public var orders: [SweepOrder]
    /// Evaluation points along each curve.
    public var points: Int
    /// The analysis options (direction, weighting, seed of seeded measures).
    public var analysis: AnalysisOptions

    /// A request as given.
    public init(removal: SweepRemoval, orders: [SweepOrder], points: Int, analysis: AnalysisOptions) {
        self.removal = removal; self.orders = orders; self.points = points; self.analysis = analysis
    }
}

/// The curves of a sweep and their written forms.
public struct SweepOutcome: Sendable {
    /// One result per order.
    public let results: [EcosystemSweepResult]
    /// The curves as CSV.
    public let csv: String
    /// The SVG chart.
    public let chart: String
}

/// `sweep`: robustness curves of one model.
public enum SweepJob {
    /// How many evaluations the request needs, and whether it is long enough to report progress.
    /// - Parameters:
    ///   - model: the model.
    ///   - request: the sweep.
    /// - Returns: the points of one curve, the evaluations (points over every run) and a rough
    ///   cost (orders × actors × relations: one search per actor and order, the efficiency
    ///   curve being kept up to date between the points; see ``NetworkAnalysis/RemovalSweep``).
    public static func plan(_ model: EcosystemModel, request: SweepRequest) -> (steps: Int, evaluations: Int, cost: Double) {
        let items = request.removal == .actors
            ? model.actors.count
            : EcosystemNetwork(model: model, directed: request.analysis.directed).simpleGraph.edgeCount
        let steps = RemovalSweep.checkpoints(total: items, points: request.points).count
        let evaluations = request.orders.reduce(0) { $0 + $1.runsCount * steps }
        let orders = request.orders.reduce(0) { $0 + $1.runsCount }
        return (steps, evaluations, Double(orders) * Double(model.actors.count) * Double(max(1, model.relations.count)))
    }

    /// Runs every order of the request.
    /// - Parameters:
    ///   - model: the model.
    ///   - request: removal, orders, points, options.
    ///   - progress: called with (evaluations done, evaluations in all) as the sweep goes;
    ///     `nil` for none.
    ///   - shouldStop: asked after each evaluation; `true` stops the run with
    ///     ``NetworkAnalysis/GraphError/stopped(algorithm:done:total:)`` before anything is returned.
    /// - Returns: the results, the CSV and the chart.
    /// - Throws: ``JobError`` over ``WorkLimits`` or the machine's memory;
    ///   ``EcosystemAnalysis/AnalysisError`` from the targeting measure; the CSV writer's error.
    public static func run(
        _ model: EcosystemModel, request: SweepRequest, progress: ((Int, Int) -> Void)? = nil,
        shouldStop: (() -> Bool)? = nil
    ) throws -> SweepOutcome {
        let (steps, total, _) = plan(model, request: request)
        for order in request.orders { try WorkLimits.check(order.runsCount, atMost: WorkLimits.maxRuns, "random orders") }
        try WorkLimits.check(request.points, atMost: WorkLimits.maxPoints, "curve points")
        // Each run keeps its curves (two values per point) and its removal order.
        try WorkLimits.checkMemory(
            Double(total) * 2 * 8 * 2 + Double(request.orders.reduce(0) { $0 + $1.runsCount }) * Double(model.actors.count + model.relations.count) * 8,
            for: "\(total) sweep evaluations")
        var results: [EcosystemSweepResult] = []
        var done = 0
        for order in request.orders {
            let offset = done
            results.append(try EcosystemSweep.run(
                model: model, removal: request.removal, order: order, points: request.points, options: request.analysis,
                progress: progress.map { report in { d, _ in report(offset + d, total) } },
                shouldStop: shouldStop))
            done += order.runsCount * steps
        }
        let what = request.removal == .actors ? "actors" : "ties"
        return SweepOutcome(
            results: results, csv: try SweepWriter.csv(results),
            chart: SweepWriter.svg(results, title: "\(model.title): removing \(what)"))
    }
}

extension SweepOrder {
    /// Number of orders (runs) the sweep follows.
    public var runsCount: Int {
        if case let .random(runs, _) = self { return runs }
        return 1
    }
}
