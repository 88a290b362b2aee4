/// Two observed networks made comparable: the actors of a second model matched to those of
/// the first (by id, or by name for models built separately), its ids rewritten to the
/// first's, and its relations matched by their ends and type.
public struct ModelMatch: Sendable {
    /// How actors are matched.
    public enum Key: String, Sendable, CaseIterable {
        /// Equal ids.
        case id
        /// Equal names, ignoring letter case, surrounding spaces and repeated spaces.
        case name
    }

    /// The second model with matched actors under the first model's ids, and relations that
    /// join the same two (matched) actors with the same type under the first model's
    /// relation ids; everything else keeps its own id (an id the first model uses for
    /// another actor or relation gets the prefix `other:`).
    public let other: EcosystemModel
    /// Ids (of the first model) of its actors that no actor of the second matches.
    public let onlyInFirst: [String]
    /// Ids (as in ``other``) of the second model's actors that match none of the first.
    public let onlyInSecond: [String]
    /// Names that two or more actors of one model share, so they were not matched by name.
    public let ambiguous: [String]

    /// Matches `second` to `first`.
    /// - Parameters:
    ///   - first: the model compared with.
    ///   - second: the other observed network.
    ///   - key: match actors by id or by name.
    /// - Complexity: `O(a + r)` expected.
    public init(_ first: EcosystemModel, _ second: EcosystemModel, by key: Key) {
        func fold(_ s: String) -> String {
            s.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
        }
        var rename: [String: String] = [:]  // second's actor id → first's
        var ambiguous: [String] = []
        switch key {
        case .id:
            let ids = Set(first.actors.map(\.id))
            for a in second.actors where ids.contains(a.id) { rename[a.id] = a.id }
        case .name:
            var firstByName: [String: [String]] = [:], secondByName: [String: [String]] = [:]
            for a in first.actors { firstByName[fold(a.name), default: []].append(a.id) }
            for a in second.actors { secondByName[fold(a.name), default: []].append(a.id) }
            for a in second.actors {
                let n = fold(a.name)
                guard let mine = firstByName[n] else { continue }
                if mine.count == 1, secondByName[n]?.count == 1 { rename[a.id] = mine[0] } else if !ambiguous.contains(a.name) { ambiguous.append(a.name) }
            }
        }
        let firstIDs = Set(first.actors.map(\.id))
        let matchedFirst = Set(rename.values)
        var out = second
        for k in out.actors.indices {
            let id = out.actors[k].id
            let new = rename[id] ?? (firstIDs.contains(id) ? "other:\(id)" : id)
            rename[id] = new
            out.actors[k].id = new
        }
        // Relations: the first's id when the same two actors are joined by the same type
        // (either way round for a mutual type), each first relation used once.
        var firstRelations: [String: [String]] = [:]
        func pairKey(_ from: String, _ to: String, _ type: String, _ model: EcosystemModel) -> String {
            let mutual = !(model.relationType(type)?.directed ?? false)
            let (a, b) = mutual && to < from ? (to, from) : (from, to)
            return "\(a)\u{1F}\(b)\u{1F}\(type)"
        }
        var firstEnds: [String: (String, String)] = [:]
        for r in first.relations {
            firstRelations[pairKey(r.from, r.to, r.type, first), default: []].append(r.id)
            firstEnds[r.id] = (r.from, r.to)
        }
        let firstRelationIDs = Set(first.relations.map(\.id))
        var used = Set<String>()
        for k in out.relations.indices {
            out.relations[k].from = rename[out.relations[k].from] ?? out.relations[k].from
            out.relations[k].to = rename[out.relations[k].to] ?? out.relations[k].to
            let r = out.relations[k]
            if let match = firstRelations[pairKey(r.from, r.to, r.type, out)]?.first(where: { !used.contains($0) }) {
                used.insert(match)
                out.relations[k].id = match
                // A mutual tie written the other way round is the same tie.
                (out.relations[k].from, out.relations[k].to) = firstEnds[match]!
            } else if firstRelationIDs.contains(r.id) {
                out.relations[k].id = "other:\(r.id)"
            }
        }
        if out.name == first.name { out.name += " (2)" }
        other = out
        onlyInFirst = first.actors.map(\.id).filter { !matchedFirst.contains($0) }
        onlyInSecond = out.actors.map(\.id).filter { !matchedFirst.contains($0) }
        self.ambiguous = ambiguous
    }
}
