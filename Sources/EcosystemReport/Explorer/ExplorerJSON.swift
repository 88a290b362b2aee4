import Ecosystem

/// A JSON value written deterministically: object keys sorted by their UTF-8 bytes, numbers
/// through ``Ecosystem/NumberFormat/exact(_:)`` (locale-free, shortest round-tripping form;
/// NaN and infinities become `null`), no whitespace. The same value always gives the same
/// bytes, whatever the platform or locale.
///
/// The text is safe inside an HTML `<script type="application/json">` element: `<`, `>`
/// and `&` in strings are written as `\u003c`, `\u003e`, `\u0026`, so no `</script>` can
/// end the element early; U+2028 and U+2029 are escaped too.
public indirect enum ExplorerJSON: Sendable, Equatable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number; NaN and infinities are written as `null`.
    case number(Double)
    /// A string, escaped as described above.
    case string(String)
    /// An array, in order.
    case array([ExplorerJSON])
    /// An object, written with its keys sorted.
    case object([String: ExplorerJSON])

    /// A string, or `null` when `text` is `nil`.
    static func optional(_ text: String?) -> ExplorerJSON { text.map { .string($0) } ?? .null }

    /// A number, or `null` when `x` is `nil`.
    static func optional(_ x: Double?) -> ExplorerJSON { x.map { .number($0) } ?? .null }

    /// An array of strings.
    static func strings(_ items: [String]) -> ExplorerJSON { .array(items.map { .string($0) }) }

    /// The compact, deterministic text.
    /// - Complexity: `O(size of the value)` plus sorting each object's keys.
    public var text: String {
        var out = ""
        write(to: &out)
        return out
    }

    func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case let .bool(b): out += b ? "true" : "false"
        case let .number(x):
            if x.isFinite, let s = NumberFormat.exact(x) { out += s } else { out += "null" }
        case let .string(s): Self.quote(s, into: &out)
        case let .array(items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.write(to: &out)
            }
            out += "]"
        case let .object(members):
            out += "{"
            for (i, key) in members.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }).enumerated() {
                if i > 0 { out += "," }
                Self.quote(key, into: &out)
                out += ":"
                members[key]!.write(to: &out)
            }
            out += "}"
        }
    }

    static func quote(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                out += hexEscape(scalar.value)
            default:
                if scalar.value < 0x20 { out += hexEscape(scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        out += "\""
    }

    static func hexEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
