import Foundation

/// The documented caps on how much work one request may ask for, and the memory check made
/// before any large allocation. A request over a cap, or one whose memory estimate exceeds
/// the machine's memory, is refused with what was asked and what is allowed, before anything
/// is computed (an `Int.max` count used to trap, a billion samples to abort allocating 136 GB).
public enum WorkLimits {
    /// Most uncertainty samples in one run.
    public static let maxSamples = 100_000
    /// Most random removal orders in one sweep.
    public static let maxRuns = 100_000
    /// Most evaluation points along a sweep curve.
    public static let maxPoints = 100_000
    /// Most recommended ties or top actors listed.
    public static let maxListed = 10_000
    /// Most random permutations in one permutation test (`stats mixing`, `qap`, `qapreg`).
    public static let maxPermutations = 1_000_000
    /// Most random graphs in one conditional uniform graph test (`stats cug --draws`).
    public static let maxDraws = 100_000
    /// Most random restarts of a search (`stats keyplayers`, `stats coreperiphery`).
    public static let maxRestarts = 10_000
    /// Most ties in a tie portfolio (each swap round evaluates `k × candidates` sets).
    public static let maxPortfolioTies = 50

    /// Checks `count` against `cap`.
    /// - Parameters:
    ///   - count: what was asked.
    ///   - cap: the most allowed.
    ///   - what: the count's name, for the message ("samples").
    /// - Throws: ``JobError`` naming the count and the cap.
    public static func check(_ count: Int, atMost cap: Int, _ what: String) throws(JobError) {
        guard count <= cap else {
            throw JobError("\(count) \(what) is more than the limit of \(cap)")
        }
    }

    /// Checks that `bytes` fit in the machine's memory (half of it, leaving room for the rest).
    /// - Parameters:
    ///   - bytes: the estimate (may be `nil` when it overflowed: far too much).
    ///   - what: what needs it ("200 samples of 1,000 actors × 12 measures").
    /// - Throws: ``JobError`` with the estimate and the memory available.
    public static func checkMemory(_ bytes: Double, for what: String) throws(JobError) {
        let available = Double(ProcessInfo.processInfo.physicalMemory) / 2
        guard bytes.isFinite, bytes <= available else {
            throw JobError("\(what) needs about \(gigabytes(bytes)) of memory, more than the \(gigabytes(available)) this machine can give it; ask for fewer")
        }
    }

    static func gigabytes(_ bytes: Double) -> String {
        bytes.isFinite ? String(format: "%.1f GB", bytes / 1e9) : "far more than any machine has"
    }
}
