/// Text for XML documents: one escaping for every XML ecomap writes (SVG, GEXF, GraphML, the
/// xlsx parts, HTML).
public enum XMLText {
    /// `text` escaped for XML element content and attribute values (in either quote).
    ///
    /// `&`, `<`, `>` and `"` become entities, `'` becomes `&#39;` (also valid in HTML 4);
    /// tab, line feed and carriage return become character references, so attribute-value
    /// normalization (XML 1.0 §3.3.3) cannot turn them into spaces and a reader gets them
    /// back; the other characters XML 1.0 forbids (controls below U+0020, U+FFFE, U+FFFF)
    /// are dropped.
    /// - Parameter text: any text.
    /// - Returns: the escaped text.
    /// - Complexity: `O(text.unicodeScalars.count)`.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t": out += "&#9;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
