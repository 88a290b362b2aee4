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
