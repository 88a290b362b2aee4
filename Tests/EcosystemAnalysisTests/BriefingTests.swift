import Ecosystem
import Testing
@testable import EcosystemAnalysis

/// The briefing, folding and filters on hand-made graphs with known answers.
@Suite("Briefing, folded findings and filters")
struct BriefingTests {
    // h ties the triangle-ish group p1, p2, p3 (type b) to q1, q2 (type c) and, through q1, to
    // the leaf l. Without h, p1, p2 and p3 are cut off; without q1, l is.
    let model = Build.model(
        ["h:a", "p1:b", "p2:b", "p3:b", "q1:c", "q2:c", "l:a"],
        ["h-p1", "h-p2", "h-p3", "p1-p2", "h-q1", "h-q2", "q1-q2", "q1-l"])
    let rules = GapRules(expectedTies: [
        TieRule(id: "support", description: "every b is tied to a c", subjects: ActorSelector(types: ["b"]), partners: ActorSelector(types: ["c"])),
        TieRule(id: "lone", description: "every a is tied to a b", subjects: ActorSelector(types: ["a"]), partners: ActorSelector(types: ["b"])),
        TieRule(id: "hub", kind: .coordinator, subjects: ActorSelector(ids: ["p3", "l"]), severity: "high"),
    ])

    @Test("names the actor that holds the graph together and the single points of failure, with who is cut off")
    func namesTheHub() throws {
        let report = try GapAnalyzer.analyze(model, rules: rules)
        let briefing = Briefing(report)
        let together = try #require(briefing.items.first { $0.topic == .holdsTogether })
        // h's removal costs most (it cuts off p1, p2, p3); its articulation point backs the item.
        #expect(report.removal.first?.actor == "h")
        #expect(together.findings.first?.actors.first == "h")
        #expect(together.findings.first?.key.check == "articulation_point")
        // The broker of largest effective size that is not already named.
        let brokers = report.findings.filter { $0.key.check == "broker" }
        // h and q1 cost most and are both cut points; h and q1 are the only brokers, so no third.
        #expect(report.removal.prefix(2).map(\.actor) == ["h", "q1"])
        #expect(Set(brokers.compactMap(\.actors.first)) == ["h", "q1"])
        #expect(together.findings.map(\.key.check) == ["articulation_point", "articulation_point"])
        #expect(together.findings.map { $0.actors.first } == ["h", "q1"])
        let cuts = try #require(briefing.items.first { $0.topic == .singlePointOfFailure })
        #expect(cuts.findings.map { $0.actors } == [["h", "p1", "p2", "p3"], ["q1", "l"]])
        #expect(cuts.severity == .high)
        #expect(cuts.keys.map(\.check) == ["articulation_point", "articulation_point"])
        // Ranked: high items first, then topic order.
        #expect(briefing.items.map(\.severity) == briefing.items.map(\.severity).sorted())
        #expect(briefing.items.count <= 5 && briefing.items.count >= 3)
    }

    @Test("expectations: the most serious rule first, then the rule broken most often, folded")
    func expectations() throws {
        let report = try GapAnalyzer.analyze(model, rules: rules)
        let item = try #require(Briefing(report).items.first { $0.topic == .expectations })
        #expect(item.findings.map(\.rule) == ["hub", "support", "lone"])
        let support = item.findings[1]
        #expect(support.members.map(\.actors) == [["p1"], ["p2"], ["p3"]])
        #expect(support.memberKeys == report.findings.filter { $0.rule == "support" }.map(\.key))
        #expect(item.findings[2].members.isEmpty && item.findings[2].actors == ["l"])
    }

    @Test("the ties item follows the recommended ties, best first")
    func ties() throws {
        let report = try GapAnalyzer.analyze(model, rules: rules)
        let item = try #require(Briefing(report).items.first { $0.topic == .ties })
        #expect(item.findings.map(\.actors) == (report.portfolio?.ties ?? []).prefix(3).map { [$0.from, $0.to] })
        #expect(Briefing(report, maximumItems: 2).items.count == 2)
    }

    @Test("pairs of groups with no direct tie fold into one finding per grouping, keeping every member's key")
    func folding() throws {
        // Five types (each its own helix) in a chain: 10 pairs of types, 4 tied, 6 not.
        let types = (1...5).map { ("t\($0)", "h\($0)") }
        let chain = Build.model(["a:t1", "b:t2", "c:t3", "d:t4", "e:t5"], ["a-b", "b-c", "c-d", "d-e"], types: types)
        let report = try GapAnalyzer.analyze(chain)
        let pairs = report.findings.filter { $0.key.check == "no_direct_tie" }
        #expect(pairs.count == 12)
        let folded = report.foldedFindings()
        #expect(folded.count == report.findings.count - 12 + 2)
        let byType = try #require(folded.first { $0.key == FindingKey(kind: .brokerage, check: "no_direct_tie", groups: ["type"]) })
        #expect(byType.members.count == 6)
        #expect(byType.memberKeys.map(\.groups) == [["type t1", "type t3"], ["type t1", "type t4"], ["type t1", "type t5"],
                                                   ["type t2", "type t4"], ["type t2", "type t5"], ["type t3", "type t5"]])
        #expect(byType.sentence == "No direct tie joins 6 pairs of actor types: T1 – T3, T1 – T4, T1 – T5, T2 – T4, T2 – T5 and T3 – T5.")
        #expect(byType.severity == .low && byType.evidence.first?.value == 6)
        // Every atomic key is some folded finding's member key: nothing is lost.
        #expect(Set(folded.flatMap(\.memberKeys)) == Set(report.findings.map(\.key)))
        // The group cut off from most others comes first (t1: no tie to t3, t4, t5).
        #expect(Briefing.mostCutOff(byType).first?.group == "type t1")
        #expect(Briefing.mostCutOff(byType).first?.from == ["type t3", "type t4", "type t5"])
        // One member does not fold.
        #expect(report.foldedFindings(minimumMembers: 7).count == report.findings.count)
    }

    @Test("filters by least severity and by kind; an unknown kind lists the valid ones")
    func filters() throws {
        let report = try GapAnalyzer.analyze(model, rules: rules)
        let medium = report.filtered(FindingFilter(minimumSeverity: .medium))
        #expect(medium.findings.allSatisfy { $0.severity == .high || $0.severity == .medium })
        #expect(medium.findings.count == report.findings.filter { $0.severity <= .medium }.count)
        #expect(medium.findings.count < report.findings.count)
        let kinds = try FindingFilter.kinds("missing_tie, brokerage")
        #expect(kinds == [.missingTie, .brokerage])
        let only = report.filtered(FindingFilter(kinds: kinds))
        #expect(Set(only.findings.map(\.kind)) == [.missingTie, .brokerage])
        #expect(only.portfolio == nil)
        #expect(Briefing(only).items.map(\.topic).allSatisfy { $0 == .holdsTogether || $0 == .cutOffGroups || $0 == .expectations })
        #expect(throws: FindingFilterError.unknownKind("gap", valid: FindingKind.allCases.map(\.rawValue))) { try FindingFilter.kinds("gap") }
    }
}
