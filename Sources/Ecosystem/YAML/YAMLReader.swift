import Yams

/// The one reader of ecomap's YAML (and JSON) files: models, scenarios, rules and diagram
/// themes. It walks the node tree that `Yams.compose` builds (instead of decoding into
/// `Codable` types), so that every problem is found, not only the first, and each one points
/// at the exact value at fault: `file:line:column: error: message; what would be valid`.
///
/// Use: ``compose(_:file:)`` the text, then read the tree with the typed accessors. Accessors
/// that take a `what` describe the value in the file's own words ("relation 'r7'") and
/// ``report(_:id:_:valid:)`` what is wrong; they return `nil` for a value that cannot be used,
/// and reading goes on. Accessors without `what` (``string(_:)``, ``list(_:)``,
/// ``entries(_:)``, ``bool(_:)``, ``number(_:)``) only look; the caller words the issue. When
/// the walk is done, the loader throws its error with ``issues`` if there are any.
///
/// Conventions, the same for every file: positions are 1-based, columns count Unicode scalars
/// (libyaml's convention, which Yams reports); an absent key and a YAML null (`~`, `null` or
/// nothing) are the same; a number is a YAML int or float (`2`, `0.5`, `.nan`, `.inf`), so a
/// quoted `"2"` is text; a boolean is a YAML bool (`true`/`false`, also `yes`/`no`), so a
/// quoted `"true"` is text.
///
/// Reference: YAML 1.1 and 1.2 (yaml.org/spec); Yams (github.com/jpsim/Yams), over libyaml.
public struct YAMLReader {
    /// The file as the caller named it, used in every issue.
    public let file: String
    /// The issues reported so far, in the order they were found.
    public private(set) var issues: [ModelIssue] = []

    /// A reader that reports issues against `file`.
    /// - Parameter file: a path or a label such as `"<stdin>"`.
    public init(file: String) { self.file = file }

    // MARK: - Parsing

    /// A text that is not well-formed YAML, with the issue to show and the parser's own words.
    public struct SyntaxError: Error, Sendable {
        /// Where the parser stopped and why, worded like every other issue
        /// ("malformed YAML: …", "duplicate key …").
        public let issue: ModelIssue
        /// The parser's message as Yams describes it (for loaders that word syntax errors
        /// their own way).
        public let parserMessage: String
    }

    /// The root of a document that must not be empty, for the loaders (model, scenario):
    /// ``compose(_:file:)`` with its syntax error, and an empty document, as ``ModelError``.
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - file: the name used in issues.
    ///   - what: what the file is ("model", "scenario"), for the empty-file message.
    ///   - keys: the top-level keys a document of that kind has, for the same message.
    /// - Returns: the root node.
    /// - Throws: ``ModelError`` with the syntax error, or "the <what> file is empty" at 1:1.
    /// - Complexity: as ``compose(_:file:)``.
    public static func document(_ text: String, file: String, what: String, keys: [String]) throws(ModelError) -> Node {
        let root: Node?
        do {
            root = try compose(text, file: file)
        } catch {
            throw ModelError(issues: [error.issue])
        }
        guard let root else {
            throw ModelError(issues: [ModelIssue(
                file: file, line: 1, column: 1, message: "the \(what) file is empty",
                valid: "a \(what) is a mapping with keys \(Suggestions.quoted(keys))")])
        }
        return root
    }

    /// Parses `text` into a node tree.
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - file: the name used in the issue.
    /// - Returns: the root node, or `nil` for a document without content (empty, or only
    ///   comments).
    /// - Throws: ``SyntaxError`` for malformed YAML, duplicate keys in a mapping, and text
    ///   libyaml cannot read (control characters), with the position the parser gives.
    /// - Complexity: linear in the length of `text`.
    public static func compose(_ text: String, file: String) throws(SyntaxError) -> Node? {
        let text = commentBreaksAsSpaces(text)
        if let finding = YAMLPrescan.scan(text) {
            throw SyntaxError(issue: ModelIssue(file: file, line: finding.line, column: finding.column,
                                                message: finding.message, valid: finding.valid),
                              parserMessage: finding.message)
        }
        do {
            return try Yams.compose(yaml: text)
        } catch {
            throw SyntaxError(issue: syntaxIssue(error, text: text, file: file), parserMessage: "\(error)")
        }
    }

    /// `text` with the line breaks of YAML 1.1 that editors do not show as breaks (NEL U+0085,
    /// LINE SEPARATOR U+2028, PARAGRAPH SEPARATOR U+2029) replaced by spaces where they stand in
    /// a comment, so that they do not shift the line numbers of everything after them. A
    /// comment is a `#` at the start of a line or after a space or tab, on a line with no quote
    /// before it. Complexity: `O(length)`; the text is returned as is when it has none of them.
    static func commentBreaksAsSpaces(_ text: String) -> String {
        let odd: Set<Unicode.Scalar> = ["\u{85}", "\u{2028}", "\u{2029}"]
        guard text.unicodeScalars.contains(where: { odd.contains($0) }) else { return text }
        var out = String.UnicodeScalarView()
        var inComment = false, quoteSeen = false, previous: Unicode.Scalar = "\n"
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n", "\r": inComment = false; quoteSeen = false
            case "\"", "'": if !inComment { quoteSeen = true }
            case "#": if !inComment, !quoteSeen, previous == " " || previous == "\t" || previous == "\n" || previous == "\r" { inComment = true }
            default: break
            }
            previous = scalar
            out.append(inComment && odd.contains(scalar) ? " " : scalar)
        }
        return String(out)
    }

    /// Converts an error thrown by Yams into an issue with a position.
    static func syntaxIssue(_ error: any Error, text: String, file: String) -> ModelIssue {
        func context(_ c: YamlError.Context?) -> String {
            guard let c else { return "" }
            return " (\(c.text) at line \(c.mark.line), column \(c.mark.column))"
        }
        guard let yamlError = error as? YamlError else {
            return ModelIssue(file: file, line: 1, column: 1, message: "malformed YAML: \(error)")
        }
        switch yamlError {
        case let .scanner(c, problem, mark, _), let .parser(c, problem, mark, _), let .composer(c, problem, mark, _):
            return ModelIssue(
                file: file, line: mark.line, column: mark.column, message: "malformed YAML: \(problem)\(context(c))",
                valid: "check indentation, ':' after keys, '- ' before list items, and matching quotes and brackets")
        case let .duplicatedKeysInMapping(duplicates, c):
            return ModelIssue(
                file: file, line: c.mark.line, column: c.mark.column,
                message: "duplicate key \(Suggestions.quoted(duplicates)) in one mapping",
                valid: "each key may appear only once in a mapping")
        case let .reader(problem, offset, _, _):
            var line = 1, column = 1
            if let offset {
                for ch in text.prefix(offset) {
                    if ch == "\n" || ch == "\r\n" { line += 1; column = 1 } else { column += 1 }
                }
            }
            return ModelIssue(file: file, line: line, column: column, message: "cannot read the text: \(problem)",
                              valid: "save the file as UTF-8 without control characters")
        default:
            return ModelIssue(file: file, line: 1, column: 1, message: "malformed YAML: \(yamlError)")
        }
    }

    // MARK: - Reporting

    /// Records an issue at `node`'s position (line and column 0 when there is no node).
    /// - Parameters:
    ///   - node: the value at fault, or `nil` for the file as a whole.
    ///   - id: the id of the entity concerned, when known.
    ///   - message: what is wrong.
    ///   - valid: what would be valid, or `nil`.
    /// - Complexity: `O(1)` amortized.
    public mutating func report(_ node: Node?, id: String?, _ message: String, valid: String?) {
        let mark = node?.mark
        issues.append(ModelIssue(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0,
                                 id: id, message: message, valid: valid))
    }

    /// `node`'s place in the file (line and column 0 without a node).
    /// - Complexity: `O(1)`.
    public func position(_ node: Node?) -> SourcePosition {
        SourcePosition(file: file, line: node?.mark?.line ?? 0, column: node?.mark?.column ?? 0)
    }

    // MARK: - Looking (no issue is reported)

    /// The text of a scalar as written (numbers and dates keep their spelling; null is `~`,
    /// `null` or empty as written), or `nil` for a mapping, sequence or alias.
    public func string(_ node: Node) -> String? { node.scalar?.string }

    /// The items of a sequence, or `nil` when `node` is not one.
    public func list(_ node: Node) -> [Node]? { node.sequence.map(Array.init) }

    /// The `key: value` pairs of a mapping in file order (a key that is not text is `""`),
    /// or `nil` when `node` is not a mapping.
    public func entries(_ node: Node) -> [YAMLEntry]? {
        node.mapping.map { $0.map { YAMLEntry(key: $0.key.string ?? "", keyNode: $0.key, value: $0.value) } }
    }

    /// A YAML boolean (`true`, `false`, `yes`, `no`, … unquoted), or `nil` for anything else.
    public func bool(_ node: Node) -> Bool? { node.hasTag(.bool) ? node.bool : nil }

    /// A numeric scalar (YAML int or float, including `.nan` and `.inf`), or nil for anything else
    /// (quoted text, booleans, mappings...).
    public func number(_ node: Node) -> Double? {
        guard case let .scalar(s) = node, node.hasTag(.int) || node.hasTag(.float) else { return nil }
        if node.hasTag(.int), let i = node.int { return Double(i) }
        return Double.construct(from: s)
    }

    /// The `id` of a mapping, read without reporting anything (to name the entity in issues).
    public func peekID(_ node: Node) -> String? {
        guard case let .mapping(m) = node, let v = m["id"], case let .scalar(s) = v, !v.hasTag(.null),
              !s.string.isEmpty else { return nil }
        return s.string
    }

    // MARK: - Reading (issues are reported)

    /// Checks that `node` is a mapping with only `allowed` keys and all `required` keys.
    ///
    /// An unknown key is reported with the valid keys and, when one is very likely meant, "did
    /// you mean" (``Suggestions/likelyMeant(_:in:)``); a required key that is absent or null is
    /// reported at the mapping (or at the null value).
    /// - Parameters:
    ///   - node: the value to read.
    ///   - what: the value in the file's words, e.g. "relation 'r7'".
    ///   - id: the entity's id for the issues, when known.
    ///   - allowed: the keys the mapping may have.
    ///   - required: the keys it must have (a subset of `allowed`).
    ///   - expected: an example of a valid value, for the issue when `node` is no mapping.
    ///   - partial: whether to return the fields even when a required key is missing.
    /// - Returns: the fields with known keys; `nil` when `node` is not a mapping or, unless
    ///   `partial`, when a required key is missing.
    /// - Complexity: `O(keys · allowed)`, plus edit distances for unknown keys.
    public mutating func fields(
        _ node: Node, what: String, id: String?, allowed: [String], required: [String], expected: String,
        partial: Bool = false
    ) -> YAMLFields? {
        guard case let .mapping(m) = node else {
            report(node, id: id, "\(what) must be a mapping, found \(kindName(node))", valid: "write \(expected)")
            return nil
        }
        var entries: [YAMLEntry] = []
        for (k, v) in m {
            guard case let .scalar(ks) = k else {
                report(k, id: id, "keys of \(what) must be text, found \(kindName(k))",
                       valid: "valid keys: \(Suggestions.quoted(allowed))")
                continue
            }
            guard allowed.contains(ks.string) else {
                let hint = Suggestions.likelyMeant(ks.string, in: allowed).map { "did you mean '\($0)'? " } ?? ""
                report(k, id: id, "unknown key '\(ks.string)' in \(what)", valid: "\(hint)valid keys: \(Suggestions.quoted(allowed))")
                continue
            }
            entries.append(YAMLEntry(key: ks.string, keyNode: k, value: v))
        }
        let f = YAMLFields(node: node, entries: entries)
        var complete = true
        for key in required where f.value(key) == nil {
            complete = false
            let present = entries.first { $0.key == key }
            report(present?.value ?? node, id: id,
                   present == nil ? "\(what) is missing required key '\(key)'" : "\(what) has an empty '\(key)'",
                   valid: "required keys: \(Suggestions.quoted(required))")
        }
        return complete || partial ? f : nil
    }

    /// A text field: any scalar, as written (numbers and dates keep their spelling); `nil` when
    /// absent or null. Reports mappings and sequences, blank ids (`id`, `from`, `to`, `type`),
    /// and text over ``InputLimits`` (control characters, too long).
    /// - Complexity: `O(length of the value)`.
    public mutating func text(_ f: YAMLFields, _ key: String, what: String, id: String?) -> String? {
        guard let v = f.value(key) else { return nil }
        guard case let .scalar(s) = v else {
            report(v, id: id, "'\(key)' of \(what) must be text, found \(kindName(v))",
                   valid: "write a single value, e.g. '\(key): some text'")
            return nil
        }
        if key == "id" || key == "from" || key == "to" || key == "type", s.string.trimmingCharacters(in: .whitespaces).isEmpty {
            report(v, id: id, "'\(key)' of \(what) is empty", valid: "ids are non-empty text")
            return nil
        }
        if let problem = InputLimits.textProblem(s.string, key: key) {
            report(v, id: id, "\(problem.message) in \(what)", valid: problem.valid)
            return nil
        }
        return s.string
    }

    /// A single text or a sequence of texts under `key` (`ids: dip` or `ids: [dip, mrdh]`);
    /// `nil` when absent. Items that are not text are reported and left out.
    /// - Complexity: `O(items)`.
    public mutating func strings(_ f: YAMLFields, _ key: String, what: String, id: String?) -> [String]? {
        guard let v = f.value(key) else { return nil }
        func checked(_ s: String, _ node: Node) -> Bool {
            guard let problem = InputLimits.textProblem(s, key: key) else { return true }
            report(node, id: id, "\(problem.message) in \(what)", valid: problem.valid)
            return false
        }
        switch v {
        case let .scalar(s): return checked(s.string, v) ? [s.string] : []
        case let .sequence(items):
            var result: [String] = []
            for item in items {
                if case let .scalar(s) = item { if checked(s.string, item) { result.append(s.string) } } else {
                    report(item, id: id, "'\(key)' of \(what) must list texts, found \(kindName(item))",
                           valid: "write '\(key): [a, b]' or '\(key): a'")
                }
            }
            return result
        default:
            report(v, id: id, "'\(key)' of \(what) must be a text or a list of texts, found \(kindName(v))",
                   valid: "write '\(key): [a, b]' or '\(key): a'")
            return nil
        }
    }

    /// The sequence under `key`, or nil when absent or (reported) not a sequence.
    /// - Parameter what: the items in the file's words, e.g. "actors".
    /// - Complexity: `O(items)`.
    public mutating func items(_ f: YAMLFields, _ key: String, what: String) -> [Node]? {
        guard let v = f.value(key) else { return nil }
        guard case let .sequence(s) = v else {
            report(v, id: nil, "'\(key)' must be a sequence of \(what), found \(kindName(v))",
                   valid: "write each item on its own line starting with '- ', or as a JSON array")
            return nil
        }
        return Array(s)
    }

    /// Reports every id after its first occurrence, naming the line of the first.
    /// - Parameters:
    ///   - ids: ids with the node where each is written, in file order.
    ///   - kind: what they identify, e.g. "actor".
    /// - Complexity: `O(ids)` expected.
    public mutating func checkUnique(_ ids: [(String, Node)], kind: String) {
        var first: [String: Node] = [:]
        for (id, node) in ids {
            if let earlier = first[id] {
                report(node, id: id, "duplicate \(kind) id '\(id)'",
                       valid: "\(kind) ids must be unique; '\(id)' is first declared at line \(earlier.mark?.line ?? 0)")
            } else {
                first[id] = node
            }
        }
    }

    // MARK: - Describing values in issues

    /// A scalar as written (`''` when empty), or the kind of a non-scalar ("a mapping").
    public func scalarText(_ node: Node) -> String {
        if case let .scalar(s) = node { return s.string.isEmpty ? "''" : s.string }
        return kindName(node)
    }

    /// A scalar quoted (`'abc'`), or the kind of a non-scalar ("a mapping").
    public func describe(_ node: Node) -> String {
        if case let .scalar(s) = node { return "'\(s.string)'" }
        return kindName(node)
    }

    /// What a node is, for "found …": "an empty value", "the value 'x'", "a mapping", "a
    /// sequence" or "an alias".
    public func kindName(_ node: Node) -> String {
        switch node {
        case let .scalar(s): return node.hasTag(.null) ? "an empty value" : "the value '\(s.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a sequence"
        case .alias: return "an alias"
        }
    }
}

/// One `key: value` pair of a mapping, with the key's node for positions.
public struct YAMLEntry {
    /// The key's text.
    public let key: String
    /// The key's node (where an unknown key is reported).
    public let keyNode: Node
    /// The value's node.
    public let value: Node
}

/// The pairs of a mapping whose keys were all checked against the allowed list
/// (``YAMLReader/fields(_:what:id:allowed:required:expected:partial:)``).
public struct YAMLFields {
    /// The mapping itself (where a missing key is reported).
    public let node: Node
    /// The pairs with allowed keys, in file order.
    public let entries: [YAMLEntry]
    /// The value of `key`, unless absent or YAML null (`~`, `null` or empty).
    /// - Complexity: `O(entries)`.
    public func value(_ key: String) -> Node? {
        guard let v = entries.first(where: { $0.key == key })?.value else { return nil }
        if case let .scalar(s) = v, v.hasTag(.null), s.style == .any || s.style == .plain { return nil }
        return v
    }
}

extension Node {
    /// Whether the node's resolved tag is `name` (Yams keeps `Tag.name` internal; its raw value is public).
    func hasTag(_ name: Tag.Name) -> Bool { tag.rawValue == name.rawValue }
}
