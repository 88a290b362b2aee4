import EcosystemRendering

/// The escaping and the block structure (headings, paragraphs, lists, tables) that the
/// Markdown and HTML writers share, so a section is written once for both forms and user
/// text is escaped in one place.
enum Markup {
    /// The two document forms.
    enum Style: Sendable { case markdown, html }

    /// Column alignment of a table.
    enum Align: Sendable { case left, right, center }

    /// Escapes `& < > " '` for HTML and XML text and attribute values (line breaks as `&#10;`,
    /// control characters that XML forbids dropped): ``SVGFinisher/escape(_:)``, so the report
    /// and its inline SVGs escape alike. Complexity: `O(text.count)`.
    static func escapeHTML(_ text: String) -> String { SVGFinisher.escape(text) }

    /// Escapes Markdown's punctuation (CommonMark backslash escapes) and HTML's `<`, `>` and
    /// `&`, and turns line breaks into spaces, so user text is shown as typed (also inside
    /// table cells: `|` is escaped). Complexity: `O(text.count)`.
    static func escapeMarkdown(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "\\", "`", "*", "_", "[", "]", "#", "|", "!", "~", "{", "}": out += "\\" + String(ch)
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n", "\r", "\r\n": out += " "
            default: out.append(ch)
            }
        }
        return out
    }

    /// Builds one document in either style. Inline pieces (``text(_:)``, ``strong(_:)``,
    /// ``em(_:)``) return escaped fragments to combine; blocks take such fragments, except
    /// headings and table cells, which take plain text.
    struct Writer {
        let style: Style
        private(set) var output = ""

        init(_ style: Style) { self.style = style }

        /// Plain text, escaped.
        func text(_ s: String) -> String { style == .html ? escapeHTML(s) : escapeMarkdown(s) }
        func strong(_ s: String) -> String { style == .html ? "<strong>\(escapeHTML(s))</strong>" : "**\(escapeMarkdown(s))**" }
        func em(_ s: String) -> String { style == .html ? "<em>\(escapeHTML(s))</em>" : "*\(escapeMarkdown(s))*" }
        /// A line break inside a paragraph or list item.
        var lineBreak: String { style == .html ? "<br>" : "  \n  " }

        mutating func heading(_ s: String, level: Int) {
            let level = min(max(level, 1), 6)
            output += style == .html ? "<h\(level)>\(escapeHTML(s))</h\(level)>\n" : String(repeating: "#", count: level) + " \(escapeMarkdown(s))\n\n"
        }

        /// A block already written in this style (trusted: escaped by its writer).
        mutating func raw(_ block: String) { output += block }

        /// A paragraph of inline fragments.
        mutating func paragraph(_ inline: String) {
            output += style == .html ? "<p>\(inline)</p>\n" : inline + "\n\n"
        }

        /// A bulleted list of inline fragments (nothing for no items).
        mutating func list(_ items: [String]) {
            guard !items.isEmpty else { return }
            if style == .html {
                output += "<ul>\n" + items.map { "<li>\($0)</li>\n" }.joined() + "</ul>\n"
            } else {
                output += items.map { "- \($0)\n" }.joined() + "\n"
            }
        }

        /// A table: the first row is the header; cells are plain text; `align` per column
        /// (missing columns: left).
        mutating func table(_ rows: [[String]], align: [Align] = []) {
            guard let header = rows.first else { return }
            func alignment(_ i: Int) -> Align { i < align.count ? align[i] : .left }
            if style == .html {
                func cls(_ i: Int) -> String { alignment(i) == .right ? " class=\"num\"" : alignment(i) == .center ? " class=\"center\"" : "" }
                output += "<div class=\"scroll\">\n<table>\n<thead><tr>"
                output += header.enumerated().map { "<th scope=\"col\"\(cls($0))>\(escapeHTML($1))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
                for row in rows.dropFirst() {
                    output += "<tr>" + row.enumerated().map { "<td\(cls($0))>\(escapeHTML($1))</td>" }.joined() + "</tr>\n"
                }
                output += "</tbody>\n</table>\n</div>\n"
            } else {
                func line(_ r: [String]) -> String { "| " + r.map(escapeMarkdown).joined(separator: " | ") + " |\n" }
                output += line(header)
                output += "|" + header.indices.map { i in
                    switch alignment(i) { case .left: "---|"; case .right: "---:|"; case .center: ":-:|" }
                }.joined() + "\n"
                for row in rows.dropFirst() { output += line(row) }
                output += "\n"
            }
        }
    }
}
