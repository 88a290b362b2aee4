import FixtureSupport
import Foundation
import NetworkAnalysis
import Testing

/// Reference values of Tests/Fixtures/reference_statistics.py.
enum StatisticsReference {
    static let document: JSONValue? = try? Fixtures.reference("reference/statistics.json")

    static func matrix(_ value: JSONValue?) -> [[Double]]? {
        guard case let .array(rows)? = value else { return nil }
        let m = rows.compactMap(\.doubles)
        return m.count == rows.count ? m : nil
    }
}

@Suite("QAP regression with double semi-partialling (Dekker, Krackhardt & Snijders 2007)")
struct QAPRegressionTests {
    static func fit(_ kind: String) throws -> (QAPRegression, JSONValue) {
        let c = try #require(StatisticsReference.document?["qap_regression"]?[kind])
        let y = try #require(StatisticsReference.matrix(c["y"]))
        guard case let .array(xs)? = c["x"] else { throw GraphError.undefined(algorithm: "fixture", reason: "no x") }
        let predictors = try xs.map { try #require(StatisticsReference.matrix($0)) }
        let exact = kind == "exact"
        let r = try QAP.regression(y, predictors: predictors, symmetric: kind != "directed",
                                   permutations: Int(try #require(c["permutations"]?.double)),
                                   seed: UInt64(try #require(c["seed"]?.double)), exact: exact)
        return (r, c)
    }

    @Test("coefficients, standard errors, t-values and R² equal statsmodels OLS on the off-diagonal cells",
          arguments: ["directed", "symmetric", "exact"])
    func ols(kind: String) throws {
        let (r, c) = try Self.fit(kind)
        #expect(r.cells == Int(try #require(c["cells"]?.double)))
        #expect(agree(r.intercept, try #require(c["intercept"]?.double), tolerance: 1e-10))
        #expect(firstDisagreement(r.coefficients, try #require(c["coefficients"]?.doubles), tolerance: 1e-10) == nil)
        #expect(firstDisagreement(r.standardErrors, try #require(c["standard_errors"]?.doubles), tolerance: 1e-10) == nil)
        #expect(firstDisagreement(r.tValues, try #require(c["t_values"]?.doubles), tolerance: 1e-9) == nil)
        #expect(firstDisagreement(r.tests.map(\.statistic), r.tValues, tolerance: 1e-9) == nil)
        #expect(agree(r.rSquared, try #require(c["r_squared"]?.double), tolerance: 1e-10))
        #expect(agree(r.adjustedRSquared, try #require(c["adjusted_r_squared"]?.double), tolerance: 1e-10))
    }

    @Test("DSP p-values equal the numpy reimplementation on the same SplitMix64 permutations (all n! for 'exact')",
          arguments: ["directed", "symmetric", "exact"])
    func pValues(kind: String) throws {
        let (r, c) = try Self.fit(kind)
        #expect(r.tests.map(\.pGreaterOrEqual) == (try #require(c["p_greater_or_equal"]?.doubles)), "\(kind)")
        #expect(r.tests.map(\.pLessOrEqual) == (try #require(c["p_less_or_equal"]?.doubles)), "\(kind)")
        #expect(r.pTwoSided == (try #require(c["p_two_sided"]?.doubles)), "\(kind)")
        #expect(r.tests.allSatisfy { $0.permutations == Int(c["permutations"]?.double ?? 0) })
        #expect(r.tests.allSatisfy { $0.seed == (kind == "exact" ? nil : UInt64(c["seed"]?.double ?? -1)) })
    }

    @Test("the permutation stream is NodePermutation's: the fixture's first permutations are SplitMix64 shuffles")
    func stream() throws {
        let c = try #require(StatisticsReference.document?["qap_regression"]?["directed"])
        guard case let .array(perms)? = c["first_permutations"] else { Issue.record("no permutations"); return }
        var rng = SplitMix64(seed: 7)
        for perm in perms {
            var order = Array(0..<12)
            rng.shuffle(&order)
            #expect(order == perm.doubles?.map { Int($0) })
        }
    }

    /// A planted dependence: y = 2·x₁ + noise, with x₂ unrelated and x₃ = x₁'s transpose mixed.
    static func planted(n: Int, seed: UInt64, effect: Double) -> ([[Double]], [[[Double]]]) {
        var rng = SplitMix64(seed: seed)
        func matrix(_ f: () -> Double) -> [[Double]] {
            (0..<n).map { i in (0..<n).map { j in i == j ? 0 : f() } }
        }
        let x1 = matrix { rng.nextUnitDouble() < 0.3 ? 1 : 0 }
        let x2 = matrix { rng.nextUnitDouble() < 0.5 ? 1 : 0 }
        let noise = matrix { rng.nextUnitDouble() - 0.5 }
        let y = (0..<n).map { i in (0..<n).map { j in i == j ? 0 : effect * x1[i][j] + noise[i][j] } }
        return (y, [x1, x2])
    }

    @Test("a planted effect gives p < 0.01, its unrelated companion does not; same seed, same p-values")
    func planted() throws {
        let (y, xs) = Self.planted(n: 15, seed: 21, effect: 0.6)
        let r = try QAP.regression(y, predictors: xs, symmetric: false, permutations: 500, seed: 4)
        #expect(r.pTwoSided[0] < 0.01 && r.tests[0].pGreaterOrEqual < 0.01)
        #expect(r.pTwoSided[1] > 0.05)
        #expect(r == (try QAP.regression(y, predictors: xs, symmetric: false, permutations: 500, seed: 4)))
        #expect(r.pTwoSided[1] != (try QAP.regression(y, predictors: xs, symmetric: false, permutations: 500, seed: 5)).pTwoSided[1])
        // Every p-value in [0, 1]; the one-sided ones cover every permutation between them.
        for t in r.tests { #expect((0...1).contains(t.pGreaterOrEqual) && (0...1).contains(t.pLessOrEqual) && t.pGreaterOrEqual + t.pLessOrEqual >= 1) }
    }

    @Test("under the null (no effect) the two-sided p-values of 200 data sets are roughly uniform")
    func null() throws {
        var ps: [Double] = []
        for s in 0..<200 {
            let (y, xs) = Self.planted(n: 8, seed: UInt64(1000 + s), effect: 0)
            ps.append(try QAP.regression(y, predictors: xs, symmetric: false, permutations: 99, seed: UInt64(s)).pTwoSided[0])
        }
        let low = ps.filter { $0 <= 0.1 }.count, half = ps.filter { $0 <= 0.5 }.count
        // Binomial(200, 0.1): mean 20, sd 4.2; Binomial(200, 0.5): mean 100, sd 7.1 (3 sd bounds).
        #expect((8...33).contains(low), "\(low) of 200 at or below 0.1")
        #expect((78...122).contains(half), "\(half) of 200 at or below 0.5")
        #expect(low == 18 && half == 87, "\(low) \(half)")   // seeds 1000…1199 / 0…199 (regression)
    }

    @Test("collinear or constant predictors are refused, naming which")
    func refusals() throws {
        let (y, xs) = Self.planted(n: 6, seed: 1, effect: 1)
        let doubled = xs[0].map { $0.map { 2 * $0 } }
        #expect(throws: GraphError.undefined(algorithm: "QAP regression", reason: "predictor 1 is a linear combination of the others")) {
            try QAP.regression(y, predictors: [xs[0], doubled], symmetric: false)
        }
        let constant = (0..<6).map { i in (0..<6).map { j in i == j ? 0.0 : 1 } }
        do {
            _ = try QAP.regression(y, predictors: [xs[0], constant], symmetric: false)
            Issue.record("a constant predictor was accepted")
        } catch { #expect("\(error)".contains("predictor 2 does not vary")) }
    }

    @Test("a monitor sees the permutations counted up to the total, and stopping it throws .stopped")
    func monitor() throws {
        let (y, xs) = Self.planted(n: 7, seed: 2, effect: 1)
        let seen = Counter()
        _ = try QAP.regression(y, predictors: xs, symmetric: false, permutations: 300, seed: 1,
                               monitor: WorkMonitor(progress: { done, total in seen.append(done, total) }))
        #expect(seen.values.count == 100 && seen.values.last == 300 && seen.values.first == 3 && seen.totals == [300])
        let stop = WorkMonitor(shouldStop: { true })
        #expect(throws: GraphError.stopped(algorithm: "QAP regression", done: 3, total: 300)) {
            try QAP.regression(y, predictors: xs, symmetric: false, permutations: 300, seed: 1, monitor: stop)
        }
    }
}

/// A thread-safe record of progress calls, for the monitor tests.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [Int] = []
    private(set) var totals: Set<Int> = []
    func append(_ done: Int, _ total: Int) { lock.lock(); values.append(done); totals.insert(total); lock.unlock() }
}
