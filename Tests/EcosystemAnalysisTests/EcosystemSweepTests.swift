import Ecosystem
import Testing
@testable import EcosystemAnalysis

/// The ecosystem mapping of a sweep (actors and ties to nodes and edges, labels back); the
/// graph algorithm itself is tested in NetworkAnalysisTests/RemovalSweepTests.swift.
@Suite("Ecosystem sweeps")
struct EcosystemSweepTests {
    @Test func ecosystemSweepLabelsAndProgress() throws {
        let model = try zoetermeerModel()
        nonisolated(unsafe) var calls: [Int] = []
        let r = try EcosystemSweep.run(model: model, removal: .actors, order: .targeted(measure: "betweenness"), points: 200) { done, total in
            calls.append(done)
            #expect(total == model.actors.count + 1)
        }
        #expect(calls == Array(1...(model.actors.count + 1)))
        let betweenness = try EcosystemAnalyzer.metrics(of: model, measures: ["betweenness"]).columns[0]
        #expect(r.removedItems.first == model.actors[betweenness.indices.max { betweenness[$0] < betweenness[$1] }!].id)
        #expect(r.removedItems.count == model.actors.count)
        let ties = try EcosystemSweep.run(model: model, removal: .relations, order: .targeted(measure: "weight"), points: 5)
        // Parallel relations (motie_2017 and vragen_2021, both council → executive) are one tie.
        #expect(ties.curves.total == 31)
        #expect(ties.removedItems.contains("motie_2017+vragen_2021"))
        #expect(throws: AnalysisError.self) {
            try EcosystemSweep.run(model: model, removal: .relations, order: .targeted(measure: "degree"), points: 5)
        }
    }
}
