import Ecosystem
import Foundation
import NetworkAnalysis
import Testing
@testable import EcosystemAnalysis

/// The catalog's shared pass (two or more of betweenness, closeness, harmonic and the path
/// statistics asked for at once) gives each measure the very bits it gets when asked for alone,
/// which runs its own function; per uncertainty sample too.
@Suite("The catalog's one path pass equals each measure alone")
struct PathPassCatalogTests {
    static let family = [
        "betweenness", "closeness", "harmonic", "global_efficiency", "diameter", "average_path_length",
        "fragmentation", "distance_weighted_fragmentation", "betweenness_centralization", "closeness_centralization",
    ]

    @Test("Zoetermeer, every weighting and direction", arguments: [false, true])
    func zoetermeerEveryReading(directed: Bool) throws {
        let model = try zoetermeerModel()
        for weighting in EdgeWeighting.allCases {
            for direction in PathDirection.allCases {
                for normalized in [true, false] {
                    let options = AnalysisOptions(directed: directed, weighting: weighting, normalized: normalized, pathDirection: direction)
                    #expect(MeasureInput.pathPassMeasures(for: Self.family) == .all && MeasureInput.pathPassMeasures(for: Self.family, foldsLeaves: true) == PathMeasureSet.all.subtracting(.betweenness))
                    let together = try EcosystemAnalyzer.metrics(of: model, measures: Self.family, options: options)
                    for name in Self.family {
                        #expect(MeasureInput.pathPassMeasures(for: [name]) == [])
                        let alone = try EcosystemAnalyzer.metrics(of: model, measures: [name], options: options)
                        let what = "\(name) \(weighting) \(direction) directed \(directed) normalized \(normalized)"
                        if let j = together.measures.firstIndex(of: name), name == "betweenness" && !directed {
                            // Alone: shattered; in the pass: plain Brandes (within 1e-12).
                            for (a, b) in zip(together.columns[j], alone.columns[0]) { #expect(abs(a - b) <= 1e-12 * max(1, abs(b)), "\(what)") }
                        } else if let j = together.measures.firstIndex(of: name) {
                            #expect(together.columns[j].map(\.bitPattern) == alone.columns[0].map(\.bitPattern), "\(what)")
                        } else {
                            let value = together.network.first { $0.name == name }!.value
                            if name == "betweenness_centralization" && !directed {
                                #expect(abs(value - alone.network[0].value) <= 1e-12, "\(what)")
                            } else {
                                #expect(value.bitPattern == alone.network[0].value.bitPattern, "\(what)")
                            }
                        }
                    }
                }
            }
        }
    }

    @Test("every uncertainty sample's table equals the sample analysed on its own")
    func samplesEqualTheirOwnAnalysis() throws {
        let model = try zoetermeerModel()
        let measures = ["degree", "betweenness", "closeness", "global_efficiency"]
        let summary = try UncertaintyAnalysis.run(model: model, measures: measures, samples: 24, seed: 5, threads: 2)
        var tables: [MetricsTable] = []
        for s in 0..<24 {
            var sampled = model
            sampled.relations = zip(model.relations, UncertaintyAnalysis.keptRelations(of: model, seed: 5, sample: s)).filter(\.1).map(\.0)
            // Each measure alone: no shared pass.
            let columns = try ["degree", "betweenness", "closeness"].map {
                try EcosystemAnalyzer.metrics(of: sampled, measures: [$0]).columns[0]
            }
            let efficiency = try EcosystemAnalyzer.metrics(of: sampled, measures: ["global_efficiency"]).network
            tables.append(MetricsTable(
                nodeIDs: model.actors.map(\.id), nodeNames: model.actors.map(\.name), labels: [],
                measures: Array(measures.prefix(3)), columns: columns, network: efficiency, undefined: []))
        }
        let expected = UncertaintyAnalysis.summarize(model: model, tables: tables, seed: 5, topK: 3)
        #expect(summary.mean.map { $0.map(\.bitPattern) } == expected.mean.map { $0.map(\.bitPattern) })
        #expect(summary.low == expected.low && summary.high == expected.high && summary.topProbability == expected.topProbability)
        #expect(summary.network.map(\.mean.bitPattern) == expected.network.map(\.mean.bitPattern))
    }
}
