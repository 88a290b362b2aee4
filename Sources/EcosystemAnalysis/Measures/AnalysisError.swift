import Ecosystem
import NetworkAnalysis

/// Errors of the analysis layer.
public enum AnalysisError: Error, CustomStringConvertible {
    /// A measure name that is not in ``MeasureCatalog`` (or not of a level the caller accepts),
    /// with the names that would be valid there.
    case unknownMeasure(String, valid: [String])
    /// A measure (or analysis step, by name) failed with the ``GraphError``, e.g. a weight
    /// without a path length.
    case measureFailed(String, GraphError)
    /// A relation's weight that the measures cannot use.
    case invalidWeight(relation: String, value: Double, reason: String)
    /// A grouping attribute (``AnalysisOptions/groupAttribute``) that no actor has a value for,
    /// with the attributes that would be valid (``EcosystemModel/groupingAttributes()``).
    case unknownGroupAttribute(String, valid: [String])

    /// A one-line English message; for an unknown measure or grouping attribute it suggests the
    /// closest valid name.
    public var description: String {
        switch self {
        case let .unknownMeasure(name, valid):
            let hint = Suggestions.likelyMeant(name, in: valid).map { " (did you mean '\($0)'?)" } ?? ""
            return "unknown measure '\(name)'\(hint); valid measures: \(valid.joined(separator: ", "))"
        case let .measureFailed(name, error):
            return "\(name): \(error)"
        case let .invalidWeight(relation, value, reason):
            return "relation '\(relation)' has weight \(value): \(reason)"
        case let .unknownGroupAttribute(name, valid):
            let hint = Suggestions.likelyMeant(name, in: valid).map { " (did you mean '\($0)'?)" } ?? ""
            return "the grouping attribute '\(name)' is not an attribute of any actor\(hint); valid: \(valid.joined(separator: ", "))"
        }
    }
}
