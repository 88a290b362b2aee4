import Foundation

/// The one place where numbers become text, for every writer and drawing of ecomap.
///
/// Each style is named for where it is used, so that two outputs that show the same number
/// show it the same way, and a change of style is made once. None of them depends on the
/// locale: the decimal separator is always `.`.
public enum NumberFormat {
    /// `x` with exactly `digits` decimals (trailing zeros kept, for alignment).
    /// - Parameters:
    ///   - x: the value.
    ///   - digits: decimals, `0...17`.
    /// - Returns: C's `%.<digits>f` of `x` (round half to even on the binary value), or `–`
    ///   (U+2013) when `x` is NaN or infinite.
    /// - Complexity: O(1).
    public static func decimals(_ x: Double, _ digits: Int = 3) -> String {
        x.isFinite ? printf(x, digits) : "–"
    }

    /// A change with an explicit sign and 3 decimals.
    /// - Parameter x: the change.
    /// - Returns: `+0.125` or `−0.125` (the minus is U+2212); `+0.000` for zero; `–` when `x`
    ///   is not finite.
    public static func signed(_ x: Double) -> String {
        x.isFinite ? (x >= 0 ? "+" : "−") + printf(abs(x), 3) : "–"
    }

    /// A share as a whole percentage.
    /// - Parameter x: a share (1 is 100%).
    /// - Returns: e.g. `25%` for 0.25 (`%.0f` of `100 x`); `–` when not finite.
    public static func percent(_ x: Double) -> String {
        x.isFinite ? printf(100 * x, 0) + "%" : "–"
    }

    /// The exact value, for files other programs read (CSV, JSON-like text).
    /// - Parameter x: the value.
    /// - Returns: `nil` for NaN (an empty cell, a null); `inf` / `-inf` for infinities; an
    ///   integral value below 1e15 in magnitude without a fraction (`12`); otherwise Swift's
    ///   shortest round-tripping form (`0.1`, `1e-20`), which reads back to the same `Double`.
    public static func exact(_ x: Double) -> String? {
        guard !x.isNaN else { return nil }
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return String(x)
    }

    /// A value in an aligned table for people.
    /// - Parameters:
    ///   - x: the value.
    ///   - decimals: decimals of a non-integral value.
    /// - Returns: `–` for NaN, `inf` / `-inf` for infinities, an integral value below 1e15 in
    ///   magnitude without decimals, otherwise `%.<decimals>f`.
    public static func table(_ x: Double, _ decimals: Int) -> String {
        guard x.isFinite else { return x.isNaN ? "–" : (x > 0 ? "inf" : "-inf") }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return printf(x, decimals)
    }

    /// A value in running text: at most 3 decimals, trailing zeros (and a bare point) dropped.
    /// - Parameter x: the value.
    /// - Returns: `12`, `0.5`, `0.125`; `–` for NaN and infinities.
    public static func brief(_ x: Double) -> String {
        guard x.isFinite else { return "–" }
        if x == x.rounded() && abs(x) < 1e15 { return String(Int64(x)) }
        var s = printf(x, 3)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s == "-0" ? "0" : s
    }

    /// A coordinate or size in DOT and SVG attributes: rounded to 3 decimals, without a
    /// trailing `.0`.
    /// - Parameter x: the value (inches, points).
    /// - Returns: e.g. `1.25`, `3`; Swift's shortest form for values of 1e12 and more in
    ///   magnitude and for non-finite values (which callers keep out of attributes).
    public static func attribute(_ x: Double) -> String {
        guard x.isFinite, abs(x) < 1e12 else { return String(x) }
        let rounded = (x * 1000).rounded() / 1000
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// `%.<digits>f` through Foundation, which formats without a locale (always `.`).
    static func printf(_ x: Double, _ digits: Int) -> String {
        String(format: "%.\(max(0, min(digits, 17)))f", x)
    }
}

/// English lists in sentences for people.
public enum EnglishList {
    /// "A", "A and B", "A, B and C", with "and k more" when items were left out.
    /// - Parameters:
    ///   - items: the items listed, in order.
    ///   - more: how many further items were left out (`> 0` appends "`more` more").
    /// - Returns: the English list; `none` when there is nothing at all.
    public static func joined(_ items: [String], more: Int = 0) -> String {
        var parts = items
        if more > 0 { parts.append("\(more) more") }
        switch parts.count {
        case 0: return "none"
        case 1: return parts[0]
        default: return parts.dropLast().joined(separator: ", ") + " and " + parts.last!
        }
    }
}
