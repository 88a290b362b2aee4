import Ecosystem
import FixtureSupport
import Foundation
import NetworkAnalysis
import Testing
@testable import EcosystemAnalysis

@Suite("Uncertainty sampling")
struct UncertaintyTests {
    /// A path a – b – c – d with uncertain ties b–c (0.5) and c–d (0.9) and an impossible a–d (0).
    func model() -> EcosystemModel {
        EcosystemModel(
            name: "u", actorTypes: [ActorType(id: "t", label: "t", color: "#000000", shape: "box")],
            relationTypes: [RelationType(id: "r", label: "r", color: "#000000", style: "solid", directed: false)],
            actors: ["a", "b", "c", "d"].map { Actor(id: $0, name: $0, type: "t") },
            relations: [
                Relation(id: "ab", from: "a", to: "b", type: "r"),
                Relation(id: "bc", from: "b", to: "c", type: "r", confidence: 0.5),
                Relation(id: "cd", from: "c", to: "d", type: "r", weight: 2, confidence: 0.9),
                Relation(id: "ad", from: "a", to: "d", type: "r", confidence: 0),
            ])
    }

    @Test func sameSeedSameSummaryWhateverTheThreads() throws {
        let m = model()
        let measures = ["degree", "betweenness", "global_efficiency"]
        let a = try UncertaintyAnalysis.run(model: m, measures: measures, samples: 101, seed: 9, threads: 1)
        let b = try UncertaintyAnalysis.run(model: m, measures: measures, samples: 101, seed: 9, threads: 2)
        #expect(a.mean == b.mean && a.low == b.low && a.high == b.high && a.topProbability == b.topProbability)
        #expect(a.network.map(\.mean) == b.network.map(\.mean))
        let c = try UncertaintyAnalysis.run(model: m, measures: measures, samples: 101, seed: 10)
        #expect(c.mean[1] != a.mean[1])
    }

    @Test func meanIsTheAverageOfTheSampledAnalyses() throws {
        let m = model()
        let n = 40
        let u = try UncertaintyAnalysis.run(model: m, measures: ["closeness"], samples: n, seed: 3)
        var sums = [Double](repeating: 0, count: 4)
        for s in 0..<n {
            var sampled = m
            let keep = UncertaintyAnalysis.keptRelations(of: m, seed: 3, sample: s)
            #expect(keep[0] && !keep[3])  // certain ties always, confidence 0 never
            sampled.relations = zip(m.relations, keep).filter(\.1).map(\.0)
            let column = try EcosystemAnalyzer.metrics(of: sampled, measures: ["closeness"]).columns[0]
            for i in 0..<4 { sums[i] += column[i] }
        }
        for i in 0..<4 { #expect(agree(u.mean[0][i], sums[i] / Double(n), tolerance: 1e-12)) }
    }

    @Test func frequenciesFollowTheConfidence() throws {
        let m = model()
        let n = 4000
        var kept = [0, 0, 0, 0]
        for s in 0..<n { for (r, k) in UncertaintyAnalysis.keptRelations(of: m, seed: 11, sample: s).enumerated() where k { kept[r] += 1 } }
        #expect(kept[0] == n && kept[3] == 0)
        // Binomial standard deviations: 0.5 → 0.0079, 0.9 → 0.0047; allow four of them.
        #expect(abs(Double(kept[1]) / Double(n) - 0.5) < 0.032)
        #expect(abs(Double(kept[2]) / Double(n) - 0.9) < 0.019)
        // So the degree of b is 1 + Bernoulli(0.5): its mean and interval show it.
        let u = try UncertaintyAnalysis.run(model: m, measures: ["degree"], samples: 400, seed: 11)
        #expect(abs(u.mean[0][1] - 1.5) < 0.1)
        #expect(u.low[0][1] == 1 && u.high[0][1] == 2)
        #expect(u.mean[0][0] == 1 && u.low[0][0] == 1 && u.high[0][0] == 1)  // a: its only certain tie
        #expect(u.uncertainRelations == 3)
    }

    @Test func topKProbabilityCountsTies() throws {
        // With only a–b (bc and cd both absent, probability 0.05) a and b tie at the top.
        let u = try UncertaintyAnalysis.run(model: model(), measures: ["degree"], samples: 200, seed: 5, topK: 1)
        #expect(u.topProbability[0].reduce(0, +) >= 1)
        #expect(u.topProbability[0].allSatisfy { $0 >= 0 && $0 <= 1 })
        // a has degree 1 in every sample; it is in the top 1 only when nobody has degree 2,
        // i.e. when b–c is absent and c–d too (b, c or d would have 2 otherwise... c–d alone
        // gives c and d degree 1, a tie at 1).
        var expected = 0
        for s in 0..<200 {
            let k = UncertaintyAnalysis.keptRelations(of: model(), seed: 5, sample: s)
            if !k[1] { expected += 1 }  // without b–c every degree is at most 1
        }
        #expect(u.topProbability[0][0] == Double(expected) / 200)
    }

    @Test func percentileIsType7() {
        #expect(UncertaintyAnalysis.percentile([1, 2, 3, 4], 0.05) == 1.15)
        #expect(agree(UncertaintyAnalysis.percentile([1, 2, 3, 4], 0.95), 3.85, tolerance: 1e-15))
        #expect(UncertaintyAnalysis.percentile([7], 0.95) == 7)
        #expect(UncertaintyAnalysis.percentile([], 0.5).isNaN)
    }

    @Test func sampleSeedsAreTheSplitMixStream() {
        var g = SplitMix64(seed: 77)
        let stream = (0..<5).map { _ in g.next() }
        #expect((0..<5).map { UncertaintyAnalysis.sampleSeed(77, sample: $0) } == stream)
    }

    @Test func edgeMeasuresAreRefused() {
        #expect(throws: AnalysisError.self) { try UncertaintyAnalysis.run(model: model(), measures: ["edge_betweenness"], samples: 2, seed: 1) }
    }
}

extension UncertaintyTests {
    @Test("the monitor sees the samples done in order, 1 to N at its checkpoints; a stop ends the run with no summary")
    func monitorCountsAndStops() throws {
        let m = model()
        let seen = Counts()
        let monitor = WorkMonitor(progress: { done, total in seen.add(done, total) })
        let watched = try UncertaintyAnalysis.run(model: m, measures: ["degree"], samples: 250, seed: 9, threads: 2, monitor: monitor)
        let plain = try UncertaintyAnalysis.run(model: m, measures: ["degree"], samples: 250, seed: 9, threads: 2)
        #expect(watched.mean == plain.mean, "watching changes nothing")
        // Checkpoints every max(1, 250 / 100) = 2 samples, and the last.
        #expect(seen.values == Array(stride(from: 2, through: 250, by: 2)).map { [$0, 250] })
        let stop = WorkMonitor(shouldStop: { true })
        #expect(throws: GraphError.stopped(algorithm: "uncertainty samples", done: 2, total: 250)) {
            try UncertaintyAnalysis.run(model: m, measures: ["degree"], samples: 250, seed: 9, threads: 1, monitor: stop)
        }
    }
}

/// Progress reports gathered from worker threads.
final class Counts: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [[Int]] = []
    func add(_ done: Int, _ total: Int) { lock.lock(); seen.append([done, total]); lock.unlock() }
    var values: [[Int]] { lock.lock(); defer { lock.unlock() }; return seen }
}
