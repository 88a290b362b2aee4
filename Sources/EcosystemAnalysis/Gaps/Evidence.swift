/// One number behind a finding and the measure it comes from.
public struct Evidence: Sendable, Equatable {
    /// The measure, by its snake_case name (`fragmentation`, `constraint`, `ei_index`, ...).
    public var measure: String
    /// The value (NaN when undefined).
    public var value: Double
    /// What the value is of: an actor id, a group, `network`, or a what-if such as
    /// `network without dip`.
    public var of: String

    /// Evidence as given.
    /// - Parameters:
    ///   - measure: the measure's snake_case name.
    ///   - value: its value (NaN when undefined; unit that of the measure).
    ///   - of: what the value is of (actor id, group, `network`, ...).
    public init(_ measure: String, _ value: Double, of: String) {
        self.measure = measure; self.value = value; self.of = of
    }
}
