import Foundation
import Testing
@testable import EcoMapCLI

/// The report in a real headless browser (Debian's `chromium`): it loads with no console
/// messages (script errors, refused resources: the page's Content-Security-Policy makes any
/// external reference a console error) and its screenshot shows the map.
///
/// Where no browser is installed the tests are skipped with the reason in the test output
/// (`make test` and `.ci/run` install one). Set `ECOMAP_REQUIRE_BROWSER=1` to make a missing
/// browser a failure instead. Set `ECOMAP_CHROMIUM` to use another binary.
@Suite("Report in a headless browser", .serialized)
struct ReportBrowserTests {
    static let browser: String? = {
        let candidates = [ProcessInfo.processInfo.environment["ECOMAP_CHROMIUM"], "/usr/bin/chromium", "/usr/bin/chromium-browser",
                          "/usr/bin/google-chrome"].compactMap { $0 }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static let required = ProcessInfo.processInfo.environment["ECOMAP_REQUIRE_BROWSER"] == "1"

    struct Visit {
        var console: [String]
        var screenshot: [UInt8]
        var dom: String
    }

    /// Loads `page` headless; returns the console lines, the screenshot and the DOM.
    static func visit(_ page: URL, name: String) throws -> Visit {
        let browser = try #require(browser)
        let work = try CLITestSupport.scratch("browser-\(name)")
        let shot = work.appendingPathComponent("shot.png")
        let common = ["--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--hide-scrollbars",
                      "--user-data-dir=\(work.appendingPathComponent("profile").path)",
                      "--enable-logging=stderr", "--v=0", "--window-size=1280,1600"]
        let first = try run(browser, common + ["--screenshot=\(shot.path)", page.absoluteString])
        let second = try run(browser, common + ["--dump-dom", page.absoluteString])
        let console = (first.stderr + "\n" + second.stderr).split(separator: "\n")
            .filter { $0.contains(":CONSOLE") }.map(String.init)
        let screenshot = (try? [UInt8](Data(contentsOf: shot))) ?? []
        return Visit(console: console, screenshot: screenshot, dom: second.stdout)
    }

    /// Runs the browser with its output going to files (no pipe can fill up and block it).
    static func run(_ executable: String, _ arguments: [String]) throws -> (stdout: String, stderr: String) {
        let folder = try CLITestSupport.scratch("browser-run-\(abs(arguments.hashValue))")
        let outURL = folder.appendingPathComponent("stdout"), errURL = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return (String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    @Test("a browser is available, or the suite says why it skips")
    func browserAvailable() {
        if Self.browser == nil && Self.required {
            Issue.record("ECOMAP_REQUIRE_BROWSER=1 but no chromium found: install it with `apt-get install chromium` (make test does)")
        }
        // Recorded in the test log either way, so a skip is never silent.
        print("ReportBrowserTests: browser = \(Self.browser ?? "none: the browser tests are skipped; `make test` installs chromium")")
    }

    @Test("report.html loads with no console messages and the screenshot shows the map",
          .enabled(if: browser != nil, "no chromium installed (apt-get install chromium; `make test` does it)"))
    func reportInBrowser() throws {
        // With every section: gap findings and a scenario comparison with its diagrams.
        let bundle = try ReportCommandTests.runReport(
            "browser", extra: ["--scenario", ReportCommandTests.scenario("programme"), "--scenario", ReportCommandTests.scenario("dip-loss")])
        let visit = try Self.visit(bundle.appendingPathComponent("report.html"), name: "report")
        #expect(visit.console.isEmpty, "console: \(visit.console)")
        #expect(visit.dom.contains("<svg"), "the DOM has no inline SVG")
        #expect(visit.dom.contains("map-actor-dip"), "the map's actors are not in the DOM")
        #expect(visit.dom.contains("scenario-sm-p2-actor-dip"), "the small multiples are not in the DOM")
        #expect(Array(visit.screenshot.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])

        // A blank page of the same size compresses to a few kilobytes; the map to far more.
        let blankFolder = try CLITestSupport.scratch("browser-blank-page")
        let blank = blankFolder.appendingPathComponent("blank.html")
        try Data("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>blank</title></head><body></body></html>".utf8).write(to: blank)
        let blankVisit = try Self.visit(blank, name: "blank")
        #expect(blankVisit.screenshot.count > 0)
        #expect(visit.screenshot.count > 10 * blankVisit.screenshot.count,
                "screenshot \(visit.screenshot.count) bytes vs blank page \(blankVisit.screenshot.count)")
    }

    /// The report's print layout, measured in the browser: the page with its print styles
    /// applied on screen (`@media print` made `@media all`) at the A4 text width
    /// (210 mm − 2 × 12 mm margins = 186 mm), and a script that reports every table wider than
    /// the page and every cell whose content overflows it. Returns (tables measured, page width
    /// in CSS px, problems).
    static func printLayout(of html: String, name: String) throws -> (tables: Int, width: Double, clipped: [String]) {
        let probe = """
            <style>body { width: 186mm; margin: 0; }</style>
            <script>
            (() => {
              const main = document.querySelector("main").getBoundingClientRect();
              const clipped = [];
              document.querySelectorAll("table").forEach((t, i) => {
                const r = t.getBoundingClientRect();
                const head = (t.querySelector("th") || { textContent: "" }).textContent.trim();
                const where = `table ${i + 1} (${t.className || "no class"}, first header "${head}")`;
                if (r.right > main.right + 0.5 || r.left < main.left - 0.5 || t.scrollWidth > t.clientWidth + 1) {
                  clipped.push(`${where}: ${Math.round(r.width)} px wide on a ${Math.round(main.width)} px page`);
                }
                t.querySelectorAll("th, td").forEach((c) => {
                  if (c.scrollWidth > c.clientWidth + 1) clipped.push(`${where}: cell "${c.textContent.trim().slice(0, 40)}" overflows`);
                });
              });
              const out = document.createElement("pre");
              out.id = "print-check";
              out.textContent = JSON.stringify({ tables: document.querySelectorAll("table").length, width: main.width, clipped });
              document.body.appendChild(out);
            })();
            </script>

            """
        let page = html
            .replacingOccurrences(of: "@media print {", with: "@media all {")
            .replacingOccurrences(of: "style-src 'unsafe-inline';", with: "style-src 'unsafe-inline'; script-src 'unsafe-inline';")
            .replacingOccurrences(of: "</main>\n</body>", with: "</main>\n" + probe + "</body>")
        let folder = try CLITestSupport.scratch("browser-probe-\(name)")
        let url = folder.appendingPathComponent("probe.html")
        try Data(page.utf8).write(to: url)
        let browser = try #require(browser)
        let dom = try run(browser, ["--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--hide-scrollbars",
                                    "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
                                    "--window-size=1280,1600", "--dump-dom", url.absoluteString]).stdout
        let start = try #require(dom.range(of: "<pre id=\"print-check\">"), "the probe did not run: \(dom.prefix(300))")
        let end = try #require(dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex))
        let json = String(dom[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return (object["tables"] as? Int ?? 0, object["width"] as? Double ?? 0, object["clipped"] as? [String] ?? [])
    }

    /// Prints `page` to PDF with the browser (A4, by the page's `@page` rule); returns the PDF's bytes.
    static func printToPDF(_ page: URL, name: String) throws -> [UInt8] {
        let browser = try #require(browser)
        let work = try CLITestSupport.scratch("browser-pdf-\(name)")
        let pdf = work.appendingPathComponent("report.pdf")
        _ = try run(browser, ["--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
                              "--user-data-dir=\(work.appendingPathComponent("profile").path)",
                              "--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", page.absoluteString])
        return (try? [UInt8](Data(contentsOf: pdf))) ?? []
    }

    /// Pages of a PDF: its `/Type /Page` objects (not `/Pages`), as Chromium writes them uncompressed.
    static func pageCount(_ pdf: [UInt8]) -> Int {
        let text = String(decoding: pdf, as: UTF8.self)
        return text.components(separatedBy: "/Type /Page").dropFirst().filter { !$0.hasPrefix("s") }.count
    }

    @Test("printed on A4, no table of the report is clipped (every section, two scenarios); the page count is reported",
          .enabled(if: browser != nil, "no chromium installed (apt-get install chromium; `make test` does it)"))
    func printedReportHasNoClippedTable() throws {
        let bundle = try ReportCommandTests.runReport(
            "print", extra: ["--scenario", ReportCommandTests.scenario("programme"), "--scenario", ReportCommandTests.scenario("dip-loss")])
        let html = String(decoding: try CLITestSupport.bytes(bundle.appendingPathComponent("report.html")), as: UTF8.self)
        let layout = try Self.printLayout(of: html, name: "report")
        // 186 mm at 96 px per inch; measures (2 groups), network, gap tables, comparison tables,
        // relations, inputs.
        #expect(abs(layout.width - 186 / 25.4 * 96) < 1, "page width \(layout.width) px")
        #expect(layout.tables >= 10, "only \(layout.tables) tables measured")
        #expect(layout.clipped.isEmpty, "clipped in print: \(layout.clipped)")

        let pdf = try Self.printToPDF(bundle.appendingPathComponent("report.html"), name: "report")
        #expect(Array(pdf.prefix(5)) == Array("%PDF-".utf8))
        let pages = Self.pageCount(pdf)
        #expect(pages > 5, "\(pages) pages")
        #expect(String(decoding: pdf, as: UTF8.self).contains("/MediaBox [0 0 594.95996 841.91998]"), "not A4")
        print("ReportBrowserTests: the Zoetermeer report with two scenarios prints to \(pages) A4 pages")
    }

    @Test("the print check can fail: a table too wide for the page is caught",
          .enabled(if: browser != nil, "no chromium installed (apt-get install chromium; `make test` does it)"))
    func printCheckCanFail() throws {
        let bundle = try ReportCommandTests.runReport("print-wide")
        let html = String(decoding: try CLITestSupport.bytes(bundle.appendingPathComponent("report.html")), as: UTF8.self)
        let cells = (1...40).map { "<td style=\"white-space: nowrap\">column_number_\($0)</td>" }.joined()
        let wide = html.replacingOccurrences(
            of: "<section id=\"methods\"", with: "<table class=\"too-wide\"><tr><th>wide</th>\(cells)</tr></table>\n<section id=\"methods\"")
        let layout = try Self.printLayout(of: wide, name: "wide")
        #expect(layout.clipped.contains { $0.contains("too-wide") }, "not caught: \(layout.clipped)")
        // Only that table: the report itself passes (as the test above checks with every section).
        #expect(layout.clipped.allSatisfy { $0.contains("too-wide") }, "\(layout.clipped)")
    }

    @Test("the console check can fail: a page with a script error and a refused image is caught",
          .enabled(if: browser != nil, "no chromium installed (apt-get install chromium; `make test` does it)"))
    func consoleCheckCanFail() throws {
        let folder = try CLITestSupport.scratch("browser-bad-page")
        let page = folder.appendingPathComponent("bad.html")
        try Data("""
            <!DOCTYPE html><html><head><meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'">
            <title>bad</title></head><body><img src="https://example.invalid/x.png" alt="x">
            <script>undefinedFunction();</script></body></html>
            """.utf8).write(to: page)
        let visit = try Self.visit(page, name: "bad")
        #expect(visit.console.count >= 2, "console: \(visit.console)")
    }
}
