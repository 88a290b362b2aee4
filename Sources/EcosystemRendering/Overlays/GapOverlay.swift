import Ecosystem

/// What `ecomap render --overlay gaps` marks on the map: articulation points, bridges,
/// isolates and recommended ties (the jobs layer builds them from a gap analysis).
///
/// ``overlay`` turns the marks into a ``DiagramOverlay`` that ``EcosystemDiagram`` draws in
/// every format. Marks (colours from Paul Tol's colour-blind-safe
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

    /// Colour of cut points, bridges and isolates: red of Paul Tol's colour-blind-safe
    /// "vibrant" scheme (P. Tol, "Colour Schemes", SRON technical note SRON/EPS/TN/09-002).
    public static let cutColor = "#CC3311"
    /// Colour of recommended ties: purple of Tol's "bright" scheme.
    public static let tieColor = "#AA3377"

    /// Marks as given.
    public init(cutPoints: [String] = [], isolates: [String] = [], bridges: [String] = [],
                recommendedTies: [(from: String, to: String, note: String)] = []) {
        self.cutPoints = cutPoints; self.isolates = isolates; self.bridges = bridges
        self.recommendedTies = recommendedTies
    }

    /// Equal when every list is equal, in order.
    public static func == (a: GapOverlay, b: GapOverlay) -> Bool {
        a.cutPoints == b.cutPoints && a.isolates == b.isolates && a.bridges == b.bridges
            && a.recommendedTies.map { [$0.from, $0.to, $0.note] } == b.recommendedTies.map { [$0.from, $0.to, $0.note] }
    }

    /// The marks as a ``DiagramOverlay`` for ``DiagramOptions/overlay``: the diagram applies
    /// them in one place, so every output format shows them.
    public var overlay: DiagramOverlay {
        var actorMarks: [String: DiagramOverlay.Mark] = [:]
        for id in cutPoints {
            actorMarks[id] = .init(cssClass: "gap-cut-point", attributes: ["peripheries": "2", "color": Self.cutColor, "penwidth": "2.5"])
        }
        for id in isolates {
            actorMarks[id] = .init(cssClass: "gap-isolate", attributes: ["style": "filled,dotted", "color": Self.cutColor, "penwidth": "2.5"])
        }
        var relationMarks: [String: DiagramOverlay.Mark] = [:]
        for id in bridges {
            relationMarks[id] = .init(cssClass: "gap-bridge", attributes: ["color": Self.cutColor, "penwidth": "4"])
        }
        let ties = recommendedTies.enumerated().map { rank, tie in
            DiagramOverlay.ExtraEdge(
                id: "gap-tie-\(rank + 1)", from: tie.from, to: tie.to, cssClass: "gap-recommended-tie",
                attributes: ["style": "dashed", "color": Self.tieColor, "penwidth": "2.5", "dir": "none", "constraint": "false"],
                tooltip: tie.note)
        }
        return DiagramOverlay(
            name: "gap", legendTitle: "Gap overlay",
            legendRows: [
                .init(glyph: "◎", color: Self.cutColor, text: "single point of failure (articulation point, double red border): \(cutPoints.count)"),
                .init(glyph: "━━━", color: Self.cutColor, text: "bridge (thick red line: the only link): \(bridges.count)"),
                .init(glyph: "◌", color: Self.cutColor, text: "isolate (dotted red border): \(isolates.count)"),
                .init(glyph: "– – –", color: Self.tieColor, text: "recommended tie (dashed purple, not in the model): \(recommendedTies.count)"),
            ],
            actorMarks: actorMarks, relationMarks: relationMarks, extraEdges: ties)
    }
}
