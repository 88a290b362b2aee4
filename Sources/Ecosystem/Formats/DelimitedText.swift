import CSV
import Foundation

/// One sheet of rows: a CSV file or a worksheet of a workbook, with where each cell was
/// written, so that issues name file (and sheet), line (or row) and column.
public struct Table: Sendable {
    /// One row: its 1-based line (CSV) or row number (workbook), its cells, and the 1-based
    /// column where each cell starts (characters for CSV, `A` = 1 for a workbook).
    public struct Row: Sendable {
        /// 1-based line (CSV) or row number (workbook).
        public var line: Int
        /// The cells, surrounding spaces trimmed.
        public var cells: [String]
        /// 1-based column where each cell starts.
        public var columns: [Int]
        /// A row as given.
        public init(line: Int, cells: [String], columns: [Int]) { self.line = line; self.cells = cells; self.columns = columns }
    }
    /// The file as the caller named it.
    public var file: String
    /// The worksheet's name inside a workbook, or `nil` for a CSV file.
    public var sheet: String?
    /// The first non-empty row.
    public var header: Row
    /// The other non-empty rows, in order.
    public var rows: [Row]
    /// Whether numbers use a decimal comma (`1,5`): a `;`-separated CSV, as Excel writes with
    /// Dutch, German or French settings.
    public var decimalComma: Bool

    /// A table as given.
    public init(file: String, sheet: String? = nil, header: Row, rows: [Row], decimalComma: Bool = false) {
        self.file = file; self.sheet = sheet; self.header = header; self.rows = rows; self.decimalComma = decimalComma
    }

    /// The place of cell `k` of `row`.
    func place(_ row: Row, _ k: Int?) -> ModelDraft.Place {
        let column = k.flatMap { $0 < row.columns.count ? row.columns[$0] : nil } ?? 1
        return ModelDraft.Place(file: file, sheet: sheet, line: row.line, column: column)
    }
}

/// Reading delimited text (CSV) as a ``Table``: RFC 4180 quoting through yaslab/CSV.swift,
/// with what spreadsheets add on top of it.
///
/// - The separator is detected from the header line: `,`, `;` or tab, whichever occurs most
///   outside quotes (`,` on a tie). Excel with Dutch settings writes `;`.
/// - With `;` (or tab) as separator, numbers may use a decimal comma: `1,5` is read as 1.5
///   (``Table/decimalComma``; applied to weights and confidences).
/// - A UTF-8 byte-order mark and CRLF line ends are accepted; blank lines are skipped.
/// - A quoted field that never closes is reported at the quote that opens it.
public enum DelimitedText {
    /// The separators tried, in order of preference on a tie.
    public static let separators: [Character] = [",", ";", "\t"]

    /// The separator of `text`: the one of ``separators`` occurring most often outside quotes
    /// in the first non-empty line. Complexity: `O(length of that line)`.
    public static func separator(of text: String) -> Character {
        var counts: [Character: Int] = [:]
        var inQuotes = false, seen = false
        for ch in text {
            if ch == "\"" { inQuotes.toggle(); seen = true; continue }
            if !inQuotes, ch == "\n" || ch == "\r\n" || ch == "\r" { if seen { break } else { continue } }
            seen = true
            if !inQuotes, separators.contains(ch) { counts[ch, default: 0] += 1 }
        }
        return separators.max { (counts[$0] ?? 0, -separators.firstIndex(of: $0)!) < (counts[$1] ?? 0, -separators.firstIndex(of: $1)!) }!
    }

    /// Reads `text` as a table.
    /// - Parameters:
    ///   - text: the file's contents (a leading byte-order mark is skipped).
    ///   - file: the name used in issues.
    /// - Returns: the table, or `nil` when the text has no non-empty line.
    /// - Throws: ``ModelError`` for a quoted field never closed, text the CSV reader refuses, a
    ///   header wider than ``InputLimits/maxColumns``, and rows with more fields than the header
    ///   (`a,b,1,5` under `from,to,weight`: the decimal comma is named).
    /// - Complexity: `O(length of text)`.
    public static func table(_ text: String, file: String) throws(ModelError) -> Table? {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let sep = separator(of: body)
        if let (line, column) = unterminatedQuote(in: body, separator: sep) {
            throw ModelError(issues: [ModelIssue(
                file: file, line: line, column: column,
                message: "a quoted field that opens here is never closed",
                valid: "end it with \" (write \"\" for a quote inside a field)")])
        }
        let rawLines = body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        if let wide = overlongHeader(rawLines, separator: sep) {
            throw ModelError(issues: [ModelIssue(
                file: file, line: wide.line, column: wide.column,
                message: "the header has \(wide.fields) columns, more than the limit of \(InputLimits.maxColumns)",
                valid: "at most \(InputLimits.maxColumns) columns (the limit of InputLimits.maxColumns)")])
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: body, hasHeaderRow: false, trimFields: false, delimiter: sep.unicodeScalars.first!)
        } catch {
            throw ModelError(issues: [ModelIssue(file: file, line: 1, column: 1, message: "cannot read CSV: \(error)")])
        }
        var rows: [Table.Row] = []
        var line = 1
        while let row = reader.next() {
            let rowLine = line
            line += 1 + row.reduce(0) { $0 + $1.reduce(0) { $1 == "\n" || $1 == "\r\n" ? $0 + 1 : $0 } }
            if row.allSatisfy({ $0.trimmedWhitespaceAndNewlines().isEmpty }) { continue }
            let cells = row.map { $0.trimmedWhitespace() }
            let columns = rowLine <= rawLines.count ? fieldColumns(String(rawLines[rowLine - 1]), separator: sep, count: cells.count)
                : Array(1...max(cells.count, 1))
            rows.append(Table.Row(line: rowLine, cells: cells, columns: columns))
        }
        if let error = reader.error {
            throw ModelError(issues: [ModelIssue(file: file, line: line, column: 1, message: "cannot read CSV: \(error)")])
        }
        guard let header = rows.first else { return nil }
        if header.cells.count > InputLimits.maxColumns {
            throw ModelError(issues: [ModelIssue(
                file: file, line: header.line, column: header.columns[InputLimits.maxColumns],
                message: "the header has \(header.cells.count) columns, more than the limit of \(InputLimits.maxColumns)",
                valid: "at most \(InputLimits.maxColumns) columns (the limit of InputLimits.maxColumns)")])
        }
        var issues: [ModelIssue] = []
        for row in rows.dropFirst() where row.cells.count > header.cells.count {
            let n = header.cells.count
            // `a,b,1,5` in a comma CSV: a decimal comma that split the last number in two.
            let decimal = sep == "," && row.cells.count == n + 1 && Int(row.cells[n]) != nil && Double(row.cells[n - 1]) != nil
            issues.append(ModelIssue(
                file: file, line: row.line, column: row.columns[n],
                message: "this row has \(row.cells.count) fields but the header has \(n)",
                valid: decimal ? "a decimal comma splits '\(row.cells[n - 1]),\(row.cells[n])' in two: write \(row.cells[n - 1]).\(row.cells[n]), quote it (\"\(row.cells[n - 1]),\(row.cells[n])\"), or separate the columns with ';'"
                    : "one field per header column; quote a field that holds '\(sep)'"))
            if issues.count == 100 { break }
        }
        if !issues.isEmpty { throw ModelError(issues: issues) }
        return Table(file: file, header: header, rows: Array(rows.dropFirst()), decimalComma: sep != ",")
    }

    /// The 1-based character column where each of the first `count` fields of `line` starts.
    /// The width of the header, checked on its raw line before a CSV reader splits it (a
    /// 2 MB header of 200,000 fields took 20 s to split before it was refused): the fields of
    /// the first non-blank line outside quotes, a lower bound of the header's width (a quoted
    /// field over several lines only hides separators).
    /// - Parameters:
    ///   - lines: the raw lines.
    ///   - separator: the field separator.
    /// - Returns: the line (1-based), the column (in characters) of the first field over
    ///   ``InputLimits/maxColumns``, and the fields counted, or `nil` when the header fits.
    /// - Complexity: `O(length of the first non-blank line)`.
    static func overlongHeader(_ lines: [Substring], separator: Character) -> (line: Int, column: Int, fields: Int)? {
        guard let k = lines.firstIndex(where: { !$0.allSatisfy(\.isWhitespace) }), let sep = separator.asciiValue else { return nil }
        var fields = 1, inQuotes = false, overAt: String.Index?
        let line = lines[k]
        for i in line.utf8.indices {
            let byte = line.utf8[i]
            if byte == UInt8(ascii: "\"") { inQuotes.toggle() } else if byte == sep, !inQuotes {
                fields += 1
                if fields == InputLimits.maxColumns + 1 { overAt = line.utf8.index(after: i) }
            }
        }
        guard let overAt else { return nil }
        return (k + 1, line[..<overAt].count + 1, fields)
    }

    static func fieldColumns(_ line: String, separator: Character, count: Int) -> [Int] {
        var result = [1]
        var inQuotes = false, col = 1
        for ch in line {
            col += 1
            if ch == "\"" { inQuotes.toggle() } else if ch == separator, !inQuotes { result.append(col) }
        }
        while result.count < count { result.append(col) }
        return result
    }

    /// Where a quoted field that is still open at the end of `text` starts (1-based line and
    /// column), or `nil`. Complexity: `O(length of text)`.
    static func unterminatedQuote(in text: String, separator: Character) -> (line: Int, column: Int)? {
        var inQuotes = false, atFieldStart = true, pendingQuote = false
        var line = 1, column = 0
        var opened = (line: 1, column: 1)
        for ch in text {
            column += 1
            if inQuotes {
                if pendingQuote {
                    pendingQuote = false
                    if ch == "\"" { continue }
                    inQuotes = false
                } else if ch == "\"" {
                    pendingQuote = true
                    continue
                } else {
                    if ch == "\n" || ch == "\r\n" { line += 1; column = 0 }
                    continue
                }
            }
            switch ch {
            case "\"" where atFieldStart: inQuotes = true; opened = (line, column); atFieldStart = false
            case separator: atFieldStart = true
            case "\n", "\r\n": line += 1; column = 0; atFieldStart = true
            default: atFieldStart = false
            }
        }
        return inQuotes && !pendingQuote ? opened : nil
    }

    /// A number written with a decimal comma (`1,5`, `1.234,5`) in `.` notation; other text
    /// unchanged. Complexity: `O(length)`.
    public static func decimalPoint(_ text: String) -> String {
        let t = text.trimmedWhitespace()
        guard t.contains(",") else { return t }
        let plain = t.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
        return Double(plain) != nil ? plain : t
    }

    // MARK: - Writing

    /// One CSV field: quoted when it holds the separator, a quote, a line break or surrounding
    /// spaces (RFC 4180), `"` doubled.
    public static func field(_ text: String, separator: Character = ",") -> String {
        let needs = text.contains(separator) || text.contains("\"") || text.contains("\n") || text.contains("\r")
            || text.hasPrefix(" ") || text.hasSuffix(" ")
        return needs ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    /// Rows as CSV text with `\n` line ends.
    public static func text(_ rows: [[String]], separator: Character = ",") -> String {
        rows.map { $0.map { field($0, separator: separator) }.joined(separator: String(separator)) }.joined(separator: "\n") + "\n"
    }
}
