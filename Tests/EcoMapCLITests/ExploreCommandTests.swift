import EcoMapJobs
import Ecosystem
import EcosystemAnalysis
import EcosystemReport
import Foundation
import FixtureSupport
import Testing
@testable import EcoMapCLI

/// `ecomap explore`: the page file, its bytes, its policy and its data. What the page does in
/// a browser is tested by Tests/Browser/test_explore.py (`make test` runs it after these).
@Suite("ecomap explore")
struct ExploreCommandTests {
    static func explore(_ name: String, model: String = CLITestSupport.model, _ extra: [String] = []) throws -> String {
        let folder = try CLITestSupport.scratch("explore-\(name)")
        let out = folder.appendingPathComponent("explore.html").path
        try Explore.parse([model, "-o", out] + extra).run()
        return String(decoding: try Data(contentsOf: URL(fileURLWithPath: out)), as: UTF8.self)
    }

    static func dataText(_ html: String) throws -> Data {
        let start = try #require(html.range(of: "<script type=\"application/json\" id=\"ecomap-data\">"))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        return Data(html[start.upperBound..<end.lowerBound].utf8)
    }

    static func dataBlock(_ html: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: try dataText(html)) as? [String: Any])
    }

    /// The measures, decoded with JSONDecoder (JSONSerialization on Linux may round the last
    /// digit of a double; the decoder reads the shortest round-trip form back exactly).
    struct Measures: Decodable {
        struct Measure: Decodable { let name: String; let values: [Double?]; let ranks: [Int?] }
        let measures: [Measure]
    }

    @Test("the same command twice gives the same bytes; the page is self-contained")
    func deterministic() throws {
        // Up to three pairs (Graphviz's Pango may measure a label 1 pt wider in a rare render:
        // `identicalInSomeAttempt`); a difference of our own shows in every pair.
        #expect(try identicalInSomeAttempt { try Self.explore("a") })
        let first = try Self.explore("a")
        #expect(first.hasPrefix("<!DOCTYPE html>"))
        #expect(first.contains("<svg"))
        #expect(!first.contains("{{"), "a template placeholder was left")
        for external in ["src=\"http", "href=\"http", "src=\"//", "@import", "url(http"] {
            #expect(!first.contains(external), "external reference \(external)")
        }
    }

    @Test("the policy allows exactly the page's one script and one style, by SHA-256")
    func policy() throws {
        // Known vectors: SHA-256 of "" and of "abc" (FIPS 180-2), base64.
        #expect(ExplorerPage.hash("") == "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")
        #expect(ExplorerPage.hash("abc") == "sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=")
        let html = try Self.explore("policy")
        func between(_ open: String, _ close: String) throws -> String {
            let a = try #require(html.range(of: open)), b = try #require(html.range(of: close, range: a.upperBound..<html.endIndex))
            return String(html[a.upperBound..<b.lowerBound])
        }
        let script = try between("<script>", "</script>"), style = try between("<style>", "</style>")
        let csp = try between("http-equiv=\"Content-Security-Policy\" content=\"", "\"")
        #expect(csp == "default-src 'none'; script-src '\(ExplorerPage.hash(script))'; style-src '\(ExplorerPage.hash(style))'; img-src data:; base-uri 'none'; form-action 'none'")
        #expect(html.components(separatedBy: "<script").count == 3, "one data block and one script")
    }

    @Test("the page's measures and ranks are those of one analysis with the user's options")
    func measures() throws {
        let html = try Self.explore("measures", ["--weight", "none", "--size-by", "degree"])
        let data = try Self.dataBlock(html)
        let model = try ModelLoader.load(contentsOf: URL(fileURLWithPath: CLITestSupport.model))
        let names = ["degree", "strength", "betweenness", "closeness", "leiden"]
        let table = try EcosystemAnalyzer.metrics(
            of: model, measures: names, options: AnalysisOptions(directed: false, weighting: .unweighted, normalized: true, seed: 1))
        let measures = try JSONDecoder().decode(Measures.self, from: try Self.dataText(html)).measures
        #expect(data["measureIds"] as? [String] == model.actors.map(\.id))
        for (j, name) in names.enumerated() {
            let m = try #require(measures.first { $0.name == name }, "no \(name)")
            #expect(m.values == table.columns[j].map { $0.isNaN ? nil : $0 }, "\(name)")
            #expect(m.ranks == ScenarioComparison.ranks(table.columns[j]), "\(name) ranks")
        }
        // With --weight none every strength is the degree: the option reached the page.
        let degree = try #require(measures.first { $0.name == "degree" }?.values)
        let strength = try #require(measures.first { $0.name == "strength" }?.values)
        #expect(degree == strength)
        #expect((data["sizing"] as? [String: Any])?["measure"] as? String == "degree")
    }

    @Test("relations carry their evidence; findings name actors; scenarios give their diffs")
    func content() throws {
        let html = try Self.explore("content", [
            "--scenario", ReportCommandTests.scenario("dip-loss"), "--scenario", ReportCommandTests.scenario("programme")])
        let data = try Self.dataBlock(html)
        let relations = try #require(data["relations"] as? [[String: Any]])
        let r9 = try #require(relations.first { $0["id"] as? String == "r9" })
        #expect(r9["from"] as? String == "red_plume" && r9["to"] as? String == "dip")
        #expect(r9["assumed"] as? String == "the memo mentions interviews without naming who; Conclusies 3 judges DIP's role")
        #expect(r9["confidence"] as? Double == 0.5)
        #expect(r9["source"] as? String == "Bestuurlijke nota Smart City 2022, Rekenkameronderzoek")
        let findings = try #require(data["findings"] as? [[String: Any]])
        #expect(findings.contains { ($0["actors"] as? [String])?.contains("dip") == true })
        let marks = try #require(data["gapMarks"] as? [String: Any])
        #expect(marks["cutPoints"] as? [String] == ["project_data"])
        let scenarios = try #require(data["scenarios"] as? [[String: Any]])
        #expect(scenarios.map { $0["name"] as? String } == ["dip-loss", "programme"])
        #expect(scenarios[0]["removedActors"] as? [String] == ["dip"])
        #expect((scenarios[1]["addedActors"] as? [[String: Any]])?.first?["id"] as? String == "programma_smart_city")
    }

    @Test("dated actors carry since and until for the date slider")
    func dated() throws {
        let model = Fixtures.repositoryRoot.appendingPathComponent("Tests/Browser/dated.yaml").path
        let data = try Self.dataBlock(try Self.explore("dated", model: model))
        let actors = try #require(data["actors"] as? [[String: Any]])
        #expect(actors.map { $0["since"] as? String } == [nil, "2010", "2019", "2014-03-01"])
        #expect(actors.map { $0["until"] as? String } == [nil, "2016", nil, "2021-12-31"])
    }

    @Test("never writes over an input; is listed in --help")
    func guards() throws {
        let folder = try CLITestSupport.scratch("explore-guard")
        let model = folder.appendingPathComponent("model.yaml")
        try FileManager.default.copyItem(atPath: CLITestSupport.model, toPath: model.path)
        let before = try Data(contentsOf: model)
        #expect(throws: JobError.self) { try Explore.parse([model.path, "-o", model.path, "--no-rules"]).run() }
        #expect(try Data(contentsOf: model) == before)
        #expect(EcoMap.helpMessage().contains("explore"))
        #expect(Explore.helpMessage().contains("--scenario"))
    }

    @Test("JSON: sorted keys, exact numbers, null for NaN, nothing that ends a script element")
    func json() {
        let value = ExplorerJSON.object([
            "b": .number(0.1), "a": .array([.number(3), .number(.nan), .number(-.infinity), .bool(true), .null]),
            "é": .string("</script><!-- & \u{2028}\"\\\n"), "B": .number(1e-20),
        ])
        #expect(value.text == #"{"B":1e-20,"a":[3,null,null,true,null],"b":0.1,"é":"\u003c/script\u003e\u003c!-- \u0026 \u2028\"\\\n"}"#)
    }
}
