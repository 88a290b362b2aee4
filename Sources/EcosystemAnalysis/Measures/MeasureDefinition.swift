import NetworkAnalysis

/// One entry of the catalog: a snake_case name (as in the CLI and JSON), its level, a
/// one-line convention for `--help`, and how to compute it.
public struct MeasureDefinition: Sendable {
    /// The snake_case name (`betweenness`, `global_efficiency`, ...), as `--measures` takes it.
    public let name: String
    /// What the measure gives a value for.
    public let level: MeasureLevel
    /// The convention in one line: formula, normalization, weights, reference.
    public let convention: String
    let node: (@Sendable (MeasureInput) throws -> [Double])?
    let network: (@Sendable (MeasureInput) throws -> Double)?
    let edge: (@Sendable (MeasureInput) throws -> [Double])?
    let pair: LinkPredictor?

    /// Whether the values are labels (community or component numbers), not quantities: a mean
    /// or a ranking of them means nothing, so ``UncertaintyAnalysis`` refuses them.
    public var isCategorical: Bool { ["louvain", "leiden", "component", "strong_component"].contains(name) }

    static func node(_ name: String, _ convention: String, _ compute: @escaping @Sendable (MeasureInput) throws -> [Double]) -> MeasureDefinition {
        MeasureDefinition(name: name, level: .node, convention: convention, node: compute, network: nil, edge: nil, pair: nil)
    }

    static func network(_ name: String, _ convention: String, _ compute: @escaping @Sendable (MeasureInput) throws -> Double) -> MeasureDefinition {
        MeasureDefinition(name: name, level: .network, convention: convention, node: nil, network: compute, edge: nil, pair: nil)
    }

    static func edge(_ name: String, _ convention: String, _ compute: @escaping @Sendable (MeasureInput) throws -> [Double]) -> MeasureDefinition {
        MeasureDefinition(name: name, level: .edge, convention: convention, node: nil, network: nil, edge: compute, pair: nil)
    }
}
