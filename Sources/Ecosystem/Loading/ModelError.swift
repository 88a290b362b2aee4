/// One problem found while loading a model file: where it is, what is wrong, what would be valid.
///
/// Positions are 1-based, as compilers print them. For YAML and JSON, `column` counts Unicode
/// scalars from the start of the line (libyaml's convention, which Yams reports). For CSV edge
/// lists, `column` is the character column where the offending field starts. A `line` of 0 means
/// the issue concerns the file as a whole (it could not be read, or has an unknown extension).
public struct ModelIssue: Sendable, Equatable {
    /// The file as the caller named it (a path, or a label such as `"<stdin>"`).
    public var file: String
    /// 1-based line; 0 when the issue has no position.
    public var line: Int
    /// 1-based column; 0 when the issue has no position.
    public var column: Int
    /// The id of the actor, type or relation the issue concerns, when known (for relations
    /// without an explicit id, the default `r<position>`).
    public var id: String?
    /// What is wrong, e.g. "relation 'r7' names unknown actor 'dip2' in 'to'".
    public var message: String
    /// What would be valid, e.g. "known actors include 'dip', 'mrdh', ..."; `nil` when there is
    /// nothing useful to suggest.
    public var valid: String?

    /// An issue as given; see the properties.
    public init(file: String, line: Int, column: Int, id: String? = nil, message: String, valid: String? = nil) {
        self.file = file; self.line = line; self.column = column
        self.id = id; self.message = message; self.valid = valid
    }
}

extension ModelIssue: CustomStringConvertible {
    /// One line in compiler style: `file:line:column: error: message; valid`
    /// (`file: error: ...` when the issue has no position). Control characters quoted from the
    /// file (a NUL in a name, a line break) are shown as `\u{0}`, `\u{A}`, so the issue stays
    /// one line and cannot move the terminal's cursor.
    public var description: String {
        let place = line > 0 ? "\(file):\(line):\(column)" : file
        let hint = valid.map { "; \($0)" } ?? ""
        return Self.visible("\(place): error: \(message)\(hint)")
    }

    /// `text` with C0 controls, DEL and the C1 controls written as `\u{X}`.
    /// - Complexity: `O(length)`.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) else { return text }
        var out = ""
        for s in text.unicodeScalars {
            if s.value < 0x20 || (0x7F...0x9F).contains(s.value) { out += "\\u{\(String(s.value, radix: 16, uppercase: true))}" } else { out.unicodeScalars.append(s) }
        }
        return out
    }
}

/// Every problem found in a model file. Loading collects all issues before throwing, so one run
/// shows all of them, ordered by position in the file.
public struct ModelError: Error, Sendable, CustomStringConvertible {
    /// The issues, sorted by line and column (issues without a position first); never empty.
    public let issues: [ModelIssue]

    /// An error holding `issues`, stably sorted by (line, column): issues at the same place keep
    /// the order they were found in. Callers pass at least one issue.
    /// - Complexity: `O(k log k)` for `k` issues.
    public init(issues: [ModelIssue]) {
        // Stable sort by position keeps the discovery order for issues at the same place.
        self.issues = issues.enumerated().sorted { a, b in
            (a.element.line, a.element.column, a.offset) < (b.element.line, b.element.column, b.offset)
        }.map(\.element)
    }

    /// One line per issue, like a compiler's diagnostics.
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
