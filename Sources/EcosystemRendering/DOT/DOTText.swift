/// Escaping of user text for the DOT language and for the SVG that Graphviz writes from it.
///
/// Graphviz reads a label in three passes, each of which can change user text:
/// 1. the DOT lexer ends a quoted string at `"` and treats `\"` as a quote;
/// 2. for plain labels, `\N`, `\G`, `\E`, `\T`, `\H`, `\L` expand to names and `\n`, `\l`,
///    `\r` break lines; `\\` is a backslash;
/// 3. entities such as `&amp;` or `&#38;` are decoded to characters (`htmlEntityUTF8`).
/// The SVG renderer then escapes `&`, `<`, `>`, `"` and `'` in text, so what reaches the SVG
/// is well-formed. Our escaping undoes passes 1–3: a backslash becomes `\\`, a quote `\"`, an
/// ampersand `&#38;` (decoded back to a literal `&` in pass 3, so `Acme &amp; Co` is shown
/// exactly as typed), and a line break the explicit `\n` escape.
public enum DOTText {
    /// `text` as a double-quoted DOT string whose label, once Graphviz has read it, is `text`
    /// exactly.
    /// - Parameter text: user text (any Unicode; line breaks allowed).
    /// - Returns: the quoted DOT string, quotes included.
    /// - Complexity: `O(text.count)`.
    public static func label(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for ch in text {
            switch ch {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "&": out += "&#38;"
            case "\n", "\r\n": out += "\\n"
            case "\r": out += "\\n"
            default: out.append(ch)
            }
        }
        return out + "\""
    }

    /// `text` as a double-quoted DOT string for attributes that are not escString labels
    /// (colours, styles, fonts, generated ids): only the lexer's quote and backslash are escaped.
    /// - Parameter text: the attribute value.
    /// - Returns: the quoted DOT string, quotes included.
    /// - Complexity: `O(text.count)`.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for ch in text {
            switch ch {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n", "\r", "\r\n": out += " "
            default: out.append(ch)
            }
        }
        return out + "\""
    }

    /// Text for inside an HTML-like label (`<…>`): XML-escaped, and a backslash doubled.
    /// Graphviz decodes the entities, then expands `\N`, `\G`, … and `\\` in the text as in
    /// plain labels (so `C:\Node` would show the node's name), and escapes again on output, so
    /// the text is shown exactly as typed.
    /// - Parameter text: user text.
    /// - Returns: the escaped text (no surrounding `<…>`).
    /// - Complexity: `O(text.count)`.
    public static func html(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "\\": out += "\\\\"
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\r", "\r\n": out += "<BR/>"
            default: out.append(ch)
            }
        }
        return out
    }

    /// `text` as a double-quoted DOT string for a `tooltip`, which Graphviz reads with one more
    /// level of backslash processing than a label: a backslash is written as four. Tooltips are
    /// also rewritten exactly by ``SVGFinisher``, so this matters only for other consumers of
    /// the DOT.
    /// - Parameter text: user text.
    /// - Returns: the quoted DOT string, quotes included.
    /// - Complexity: `O(text.count)`.
    public static func tooltip(_ text: String) -> String {
        var out = "\""
        for ch in text {
            switch ch {
            case "\\": out += "\\\\\\\\"
            case "\"": out += "\\\""
            case "\n", "\r\n", "\r": out += " "
            default: out.append(ch)
            }
        }
        return out + "\""
    }

    /// A stable identifier derived from `text` that is safe in DOT, in an XML attribute and in a
    /// CSS selector: ASCII letters, digits, `-` and `_` are kept; every other byte of the UTF-8
    /// encoding becomes `_` followed by two hex digits. Distinct inputs give distinct outputs.
    ///
    /// - Parameters:
    ///   - text: any text (an actor, relation or group id).
    ///   - prefix: prepended so the result starts with a letter (e.g. `actor-`); not escaped.
    /// - Returns: `prefix` followed by the escaped text.
    /// - Complexity: `O(text.utf8.count)`.
    public static func identifier(_ text: String, prefix: String) -> String {
        var out = prefix
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
                out.append(Character(UnicodeScalar(byte)))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "_" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }

    /// Breaks `text` into lines of at most `width` characters at spaces (a longer word stays
    /// whole). Used for node labels so long Dutch names do not make very wide nodes.
    /// - Parameters:
    ///   - text: the label text.
    ///   - width: the line length in characters (`≥ 1`).
    /// - Returns: the text with some spaces replaced by line breaks (`\n`).
    /// - Complexity: `O(text.count)`.
    public static func wrapped(_ text: String, width: Int) -> String {
        guard text.count > width else { return text }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.joined(separator: "\n")
    }
}
