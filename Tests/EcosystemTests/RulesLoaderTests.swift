import FixtureSupport
import Foundation
import Testing
@testable import Ecosystem

@Suite("Rules loader")
struct RulesLoaderTests {
    let model = try! ModelLoader.load(yaml: """
        actor_types: [{id: intermediary, helix: intermediary}, {id: industry, helix: industry}, {id: project}]
        relation_types: [{id: supports, directed: true}, {id: collaborates, directed: false}]
        actors:
          - {id: dip, type: intermediary, place: Zoetermeer}
          - {id: acme, type: industry, place: Delft}
          - {id: p1, type: project}
        relations: [{from: dip, to: acme, type: supports}]
        """, file: "m.yaml")

    @Test("a complete rules file")
    func complete() throws {
        let rules = try RulesLoader.load(yaml: """
            description: test
            municipality: dip
            composition:
              - {type: industry, min: 2, max: 5, why: "two firms"}
            expected_ties:
              - id: support
                description: every firm is supported
                subjects: {type: industry, place: [Delft, Zoetermeer]}
                partners: {helix: intermediary}
                relation_types: supports
                direction: from_partner
                at_least: 2
                severity: high
              - {id: programme, kind: coordinator, subjects: {type: project}}
              - {id: helices, kind: groups_connected, grouping: helix, among: [industry, intermediary]}
            peripheral: {max_core: 2, max_reach_share: 0.5}
            """, file: "rules.yaml", for: model)
        #expect(rules.municipality == ["dip"])
        #expect(rules.composition == [CompositionRule(type: "industry", min: 2, max: 5, why: "two firms")])
        #expect(rules.expectedTies.count == 3)
        let support = rules.expectedTies[0]
        #expect(support == TieRule(
            id: "support", description: "every firm is supported",
            subjects: ActorSelector(types: ["industry"], places: ["Delft", "Zoetermeer"]),
            partners: ActorSelector(helices: ["intermediary"]), relationTypes: ["supports"],
            direction: .fromPartner, atLeast: 2, severity: "high"))
        #expect(rules.expectedTies[1].kind == .coordinator)
        #expect(rules.expectedTies[2].grouping == .helix && rules.expectedTies[2].among == ["industry", "intermediary"])
        #expect(rules.peripheral == PeripheralThresholds(maxCore: 2, maxReachShare: 0.5))
        #expect(support.subjects.matches(model.actors[1], in: model))
        #expect(!support.subjects.matches(model.actors[0], in: model))
    }

    @Test("every problem is reported with line and column, against the model's names")
    func errors() throws {
        do {
            _ = try RulesLoader.load(yaml: """
                municipality: [dipp]
                composition:
                  - {type: knowledge, min: -1}
                expected_ties:
                  - id: a
                    subjects: {type: industry}
                    partners: {ids: [acme], typ: project}
                    relation_types: [funds]
                    kind: everyone
                    severity: urgent
                  - id: a
                    kind: groups_connected
                    grouping: helix
                    among: [industri]
                municipalty: x
                """, file: "r.yaml", for: model)
            Issue.record("expected errors")
        } catch {
            let text = error.description
            #expect(text.contains("r.yaml:1:15: error: unknown actor 'dipp'; known actors include 'dip'"))
            #expect(text.contains("r.yaml:3:12: error: unknown actor type 'knowledge'"))
            #expect(text.contains("r.yaml:3:28: error: 'min' is '-1'"))
            #expect(text.contains("r.yaml:7:29: error: unknown key 'typ'"))
            #expect(text.contains("r.yaml:8:21: error: rule 'a' names unknown relation type 'funds'"))
            #expect(text.contains("r.yaml:9:11: error: rule 'a' has unknown kind 'everyone'"))
            #expect(text.contains("r.yaml:10:15: error: rule 'a' has unknown severity 'urgent'"))
            #expect(text.contains("r.yaml:11:5: error: duplicate rule id 'a'; rule ids must be unique; 'a' is first used at line 5"))
            #expect(text.contains("r.yaml:14:12: error: unknown helix sphere 'industri'"))
            #expect(text.contains("r.yaml:15:1: error: unknown key 'municipalty' in the rules; did you mean 'municipality'?"))
            #expect(error.issues.count == 10)
        }
    }

    @Test("JSON rules read the same; an empty file is no rules")
    func json() throws {
        let rules = try RulesLoader.load(yaml: #"{"municipality": ["dip"], "expected_ties": [{"id": "x", "subjects": {"ids": "p1"}}]}"#, file: "r.json", for: model)
        #expect(rules.municipality == ["dip"] && rules.expectedTies[0].subjects.ids == ["p1"])
        #expect(try RulesLoader.load(yaml: "", file: "r.yaml", for: model) == GapRules())
    }

    @Test("the Zoetermeer rules load against the Zoetermeer model")
    func zoetermeer() throws {
        let root = Fixtures.repositoryRoot.appendingPathComponent("Datasets/zoetermeer")
        let model = try ModelLoader.load(contentsOf: root.appendingPathComponent("model.yaml"))
        let rules = try RulesLoader.load(contentsOf: root.appendingPathComponent("rules.yaml"), for: model)
        #expect(rules.municipality == ["college", "ambtelijke_organisatie"])
        #expect(rules.expectedTies.map(\.id) == [
            "programme_coordination", "municipality_steers_projects", "startup_support", "startups_in_zoetermeer",
            "residents_and_businesses_involved", "regional_cooperation", "helix_ties",
        ])
    }
}
