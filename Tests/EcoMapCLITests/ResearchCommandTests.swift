import EcoMapJobs
import FixtureSupport
import Foundation
import Testing
@testable import EcoMapCLI

@Suite("Research options from the command line (issue 13)")
struct ResearchCommandTests {
    @Test("--ego dip restricts analyze, gaps and render to DIP's ego network; --radius needs --ego")
    func ego() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("ego.csv")
        try runCommand(["analyze", zoetermeerModel, "--ego", "dip", "--measures", "degree,constraint", "-o", csv.path])
        let rows = try String(contentsOf: csv, encoding: .utf8).split(separator: "\n")
        #expect(rows.count == 8)   // header and the 7 actors within one step of DIP
        #expect(rows.dropFirst().map { String($0.prefix { $0 != "," }) }.sorted()
            == ["ambtelijke_organisatie", "bedrijven", "dip", "project_or_a", "project_or_b", "project_or_c", "red_plume"])
        let two = folder.appendingPathComponent("ego2.csv")
        try runCommand(["analyze", zoetermeerModel, "--ego", "dip", "--radius", "2", "--measures", "degree", "-o", two.path])
        #expect(try String(contentsOf: two, encoding: .utf8).split(separator: "\n").count > 8)
        let gaps = folder.appendingPathComponent("gaps.md")
        try runCommand(["gaps", zoetermeerModel, "--ego", "dip", "-o", gaps.path])
        #expect(try String(contentsOf: gaps, encoding: .utf8).contains("7 actors, 9 relations"))
        #expect(throws: (any Error).self) { try runCommand(["analyze", zoetermeerModel, "--radius", "2"]) }
        #expect(throws: (any Error).self) { try runCommand(["analyze", zoetermeerModel, "--ego", "nobody"]) }
    }
}
