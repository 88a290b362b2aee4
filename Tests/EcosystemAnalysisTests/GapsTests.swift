import Ecosystem
import FixtureSupport
import NetworkAnalysis
import Testing
@testable import EcosystemAnalysis

/// Hand-made models with known answers, one suite per kind of finding.
enum Build {
    /// Actors as `id:type:place` (type and place optional); relations as `from-to` (mutual tie,
    /// weight 1), `from>to` (directed), or with `*w` appended for weight `w`.
    static func model(
        _ actors: [String], _ relations: [String],
        types: [(String, String)] = [("a", "government"), ("b", "industry"), ("c", "knowledge")]
    ) -> EcosystemModel {
        let actorList = actors.map { spec -> Actor in
            let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            return Actor(id: parts[0], name: parts[0].uppercased(), type: parts.count > 1 ? parts[1] : "a",
                         place: parts.count > 2 ? parts[2] : "")
        }
        let relationList = relations.enumerated().map { i, spec -> Relation in
            var body = Substring(spec)
            var weight = 1.0
            if let star = body.firstIndex(of: "*") { weight = Double(body[body.index(after: star)...])!; body = body[..<star] }
            let directed = body.contains(">")
            let ends = body.split(separator: directed ? ">" : "-").map(String.init)
            return Relation(id: "r\(i + 1)", from: ends[0], to: ends[1], type: directed ? "to" : "tie", weight: weight)
        }
        return EcosystemModel(
            name: "test",
            actorTypes: types.map { ActorType(id: $0.0, label: $0.0.uppercased(), color: "#000000", shape: "box", helix: $0.1) },
            relationTypes: [RelationType(id: "tie", label: "tie", color: "#000000", style: "solid", directed: false),
                            RelationType(id: "to", label: "to", color: "#000000", style: "solid", directed: true)],
            actors: actorList, relations: relationList)
    }

    static func value(_ f: Finding, _ measure: String) -> Double? { f.evidence.first { $0.measure == measure }?.value }
}

@Suite("Gaps 1: fragmentation")
struct FragmentationGapTests {
    let model = Build.model(["a", "b", "c", "d", "e", "f"], ["a>b", "b>c", "d-e"])

    @Test("components, Borgatti's F and the isolate")
    func components() throws {
        let report = try GapAnalyzer.analyze(model)
        let f = report.findings(.fragmentation)
        let split = try #require(f.first { Build.value($0, "components") != nil })
        #expect(Build.value(split, "components") == 3)
        #expect(Build.value(split, "largest_component") == 3)
        // Reachable ordered pairs: 3·2 + 2·1 = 8 of 30.
        #expect(abs(Build.value(split, "fragmentation")! - (1 - 8.0 / 30)) < 1e-12)
        #expect(split.actors == ["d", "e", "f"])
        #expect(split.severity == .high)
        let isolate = try #require(f.first { $0.actors == ["f"] })
        #expect(isolate.sentence == "F has no tie to any other actor in the model.")
    }

    @Test("who cannot reach the municipality, and who it does not reach, follow direction")
    func municipality() throws {
        let report = try GapAnalyzer.analyze(model, rules: GapRules(municipality: ["b"]))
        let f = report.findings(.fragmentation)
        let cannot = try #require(f.first { Build.value($0, "actors_not_reaching_municipality") != nil })
        #expect(cannot.actors == ["c", "d", "e", "f"])  // a → b reaches it; c only receives from b
        let unreached = try #require(f.first { Build.value($0, "actors_not_reached_by_municipality") != nil })
        #expect(unreached.actors == ["a", "d", "e", "f"])
        #expect(report.skipped.isEmpty || !report.skipped.contains { $0.reason.contains("municipality") })
    }

    @Test("without a municipality in the rules the check is skipped, and says why")
    func noMunicipality() throws {
        let report = try GapAnalyzer.analyze(model)
        #expect(report.skipped.contains { $0.kind == .fragmentation && $0.reason.contains("name no municipality") })
    }
}

@Suite("Gaps 2: single points of failure")
struct SinglePointGapTests {
    @Test("a path a–b–c–d: b and c are cut points, every tie a bridge, removal ranked")
    func path() throws {
        let model = Build.model(["a", "b", "c", "d"], ["a-b", "b-c", "c-d"])
        let report = try GapAnalyzer.analyze(model, options: GapOptions(weighting: .unweighted))
        let f = report.findings(.singlePointOfFailure)
        let points = f.filter { Build.value($0, "articulation_point") == 1 }
        #expect(points.map { $0.actors[0] } == ["b", "c"])
        #expect(points[0].actors == ["b", "a"])  // b cuts off a
        let bridges = f.filter { Build.value($0, "bridge") == 1 }
        // The middle bridge cuts off two actors (medium), so it is listed before the two end ties (low).
        #expect(bridges.map(\.relations) == [["r2"], ["r1"], ["r3"]])
        #expect(bridges.map(\.severity) == [.medium, .low, .low])
        #expect(Build.value(bridges[0], "actors_cut_off") == 2)
        // Removing b (or c): nodes a | c–d, 2 of 6 ordered pairs reachable, E = 2/6.
        #expect(report.removal.prefix(2).map(\.actor) == ["b", "c"])
        let b = report.removal[0]
        #expect(b.isArticulationPoint && b.components == 2)
        #expect(abs(b.fragmentation - 4.0 / 6) < 1e-12 && abs(b.fragmentationChange - 4.0 / 6) < 1e-12)
        #expect(abs(b.globalEfficiency - 2.0 / 6) < 1e-12)
        // Before: E = (6·1 + 4·½ + 2·⅓) / 12.
        #expect(abs(b.globalEfficiencyChange - (2.0 / 6 - (6 + 2 + 2.0 / 3) / 12)) < 1e-12)
    }

    @Test("a doubled tie is not a bridge")
    func doubled() throws {
        let model = Build.model(["a", "b", "c"], ["a-b", "a>b", "b-c"])
        let report = try GapAnalyzer.analyze(model)
        let bridges = report.findings(.singlePointOfFailure).filter { Build.value($0, "bridge") == 1 }
        #expect(bridges.map(\.relations) == [["r3"]])
    }

    @Test("removal effects equal recomputation on the model without the actor")
    func bruteForce() throws {
        let model = Build.model(["a", "b", "c", "d", "e", "f"], ["a-b*2", "b-c", "c-a*3", "c-d", "d-e*2", "e-f", "f-d"])
        let report = try GapAnalyzer.analyze(model)
        for r in report.removal {
            var reduced = model
            reduced.actors.removeAll { $0.id == r.actor }
            reduced.relations.removeAll { $0.from == r.actor || $0.to == r.actor }
            // One scale: path length 1/strength with the model's strengths, no normalisation.
            let s = try EcosystemNetwork(model: reduced).simpleGraph.pathStatistics()
            #expect(agree(r.fragmentation, s.fragmentation, tolerance: 1e-12), "\(r.actor)")
            #expect(agree(r.globalEfficiency, s.globalEfficiency, tolerance: 1e-9), "\(r.actor)")
            #expect(agree(r.distanceWeightedFragmentation, s.distanceWeightedFragmentation, tolerance: 1e-9), "\(r.actor)")
        }
        // c and d are the cut points; both split the network into two pieces.
        #expect(report.removal.filter(\.isArticulationPoint).map(\.actor).sorted() == ["c", "d"])
    }
}

@Suite("Gaps 3: brokers and structural holes")
struct BrokerGapTests {
    @Test("the centre of a star of mixed types is the broker; groups with no tie are listed")
    func star() throws {
        let model = Build.model(["hub:a", "x:b", "y:b", "z:c", "w:c", "v:a"], ["hub-x", "hub-y", "hub-z", "hub-w", "v-x"])
        let report = try GapAnalyzer.analyze(model, options: GapOptions(weighting: .unweighted))
        let brokers = report.findings(.brokerage).filter { Build.value($0, "effective_size") != nil }
        // x (contacts hub and v, not tied to each other) has effective size 2 and brokers across types too.
        #expect(brokers.map { $0.actors[0] } == ["hub", "x"])
        #expect(Build.value(brokers[1], "effective_size") == 2)
        let hub = brokers[0]
        #expect(Build.value(hub, "effective_size") == 4)         // four contacts, none tied to another
        #expect(abs(Build.value(hub, "constraint")! - 0.25) < 1e-12)  // 4 · (1/4)²
        // Open two-paths through hub, both directions: 4·3 = 12; coordinator (a, hub, a) none.
        #expect(Build.value(hub, "brokerage_across_types") == 12)
        #expect(hub.severity == .high)  // hub is a cut point
        let holes = report.findings(.brokerage).filter { Build.value($0, "direct_ties") == 0 }
        // Types b and c are never tied directly (a–b and a–c are); helices industry–knowledge likewise.
        #expect(holes.map { $0.evidence[0].of } == ["type b – c", "helix industry – knowledge"])
    }
}

@Suite("Gaps 4: under-represented actor types")
struct UnderRepresentationGapTests {
    @Test("counts against the rules, declared types without actors, types not tied to the core")
    func composition() throws {
        let model = Build.model(["t1:a", "t2:a", "t3:a", "b1:b", "c1:c"], ["t1-t2", "t2-t3", "t3-t1", "t1-b1", "b1-c1"],
                                types: [("a", "government"), ("b", "industry"), ("c", "knowledge"), ("d", "civil_society")])
        let rules = GapRules(composition: [CompositionRule(type: "b", min: 2, why: "two firms"), CompositionRule(type: "a", max: 2)])
        let f = try GapAnalyzer.analyze(model, rules: rules).findings(.underRepresentation)
        let b = try #require(f.first { $0.evidence.first?.of == "type b" })
        #expect(b.severity == .medium && b.actors == ["b1"] && Build.value(b, "actors") == 1 && Build.value(b, "expected_min") == 2)
        #expect(b.sentence == "Only 1 actor of type B; at least 2 expected (two firms).")
        let a = try #require(f.first { $0.evidence.first?.of == "type a" })
        #expect(a.severity == .low && Build.value(a, "expected_max") == 2)
        let d = try #require(f.first { $0.evidence.first?.of == "type d" })
        #expect(d.sentence == "The actor type D is declared but no actor has it.")
        // The core is the triangle (2-core); b1 touches it, c1 does not.
        let core = f.filter { Build.value($0, "max_core_number") != nil }
        #expect(core.map(\.actors) == [["c1"]])
    }

    @Test("an edge list has no actor types: the kind is skipped, and says why")
    func edgeList() throws {
        let model = try EdgeListLoader.load(csv: "source,target\na,b\nb,c\n", file: "e.csv", name: "e")
        let report = try GapAnalyzer.analyze(model)
        #expect(report.findings(.underRepresentation).isEmpty)
        let reason = try #require(report.skipped.first { $0.kind == .underRepresentation })
        #expect(reason.reason.contains("single actor type ('node')"))
        #expect(report.skipped.contains { $0.kind == .openness })
        #expect(report.skipped.contains { $0.kind == .brokerage })
    }
}

@Suite("Gaps 5: missing expected ties")
struct MissingTieGapTests {
    // Start-ups s1, s2, s3 (type b), incubators i1, i2 (type c), projects p1, p2 (type a).
    let model = Build.model(
        ["s1:b", "s2:b", "s3:b", "i1:c", "i2:c", "p1:a", "p2:a", "m:a"],
        ["i1>s1", "s2>i2", "i2-s3", "m>p1", "i1>p2"])

    @Test("every: direction and relation type decide what counts")
    func every() throws {
        let rule = TieRule(id: "support", description: "every start-up is supported", subjects: ActorSelector(types: ["b"]),
                           partners: ActorSelector(types: ["c"]), direction: .fromPartner)
        let f = try GapAnalyzer.analyze(model, rules: GapRules(expectedTies: [rule])).findings(.missingTie)
        // s1 ← i1 counts; s2 → i2 runs the wrong way; s3 – i2 is mutual and counts.
        #expect(f.map(\.actors) == [["s2"]])
        #expect(f[0].rule == "support" && f[0].severity == .medium && Build.value(f[0], "ties_found") == 0)
        let either = TieRule(id: "any", subjects: ActorSelector(types: ["b"]), partners: ActorSelector(types: ["c"]), atLeast: 2)
        let g = try GapAnalyzer.analyze(model, rules: GapRules(expectedTies: [either])).findings(.missingTie)
        #expect(g.map(\.actors) == [["s1"], ["s2"], ["s3"]])
        let typed = TieRule(id: "typed", subjects: ActorSelector(ids: ["s3"]), partners: ActorSelector(types: ["c"]), relationTypes: ["to"])
        #expect(try GapAnalyzer.analyze(model, rules: GapRules(expectedTies: [typed])).findings(.missingTie).map(\.actors) == [["s3"]])
    }

    @Test("coordinator: no single actor tied to every project")
    func coordinator() throws {
        let rule = TieRule(id: "programme", kind: .coordinator, subjects: ActorSelector(ids: ["p1", "p2"]), severity: "high")
        let f = try GapAnalyzer.analyze(model, rules: GapRules(expectedTies: [rule])).findings(.missingTie)
        #expect(f.count == 1 && f[0].severity == .high)
        #expect(Build.value(f[0], "most_subjects_tied_to_one_partner") == 1)
        #expect(f[0].actors == ["p1", "p2", "i1", "m"])
        var met = model
        met.relations.append(Relation(id: "extra", from: "m", to: "p2", type: "to"))
        #expect(try GapAnalyzer.analyze(met, rules: GapRules(expectedTies: [rule])).findings(.missingTie).isEmpty)
    }

    @Test("groups connected: every pair of helices, empty ones included")
    func groups() throws {
        let rule = TieRule(id: "helix", kind: .groupsConnected, grouping: .helix,
                           among: ["government", "industry", "knowledge", "civil_society"])
        let f = try GapAnalyzer.analyze(model, rules: GapRules(expectedTies: [rule])).findings(.missingTie)
        // government (p, m) – industry (s): no tie; knowledge – government via i1 > p2; industry – knowledge tied.
        #expect(f.map { $0.evidence[0].of } == [
            "helix government – industry", "helix government – civil_society",
            "helix industry – civil_society", "helix knowledge – civil_society",
        ])
        #expect(f[1].sentence.hasSuffix("the model has no actor of civil society at all."))
    }

    @Test("a rule that matches no actor says so")
    func empty() throws {
        let rule = TieRule(id: "nobody", subjects: ActorSelector(places: ["Delft"]))
        let f = try GapAnalyzer.analyze(model, rules: GapRules(expectedTies: [rule])).findings(.missingTie)
        #expect(f.count == 1 && Build.value(f[0], "subjects") == 0 && f[0].severity == .low)
    }
}

@Suite("Gaps 6: openness")
struct OpennessGapTests {
    @Test("E-I index per place: the inward-looking place is named")
    func places() throws {
        let model = Build.model(["x1:a:P", "x2:a:P", "x3:b:P", "y1:b:Q", "y2:a:Q"], ["x1-x2", "x2-x3", "x3-y1", "y1-y2"])
        let f = try GapAnalyzer.analyze(model).findings(.openness)
        let place = try #require(f.first { $0.sentence.hasPrefix("By place") })
        // P: 2 internal, 1 external → (1 − 2)/3; Q: 1 internal, 1 external → 0.
        #expect(abs(place.evidence[0].value - (-1.0 / 3)) < 1e-12 && place.evidence[0].of == "place P")
        #expect(place.evidence[1].value == 0 && place.evidence[1].of == "place Q")
        #expect(place.severity == .medium)
        #expect(place.actors == ["x1", "x2", "x3"])
        #expect(place.sentence.contains("P −0.333 (2 inside, 1 outside); Q +0.000 (1 inside, 1 outside)"))
        // By type: a = {x1, x2, y2}: x1–x2 inside, x2–x3 and y1–y2 outside → +1/3.
        let type = try #require(f.first { $0.sentence.hasPrefix("By type") })
        #expect(type.evidence.contains { $0.of == "type a" && abs($0.value - 1.0 / 3) < 1e-12 })
    }
}

@Suite("Gaps 7: peripheral actors")
struct PeripheralGapTests {
    @Test("on a path of 10, only the two ends have ≤ 25% of the others within two steps")
    func path() throws {
        let ids = (0..<10).map { "n\($0)" }
        let model = Build.model(ids, (0..<9).map { "n\($0)-n\($0 + 1)" })
        let f = try GapAnalyzer.analyze(model).findings(.peripheral)
        #expect(Set(f.map { $0.actors[0] }) == ["n0", "n9"])
        #expect(f.allSatisfy { Build.value($0, "core_number") == 1 && Build.value($0, "two_step_reach") == 2 })
        let wider = GapRules(peripheral: PeripheralThresholds(maxCore: 1, maxReachShare: 0.34))
        #expect(try GapAnalyzer.analyze(model, rules: wider).findings(.peripheral).count == 4)
    }
}

@Suite("Gaps 8: the tie portfolio")
struct RecommendedTieGapTests {
    let model = Build.model(["a:a", "b:b", "c:a", "d:b", "e:c"], ["a-b", "b-c", "d-e"])

    /// The model with the portfolio's first `count` ties added (strength 1).
    func extended(_ report: GapReport, _ count: Int) -> EcosystemModel {
        var m = model
        for (i, tie) in report.portfolio!.ties.prefix(count).enumerated() {
            m.relations.append(Relation(id: "new\(i)", from: tie.from, to: tie.to, type: "tie"))
        }
        return m
    }

    @Test("fragmentation: the first tie joins the two components, F 0.6 → 0, effect exact")
    func fragmentation() throws {
        let report = try GapAnalyzer.analyze(model, options: GapOptions(weighting: .unweighted, objective: .fragmentation, ties: 3))
        let p = try #require(report.portfolio)
        // {a, b, c} and {d, e}: 6 + 2 of 20 ordered pairs reachable.
        #expect(agree(p.baseValue, 0.6, tolerance: 1e-15))
        #expect(p.value == 0 && p.ties[0].marginalChange == -0.6 && p.ties[0].valueAfter == 0)
        #expect(p.ties.count == 3 && report.findings(.recommendedTie).count == 3)
        #expect(p.ties[0].filters.contains(.groupBridge) && p.ties[0].bridges.contains { $0.hasPrefix("components") })
        #expect(report.candidatesEvaluated == p.candidateCount && p.candidateCount >= 3)
        #expect(!p.isTiny)
    }

    @Test("efficiency: each step and the whole set equal recomputation on the model with the ties added")
    func efficiency() throws {
        let report = try GapAnalyzer.analyze(model, options: GapOptions(weighting: .unweighted, objective: .globalEfficiency, ties: 3))
        let p = try #require(report.portfolio)
        #expect(p.ties.count == 3)
        let base = try EcosystemNetwork(model: model).simpleGraph.pathStatistics(weighting: .unweighted).globalEfficiency
        #expect(agree(p.baseValue, base, tolerance: 1e-12))
        for i in p.ties.indices {
            let s = try EcosystemNetwork(model: extended(report, i + 1)).simpleGraph.pathStatistics(weighting: .unweighted)
            #expect(agree(p.ties[i].valueAfter, s.globalEfficiency, tolerance: 1e-12))
        }
        #expect(agree(p.value, p.ties.last!.valueAfter, tolerance: 0))
        #expect(agree(p.ties.map(\.marginalChange).reduce(0, +), p.change, tolerance: 1e-12))
        for tie in p.ties {
            #expect(!tie.filters.isEmpty)
            #expect(tie.filters.contains(.linkPrediction) == (tie.score > 0))
        }
        // No evidence line twice in a finding (the old list had global_efficiency twice).
        for f in report.findings(.recommendedTie) {
            #expect(Set(f.evidence.map { "\($0.measure)|\($0.of)" }).count == f.evidence.count)
            #expect(Set(f.evidence.map(\.measure)).count == f.evidence.count)
        }
    }

    @Test("candidates: only pairs that pass a filter; a hub–leaf pair with no shared contact, rule or group gap is not searched")
    func filters() throws {
        // A star around h (types: h hub, the leaves x) plus a leaf pair p-q hanging from l1.
        let star = Build.model(["h:a", "l1:a", "l2:a", "l3:a", "p:a", "q:a"], ["h-l1", "h-l2", "h-l3", "l1-p", "p-q"])
        let report = try GapAnalyzer.analyze(star, options: GapOptions(ties: 2))
        let p = try #require(report.portfolio)
        // One type, connected, one community at most: only shared-contact pairs are candidates:
        // l1-l2, l1-l3, l2-l3 (via h), h-p (via l1), l1-q (via p).
        #expect(p.candidatesByFilter == [.linkPrediction: 5] && p.candidateCount == 5)
        // h – q (the hub and the farthest leaf, no shared contact) is not a candidate.
        #expect(!p.ties.contains { Set([$0.from, $0.to]) == ["h", "q"] })
        #expect(p.ties.allSatisfy { $0.filters == [.linkPrediction] && $0.score > 0 })
    }

    @Test("constraint of a chosen actor: recomputed with every tie of the portfolio added")
    func constraint() throws {
        let report = try GapAnalyzer.analyze(model, options: GapOptions(objective: .constraint(actor: "b"), ties: 2))
        let p = try #require(report.portfolio)
        let base = try EcosystemNetwork(model: model).simpleGraph.constraint()[1]
        #expect(agree(p.baseValue, base, tolerance: 1e-12))
        let after = try EcosystemNetwork(model: extended(report, p.ties.count)).simpleGraph.constraint()[1]
        #expect(agree(p.value, after, tolerance: 1e-12))
        #expect(p.value < base)
        #expect(throws: GapError.self) { try GapAnalyzer.analyze(model, options: GapOptions(objective: .constraint(actor: "zz"))) }
    }

    @Test("components and the weakest group as objectives")
    func otherObjectives() throws {
        let joined = try #require(try GapAnalyzer.analyze(model, options: GapOptions(objective: .components, ties: 2)).portfolio)
        #expect(joined.baseValue == 2 && joined.value == 1 && joined.ties[0].marginalChange == -1)
        let weakest = try #require(try GapAnalyzer.analyze(model, options: GapOptions(weighting: .unweighted, objective: .weakestGroup, ties: 1)).portfolio)
        // Type c (e alone, tied to d only): 1/(n − 1) = 0.25 is the lowest; one tie lifts it.
        #expect(agree(weakest.baseValue, 0.25, tolerance: 1e-15))
        #expect(weakest.value > weakest.baseValue)
    }
}

@Suite("Gaps: the Zoetermeer model")
struct ZoetermeerGapTests {
    @Test("the memo's conclusions, as far as the data carries them")
    func zoetermeer() throws {
        let root = Fixtures.repositoryRoot.appendingPathComponent("Datasets/zoetermeer")
        let model = try ModelLoader.load(contentsOf: root.appendingPathComponent("model.yaml"))
        let rules = try RulesLoader.load(contentsOf: root.appendingPathComponent("rules.yaml"), for: model)
        let report = try GapAnalyzer.analyze(model, rules: rules)
        // No overarching coordinator of the projects.
        let programme = try #require(report.findings(.missingTie).first { $0.rule == "programme_coordination" })
        #expect(Build.value(programme, "most_subjects_tied_to_one_partner") == 3)
        // DIP is among the brokers, but not a cut point.
        #expect(report.findings(.brokerage).contains { $0.actors == ["dip"] && Build.value($0, "effective_size") != nil })
        #expect(report.removal.first { $0.actor == "dip" }?.isArticulationPoint == false)
        // Start-ups in Delft and Rotterdam have no tie to a Zoetermeer actor.
        let startups = report.findings(.missingTie).filter { $0.rule == "startups_in_zoetermeer" }.flatMap(\.actors)
        #expect(startups == ["startups_delft", "startups_rotterdam"])
        // No knowledge institution.
        #expect(report.findings(.underRepresentation).contains { $0.severity == .high && $0.evidence.first?.of == "type knowledge" })
        let portfolio = try #require(report.portfolio)
        #expect(portfolio.ties.count == 3 && portfolio.isSwapOptimal)
        #expect(portfolio.ties.allSatisfy { !$0.filters.isEmpty })
        // Yes!Delft – residents bridges actor types Intermediary – Civil society and the helices
        // intermediary – civil society: the same gap, said once.
        let yes = try #require(portfolio.ties.first { Set([$0.from, $0.to]) == ["yes_delft", "inwoners"] })
        #expect(yes.closes == ["a first tie between Intermediary and Civil society"], "\(yes.closes)")
    }
}
