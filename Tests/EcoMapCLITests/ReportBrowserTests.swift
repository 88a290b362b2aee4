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
