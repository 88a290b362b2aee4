import Ecosystem

/// Relation layers: the ties of one relation type (or a few) of a multiplex model.
public enum RelationLayers {
    /// The relation types of `names` that the model does not declare, for an error message.
    /// - Parameters:
    ///   - names: relation type ids.
    ///   - model: the model.
    /// - Returns: the unknown ids, in the order given.
    public static func unknown(_ names: [String], in model: EcosystemModel) -> [String] {
        let declared = Set(model.relationTypes.map(\.id))
        return names.filter { !declared.contains($0) }
    }

    /// The model with only the relations of `types` (every actor kept; the relation types not
    /// chosen are dropped from the declarations too, so legends and layer lists show only the
    /// chosen ones).
    /// - Parameters:
    ///   - model: the model.
    ///   - types: relation type ids, all declared (``unknown(_:in:)`` finds the others).
    /// - Returns: the restricted model.
    /// - Complexity: `O(r + t)`.
    public static func restrict(_ model: EcosystemModel, to types: [String]) -> EcosystemModel {
        let keep = Set(types)
        var m = model
        m.relations = model.relations.filter { keep.contains($0.type) }
        m.relationTypes = model.relationTypes.filter { keep.contains($0.id) }
        return m
    }

    /// The shared ties of two layers.
    public struct Overlap: Sendable, Equatable {
        /// The two relation types.
        public let first: String, second: String
        /// Ties (actor pairs) of each.
        public let firstTies: Int, secondTies: Int
        /// Pairs tied in both.
        public let shared: Int
        /// `shared / |first ∪ second|`; NaN when neither has a tie.
        public let jaccard: Double
    }

    /// The ties of a layer as a set of actor pairs: unordered pairs, or with `directed` ordered
    /// pairs (a tie of an undirected type both ways); self-ties and repeated ties once or left out.
    static func pairs(_ model: EcosystemModel, type: String, directed: Bool) -> Set<[Int]> {
        var index: [String: Int] = [:]
        for (i, a) in model.actors.enumerated() { index[a.id] = i }
        let mutual = !(model.relationType(type)?.directed ?? true)
        var set = Set<[Int]>()
        for r in model.relations where r.type == type && r.from != r.to {
            guard let i = index[r.from], let j = index[r.to] else { continue }
            if !directed { set.insert([min(i, j), max(i, j)]) } else {
                set.insert([i, j])
                if mutual { set.insert([j, i]) }
            }
        }
        return set
    }

    /// Multiplex overlap: for every pair of relation types, the ties of each, the pairs tied in
    /// both and their Jaccard index `|A ∩ B| / |A ∪ B|` (an actor pair is one tie of a layer
    /// however many relations of that type join it).
    /// - Parameters:
    ///   - model: the model.
    ///   - directed: compare ordered pairs (a tie of an undirected type counts both ways);
    ///     otherwise unordered pairs.
    /// - Returns: one row per pair of declared relation types, in declaration order.
    /// - Complexity: `O(t² r)` for `t` types and `r` relations.
    ///
    /// Reference: P. Jaccard (1912), "The distribution of the flora in the alpine zone", New
    /// Phytologist 11(2):37–50, doi:10.1111/j.1469-8137.1912.tb05611.x; for multiplex networks
    /// F. Battiston, V. Nicosia & V. Latora (2014), "Structural measures for multiplex networks",
    /// Phys. Rev. E 89:032804, doi:10.1103/PhysRevE.89.032804 (edge overlap).
    public static func overlaps(_ model: EcosystemModel, directed: Bool) -> [Overlap] {
        let types = model.relationTypes.map(\.id)
        let sets = types.map { pairs(model, type: $0, directed: directed) }
        var rows: [Overlap] = []
        for a in types.indices {
            for b in (a + 1)..<types.count {
                let shared = sets[a].intersection(sets[b]).count
                let union = sets[a].count + sets[b].count - shared
                rows.append(Overlap(first: types[a], second: types[b], firstTies: sets[a].count, secondTies: sets[b].count,
                                    shared: shared, jaccard: union > 0 ? Double(shared) / Double(union) : .nan))
            }
        }
        return rows
    }
}
