import Dispatch
import Foundation
import Ecosystem
import NetworkAnalysis

/// Draws the sampled networks and summarizes the measures; see ``UncertaintySummary``.
public enum UncertaintyAnalysis {
    /// The seed of sample `s`: output number `s` (0-based) of `SplitMix64(seed: seed)`, computed
    /// directly (SplitMix64's state after `s` steps is `seed + s·γ`), so that any sample can be
    /// drawn on any thread and gets the same relations.
    /// - Parameters:
    ///   - seed: the run's seed.
    ///   - s: the sample index, `≥ 0`.
    /// - Returns: the 64-bit seed of sample `s`.
    /// - Complexity: `O(1)`.
    public static func sampleSeed(_ seed: UInt64, sample s: Int) -> UInt64 {
        var g = SplitMix64(seed: seed &+ UInt64(s) &* 0x9E37_79B9_7F4A_7C15)
        return g.next()
    }

    /// Which relations sample `s` keeps: a generator `SplitMix64(seed: sampleSeed(seed, s))`
    /// draws `u = nextUnitDouble()` for every relation with a confidence, in model order, and
    /// the relation is kept when `u < confidence` (so confidence 0 is never kept and 1 always).
    /// Relations without a confidence are kept and draw nothing.
    /// - Parameters:
    ///   - model: the model; each relation's `confidence` (probability in `[0, 1]`) is read.
    ///   - seed: the run's seed.
    ///   - s: the sample index.
    /// - Returns: one flag per relation, in model order: whether sample `s` keeps it.
    /// - Complexity: `O(r)`.
    public static func keptRelations(of model: EcosystemModel, seed: UInt64, sample s: Int) -> [Bool] {
        var rng = SplitMix64(seed: sampleSeed(seed, sample: s))
        return model.relations.map { r in
            guard let c = r.confidence else { return true }
            return rng.nextUnitDouble() < c
        }
    }

    /// Runs the sampling.
    ///
    /// - Parameters:
    ///   - model: a validated model.
    ///   - measures: names from ``MeasureCatalog``; node-level ones are summarized per actor,
    ///     network-level ones per network; edge and pair measures are refused.
    ///   - options: as for ``EcosystemAnalyzer/metrics(of:measures:options:)``.
    ///   - samples: `N ≥ 1`.
    ///   - seed: the seed; the same seed gives the same summary, byte for byte, whatever the
    ///     number of threads.
    ///   - topK: `k ≥ 1` for the top-`k` probabilities.
    ///   - threads: at most this many samples computed at once (`nil`: every core). Samples go
    ///     to threads in fixed chunks and every sample's results land in its own slot; the
    ///     summaries are then computed in sample order, so threads never change the result.
    ///   - monitor: told of every sample done (in completion order, from the worker threads,
    ///     one at a time) and asked whether to stop; once it says so, the samples not yet
    ///     begun are skipped.
    /// - Returns: the summary.
    /// - Throws: ``AnalysisError`` (unknown measure, an edge or pair measure, a measure failing
    ///   on a sample); ``NetworkAnalysis/GraphError/stopped(algorithm:done:total:)`` when the
    ///   monitor stopped the run (no partial summary). `samples < 1` or `topK < 1` is a
    ///   precondition failure (traps).
    /// - Complexity: `N` times the cost of the measures, divided over the threads; memory
    ///   `O(N · measures · a)`.
    public static func run(
        model: EcosystemModel, measures: [String], options: AnalysisOptions = AnalysisOptions(),
        samples: Int, seed: UInt64, topK: Int = 3, threads: Int? = nil, monitor: WorkMonitor = .none
    ) throws -> UncertaintySummary {
        precondition(samples >= 1, "at least one sample")
        precondition(topK >= 1, "k is at least 1")
        for name in measures {
            guard let d = MeasureCatalog.named(name) else {
                throw AnalysisError.unknownMeasure(name, valid: MeasureCatalog.all.map(\.name))
            }
            guard (d.level == .node || d.level == .network) && !d.isCategorical else {
                throw AnalysisError.unknownMeasure(name, valid: MeasureCatalog.all.filter {
                    ($0.level == .node || $0.level == .network) && !$0.isCategorical
                }.map(\.name))
            }
        }
        let slots = UnsafeMutablePointer<Result<MetricsTable, AnalysisFailure>?>.allocate(capacity: samples)
        slots.initialize(repeating: nil, count: samples)
        defer { slots.deinitialize(count: samples); slots.deallocate() }
        let shared = SampleSlots(pointer: slots)
        let count = SampleCount(monitor: monitor, total: samples)
        let chunkSize = 4
        let chunks = (samples + chunkSize - 1) / chunkSize
        let workers = max(1, min(threads ?? ProcessInfo.processInfo.activeProcessorCount, chunks))
        // The samples already share the cores: each sample's path measures run on its own
        // worker thread (their values do not depend on the thread count).
        var perSample = options
        if workers > 1 { perSample.threads = 1 }
        let sampleOptions = perSample
        let work: @Sendable (Int) -> Void = { worker in
            var c = worker
            while c < chunks {
                for s in (c * chunkSize)..<min(samples, (c + 1) * chunkSize) {
                    if count.isStopped { return }
                    let keep = keptRelations(of: model, seed: seed, sample: s)
                    var sampled = model
                    sampled.relations = zip(model.relations, keep).filter(\.1).map(\.0)
                    do {
                        shared.pointer[s] = .success(try EcosystemAnalyzer.metrics(of: sampled, measures: measures, options: sampleOptions))
                    } catch {
                        shared.pointer[s] = .failure(AnalysisFailure(error: error))
                    }
                    count.finished()
                }
                c += workers
            }
        }
        if workers == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: work) }
        if let done = count.stoppedAt { throw GraphError.stopped(algorithm: "uncertainty samples", done: done, total: samples) }

        var tables: [MetricsTable] = []
        for s in 0..<samples {
            switch slots[s]! {
            case let .success(t): tables.append(t)
            case let .failure(f): throw f.error
            }
        }
        return summarize(model: model, tables: tables, seed: seed, topK: topK)
    }

    /// Summaries of per-sample tables (all computed from the same model's actors).
    static func summarize(model: EcosystemModel, tables: [MetricsTable], seed: UInt64, topK: Int) -> UncertaintySummary {
        let first = tables[0]
        let n = model.actors.count
        var mean: [[Double]] = [], low: [[Double]] = [], high: [[Double]] = [], top: [[Double]] = []
        var values = [Double]()
        for (j, _) in first.measures.enumerated() {
            var m = [Double](repeating: .nan, count: n), lo = m, hi = m
            var inTop = [Int](repeating: 0, count: n)
            for table in tables {
                for (i, rank) in ScenarioComparison.ranks(table.columns[j]).enumerated() where (rank ?? .max) <= topK {
                    inTop[i] += 1
                }
            }
            for i in 0..<n {
                values.removeAll(keepingCapacity: true)
                for table in tables where table.columns[j][i].isFinite { values.append(table.columns[j][i]) }
                (m[i], lo[i], hi[i]) = statistics(&values)
            }
            mean.append(m); low.append(lo); high.append(hi)
            top.append(inTop.map { Double($0) / Double(tables.count) })
        }
        var network: [(name: String, mean: Double, low: Double, high: Double)] = []
        for (j, entry) in first.network.enumerated() {
            values = tables.map { $0.network[j].value }.filter(\.isFinite)
            let (m, lo, hi) = statistics(&values)
            network.append((entry.name, m, lo, hi))
        }
        var undefined: [(measure: String, count: Int)] = []
        for name in first.measures + first.network.map(\.name) {
            let count = tables.filter { t in t.undefined.contains { $0.measure == name } }.count
            if count > 0 { undefined.append((name, count)) }
        }
        return UncertaintySummary(
            samples: tables.count, seed: seed, topK: topK,
            uncertainRelations: model.relations.filter { ($0.confidence ?? 1) < 1 }.count,
            nodeIDs: first.nodeIDs, nodeNames: first.nodeNames, measures: first.measures,
            mean: mean, low: low, high: high, topProbability: top, network: network, undefinedSamples: undefined)
    }

    /// Mean (summed in sample order, clamped to the values' range), 5th and 95th percentiles
    /// (type 7) of `values`, which it sorts; NaN for all three when empty.
    static func statistics(_ values: inout [Double]) -> (Double, Double, Double) {
        guard !values.isEmpty else { return (.nan, .nan, .nan) }
        var sum = 0.0
        for x in values { sum += x }
        values.sort()
        // Σ/N can round one ulp outside the values (N equal values): clamp to their range.
        let mean = min(max(sum / Double(values.count), values[0]), values[values.count - 1])
        return (mean, percentile(values, 0.05), percentile(values, 0.95))
    }

    /// The `p`-quantile of sorted `values` by linear interpolation between order statistics:
    /// `h = (N − 1) p`, `x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋ + 1] − x[⌊h⌋])` (Hyndman & Fan 1996, The
    /// American Statistician 50(4):361–365, doi:10.1080/00031305.1996.10473566, type 7).
    /// - Parameters:
    ///   - sorted: the values in ascending order (not checked), no NaN.
    ///   - p: the probability, in `[0, 1]`.
    /// - Returns: the quantile, in the values' unit; NaN for no values.
    /// - Complexity: `O(1)`.
    public static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let h = Double(sorted.count - 1) * p
        let lo = Int(h.rounded(.down))
        let hi = min(lo + 1, sorted.count - 1)
        let x = sorted[lo]
        return sorted[hi] == x ? x : x + (h - Double(lo)) * (sorted[hi] - x)
    }
}

/// A sample's error, carried out of the worker threads.
struct AnalysisFailure: Error, @unchecked Sendable {
    let error: any Error
}

/// Per-sample result slots written by the sampling workers. Sound because each sample index
/// is written by exactly one worker, and the slots are read only after all workers finished.
struct SampleSlots: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Result<MetricsTable, AnalysisFailure>?>
}

/// The samples done so far, reported to a ``NetworkAnalysis/WorkMonitor`` one at a time (under
/// a lock, so the monitor sees 1, 2, 3, … in order), and whether it said stop.
final class SampleCount: @unchecked Sendable {
    private let lock = NSLock()
    private let monitor: WorkMonitor
    private let total: Int
    private var done = 0
    private var stopped: Int?

    init(monitor: WorkMonitor, total: Int) { self.monitor = monitor; self.total = total }

    /// Whether the monitor stopped the run.
    var isStopped: Bool { lock.lock(); defer { lock.unlock() }; return stopped != nil }
    /// How many samples were done when the monitor said stop (`nil`: not stopped).
    var stoppedAt: Int? { lock.lock(); defer { lock.unlock() }; return stopped }

    /// One more sample done.
    func finished() {
        lock.lock(); defer { lock.unlock() }
        done += 1
        if monitor.checkpoint(done, of: total), done < total, stopped == nil { stopped = done }
    }
}
