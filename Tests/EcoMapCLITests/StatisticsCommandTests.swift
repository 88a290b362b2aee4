import Ecosystem
import EcosystemAnalysis
import NetworkAnalysis
import FixtureSupport
import Foundation
import Testing
@testable import EcoMapCLI
@testable import EcoMapJobs

/// The three-layer model of Tests/Fixtures/reference_statistics.py.
let layersModel = Fixtures.directory.appendingPathComponent("layers/model.json").path

func jsonReport(_ url: URL) throws -> (facts: [String: Any], columns: [String], rows: [[Any]]) {
    let doc = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    return (try #require(doc["facts"] as? [String: Any]), try #require(doc["columns"] as? [String]), try #require(doc["rows"] as? [[Any]]))
}

@Suite("stats qapreg, cug --condition degrees, communities and layers from the command line (issue 13)")
struct StatisticsCommandTests {
    @Test("stats qapreg: the coefficients and DSP p-values of the library on the model's matrices, seeded; errors name the relation")
    func qapRegression() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = folder.appendingPathComponent("qapreg.json")
        try runCommand(["stats", "qapreg", layersModel, "--dependent", "collaborates", "--predictor", "funds,advises",
                        "--predictor", "same:type", "--permutations", "200", "--seed", "5", "--weight", "none", "-o", json.path])
        let (facts, columns, rows) = try jsonReport(json)
        #expect(columns == ["predictor", "coefficient", "std_error", "t", "p_two_sided", "p_greater_or_equal", "p_less_or_equal"])
        #expect(rows.map { $0[0] as? String } == ["ties of funds", "ties of advises", "same type"])
        #expect(facts["cells"] as? Int == 91 && facts["permutations"] as? Int == 200 && facts["seed"] as? String == "5")
        let model = try ModelLoader.load(contentsOf: URL(fileURLWithPath: layersModel))
        let y = try QAPJob.matrix(model, .ties(types: ["collaborates"]), directed: false, weighting: .unweighted)
        let xs = try [QAPJob.Relation.ties(types: ["funds"]), .ties(types: ["advises"]), .sameAttribute("type")].map {
            try QAPJob.matrix(model, $0, directed: false, weighting: .unweighted)
        }
        let r = try QAP.regression(y, predictors: xs, symmetric: true, permutations: 200, seed: 5)
        #expect(firstDisagreement(rows.map { $0[1] as? Double ?? .nan }, r.coefficients, tolerance: 1e-12) == nil)
        #expect(firstDisagreement(rows.map { $0[4] as? Double ?? .nan }, r.pTwoSided, tolerance: 1e-12) == nil)
        // Collaboration and funding share 10 of their 25 distinct ties: a strong, significant effect.
        #expect(r.coefficients[0] > 0.5 && r.pTwoSided[0] < 0.01)
        #expect(throws: (any Error).self) { try runCommand(["stats", "qapreg", layersModel, "--dependent", "collaborates"]) }
        #expect(throws: (any Error).self) {
            try runCommand(["stats", "qapreg", layersModel, "--dependent", "collaborates", "--predictor", "fund"])
        }
        do {
            try runCommand(["stats", "qapreg", layersModel, "--dependent", "collaborates", "--predictor", "funds,funds"])
            Issue.record("collinear predictors accepted")
        } catch { #expect("\(error)".contains("'ties of funds' is a linear combination of the others"), "\(error)") }
    }
}

extension StatisticsCommandTests {
    @Test("stats cug --condition degrees: density and degree centralization are fixed (p = 1), the report says the null")
    func cugDegrees() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = folder.appendingPathComponent("cug.json")
        try runCommand(["stats", "cug", zoetermeerModel, "--condition", "degrees", "--draws", "50", "--seed", "2", "-o", json.path])
        let (facts, _, rows) = try jsonReport(json)
        #expect(facts["condition"] as? String == "degrees" && facts["draws"] as? Int == 50)
        let density = try #require(rows.first { $0[0] as? String == "density" })
        #expect(density[3] as? Double == 1 && density[4] as? Double == 1)
        let degree = try #require(rows.first { $0[0] as? String == "degree_centralization" })
        #expect(degree[3] as? Double == 1 && degree[4] as? Double == 1)
        let transitivity = try #require(rows.first { $0[0] as? String == "transitivity" })
        let g = EcosystemNetwork(model: try ModelLoader.load(contentsOf: URL(fileURLWithPath: zoetermeerModel))).simpleGraph
        let t = try g.cugTest(condition: .degrees, draws: 50, seed: 2) { $0.transitivity() }
        #expect(transitivity[3] as? Double == t.pGreaterOrEqual)
    }
}

extension StatisticsCommandTests {
    @Test("stats communities: runs over seeds or samples, the finding in plain words, the co-membership matrix; same seed, same bytes")
    func communities() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = folder.appendingPathComponent("c.json")
        try runCommand(["stats", "communities", zoetermeerModel, "--runs", "12", "--seed", "4", "-o", json.path])
        let (facts, columns, rows) = try jsonReport(json)
        #expect(columns == ["actor", "name", "consensus_community", "modal_share", "stable"] && rows.count == 21)
        #expect(facts["runs"] as? Int == 12 && facts["method"] as? String == "leiden" && facts["varied"] as? String == "seed")
        let finding = try #require(facts["finding"] as? String)
        let mean = try #require(facts["mean_adjusted_rand"] as? Double)
        #expect(finding.contains(mean >= 0.8 && facts["unstable_actors"] as? Int == 0 ? "nearly the same in every run" : "change from run to run"))
        // The library on the same runs.
        let model = try ModelLoader.load(contentsOf: URL(fileURLWithPath: zoetermeerModel))
        let g = EcosystemNetwork(model: model).graph
        let runs = try (0..<12).map { try g.leiden(seed: UInt64ValueOfSampleSeed(4, $0)).membership }
        let ari = (0..<12).flatMap { r in ((r + 1)..<12).map { PartitionAgreement.adjustedRandIndex(runs[r], runs[$0]) } }
        #expect(abs(mean - ari.reduce(0, +) / Double(ari.count)) < 1e-12)
        let again = folder.appendingPathComponent("c2.json")
        try runCommand(["stats", "communities", zoetermeerModel, "--runs", "12", "--seed", "4", "-o", again.path])
        #expect(try Data(contentsOf: json) == Data(contentsOf: again))
        let matrix = folder.appendingPathComponent("m.csv")
        try runCommand(["stats", "communities", zoetermeerModel, "--samples", "8", "--method", "louvain", "--matrix", "-o", matrix.path])
        let lines = try String(contentsOf: matrix, encoding: .utf8).split(separator: "\n")
        #expect(lines.contains("# varied: seed and sampled ties (confidence)") && lines.contains("# method: louvain"))
        #expect(lines.first { $0.hasPrefix("actor,") }?.split(separator: ",").count == 22)
        #expect(throws: (any Error).self) { try runCommand(["stats", "communities", zoetermeerModel, "--runs", "0"]) }
        // A model without ties has nothing to test: said so, not "they can be read as they are".
        let tieless = folder.appendingPathComponent("tieless.json"), out = folder.appendingPathComponent("t.json")
        try Data(#"{"name": "t", "actor_types": [{"id": "g", "label": "G"}], "relation_types": [{"id": "f", "label": "f", "directed": true}], "actors": [{"id": "a", "name": "A", "type": "g"}, {"id": "b", "name": "B", "type": "g"}, {"id": "c", "name": "C", "type": "g"}], "relations": []}"#.utf8).write(to: tieless)
        try runCommand(["stats", "communities", tieless.path, "--runs", "5", "-o", out.path])
        let none = try #require(try jsonReport(out).facts["finding"] as? String)
        #expect(none.hasPrefix("The model has no ties") && !none.contains("read as they are"), "\(none)")
    }
}

func UInt64ValueOfSampleSeed(_ seed: UInt64, _ r: Int) -> UInt64 { UncertaintyAnalysis.sampleSeed(seed, sample: r) }

extension StatisticsCommandTests {
    @Test("stats layers: shared ties and Jaccard of every pair of layers equal NetworkX's (reference_statistics.py)")
    func layers() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = folder.appendingPathComponent("layers.json")
        try runCommand(["stats", "layers", layersModel, "-o", json.path])
        let (facts, _, rows) = try jsonReport(json)
        guard case let .array(expected)? = (try Fixtures.reference("reference/statistics.json"))["layer_overlap"] else { Issue.record("no reference"); return }
        #expect(rows.count == expected.count && facts["pairs_sharing_ties"] as? Int == 3)
        for (row, e) in zip(rows, expected) {
            if case let .string(a)? = e["a"], case let .string(b)? = e["b"] { #expect(row[0] as? String == a && row[1] as? String == b) }
            #expect(row[2] as? Int == e["ties_a"]?.double.map { Int($0) } && row[3] as? Int == e["ties_b"]?.double.map { Int($0) })
            #expect(row[4] as? Int == e["shared"]?.double.map { Int($0) })
            #expect(agree(row[5] as? Double ?? .nan, try #require(e["jaccard"]?.double), tolerance: 1e-12))
        }
    }

    @Test("--layer keeps one layer (analyze, stats); analyze --per-layer gives every layer; an unknown layer is named")
    func layerOption() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let one = folder.appendingPathComponent("one.csv")
        try runCommand(["analyze", layersModel, "--layer", "funds", "--measures", "degree", "-o", one.path])
        let degrees = try String(contentsOf: one, encoding: .utf8).split(separator: "\n").dropFirst()
            .map { Double($0.split(separator: ",").last!)! }
        #expect(degrees.reduce(0, +) == 2 * 15)   // the 15 ties of the funds layer
        let all = folder.appendingPathComponent("all.csv")
        try runCommand(["analyze", layersModel, "--per-layer", "--measures", "degree", "-o", all.path])
        let lines = try String(contentsOf: all, encoding: .utf8).split(separator: "\n")
        #expect(lines[0].hasPrefix("layer,id,") && lines.count == 1 + 3 * 14)
        let funds = lines.filter { $0.hasPrefix("funds,") }.map { Double($0.split(separator: ",").last!)! }
        #expect(funds == degrees)
        let json = folder.appendingPathComponent("all.json")
        try runCommand(["analyze", layersModel, "--per-layer", "--measures", "degree", "-o", json.path])
        let doc = try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any]
        #expect(((doc?["layers"] as? [String: Any])?.keys.sorted()) == ["advises", "collaborates", "funds"])
        let kp = folder.appendingPathComponent("kp.json")
        try runCommand(["stats", "layers", layersModel, "--layer", "funds,advises", "-o", kp.path])
        #expect(try jsonReport(kp).rows.count == 1)
        do {
            try runCommand(["analyze", layersModel, "--layer", "fund"])
            Issue.record("an unknown layer was accepted")
        } catch { #expect("\(error)".contains("'fund' is not a relation type of the model; declared: collaborates, funds, advises"), "\(error)") }
    }
}

extension StatisticsCommandTests {
    @Test("--max-seconds stops qapreg, cug, communities, qap, mixing, analyze --samples and sweep with a clear error and writes nothing; --progress leaves the output alone")
    func maxSeconds() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("never.json")
        let runs: [[String]] = [
            ["stats", "qapreg", layersModel, "--dependent", "collaborates", "--predictor", "funds", "--permutations", "5000"],
            ["stats", "cug", layersModel, "--condition", "degrees", "--draws", "500"],
            ["stats", "communities", layersModel, "--runs", "500"],
            ["stats", "qap", layersModel, "--layers", "collaborates,funds", "--permutations", "5000"],
            ["stats", "mixing", layersModel, "--permutations", "5000"],
            ["analyze", layersModel, "--samples", "5000", "--format", "json"],
            ["sweep", layersModel, "--runs", "500"],
        ]
        for arguments in runs {
            do {
                try runCommand(arguments + ["--max-seconds", "0", "-o", out.path])
                Issue.record("\(arguments.prefix(2)) was not stopped")
            } catch {
                #expect("\(error)".contains("stopped by --max-seconds 0.000 after ") && "\(error)".hasSuffix("nothing was written"), "\(error)")
            }
            #expect(!FileManager.default.fileExists(atPath: out.path))
        }
        let plain = folder.appendingPathComponent("plain.json"), shown = folder.appendingPathComponent("shown.json")
        try runCommand(runs[0] + ["--permutations", "200", "-o", plain.path])
        try runCommand(runs[0] + ["--permutations", "200", "--progress", "--max-seconds", "600", "-o", shown.path])
        #expect(try Data(contentsOf: plain) == Data(contentsOf: shown))
        #expect(throws: (any Error).self) { try runCommand(runs[0] + ["--max-seconds", "-1"]) }
    }
}
