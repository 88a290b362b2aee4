import CSV
import Ecosystem
import EcosystemAnalysis
import Foundation

/// Writers of a ``ScenarioComparison``: an aligned text table, Markdown, CSV and JSON.
///
/// Numbers follow ``MetricsWriter``: shortest round-tripping decimals in CSV and JSON, four
/// decimals in the text table and Markdown, NaN as empty / `null` / `–`. Changes are scenario
/// minus baseline; rank changes are baseline rank minus scenario rank (positive: the actor rises).
public enum ComparisonWriter {
    /// The text forms: terminal table, Markdown, or an HTML fragment (for the report page).
    public enum Style: Sendable { case text, markdown, html }

    /// Text table (`.text`), Markdown (`.markdown`, headings `###`) or HTML (`.html`, `<h3>`
    /// and tables, user text escaped): the networks and what changed, the indicators with their
    /// change, a table per measure (value, rank, rank change per network), and the findings
    /// that appear or disappear. Actors are named by name (``actorLabels(_:)``), not id.
    /// - Parameters:
    ///   - c: the comparison.
    ///   - style: the form (default: terminal text).
    ///   - decimals: decimals of non-integral values.
    ///   - width: for `.text`, the longest line: tables fit or fold
    ///     (``PlainText/table(_:width:rightAligned:)``) and findings of one shape
    ///     (``FindingFolding/shape(of:)``) that appear or disappear together are folded into one
    ///     row; `nil` (default) keeps every row and line as long as it is.
    /// - Returns: the text, Markdown or HTML fragment.
    public static func text(_ c: ScenarioComparison, style: Style = .text, decimals: Int = 4, width: Int? = nil) -> String {
        var out = ""
        var markup = Markup.Writer(style == .html ? .html : .markdown)
        func heading(_ s: String) {
            if style == .text { out += "\(s)\n\(String(repeating: "=", count: s.count))\n" } else { markup.heading(s, level: 3) }
        }
        func table(_ rows: [[String]], rightFrom: Int) {
            if style == .text, let width {
                let columns = rows.first?.count ?? 0
                out += PlainText.table(rows, width: width, rightAligned: Set(rightFrom..<max(rightFrom, columns))) + "\n"
            } else if style == .text {
                out += MetricsWriter.aligned(rows, rightAlignFrom: rightFrom) + "\n"
            } else {
                markup.table(rows, align: rows.first.map { $0.indices.map { $0 >= rightFrom ? .right : .left } } ?? [])
            }
        }
        func line(_ s: String) {
            if style == .text { out += s + "\n" } else { markup.paragraph(markup.text(s)) }
        }
        func f(_ x: Double) -> String { NumberFormat.table(x, decimals) }
        func signed(_ x: Double) -> String {
            guard x.isFinite else { return "–" }
            if x == 0 { return "0" }
            return (x > 0 ? "+" : "") + f(x)
        }

        heading("Networks")
        var rows = [["network", "title", "changes"]]
        rows.append([c.names[0], c.titles[0], "baseline"])
        for k in 1..<c.names.count { rows.append([c.names[k], c.titles[k], summary(c.diffs[k - 1])]) }
        table(rows, rightFrom: 3)

        heading("Network indicators")
        rows = [["indicator", c.names[0]] + c.names.dropFirst().flatMap { [$0, "Δ"] }]
        for (i, name) in c.indicators.enumerated() {
            var row = [name, f(c.indicatorValues[i][0])]
            for k in 1..<c.names.count { row += [f(c.indicatorValues[i][k]), signed(c.indicatorChange(i, network: k))] }
            rows.append(row)
        }
        table(rows, rightFrom: 1)

        for (j, measure) in c.measures.enumerated() {
            heading("\(measure): value (rank) per network; Δrank > 0 rises")
            rows = [["actor", c.names[0]] + c.names.dropFirst().flatMap { [$0, "Δrank"] }]
            let shown = actorLabels(c)
            for i in c.actorIDs.indices {
                var row = [shown[i], cell(c.values[j][0][i], c.ranks[j][0][i], f)]
                for k in 1..<c.names.count {
                    row += [cell(c.values[j][k][i], c.ranks[j][k][i], f), rankChangeText(c, j, k, i)]
                }
                rows.append(row)
            }
            table(rows, rightFrom: 1)
        }

        heading("Findings that appear or disappear")
        if c.findings == nil {
            line("(no gap findings in this comparison)")
        } else {
            rows = [["network", "", "finding"]]
            for k in 1..<c.names.count {
                let (appear, disappear) = c.findingChanges(network: k)
                if style == .text && width != nil {
                    for s in folded(appear) { rows.append([c.names[k], "+", s]) }
                    for s in folded(disappear) { rows.append([c.names[k], "−", s]) }
                } else {
                    for s in appear { rows.append([c.names[k], "+", findingText(s)]) }
                    for s in disappear { rows.append([c.names[k], "−", findingText(s)]) }
                }
            }
            if rows.count == 1 { line("(none)") } else { table(rows, rightFrom: 3) }
        }
        return style == .text ? out : markup.output
    }

    /// CSV in long ("tidy") form, a row per network and value:
    /// `network,level,actor,measure,value,baseline,change,rank,baseline_rank,rank_change`.
    /// Indicators have level `network` and no actor; node measures level `node`. An actor absent
    /// from a network has an empty value and rank.
    /// - Parameter c: the comparison.
    /// - Returns: the CSV text, ending in a newline.
    /// - Throws: an error of the CSV library if the stream fails (it writes to memory).
    public static func csv(_ c: ScenarioComparison) throws -> String {
        let writer = try CSVWriter(stream: .toMemory(), newline: .lf)
        try writer.write(row: ["network", "level", "actor", "measure", "value", "baseline", "change", "rank", "baseline_rank", "rank_change"])
        func n(_ x: Double) -> String { NumberFormat.exact(x) ?? "" }
        for k in c.names.indices {
            for (i, name) in c.indicators.enumerated() {
                try writer.write(row: [c.names[k], "network", "", name, n(c.indicatorValues[i][k]), n(c.indicatorValues[i][0]),
                                       n(c.indicatorChange(i, network: k)), "", "", ""])
            }
        }
        for k in c.names.indices {
            for (j, measure) in c.measures.enumerated() {
                for i in c.actorIDs.indices {
                    let v = c.values[j][k][i], b = c.values[j][0][i]
                    try writer.write(row: [
                        c.names[k], "node", c.actorIDs[i], measure, n(v), n(b), n(v - b),
                        c.ranks[j][k][i].map(String.init) ?? "", c.ranks[j][0][i].map(String.init) ?? "",
                        c.rankChange(measure: j, network: k, actor: i).map(String.init) ?? "",
                    ])
                }
            }
        }
        writer.stream.close()
        let data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// JSON: `{"networks": [{"name", "title", "baseline", "changes", "findings",
    /// "findings_appear", "findings_disappear"}], "indicators": {name: {network: {"value",
    /// "change"}}}, "measures": {measure: {actor: {network: {"value", "rank", "rank_change"}}}}}`.
    /// `changes` (added/removed/changed actors and relations) and the findings' appear/disappear
    /// lists are given for scenarios only; `findings` (texts) only when the comparison has
    /// findings. Keys sorted, pretty-printed, NaN and absent ranks as `null`.
    /// - Parameter c: the comparison.
    /// - Returns: the JSON text, ending in a newline.
    /// - Throws: `JSONDocumentError` (not expected: every value is a string, number, Boolean,
    ///   array, dictionary or null). Written by ``Ecosystem/JSONText``, the bytes `JSONSerialization` wrote.
    public static func json(_ c: ScenarioComparison) throws -> String {
        try JSONText.text(of: jsonDocument(c))
    }

    /// The document ``json(_:)`` writes, as Foundation values (the tests write it with
    /// `JSONSerialization` too and compare the bytes).
    static func jsonDocument(_ c: ScenarioComparison) -> [String: Any] {
        var networks: [[String: Any]] = []
        for k in c.names.indices {
            var entry: [String: Any] = ["name": c.names[k], "title": c.titles[k], "baseline": k == 0]
            if k > 0 {
                let d = c.diffs[k - 1]
                entry["changes"] = [
                    "added_actors": d.addedActors, "removed_actors": d.removedActors, "changed_actors": d.changedActors,
                    "added_relations": d.addedRelations, "removed_relations": d.removedRelations,
                    "changed_relations": d.changedRelations,
                ]
                if c.findings != nil {
                    let (appear, disappear) = c.findingChanges(network: k)
                    entry["findings_appear"] = appear.map(findingText)
                    entry["findings_disappear"] = disappear.map(findingText)
                }
            }
            if let findings = c.findings { entry["findings"] = findings[k].map(findingText) }
            networks.append(entry)
        }
        var indicators: [String: Any] = [:]
        for (i, name) in c.indicators.enumerated() {
            var perNetwork: [String: Any] = [:]
            for k in c.names.indices {
                perNetwork[c.names[k]] = ["value": MetricsWriter.jsonValue(c.indicatorValues[i][k]),
                                          "change": MetricsWriter.jsonValue(c.indicatorChange(i, network: k))]
            }
            indicators[name] = perNetwork
        }
        var measures: [String: Any] = [:]
        for (j, measure) in c.measures.enumerated() {
            var actors: [String: Any] = [:]
            for i in c.actorIDs.indices {
                var perNetwork: [String: Any] = [:]
                for k in c.names.indices {
                    perNetwork[c.names[k]] = [
                        "value": MetricsWriter.jsonValue(c.values[j][k][i]),
                        "rank": c.ranks[j][k][i].map { $0 as Any } ?? NSNull(),
                        "rank_change": c.rankChange(measure: j, network: k, actor: i).map { $0 as Any } ?? NSNull(),
                    ]
                }
                actors[c.actorIDs[i]] = perNetwork
            }
            measures[measure] = actors
        }
        return ["networks": networks, "indicators": indicators, "measures": measures]
    }

    /// `+2 actors, −1 actor, +8 relations, −3 relations, 2 changed`.
    /// - Parameter d: what a scenario changed.
    /// - Returns: the non-zero counts joined by `, ` (the minus is U+2212), or `no change`.
    public static func summary(_ d: ModelDiff) -> String {
        func count(_ n: Int, _ sign: String, _ what: String) -> String? {
            n == 0 ? nil : "\(sign)\(n) \(what)\(n == 1 ? "" : "s")"
        }
        let changed = d.changedActors.count + d.changedRelations.count
        let parts = [
            count(d.addedActors.count, "+", "actor"), count(d.removedActors.count, "−", "actor"),
            count(d.addedRelations.count, "+", "relation"), count(d.removedRelations.count, "−", "relation"),
            changed == 0 ? nil : "\(changed) changed",
        ].compactMap { $0 }
        return parts.isEmpty ? "no change" : parts.joined(separator: ", ")
    }

    /// A compared finding as the comparison shows it: `[severity] sentence`.
    /// - Parameter f: the finding.
    /// - Returns: the text.
    public static func findingText(_ f: ComparedFinding) -> String { "[\(f.severity.rawValue)] \(f.sentence)" }

    /// The findings' texts with those of one shape (``FindingFolding/shape(of:)``) folded into one:
    /// the first one's text and how many more of that shape there are.
    static func folded(_ findings: [ComparedFinding]) -> [String] {
        var groups: [FindingKey: [ComparedFinding]] = [:]
        for f in findings { if let shape = FindingFolding.shape(of: f.key) { groups[shape, default: []].append(f) } }
        var out: [String] = [], done = Set<FindingKey>()
        for f in findings {
            guard let shape = FindingFolding.shape(of: f.key), let group = groups[shape], group.count > 1 else { out.append(findingText(f)); continue }
            guard done.insert(shape).inserted else { continue }
            let severity = group.map(\.severity).min() ?? f.severity
            out.append("[\(severity.rawValue)] \(f.sentence) (and \(group.count - 1) more finding\(group.count == 2 ? "" : "s") of this shape)")
        }
        return out
    }

    /// The actor column of the text tables: each actor's name, as a reader knows it; a name
    /// that two actors share is followed by the id in brackets, so rows stay distinct. (CSV and
    /// JSON keep the ids, which are stable keys.)
    /// - Parameter c: the comparison.
    /// - Returns: one label per actor of ``EcosystemAnalysis/ScenarioComparison/actorIDs``.
    public static func actorLabels(_ c: ScenarioComparison) -> [String] {
        var count: [String: Int] = [:]
        for name in c.actorNames { count[name, default: 0] += 1 }
        return c.actorIDs.indices.map { i in
            let name = c.actorNames[i]
            return name.isEmpty ? c.actorIDs[i] : count[name, default: 0] > 1 ? "\(name) (\(c.actorIDs[i]))" : name
        }
    }

    static func cell(_ value: Double, _ rank: Int?, _ f: (Double) -> String) -> String {
        guard let rank else { return value.isNaN ? "absent" : f(value) }
        return "\(f(value)) (\(rank))"
    }

    static func rankChangeText(_ c: ScenarioComparison, _ j: Int, _ k: Int, _ i: Int) -> String {
        let before = c.ranks[j][0][i], after = c.ranks[j][k][i]
        switch (before, after) {
        case (nil, nil): return ""
        case (nil, _): return "new"
        case (_, nil): return "gone"
        default:
            let d = c.rankChange(measure: j, network: k, actor: i)!
            return d == 0 ? "=" : d > 0 ? "↑\(d)" : "↓\(-d)"
        }
    }
}
