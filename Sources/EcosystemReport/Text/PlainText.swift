/// Plain text for a terminal: paragraphs wrapped to a width, and tables whose columns fit the
/// width or fold. Widths count `Character`s (one column per character, as a terminal shows
/// Latin text with diacritics); no escapes, no markup.
public enum PlainText {
    /// The width used when the terminal's is unknown (`COLUMNS` unset).
    public static let defaultWidth = 100
    /// The narrowest width wrapped to (narrower requests use this).
    public static let minimumWidth = 20

    /// `text` wrapped into lines of at most `width` characters, breaking at spaces; a word
    /// longer than a line is cut. Line breaks in `text` start a new line.
    /// - Parameters:
    ///   - text: the text.
    ///   - width: the longest line, prefixes included (at least ``minimumWidth``).
    ///   - first: prefix of the first line (e.g. `" 1. "`).
    ///   - rest: prefix of the following lines (default: spaces as long as `first`).
    /// - Returns: the lines, without newlines and without trailing spaces.
    /// - Complexity: `O(text.count)`.
    public static func wrap(_ text: String, width: Int, first: String = "", rest: String? = nil) -> [String] {
        lines(text, width: max(width, minimumWidth), first: first, rest: rest)
    }

    /// ``wrap(_:width:first:rest:)`` at any width of at least 1 (table cells).
    static func lines(_ text: String, width: Int, first: String = "", rest: String? = nil) -> [String] {
        let width = max(width, first.count + 1, (rest?.count ?? first.count) + 1)
        let rest = rest ?? String(repeating: " ", count: first.count)
        var lines: [String] = []
        var line = first, lineHasWord = false
        func flush() { lines.append(trimmed(line)); line = rest; lineHasWord = false }
        for (p, paragraph) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if p > 0 { flush() }
            for word in paragraph.split(separator: " ") {
                var word = String(word)
                if lineHasWord && line.count + 1 + word.count > width { flush() }
                while line.count + (lineHasWord ? 1 : 0) + word.count > width {
                    // A word longer than the room of a line: cut it.
                    if lineHasWord { flush(); continue }
                    let room = max(1, width - line.count)
                    line += word.prefix(room); word = String(word.dropFirst(room)); lineHasWord = true
                    flush()
                }
                guard !word.isEmpty else { continue }
                line += (lineHasWord ? " " : "") + word; lineHasWord = true
            }
        }
        if lineHasWord || lines.isEmpty || line != rest { lines.append(trimmed(line)) }
        return lines
    }

    /// A table as aligned columns, two spaces apart, that fit in `width`.
    ///
    /// When the natural widths do not fit, the widest columns are narrowed (never below their
    /// longest word or 8 characters) and their cells wrapped inside the column; when even that
    /// does not fit, the table folds: each row becomes a block of `header: value` lines.
    /// - Parameters:
    ///   - rows: the rows; the first is the header.
    ///   - width: the longest line (at least ``minimumWidth``).
    ///   - rightAligned: indices of columns aligned right (numbers).
    /// - Returns: the lines joined by `\n`, ending in a newline; empty for no rows.
    /// - Complexity: `O(cells · width)`.
    public static func table(_ rows: [[String]], width: Int, rightAligned: Set<Int> = []) -> String {
        guard let header = rows.first, !header.isEmpty else { return "" }
        let width = max(width, minimumWidth)
        let columns = header.count
        let cells = rows.map { r in (0..<columns).map { $0 < r.count ? r[$0] : "" } }
        var widths = (0..<columns).map { j in cells.map { $0[j].count }.max() ?? 0 }
        let floors = (0..<columns).map { j in
            min(widths[j], max(8, cells.map { row in row[j].split(separator: " ").map(\.count).max() ?? 0 }.max() ?? 0))
        }
        func total() -> Int { widths.reduce(0, +) + 2 * (columns - 1) }
        while total() > width {
            guard let j = (0..<columns).filter({ widths[$0] > floors[$0] }).max(by: { widths[$0] < widths[$1] }) else { break }
            widths[j] -= 1
        }
        var out: [String] = []
        if total() <= width {
            for row in cells {
                let wrapped = (0..<columns).map { j in row[j].count <= widths[j] ? [row[j]] : lines(row[j], width: widths[j]) }
                for k in 0..<(wrapped.map(\.count).max() ?? 1) {
                    let line = (0..<columns).map { j -> String in
                        let cell = k < wrapped[j].count ? wrapped[j][k] : ""
                        let pad = String(repeating: " ", count: max(0, widths[j] - cell.count))
                        return rightAligned.contains(j) ? pad + cell : cell + pad
                    }.joined(separator: "  ")
                    out.append(trimmed(line))
                }
            }
        } else {
            let label = header.map(\.count).max() ?? 0
            for (i, row) in cells.dropFirst().enumerated() {
                if i > 0 { out.append("") }
                for j in 0..<columns where !row[j].isEmpty {
                    let name = header[j] + ":" + String(repeating: " ", count: label - header[j].count + 1)
                    out += wrap(row[j], width: width, first: name, rest: String(repeating: " ", count: label + 2))
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func trimmed(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }
}
