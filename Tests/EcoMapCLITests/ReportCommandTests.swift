import EcoMapJobs
import Ecosystem
import EcosystemAnalysis
import EcosystemRendering
import EcosystemReport
import FixtureSupport
import Foundation
import Testing
@testable import EcoMapCLI

@Suite("ecomap report")
struct ReportCommandTests {
    /// Runs `ecomap report` on the Zoetermeer model into a scratch folder; returns the bundle folder.
    static func runReport(_ name: String, extra: [String] = []) throws -> URL {
        let folder = try CLITestSupport.scratch("report-\(name)")
        let command = try Report.parse([CLITestSupport.model, "-o", folder.path, "--size-by", "degree"] + extra)
        try command.run()
        return folder.appendingPathComponent("zoetermeer", isDirectory: true)
    }

    /// Scenario files of the Zoetermeer model.
    static func scenario(_ name: String) -> String {
        Fixtures.repositoryRoot.appendingPathComponent("Datasets/zoetermeer/scenarios/\(name).yaml").path
    }

    @Test("writes report.html, report.md and the SVGs; the same command twice gives the same bytes")
    func bundle() throws {
        let first = try Self.runReport("first")
        let files = ["report.html", "report.md", "report-map.svg", "report-communities.svg", "report-gaps.svg"]
        for file in files {
            let a = try CLITestSupport.bytes(first.appendingPathComponent(file))
            #expect(a.count > 1_000, "\(file) is \(a.count) bytes")
        }
        var attempt = 0
        #expect(try identicalInSomeAttempt { () throws -> [[UInt8]] in
            attempt += 1
            let run = try Self.runReport("again-\(attempt)")
            return try files.map { try CLITestSupport.bytes(run.appendingPathComponent($0)) }
        }, "the bundle differs between runs")
        for svg in ["report-map.svg", "report-communities.svg", "report-gaps.svg"] {
            #expect(SVGFinisher.wellFormednessProblem(try CLITestSupport.bytes(first.appendingPathComponent(svg))) == nil)
        }
        let html = String(decoding: try CLITestSupport.bytes(first.appendingPathComponent("report.html")), as: UTF8.self)
        // The map, the communities, the gaps, and the Evolution chart (the model is dated).
        #expect(html.components(separatedBy: "<svg ").count - 1 == 4)
        #expect(html.contains("<section id=\"evolution\">\n<h2>Evolution</h2>"))
        // The briefing at the top: above the key figures, the contents and the first figure.
        let briefing = try #require(html.range(of: "<section id=\"briefing\" class=\"briefing\">\n<h2>Where to start</h2>\n<ol>\n<li data-findings=\"missing_tie/coordinator/programme_coordination "))
        #expect(briefing.lowerBound < html.range(of: "<nav>")!.lowerBound)
        #expect(html.components(separatedBy: "<li data-findings=").count - 1 == 5)
        let markdown = String(decoding: try CLITestSupport.bytes(first.appendingPathComponent("report.md")), as: UTF8.self)
        let start = try #require(markdown.range(of: "\n\n## Where to start\n\n1. Expectations that fail (rules file):"))
        #expect(start.lowerBound < markdown.range(of: "## Key figures")!.lowerBound, "the briefing first, then the key figures")
        #expect(markdown.contains("## Evolution\n\nSmart City Zoetermeer — innovatie-ecosysteem (Bestuurlijke nota, okt. 2022): 2005 → 2022, every 1 year (18 periods)"))
        #expect(markdown.contains("### Network indicators per period") && markdown.contains("![Indicators per period](report-evolution.svg)"))
        // Graphviz writes "-" in ids as the character reference &#45;.
        #expect(html.contains("<g id=\"map&#45;actor&#45;dip\" class=\"node actor type&#45;intermediary\">"))
        #expect(html.contains("<g id=\"communities&#45;actor&#45;dip\" class=\"node actor type&#45;intermediary\">"))
        #expect(html.contains("<th scope=\"row\" title=\"dip\">Dutch Innovation Park (DIP)</th>"))
        #expect(html.contains("<dt><code>leiden</code></dt>"))
        #expect(html.contains("Opsahl, Agneessens &amp; Skvoretz 2010"))
        let modelHash = ReportInputHash.of(CLITestSupport.model)
        #expect(html.contains("<code>\(modelHash)</code>"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("not yet available") && !html.contains("not available in this build"))
        // Gap findings as `ecomap gaps` finds them (rules.yaml beside the model), with the overlay map.
        #expect(html.contains("<section id=\"gaps\">\n<h2>Gap findings</h2>\n<h3>Gap analysis: "))
        #expect(html.contains("<h4>Single points of failure</h4>"))
        #expect(html.contains("<li><strong>low</strong> Slim datagebruik in de dienstverlening is a single point of failure"))
        #expect(html.contains("<h3 id=\"gap-map\">Gaps on the map</h3>"))
        #expect(html.contains("<g id=\"gaps&#45;actor&#45;project_5Fdata\" class=\"node actor type&#45;project gap&#45;cut&#45;point\">"))
        #expect(html.contains("id=\"gaps&#45;gap&#45;tie&#45;1\""))
        // Inputs recorded relative to the working directory: the recorded path, read from
        // there, is the rules file (and no absolute path is written for it).
        let rulesPath = CLITestSupport.model.replacingOccurrences(of: "model.yaml", with: "rules.yaml")
        let cwd = FileManager.default.currentDirectoryPath
        let recorded = InvocationText.relativePath(rulesPath, to: cwd)
        #expect(!recorded.hasPrefix("/") && recorded.hasSuffix("Datasets/zoetermeer/rules.yaml"))
        #expect(URL(fileURLWithPath: recorded, relativeTo: URL(fileURLWithPath: cwd, isDirectory: true)).standardizedFileURL.path
                == URL(fileURLWithPath: rulesPath).standardizedFileURL.path)
        #expect(html.contains("<td>rules</td><td><code>\(recorded)</code></td>"))
        #expect(!html.contains("<code>\(rulesPath)</code>"))
        #expect(!html.contains("id=\"scenarios\""))
        let md = String(decoding: try CLITestSupport.bytes(first.appendingPathComponent("report.md")), as: UTF8.self)
        #expect(md.contains("![The ecosystem map](report-map.svg)"))
        #expect(md.contains("![Communities](report-communities.svg)"))
        #expect(md.contains("## Gap findings\n\n### Gap analysis: "))
        #expect(md.contains("### Gaps on the map\n\n![Gaps on the map](report-gaps.svg)"))
    }

    @Test("--scenario: the comparison of `ecomap compare`, diff diagrams and small multiples; same bytes twice")
    func scenarios() throws {
        let scenarios = ["programme", "dip-loss"].map(Self.scenario)
        let extra = scenarios.flatMap { ["--scenario", $0] }
        let first = try Self.runReport("scenario-first", extra: extra)
        let svgs = ["report-map.svg", "report-communities.svg", "report-gaps.svg",
                    "report-programme-diff.svg", "report-dip-loss-diff.svg", "report-small-multiples.svg"]
        for file in svgs + ["report.html", "report.md"] {
            let bytes = try CLITestSupport.bytes(first.appendingPathComponent(file))
            #expect(bytes.count > 1_000, "\(file) is \(bytes.count) bytes")
            if file.hasSuffix(".svg") { #expect(SVGFinisher.wellFormednessProblem(bytes) == nil, "\(file)") }
        }
        var attempt = 0
        #expect(try identicalInSomeAttempt { () throws -> [[UInt8]] in
            attempt += 1
            let run = try Self.runReport("scenario-again-\(attempt)", extra: extra)
            return try (svgs + ["report.html", "report.md"]).map { try CLITestSupport.bytes(run.appendingPathComponent($0)) }
        }, "the bundle differs between runs")
        let html = String(decoding: try CLITestSupport.bytes(first.appendingPathComponent("report.html")), as: UTF8.self)
        // The comparison section is ComparisonWriter's HTML of the same comparison `ecomap compare` makes.
        let baseline = try ModelLoader.load(contentsOf: URL(fileURLWithPath: CLITestSupport.model))
        let rules = try RulesLoader.load(
            contentsOf: URL(fileURLWithPath: CLITestSupport.model.replacingOccurrences(of: "model.yaml", with: "rules.yaml")), for: baseline)
        let comparison = try CompareJob.run(
            baseline: baseline, modelPath: CLITestSupport.model, scenarioPaths: scenarios, analysis: AnalysisOptions(),
            rules: rules, files: RunFiles()).comparison
        let section = ComparisonWriter.text(comparison, style: .html)
        #expect(section.contains("<td>Dutch Innovation Park (DIP)</td>") && !section.contains("<td>dip</td>") && section.contains("<th scope=\"col\" class=\"num\">dip-loss</th>"))
        #expect(html.contains("<section id=\"scenarios\">\n<h2>Scenario comparison</h2>\n" + section))
        #expect(html.contains("<h3 id=\"scenario-diff-2\">Scenario: "))
        // Each diagram inlined with its own id prefix: the removed DIP dashed in the diff, the
        // office the programme adds in the small multiples.
        #expect(html.contains("<g id=\"scenario&#45;diff2&#45;actor&#45;dip\" class=\"node actor type&#45;intermediary removed\">"))
        #expect(html.contains("<g id=\"scenario&#45;sm&#45;p1&#45;actor&#45;programma_5Fsmart_5Fcity\" class=\"node actor type&#45;government added\">"))
        // 3 maps, 2 diffs, and the small multiples: one document, 3 panels each placed by a
        // wrapper; and the Evolution chart (the model is dated).
        #expect(html.components(separatedBy: "<svg ").count - 1 == 3 + 2 + 1 + 3 * 2 + 1)
        #expect(html.contains("<code>\(ReportInputHash.of(scenarios[1]))</code>"))
        #expect(!html.contains("not yet available"))
        let md = String(decoding: try CLITestSupport.bytes(first.appendingPathComponent("report.md")), as: UTF8.self)
        #expect(md.contains("## Scenario comparison\n\n### Networks\n"))
        #expect(md.contains("![Baseline and scenarios side by side](report-small-multiples.svg)"))
        #expect(throws: (any Error).self) { try Self.runReport("missing", extra: ["--scenario", "/nonexistent.yaml"]) }
    }
}

extension ReportCommandTests {
    @Test("for readers: lang nl, key figures, type labels and names, communities from 1, the relations table")
    func readers() throws {
        let folder = try Self.runReport("readers")
        let html = String(decoding: try CLITestSupport.bytes(folder.appendingPathComponent("report.html")), as: UTF8.self)
        let model = try ModelLoader.load(contentsOf: URL(fileURLWithPath: CLITestSupport.model))
        #expect(model.language == "nl")
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"))
        // Key figures of the Zoetermeer model: 21 actors, 34 relations (18 assumed), 31 ties, one component.
        #expect(html.contains("<div><dt>actors</dt><dd>21</dd></div>"))
        #expect(html.contains("<div><dt>relations in the model</dt><dd>34</dd></div>"))
        #expect(html.contains("<div><dt>of them assumed (the source only implies them)</dt><dd>\(model.relations.filter(\.isAssumed).count)</dd></div>"))
        #expect(html.contains("<div><dt>pairs of actors with a tie (ties)</dt><dd>31</dd></div>"))
        #expect(html.contains("<div><dt>separate parts of the network (components)</dt><dd>1</dd></div>"))
        let gaps = try GapAnalyzer.analyze(model, rules: try RulesLoader.load(
            contentsOf: URL(fileURLWithPath: CLITestSupport.model.replacingOccurrences(of: "model.yaml", with: "rules.yaml")), for: model))
        let high = gaps.findings.filter { $0.severity == .high }.count, low = gaps.findings.filter { $0.severity == .low }.count
        #expect(high > 0 && html.contains("<dd>\(high) high · "))
        #expect(html.contains(" · \(low) low</dd>"))
        // Type labels, not type ids; names, not ids.
        #expect(html.contains("title=\"dip\">Dutch Innovation Park (DIP)</th><td>Intermediary</td>"))
        #expect(!html.contains("<td>intermediary</td>") && !html.contains("<td>civil_society</td>") && !html.contains("<td>project</td>"))
        // Communities and components from 1: every value of the two columns in the second
        // table (core_number, constraint, effective_size, leiden, component) is 1…k.
        let position = try #require(html.components(separatedBy: "<h3>Position: core, brokerage and groups</h3>").dropFirst().first)
        let rows = position.components(separatedBy: "</table>")[0].components(separatedBy: "<tr>").dropFirst(2)
        #expect(rows.count == 21)
        let cells = rows.map { row in row.components(separatedBy: "<td class=\"num\">").dropFirst().map { String($0.prefix { $0 != "<" }) } }
        let leiden = cells.map { Int($0[3]) ?? -1 }, component = cells.map { Int($0[4]) ?? -1 }
        let analysed = try EcosystemAnalyzer.metrics(of: model, measures: ["leiden"], options: AnalysisOptions())
        let computed = try #require(analysed.column("leiden")).map { Int($0) }
        #expect(computed.min() == 0)                        // the analysis numbers from 0 ...
        #expect(leiden == computed.map { $0 + 1 })          // ... the table from 1
        #expect(component == Array(repeating: 1, count: 21))
        // The relations table: a row per relation, names and labels, strength, source.
        let relations = try #require(html.components(separatedBy: "<section id=\"relations\">").dropFirst().first?.components(separatedBy: "</section>").first)
        #expect(relations.components(separatedBy: "<tr><td>").count - 1 == model.relations.count)
        #expect(relations.contains("<tr><td>Gemeenteraad Zoetermeer</td><td>College van B&amp;W Zoetermeer</td><td>requests (motion, questions) →</td><td class=\"num\">2</td><td>Bestuurlijke nota Smart City 2022, Achtergrond</td></tr>"))
        #expect(relations.contains("<td class=\"assumed\">"))
        #expect(!relations.contains("<td>gemeenteraad</td>") && !relations.contains("<td>requests</td>"))
        let md = String(decoding: try CLITestSupport.bytes(folder.appendingPathComponent("report.md")), as: UTF8.self)
        #expect(md.contains("| Gemeenteraad Zoetermeer | College van B&amp;W Zoetermeer | requests (motion, questions) → | 2 | Bestuurlijke nota Smart City 2022, Achtergrond |"))
    }

    @Test("the command line given by the CLI is recorded in the reproducibility block, shell-quoted")
    func commandLineRecorded() throws {
        let model = try ModelLoader.load(contentsOf: URL(fileURLWithPath: CLITestSupport.model))
        let request = ReportRequest(
            map: MapRequest(), analysis: AnalysisOptions(), rules: try RulesInput.load(.none, for: model, modelPath: CLITestSupport.model, files: RunFiles()),
            commandLine: ["ecomap", "report", CLITestSupport.model, "-o", "my reports"], workingDirectory: "/")
        let bundle = try ReportJob.build(model, modelPath: CLITestSupport.model, request: request, files: RunFiles())
        let html = String(decoding: try #require(bundle.files.first { $0.name == "report.html" }?.data), as: UTF8.self)
        #expect(html.contains("<dt>command</dt><dd><code>ecomap report \(CLITestSupport.model) -o &#39;my reports&#39;</code></dd>"))
        // From the root, the model's path is recorded without its leading slash.
        #expect(html.contains("<td>model</td><td><code>\(CLITestSupport.model.dropFirst())</code></td>"))
    }
}

/// SHA-256 of a file as the report writes it (checked against FIPS 180-4 vectors in
/// EcosystemReportTests); here the test checks that the report lists each input's own digest.
enum ReportInputHash {
    static func of(_ path: String) -> String {
        ReportInput(role: "input", path: path, contents: (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()).sha256
    }
}
