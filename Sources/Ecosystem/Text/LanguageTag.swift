/// Language tags of model files: the shape of BCP 47 (Phillips & Davis 2009, RFC 5646,
/// doi:10.17487/RFC5646), checked by syntax only (no registry look-up).
///
/// Accepted: a primary language subtag of 2–3 letters (ISO 639, e.g. `nl`, `en`, `fry`), then
/// any number of `-`-separated subtags of 1–8 letters or digits (script `Latn`, region `NL` or
/// `419`, variants, extensions such as `x-private`). Private-use tags starting `x-` are
/// accepted too. The 5–8-letter primary subtags RFC 5646 reserves for future registration
/// are refused (none is registered), so that `dutch` or `english` is caught as a mistake. The case is kept as written
/// (BCP 47 tags are case-insensitive).
public enum LanguageTag {
    /// The default language of a model that does not declare one.
    public static let defaultTag = "en"

    /// What a valid tag looks like, for error messages.
    public static let rule = "a BCP 47 language tag such as en, nl, de, fr, en-GB or pt-BR (RFC 5646): 2–3 letters, then optional '-' subtags of 1–8 letters or digits"

    /// Whether `tag` has the syntax of a BCP 47 language tag (see the type's rules).
    /// - Parameter tag: the text as written.
    /// - Returns: `true` for e.g. `nl`, `en-GB`, `zh-Hant-TW`, `x-klingon`; `false` for `""`,
    ///   `dutch`, `english`, `nl_NL`, `n`, `nl-`.
    /// - Complexity: `O(tag.count)`.
    public static func isValid(_ tag: String) -> Bool {
        let subtags = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = subtags.first, !tag.isEmpty else { return false }
        func isAlpha(_ s: Substring) -> Bool { s.allSatisfy { $0.isASCII && $0.isLetter } }
        func isAlnum(_ s: Substring) -> Bool { s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
        let rest = subtags.dropFirst()
        guard rest.allSatisfy({ (1...8).contains($0.count) && isAlnum($0) }) else { return false }
        if first.lowercased() == "x" { return !rest.isEmpty }
        return isAlpha(first) && (2...3).contains(first.count)
    }
}
