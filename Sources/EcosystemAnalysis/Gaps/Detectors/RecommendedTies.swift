import Ecosystem
import NetworkAnalysis

/// Recommended ties (``FindingKind/recommendedTie``): the tie portfolio, the best set of
/// ``GapOptions/ties`` plausible new ties (``TieFilter``) for the objective, as a set.
extension GapContext {
    mutating func recommendTies() throws {
        guard exact else {
            skipped.append((.recommendedTie, "the model has \(n) actors, more than the \(options.maxExactActors) for which the tie portfolio is computed exactly"))
            return
        }
        guard options.ties > 0 else { return }
        let selection: EdgeSetSelection
        let found: (candidates: [TieCandidate], leftOut: Int)
        do {
            found = try plausibleTies()
            guard !found.candidates.isEmpty else {
                skipped.append((.recommendedTie, "no pair of actors passes a candidate filter (expected by a rule, bridging groups with no tie, or sharing a contact)"))
                return
            }
            let pairs = found.candidates.map { ($0.u, $0.v) }
            if let tables {
                selection = try graph.bestEdgeSet(
                    adding: pairs, count: options.ties, weight: options.newTieWeight,
                    weighting: options.weighting, objective: searchObjective(), threads: options.threads, tables: tables)
            } else {
                selection = try graph.bestEdgeSet(
                    adding: pairs, count: options.ties, weight: options.newTieWeight,
                    weighting: options.weighting, objective: searchObjective(), threads: options.threads)
            }
        } catch {
            throw AnalysisError.measureFailed("recommended ties", error)
        }
        let pool = found.candidates
        candidatesEvaluated = pool.count
        var byFilter: [TieFilter: Int] = [:]
        for c in pool { for f in c.filters { byFilter[f, default: 0] += 1 } }
        let measure = options.objective.measure
        let steps = selection.steps, marginal = selection.marginalChanges
        var ties: [PortfolioTie] = []
        for (rank, i) in selection.edges.enumerated() {
            let c = pool[i]
            let proposal = candidates[c.u * n + c.v]
            let tie = PortfolioTie(
                from: id(c.u), to: id(c.v), filters: c.filters.sorted(), rules: c.rules, bridges: c.bridges, score: c.score,
                valueAfter: steps[rank], marginalChange: marginal[rank], aloneChange: selection.aloneValues[rank] - selection.baseValue,
                // A tie that changes nothing (a connected network and the fragmentation or
                // components objective) closes no gap worth acting on.
                closes: proposal?.closes ?? [], severity: marginal[rank] == 0 ? .info : proposal?.severity ?? .info)
            ties.append(tie)
            let why = admittedBy(tie)
            let closes = tie.closes.isEmpty ? "" : " It would address: \(tie.closes.prefix(3).joined(separator: "; "))"
                + (tie.closes.count > 3 ? "; and \(tie.closes.count - 3) more." : ".")
            add(Finding(
                kind: .recommendedTie, severity: tie.severity, actors: [tie.from, tie.to],
                evidence: [Evidence(measure, steps[rank], of: rank == 0 ? "network with tie 1" : "network with ties 1–\(rank + 1)"),
                           Evidence(measure + "_marginal_change", marginal[rank], of: rank == 0 ? "tie 1" : "tie \(rank + 1) after ties 1–\(rank)"),
                           Evidence(measure + "_alone_change", tie.aloneChange, of: "\(tie.from) – \(tie.to) alone"),
                           Evidence(options.predictor.rawValue, tie.score, of: "\(tie.from) – \(tie.to)")],
                sentence: "Tie \(rank + 1) of \(selection.edges.count): \(name(c.u)) – \(name(c.v)) (\(why)) changes \(objectiveWords) by "
                    + "\(NumberFormat.signed(marginal[rank])) given the ties before it, to \(NumberFormat.decimals(steps[rank])) "
                    + "(alone: \(NumberFormat.signed(tie.aloneChange))).\(closes)",
                key: key(.recommendedTie, "tie", actors: [c.u, c.v])))
        }
        portfolio = TiePortfolio(
            objective: options.objective, ties: ties, baseValue: selection.baseValue, value: selection.value,
            greedyValue: selection.greedyValue, swaps: selection.swaps, isSwapOptimal: selection.isSwapOptimal,
            candidateCount: pool.count, candidatesByFilter: byFilter, candidatesLeftOut: found.leftOut,
            evaluations: selection.evaluations, tieWeight: options.newTieWeight)
    }

    /// The objective in words, with the actor's name for constraint.
    var objectiveWords: String {
        if case let .constraint(actor) = options.objective, let v = model.actorIndex(actor) {
            return "the constraint of \(name(v)) (how redundant its contacts are)"
        }
        return options.objective.words
    }

    /// Which filters admitted a tie, in words ("a rule expects it: r1; it bridges actor types A – B").
    func admittedBy(_ tie: PortfolioTie) -> String {
        tie.filters.map { f in
            switch f {
            case .rule: return "\(f.words): \(tie.rules.joined(separator: ", "))"
            case .groupBridge: return "\(f.words): \(tie.bridges.prefix(2).joined(separator: "; "))"
            case .linkPrediction: return "\(f.words), \(options.predictor.rawValue) \(NumberFormat.brief(tie.score))"
            }
        }.joined(separator: "; ")
    }
}
