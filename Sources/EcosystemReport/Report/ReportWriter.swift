import Crypto
import Ecosystem
import EcosystemAnalysis
import EcosystemRendering
import Foundation

/// Writes a report as one self-contained HTML page and as Markdown.
///
/// The HTML has no scripts and no external references: styles are inline, SVGs are inlined
/// (their prolog removed), and a Content-Security-Policy (`default-src 'none'`) makes a browser
/// refuse anything else. Both outputs are deterministic: no date, no clock, numbers in fixed
/// decimals, rows in actor order.
public enum ReportWriter {
    /// Decimals in the measures tables.
    public static let decimals = 4

    /// Most measure columns in one table of the measures: wider groups are split, so that a
    /// table with the actor's name and type fits an A4 page in portrait at 8 pt.
    public static let maxMeasureColumns = 7

    /// The report as a self-contained HTML5 page (UTF-8), in reading order: title and
    /// description, the key figures, the contents, the maps, the gap findings, the scenario
    /// comparison and further sections, the measures, the relations, the methods and the
    /// reproducibility block. Printed (A4), each section starts a page and wide tables wrap.
    /// - Parameter content: what the report shows.
    /// - Returns: the whole HTML document, user text escaped.
    /// - Complexity: linear in the size of the figures and the tables.
    public static func html(_ content: ReportContent) -> String {
        var h = htmlHead(content)
        h += "<h1>\(escapeHTML(content.title))</h1>\n"
        if !content.description.isEmpty { h += "<p class=\"description\">\(escapeHTML(content.description))</p>\n" }
        // The briefing first, then the key figures behind it.
        if let briefing = content.briefing { h += briefing.html }
        h += htmlKeyFigures(content)
        if !content.facts.isEmpty {
            h += "<ul class=\"facts\">\n" + content.facts.map { "<li>\(escapeHTML($0))</li>\n" }.joined() + "</ul>\n"
        }
        h += "<nav><ul>\n"
        for (id, title) in tableOfContents(content) { h += "<li><a href=\"#\(id)\">\(escapeHTML(title))</a></li>\n" }
        h += "</ul></nav>\n"

        for figure in content.figures {
            h += "<section id=\"\(figure.id)\">\n<h2>\(escapeHTML(figure.title))</h2>\n\(htmlFigure(figure))</section>\n"
        }
        for section in sections(content) {
            h += "<section id=\"\(section.id)\">\n<h2>\(escapeHTML(section.title))</h2>\n\(section.html)\n"
            for figure in section.figures {
                h += "<h3 id=\"\(figure.id)\">\(escapeHTML(figure.title))</h3>\n\(htmlFigure(figure))"
            }
            h += "</section>\n"
        }
        h += htmlMeasures(content)
        h += htmlRelations(content)
        h += htmlMethods(content)
        h += htmlReproducibility(content)
        h += "</main>\n</body>\n</html>\n"
        return h
    }

    /// The report as GitHub-flavoured Markdown, in the order of ``html(_:)``; figures are
    /// linked as `![title](fileName)`, so the SVG files must be written beside it.
    /// - Parameter content: what the report shows.
    /// - Returns: the Markdown document, user text escaped.
    /// - Complexity: linear in the size of the tables.
    public static func markdown(_ content: ReportContent) -> String {
        var m = "# \(escapeMarkdown(content.title))\n\n"
        if !content.description.isEmpty { m += escapeMarkdown(content.description) + "\n\n" }
        // The briefing first, then the key figures behind it.
        if let briefing = content.briefing { m += briefing.markdown }
        m += markdownKeyFigures(content)
        for fact in content.facts { m += "- \(escapeMarkdown(fact))\n" }
        if !content.facts.isEmpty { m += "\n" }
        for figure in content.figures { m += markdownFigure(figure, level: 2) }
        for section in sections(content) {
            m += "## \(escapeMarkdown(section.title))\n\n\(section.markdown)\n\n"
            for figure in section.figures { m += markdownFigure(figure, level: 3) }
        }
        m += markdownMeasures(content)
        m += markdownRelations(content)
        m += markdownMethods(content)
        m += markdownReproducibility(content)
        return m
    }

    // MARK: - Pieces

    /// The gap, scenario and extra sections in order (those given).
    static func sections(_ content: ReportContent) -> [ReportSection] {
        [content.gapFindings, content.scenarioComparison].compactMap { $0 } + content.extraSections
    }

    /// A figure: the SVG inline (prolog dropped) with its caption.
    static func htmlFigure(_ figure: ReportFigure) -> String {
        "<figure>\n\(SVGInline.fragment(figure.svg))\n<figcaption>\(escapeHTML(figure.caption))</figcaption>\n</figure>\n"
    }

    /// A figure: a heading of `level`, the SVG file linked as an image, the caption in italics.
    static func markdownFigure(_ figure: ReportFigure, level: Int) -> String {
        String(repeating: "#", count: level) + " \(escapeMarkdown(figure.title))\n\n"
            + "![\(escapeMarkdown(figure.title))](\(figure.fileName))\n\n*\(escapeMarkdown(figure.caption))*\n\n"
    }

    /// The contents: (anchor, title) of every section, in reading order.
    static func tableOfContents(_ content: ReportContent) -> [(String, String)] {
        content.figures.map { ($0.id, $0.title) }
            + sections(content).map { ($0.id, $0.title) }
            + [("measures", "Measures per actor")]
            + (content.relations.isEmpty ? [] : [("relations", "Relations")])
            + [("methods", "Methods"), ("reproducibility", "Reproducibility")]
    }

    /// Everything up to `<body><main>`: the page's language, the Content-Security-Policy, the
    /// title and the stylesheet.
    static func htmlHead(_ content: ReportContent) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(escapeHTML(content.language))">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="ecomap \(escapeHTML(content.version))">
        <title>\(escapeHTML(content.title))</title>
        <style>
        \(stylesheet)
        </style>
        </head>
        <body>
        <main>

        """
    }

    /// The text ecomap writes itself is English; on a page in another language it is marked
    /// `lang="en"` so a screen reader switches voice.
    static func englishAttribute(_ content: ReportContent) -> String {
        content.language.lowercased() == "en" || content.language.lowercased().hasPrefix("en-") ? "" : " lang=\"en\""
    }

    static func htmlKeyFigures(_ content: ReportContent) -> String {
        guard !content.keyFigures.isEmpty else { return "" }
        var h = "<section id=\"key-figures\" class=\"key-figures\"\(englishAttribute(content))>\n<h2>Key figures</h2>\n<dl>\n"
        for (label, value) in content.keyFigures {
            h += "<div><dt>\(escapeHTML(label))</dt><dd>\(escapeHTML(value))</dd></div>\n"
        }
        return h + "</dl>\n</section>\n"
    }

    static func markdownKeyFigures(_ content: ReportContent) -> String {
        guard !content.keyFigures.isEmpty else { return "" }
        return "## Key figures\n\n" + content.keyFigures.map { "- \(escapeMarkdown($0.label)): **\(escapeMarkdown($0.value))**\n" }.joined() + "\n"
    }

    /// The measures' tables: each of ``ReportContent/measureGroups`` (split to at most
    /// ``maxMeasureColumns`` columns), with the actor's name and the labels (type, place) in
    /// every one; measures of the table in no group come in a last group "Other measures".
    static func measureTables(_ content: ReportContent) -> [(title: String, measures: [Int])] {
        let table = content.metrics
        var groups: [(title: String, measures: [Int])] = []
        var used = Set<Int>()
        func add(_ title: String, _ columns: [Int]) {
            let parts = stride(from: 0, to: columns.count, by: maxMeasureColumns).map { Array(columns[$0..<min($0 + maxMeasureColumns, columns.count)]) }
            for (k, part) in parts.enumerated() {
                groups.append((parts.count == 1 ? title : "\(title) (\(k + 1) of \(parts.count))", part))
            }
        }
        for group in content.measureGroups {
            let columns = group.measures.compactMap { table.measures.firstIndex(of: $0) }.filter { !used.contains($0) }
            used.formUnion(columns)
            if !columns.isEmpty { add(group.title, columns) }
        }
        let rest = table.measures.indices.filter { !used.contains($0) }
        if !rest.isEmpty { add(content.measureGroups.isEmpty ? "" : "Other measures", rest) }
        return groups
    }

    /// A cell of the measures table: community and component numbers (categorical measures,
    /// 0-based in the analysis and its CSV/JSON) are shown from 1, as on the maps; other
    /// values with ``decimals`` decimals.
    /// - Parameters:
    ///   - value: the value as computed.
    ///   - measure: its measure's name.
    /// - Returns: the text of the cell (`–` for an undefined value).
    public static func cell(_ value: Double, measure: String) -> String {
        MetricsWriter.displayed(value, measure: measure, decimals: decimals)
    }

    /// A measure's name as a column header that may wrap after each `_`.
    static func header(_ measure: String) -> String {
        escapeHTML(measure).replacingOccurrences(of: "_", with: "_<wbr>")
    }

    static func htmlMeasures(_ content: ReportContent) -> String {
        let table = content.metrics
        var h = "<section id=\"measures\">\n<h2>Measures per actor</h2>\n"
        if table.measures.contains(where: { MeasureCatalog.named($0)?.isCategorical == true }) {
            h += "<p>Communities and components are numbered from 1, as on the maps.</p>\n"
        }
        for (k, group) in measureTables(content).enumerated() {
            if !group.title.isEmpty { h += "<h3>\(escapeHTML(group.title))</h3>\n" }
            h += "<div class=\"scroll\">\n<table class=\"metrics\">\n<thead><tr><th scope=\"col\">actor</th>"
            for label in table.labels { h += "<th scope=\"col\">\(escapeHTML(label.name))</th>" }
            for j in group.measures { h += "<th scope=\"col\" class=\"num\">\(header(table.measures[j]))</th>" }
            h += "</tr></thead>\n<tbody>\n"
            for row in table.nodeIDs.indices {
                // Row anchors (`#row-<id>`, the ids of the maps' actors) on the first table only.
                h += k == 0 ? "<tr id=\"row-\(idSafe(table.nodeIDs[row]))\">" : "<tr>"
                h += "<th scope=\"row\" title=\"\(escapeHTML(table.nodeIDs[row]))\">\(escapeHTML(table.nodeNames[row]))</th>"
                for label in table.labels { h += "<td>\(escapeHTML(label.values[row]))</td>" }
                for j in group.measures { h += "<td class=\"num\">\(escapeHTML(cell(table.columns[j][row], measure: table.measures[j])))</td>" }
                h += "</tr>\n"
            }
            h += "</tbody>\n</table>\n</div>\n"
        }
        if !table.network.isEmpty {
            h += "<h3>Network</h3>\n<table class=\"network\">\n<thead><tr><th scope=\"col\">measure</th><th scope=\"col\">value</th></tr></thead>\n<tbody>\n"
            for (name, value) in table.network {
                h += "<tr><th scope=\"row\">\(escapeHTML(name))</th><td>\(escapeHTML(NumberFormat.table(value, decimals)))</td></tr>\n"
            }
            h += "</tbody>\n</table>\n"
        }
        if !content.undefinedMeasures.isEmpty {
            h += "<p>Undefined on this network (shown as –):</p>\n<ul>\n"
            for (measure, reason) in content.undefinedMeasures {
                h += "<li><code>\(escapeHTML(measure))</code>: \(escapeHTML(reason))</li>\n"
            }
            h += "</ul>\n"
        }
        return h + "</section>\n"
    }

    static func markdownMeasures(_ content: ReportContent) -> String {
        let table = content.metrics
        var m = "## Measures per actor\n\n"
        if table.measures.contains(where: { MeasureCatalog.named($0)?.isCategorical == true }) {
            m += "Communities and components are numbered from 1, as on the maps.\n\n"
        }
        for group in measureTables(content) {
            var tables = Markup.Writer(.markdown)
            if !group.title.isEmpty { tables.heading(group.title, level: 3) }
            var rows = [["actor"] + table.labels.map(\.name) + group.measures.map { table.measures[$0] }]
            for row in table.nodeIDs.indices {
                rows.append([table.nodeNames[row]] + table.labels.map { $0.values[row] }
                    + group.measures.map { cell(table.columns[$0][row], measure: table.measures[$0]) })
            }
            tables.table(rows, align: rows[0].indices.map { $0 < 1 + table.labels.count ? .left : .right })
            m += tables.output
        }
        if !table.network.isEmpty {
            var tables = Markup.Writer(.markdown)
            tables.table([["network measure", "value"]] + table.network.map { [$0.name, NumberFormat.table($0.value, decimals)] },
                         align: [.left, .right])
            m += tables.output
        }
        if !content.undefinedMeasures.isEmpty {
            m += "Undefined on this network (shown as –):\n\n"
            for (measure, reason) in content.undefinedMeasures { m += "- `\(measure)`: \(escapeMarkdown(reason))\n" }
            m += "\n"
        }
        return m
    }

    /// The relation column of the relations table: the label with `→` for a direction.
    static func relationText(_ r: ReportRelation) -> String { r.directed ? "\(r.relation) →" : r.relation }

    /// The source column: the source, then `assumed: <reason>` for an assumed tie.
    static func evidenceText(_ r: ReportRelation) -> String {
        [r.source.isEmpty ? nil : r.source, r.assumed.map { "assumed: \($0)" }].compactMap { $0 }.joined(separator: "; ")
    }

    static let relationsIntro = "Every relation of the model, in the order of the file: the text alternative to the map. Strength is the tie strength as given; an assumed tie is one the source only implies."

    static func htmlRelations(_ content: ReportContent) -> String {
        guard !content.relations.isEmpty else { return "" }
        var h = "<section id=\"relations\">\n<h2>Relations</h2>\n<p>\(escapeHTML(relationsIntro))</p>\n"
        h += "<div class=\"scroll\">\n<table class=\"relations\">\n<thead><tr><th scope=\"col\">from</th><th scope=\"col\">to</th><th scope=\"col\">relation</th><th scope=\"col\" class=\"num\">strength</th><th scope=\"col\">source or assumption</th></tr></thead>\n<tbody>\n"
        for r in content.relations {
            h += "<tr><td>\(escapeHTML(r.from))</td><td>\(escapeHTML(r.to))</td><td>\(escapeHTML(relationText(r)))</td>"
            h += "<td class=\"num\">\(escapeHTML(NumberFormat.table(r.strength, decimals)))</td>"
            h += "<td\(r.assumed == nil ? "" : " class=\"assumed\"")>\(escapeHTML(evidenceText(r)))</td></tr>\n"
        }
        return h + "</tbody>\n</table>\n</div>\n</section>\n"
    }

    static func markdownRelations(_ content: ReportContent) -> String {
        guard !content.relations.isEmpty else { return "" }
        var tables = Markup.Writer(.markdown)
        tables.table([["from", "to", "relation", "strength", "source or assumption"]] + content.relations.map {
            [$0.from, $0.to, relationText($0), NumberFormat.table($0.strength, decimals), evidenceText($0)]
        }, align: [.left, .left, .left, .right, .left])
        return "## Relations\n\n\(escapeMarkdown(relationsIntro))\n\n" + tables.output
    }

    static func htmlMethods(_ content: ReportContent) -> String {
        var h = "<section id=\"methods\"\(englishAttribute(content))>\n<h2>Methods</h2>\n"
        if !content.methodNotes.isEmpty {
            h += "<ul>\n" + content.methodNotes.map { "<li>\(escapeHTML($0))</li>\n" }.joined() + "</ul>\n"
        }
        h += "<dl>\n"
        for (measure, convention) in content.methods {
            h += "<dt><code>\(escapeHTML(measure))</code></dt><dd>\(escapeHTML(convention))</dd>\n"
        }
        return h + "</dl>\n</section>\n"
    }

    static func markdownMethods(_ content: ReportContent) -> String {
        var m = "## Methods\n\n"
        for note in content.methodNotes { m += "- \(escapeMarkdown(note))\n" }
        if !content.methodNotes.isEmpty { m += "\n" }
        for (measure, convention) in content.methods { m += "- `\(measure)`: \(escapeMarkdown(convention))\n" }
        return m + "\n"
    }

    static func htmlReproducibility(_ content: ReportContent) -> String {
        var h = "<section id=\"reproducibility\"\(englishAttribute(content))>\n<h2>Reproducibility</h2>\n<dl class=\"repro\">\n"
        h += "<dt>ecomap</dt><dd>\(escapeHTML(content.version))</dd>\n"
        h += "<dt>Graphviz</dt><dd>\(escapeHTML(content.graphvizVersion))</dd>\n"
        h += "<dt>seed</dt><dd>\(content.seed)</dd>\n"
        if let line = content.commandLine { h += "<dt>command</dt><dd><code>\(escapeHTML(line))</code></dd>\n" }
        for setting in content.settings { h += "<dt>setting</dt><dd><code>\(escapeHTML(setting))</code></dd>\n" }
        h += "</dl>\n<table class=\"inputs\">\n<thead><tr><th scope=\"col\">input</th><th scope=\"col\">file</th><th scope=\"col\">SHA-256</th></tr></thead>\n<tbody>\n"
        for input in content.inputs {
            h += "<tr><td>\(escapeHTML(input.role))</td><td><code>\(escapeHTML(input.path))</code></td><td><code>\(input.sha256)</code></td></tr>\n"
        }
        return h + "</tbody>\n</table>\n</section>\n"
    }

    static func markdownReproducibility(_ content: ReportContent) -> String {
        var m = "## Reproducibility\n\n"
        m += "- ecomap \(escapeMarkdown(content.version)), Graphviz \(escapeMarkdown(content.graphvizVersion)), seed \(content.seed)\n"
        if let line = content.commandLine { m += "- command: `\(line.replacingOccurrences(of: "`", with: "'"))`\n" }
        for setting in content.settings { m += "- setting: `\(setting.replacingOccurrences(of: "`", with: "'"))`\n" }
        m += "\n| input | file | SHA-256 |\n| --- | --- | --- |\n"
        for input in content.inputs {
            m += "| \(escapeMarkdown(input.role)) | \(escapeMarkdown(input.path)) | `\(input.sha256)` |\n"
        }
        return m
    }

    /// ASCII letters, digits and `-` kept, everything else as `_XX` hex (an HTML id that is
    /// also a CSS identifier): the same ids as the maps' elements (``DOTText/identifier(_:prefix:)``).
    static func idSafe(_ text: String) -> String { DOTText.identifier(text, prefix: "") }

    /// Escapes `& < > " '` for HTML text and attribute values (``Markup/escapeHTML(_:)``).
    /// - Parameter text: any text.
    /// - Returns: the escaped text.
    public static func escapeHTML(_ text: String) -> String { Markup.escapeHTML(text) }

    /// Escapes Markdown's punctuation (CommonMark backslash escapes) and HTML's `<` and `&`,
    /// and turns line breaks into spaces, so user text is shown as typed (``Markup/escapeMarkdown(_:)``).
    /// - Parameter text: any text.
    /// - Returns: the escaped text, on one line.
    public static func escapeMarkdown(_ text: String) -> String { Markup.escapeMarkdown(text) }

    /// Screen styles, then print styles for A4 (`@page`): each section starts a page (the key
    /// figures stay under the title), figures and table rows are not cut across pages, table
    /// headers repeat on each page, tables are at most the page's width and their cells wrap
    /// between words (long measure names after `_`, digests and paths anywhere), so no column
    /// is clipped.
    static let stylesheet = """
        :root { color-scheme: light; }
        body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; margin: 0; color: #1a1a1a; background: #ffffff; }
        main { max-width: 72rem; margin: 0 auto; padding: 1.5rem; }
        h1 { font-size: 1.6rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #ddd; }
        figure { margin: 0; } figure > svg { width: 100%; height: auto; max-height: 90vh; }
        figcaption { font-style: italic; color: #444; margin-top: .5rem; }
        .scroll { overflow-x: auto; }
        table { border-collapse: collapse; font-size: .85rem; }
        th, td { border-bottom: 1px solid #e3e3e3; padding: .25rem .5rem; text-align: left; vertical-align: top; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        td.center, th.center { text-align: center; }
        td.assumed { font-style: italic; }
        dt { font-weight: bold; margin-top: .4rem; } dd { margin-left: 1.5rem; }
        .key-figures dl { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: .5rem 1rem; margin: 0; }
        .key-figures dl > div { border-left: 3px solid #0072B2; padding-left: .5rem; }
        .key-figures dt { font-weight: normal; color: #444; margin: 0; font-size: .85rem; }
        .key-figures dd { margin: 0; font-size: 1.25rem; font-weight: bold; }
        code { font-family: "DejaVu Sans Mono", monospace; font-size: .85em; overflow-wrap: anywhere; }
        .actor:hover polygon, .actor:hover ellipse, .actor:hover path { stroke-width: 3; }
        @page { size: A4; margin: 14mm 12mm; }
        @media print {
          main { max-width: none; padding: 0; }
          h1 { margin-top: 0; }
          section { break-before: page; }
          section.key-figures { break-before: auto; }
          h2, h3, h4 { break-after: avoid; }
          figure { break-inside: avoid; }
          figure > svg { max-height: 235mm; }
          .scroll { overflow: visible; }
          table { max-width: 100%; font-size: 8pt; }
          table.metrics, table.relations, table.inputs { width: 100%; }
          table.metrics { font-size: 7.5pt; }
          table.metrics th, table.metrics td { padding: 1pt 2pt; }
          thead { display: table-header-group; }
          tr { break-inside: avoid; }
          th, td { padding: 1pt 3pt; overflow-wrap: break-word; hyphens: auto; }
          a { color: inherit; text-decoration: none; }
        }
        """
}

/// SVG text for inlining in HTML.
enum SVGInline {
    /// The `<svg>` element onwards: the XML declaration and comments before it are dropped
    /// (they are not allowed inside HTML body content).
    static func fragment(_ svg: [UInt8]) -> String {
        let text = String(decoding: svg, as: UTF8.self)
        guard let start = text.range(of: "<svg") else { return "" }
        var fragment = String(text[start.lowerBound...])
        while fragment.last == "\n" { fragment.removeLast() }
        return fragment
    }
}
