import FixtureSupport
import Foundation
import NetworkAnalysis
import Testing

/// The files of a folder, hidden ones included, without the lock file.
func listing(_ folder: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0 != ".ecomap.lock" }.sorted()
}

@Suite("Crash-safe writes: killed runs leave no partial files, concurrent runs do not mix",
       .enabled(if: ecomapExecutable != nil, "needs the ecomap executable built next to the tests (swift build)"))
struct CrashSafeWriteTests {
    /// Starts ecomap with `arguments`, output discarded.
    func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = ecomapExecutable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test("report killed at seeded random moments: never a temporary or half file; the next run cleans up and completes")
    func killed() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let bundle = out.appendingPathComponent("zoetermeer")
        var generator = SplitMix64(seed: 7)
        for _ in 0..<8 {
            let process = try start(["report", zoetermeerModel, "-o", out.path, "--no-rules"])
            usleep(UInt32(generator.next() % 1_500_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // A killed run leaves at most its own temporary files, never a partial report.
            for name in listing(bundle) where !name.hasPrefix(".") {
                let data = try Data(contentsOf: bundle.appendingPathComponent(name))
                if name.hasSuffix(".html") { #expect(String(decoding: data, as: UTF8.self).hasSuffix("</html>\n"), "\(name) is cut off") }
                if name.hasSuffix(".svg") { #expect(isWellFormedXML(data), "\(name) is cut off") }
            }
            #expect(!listing(bundle).contains { $0.contains(".dat.nosync") })
        }
        let finished = try start(["report", zoetermeerModel, "-o", out.path, "--no-rules"])
        finished.waitUntilExit()
        #expect(finished.terminationStatus == 0)
        #expect(listing(bundle) == ["report-communities.svg", "report-evolution.svg", "report-gaps.svg", "report-map.svg", "report.html", "report.md"])
    }

    @Test("a full standard output is a failure (exit 1), and the main job then writes nothing")
    func fullDisk() throws {
        guard let full = FileHandle(forWritingAtPath: "/dev/full") else { return }
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        for arguments in [["validate", zoetermeerModel], ["run", zoetermeerModel, "-o", out.path]] {
            let process = Process()
            process.executableURL = ecomapExecutable
            process.arguments = arguments
            process.standardOutput = full
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 1, "\(arguments)")
        }
        #expect(listing(out).isEmpty)
    }

    @Test("two reports written into one folder at once never mix their files")
    func concurrent() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let bundle = out.appendingPathComponent("zoetermeer")
        for round in 0..<4 {
            let a = try start(["report", zoetermeerModel, "-o", out.path, "--no-rules", "--title", "Run A\(round)"])
            let b = try start(["report", zoetermeerModel, "-o", out.path, "--no-rules", "--title", "Run B\(round)"])
            a.waitUntilExit(); b.waitUntilExit()
            #expect(a.terminationStatus == 0 && b.terminationStatus == 0)
            let titles = try listing(bundle).filter { !$0.hasPrefix(".") }.map { name in
                let text = String(decoding: try Data(contentsOf: bundle.appendingPathComponent(name)), as: UTF8.self)
                return text.contains("Run A\(round)") ? "A" : text.contains("Run B\(round)") ? "B" : "?"
            }
            #expect(Set(titles).count == 1, "round \(round): \(titles)")
        }
    }
}

