import Ecosystem
import EcosystemAnalysis
import NetworkAnalysis
import FixtureSupport
import Foundation
import Testing
@testable import EcoMapCLI
@testable import EcoMapJobs

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

    @Test("stats roles: positions and distances of the library, as CSV with the facts first")
    func roles() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("roles.csv")
        try runCommand(["stats", "roles", zoetermeerModel, "--weight", "none", "--positions", "3", "-o", csv.path])
        let lines = try String(contentsOf: csv, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.prefix(4) == ["# actors: 21", "# distance: euclidean", "# ties: 0/1", "# positions: 3"])
        let header = try #require(lines.first { $0.hasPrefix("id,") })
        #expect(header.hasPrefix("id,position,gemeenteraad,raadsleden"))
        let rows = lines.drop { !$0.hasPrefix("id,") }.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.count == 21)
        #expect(Set(rows.map { $0[1] }) == ["0", "1", "2"])
        // gemeenteraad–raadsleden: 6 differing entries, sqrt 6.
        #expect(abs((Double(rows[0][3]) ?? 0) - 6.0.squareRoot()) < 1e-12)
        #expect(throws: (any Error).self) { try runCommand(["stats", "roles", zoetermeerModel, "--positions", "30"]) }
    }

    @Test("stats keyplayers and gaps: the KPP-Neg set of 2 in Zoetermeer is not the 2 most damaging single actors")
    func keyPlayers() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = folder.appendingPathComponent("kp.json")
        try runCommand(["stats", "keyplayers", zoetermeerModel, "--k", "2", "-o", json.path])
        let doc = try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any]
        let facts = try #require(doc?["facts"] as? [String: Any])
        #expect(facts["set"] as? String == "ambtelijke_organisatie dip")
        #expect(facts["top_single_actors"] as? String == "college ambtelijke_organisatie")
        #expect(facts["seed"] as? String == "1" && facts["random_starts"] as? Int == 20)
        // NetworkX brute force over all 210 pairs (reference_research.py): the same pair, the same value.
        let reference = try #require(try Fixtures.reference("reference/research.json")["zoetermeer_key_players"]?["distance_weighted_fragmentation_k2"])
        let value = try #require(facts["value"] as? Double), top = try #require(facts["top_single_actors_together"] as? Double)
        #expect(abs(value - (reference["best"]?.double ?? 0)) < 1e-12 && value > top)
        let md = folder.appendingPathComponent("gaps.md")
        try runCommand(["gaps", zoetermeerModel, "-o", md.path])
        let text = try String(contentsOf: md, encoding: .utf8)
        #expect(text.contains("## Key-player sets"))
        #expect(text.contains("| 2 | most disruptive to remove (distance-weighted fragmentation, from 0.559) | Ambtelijke organisatie (incl. ICT) and Dutch Innovation Park (DIP) | 0.744 |"))
    }

    @Test("stats coreperiphery: the library's split and coreness of the Zoetermeer map, with fit, seed and starts")
    func corePeriphery() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = folder.appendingPathComponent("cp.json")
        try runCommand(["stats", "coreperiphery", zoetermeerModel, "--weight", "none", "-o", json.path])
        let doc = try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any]
        let facts = try #require(doc?["facts"] as? [String: Any])
        let model = try EdgeListLoaderFree.zoetermeer()
        let g = EcosystemNetwork(model: model).simpleGraph
        let split = try g.corePeriphery(weighting: .unweighted)
        #expect(facts["core"] as? String == model.actors.indices.filter { split.isCore[$0] }.map { model.actors[$0].id }.joined(separator: " "))
        #expect(abs((facts["fit"] as? Double ?? 0) - split.fit) < 1e-12 && facts["seed"] as? String == "1" && facts["random_starts"] as? Int == 20)
        #expect(facts["core_size"] as? Int == 7)
        let rows = try #require(doc?["rows"] as? [[Any]])
        let coreness = try g.coreness().coreness
        let written = rows.compactMap { $0[2] as? Double }
        #expect(written.count == 21 && zip(written, coreness).allSatisfy { abs($0 - $1) < 1e-12 })
    }
}

extension ResearchCommandTests {
    @Test("stats mixing: seeded p-values of the library; government ties stay among themselves in Zoetermeer")
    func mixing() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("mix.csv")
        try runCommand(["stats", "mixing", zoetermeerModel, "--permutations", "2000", "--seed", "7", "-o", csv.path])
        let lines = try String(contentsOf: csv, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.prefix(4) == ["# groups: 5", "# permutations: 2000", "# exact: no", "# seed: 7"])
        let government = try #require(lines.first { $0.hasPrefix("ei_index government,") }).split(separator: ",")
        let model = try EdgeListLoaderFree.zoetermeer()
        let t = try EcosystemNetwork(model: model).simpleGraph.groupMixingTests(
            groups: model.groups(by: .type).index, permutations: 2000, seed: 7)
        #expect(Double(government[4]) == t.eiPerGroup[0].pLessOrEqual && t.eiPerGroup[0].pLessOrEqual == 0.008)
        #expect(throws: (any Error).self) { try runCommand(["stats", "mixing", zoetermeerModel, "--exact"]) }
    }
}

extension ResearchCommandTests {
    @Test("stats qap: layers and 'same type' matrices as the library correlates them, seeded")
    func qap() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = folder.appendingPathComponent("qap.json")
        try runCommand(["stats", "qap", zoetermeerModel, "--layers", "all", "--same", "type", "--seed", "3", "-o", json.path])
        let facts = try #require((try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any])?["facts"] as? [String: Any])
        let model = try EdgeListLoaderFree.zoetermeer()
        let x = try QAPJob.matrix(model, .ties(types: []), directed: false, weighting: .strength)
        let y = try QAPJob.matrix(model, .sameAttribute("type"), directed: false, weighting: .strength)
        let t = try QAP.correlationTest(x, y, symmetric: true, permutations: 1000, seed: 3)
        #expect(abs((facts["correlation"] as? Double ?? 0) - t.statistic) < 1e-12)
        #expect(facts["p_greater_or_equal"] as? Double == t.pGreaterOrEqual && facts["seed"] as? String == "3")
        #expect(throws: (any Error).self) { try runCommand(["stats", "qap", zoetermeerModel, "--layers", "funds,fund"]) }
        #expect(throws: (any Error).self) { try runCommand(["stats", "qap", zoetermeerModel, "--layers", "funds"]) }
    }
}

extension ResearchCommandTests {
    @Test("stats cug: each index with the library's seeded CUG test; density is fixed when ties are")
    func cug() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("cug.csv")
        try runCommand(["stats", "cug", zoetermeerModel, "--directed", "--draws", "200", "--seed", "2", "-o", csv.path])
        let lines = try String(contentsOf: csv, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.contains("# draws: 200") && lines.contains("# seed: 2") && lines.contains("# condition: edges"))
        let density = try #require(lines.first { $0.hasPrefix("density,") }).split(separator: ",")
        #expect(density[3] == "1.0" && density[4] == "1.0")
        let g = EcosystemNetwork(model: try EdgeListLoaderFree.zoetermeer(), directed: true).simpleGraph
        let t = try g.cugTest(condition: .edges, draws: 200, seed: 2) { (try? $0.reciprocity()) ?? .nan }
        let reciprocity = try #require(lines.first { $0.hasPrefix("reciprocity,") }).split(separator: ",")
        #expect(Double(reciprocity[3]) == t.pGreaterOrEqual && t.pGreaterOrEqual < 0.05)
    }
}

/// The Zoetermeer model, loaded as the commands load it.
enum EdgeListLoaderFree {
    static func zoetermeer() throws -> EcosystemModel { try ModelLoader.load(contentsOf: URL(fileURLWithPath: zoetermeerModel)) }
}
