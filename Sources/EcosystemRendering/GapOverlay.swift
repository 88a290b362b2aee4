import Ecosystem
import EcosystemAnalysis

/// What `ecomap render --overlay gaps` marks on the map: articulation points, bridges,
/// isolates and the recommended ties of a ``GapReport``.
///
/// Kept apart from ``EcosystemDiagram/dot(for:options:)`` on purpose: ``dot(_:marking:)``
/// takes the finished DOT source and adds to it, so the diagram itself is unchanged and the
/// overlay is handled in this one place. Marks (colours from Paul Tol's colour-blind-safe
/// palette, and each also told apart by line style or border, so greyscale still reads):
/// - articulation point: a double border in red `#CC3311`, CSS class `gap-cut-point`;
/// - isolate: a dotted red border, class `gap-isolate`;
/// - bridge: a thick red line, class `gap-bridge`;
/// - recommended tie: a new dashed line in purple `#AA3377`, undirected, class
///   `gap-recommended-tie`, id `gap-tie-<rank>`, with its effect in the tooltip.
/// A second legend (`id="gap-legend"`) explains each mark.
public struct GapOverlay: Sendable, Equatable {
    /// Actor ids of the articulation points.
    public var cutPoints: [String]
    /// Actor ids of the isolates.
    public var isolates: [String]
    /// Relation ids of the bridges.
    public var bridges: [String]
    /// Recommended ties: the two actor ids and a tooltip.
    public var recommendedTies: [(from: String, to: String, note: String)]

    public static let cutColor = "#CC3311"
    public static let tieColor = "#AA3377"

    public init(cutPoints: [String] = [], isolates: [String] = [], bridges: [String] = [],
                recommendedTies: [(from: String, to: String, note: String)] = []) {
        self.cutPoints = cutPoints; self.isolates = isolates; self.bridges = bridges
        self.recommendedTies = recommendedTies
    }

    /// The marks of a gap report.
    public init(report: GapReport) {
        let single = report.findings(.singlePointOfFailure)
        cutPoints = single.filter { f in f.evidence.contains { $0.measure == "articulation_point" } }.map { $0.actors[0] }
        bridges = single.filter { f in f.evidence.contains { $0.measure == "bridge" } }.flatMap(\.relations)
        isolates = report.findings(.fragmentation).filter { f in f.evidence.contains { $0.measure == "degree" && $0.value == 0 } }
            .flatMap(\.actors)
        recommendedTies = report.recommendations.map { tie in
            (tie.from, tie.to, "Recommended tie \(report.name(tie.from)) – \(report.name(tie.to)): "
                + "\(report.options.objective.measure) \(GapText.number(tie.objectiveValue)) (\(GapText.signed(tie.objectiveChange)))")
        }
    }

    public static func == (a: GapOverlay, b: GapOverlay) -> Bool {
        a.cutPoints == b.cutPoints && a.isolates == b.isolates && a.bridges == b.bridges
            && a.recommendedTies.map { [$0.from, $0.to, $0.note] } == b.recommendedTies.map { [$0.from, $0.to, $0.note] }
    }

    /// `source` (the DOT of ``EcosystemDiagram/dot(for:options:)`` for `model`) with the marks added:
    /// attributes appended to the statements of marked nodes and edges (found by their `id`),
    /// new edges for the recommended ties and a second legend, before the closing brace.
    /// - Complexity: `O(length of source + marks)`.
    public func dot(_ source: String, model: EcosystemModel) -> String {
        var extra: [String: String] = [:]
        func actorClass(_ id: String) -> String {
            let type = model.actors.first { $0.id == id }?.type ?? ""
            return "actor type-\(DOTText.identifier(type, prefix: ""))"
        }
        for id in cutPoints {
            extra["id=\(DOTText.quoted(DOTText.identifier(id, prefix: "actor-")))"] =
                "peripheries=2, color=\"\(Self.cutColor)\", penwidth=2.5, class=\(DOTText.quoted(actorClass(id) + " gap-cut-point"))"
        }
        for id in isolates {
            extra["id=\(DOTText.quoted(DOTText.identifier(id, prefix: "actor-")))"] =
                "style=\"filled,dotted\", color=\"\(Self.cutColor)\", penwidth=2.5, class=\(DOTText.quoted(actorClass(id) + " gap-isolate"))"
        }
        for id in bridges {
            let relation = model.relations.first { $0.id == id }
            let type = DOTText.identifier(relation?.type ?? "", prefix: "")
            extra["id=\(DOTText.quoted(DOTText.identifier(id, prefix: "relation-")))"] =
                "color=\"\(Self.cutColor)\", penwidth=4, class=\(DOTText.quoted("relation type-\(type)\(relation?.isAssumed == true ? " assumed" : "") gap-bridge"))"
        }
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (i, line) in lines.enumerated() where line.hasSuffix("];") {
            guard let key = extra.keys.first(where: { line.contains("[\($0),") }) else { continue }
            lines[i] = String(line.dropLast(2)) + ", " + extra[key]! + "];"
        }
        guard let close = lines.lastIndex(of: "}") else { return lines.joined(separator: "\n") }
        var added: [String] = []
        for (rank, tie) in recommendedTies.enumerated() {
            let from = DOTText.quoted(DOTText.identifier(tie.from, prefix: "actor-"))
            let to = DOTText.quoted(DOTText.identifier(tie.to, prefix: "actor-"))
            added.append("  \(from) -> \(to) [id=\"gap-tie-\(rank + 1)\", class=\"gap-recommended-tie\", style=dashed, "
                + "color=\"\(Self.tieColor)\", penwidth=2.5, dir=none, constraint=false, tooltip=\(DOTText.label(tie.note))];")
        }
        added.append(legend())
        lines.insert(contentsOf: added, at: close)
        return lines.joined(separator: "\n")
    }

    /// The overlay's legend: one row per kind of mark, with its count.
    func legend() -> String {
        var rows = "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>Gap overlay</B></TD></TR>"
        func row(_ glyph: String, _ color: String, _ text: String) {
            rows += "<TR><TD><FONT COLOR=\"\(color)\">\(glyph)</FONT></TD><TD ALIGN=\"LEFT\">\(DOTText.html(text))</TD></TR>"
        }
        row("◎", Self.cutColor, "single point of failure (articulation point, double red border): \(cutPoints.count)")
        row("━━━", Self.cutColor, "bridge (thick red line: the only link): \(bridges.count)")
        row("◌", Self.cutColor, "isolate (dotted red border): \(isolates.count)")
        row("– – –", Self.tieColor, "recommended tie (dashed purple, not in the model): \(recommendedTies.count)")
        let table = "<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">\(rows)</TABLE>>"
        return "  \"gap-legend\" [id=\"gap-legend\", class=\"legend gap-legend\", shape=box, style=\"rounded\", color=\"#999999\", fontsize=10, tooltip=\"Gap overlay\", label=\(table)];"
    }
}
