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

    @Test("writes report.html, report.md and the SVGs; the same command twice gives the same bytes")
    func bundle() throws {
        let first = try Self.runReport("first")
        let second = try Self.runReport("second")
        let files = ["report.html", "report.md", "report-map.svg", "report-communities.svg"]
        for file in files {
            let a = try CLITestSupport.bytes(first.appendingPathComponent(file))
            #expect(a.count > 1_000, "\(file) is \(a.count) bytes")
            #expect(try CLITestSupport.bytes(second.appendingPathComponent(file)) == a, "\(file) differs between runs")
        }
        for svg in ["report-map.svg", "report-communities.svg"] {
            #expect(SVGFinisher.wellFormednessProblem(try CLITestSupport.bytes(first.appendingPathComponent(svg))) == nil)
        }
        let html = String(decoding: try CLITestSupport.bytes(first.appendingPathComponent("report.html")), as: UTF8.self)
        #expect(html.components(separatedBy: "<svg ").count - 1 == 2)
        // Graphviz writes "-" in ids as the character reference &#45;.
        #expect(html.contains("<g id=\"map&#45;actor&#45;dip\" class=\"node actor type&#45;intermediary\">"))
        #expect(html.contains("<g id=\"communities&#45;actor&#45;dip\" class=\"node actor type&#45;intermediary\">"))
        #expect(html.contains("<th scope=\"row\" title=\"dip\">Dutch Innovation Park (DIP)</th>"))
        #expect(html.contains("<dt><code>leiden</code></dt>"))
        #expect(html.contains("Opsahl, Agneessens &amp; Skvoretz 2010"))
        let modelHash = ReportInputHash.of(CLITestSupport.model)
        #expect(html.contains("<code>\(modelHash)</code>"))
        #expect(!html.contains("<script"))
        let md = String(decoding: try CLITestSupport.bytes(first.appendingPathComponent("report.md")), as: UTF8.self)
        #expect(md.contains("![The ecosystem map](report-map.svg)"))
        #expect(md.contains("![Communities](report-communities.svg)"))
    }

    @Test("--scenario is recorded with its SHA-256 and reported as not yet available")
    func scenario() throws {
        let folder = try CLITestSupport.scratch("report-scenario-input")
        let scenario = folder.appendingPathComponent("more-startups.yaml")
        try Data("name: more start-ups\n".utf8).write(to: scenario)
        let bundle = try Self.runReport("scenario", extra: ["--scenario", scenario.path])
        let html = String(decoding: try CLITestSupport.bytes(bundle.appendingPathComponent("report.html")), as: UTF8.self)
        #expect(html.contains("<h2>Scenario comparison</h2>\n<p>Scenario comparison is not yet available in this build"))
        #expect(html.contains("<code>\(ReportInputHash.of(scenario.path))</code>"))
        #expect(throws: (any Error).self) { try Self.runReport("missing", extra: ["--scenario", "/nonexistent.yaml"]) }
    }
}

/// SHA-256 of a file as the report writes it (checked against FIPS 180-4 vectors in
/// EcosystemReportTests); here the test checks that the report lists each input's own digest.
enum ReportInputHash {
    static func of(_ path: String) -> String {
        ReportInput(role: "input", path: path, contents: (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()).sha256
    }
}
