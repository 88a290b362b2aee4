/// A finding as the comparison sees it: a key that identifies it across networks, its
/// severity and its sentence (the writers in `EcosystemReport` turn these into text).
public struct ComparedFinding: Sendable, Equatable {
    /// Identifies the finding across networks (equal keys: the same finding).
    public var key: FindingKey
    /// How much it matters in this network.
    public var severity: Severity
    /// The plain sentence, as in the gap analysis.
    public var sentence: String

    /// A compared finding as given.
    /// - Parameters:
    ///   - key: its identity across networks.
    ///   - severity: how much it matters.
    ///   - sentence: the plain sentence.
    public init(key: FindingKey, severity: Severity, sentence: String) {
        self.key = key; self.severity = severity; self.sentence = sentence
    }
}
