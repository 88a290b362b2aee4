import EcoMapJobs
import Ecosystem
import FixtureSupport
import Foundation
import Testing
@testable import EcoMapCLI

/// A copy of the Zoetermeer dataset (model, rules, scenarios) in a fresh folder, with a
/// symbolic link and a hard link to the model.
struct DatasetCopy {
    let folder: URL
    var model: String { folder.appendingPathComponent("model.yaml").path }
    var rules: String { folder.appendingPathComponent("rules.yaml").path }
    func scenario(_ name: String) -> String { folder.appendingPathComponent("scenarios/\(name).yaml").path }
    var symlink: String { folder.appendingPathComponent("link.yaml").path }
    var hardLink: String { folder.appendingPathComponent("hard.yaml").path }

    init() throws {
        folder = try temporaryFolder()
        let source = Fixtures.repositoryRoot.appendingPathComponent("Datasets/zoetermeer")
        for name in ["model.yaml", "rules.yaml", "scenarios"] {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        try FileManager.default.createSymbolicLink(atPath: symlink, withDestinationPath: model)
        try FileManager.default.linkItem(atPath: model, toPath: hardLink)
    }

    /// The bytes of every file in the copy, by path.
    func snapshot() throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in [model, rules] + ["programme", "programme-dip-loss", "dip-loss", "regional", "visibility"].map(scenario) {
            files[path] = try Data(contentsOf: URL(fileURLWithPath: path))
        }
        return files
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

@Suite("No command writes over one of its inputs")
struct InputGuardTests {
    /// Runs `arguments`, expects a refusal that names the output as an input, and checks that
    /// no file of the dataset changed.
    func expectRefused(_ arguments: [String], in data: DatasetCopy, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try data.snapshot()
        do {
            try runCommand(arguments)
            Issue.record("expected a refusal for \(arguments)", sourceLocation: sourceLocation)
        } catch let error as JobError {
            #expect(error.description.contains("it is an input of this run"), "\(error)", sourceLocation: sourceLocation)
        }
        #expect(try data.snapshot() == before, "an input changed", sourceLocation: sourceLocation)
    }

    @Test("compare -o onto the model, by any path to it, is refused (it replaced the model before)")
    func compareOntoTheModel() throws {
        let data = try DatasetCopy()
        defer { data.remove() }
        let scenario = data.scenario("programme")
        let spellings = [
            data.model, data.folder.path + "/./model.yaml", data.folder.path + "/scenarios/../model.yaml",
            data.symlink, data.hardLink,
        ]
        for output in spellings {
            try expectRefused(["compare", data.model, scenario, "-o", output], in: data)
        }
        // A relative path from the working directory names the same file.
        let relative = data.model.replacingOccurrences(of: FileManager.default.currentDirectoryPath + "/", with: "")
        if relative != data.model { try expectRefused(["compare", data.model, scenario, "-o", relative], in: data) }
    }

    @Test("compare -o onto a scenario, a file a scenario extends, or the rules is refused")
    func compareOntoOtherInputs() throws {
        let data = try DatasetCopy()
        defer { data.remove() }
        let scenario = data.scenario("programme-dip-loss")   // extends programme.yaml
        for output in [scenario, data.scenario("programme"), data.rules] {
            try expectRefused(["compare", data.model, scenario, "-o", output], in: data)
        }
        // --diagrams into the scenarios' folder may not replace a scenario either: nothing is written.
        let diagrams = data.folder.appendingPathComponent("scenarios").path
        try FileManager.default.createSymbolicLink(
            atPath: data.folder.appendingPathComponent("scenarios/small-multiples.svg").path, withDestinationPath: data.model)
        try expectRefused(["compare", data.model, scenario, "--diagrams", diagrams], in: data)
        #expect(!FileManager.default.fileExists(atPath: diagrams + "/programme-dip-loss-diff.svg"))
    }

    @Test("render, gaps, sweep and analyze refuse -o onto their inputs")
    func otherCommands() throws {
        let data = try DatasetCopy()
        defer { data.remove() }
        try expectRefused(["render", data.model, "--format", "svg", "-o", data.hardLink], in: data)
        try expectRefused(["render", data.model, "--format", "svg", "--overlay", "gaps", "-o", data.rules], in: data)
        try expectRefused(["gaps", data.model, "-o", data.rules], in: data)
        try expectRefused(["gaps", data.model, "-o", data.symlink], in: data)
        try expectRefused(["sweep", data.model, "--runs", "1", "-o", data.model], in: data)
        try expectRefused(["sweep", data.model, "--runs", "1", "--chart", data.symlink], in: data)
        try expectRefused(["analyze", data.model, "--measures", "degree", "-o", data.hardLink], in: data)
        try expectRefused(["analyze", data.model, "--samples", "2", "--measures", "degree", "-o", data.model], in: data)
    }

    @Test("report refuses a bundle file that is one of its inputs, and writes no file of the bundle")
    func report() throws {
        let data = try DatasetCopy()
        defer { data.remove() }
        // The theme sits where the bundle's report.md would go.
        let out = data.folder.appendingPathComponent("out")
        let name = OutputFolder.component(for: try ModelLoader.load(contentsOf: URL(fileURLWithPath: data.model)).name)
        let theme = out.appendingPathComponent("\(name)/report.md")
        try FileManager.default.createDirectory(at: theme.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "background: \"#FFFFFF\"\n".write(to: theme, atomically: true, encoding: .utf8)
        try expectRefused(["report", data.model, "-o", out.path, "--theme", theme.path], in: data)
        #expect(try String(contentsOf: theme, encoding: .utf8) == "background: \"#FFFFFF\"\n")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("\(name)/report-map.svg").path))
    }
}
