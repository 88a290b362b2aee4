import CYaml

/// A pass over libyaml's events before Yams builds its node tree, bounding the work that
/// aliases can cause and placing duplicate keys at the duplicate.
///
/// Why: an alias (`*name`) repeats the node its anchor (`&name`) marks without copying it, so
/// a few hundred bytes of nested anchors stand for billions of nodes (the "billion laughs"
/// pattern). Yams keeps them shared, but it hashes every mapping key to find duplicates, and
/// hashing a key that is an alias walks its whole expansion: a 415-byte document with `? *l8`
/// took 50 s. Every reader of the tree that walks it (our loaders) would pay the same.
///
/// What is counted: each event of the document is one node; an alias counts as the number of
/// nodes its anchor expands to. The document is refused, at the alias that goes over, when the
/// nodes reached through aliases exceed ``maxAliasExpansion``. Nesting deeper than 1,000 levels
/// is refused by libyaml itself. Scalar keys that repeat in one mapping are reported at the
/// repetition (Yams reports the first occurrence).
///
/// - Complexity: `O(events)`: one pass of libyaml's parser, constant work per event.
/// - Reference: libyaml's event API (`yaml_parser_parse`), pyyaml.org/wiki/LibYAML.
enum YAMLPrescan {
    /// Most nodes that aliases may add to a document by repeating what an anchor marks
    /// (1,000,000). A model with a few shared blocks (`attributes: *common`) stays far below.
    static let maxAliasExpansion = 1_000_000

    /// A problem found: 1-based position and the message.
    struct Finding: Error {
        let line: Int, column: Int, message: String, valid: String
    }

    private struct Frame {
        var size = 1
        var anchor: String?
        var isMapping: Bool
        var expectKey = true
        var keys: [String: Int] = [:]   // key text (with kind) → line of first occurrence
    }

    /// Scans `text`; returns the first finding, or `nil`. Documents libyaml cannot parse return
    /// `nil` (the composer reports the syntax error with its own position).
    static func scan(_ text: String) -> Finding? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        if bytes.isEmpty { return nil }
        return bytes.withUnsafeMutableBufferPointer { buffer -> Finding? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var sizes: [String: Int] = [:]
            var stack: [Frame] = []
            var expanded = 0
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                let type = event.type
                if type == YAML_STREAM_END_EVENT { return nil }
                let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
                // A node just finished (scalar, alias, or the end of a collection): its size.
                var finished: (size: Int, anchor: String?, key: String?)?
                switch type {
                case YAML_SCALAR_EVENT:
                    let value = string(event.data.scalar.value, length: event.data.scalar.length) ?? ""
                    let plain = event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE
                    finished = (1, string(event.data.scalar.anchor), keyText(value, plain: plain))
                case YAML_ALIAS_EVENT:
                    let name = string(event.data.alias.anchor) ?? ""
                    let size = sizes[name] ?? 1
                    expanded += size
                    if expanded > maxAliasExpansion {
                        return Finding(
                            line: line, column: column,
                            message: "aliases expand the document to more than \(maxAliasExpansion) nodes (alias '*\(name)' repeats \(size))",
                            valid: "write the repeated values out, or use fewer nested aliases (at most \(maxAliasExpansion) nodes through aliases)")
                    }
                    finished = (size, nil, nil)
                case YAML_SEQUENCE_START_EVENT:
                    stack.append(Frame(anchor: string(event.data.sequence_start.anchor), isMapping: false))
                case YAML_MAPPING_START_EVENT:
                    stack.append(Frame(anchor: string(event.data.mapping_start.anchor), isMapping: true))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    if let frame = stack.popLast() { finished = (frame.size, frame.anchor, nil) }
                default:
                    break
                }
                guard let node = finished else { continue }
                if let anchor = node.anchor { sizes[anchor] = node.size }
                guard !stack.isEmpty else { continue }
                stack[stack.count - 1].size = min(stack[stack.count - 1].size + node.size, Int.max / 4)
                if stack[stack.count - 1].isMapping {
                    if stack[stack.count - 1].expectKey, let key = node.key {
                        if let first = stack[stack.count - 1].keys[key] {
                            return Finding(line: line, column: column,
                                           message: "duplicate key '\(key.dropFirst())' in one mapping",
                                           valid: "each key may appear only once in a mapping; '\(key.dropFirst())' is first written at line \(first)")
                        }
                        stack[stack.count - 1].keys[key] = line
                    }
                    stack[stack.count - 1].expectKey.toggle()
                }
            }
        }
    }

    /// A scalar key as Yams compares keys: text with its resolved kind (a plain `1` is a
    /// number, a quoted `"1"` is text); `nil` for plain values that resolve to something other
    /// than text or a number (booleans, nulls), which are left to Yams.
    private static func keyText(_ value: String, plain: Bool) -> String? {
        guard plain else { return "s" + value }
        let lower = value.lowercased()
        if ["", "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n"].contains(lower) { return nil }
        if value.first == "<" || value.first == "=" { return nil }
        return (Double(value) != nil || Int(value) != nil ? "n" : "s") + value
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int? = nil) -> String? {
        guard let pointer else { return nil }
        if let length {
            return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
        }
        return String(cString: pointer)
    }
}
