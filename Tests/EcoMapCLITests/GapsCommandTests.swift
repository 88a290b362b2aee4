import FixtureSupport
import Foundation
import Testing
@testable import EcoMapCLI

@Suite("ecomap gaps")
struct GapsCommandTests {
    static let root = Fixtures.repositoryRoot
    static let modelPath = root.appendingPathComponent("Datasets/zoetermeer/model.yaml").path

    func output(_ arguments: [String]) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gaps-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: file) }
        var command = try EcoMap.parseAsRoot(["gaps"] + arguments + ["-o", file.path])
        try command.run()
        return try String(contentsOf: file, encoding: .utf8)
    }

    @Test("JSON for the Zoetermeer model, with the rules found next to it")
    func zoetermeer() throws {
        let text = try output([Self.modelPath, "--format", "json", "--ties", "3"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["rule"] as? String == "programme_coordination" })
        #expect(((object["tie_portfolio"] as? [String: Any])?["ties"] as? [Any])?.count == 3)
        let briefing = try #require(object["briefing"] as? [[String: Any]])
        #expect(briefing.map { $0["topic"] as? String } == ["expectations", "holds_together", "ties", "single_point_of_failure", "cut_off_groups"])
        #expect((briefing[0]["keys"] as? [String])?.first == "missing_tie/coordinator/programme_coordination")
        #expect((briefing[3]["keys"] as? [String]) == ["single_point_of_failure/articulation_point:project_data,inwoners"])
        // JSON lists every finding, unfolded.
        #expect(findings.filter { $0["rule"] as? String == "regional_cooperation" }.count == 2)
        let noRules = try output([Self.modelPath, "--format", "json", "--no-rules"])
        #expect(!noRules.contains("programme_coordination"))
    }

    @Test("an edge list: kinds that need actor types are skipped, with the reason")
    func edgeList() throws {
        let text = try output([Self.root.appendingPathComponent("Datasets/examples/edges.csv").path, "--format", "table"])
        #expect(text.contains("skipped (under_representation): the model has a single actor type ('node')"))
    }

    @Test("the constraint objective needs an actor; bad options are refused")
    func validation() throws {
        #expect(throws: (any Error).self) { try EcoMap.parseAsRoot(["gaps", Self.modelPath, "--objective", "constraint"]) }
        #expect(throws: (any Error).self) { try EcoMap.parseAsRoot(["gaps", Self.modelPath, "--tie-weight", "0"]) }
        let text = try output([Self.modelPath, "--objective", "constraint", "--actor", "dip", "--format", "md"])
        #expect(text.contains("change constraint of Dutch Innovation Park (DIP) from 0.267 to"))
        #expect(text.contains("Tie 1 of 3: ") && text.contains("changes the constraint of Dutch Innovation Park (DIP) (how redundant its contacts are) by −"))
    }
}

@Suite("ecomap render --overlay gaps")
struct GapOverlayCommandTests {
    @Test("cut point, bridge, recommended ties and the overlay legend are in the DOT")
    func overlay() throws {
        let model = Fixtures.repositoryRoot.appendingPathComponent("Datasets/zoetermeer/model.yaml").path
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("overlay-\(UUID().uuidString).gv")
        defer { try? FileManager.default.removeItem(at: file) }
        var command = try EcoMap.parseAsRoot(["render", model, "--overlay", "gaps", "--format", "dot", "-o", file.path])
        try command.run()
        let dot = try String(contentsOf: file, encoding: .utf8)
        let lines = dot.split(separator: "\n")
        // The data project is the only cut point; its tie to the residents the only bridge.
        #expect(lines.filter { $0.contains("gap-cut-point") }.count == 1)
        #expect(lines.first { $0.contains("gap-cut-point") }?.hasPrefix("  \"actor-project_5Fdata\" [") == true)
        #expect(lines.first { $0.contains("gap-bridge") }?.contains("id=\"relation-r22\"") == true)
        #expect(lines.filter { $0.contains("class=\"gap-recommended-tie\"") && $0.contains("style=\"dashed\"") }.count == 3)
        #expect(dot.contains("id=\"gap-legend\"") && dot.contains("recommended tie (dashed purple, not in the model): 3"))
        // Without the overlay there are no marks.
        var plain = try EcoMap.parseAsRoot(["render", model, "--format", "dot", "-o", file.path])
        try plain.run()
        #expect(!(try String(contentsOf: file, encoding: .utf8)).contains("gap-"))
    }
}
