import Ecosystem
import Foundation

/// The box a map is laid out for, in PostScript points (1/72 inch): a paper size, a slide, or
/// a width and height given in millimetres or points.
///
/// A map for a page is drawn at print size: one SVG user unit is one point of the page, and
/// labels are at least ``minimumLabelPoints``. See ``EcosystemDiagram/pageFit(of:options:)``.
public struct PageSize: Sendable, Equatable {
    /// Width in points.
    public var width: Double
    /// Height in points.
    public var height: Double
    /// The name it was given by (`a4`, `16:9`, `160x120mm`).
    public var name: String

    /// The smallest label size a page map aims for, in points (a common minimum for printed
    /// figures, e.g. the Nature and IEEE figure guides' 7–8 pt).
    public static let minimumLabelPoints = 8.0

    /// Points per millimetre (72 / 25.4).
    public static let pointsPerMillimetre = 72.0 / 25.4

    /// The named boxes: ISO 216 A4 (210 × 297 mm) and A5 (148 × 210 mm), A4 landscape,
    /// US Letter (8.5 × 11 in), and a 16:9 slide (10 × 5.625 in, the size of PowerPoint's and
    /// Google Slides' widescreen page).
    public static let named: [(name: String, width: Double, height: Double)] = [
        ("a4", 210 * pointsPerMillimetre, 297 * pointsPerMillimetre),
        ("a4-landscape", 297 * pointsPerMillimetre, 210 * pointsPerMillimetre),
        ("a5", 148 * pointsPerMillimetre, 210 * pointsPerMillimetre),
        ("letter", 8.5 * 72, 11 * 72),
        ("16:9", 10 * 72, 5.625 * 72),
    ]

    /// A box as given, in points.
    public init(width: Double, height: Double, name: String) {
        self.width = width; self.height = height; self.name = name
    }

    /// Parses `a4`, `a4-landscape`, `a5`, `letter`, `16:9` or `WxH` with a unit `mm` or `pt`
    /// (`160x120mm`, `400x300pt`; the unit is required).
    /// - Parameter text: the page as written (case-insensitive).
    /// - Returns: the box, or `nil` when `text` names none; see ``problem(_:)`` for why.
    public init?(_ text: String) {
        guard Self.problem(text) == nil, let box = Self.parse(text) else { return nil }
        self = box
    }

    /// Why `text` is not a page, in words that list the valid choices, or `nil` when it is one.
    /// - Parameter text: the page as written.
    /// - Returns: a message, or `nil`.
    public static func problem(_ text: String) -> String? {
        if parse(text) != nil { return nil }
        let valid = named.map(\.name).joined(separator: ", ")
        return "'\(text)' is not a page: give one of \(valid), or WIDTHxHEIGHT in mm or pt (e.g. 160x120mm), "
            + "each side at least 50 mm (142 pt) and at most 2000 mm"
    }

    static func parse(_ text: String) -> PageSize? {
        let lower = text.lowercased().trimmingCharacters(in: .whitespaces)
        if let box = named.first(where: { $0.name == lower }) {
            return PageSize(width: box.width, height: box.height, name: box.name)
        }
        let unit: Double
        let digits: Substring
        if lower.hasSuffix("mm") { unit = pointsPerMillimetre; digits = lower.dropLast(2) }
        else if lower.hasSuffix("pt") { unit = 1; digits = lower.dropLast(2) }
        else { return nil }
        let parts = digits.split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let w = Double(parts[0]), let h = Double(parts[1]) else { return nil }
        let width = w * unit, height = h * unit
        // Smaller than 50 mm leaves no room for a legend at 8 pt; larger than 2 m is a poster
        // Graphviz draws anyway without a page.
        let lo = 50 * pointsPerMillimetre, hi = 2000 * pointsPerMillimetre
        guard width.isFinite, height.isFinite, (lo...hi).contains(width), (lo...hi).contains(height) else { return nil }
        return PageSize(width: width, height: height, name: lower)
    }

    /// Whether the box is taller than wide (the legend then goes below the map, else beside it).
    public var isPortrait: Bool { height > width }
}
