import FixtureSupport
import EcoMapJobs
import Foundation
import Testing
@testable import EcoMapCLI

@Suite("Outputs never destroy anything")
struct OutputSafetyTests {
    @Test("an output that is an input of the run is refused, and the input is unchanged")
    func outputIsInput() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let edges = folder.appendingPathComponent("e.csv")
        let text = "source,target\nA,B\n"
        try text.write(to: edges, atomically: true, encoding: .utf8)
        #expect(throws: JobError.self) {
            try runCommand(["analyze", edges.path, "--measures", "degree", "--format", "csv", "-o", edges.path])
        }
        #expect(try String(contentsOf: edges, encoding: .utf8) == text)
    }

    @Test("a folder or a device as output is refused before anything is written")
    func notARegularFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: JobError.self) {
            try runCommand(["analyze", zoetermeerModel, "--measures", "degree", "-o", folder.path])
        }
        #expect(throws: JobError.self) {
            try runCommand(["analyze", zoetermeerModel, "--measures", "degree", "-o", "/dev/null"])
        }
        var isDevice = false
        if let type = try FileManager.default.attributesOfItem(atPath: "/dev/null")[.type] as? FileAttributeType {
            isDevice = type == .typeCharacterSpecial
        }
        #expect(isDevice)
    }

    @Test("a symbolic link as output is followed: its target is replaced, the link kept")
    func symlink() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("target.csv"), link = folder.appendingPathComponent("link.csv")
        try "old\n".write(to: target, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        try runCommand(["analyze", zoetermeerModel, "--measures", "density", "--format", "csv", "-o", link.path])
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        #expect(try String(contentsOf: target, encoding: .utf8).hasPrefix("measure,value\ndensity,"))
    }

    @Test("a missing input names the file, without the usage text")
    func missingInput() {
        do {
            try runCommand(["analyze", "/no/such/model.yaml"])
            Issue.record("expected an error")
        } catch {
            #expect(String(describing: error) == "no such model or edge list: /no/such/model.yaml")
        }
    }

    @Test("a value found wrong while the command runs names the command's help, not the top-level usage",
          .enabled(if: ecomapExecutable != nil, "needs the ecomap executable built next to the tests (swift build)"))
    func runTimeValidation() throws {
        let (status, stderr) = try runEcomap(["evolve", zoetermeerModel, "--step", "1d", "--no-findings"])
        #expect(status == 64)
        #expect(stderr.hasPrefix("Error: ") && stderr.contains("the range holds ") && stderr.contains("periods, more than the 1000"), "\(stderr)")
        #expect(stderr.contains("See 'ecomap evolve --help'") && !stderr.contains("ecomap <subcommand>"), "\(stderr)")
    }

    @Test("a misspelt measure gets a suggestion")
    func didYouMean() {
        do {
            _ = try EcoMap.parseAsRoot(["analyze", zoetermeerModel, "--measures", "betweeness"])
            Issue.record("expected an error")
        } catch {
            #expect(EcoMap.message(for: error).contains("did you mean 'betweenness'?"))
        }
    }

    @Test("the same scenario twice in one comparison is refused")
    func duplicateScenario() {
        let scenario = Fixtures.repositoryRoot.appendingPathComponent("Datasets/zoetermeer/scenarios/programme.yaml").path
        #expect(throws: JobError.self) {
            try runCommand(["compare", zoetermeerModel, scenario, scenario, "--no-rules"])
        }
    }
}
