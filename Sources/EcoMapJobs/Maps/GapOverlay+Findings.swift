import Ecosystem
import EcosystemAnalysis
import EcosystemRendering

extension GapOverlay {
    /// The marks of a gap report: cut points and bridges from the single-point-of-failure
    /// findings, isolates from the fragmentation findings, and the recommended ties with their
    /// objective value and change in the tooltip.
    /// - Parameter report: the gap analysis.
    /// - Complexity: `O(findings + recommendations)`.
    public init(report: GapReport) {
        let single = report.findings(.singlePointOfFailure)
        let cutPoints = single.filter { f in f.evidence.contains { $0.measure == "articulation_point" } }.map { $0.actors[0] }
        let bridges = single.filter { f in f.evidence.contains { $0.measure == "bridge" } }.flatMap(\.relations)
        let isolates = report.findings(.fragmentation)
            .filter { f in f.evidence.contains { $0.measure == "degree" && $0.value == 0 } }
            .flatMap(\.actors)
        let ties = report.recommendations.map { tie in
            (tie.from, tie.to, "Recommended tie \(report.name(tie.from)) – \(report.name(tie.to)): "
                + "\(report.options.objective.measure) \(NumberFormat.decimals(tie.objectiveValue)) (\(NumberFormat.signed(tie.objectiveChange)))")
        }
        self.init(cutPoints: cutPoints, isolates: isolates, bridges: bridges, recommendedTies: ties)
    }
}
