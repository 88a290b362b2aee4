import CSV
import Foundation

/// Loads a plain edge list (CSV) as an ``EcosystemModel``: the spreadsheet-friendly way in
/// when there is no typed model yet.
///
/// Format (RFC 4180 CSV, comma-separated, UTF-8, first row a header; column order free):
/// ```
/// source,target,weight,type
/// dip,startups,2,supports
/// ```
/// - `source`, `target` (required): actor ids, as written (surrounding spaces trimmed). Actors
///   are created in order of first appearance (row by row, source before target), each with
///   name = id and the single actor type `node`.
/// - `weight` (optional): a positive finite number (tie strength); an empty cell means 1.
/// - `type` (optional): the relation type; each distinct value becomes a declared relation type
///   (in order of first appearance) whose direction is the loader's `directed` argument. Without
///   the column (or for empty cells) every relation has the type `tie`.
///
/// Relations get ids `r<row>` (1-based over data rows, blank lines skipped). Parallel ties are
/// kept; a tie of an actor to itself (a self-loop) is kept too, as in model files (the measures
/// leave it out, see ``EcosystemModel/selfLoops``). Unknown header columns are
/// refused (listing the valid ones) so that a typo such as `wieght` is not silently ignored.
/// Lines are counted exactly, also when quoted fields span lines; columns are the character
/// column where the offending field starts.
public enum EdgeListLoader {
    /// Header columns that may appear.
    public static let columns = ["source", "target", "weight", "type"]

    /// Reads a CSV edge list from a file; the model name is the file's base name (see
    /// ``ModelLoader/modelName(forFile:)``).
    ///
    /// - Parameters:
    ///   - url: a file URL. Issues name the file by `url.relativePath`.
    ///   - directed: whether the relation types are directed (`source → target`).
    /// - Returns: the model.
    /// - Throws: ``ModelError`` with every issue found (unreadable file, missing header, empty
    ///   ids, bad weights, unknown columns).
    /// - Complexity: `O(size of file)` (plus hashing of ids).
    public static func load(contentsOf url: URL, directed: Bool = false) throws(ModelError) -> EcosystemModel {
        let file = url.relativePath
        let text = try ModelLoader.readText(url, file: file)
        return try load(csv: text, file: file, name: ModelLoader.modelName(forFile: file), directed: directed)
    }

    /// Where a quoted field opens that is still open at the end of `text` (RFC 4180: a field
    /// that starts with `"` ends at a `"` not followed by another; `""` is a quote inside), as
    /// 1-based line and character column, or `nil` when every quote is closed.
    /// Complexity: `O(text.count)`.
    static func unterminatedQuote(in text: String) -> (line: Int, column: Int)? {
        var inQuotes = false, atFieldStart = true, pendingQuote = false
        var line = 1, column = 0
        var opened = (line: 1, column: 1)
        for ch in text {
            column += 1
            if inQuotes {
                if pendingQuote {
                    pendingQuote = false
                    if ch == "\"" { continue }  // "" inside a quoted field
                    inQuotes = false             // the previous quote closed the field
                } else if ch == "\"" {
                    pendingQuote = true
                    continue
                } else {
                    if ch == "\n" || ch == "\r\n" { line += 1; column = 0 }
                    continue
                }
            }
            switch ch {
            case "\"" where atFieldStart:
                inQuotes = true; opened = (line, column)
                atFieldStart = false
            case ",":
                atFieldStart = true
            case "\n", "\r\n":
                line += 1; column = 0; atFieldStart = true
            default:
                atFieldStart = false
            }
        }
        return inQuotes && !pendingQuote ? opened : nil
    }

    /// Reads a CSV edge list from text.
    ///
    /// - Parameters:
    ///   - text: the CSV text (a leading UTF-8 byte-order mark is skipped).
    ///   - file: the name used in issues.
    ///   - name: the model name.
    ///   - directed: whether the relation types are directed (`source → target`).
    /// - Returns: the model: actor type `node`; relation type `tie` (and/or those of the `type`
    ///   column); actors in order of first appearance; relations in row order.
    /// - Throws: ``ModelError`` with every issue found: an empty file, a quoted field never
    ///   closed (reported alone, at the quote that opens it), unknown or duplicate header
    ///   columns, a missing `source`/`target` column, empty ids, weights that are
    ///   not positive finite numbers.
    /// - Complexity: `O(size of text)` (plus hashing of ids).
    public static func load(csv text: String, file: String, name: String, directed: Bool = false) throws(ModelError) -> EcosystemModel {
        var issues: [ModelIssue] = []
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let rawLines = body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        if let (line, column) = unterminatedQuote(in: body) {
            // A CSV reader takes the rest of the file as one quoted field: refuse instead.
            throw ModelError(issues: [ModelIssue(
                file: file, line: line, column: column,
                message: "a quoted field that opens here is never closed; end it with \" (write \"\" for a quote inside a field)")])
        }
        if let wide = DelimitedText.overlongHeader(rawLines, separator: ",") {
            throw ModelError(issues: [ModelIssue(file: file, line: wide.line, column: wide.column,
                                                 message: "the header has \(wide.fields) columns, more than the limit of \(InputLimits.maxColumns)",
                                                 valid: "an edge list has the columns \(Suggestions.quoted(columns))")])
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: body, hasHeaderRow: false, trimFields: false)
        } catch {
            throw ModelError(issues: [ModelIssue(file: file, line: 1, column: 1, message: "cannot read CSV: \(error)")])
        }

        /// Character column (1-based) where each field of the raw line starts, honouring quotes:
        /// one pass over the line (a header of 20,000 columns used to be scanned once per field).
        func fieldStarts(line: Int, count: Int) -> [Int] {
            guard line >= 1, line <= rawLines.count else { return Array(repeating: 1, count: max(count, 1)) }
            return DelimitedText.fieldColumns(String(rawLines[line - 1]), separator: ",", count: count)
        }

        var line = 1
        var header: [String]?
        var index: [String: Int] = [:]
        var actors: [Actor] = []
        var tooManyAt: Int?
        var actorSeen = Set<String>()
        var relationTypes: [RelationType] = []
        var relationTypeSeen = Set<String>()
        var relations: [Relation] = []
        var dataRow = 0

        while let row = reader.next() {
            let rowLine = line
            line += 1 + row.reduce(0) { $0 + $1.reduce(0) { $1 == "\n" || $1 == "\r\n" ? $0 + 1 : $0 } }
            if row.allSatisfy({ $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) { continue }
            let cells = row.map { $0.trimmingCharacters(in: .whitespaces) }
            let rowColumns = fieldStarts(line: rowLine, count: cells.count)
            func column(line: Int, field k: Int) -> Int { k < rowColumns.count ? rowColumns[k] : 1 }
            guard let header else {
                if cells.count > InputLimits.maxColumns {
                    throw ModelError(issues: [ModelIssue(file: file, line: rowLine, column: column(line: rowLine, field: InputLimits.maxColumns),
                                                         message: "the header has \(cells.count) columns, more than the limit of \(InputLimits.maxColumns)",
                                                         valid: "an edge list has the columns \(Suggestions.quoted(columns))")])
                }
                header = cells
                for (k, h) in cells.enumerated() {
                    let key = h.lowercased()
                    if columns.contains(key) {
                        if index[key] != nil {
                            issues.append(ModelIssue(file: file, line: rowLine, column: column(line: rowLine, field: k),
                                                     message: "duplicate column '\(h)'", valid: "each column appears once"))
                        } else { index[key] = k }
                    } else {
                        let hint = Suggestions.likelyMeant(key, in: columns).map { "did you mean '\($0)'? " } ?? ""
                        issues.append(ModelIssue(file: file, line: rowLine, column: column(line: rowLine, field: k),
                                                 message: "unknown column '\(h)'",
                                                 valid: "\(hint)valid columns: \(Suggestions.quoted(columns))"))
                    }
                }
                for required in ["source", "target"] where index[required] == nil {
                    issues.append(ModelIssue(file: file, line: rowLine, column: 1,
                                             message: "the header has no '\(required)' column",
                                             valid: "the first row is a header with 'source,target' and optional 'weight', 'type'"))
                }
                if index["source"] == nil || index["target"] == nil { throw ModelError(issues: issues) }
                continue
            }
            dataRow += 1
            let id = "r\(dataRow)"
            if cells.count > header.count {
                let extra = cells[header.count...].joined(separator: ",")
                let decimal = index["weight"] == header.count - 1 && cells.count == header.count + 1 && Int(extra) != nil
                issues.append(ModelIssue(file: file, line: rowLine, column: column(line: rowLine, field: header.count), id: id,
                                         message: "row \(dataRow) has \(cells.count) fields but the header has \(header.count)",
                                         valid: decimal ? "a decimal comma splits the weight: write '\(cells[header.count - 1]).\(extra)', or quote it as \"\(cells[header.count - 1]),\(extra)\"" : "one field per header column; quote a field that holds a comma"))
                continue
            }
            if dataRow > InputLimits.maxRelations {
                issues.append(ModelIssue(file: file, line: rowLine, column: 1, message: "more than \(InputLimits.maxRelations) relations",
                                         valid: "an edge list has at most \(InputLimits.maxRelations) rows"))
                break
            }
            func cell(_ key: String) -> (String, Int)? {
                guard let k = index[key] else { return nil }
                return (k < cells.count ? cells[k] : "", column(line: rowLine, field: k))
            }
            var ends: [String] = []
            var ok = true
            for key in ["source", "target"] {
                let (value, col) = cell(key)!
                if value.isEmpty {
                    ok = false
                    issues.append(ModelIssue(file: file, line: rowLine, column: col, id: id,
                                             message: "row \(dataRow) has an empty '\(key)'",
                                             valid: "'\(key)' is a non-empty actor id"))
                }
                if let problem = InputLimits.textProblem(value, key: key) {
                    ok = false
                    issues.append(ModelIssue(file: file, line: rowLine, column: col, id: id, message: "row \(dataRow): \(problem.message)", valid: problem.valid))
                }
                ends.append(value)
            }
            var weight = 1.0
            if let (w, col) = cell("weight"), !w.isEmpty {
                if let x = Double(w), InputLimits.weightProblem(x) == nil { weight = x } else {
                    ok = false
                    issues.append(ModelIssue(file: file, line: rowLine, column: col, id: id,
                                             message: "row \(dataRow) has weight '\(w)'\(InputLimits.rangeNote(Double(w)))",
                                             valid: InputLimits.weightRule + ", or empty for 1"))
                }
            }
            var type = "tie"
            if let (t, col) = cell("type"), !t.isEmpty {
                type = t
                if let problem = InputLimits.textProblem(t, key: "type") {
                    ok = false
                    issues.append(ModelIssue(file: file, line: rowLine, column: col, id: id, message: "row \(dataRow): \(problem.message)", valid: problem.valid))
                }
            }
            guard ok else { continue }
            if relationTypeSeen.insert(type).inserted {
                relationTypes.append(RelationType(id: type, label: type, color: "#555555", style: "solid", directed: directed))
            }
            for end in ends where actorSeen.insert(end).inserted {
                actors.append(Actor(id: end, name: end, type: "node"))
                if actors.count == InputLimits.maxActors + 1 {
                    // The count is filled in when the whole file is read.
                    tooManyAt = issues.count
                    issues.append(ModelIssue(file: file, line: rowLine, column: 1, id: id, message: "", valid: nil))
                }
            }
            relations.append(Relation(id: id, from: ends[0], to: ends[1], type: type, weight: weight, source: file))
        }
        if let tooManyAt {
            let problem = InputLimits.tooManyActors(actors.count)
            issues[tooManyAt].message = problem.message
            issues[tooManyAt].valid = problem.valid
        }
        if header == nil {
            issues.append(ModelIssue(file: file, line: 1, column: 1, message: "the file is empty",
                                     valid: "the first row is a header with 'source,target' and optional 'weight', 'type'"))
        }
        if let error = reader.error {
            issues.append(ModelIssue(file: file, line: line, column: 1, message: "cannot read CSV: \(error)"))
        }
        guard issues.isEmpty else { throw ModelError(issues: issues) }
        if relationTypes.isEmpty {
            relationTypes.append(RelationType(id: "tie", label: "tie", color: "#555555", style: "solid", directed: directed))
        }
        return EcosystemModel(
            name: name, title: name, description: "Edge list read from \(file).",
            actorTypes: [ActorType(id: "node", label: "Node", color: "#BBBBBB", shape: "ellipse")],
            relationTypes: relationTypes, actors: actors, relations: relations)
    }
}
