import CSV
import Ecosystem
import EcosystemAnalysis
import Foundation

/// Writers of an ``EcosystemAnalysis/Evolution``: an aligned text table, Markdown (or an HTML
/// fragment), CSV in long form, JSON, and an SVG line chart of chosen indicators.
///
/// Numbers follow ``MetricsWriter``: shortest round-tripping decimals in CSV and JSON, four
/// decimals in the text and Markdown tables, NaN as empty / `null` / `–`. Rank changes are the
/// earlier rank minus the later one (positive: the actor rises).
public enum EvolutionWriter {
    /// Text table (`.text`), Markdown (`.markdown`) or HTML (`.html`): the indicators per
    /// period, the actors and ties entering and leaving, each measure's rank per actor and
    /// period with the change from the first to the last period it was there, and the
    /// findings that appear and disappear.
    /// - Parameters:
    ///   - e: the evolution.
    ///   - title: the model's title.
    ///   - style: the form.
    ///   - decimals: decimals of non-integral values.
    ///   - headingLevel: Markdown/HTML heading level of the sections.
    ///   - width: the longest line of the text form's sentences (tables keep their width).
    /// - Returns: the text. Actors are named as in the model (their ids are in CSV and JSON).
    public static func text(
        _ e: Evolution, title: String, style: ComparisonWriter.Style = .text, decimals: Int = 4, headingLevel: Int = 3,
        width: Int = PlainText.defaultWidth
    ) -> String {
        var out = ""
        var markup = Markup.Writer(style == .html ? .html : .markdown)
        let c = e.comparison
        func heading(_ s: String) {
            if style == .text { out += (out.hasSuffix("\n\n") ? "" : "\n") + "\(s)\n\(String(repeating: "=", count: s.count))\n" } else { markup.heading(s, level: headingLevel) }
        }
        func table(_ rows: [[String]], rightFrom: Int) {
            if style == .text {
                out += MetricsWriter.aligned(rows, rightAlignFrom: rightFrom) + "\n"
            } else {
                markup.table(rows, align: rows.first.map { $0.indices.map { $0 >= rightFrom ? .right : .left } } ?? [])
            }
        }
        func line(_ s: String) {
            if style == .text { out += PlainText.wrap(s, width: width).joined(separator: "\n") + "\n" } else { markup.paragraph(markup.text(s)) }
        }
        // Each actor's name in the latest period that has it.
        var nameOf: [String: String] = [:]
        for model in e.models { for actor in model.actors { nameOf[actor.id] = actor.name } }
        func name(_ id: String) -> String { nameOf[id] ?? id }
        func f(_ x: Double) -> String { NumberFormat.table(x, decimals) }
        let names = e.periods.map(\.description)

        line("\(title): \(names.first ?? "") → \(names.last ?? ""), every \(e.step.words) (\(names.count) period\(names.count == 1 ? "" : "s")); "
            + "an actor or tie counts in a period when it existed on any day of it.")

        heading("Network indicators per period")
        var rows = [["period"] + c.indicators]
        for k in names.indices { rows.append([names[k]] + c.indicators.indices.map { f(c.indicatorValues[$0][k]) }) }
        table(rows, rightFrom: 1)

        heading("Actors and ties entering (+) and leaving (−)")
        rows = [["period", "actors", "ties", "actors entering", "actors leaving"]]
        for k in names.indices {
            let d = e.changes[k]
            rows.append([names[k], "\(e.models[k].actors.count)",
                         "\(e.models[k].relations.count) (+\(d.addedRelations.count) −\(d.removedRelations.count))",
                         list(d.addedActors.map(name)), list(d.removedActors.map(name))])
        }
        table(rows, rightFrom: 5)

        // The terminal gets the rank per period while it fits in 80 columns, else the first
        // and last rank of each actor (every period is in Markdown, CSV and JSON).
        let compact = style == .text && names.count > 12
        for (j, measure) in c.measures.enumerated() where compact {
            heading("\(measure): rank (1 = highest) in each actor's first and last period; rise = first − last")
            rows = [["actor", "first", "rank", "last", "rank", "best", "rise"]]
            for i in c.actorIDs.indices {
                guard let span = e.rankSpan(measure: j, actor: i) else { continue }
                let rise = span.firstRank - span.lastRank
                let best = c.ranks[j].compactMap { $0[i] }.min() ?? span.firstRank
                rows.append([name(c.actorIDs[i]), names[span.first], "\(span.firstRank)", names[span.last], "\(span.lastRank)", "\(best)",
                             rise == 0 ? "=" : rise > 0 ? "↑\(rise)" : "↓\(-rise)"])
            }
            table(rows, rightFrom: 1)
        }
        if compact { line("(the rank in every period is in the Markdown, CSV and JSON forms)") }
        for (j, measure) in c.measures.enumerated() where !compact {
            heading("\(measure): rank per period (1 = highest; · absent); rise = first rank − last rank")
            rows = [["actor"] + names.map(short) + ["rise"]]
            for i in c.actorIDs.indices {
                guard let span = e.rankSpan(measure: j, actor: i) else { continue }
                let rise = span.firstRank - span.lastRank
                rows.append([name(c.actorIDs[i])] + names.indices.map { k in c.ranks[j][k][i].map(String.init) ?? "·" }
                            + [rise == 0 ? "=" : rise > 0 ? "↑\(rise)" : "↓\(-rise)"])
            }
            table(rows, rightFrom: 1)
        }

        heading("Findings that appear (+) or disappear (−)")
        if c.findings == nil {
            line("(no gap findings in this evolution)")
        } else {
            rows = [["period", "", "finding"]]
            for k in names.indices {
                let (appear, disappear) = e.findingChanges(period: k)
                for s in appear { rows.append([names[k], "+", ComparisonWriter.findingText(s)]) }
                for s in disappear { rows.append([names[k], "−", ComparisonWriter.findingText(s)]) }
            }
            if rows.count == 1 { line("(none)") } else { table(rows, rightFrom: 3) }
        }
        return style == .text ? String(out.drop { $0 == "\n" }) : markup.output
    }

    /// Names joined by commas, as many of the first 3 as fit in about 36 characters (at least
    /// one, shortened), and a count of the rest.
    static func list(_ names: [String]) -> String {
        guard let first = names.first else { return "" }
        var shown = [first.count > 36 ? first.prefix(35) + "…" : first]
        for name in names.dropFirst().prefix(2) {
            guard shown.joined(separator: ", ").count + 2 + name.count <= 36 else { break }
            shown.append(name)
        }
        return shown.joined(separator: ", ") + (names.count > shown.count ? " … (+\(names.count - shown.count))" : "")
    }

    /// A period as a column header: `2017` → `'17`, `2017-10` → `17-10`, a day as written.
    static func short(_ period: String) -> String {
        if period.count == 4 { return "'" + period.suffix(2) }
        if period.count == 7 { return String(period.dropFirst(2)) }
        return period
    }

    /// CSV in long ("tidy") form, a row per period and value:
    /// `period,level,actor,measure,value,rank,rank_change`. Indicators have level `network`
    /// and no actor; node measures level `node` (rank change from the previous period);
    /// actors and ties entering or leaving level `actor` or `relation`, measure `enters` or
    /// `leaves`, value 1; findings level `finding`, the key in `actor` (kind/check/subject),
    /// measure `appears` or `disappears`.
    /// - Throws: an error of the CSV library (it writes to memory).
    public static func csv(_ e: Evolution) throws -> String {
        let writer = try CSVWriter(stream: .toMemory(), newline: .lf)
        let c = e.comparison
        try writer.write(row: ["period", "level", "actor", "measure", "value", "rank", "rank_change"])
        func n(_ x: Double) -> String { NumberFormat.exact(x) ?? "" }
        for (k, p) in e.periods.enumerated() {
            let period = p.description
            for (i, name) in c.indicators.enumerated() {
                try writer.write(row: [period, "network", "", name, n(c.indicatorValues[i][k]), "", ""])
            }
            for (j, measure) in c.measures.enumerated() {
                for i in c.actorIDs.indices where c.ranks[j][k][i] != nil || !c.values[j][k][i].isNaN {
                    try writer.write(row: [period, "node", c.actorIDs[i], measure, n(c.values[j][k][i]),
                                           c.ranks[j][k][i].map(String.init) ?? "", e.rankChange(measure: j, period: k, actor: i).map(String.init) ?? ""])
                }
            }
            let d = e.changes[k]
            for id in d.addedActors { try writer.write(row: [period, "actor", id, "enters", "1", "", ""]) }
            for id in d.removedActors { try writer.write(row: [period, "actor", id, "leaves", "1", "", ""]) }
            for id in d.addedRelations { try writer.write(row: [period, "relation", id, "enters", "1", "", ""]) }
            for id in d.removedRelations { try writer.write(row: [period, "relation", id, "leaves", "1", "", ""]) }
            let (appear, disappear) = e.findingChanges(period: k)
            for f in appear { try writer.write(row: [period, "finding", keyText(f.key), "appears", "1", "", ""]) }
            for f in disappear { try writer.write(row: [period, "finding", keyText(f.key), "disappears", "1", "", ""]) }
        }
        writer.stream.close()
        let data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// A finding key in one line: `kind/check[/rule]: actors; relations; groups`.
    public static func keyText(_ k: FindingKey) -> String {
        let subject = [k.actors, k.relations, k.groups].filter { !$0.isEmpty }.map { $0.joined(separator: " ") }.joined(separator: "; ")
        return "\(k.kind.rawValue)/\(k.check)\(k.rule.map { "/\($0)" } ?? ""): \(subject)"
    }

    static func keyJSON(_ k: FindingKey) -> [String: Any] {
        ["kind": k.kind.rawValue, "check": k.check, "rule": k.rule.map { $0 as Any } ?? NSNull(),
         "actors": k.actors, "relations": k.relations, "groups": k.groups]
    }

    /// JSON: `{"title", "from", "to", "step", "periods": [{"period", "actors", "relations",
    /// "actors_entering", "actors_leaving", "relations_entering", "relations_leaving",
    /// "findings_appear", "findings_disappear"}], "indicators": {name: {period: value}},
    /// "measures": {measure: {actor: {period: {"value", "rank", "rank_change"}}}}}`; findings as
    /// `{"key": {kind, check, rule, actors, relations, groups}, "severity", "text"}`, only when
    /// the evolution has findings. Keys sorted, pretty-printed; absent actors are left out.
    /// - Throws: an error of `JSONSerialization` (not expected).
    public static func json(_ e: Evolution, title: String) throws -> String {
        let c = e.comparison
        var periods: [[String: Any]] = []
        for (k, p) in e.periods.enumerated() {
            let d = e.changes[k]
            var entry: [String: Any] = [
                "period": p.description, "actors": e.models[k].actors.count, "relations": e.models[k].relations.count,
                "actors_entering": d.addedActors, "actors_leaving": d.removedActors,
                "relations_entering": d.addedRelations, "relations_leaving": d.removedRelations,
            ]
            if c.findings != nil {
                let (appear, disappear) = e.findingChanges(period: k)
                func item(_ f: ComparedFinding) -> [String: Any] { ["key": keyJSON(f.key), "severity": f.severity.rawValue, "text": f.sentence] }
                entry["findings_appear"] = appear.map(item)
                entry["findings_disappear"] = disappear.map(item)
            }
            periods.append(entry)
        }
        var indicators: [String: Any] = [:]
        for (i, name) in c.indicators.enumerated() {
            var perPeriod: [String: Any] = [:]
            for (k, p) in e.periods.enumerated() { perPeriod[p.description] = MetricsWriter.jsonValue(c.indicatorValues[i][k]) }
            indicators[name] = perPeriod
        }
        var measures: [String: Any] = [:]
        for (j, measure) in c.measures.enumerated() {
            var actors: [String: Any] = [:]
            for i in c.actorIDs.indices {
                var perPeriod: [String: Any] = [:]
                for (k, p) in e.periods.enumerated() where c.ranks[j][k][i] != nil || !c.values[j][k][i].isNaN {
                    perPeriod[p.description] = [
                        "value": MetricsWriter.jsonValue(c.values[j][k][i]),
                        "rank": c.ranks[j][k][i].map { $0 as Any } ?? NSNull(),
                        "rank_change": e.rankChange(measure: j, period: k, actor: i).map { $0 as Any } ?? NSNull(),
                    ]
                }
                if !perPeriod.isEmpty { actors[c.actorIDs[i]] = perPeriod }
            }
            measures[measure] = actors
        }
        let document: [String: Any] = [
            "title": title, "from": e.periods.first?.description ?? "", "to": e.periods.last?.description ?? "",
            "step": e.step.description, "periods": periods, "indicators": indicators, "measures": measures,
        ]
        let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// An SVG line chart of `indicators` over the periods: one panel per indicator (two
    /// columns), each with its own vertical axis from 0 (or its minimum when negative) to its
    /// maximum, points marked, the first and last period labelled under each panel; a
    /// `<title>` and `<desc>` (every value, in words) for screen readers. Coordinates with
    /// two decimals, so the output is deterministic.
    /// - Parameters:
    ///   - e: the evolution.
    ///   - indicators: indicator names of the evolution to draw (unknown names are skipped).
    ///   - title: the chart title.
    /// - Returns: a standalone SVG document.
    public static func svg(_ e: Evolution, indicators: [String], title: String) -> String {
        let c = e.comparison
        let chosen = indicators.compactMap { name in c.indicators.firstIndex(of: name).map { (name, $0) } }
        let columns = chosen.count > 1 ? 2 : 1
        let rowsCount = max(1, (chosen.count + columns - 1) / columns)
        let panelW = 360.0, panelH = 170.0, left = 60.0, gapX = 60.0, gapY = 70.0
        let width = left + Double(columns) * panelW + Double(columns - 1) * gapX + 30
        // The title in lines that fit the width (DejaVu Sans Bold at 16 px: about 10 px a character).
        let titleLines = PlainText.wrap(title, width: max(20, Int((width - 20) / 10)))
        let top = 60.0 + Double(titleLines.count - 1) * 20
        let height = top + Double(rowsCount) * panelH + Double(rowsCount - 1) * gapY + 50
        func fmt(_ v: Double) -> String { NumberFormat.decimals(v, 2) }
        let names = e.periods.map(\.description)
        let n = names.count
        let desc = chosen.map { name, i in
            "\(name): " + names.indices.map { "\(names[$0]) \(NumberFormat.table(c.indicatorValues[i][$0], 4))" }.joined(separator: ", ")
        }.joined(separator: ". ")
        var s = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-labelledby="chart-title chart-desc" font-family="DejaVu Sans, Helvetica, Arial, sans-serif">
            <title id="chart-title">\(SweepWriter.escape(title))</title>
            <desc id="chart-desc">\(SweepWriter.escape(desc))</desc>
            <rect width="100%" height="100%" fill="#FFFFFF"/>
            \(titleLines.enumerated().map { k, text in
                "<text x=\"\(fmt(width / 2))\" y=\"\(28 + 20 * k)\" text-anchor=\"middle\" font-size=\"16\" font-weight=\"bold\">\(SweepWriter.escape(text))</text>"
            }.joined(separator: "\n"))

            """
        let colors = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"]
        for (p, (name, i)) in chosen.enumerated() {
            let px = left + Double(p % columns) * (panelW + gapX), py = top + Double(p / columns) * (panelH + gapY)
            let values = c.indicatorValues[i]
            let finite = values.filter(\.isFinite)
            let lo = min(0, finite.min() ?? 0)
            var hi = max(finite.max() ?? 1, lo)
            if hi == lo { hi = lo + 1 }
            func x(_ k: Int) -> Double { px + (n <= 1 ? panelW / 2 : Double(k) / Double(n - 1) * panelW) }
            func y(_ v: Double) -> Double { py + (1 - (v - lo) / (hi - lo)) * panelH }
            s += "<g class=\"panel\" id=\"panel-\(SweepWriter.escape(name))\">\n"
            s += "<text x=\"\(fmt(px + panelW / 2))\" y=\"\(fmt(py - 10))\" text-anchor=\"middle\" font-size=\"13\">\(SweepWriter.escape(name))</text>\n"
            for t in [0.0, 0.5, 1.0] {
                let v = lo + t * (hi - lo)
                s += "<line x1=\"\(fmt(px))\" y1=\"\(fmt(y(v)))\" x2=\"\(fmt(px + panelW))\" y2=\"\(fmt(y(v)))\" stroke=\"#DDDDDD\" stroke-width=\"1\"/>\n"
                s += "<text x=\"\(fmt(px - 6))\" y=\"\(fmt(y(v) + 4))\" text-anchor=\"end\" font-size=\"11\">\(SweepWriter.escape(NumberFormat.brief(v)))</text>\n"
            }
            s += "<rect x=\"\(fmt(px))\" y=\"\(fmt(py))\" width=\"\(fmt(panelW))\" height=\"\(fmt(panelH))\" fill=\"none\" stroke=\"#000000\" stroke-width=\"1\"/>\n"
            // Period labels: every period when they fit, else about eight.
            let every = max(1, Int((Double(n) / 8).rounded(.up)))
            for k in 0..<n where k % every == 0 || k == n - 1 {
                s += "<text x=\"\(fmt(x(k)))\" y=\"\(fmt(py + panelH + 16))\" text-anchor=\"middle\" font-size=\"10\">\(SweepWriter.escape(short(names[k])))</text>\n"
            }
            let color = colors[p % colors.count]
            // Undefined values break the line.
            var segments: [[String]] = [[]]
            for k in 0..<n {
                if values[k].isFinite { segments[segments.count - 1].append("\(fmt(x(k))),\(fmt(y(values[k])))") } else if !segments[segments.count - 1].isEmpty { segments.append([]) }
            }
            for seg in segments where !seg.isEmpty {
                s += "<polyline class=\"curve\" points=\"\(seg.joined(separator: " "))\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"/>\n"
            }
            for k in 0..<n where values[k].isFinite {
                s += "<circle cx=\"\(fmt(x(k)))\" cy=\"\(fmt(y(values[k])))\" r=\"2.5\" fill=\"\(color)\"><title>\(SweepWriter.escape("\(names[k]): \(NumberFormat.table(values[k], 4))"))</title></circle>\n"
            }
            s += "</g>\n"
        }
        s += "</svg>\n"
        return s
    }
}
