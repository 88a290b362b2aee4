/// A report of how far a long computation has come: `done` of `total` units of work
/// (permutations, random graphs, samples, runs). Called on the computing thread; it should
/// return quickly.
public typealias ProgressHandler = @Sendable (_ done: Int, _ total: Int) -> Void

/// How a caller follows and stops a long computation (permutation tests, random-graph tests,
/// repeated community detection).
///
/// The libraries read no clock and print nothing: the caller decides what "too long" means
/// (a deadline read from its own clock) and how to show progress (a line on a terminal). A
/// computation calls ``checkpoint(_:of:)`` between units of work — at most about 100 times per
/// run, plus once at the end — and stops with ``GraphError/stopped(algorithm:done:total:)``
/// as soon as ``shouldStop`` says so, returning no partial result.
public struct WorkMonitor: Sendable {
    /// Called with the units done so far and the total.
    public var progress: ProgressHandler?
    /// Asked at each checkpoint; `true` stops the computation.
    public var shouldStop: (@Sendable () -> Bool)?

    /// - Parameters:
    ///   - progress: called with the units done and the total, or nil.
    ///   - shouldStop: asked at each checkpoint, or nil (never stop).
    public init(progress: ProgressHandler? = nil, shouldStop: (@Sendable () -> Bool)? = nil) {
        self.progress = progress
        self.shouldStop = shouldStop
    }

    /// No progress reports, never stopped.
    public static let none = WorkMonitor()

    /// Whether `done` is a checkpoint of `total`: every `max(1, total / 100)` units and the last.
    /// - Complexity: `O(1)`.
    public static func isCheckpoint(_ done: Int, of total: Int) -> Bool {
        done == total || done % max(1, total / 100) == 0
    }

    /// At a checkpoint (``isCheckpoint(_:of:)``) reports the progress and asks whether to stop.
    /// - Parameters:
    ///   - done: units done.
    ///   - total: all units.
    /// - Returns: true when the computation must stop.
    /// - Complexity: `O(1)` plus the caller's closures.
    public func checkpoint(_ done: Int, of total: Int) -> Bool {
        guard Self.isCheckpoint(done, of: total) else { return false }
        progress?(done, total)
        return shouldStop?() ?? false
    }
}

/// A permutation statistic watched by a ``WorkMonitor``: the first call (the identity, for the
/// observed values) is not counted, each later one is a unit of work; once the monitor says
/// stop, the remaining calls return NaN at once and ``check(_:)`` throws.
final class MonitoredStatistic {
    private let total: Int
    private let width: Int
    private let monitor: WorkMonitor
    private let statistic: ([Int]) -> [Double]
    private var calls = 0
    private(set) var stoppedAt: Int?

    /// - Parameters:
    ///   - total: the permutations after the identity.
    ///   - width: how many statistics `statistic` returns.
    ///   - monitor: the monitor.
    ///   - statistic: the statistic.
    init(total: Int, width: Int, monitor: WorkMonitor, _ statistic: @escaping ([Int]) -> [Double]) {
        self.total = total; self.width = width; self.monitor = monitor; self.statistic = statistic
    }

    func callAsFunction(_ permutation: [Int]) -> [Double] {
        defer { calls += 1 }
        if stoppedAt != nil { return [Double](repeating: .nan, count: width) }
        let values = statistic(permutation)
        if calls > 0 && monitor.checkpoint(calls, of: total) && calls < total { stoppedAt = calls }
        return values
    }

    /// Throws ``GraphError/stopped(algorithm:done:total:)`` when the monitor stopped the run.
    func check(_ algorithm: String) throws(GraphError) {
        if let stoppedAt { throw .stopped(algorithm: algorithm, done: stoppedAt, total: total) }
    }
}
