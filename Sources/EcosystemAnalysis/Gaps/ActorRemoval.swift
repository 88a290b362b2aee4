/// What happens to the network's cohesion when one actor is removed (with its ties).
public struct ActorRemoval: Sendable, Equatable {
    /// The actor's id.
    public var actor: String
    /// Whether the actor is an articulation point.
    public var isArticulationPoint: Bool
    /// Components of the remaining actors.
    public var components: Int
    /// Fragmentation after removal and its change `F' − F`.
    public var fragmentation: Double, fragmentationChange: Double
    /// Distance-weighted fragmentation after removal and its change.
    public var distanceWeightedFragmentation: Double, distanceWeightedFragmentationChange: Double
    /// Global efficiency after removal and its change.
    public var globalEfficiency: Double, globalEfficiencyChange: Double
}
