import Ecosystem
import EcosystemAnalysis
import NetworkAnalysis

/// `stats keyplayers` and the key-player section of `gaps`.
public enum KeyPlayersJob {
    /// The key-player set as a report: the set, its exact value, the search, and a row per actor
    /// with its value alone, its rank alone and whether it is in the set.
    /// - Parameters: as ``EcosystemAnalysis/KeyPlayerSets/compare(_:k:objective:restarts:seed:)``.
    /// - Returns: the report.
    /// - Throws: ``EcosystemAnalysis/AnalysisError``.
    public static func run(_ model: EcosystemModel, k: Int, objective: KeyPlayerObjective, restarts: Int, seed: UInt64) throws -> StatsReport {
        let c = try KeyPlayerSets.compare(model, k: k, objective: objective, restarts: restarts, seed: seed)
        let ranked = c.singleValues.indices.sorted { c.singleValues[$0] != c.singleValues[$1] ? c.singleValues[$0] > c.singleValues[$1] : $0 < $1 }
        var rank = [Int](repeating: 0, count: ranked.count)
        for (r, v) in ranked.enumerated() { rank[v] = r + 1 }
        let members = Set(c.set)
        let kind = objective == .fragmentation || objective == .distanceWeightedFragmentation ? "KPP-Neg" : "KPP-Pos"
        return StatsReport(
            title: "Key-player set (\(kind), Borgatti 2006): \(k) actors, \(objective.name); ties undirected, steps (hops)",
            facts: [("objective", .text(objective.name)), ("k", .count(k)), ("set", .text(c.set.joined(separator: " "))),
                    ("value", .number(c.value)), ("value_with_nobody_removed", .number(c.baseline)),
                    ("top_single_actors", .text(c.topSingles.joined(separator: " "))), ("top_single_actors_together", .number(c.topSinglesValue)),
                    ("greedy_value", .number(c.greedyValue)), ("swaps", .count(c.swaps)),
                    ("random_starts", .count(c.restarts)), ("seed", .text(String(c.seed)))],
            columns: ["id", "in_set", "value_alone", "rank_alone"],
            rows: model.actors.indices.map { i in
                [.text(model.actors[i].id), .count(members.contains(model.actors[i].id) ? 1 : 0), .number(c.singleValues[i]), .count(rank[i])]
            })
    }

    /// The Markdown section that `gaps` adds after its findings: for k = 2 and 3, the KPP-Neg set
    /// (distance-weighted fragmentation) and the KPP-Pos set (reach within 2 steps), each beside
    /// the k most damaging (or best-reaching) single actors taken together.
    /// - Parameters:
    ///   - model: the model.
    ///   - seed: seed of the random starts.
    /// - Returns: the section, or "" when the model has fewer than 4 actors.
    /// - Throws: ``EcosystemAnalysis/AnalysisError``.
    public static func gapsSection(_ model: EcosystemModel, seed: UInt64 = 1) throws -> String {
        guard model.actors.count >= 4 else { return "" }
        let names = Dictionary(model.actors.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        func escaped(_ t: String) -> String {
            var out = ""
            for ch in t {
                switch ch {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "|", "*", "_", "[", "]", "\\", "`", "!": out += "\\" + String(ch)
                default: out.append(ch)
                }
            }
            return out
        }
        func list(_ ids: [String]) -> String { EnglishList.joined(ids.map { escaped(names[$0] ?? $0) }) }
        var lines = ["## Key-player sets", "",
                     "Which actors matter most *together* (Borgatti 2006, doi:10.1007/s10588-006-7084-x), beside the single-actor removal ranking above. Ties undirected, path length in steps; greedy search with swaps and 20 random starts (seed \(seed)).", "",
                     "| k | goal | key-player set | value | the k top single actors | their value together |", "|---:|---|---|---:|---|---:|"]
        for k in [2, 3] {
            for (objective, goal) in [(KeyPlayerObjective.distanceWeightedFragmentation, "most disruptive to remove (distance-weighted fragmentation, from \(NumberFormat.decimals(try KeyPlayerSets.compare(model, k: 1, objective: .distanceWeightedFragmentation, restarts: 0).baseline, 3)))"),
                                      (.reach(steps: 2), "reach the most others within 2 steps (share)")] {
                let c = try KeyPlayerSets.compare(model, k: k, objective: objective, seed: seed)
                lines.append("| \(k) | \(goal) | \(list(c.set)) | \(NumberFormat.decimals(c.value, 3)) | \(list(c.topSingles)) | \(NumberFormat.decimals(c.topSinglesValue, 3)) |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// `stats coreperiphery`.
public enum CorePeripheryJob {
    /// Borgatti & Everett's discrete and continuous core–periphery models of `model`
    /// (``NetworkAnalysis/Graph/corePeriphery(weighting:restarts:seed:)``,
    /// ``NetworkAnalysis/Graph/coreness(weighting:maxIterations:tolerance:)``).
    /// - Parameters:
    ///   - model: the model.
    ///   - weighting: `.unweighted` for 0/1 ties, otherwise tie strengths.
    ///   - restarts: random starts of the discrete search.
    ///   - seed: their seed.
    /// - Returns: the fits, the core, the block densities, and a row per actor (core flag, coreness).
    /// - Throws: ``EcosystemAnalysis/AnalysisError/measureFailed(_:_:)`` when a model is undefined
    ///   or does not converge.
    public static func run(_ model: EcosystemModel, weighting: EdgeWeighting, restarts: Int, seed: UInt64) throws -> StatsReport {
        let graph = EcosystemNetwork(model: model).simpleGraph
        let ties: EdgeWeighting = weighting == .unweighted ? .unweighted : .strength
        let discrete: CorePeripheryPartition
        let continuous: (coreness: [Double], fit: Double)
        do {
            discrete = try graph.corePeriphery(weighting: ties, restarts: restarts, seed: seed)
            continuous = try graph.coreness(weighting: ties)
        } catch {
            throw AnalysisError.measureFailed("core–periphery", error)
        }
        let ids = model.actors.map(\.id)
        return StatsReport(
            title: "Core–periphery (Borgatti & Everett 1999): discrete split and continuous coreness; ties undirected, \(ties == .unweighted ? "0/1" : "tie strengths")",
            facts: [("core", .text(ids.indices.filter { discrete.isCore[$0] }.map { ids[$0] }.joined(separator: " "))),
                    ("core_size", .count(discrete.isCore.count { $0 })), ("fit", .number(discrete.fit)),
                    ("core_density", .number(discrete.coreDensity)), ("core_periphery_density", .number(discrete.coreToPeripheryDensity)),
                    ("periphery_density", .number(discrete.peripheryDensity)), ("coreness_fit", .number(continuous.fit)),
                    ("random_starts", .count(restarts)), ("seed", .text(String(seed)))],
            columns: ["id", "core", "coreness"],
            rows: ids.indices.map { [.text(ids[$0]), .count(discrete.isCore[$0] ? 1 : 0), .number(continuous.coreness[$0])] })
    }
}
