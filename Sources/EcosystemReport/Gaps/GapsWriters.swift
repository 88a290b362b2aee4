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
    ///  "options": {"weighting", "objective", "objective_actor", "ties", "predictor", "new_tie_weight"},
    ///  "baseline": {measure: value},
    ///  "findings": [{"kind", "severity", "sentence", "rule",
    ///                "actors": [{"id", "name"}], "relations": [{"id", "from", "to", "type"}],
    ///                "evidence": [{"measure", "value", "of"}]}],
    ///  "skipped": [{"kind", "reason"}],
    ///  "removal": [{"actor", "name", "articulation_point", "components", "fragmentation",
    ///               "fragmentation_change", "distance_weighted_fragmentation",
    ///               "distance_weighted_fragmentation_change", "global_efficiency", "global_efficiency_change"}],
    ///  "tie_portfolio": {"objective", "objective_actor", "base_value", "value", "change",
    ///                    "relative_change", "tiny", "greedy_value", "swaps", "swap_optimal",
    ///                    "candidates", "candidates_by_filter": {filter: count}, "candidates_left_out",
    ///                    "evaluations", "tie_weight",
    ///                    "ties": [{"rank", "from", "to", "from_name", "to_name", "filters", "rules",
    ///                              "bridges", "score", "value_after", "marginal_change",
    ///                              "alone_change", "closes", "severity"}]},
    ///  "candidates_evaluated": k,
    ///  "briefing": [{"topic", "severity", "text", "kinds", "keys"}]}
    /// ```
    /// NaN is `null`; `rule` is `null` for findings not tied to a rule; `tie_portfolio` is
    /// `null` when it was skipped. `change` is the combined effect of the whole set, computed
    /// on the network with every tie added; the ties' `marginal_change`s, in rank order, add
    /// up to it. `findings` lists every finding (none folded); `briefing` is ``Briefing`` in
    /// ``BriefingWriter``'s words, `keys` its findings' keys as ``BriefingWriter/key(_:)`` writes them.
    /// - Parameter report: the gap analysis.
    /// - Returns: pretty-printed JSON with sorted keys, ending in a newline.
    /// - Throws: `JSONDocumentError` (not expected: every value is a string, number, Boolean,
    ///   array, dictionary or null). Written by ``Ecosystem/JSONText``, the bytes `JSONSerialization` wrote.
    public static func json(_ report: GapReport) throws -> String {
        try JSONText.text(of: jsonDocument(report), escapesSlashes: false)
    }

    /// The document ``json(_:)`` writes, as Foundation values (the tests write it with
    /// `JSONSerialization` too and compare the bytes).
    static func jsonDocument(_ report: GapReport) -> [String: Any] {
        let model = report.model
        let briefing = Briefing(report)
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
                "objective_actor": objectiveActor, "ties": report.options.ties,
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
            "tie_portfolio": report.portfolio.map { p -> Any in
                [
                    "objective": p.objective.measure, "objective_actor": objectiveActor,
                    "base_value": value(p.baseValue), "value": value(p.value), "change": value(p.change),
                    "relative_change": value(p.relativeChange), "tiny": p.isTiny,
                    "greedy_value": value(p.greedyValue), "swaps": p.swaps, "swap_optimal": p.isSwapOptimal,
                    "candidates": p.candidateCount,
                    "candidates_by_filter": Dictionary(uniqueKeysWithValues: p.candidatesByFilter.map { ($0.key.rawValue, $0.value) }),
                    "candidates_left_out": p.candidatesLeftOut, "evaluations": p.evaluations, "tie_weight": p.tieWeight,
                    "ties": p.ties.enumerated().map { rank, t -> [String: Any] in
                        [
                            "rank": rank + 1, "from": t.from, "to": t.to, "from_name": report.name(t.from), "to_name": report.name(t.to),
                            "filters": t.filters.map(\.rawValue), "rules": t.rules, "bridges": t.bridges, "score": value(t.score),
                            "value_after": value(t.valueAfter), "marginal_change": value(t.marginalChange),
                            "alone_change": value(t.aloneChange), "closes": t.closes, "severity": t.severity.rawValue,
                        ]
                    },
                ] as [String: Any]
            } ?? NSNull(),
            "candidates_evaluated": report.candidatesEvaluated,
            "briefing": zip(briefing.items, BriefingWriter.sentences(briefing, report: report)).map { item, words -> [String: Any] in
                ["topic": item.topic.rawValue, "severity": item.severity.rawValue, "text": words.text, "kinds": words.kinds,
                 "keys": item.keys.map(BriefingWriter.key(_:))]
            },
        ]
        return document
    }

    /// Markdown for a strategist: the briefing (``BriefingWriter``, when `briefing`), a summary
    /// table of findings per kind and severity, a section per kind with a bullet per finding
    /// (severity, sentence, evidence; findings of one shape folded into one,
    /// ``GapReport/foldedFindings(minimumMembers:)``), the removal ranking (top `removalRows`),
    /// the recommended ties, and what was skipped and why.
    ///
    /// - Parameters:
    ///   - report: the gap analysis.
    ///   - removalRows: rows of the removal ranking shown (the most damaging first).
    ///   - headingLevel: level of the title heading (`#`); the kinds are one deeper.
    ///   - briefing: whether the briefing comes first (under the title).
    /// - Returns: the Markdown text.
    public static func markdown(_ report: GapReport, removalRows: Int = 10, headingLevel: Int = 1, briefing: Bool = true) -> String {
        document(report, style: .markdown, removalRows: removalRows, headingLevel: headingLevel, briefing: briefing)
    }

    /// The same document as ``markdown(_:removalRows:headingLevel:briefing:)`` as an HTML
    /// fragment (headings, paragraphs, lists, tables; user text escaped), for the report page,
    /// where the briefing is at the top of the page instead (default `briefing: false`).
    /// - Parameters: as ``markdown(_:removalRows:headingLevel:briefing:)`` (title heading `<h3>` by default).
    /// - Returns: the HTML fragment (no `<html>`/`<body>`).
    public static func html(_ report: GapReport, removalRows: Int = 10, headingLevel: Int = 3, briefing: Bool = false) -> String {
        document(report, style: .html, removalRows: removalRows, headingLevel: headingLevel, briefing: briefing)
    }

    static func document(_ report: GapReport, style: Markup.Style, removalRows: Int, headingLevel: Int, briefing: Bool) -> String {
        var w = Markup.Writer(style)
        w.heading("Gap analysis: \(report.model.title)", level: headingLevel)
        if briefing {
            let b = Briefing(report)
            w.raw(style == .html ? BriefingWriter.html(b, report: report, headingLevel: headingLevel + 1)
                : BriefingWriter.markdown(b, report: report, headingLevel: headingLevel + 1))
        }
        let folded = report.foldedFindings()
        var summary = "\(report.model.actors.count) actors, \(report.model.relations.count) relations. "
        summary += "Ties read as undirected; "
        summary += report.options.weighting == .strength
            ? "path length = 1/strength (Opsahl et al. 2010), as in `ecomap analyze` and `ecomap compare`"
            : "weighting: \(report.options.weighting.rawValue)"
        summary += ". Baseline: " + report.baseline.map { "\($0.measure) \(NumberFormat.brief($0.value))" }.joined(separator: ", ") + "."
        let note = filterNote(report)
        if !note.isEmpty { summary += " " + note.dropFirst(2).prefix(1).uppercased() + note.dropFirst(3) + "." }
        w.paragraph(w.text(summary))
        var counts = [["kind"] + Severity.allCases.map(\.rawValue)]
        for kind in FindingKind.allCases {
            let f = report.findings(kind)
            counts.append([kind.title] + Severity.allCases.map { s in String(f.filter { $0.severity == s }.count) })
        }
        w.table(counts, align: [.left] + Severity.allCases.map { _ in .right })
        for kind in FindingKind.allCases {
            w.heading(kind.title, level: headingLevel + 1)
            let f = folded.filter { $0.kind == kind }
            if f.isEmpty { w.paragraph(w.text("No findings.")) }
            w.list(f.map { finding in
                var item = w.strong(finding.severity.rawValue) + " " + w.text(finding.sentence)
                if !finding.evidence.isEmpty {
                    item += w.lineBreak + w.em("Evidence:") + " "
                        + w.text(finding.evidence.map { "\($0.measure) = \(NumberFormat.brief($0.value)) (\($0.of))" }.joined(separator: "; "))
                }
                return item
            })
            if kind == .singlePointOfFailure && !report.removal.isEmpty {
                w.paragraph(w.text("Removal effects, most damaging first (each actor removed with its ties; Δ = after − before):"))
                var rows = [["rank", "actor", "cut point", "components", "F", "ΔF", "DF", "ΔDF", "efficiency", "Δefficiency"]]
                for (i, r) in report.removal.prefix(removalRows).enumerated() {
                    rows.append([String(i + 1), report.name(r.actor), r.isArticulationPoint ? "yes" : "", String(r.components)]
                        + [r.fragmentation, r.fragmentationChange, r.distanceWeightedFragmentation, r.distanceWeightedFragmentationChange,
                           r.globalEfficiency, r.globalEfficiencyChange].map { NumberFormat.decimals($0) })
                }
                w.table(rows, align: [.right, .left, .center] + Array(repeating: .right, count: 7))
            }
            if kind == .recommendedTie, let p = report.portfolio {
                w.paragraph(w.text(portfolioSummary(p, report: report)))
            }
            for s in report.skipped where s.kind == kind { w.paragraph(w.em("Skipped:") + " " + w.text(s.reason) + ".") }
        }
        return w.output
    }

    /// A text table for the terminal: `kind  severity  finding`, one folded finding
    /// (``GapReport/foldedFindings(minimumMembers:)``) per row, the finding column wrapped so
    /// that no line is longer than `width` (``PlainText/table(_:width:rightAligned:)``), the tie
    /// portfolio's combined effect (``portfolioSummary(_:report:)``), then what was skipped.
    /// - Parameters:
    ///   - report: the gap analysis.
    ///   - width: the longest line (default ``PlainText/defaultWidth``).
    /// - Returns: the text, a title line with the number of findings first.
    public static func table(_ report: GapReport, width: Int = PlainText.defaultWidth) -> String {
        let folded = report.foldedFindings()
        var out = PlainText.wrap("\(report.model.title): \(countNoun(report.findings.count, "finding"))\(foldNote(report, folded))\(filterNote(report))", width: width)
            .joined(separator: "\n") + "\n"
        out += PlainText.table([["kind", "severity", "finding"]] + folded.map { [$0.kind.rawValue, $0.severity.rawValue, $0.sentence] }, width: width)
        if let p = report.portfolio { out += PlainText.wrap("tie portfolio: " + portfolioSummary(p, report: report), width: width, rest: "  ").joined(separator: "\n") + "\n" }
        for s in report.skipped { out += PlainText.wrap("skipped (\(s.kind.rawValue)): \(s.reason)", width: width, rest: "  ").joined(separator: "\n") + "\n" }
        return out
    }

    /// Plain text for a terminal, every line at most `width` characters, no markup: the title,
    /// the size and the number of findings by severity, the briefing (``BriefingWriter``), then
    /// per kind of finding its folded findings (``GapReport/foldedFindings(minimumMembers:)``),
    /// each as `severity  sentence` with the sentence wrapped under itself, the five most
    /// damaging removals as an aligned table, and what was skipped. The evidence of each finding
    /// is left to the Markdown and JSON forms.
    /// - Parameters:
    ///   - report: the gap analysis.
    ///   - width: the longest line (at least ``PlainText/minimumWidth``).
    ///   - briefing: whether the briefing comes first.
    /// - Returns: the text, ending in a newline.
    public static func text(_ report: GapReport, width: Int = PlainText.defaultWidth, briefing: Bool = true) -> String {
        let folded = report.foldedFindings()
        var lines = PlainText.wrap("Gap analysis: \(report.model.title)", width: width)
        let bySeverity = Severity.allCases.compactMap { s -> String? in
            let k = report.findings.filter { $0.severity == s }.count
            return k == 0 ? nil : "\(k) \(s.rawValue)"
        }
        lines += PlainText.wrap(
            "\(report.model.actors.count) actors, \(report.model.relations.count) relations; \(countNoun(report.findings.count, "finding"))"
                + (bySeverity.isEmpty ? "" : " (\(bySeverity.joined(separator: ", ")))") + foldNote(report, folded) + filterNote(report) + ".",
            width: width)
        if briefing {
            let text = BriefingWriter.text(Briefing(report), report: report, width: width)
            if !text.isEmpty { lines.append(""); lines += text.dropLast().split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        }
        var empty: [String] = []
        for kind in FindingKind.allCases {
            let f = folded.filter { $0.kind == kind }
            let skipped = report.skipped.filter { $0.kind == kind }
            if f.isEmpty && skipped.isEmpty {
                if report.filter?.applied.kinds?.contains(kind) ?? true { empty.append(kind.title.lowercased()) }
                continue
            }
            lines.append("")
            lines.append("\(kind.title) [\(kind.rawValue)]")
            for finding in f {
                lines += PlainText.wrap(finding.sentence, width: width, first: "  " + finding.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0))
            }
            if kind == .singlePointOfFailure && !report.removal.isEmpty {
                lines += PlainText.wrap("Removal effects, most damaging first (Δ = after − before; DF distance-weighted fragmentation):", width: width, first: "  ")
                var rows = [["rank", "actor", "cut point", "ΔF", "ΔDF", "Δefficiency"]]
                for (i, r) in report.removal.prefix(5).enumerated() {
                    rows.append([String(i + 1), report.name(r.actor), r.isArticulationPoint ? "yes" : ""]
                        + [r.fragmentationChange, r.distanceWeightedFragmentationChange, r.globalEfficiencyChange].map { NumberFormat.decimals($0) })
                }
                lines += PlainText.table(rows, width: width - 4, rightAligned: [0, 3, 4, 5]).dropLast().split(separator: "\n").map { "    " + $0 }
            }
            if kind == .recommendedTie, let p = report.portfolio { lines += PlainText.wrap(portfolioSummary(p, report: report), width: width, first: "  ") }
            for s in skipped { lines += PlainText.wrap("skipped: \(s.reason).", width: width, first: "  ") }
        }
        if !empty.isEmpty {
            lines.append("")
            lines += PlainText.wrap("\(noFindingsLead(report)): \(empty.joined(separator: ", ")).", width: width)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "1 finding", "2 findings".
    static func countNoun(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// "; 12 more below the chosen severity or of other kinds" when a filter left findings out
    /// (empty otherwise).
    static func filterNote(_ report: GapReport) -> String {
        guard let filter = report.filter, filter.leftOut > 0 else { return "" }
        let why: String
        switch (filter.applied.minimumSeverity, filter.applied.kinds) {
        case (.some, .some): why = "below the chosen severity or of other kinds"
        case (.some, nil): why = "below the chosen severity"
        default: why = "of other kinds"
        }
        return "; \(filter.leftOut) more \(why) not shown"
    }

    /// "No findings", or with a severity filter "No high-severity findings" / "No findings of
    /// medium severity or above", for the list of kinds without findings.
    static func noFindingsLead(_ report: GapReport) -> String {
        switch report.filter?.applied.minimumSeverity {
        case nil, .some(.info): return "No findings"
        case .some(.high): return "No high-severity findings"
        case let .some(s): return "No findings of \(s.rawValue) severity or above"
        }
    }

    /// ", shown as k" when folding joined findings (empty otherwise).
    static func foldNote(_ report: GapReport, _ folded: [Finding]) -> String {
        folded.count == report.findings.count ? "" : ", shown as \(folded.count) (findings of one shape folded into one)"
    }

    static func value(_ x: Double) -> Any { x.isFinite ? x : NSNull() }

    /// The portfolio's combined effect and how it was found, in plain words: what the set
    /// does together, whether that is tiny, and which candidates were searched.
    /// - Parameters:
    ///   - p: the portfolio.
    ///   - report: its gap analysis (for names).
    /// - Returns: two or three sentences.
    public static func portfolioSummary(_ p: TiePortfolio, report: GapReport) -> String {
        var measure = p.objective.measure
        if case let .constraint(a) = p.objective { measure += " of \(report.name(a))" }
        let k = p.ties.count
        var text = (k == 1 ? "The tie changes" : "Together the \(k) ties change") + " \(measure) from \(NumberFormat.decimals(p.baseValue)) to "
            + "\(NumberFormat.decimals(p.value)) (\(NumberFormat.signed(p.change))"
            + (p.relativeChange.isFinite ? ", \(p.relativeChange < 0 ? "−" : "+")\(NumberFormat.decimals(abs(p.relativeChange) * 100, 1))%" : "") + "), "
            + (k == 1 ? "computed on the network with it added. " : "computed on the network with all of them added. ")
        if p.isTiny {
            text += "That is a tiny effect: " + (k == 1 ? "the best plausible tie changes" : "the best \(k) plausible ties change")
                + " \(measure) by less than 1%; "
                + "the network's shape does not hinge on any new tie of strength \(NumberFormat.brief(p.tieWeight)). "
        }
        let filters = TieFilter.allCases.map { "\(p.candidatesByFilter[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
        text += "The set was built greedily and then improved by swapping one tie at a time "
            + "(\(p.swaps) swap\(p.swaps == 1 ? "" : "s")\(p.isSwapOptimal ? ", until no swap improves it" : ", stopped at the round limit")) "
            + "over \(p.candidateCount) plausible candidates (\(filters); a candidate may pass several filters"
            + (p.candidatesLeftOut > 0 ? "; \(p.candidatesLeftOut) more left out by the candidate limit" : "")
            + "), each of strength \(NumberFormat.brief(p.tieWeight)); the ties are listed in the order of their marginal effect."
        return text
    }
}
