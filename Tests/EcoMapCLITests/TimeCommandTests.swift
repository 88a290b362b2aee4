@testable import EcoMapJobs
import Ecosystem
import EcosystemAnalysis
import EcosystemReport
import FixtureSupport
import Foundation
import Testing
@testable import EcoMapCLI
#if canImport(FoundationXML)
import FoundationXML
#endif

// Commands run in-process with `runCommand` (MainJobTests.swift); paths are absolute.

/// `--at`, `evolve` and `compare A B` (issue 12), on Tests/Fixtures/time/ (dated.yaml, the
/// filtered snapshots and the NetworkX reference of make_time.py).
@Suite("Time: --at, evolve, compare of two models")
struct TimeCommandTests {
    static let folder = Fixtures.directory.appendingPathComponent("time")
    static let model = folder.appendingPathComponent("dated.yaml").path
    static let indicators = "nodes,edges,density,components,largest_component,global_efficiency"

    static func reference() throws -> [String: [String: Any]] {
        let data = try Data(contentsOf: folder.appendingPathComponent("reference.json"))
        let top = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(top["dates"] as? [String: [String: Any]])
    }

    static func output(_ arguments: [String]) throws -> String {
        let out = temporaryFile("time.out")
        defer { try? FileManager.default.removeItem(atPath: out) }
        try runCommand(arguments + ["-o", out])
        return try String(contentsOfFile: out, encoding: .utf8)
    }

    static let measures = "degree,betweenness,closeness,pagerank," + indicators

    /// The masked model (the jobs' input step with a date) is the model rebuilt from the
    /// filtered file make_time.py wrote, with the same numbers, on every date of the fixture;
    /// and the indicators are NetworkX's.
    @Test func maskedModelIsTheFilteredFileOnEveryDate() throws {
        let names = Self.measures.split(separator: ",").map(String.init)
        for (date, ref) in try Self.reference() {
            let masked = try GraphInput.read(Self.model, directed: false, at: PartialDate(date), files: RunFiles()).model
            let rebuilt = try GraphInput.read(Self.folder.appendingPathComponent("snapshots/\(date).yaml").path, directed: false, files: RunFiles()).model
            #expect(masked == rebuilt, "\(date)")
            #expect(masked.actors.map(\.id) == ref["actors"] as? [String] && masked.relations.map(\.id) == ref["relations"] as? [String], "\(date)")
            let a = try EcosystemAnalyzer.metrics(of: masked, measures: names), b = try EcosystemAnalyzer.metrics(of: rebuilt, measures: names)
            #expect(a.columns.map { $0.map(\.bitPattern) } == b.columns.map { $0.map(\.bitPattern) }, "\(date)")
            let network = Dictionary(uniqueKeysWithValues: a.network.map { ($0.name, $0.value) })
            for key in ["nodes", "edges", "components", "largest_component"] {
                #expect(network[key] == ref[key] as? Double, "\(date) \(key)")
            }
            for key in ["density", "global_efficiency"] {
                if let x = ref[key] as? Double { #expect(abs((network[key] ?? .nan) - x) < 1e-12, "\(date) \(key)") }
            }
        }
    }

    /// `analyze --at` prints what `analyze` prints for the filtered file (three dates: year,
    /// month and day precision).
    @Test func analyzeAtIsAnalyzeOfTheFilteredFile() throws {
        for date in ["2013", "2011-09", "2018-01-15"] {
            let masked = try Self.output(["analyze", Self.model, "--at", date, "--measures", Self.measures, "--format", "json"])
            let rebuilt = try Self.output(["analyze", Self.folder.appendingPathComponent("snapshots/\(date).yaml").path,
                                           "--measures", Self.measures, "--format", "json"])
            #expect(masked == rebuilt, "\(date)")
        }
    }

    @Test func atRefusesWhatIsNotADate() {
        #expect(throws: (any Error).self) { try runCommand(["analyze", Self.model, "--at", "2017-13"]) }
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Every period of `evolve` agrees with `analyze --at` for that date: indicators, and each
    /// actor's value of every measure (and who is there).
    @Test func evolveAgreesWithAnalyzeAtOnEveryPeriod() throws {
        let measures = "degree,betweenness,closeness,pagerank"
        let evolved = try Self.json(try Self.output(["evolve", Self.model, "--measures", measures, "--indicators", Self.indicators,
                                                     "--no-findings", "--format", "json"]))
        let periods = try #require(evolved["periods"] as? [[String: Any]]).map { $0["period"] as! String }
        #expect(periods == (2005...2022).map(String.init))   // from the earliest since to observed 2022-10
        let indicators = try #require(evolved["indicators"] as? [String: [String: Any]])
        let values = try #require(evolved["measures"] as? [String: [String: [String: [String: Any]]]])
        let reference = try Self.reference()
        for period in periods {
            let analyzed = try Self.json(try Self.output(["analyze", Self.model, "--at", period, "--measures", measures + "," + Self.indicators, "--format", "json"]))
            let graph = try #require(analyzed["graph"] as? [String: Any])
            for name in Self.indicators.split(separator: ",").map(String.init) {
                #expect((indicators[name]?[period] as? Double) == (graph[name] as? Double), "\(period) \(name)")
            }
            let nodes = try #require(analyzed["nodes"] as? [String: [String: Any]])
            #expect(Set(nodes.keys) == Set(reference[period]?["actors"] as? [String] ?? []), "\(period)")
            for measure in measures.split(separator: ",").map(String.init) {
                let inPeriod = (values[measure] ?? [:]).filter { $0.value[period] != nil }
                #expect(Set(inPeriod.keys) == Set(nodes.keys), "\(period) \(measure)")
                for (actor, row) in nodes {
                    #expect((inPeriod[actor]?[period]?["value"] as? Double) == (row[measure] as? Double), "\(period) \(measure) \(actor)")
                }
            }
        }
    }

    /// Entering and leaving on the fixture, by hand; ranks over time; the month step.
    @Test func enteringLeavingAndRanksKnownByHand() throws {
        let model = try GraphInput.read(Self.model, directed: false, files: RunFiles()).model
        let e = try EvolveJob.run(model, from: PartialDate("2015"), to: PartialDate("2017"), step: EvolutionStep("1y")!,
                                  measures: ["degree"], indicators: ["nodes"], analysis: AnalysisOptions(), rules: nil).evolution
        #expect(e.periods.map(\.description) == ["2015", "2016", "2017"])
        // The text names actors as the model does (ids are in CSV and JSON).
        let text = EvolutionWriter.text(e, title: "Dated", style: .text)
        #expect(text.contains("\nCity ") && !text.contains("\ncity "), "\(text)")
        // A long chart title is wrapped into lines that fit the chart (about 10 px a character).
        let svg = EvolutionWriter.svg(e, indicators: ["nodes"], title: String(repeating: "Smart City Zoetermeer ", count: 6))
        let titles = svg.components(separatedBy: "font-weight=\"bold\">").dropFirst().map { $0.prefix { $0 != "<" } }
        #expect(titles.count >= 3 && titles.allSatisfy { $0.count <= 43 }, "\(titles)")
        #expect(e.changes[0].addedActors == ["city", "region", "uni", "incubator", "park", "firm1", "firm2", "council"])
        #expect(e.changes[1].addedActors == ["firm3"] && e.changes[1].removedActors == ["firm1"])
        #expect(e.changes[1].addedRelations == ["r10"] && e.changes[1].removedRelations == ["r6"])
        #expect(e.changes[2].addedActors.isEmpty && e.changes[2].removedRelations.isEmpty)
        // Degree in 2015: park 4 (r7 r8 r9 r11), city 4 (r1 r2 r6 r7) → rank 1; 2016: park 5 (+r10) alone first.
        let park = try #require(e.comparison.actorIDs.firstIndex(of: "park")), city = try #require(e.comparison.actorIDs.firstIndex(of: "city"))
        #expect(e.comparison.values[0][0][park] == 4 && e.comparison.values[0][1][park] == 5)
        #expect(e.comparison.ranks[0][0][park] == 1 && e.comparison.ranks[0][0][city] == 1 && e.comparison.ranks[0][1][city] == 2)
        #expect(e.rankChange(measure: 0, period: 1, actor: city) == -1)
        let months = try Evolution.periods(of: model, from: PartialDate("2021-06-21"), to: PartialDate("2022"), step: EvolutionStep("6m")!)
        #expect(months.map(\.description) == ["2021-06", "2021-12"])
        #expect(throws: EvolutionError.toBeforeFrom(PartialDate("2022")!, PartialDate("2021")!)) {
            try Evolution.periods(of: model, from: PartialDate("2022"), to: PartialDate("2021"), step: EvolutionStep("1y")!)
        }
        #expect(EvolutionStep("0y") == nil && EvolutionStep("6 months")?.description == "6m" && EvolutionStep("1w") == nil)
        // Too many periods: the message gives the range's true count (2000-01-01 … 2004-12-31
        // daily is 1,827 days), not the limit plus one.
        #expect(throws: EvolutionError.tooManyPeriods(1827, limit: Evolution.maxPeriods)) {
            try Evolution.periods(of: model, from: PartialDate("2000-01-01"), to: PartialDate("2004-12-31"), step: EvolutionStep("1d")!)
        }
    }

    /// Findings are matched by key, not text: the "one component" finding has new numbers in
    /// 2006 but is the same finding; it leaves when the network splits (2007) and returns.
    @Test func findingsAppearAndDisappearByKey() throws {
        let evolved = try Self.json(try Self.output(["evolve", Self.model, "--to", "2009", "--measures", "degree", "--indicators", "components", "--format", "json"]))
        let periods = try #require(evolved["periods"] as? [[String: Any]])
        func events(_ field: String) -> [String] {
            periods.filter { p in (p[field] as? [[String: Any]] ?? []).contains { ($0["text"] as? String)?.hasPrefix("With ties read both ways") == true } }
                .map { $0["period"] as! String }
        }
        #expect(events("findings_appear") == ["2005", "2008"])
        #expect(events("findings_disappear") == ["2007"])
        let first = try #require((periods[0]["findings_appear"] as? [[String: Any]])?.first?["key"] as? [String: Any])
        #expect(Set(first.keys) == ["kind", "check", "rule", "actors", "relations", "groups"])
    }

    /// The chart, the maps on one layout and a diff between two dates are written and are SVG.
    @Test func chartMapsAndDiff() throws {
        let folder = temporaryFile("maps"), chart = temporaryFile("chart.svg")
        defer { try? FileManager.default.removeItem(atPath: folder); try? FileManager.default.removeItem(atPath: chart) }
        _ = try Self.output(["evolve", Self.model, "--from", "2016", "--to", "2019", "--no-findings", "--chart", chart,
                             "--chart-indicators", "nodes,density", "--maps", folder, "--diff", "2005..2022"])
        let svg = try String(contentsOfFile: chart, encoding: .utf8)
        #expect(svg.contains("<title id=\"chart-title\">Dated test ecosystem: indicators per period</title>"))
        #expect(svg.contains("nodes: 2016 8, 2017 8, 2018 9, 2019 10"))
        #expect(svg.components(separatedBy: "<g class=\"panel\"").count == 3)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasPrefix(".") }.sorted()
        #expect(names == ["2016.svg", "2017.svg", "2018.svg", "2019.svg", "diff-2005-2022.svg", "small-multiples.svg"])
        for name in names {
            let data = try Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent(name))
            #expect(XMLParser(data: data).parse(), "\(name)")
        }
        // The 2018 map marks the living lab as entering, firm one is not drawn (gone before 2017).
        let map2018 = try String(contentsOfFile: folder + "/2018.svg", encoding: .utf8)
        #expect(map2018.contains("added") && !map2018.contains("Firm one"))
        let diff = try String(contentsOfFile: folder + "/diff-2005-2022.svg", encoding: .utf8)
        #expect(diff.contains("Programme office") && diff.contains("Dated test ecosystem: 2022 — compared with 2005"))
    }

    /// `compare A B` of two separately built models (matched by name) agrees with `analyze`
    /// on each model alone; unmatched actors are listed; ties are matched by ends and type.
    @Test func compareTwoModelsAgreesWithAnalyzeOnEach() throws {
        let a = Self.folder.appendingPathComponent("snapshots/2017.yaml").path
        let b = Self.folder.appendingPathComponent("observed-2022.yaml").path
        let measures = "degree,betweenness,closeness"
        let compared = try Self.json(try Self.output(["compare", a, b, "--match", "name", "--measures", measures,
                                                      "--indicators", Self.indicators, "--no-findings", "--format", "json"]))
        let indicators = try #require(compared["indicators"] as? [String: [String: [String: Any]]])
        let values = try #require(compared["measures"] as? [String: [String: [String: [String: Any]]]])
        let rename = ["b_council": "council", "b_lab": "b_lab", "b_firm2": "firm2", "b_park": "park", "b_incubator": "incubator",
                      "b_uni": "uni", "b_region": "region", "b_city": "city", "b_programme": "b_programme", "b_newcomer": "b_newcomer"]
        for (path, network, ids) in [(a, "dated", [String: String]()), (b, "observed-2022", rename)] {
            let alone = try Self.json(try Self.output(["analyze", path, "--measures", measures + "," + Self.indicators, "--format", "json"]))
            let graph = try #require(alone["graph"] as? [String: Any])
            for name in Self.indicators.split(separator: ",").map(String.init) {
                #expect((indicators[name]?[network]?["value"] as? Double) == (graph[name] as? Double), "\(network) \(name)")
            }
            for (actor, row) in try #require(alone["nodes"] as? [String: [String: Any]]) {
                for m in measures.split(separator: ",").map(String.init) {
                    #expect((values[m]?[ids[actor] ?? actor]?[network]?["value"] as? Double) == (row[m] as? Double), "\(network) \(m) \(actor)")
                }
            }
        }
        let networks = try #require(compared["networks"] as? [[String: Any]])
        let changes = try #require(networks[1]["changes"] as? [String: [String]])
        #expect(changes["removed_actors"] == ["firm3"] && changes["added_actors"] == ["b_programme", "b_lab", "b_newcomer"])
        // 2017 → 2022 by hand: park–firm2 (r8, until 2019), park–firm3 (r10, firm3 gone),
        // region→park (r11, until 2017-12) leave; the programme office's, the lab's and the newcomer's ties come.
        #expect(changes["removed_relations"] == ["r8", "r10", "r11"])
        #expect(changes["added_relations"]?.sorted() == ["e2", "e3", "e4", "e5", "e6", "e99"])
        #expect(changes["changed_relations"] == [])
        // The table lists the unmatched actors.
        let table = try Self.output(["compare", a, b, "--match", "name", "--no-findings"])
        #expect(table.hasSuffix("Actors matched by name; unmatched:\nonly in dated: Firm three (firm3)\nonly in observed-2022: Programme office (b_programme), Living lab (b_lab), Newcomer (b_newcomer)\n"))
        // By id nothing matches: every actor is unmatched.
        let byID = try Self.output(["compare", a, b, "--no-findings", "--measures", "degree", "--indicators", "nodes"])
        #expect(byID.contains("only in dated: City (city), Region (region), University (uni), Incubator (incubator), Innovation park (park), Firm two (firm2), Firm three (firm3), Council (council)"))
        // A second model and a scenario together are refused.
        #expect(throws: (any Error).self) { try runCommand(["compare", a, b, b]) }
    }

    /// The report has an Evolution section when, and only when, the model is dated.
    @Test func reportEvolutionSectionOnlyWhenDated() throws {
        let dated = try GraphInput.read(Self.model, directed: false, files: RunFiles()).model
        let section = try #require(try ReportJob.evolutionSection(dated, analysis: AnalysisOptions(), rules: nil))
        #expect(section.id == "evolution" && section.figures.map(\.fileName) == ["report-evolution.svg"])
        #expect(section.markdown.contains("2005 → 2022, every 1 year (18 periods)"))
        var undated = dated
        for k in undated.actors.indices { undated.actors[k].since = nil; undated.actors[k].until = nil }
        for k in undated.relations.indices { undated.relations[k].since = nil; undated.relations[k].until = nil }
        #expect(try ReportJob.evolutionSection(undated, analysis: AnalysisOptions(), rules: nil) == nil)
    }
}
