import Foundation

extension String {
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
        guard let first = utf8.first, let last = utf8.last else { return "" }
        if plainEnd(first, newlines) && plainEnd(last, newlines) { return self }
        return trimmingCharacters(in: newlines ? .whitespacesAndNewlines : .whitespaces)
    }
}

extension Substring {
    /// ``Swift/String/trimmedWhitespace()`` for a substring.
    public func trimmedWhitespace() -> String { trimmed(newlines: false) }

    /// ``Swift/String/trimmedWhitespaceAndNewlines()`` for a substring.
    public func trimmedWhitespaceAndNewlines() -> String { trimmed(newlines: true) }

    private func trimmed(newlines: Bool) -> String {
        guard let first = utf8.first, let last = utf8.last else { return "" }
        if plainEnd(first, newlines) && plainEnd(last, newlines) { return String(self) }
        return trimmingCharacters(in: newlines ? .whitespacesAndNewlines : .whitespaces)
    }
}

/// An end byte that no trimming removes: ASCII, neither space nor tab (nor a line end).
@inline(__always) private func plainEnd(_ b: UInt8, _ newlines: Bool) -> Bool {
    b < 0x80 && b != 0x20 && b != 0x09 && !(newlines && b >= 0x0A && b <= 0x0D)
}
