import Foundation

extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)`, without Foundation's bridging when there is
    /// nothing to trim: when the first and last UTF-8 bytes are ASCII and neither space nor tab,
    /// the text is returned as it is; otherwise Foundation trims it (so the result is always
    /// exactly Foundation's, Unicode spaces such as U+00A0 included).
    /// - Complexity: `O(1)` on the fast path, `O(n)` otherwise.
    public func trimmedWhitespace() -> String { trimmed(newlines: false) }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, with the fast path of
    /// ``trimmedWhitespace()`` (here also U+000A–U+000D count as white space).
    /// - Complexity: `O(1)` on the fast path, `O(n)` otherwise.
    public func trimmedWhitespaceAndNewlines() -> String { trimmed(newlines: true) }

    private func trimmed(newlines: Bool) -> String {
        let bytes = utf8
        guard let first = bytes.first, let last = bytes.last else { return "" }
        @inline(__always) func plain(_ b: UInt8) -> Bool {
            b < 0x80 && b != 0x20 && b != 0x09 && !(newlines && b >= 0x0A && b <= 0x0D)
        }
        if plain(first) && plain(last) { return String(self) }
        return trimmingCharacters(in: newlines ? .whitespacesAndNewlines : .whitespaces)
    }
}
