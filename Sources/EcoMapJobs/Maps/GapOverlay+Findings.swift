import Ecosystem
import EcosystemAnalysis
import EcosystemRendering

extension GapOverlay {
    /// The marks of a gap report: cut points and bridges from the single-point-of-failure
    /// findings, isolates from the fragmentation findings, and the recommended ties with their
    /// marginal change and filters in the tooltip.
    /// - Parameter report: the gap analysis.
    /// - Complexity: `O(findings + portfolio ties)`.
    public init(report: GapReport) {
        let single = report.findings(.singlePointOfFailure)
        let cutPoints = single.filter { f in f.evidence.contains { $0.measure == "articulation_point" } }.map { $0.actors[0] }
        let bridges = single.filter { f in f.evidence.contains { $0.measure == "bridge" } }.flatMap(\.relations)
        let isolates = report.findings(.fragmentation)
            .filter { f in f.evidence.contains { $0.measure == "degree" && $0.value == 0 } }
            .flatMap(\.actors)
        let ties = (report.portfolio?.ties ?? []).enumerated().map { rank, tie in
            (tie.from, tie.to, "Recommended tie \(rank + 1): \(report.name(tie.from)) – \(report.name(tie.to)): "
                + "\(report.options.objective.measure) \(NumberFormat.signed(tie.marginalChange)) given the ties before it, "
                + "to \(NumberFormat.decimals(tie.valueAfter)) (\(tie.filters.map(\.rawValue).joined(separator: ", ")))")
        }
        self.init(cutPoints: cutPoints, isolates: isolates, bridges: bridges, recommendedTies: ties)
    }
}
