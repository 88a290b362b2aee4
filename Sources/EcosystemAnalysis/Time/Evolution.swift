import Ecosystem

/// How far apart the periods of an evolution are: `1y`, `6m`, `90d` (years, months, days).
public struct EvolutionStep: Sendable, Equatable, CustomStringConvertible {
    /// How many units.
    public let count: Int
    /// The unit, which is also the precision of the periods: a year step gives years
    /// (`2017`), a month step months (`2017-10`), a day step days.
    public let unit: PartialDate.Precision

    /// The rule a step follows, for messages.
    public static let rule = "a step is a positive number and y (years), m (months) or d (days), e.g. 1y, 6m, 90d"

    /// A step as given; `nil` unless `count` is at least 1.
    public init?(count: Int, unit: PartialDate.Precision) {
        guard count >= 1, count <= 10_000 else { return nil }
        self.count = count; self.unit = unit
    }

    /// Parses `1y`, `6m`, `90d` (also `2 years`, `6 months`, `1 w` is not accepted).
    public init?(_ text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        let digits = t.prefix { $0.isASCII && $0.isNumber }
        let rest = t.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        guard let n = Int(digits) else { return nil }
        let unit: PartialDate.Precision
        switch rest {
        case "y", "year", "years": unit = .year
        case "m", "month", "months": unit = .month
        case "d", "day", "days": unit = .day
        default: return nil
        }
        self.init(count: n, unit: unit)
    }

    /// As written: `1y`, `6m`, `90d`.
    public var description: String { "\(count)\(unit == .year ? "y" : unit == .month ? "m" : "d")" }

    /// In words: "1 year", "6 months".
    public var words: String {
        let name = unit == .year ? "year" : unit == .month ? "month" : "day"
        return "\(count) \(name)\(count == 1 ? "" : "s")"
    }
}

/// Why an evolution cannot be computed.
public enum EvolutionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The model carries no `since`/`until` and no `from` was given.
    case undated
    /// `to` is before `from`.
    case toBeforeFrom(PartialDate, PartialDate)
    /// More periods than the limit.
    case tooManyPeriods(Int, limit: Int)

    /// In plain words, naming no command-line flag.
    public var description: String {
        switch self {
        case .undated: return "the model carries no since/until dates, so there are no periods to follow; give a first and a last date"
        case let .toBeforeFrom(from, to): return "the last date \(to) is before the first date \(from)"
        case let .tooManyPeriods(n, limit): return "the range holds \(n) periods, more than the \(limit) an evolution computes; take a longer step or a shorter range"
        }
    }
}

/// The network as it stood in each period, compared: indicators per period, actors and ties
/// entering and leaving, each actor's measures and rank over time, and the gap findings that
/// appear and disappear, keyed by ``FindingKey``.
///
/// Every period is a **mask over the one model** (``Ecosystem/EcosystemModel/presence(at:)``):
/// the model is read and checked once, each period keeps the actors whose life overlaps it
/// and the ties between them, and is analysed with ``EcosystemAnalyzer`` exactly as
/// `analyze --at` analyses it (the same function, the same options), so the numbers per
/// period are those of the snapshot.
public struct Evolution: Sendable {
    /// The periods, oldest first (at the step's precision).
    public let periods: [PartialDate]
    /// The step between periods.
    public let step: EvolutionStep
    /// The network of each period (names: the period; titles: "title — period").
    public let models: [EcosystemModel]
    /// The periods compared: network `k` is period `k` (indicators, values, ranks, findings).
    public let comparison: ScenarioComparison
    /// Per period, what changed since the previous one (for period 0: since nothing, so
    /// everything there enters).
    public let changes: [ModelDiff]

    /// The most periods an evolution computes (each is a full analysis).
    public static let maxPeriods = 1_000

    /// Default indicators: size, density, components, efficiency, modularity.
    public static let defaultIndicators = ["nodes", "edges", "density", "components", "global_efficiency", "modularity"]

    /// The periods from `from` to `to` (both included) every `step`, at the step's precision.
    /// - Parameters:
    ///   - model: the model; its ``Ecosystem/EcosystemModel/dateRange`` gives the defaults.
    ///   - from: the first period, or `nil` for the earliest date of the model.
    ///   - to: the last period, or `nil` for the model's `observed` date, else its latest date.
    ///   - step: the step (default one year).
    /// - Returns: the periods, oldest first.
    /// - Throws: ``EvolutionError`` when the model is undated and no `from` is given, when
    ///   `to` is before `from`, or when there would be more than ``maxPeriods``.
    public static func periods(of model: EcosystemModel, from: PartialDate?, to: PartialDate?, step: EvolutionStep) throws(EvolutionError) -> [PartialDate] {
        let range = model.dateRange
        guard let first = (from ?? range?.first)?.at(step.unit) else { throw .undated }
        guard let last = (to ?? model.observed ?? range?.last ?? from)?.at(step.unit) else { throw .undated }
        guard last >= first else { throw .toBeforeFrom(first, last) }
        var out: [PartialDate] = []
        var d: PartialDate? = first
        while let current = d, current.firstDay <= last.firstDay {
            if out.count == maxPeriods {
                // Count the rest without keeping them, for the message (at most 9999 years of days).
                var n = out.count
                var rest: PartialDate? = current
                while let r = rest, r.firstDay <= last.firstDay { n += 1; rest = r.adding(step.count, step.unit) }
                throw .tooManyPeriods(n, limit: maxPeriods)
            }
            out.append(current)
            d = current.adding(step.count, step.unit)
        }
        return out
    }

    /// Computes the evolution of `model` over `periods`.
    /// - Parameters:
    ///   - model: the whole dated model.
    ///   - periods: the periods (``periods(of:from:to:step:)``).
    ///   - step: the step they were made with.
    ///   - measures: node measures followed per actor.
    ///   - indicators: network measures per period.
    ///   - options: analysis options, one set for every period.
    ///   - findings: optional gap findings per period (as for ``ScenarioComparison``).
    /// - Returns: the evolution.
    /// - Throws: ``AnalysisError`` for an unknown or failing measure.
    /// - Complexity: one analysis per period, plus `O(a + r)` per period for the mask.
    public static func compute(
        _ model: EcosystemModel, periods: [PartialDate], step: EvolutionStep,
        measures: [String] = ScenarioComparison.defaultMeasures, indicators: [String] = defaultIndicators,
        options: AnalysisOptions = AnalysisOptions(),
        findings: (@Sendable (EcosystemModel, MetricsTable) throws -> [ComparedFinding])? = nil
    ) throws -> Evolution {
        let models = snapshots(model, periods: periods)
        let comparison = try ScenarioComparison.compare(
            baseline: models[0], scenarios: Array(models.dropFirst()), measures: measures, indicators: indicators,
            options: options, findings: findings)
        var empty = model
        empty.actors = []; empty.relations = []
        let changes = models.indices.map { k in ModelDiff(base: k == 0 ? empty : models[k - 1], changed: models[k]) }
        return Evolution(periods: periods, step: step, models: models, comparison: comparison, changes: changes)
    }

    /// The network of each period: masks over `model` (its actors' and relations' lives
    /// compared with each period's days), named by the period.
    /// - Complexity: `O(periods · (a + r))`.
    public static func snapshots(_ model: EcosystemModel, periods: [PartialDate]) -> [EcosystemModel] {
        // The lives as day numbers, once; each period is then a pass of comparisons.
        let timeline = Timeline(model)
        return periods.map { p in
            let (keepActor, keepRelation) = timeline.presence(at: p)
            var m = model.masked(actors: keepActor, relations: keepRelation)
            m.name = p.description
            m.title = "\(model.title) — \(p)"
            return m
        }
    }

    /// Rank change of actor `i` by measure `j` from period `k − 1` to `k` (positive: rises);
    /// `nil` when absent from either.
    public func rankChange(measure j: Int, period k: Int, actor i: Int) -> Int? {
        guard k > 0, let before = comparison.ranks[j][k - 1][i], let after = comparison.ranks[j][k][i] else { return nil }
        return before - after
    }

    /// The first and the last period in which actor `i` has a rank by measure `j`, with the
    /// ranks; `nil` when it never has one. Their difference (first rank − last rank) is how
    /// far the actor rose (negative: fell) over the whole range.
    public func rankSpan(measure j: Int, actor i: Int) -> (first: Int, firstRank: Int, last: Int, lastRank: Int)? {
        let ranks = comparison.ranks[j].map { $0[i] }
        guard let a = ranks.firstIndex(where: { $0 != nil }), let b = ranks.lastIndex(where: { $0 != nil }) else { return nil }
        return (a, ranks[a]!, b, ranks[b]!)
    }

    /// Findings of period `k` whose key period `k − 1` does not have, and findings of period
    /// `k − 1` whose key period `k` no longer has; for period 0, all its findings appear.
    /// Empty without findings.
    /// - Complexity: `O(f)` expected.
    public func findingChanges(period k: Int) -> (appear: [ComparedFinding], disappear: [ComparedFinding]) {
        guard let findings = comparison.findings else { return ([], []) }
        guard k > 0 else { return (findings[0], []) }
        let before = Set(findings[k - 1].map(\.key)), after = Set(findings[k].map(\.key))
        return (findings[k].filter { !before.contains($0.key) }, findings[k - 1].filter { !after.contains($0.key) })
    }
}
