import Dispatch
import Ecosystem
import Foundation
import NetworkAnalysis

/// A baseline model and its scenarios side by side: network-level indicators and their
/// change, per-actor values and ranks of chosen measures (who rises, who falls), what each
/// scenario changed, and the findings that appear or disappear.
///
/// Every number is computed by ``EcosystemAnalyzer/metrics(of:measures:options:)`` on the
/// baseline and on each changed model, so it is the number `ecomap analyze` prints for that
/// model. Networks are column 0 (the baseline) and `1…` (the scenarios, in the order given).
public struct ScenarioComparison: Sendable {
    /// Names of the networks: the baseline's model name, then each scenario's name.
    public let names: [String]
    /// Titles of the networks.
    public let titles: [String]
    /// Network-level indicator names (``MeasureCatalog`` network measures).
    public let indicators: [String]
    /// `indicatorValues[i][k]`: indicator `i` of network `k`.
    public let indicatorValues: [[Double]]
    /// Node-level measure names.
    public let measures: [String]
    /// Actors of every network: the baseline's in model order, then actors added by scenarios
    /// in the order they first appear.
    public let actorIDs: [String]
    /// Names of ``actorIDs`` (from the first network that has the actor).
    public let actorNames: [String]
    /// `values[j][k][i]`: measure `j` of actor `i` in network `k`; NaN when the actor is not
    /// in that network (or the value is undefined).
    public let values: [[[Double]]]
    /// `ranks[j][k][i]`: rank of actor `i` by measure `j` in network `k`, 1 for the largest
    /// value (competition ranking "1224": values equal within a relative 1e-12 share the best
    /// rank); `nil` when absent or undefined.
    public let ranks: [[[Int?]]]
    /// What each scenario changed relative to the baseline (`diffs[k − 1]` for network `k`).
    public let diffs: [ModelDiff]
    /// Findings of each network, when a findings provider was given (see
    /// ``compare(baseline:scenarios:measures:indicators:options:findings:)``).
    public let findings: [[ComparedFinding]]?

    /// Default network-level indicators: size, density, components, fragmentation, global
    /// efficiency, Freeman centralizations and modularity (Leiden, seeded).
    public static let defaultIndicators = [
        "nodes", "edges", "density", "components", "largest_component", "fragmentation",
        "global_efficiency", "betweenness_centralization", "degree_centralization", "modularity",
    ]

    /// Default node-level measures compared per actor.
    public static let defaultMeasures = ["degree", "betweenness", "closeness"]

    /// Computes the comparison.
    ///
    /// - Parameters:
    ///   - baseline: the base model.
    ///   - scenarios: the changed models (e.g. from ``ScenarioChain/apply(to:)``), named.
    ///   - measures: node-level measures to compare per actor.
    ///   - indicators: network-level measures to compare.
    ///   - options: as for ``EcosystemAnalyzer/metrics(of:measures:options:)`` (one set for all
    ///     networks, so differences come from the changes alone).
    ///   - findings: optional provider of findings per network (e.g. ``findings(from:)`` of a
    ///     gap analysis); the comparison lists which appear or disappear, matching them by key.
    /// - Returns: the comparison.
    /// - Throws: ``AnalysisError`` for an unknown measure, a measure of the wrong level, or a
    ///   failing measure.
    /// - Complexity: `(1 + scenarios)` analyses, plus `O(a log a)` per measure and network for ranks.
    public static func compare(
        baseline: EcosystemModel, scenarios: [EcosystemModel],
        measures: [String] = defaultMeasures, indicators: [String] = defaultIndicators,
        options: AnalysisOptions = AnalysisOptions(),
        findings: (@Sendable (EcosystemModel, MetricsTable) throws -> [ComparedFinding])? = nil
    ) throws -> ScenarioComparison {
        for (names, level) in [(measures, MeasureLevel.node), (indicators, .network)] {
            for name in names {
                let valid = MeasureCatalog.all.filter { $0.level == level }.map(\.name)
                guard let d = MeasureCatalog.named(name), d.level == level else {
                    throw AnalysisError.unknownMeasure(name, valid: valid)
                }
            }
        }
        let models = [baseline] + scenarios
        // Each network is analysed once (its measures, then its findings), the networks side
        // by side on the available cores; every analysis is deterministic, so the result does
        // not depend on how they are scheduled.
        let analyses = try Self.each(models.count) { k -> (MetricsTable, [ComparedFinding]?) in
            let table = try EcosystemAnalyzer.metrics(of: models[k], measures: measures + indicators, options: options)
            return (table, try findings.map { try $0(models[k], table) })
        }
        let tables = analyses.map(\.0)

        var actorIDs = baseline.actors.map(\.id)
        var actorNames = baseline.actors.map(\.name)
        var row = Dictionary(uniqueKeysWithValues: actorIDs.enumerated().map { ($1, $0) })
        for model in scenarios {
            for actor in model.actors where row[actor.id] == nil {
                row[actor.id] = actorIDs.count
                actorIDs.append(actor.id); actorNames.append(actor.name)
            }
        }
        var values: [[[Double]]] = []
        var ranks: [[[Int?]]] = []
        for (j, _) in measures.enumerated() {
            var perNetwork: [[Double]] = []
            var rankPerNetwork: [[Int?]] = []
            for (k, table) in tables.enumerated() {
                var column = [Double](repeating: .nan, count: actorIDs.count)
                for (i, actor) in models[k].actors.enumerated() { column[row[actor.id]!] = table.columns[j][i] }
                perNetwork.append(column)
                rankPerNetwork.append(Self.ranks(column))
            }
            values.append(perNetwork); ranks.append(rankPerNetwork)
        }
        let indicatorValues = indicators.map { name in tables.map { t in t.network.first { $0.name == name }?.value ?? .nan } }
        return ScenarioComparison(
            names: models.map(\.name), titles: models.map(\.title), indicators: indicators,
            indicatorValues: indicatorValues, measures: measures, actorIDs: actorIDs, actorNames: actorNames,
            values: values, ranks: ranks, diffs: scenarios.map { ModelDiff(base: baseline, changed: $0) },
            findings: findings == nil ? nil : analyses.map { $0.1! })
    }

    /// `body(k)` for `k` in `0..<count`, concurrently (Dispatch), in index order in the result;
    /// the first error (by index) is rethrown.
    static func each<T>(_ count: Int, _ body: @Sendable (Int) throws -> T) throws -> [T] {
        let slots = ResultSlots<T>(count)
        DispatchQueue.concurrentPerform(iterations: count) { k in
            let r = Result { try body(k) }
            slots.lock.lock(); slots.results[k] = r; slots.lock.unlock()
        }
        return try slots.results.map { try $0!.get() }
    }

    /// Competition ranks ("1224") of `column`, largest first; values within a relative 1e-12
    /// of the previous one in sorted order share its rank; NaN gets `nil`.
    /// The test is `|x − y| ≤ 1e-12 · max(1, |x|, |y|)`, so near zero it is an absolute 1e-12.
    /// - Parameter column: one value per actor (NaN when absent or undefined).
    /// - Returns: one rank per entry, `1…` (1 for the largest), or `nil` for NaN.
    /// - Complexity: `O(n log n)`.
    public static func ranks(_ column: [Double]) -> [Int?] {
        let order = column.indices.filter { !column[$0].isNaN }.sorted { column[$0] != column[$1] ? column[$0] > column[$1] : $0 < $1 }
        var result = [Int?](repeating: nil, count: column.count)
        var rank = 0
        for (position, i) in order.enumerated() {
            if position == 0 { rank = 1 } else {
                let previous = column[order[position - 1]], x = column[i]
                if !(abs(previous - x) <= 1e-12 * max(1, abs(previous), abs(x))) { rank = position + 1 }
            }
            result[i] = rank
        }
        return result
    }

    /// `indicatorValues[i][k] − indicatorValues[i][0]`: the change of indicator `i` in network `k`.
    /// - Parameters:
    ///   - i: indicator index in ``indicators``.
    ///   - k: network index (0 is the baseline, whose change is 0).
    /// - Returns: the difference in the indicator's unit; NaN when either value is undefined.
    public func indicatorChange(_ i: Int, network k: Int) -> Double { indicatorValues[i][k] - indicatorValues[i][0] }

    /// Rank change of actor `i` by measure `j` in network `k`: baseline rank − scenario rank,
    /// so positive means the actor rises; `nil` when absent from either network.
    /// - Parameters:
    ///   - j: measure index in ``measures``.
    ///   - k: network index.
    ///   - i: actor index in ``actorIDs``.
    /// - Returns: the number of places gained (negative: lost), or `nil`.
    public func rankChange(measure j: Int, network k: Int, actor i: Int) -> Int? {
        guard let before = ranks[j][0][i], let after = ranks[j][k][i] else { return nil }
        return before - after
    }

    /// Findings of network `k` whose key the baseline does not have, and baseline findings whose
    /// key network `k` no longer has (both in their listed order); empty without a provider.
    /// - Parameter k: network index (1… for the scenarios).
    /// - Returns: the findings that appear and those that disappear.
    /// - Complexity: `O(f)` expected for `f` findings in the two networks.
    public func findingChanges(network k: Int) -> (appear: [ComparedFinding], disappear: [ComparedFinding]) {
        guard let findings else { return ([], []) }
        let before = Set(findings[0].map(\.key)), after = Set(findings[k].map(\.key))
        return (findings[k].filter { !before.contains($0.key) }, findings[0].filter { !after.contains($0.key) })
    }

    /// Gap findings as compared findings, matched across networks by ``Finding/key`` (kind,
    /// check, rule, and the actors, relations or groups the finding is about), so a finding
    /// about the same subject is the same finding even when its numbers or severity move
    /// (those show in the indicators, the measures and the finding's text).
    /// - Parameter report: a gap analysis of one network.
    /// - Returns: one compared finding per finding, in report order.
    /// - Complexity: `O(f)` for `f` findings.
    public static func findings(from report: GapReport) -> [ComparedFinding] {
        report.findings.map { ComparedFinding(key: $0.key, severity: $0.severity, sentence: $0.sentence) }
    }
}

/// One result slot per concurrent job of ``ScenarioComparison/each(_:_:)``, written under the lock.
private final class ResultSlots<T>: @unchecked Sendable {
    var results: [Result<T, any Error>?]
    let lock = NSLock()
    init(_ n: Int) { results = Array(repeating: nil, count: n) }
}
