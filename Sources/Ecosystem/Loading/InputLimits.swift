import Foundation

/// The bounds every loader applies to what a file may hold, so that no later command meets a
/// value it cannot handle (`validate` then refuses what `render` or `gaps` would fail on).
///
/// Each bound is an error at the value's file, line and column, saying the bound. They are
/// constants: to raise one, change it here and rebuild (the README's "Limits" section lists
/// them and why each is where it is).
public enum InputLimits {
    /// Weights accepted: 1e-150 … 1e150. Sums and products of weights (path lengths,
    /// strengths, eigenvector iterations, parallel ties merged) stay finite and non-zero in
    /// `Double` only inside this range: two parallel ties of 1e308 merge to `inf`.
    public static let weights: ClosedRange<Double> = 1e-150...1e150
    /// Longest id, name, label, type or place, in characters (1,000). Graphviz lays out each
    /// label; labels of 1–2 MB took 16–40 s to render.
    public static let maxNameLength = 1_000
    /// Longest other text (title, description, attribute value, source), in characters
    /// (10,000).
    public static let maxTextLength = 10_000
    /// Most columns in the header of a CSV file or worksheet (1,000).
    public static let maxColumns = 1_000
    /// Most actors in one model (50,000): drawing and the exact measures grow faster than
    /// linearly; a 200,000-node edge list took minutes in `render` and `gaps`.
    public static let maxActors = 50_000
    /// The message and hint for a model with `count` actors, over ``maxActors``.
    /// - Parameter count: how many actors the model has (or would have).
    /// - Returns: "50,001 actors: more than the limit of 50,000 actors per model", and what
    ///   is valid, with how to raise the limit.
    public static func tooManyActors(_ count: Int) -> (message: String, valid: String) {
        ("\(grouped(count)) actors: more than the limit of \(grouped(maxActors)) actors per model",
         "a model has at most \(grouped(maxActors)) actors in every command (drawing and the exact measures grow faster than linearly); to raise the limit, change InputLimits.maxActors in Sources/Ecosystem/Loading/InputLimits.swift and rebuild")
    }

    /// `n` with a comma between groups of three digits (50,000).
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (k, c) in digits.enumerated() {
            if k > 0 && (digits.count - k) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }

    /// Most relations in one model (1,000,000).
    public static let maxRelations = 1_000_000

    /// Why `x` is no usable weight, or `nil` when it is one (positive, finite, in ``weights``).
    /// - Complexity: `O(1)`.
    public static func weightProblem(_ x: Double) -> String? {
        if x.isNaN { return "not a number" }
        if !x.isFinite { return "infinite" }
        if x <= 0 { return x == 0 ? "zero" : "negative" }
        if !weights.contains(x) { return x < weights.lowerBound ? "smaller than 1e-150" : "larger than 1e150" }
        return nil
    }

    /// " (larger than 1e150)" or " (smaller than 1e-150)" for a positive finite `x` outside
    /// ``weights``, else "" (the other problems are said the way each loader always has).
    public static func rangeNote(_ x: Double?) -> String {
        guard let x, x.isFinite, x > 0, !weights.contains(x) else { return "" }
        return " (\(weightProblem(x) ?? ""))"
    }

    /// What a valid weight is, for issues.
    public static let weightRule = "weight is a positive finite number from 1e-150 to 1e150 (tie strength, bigger = stronger), e.g. 1, 2 or 0.5"

    /// Why `text` cannot be used as the value of `key`, or `nil`: control characters (other
    /// than tab and line breaks; NUL and the like break Graphviz's DOT parser and XML), or
    /// longer than the key's bound.
    /// - Parameters:
    ///   - text: the value.
    ///   - key: the key it is written under (`id`, `name`, `label`, `type`, `from`, `to`,
    ///     `place` and `source`/`target` are names; anything else is long text).
    /// - Returns: the problem and what would be valid.
    /// - Complexity: `O(length of text)`.
    public static func textProblem(_ text: String, key: String) -> (message: String, valid: String)? {
        let isName = nameKeys.contains(key)
        let bound = isName ? maxNameLength : maxTextLength
        var count = 0
        for scalar in text.unicodeScalars {
            count += 1
            let v = scalar.value
            let allowedBreak = v == 0x09 || v == 0x0A || v == 0x0D
            if (v < 0x20 && !allowedBreak) || v == 0x7F || v == 0xFFFE || v == 0xFFFF {
                let shown = String(format: "U+%04X", v)
                return ("'\(key)' holds the control character \(shown) at character \(count)",
                        "text without control characters (tabs and line breaks are fine)")
            }
        }
        if count > bound {
            return ("'\(key)' is \(count) characters long, more than the limit of \(bound)",
                    isName ? "ids, names and labels have at most \(maxNameLength) characters" : "texts have at most \(maxTextLength) characters")
        }
        return nil
    }

    /// Keys whose values are names (at most ``maxNameLength`` characters).
    public static let nameKeys: Set<String> = ["id", "name", "label", "type", "from", "to", "place", "source", "target", "actor", "actors", "ids", "among", "grouping"]
}
