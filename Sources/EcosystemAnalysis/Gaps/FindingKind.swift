/// The eight kinds of gap finding, in the order reports list them.
public enum FindingKind: String, Sendable, CaseIterable, Codable {
    /// Components, isolates, Borgatti's fragmentation; who cannot reach the municipality.
    case fragmentation
    /// Articulation points, bridges, and what removing an actor costs.
    case singlePointOfFailure = "single_point_of_failure"
    /// Brokers (low constraint, high effective size, brokerage across groups) and pairs of
    /// groups with no direct tie.
    case brokerage
    /// Actor types below the expected composition, or with no tie to the network's core.
    case underRepresentation = "under_representation"
    /// Violations of the expected ties of the rules file.
    case missingTie = "missing_tie"
    /// E-I index per actor type and per place.
    case openness
    /// Actors with a low core number and a small two-step reach.
    case peripheral
    /// Candidate new ties, ranked by their exact effect on an objective.
    case recommendedTie = "recommended_tie"

    /// A heading for reports.
    public var title: String {
        switch self {
        case .fragmentation: return "Fragmentation"
        case .singlePointOfFailure: return "Single points of failure"
        case .brokerage: return "Brokers and structural holes"
        case .underRepresentation: return "Under-represented actor types"
        case .missingTie: return "Missing expected ties"
        case .openness: return "Openness of groups"
        case .peripheral: return "Peripheral actors"
        case .recommendedTie: return "Recommended ties"
        }
    }
}
