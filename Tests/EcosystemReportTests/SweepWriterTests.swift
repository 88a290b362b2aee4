import Ecosystem
import EcosystemAnalysis
import Foundation
import NetworkAnalysis
import Testing
@testable import EcosystemReport
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("Sweep chart and areas under the curves")
struct SweepWriterTests {
    /// The path a – b – c: an undirected tie of strength 1 between neighbours.
    static let path = EcosystemModel(
        name: "path", actorTypes: [ActorType(id: "t", label: "T", color: "#000000", shape: "box")],
        relationTypes: [RelationType(id: "r", label: "r", color: "#000000", style: "solid", directed: false)],
        actors: ["a", "b", "c"].map { Actor(id: $0, name: $0.uppercased(), type: "t") },
        relations: [Relation(id: "ab", from: "a", to: "b", type: "r"), Relation(id: "bc", from: "b", to: "c", type: "r")])

    @Test("areas of a targeted sweep of a path, by hand: R = 7/18, efficiency area = 5/36; on the terminal and in the CSV")
    func areasByHand() throws {
        // Betweenness removes b first (1 against 0), then a and c. Largest-component share at
        // 0, 1, 2, 3 removed: 3/3, 1/3, 1/3, 0; trapezoids of width 1/3:
        //   (1 + 1/3)/2 + (1/3 + 1/3)/2 + (1/3 + 0)/2 = 2/3 + 1/3 + 1/6 = 7/6, times 1/3 = 7/18.
        // Global efficiency: intact (1 + 1 + 1/2)·2 / (3·2) = 5/6, then 0 (two isolates, one
        // actor, none): (5/6 + 0)/2 · 1/3 = 5/36.
        let sweep = try EcosystemSweep.run(model: Self.path, removal: .actors, order: .targeted(measure: "betweenness"),
                                           points: 101, options: AnalysisOptions())
        #expect(sweep.curves.removed == [0, 1, 2, 3])
        #expect(sweep.removedItems.first == "b")
        #expect(abs(sweep.curves.shareArea - 7.0 / 18) < 1e-12)
        #expect(abs(sweep.curves.efficiencyArea - 5.0 / 36) < 1e-12)
        let rows = try SweepWriter.csv([sweep]).split(separator: "\n")
        #expect(rows.count == 1 + 4)
        for row in rows.dropFirst() {
            let areas = row.split(separator: ",", omittingEmptySubsequences: false).suffix(2).compactMap { Double($0) }
            #expect(areas.count == 2 && abs(areas[0] - 7.0 / 18) < 1e-12 && abs(areas[1] - 5.0 / 36) < 1e-12, "\(row)")
        }
        #expect(SweepWriter.areaSummary([sweep])
                == "targeted (betweenness): area under the largest-component curve (robustness R) 0.3889, under the global-efficiency curve 0.1389\n")
        let svg = SweepWriter.svg([sweep], title: "path")
        #expect(svg.contains("areas under the curves 0.389 and 0.139"))
    }

    @Test("quantiles by linear interpolation (Hyndman & Fan definition 7, NumPy's default)")
    func quantiles() {
        // numpy.quantile([1, 2, 3, 4, 10], [0.05, 0.5, 0.95]) = [1.2, 3.0, 8.8]
        #expect(abs(SweepWriter.quantile([10, 1, 3, 2, 4], 0.05) - 1.2) < 1e-12)
        #expect(SweepWriter.quantile([10, 1, 3, 2, 4], 0.5) == 3)
        #expect(abs(SweepWriter.quantile([10, 1, 3, 2, 4], 0.95) - 8.8) < 1e-12)
        #expect(SweepWriter.quantile([7], 0.95) == 7)
        #expect(SweepWriter.quantile([.nan], 0.5).isNaN)
    }

    @Test("one outlying run does not stretch the efficiency axis; the chart says what it clips")
    func outlierClipped() throws {
        // 40 random runs with efficiency ≤ 0.8, one of them at 3.0 at one point.
        var runs = (0..<40).map { r in [0.8, 0.5 - Double(r) * 0.005, 0.0] }
        runs[7][1] = 3.0
        let curves = SweepCurves(removed: [0, 1, 2], total: 2, shareRuns: runs.map { _ in [1, 0.5, 0] }, efficiencyRuns: runs)
        let sweep = EcosystemSweepResult(modelName: "m", removal: .actors, order: .random(runs: 40, seed: 1), curves: curves, removedItems: [])
        #expect(SweepWriter.efficiencyAxisTop([sweep]) == 1)
        let svg = SweepWriter.svg([sweep], title: "m")
        #expect(!svg.contains(">3.00</text>") && !svg.contains(">2.00</text>"))
        #expect(svg.contains(">1.00</text>"))
        #expect(svg.contains("band 5–95% of runs"))
        // The mean at the middle point, (0.5 + … + 0.305 − 0.465 + 3.0)/40 ≈ 0.465, stays under 1:
        // nothing is clipped, so no note; the 95% band edge ignores the one run at 3.0.
        #expect(!svg.contains("clipped-note"))
        // A targeted curve above the axis is clipped at the top edge, and the chart says so.
        let spike = EcosystemSweepResult(
            modelName: "m", removal: .actors, order: .targeted(measure: "degree"),
            curves: SweepCurves(removed: [0, 1, 2], total: 2, shareRuns: [[1, 0.5, 0]], efficiencyRuns: [[0.8, 3.0, 0]]), removedItems: ["a", "b"])
        let both = SweepWriter.svg([sweep, spike], title: "m")
        #expect(SweepWriter.efficiencyAxisTop([sweep, spike]) == 1)
        #expect(both.contains("class=\"clipped-note\""))
        #expect(both.contains("1 point above 1.00 clipped at the top"))
        #expect(both.contains("1 point lies above it and is drawn at the top edge"))
        #expect(XMLParser(data: Data(both.utf8)).parse())
    }
}
