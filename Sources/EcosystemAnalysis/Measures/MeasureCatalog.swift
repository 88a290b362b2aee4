/// Every measure `ecomap analyze` offers, in the order `--help` lists them. The formulas,
/// conventions and references are in the doc comments of the `NetworkAnalysis` functions that
/// compute them; this catalog only maps names to those functions. The entries are listed by
/// level, one file each: `MeasureCatalog+NodeMeasures.swift`, `+EdgeMeasures`, `+PairMeasures`,
/// `+NetworkMeasures` (a new measure goes into the file of its level).
public enum MeasureCatalog {
    /// Every measure: node measures, then edge, pair and network measures, each in `--help` order.
    public static let all: [MeasureDefinition] = nodeMeasures + edgeMeasures + pairMeasures + networkMeasures + researchMeasures

    /// The definition named `name`, if any.
    /// - Parameter name: a snake_case measure name (exact, case-sensitive).
    /// - Returns: the definition, or `nil` for an unknown name.
    /// - Complexity: `O(measures)`.
    public static func named(_ name: String) -> MeasureDefinition? { all.first { $0.name == name } }

    /// Lines `- name: convention` for `--help` (one per measure, so wrapped lines stay readable).
    /// - Parameter level: which measures to list.
    /// - Returns: the lines joined by newlines, in catalog order.
    public static func helpText(level: MeasureLevel) -> String {
        all.filter { $0.level == level }.map { "- \($0.name): \($0.convention)" }.joined(separator: "\n")
    }

    /// A Markdown table `| measure | level | convention |` of the whole catalog, for the README.
    /// - Returns: the table, one row per measure in catalog order, `|` in conventions escaped.
    public static func markdownTable() -> String {
        var lines = ["| measure | level | convention |", "|---|---|---|"]
        for definition in all {
            lines.append("| `\(definition.name)` | \(definition.level.rawValue) | \(definition.convention.replacingOccurrences(of: "|", with: "\\|")) |")
        }
        return lines.joined(separator: "\n")
    }

    /// Counts and labels as measure values.
    static func doubles(_ xs: [Int]) -> [Double] { xs.map(Double.init) }
}
