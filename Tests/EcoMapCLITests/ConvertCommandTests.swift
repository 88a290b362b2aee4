import EcoMapJobs
import Ecosystem
import FixtureSupport
import Foundation
import Testing
@testable import EcoMapCLI

/// The strategist's path (a Dutch-Excel CSV pair straight into `run`), `run` on a bare
/// relations.csv with `from`/`to`, and `convert` / `apply` through the command line.
@Suite("convert, apply and spreadsheets through the commands")
struct ConvertCommandTests {
    static let dutch = Fixtures.directory.appendingPathComponent("formats/dutch")

    @Test func runReadsTheDutchPairAndDrawsTypesInColour() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pair = folder.appendingPathComponent("sciencepark")
        try FileManager.default.copyItem(at: Self.dutch, to: pair)
        try runCommand(["run", pair.path, "-o", folder.appendingPathComponent("out").path])
        let svg = try String(contentsOf: folder.appendingPathComponent("out/sciencepark/ecosystem.svg"), encoding: .utf8)
        for colour in ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2"] { #expect(svg.lowercased().contains(colour.lowercased())) }
        let csv = try String(contentsOf: folder.appendingPathComponent("out/sciencepark/metrics.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\n").count == 9)   // header + 8 actors
    }

    /// The model is named after the folder (the file is only "relations").
    @Test func runTakesARelationsFileWithFromAndTo() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("relations.csv")
        try Data("from,to,type,weight,note,start\nLUMC,Leiden University,collaborates,2,big,2020\nLeiden University,BSP,supports,1,,\n".utf8).write(to: file)
        try runCommand(["run", file.path, "-o", folder.appendingPathComponent("out").path])
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/\(folder.lastPathComponent)/ecosystem.svg").path))
    }

    @Test func convertAndApplyWriteEveryFormatAndRefuseInputs() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = Fixtures.repositoryRoot.appendingPathComponent("Datasets/zoetermeer/model.yaml").path
        for name in ["z.yaml", "z.json", "z.csv", "z.xlsx", "z.kumu.json", "z.gexf", "z.graphml", "z.nodelink.json"] {
            try runCommand(["convert", model, folder.appendingPathComponent(name).path])
        }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("z-relations.csv").path))
        let original = try ModelLoader.load(contentsOf: URL(fileURLWithPath: model))
        #expect(try ModelFormats.load(folder.appendingPathComponent("z.graphml").path).model == original)
        // Mixed directions: a directed GraphML with each edge's direction as data (NetworkX reads it).
        let graphml = try String(contentsOf: folder.appendingPathComponent("z.graphml"), encoding: .utf8)
        #expect(graphml.contains("edgedefault=\"directed\"") && !graphml.contains(" directed=\""))
        try runCommand(["convert", folder.appendingPathComponent("z.gexf").path, folder.appendingPathComponent("g.graphml").path,
                        "--with-measures", "degree"])
        let scenario = Fixtures.repositoryRoot.appendingPathComponent("Datasets/zoetermeer/scenarios/programme.yaml").path
        try runCommand(["apply", model, scenario, "-o", folder.appendingPathComponent("programme.yaml").path])
        let applied = try ModelLoader.load(contentsOf: folder.appendingPathComponent("programme.yaml"))
        #expect(applied.actors.count > original.actors.count || applied.relations.count != original.relations.count)
        #expect(throws: JobError.self) { try runCommand(["apply", model, scenario, "-o", scenario]) }
        #expect(throws: (any Error).self) { try EcoMap.parseAsRoot(["convert", model, folder.appendingPathComponent("z.txt").path]) }
    }
}
