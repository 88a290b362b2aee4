import ArgumentParser
import EcoMapJobs
import Ecosystem
import EcosystemAnalysis
import EcosystemReport
import FixtureSupport
import Foundation
import Graphviz
import Testing
@testable import EcoMapCLI

/// What a strategist sees in an 80-column terminal: `ecomap gaps` and the main job's summary
/// as plain text with the briefing on top, on the Zoetermeer model and on a 60-actor model
/// with 15 undeclared actor types (`Datasets/examples/manytypes/`, made by its script).
@Suite("Terminal text and the briefing")
struct TerminalTextTests {
    static let root = Fixtures.repositoryRoot
    static let zoetermeer = root.appendingPathComponent("Datasets/zoetermeer/model.yaml").path
    static let manyTypes = root.appendingPathComponent("Datasets/examples/manytypes").path

    static func load(_ path: String) throws -> (EcosystemModel, GapRules) {
        let files = RunFiles()
        let model = try GraphInput.read(path, directed: false, files: files).model
        let rules = try RulesInput.load(.besideModel, for: model, modelPath: path, files: files).rules
        return (model, rules)
    }

    static func checkPlain(_ text: String, width: Int) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= width }, "\(lines.filter { $0.count > width })")
        for markup in ["\\_", "&amp;", "| ", "**", "##"] { #expect(!text.contains(markup), "\(markup)") }
    }

    @Test("gaps on Zoetermeer at 80 columns: plain text, the briefing on top, the memo's conclusions")
    func zoetermeerGaps() throws {
        let (model, rules) = try Self.load(Self.zoetermeer)
        let text = try GapsJob.run(model, rules: rules, options: GapOptions(), format: .text, width: 80).text
        Self.checkPlain(text, width: 80)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].hasPrefix("Gap analysis: Smart City Zoetermeer"))
        let start = try #require(lines.firstIndex(of: "Where to start:"))
        #expect(start == 5, "title (2 lines at 80 columns), size (2 lines), a blank line, the briefing")
        let block = lines[start...].prefix { !$0.isEmpty }
        let briefing = block.joined(separator: " ").split(separator: " ").joined(separator: " ")
        #expect(block.count <= 20, "the title and five items of at most four lines at 80 columns")
        let wide = try GapsJob.run(model, rules: rules, options: GapOptions(), format: .text, width: 100).text
        #expect(wide.split(separator: "\n", omittingEmptySubsequences: false).drop { $0 != "Where to start:" }.prefix { !$0.isEmpty }.count <= 16)
        // The memo's conclusions, as the findings give them: no overarching programme; cooperate
        // with the neighbouring smart cities; the town hall and DIP in the middle; residents
        // (civil society) without direct ties.
        #expect(briefing.contains("1. Expectations that fail (rules file): \"one actor coordinates all smart-city projects (an overarching programme)\" (none reaches more than 3 of 5)"))
        #expect(briefing.contains("\"the municipality cooperates with the other smart cities of the region\" (Gemeente Delft and Gemeente Rotterdam: 2 of 2)"), "every name in full")
        #expect(briefing.contains("2. Talk first to College van B&W Zoetermeer and Ambtelijke organisatie (incl. ICT): they hold the network together"))
        #expect(briefing.contains("Dutch Innovation Park (DIP) links most unlinked contacts (effective size 5.53)"))
        #expect(briefing.contains("Slim datagebruik in de dienstverlening is a single point of failure (articulation point): without it, Inwoners van Zoetermeer is cut off."))
        #expect(briefing.contains("Civil society has no direct tie to Government, Intermediary and Industry (structural holes). [brokerage]"))
        #expect(briefing.contains("[missing_tie]"))
        // On a connected network no tie lowers fragmentation: the portfolio is no action item,
        // and its ties are no more than info.
        let flat = try GapsJob.run(model, rules: rules, options: GapOptions(objective: .fragmentation), format: .text, width: 100).text
        #expect(!flat.contains("tie portfolio)"))
        let report = try GapAnalyzer.analyze(model, rules: rules, options: GapOptions(objective: .fragmentation))
        #expect(report.findings(.recommendedTie).count == 3 && report.findings(.recommendedTie).allSatisfy { $0.severity == .info })
    }

    @Test("gaps on 60 actors of 15 undeclared types at 80 columns: the pairs of types fold into one finding")
    func manyTypesGaps() throws {
        let (model, rules) = try Self.load(Self.manyTypes)
        #expect(model.actors.count == 60 && Set(model.actors.map(\.type)).count == 15)
        let result = try GapsJob.run(model, rules: rules, options: GapOptions(), format: .text, width: 80)
        Self.checkPlain(result.text, width: 80)
        let lines = result.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.firstIndex(of: "Where to start:") == 4)
        let pairs = result.report.findings.filter { $0.key.check == "no_direct_tie" && $0.key.groups.first?.hasPrefix("type ") == true }
        #expect(pairs.count > 60)
        #expect(result.text.components(separatedBy: "No direct tie joins \(pairs.count) pairs of actor types").count == 2)
        #expect(result.report.foldedFindings().count < result.report.findings.count - pairs.count + 2)
        // --format table: no line longer than the width.
        let table = try GapsJob.run(model, rules: rules, options: GapOptions(), format: .table, width: 100).text
        #expect(table.split(separator: "\n").allSatisfy { $0.count <= 100 })
    }

    @Test("--min-severity and --kind filter the findings; bad values list the valid ones")
    func filters() throws {
        let (model, rules) = try Self.load(Self.zoetermeer)
        let high = try GapsJob.run(model, rules: rules, options: GapOptions(), format: .json, filter: FindingFilter(minimumSeverity: .high)).report
        #expect(!high.findings.isEmpty && high.findings.allSatisfy { $0.severity == .high })
        // The text says what the filter left out, and "no findings" only of what it kept.
        let whole = try GapsJob.run(model, rules: rules, options: GapOptions(), format: .json).report
        #expect(whole.filter == nil && high.filter?.leftOut == whole.findings.count - high.findings.count)
        let text = GapsWriter.text(high, width: 80).replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("\(high.findings.count) findings (\(high.findings.count) high); \(whole.findings.count - high.findings.count) more"))
        #expect(text.contains("No high-severity findings: fragmentation,") && !text.contains("No findings:"))
        let tiesOnly = try GapsJob.run(model, rules: rules, options: GapOptions(), format: .json, filter: FindingFilter(kinds: [.fragmentation])).report
        let tiesText = GapsWriter.text(tiesOnly, width: 80).replacingOccurrences(of: "\n", with: " ")
        #expect(tiesText.contains("more of other kinds not shown") && !tiesText.contains("No findings: single points"), "\(tiesText)")
        let options = try Gaps.parse([Self.zoetermeer, "--min-severity", "medium", "--kind", "missing_tie,brokerage"]).filter.filter()
        #expect(options == FindingFilter(minimumSeverity: .medium, kinds: [.missingTie, .brokerage]))
        for bad in [["--kind", "gap"], ["--min-severity", "info"], ["--min-severity", "urgent"]] {
            do {
                _ = try Gaps.parse([Self.zoetermeer] + bad)
                Issue.record("\(bad) was accepted")
            } catch {
                let message = Gaps.message(for: error)
                #expect(message.contains(bad[0]) && message.contains("valid:"), "\(message)")
                #expect(message.contains(bad[0] == "--kind" ? "single_point_of_failure" : "low, medium, high"), "\(message)")
            }
        }
    }

    @Test("the main job's summary at 80 columns: the briefing on top, measures in words")
    func mainSummary() throws {
        let (model, rules) = try Self.load(Self.manyTypes)
        let result = try MainJob.run(model, sizeBy: "betweenness", engine: .neato, rules: rules)
        let report = try #require(result.gaps)
        let text = SummaryWriter.text(of: model, table: result.table, top: 3, width: 80,
                                      briefing: BriefingWriter.text(Briefing(report), report: report, width: 80))
        Self.checkPlain(text, width: 80)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[4] == "Where to start:")
        #expect(text.contains("on most shortest paths (betweenness)"))
    }
}

extension TerminalTextTests {
    @Test("negative numbers reach the option's own check; --chart refuses a non-SVG name")
    func negativeNumbersAndChartNames() throws {
        #expect(throws: (any Error).self) { try EcoMap.parseAsRoot(["gaps", "Datasets/zoetermeer/model.yaml", "--ties", "-1"]) }
        do {
            _ = try EcoMap.parseAsRoot(["gaps", "Datasets/zoetermeer/model.yaml", "--ties", "-1"])
        } catch {
            #expect(EcoMap.message(for: error).contains("--ties must be in 0...50"), "\(EcoMap.message(for: error))")
        }
        do {
            _ = try EcoMap.parseAsRoot(["sweep", "Datasets/zoetermeer/model.yaml", "--chart", "chart.png"])
            Issue.record("a .png chart was accepted")
        } catch {
            #expect(EcoMap.message(for: error).contains("--chart writes SVG, but 'chart.png' ends in .png"), "\(EcoMap.message(for: error))")
        }
    }
}
