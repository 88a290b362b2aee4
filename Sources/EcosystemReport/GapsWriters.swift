import Ecosystem
import EcosystemAnalysis
import Foundation

/// Writers of a ``GapReport``: Markdown (for a strategist), JSON (for a researcher's script) and
/// an aligned text table (for the terminal). All are deterministic: findings in report order,
/// JSON keys sorted, numbers in shortest round-tripping form (JSON) or fixed decimals (text).
/// Names are written as the model writes them, Dutch and diacritics included.
public enum GapsWriter {
    /// JSON:
    /// ```
    /// {"model": {"name", "title", "actors", "relations"},
    ///  "options": {"weighting", "objective", "objective_actor", "top", "predictor", "new_tie_weight"},
    ///  "baseline": {measure: value},
    ///  "findings": [{"kind", "severity", "sentence", "rule",
    ///                "actors": [{"id", "name"}], "relations": [{"id", "from", "to", "type"}],
    ///                "evidence": [{"measure", "value", "of"}]}],
    ///  "skipped": [{"kind", "reason"}],
    ///  "removal": [{"actor", "name", "articulation_point", "components", "fragmentation",
    ///               "fragmentation_change", "distance_weighted_fragmentation",
    ///               "distance_weighted_fragmentation_change", "global_efficiency", "global_efficiency_change"}],
    ///  "recommended_ties": [{"from", "to", "objective", "objective_value", "objective_change",
    ///                        "fragmentation", "global_efficiency", "score", "closes", "severity"}],
    ///  "candidates_evaluated": k}
    /// ```
    /// NaN is `null`; `rule` is `null` for findings not tied to a rule.
    public static func json(_ report: GapReport) throws -> String {
        let model = report.model
        func actor(_ id: String) -> [String: Any] { ["id": id, "name": report.name(id)] }
        func relation(_ id: String) -> [String: Any] {
            guard let r = model.relations.first(where: { $0.id == id }) else { return ["id": id] }
            return ["id": r.id, "from": r.from, "to": r.to, "type": r.type]
        }
        let findings: [[String: Any]] = report.findings.map { f in
            [
                "kind": f.kind.rawValue, "severity": f.severity.rawValue, "sentence": f.sentence,
                "rule": f.rule.map { $0 as Any } ?? NSNull(),
                "actors": f.actors.map(actor), "relations": f.relations.map(relation),
                "evidence": f.evidence.map { ["measure": $0.measure, "value": value($0.value), "of": $0.of] as [String: Any] },
            ]
        }
        var objectiveActor: Any = NSNull()
        if case let .constraint(a) = report.options.objective { objectiveActor = a }
        let document: [String: Any] = [
            "model": ["name": model.name, "title": model.title, "actors": model.actors.count, "relations": model.relations.count],
            "options": [
                "weighting": report.options.weighting.rawValue, "objective": report.options.objective.measure,
                "objective_actor": objectiveActor, "top": report.options.top,
                "predictor": report.options.predictor.rawValue, "new_tie_weight": report.options.newTieWeight,
            ] as [String: Any],
            "baseline": Dictionary(report.baseline.map { ($0.measure, value($0.value)) }, uniquingKeysWith: { a, _ in a }),
            "findings": findings,
            "skipped": report.skipped.map { ["kind": $0.kind.rawValue, "reason": $0.reason] },
            "removal": report.removal.map { r -> [String: Any] in
                [
                    "actor": r.actor, "name": report.name(r.actor), "articulation_point": r.isArticulationPoint,
                    "components": r.components, "fragmentation": value(r.fragmentation),
                    "fragmentation_change": value(r.fragmentationChange),
                    "distance_weighted_fragmentation": value(r.distanceWeightedFragmentation),
                    "distance_weighted_fragmentation_change": value(r.distanceWeightedFragmentationChange),
                    "global_efficiency": value(r.globalEfficiency), "global_efficiency_change": value(r.globalEfficiencyChange),
                ]
            },
            "recommended_ties": report.recommendations.map { t -> [String: Any] in
                [
                    "from": t.from, "to": t.to, "objective": report.options.objective.measure,
                    "objective_value": value(t.objectiveValue), "objective_change": value(t.objectiveChange),
                    "fragmentation": value(t.fragmentation), "global_efficiency": value(t.globalEfficiency),
                    "score": value(t.score), "closes": t.closes, "severity": t.severity.rawValue,
                ]
            },
            "candidates_evaluated": report.candidatesEvaluated,
        ]
        let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Markdown: a summary line per kind, then a section per kind with one bullet per finding
    /// (severity, sentence, evidence), the removal ranking (top `removalRows`), the recommended
    /// ties, and what was skipped and why.
    public static func markdown(_ report: GapReport, removalRows: Int = 10) -> String {
        var out = "# Gap analysis: \(report.model.title)\n\n"
        out += "\(report.model.actors.count) actors, \(report.model.relations.count) relations. "
        out += "Ties read as undirected; "
        out += report.options.weighting == .strength
            ? "path length = strongest tie / strength (the strongest tie, \(format(report.strengthScale)), has length 1, so global efficiency stays in 0…1; `ecomap analyze` uses 1/strength unscaled)"
            : "weighting: \(report.options.weighting.rawValue)"
        out += ". Baseline: " + report.baseline.map { "\($0.measure) \(format($0.value))" }.joined(separator: ", ") + ".\n\n"
        out += "| kind | high | medium | low | info |\n|---|---|---|---|---|\n"
        for kind in FindingKind.allCases {
            let f = report.findings(kind)
            let counts = Severity.allCases.map { s in f.filter { $0.severity == s }.count }
            out += "| \(kind.title) | " + counts.map(String.init).joined(separator: " | ") + " |\n"
        }
        for kind in FindingKind.allCases {
            out += "\n## \(kind.title)\n\n"
            let f = report.findings(kind)
            if f.isEmpty { out += "No findings.\n" }
            for finding in f {
                out += "- **\(finding.severity.rawValue)** \(escape(finding.sentence))"
                if !finding.evidence.isEmpty {
                    out += "  \n  *Evidence:* " + finding.evidence.map { "\($0.measure) = \(format($0.value)) (\(escape($0.of)))" }
                        .joined(separator: "; ")
                }
                out += "\n"
            }
            if kind == .singlePointOfFailure && !report.removal.isEmpty {
                out += "\nRemoval effects, most damaging first (each actor removed with its ties; Δ = after − before):\n\n"
                out += "| rank | actor | cut point | components | F | ΔF | DF | ΔDF | efficiency | Δefficiency |\n"
                out += "|---:|---|:-:|---:|---:|---:|---:|---:|---:|---:|\n"
                for (i, r) in report.removal.prefix(removalRows).enumerated() {
                    out += "| \(i + 1) | \(escape(report.name(r.actor))) | \(r.isArticulationPoint ? "yes" : "") | \(r.components) | "
                    out += [r.fragmentation, r.fragmentationChange, r.distanceWeightedFragmentation, r.distanceWeightedFragmentationChange,
                            r.globalEfficiency, r.globalEfficiencyChange].map { GapText.number($0) }.joined(separator: " | ") + " |\n"
                }
            }
            if kind == .recommendedTie && report.candidatesEvaluated > 0 {
                out += "\nRanked by the exact change in \(report.options.objective.measure)"
                if case let .constraint(a) = report.options.objective { out += " of \(escape(report.name(a)))" }
                out += ", then by \(report.options.predictor.rawValue); \(report.candidatesEvaluated) candidate ties evaluated, "
                out += "each of strength \(format(report.options.newTieWeight)).\n"
            }
            for s in report.skipped where s.kind == kind { out += "\n*Skipped:* \(escape(s.reason)).\n" }
        }
        return out
    }

    /// A text table for the terminal: `kind  severity  sentence`, one finding per line,
    /// then what was skipped.
    public static func table(_ report: GapReport) -> String {
        let kindWidth = FindingKind.allCases.map(\.rawValue.count).max() ?? 0
        var lines = ["\(report.model.title): \(report.findings.count) findings"]
        lines.append("kind".padding(toLength: kindWidth, withPad: " ", startingAt: 0) + "  severity  finding")
        for f in report.findings {
            lines.append(f.kind.rawValue.padding(toLength: kindWidth, withPad: " ", startingAt: 0) + "  "
                + f.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0) + "  " + f.sentence)
        }
        for s in report.skipped { lines.append("skipped (\(s.kind.rawValue)): \(s.reason)") }
        return lines.joined(separator: "\n") + "\n"
    }

    static func value(_ x: Double) -> Any { x.isFinite ? x : NSNull() }

    /// Up to 3 decimals, trailing zeros dropped; `–` for NaN.
    static func format(_ x: Double) -> String {
        guard x.isFinite else { return "–" }
        if x == x.rounded() && abs(x) < 1e15 { return String(Int(x)) }
        var s = String(format: "%.3f", x)
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }

    /// Escapes the characters Markdown would read as markup in running text.
    static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            if "\\`*_[]|<>".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}
