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

    /// Runs ecomap to the end.
    func finish(_ arguments: [String]) throws -> Int32 {
        let process = try start(arguments)
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// The bundle's files (not hidden, not `keep`), and their bytes.
    func snapshot(_ folder: URL, except keep: Set<String>) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in listing(folder) where !name.hasPrefix(".") && !keep.contains(name) {
            out[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return out
    }

    /// ecomap's own temporaries (`.ecomap-tmp-…`, `.ecomap-old-…`) in `folders`.
    func temporaries(_ folders: [URL]) -> [String] {
        folders.flatMap { listing($0).filter { $0.hasPrefix(".ecomap-") } }
    }

    /// Kills a command writing a bundle at seeded random moments and checks, after every kill,
    /// that the bundle folder holds exactly the old bundle's bytes or exactly the new one's
    /// (never a mix, never a cut-off file), that the user's own files in it are intact, that
    /// only the killed process's temporaries are left, and that they are gone once a later run
    /// has swapped its bundle in. Two variants (`a`, `b`) of the command give different bytes;
    /// each kill runs the variant the folder does not hold; every other run is killed after a
    /// seeded random fraction (0.3 to 1.4) of the longer variant's full run time, the others a
    /// seeded 0–20 ms after their temporary folder appears (while the bundle is written and swapped). Up to `kills` kills, at
    /// least 3, within `seconds` after the first 3.
    /// - Returns: how many runs were started and killed, how many of them left the old bundle and how
    ///   many the new one, and how many had finished before the kill came.
    func killRepeatedly(_ a: [String], _ b: [String], bundleName: String, seed: UInt64, kills: Int, seconds: Double) throws -> (old: Int, new: Int, killed: Int, finished: Int) {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let bundle = out.appendingPathComponent(bundleName)
        let variants = [a, b].map { $0 + ["-o", out.path] }
        // The user's own files in the bundle folder: carried over by every swap, never removed.
        try FileManager.default.createDirectory(at: bundle.appendingPathComponent("mine"), withIntermediateDirectories: true)
        try Data("my notes\n".utf8).write(to: bundle.appendingPathComponent("notes.txt"))
        try Data("kept\n".utf8).write(to: bundle.appendingPathComponent("mine/kept.txt"))
        let keep: Set<String> = ["notes.txt", "mine"]
        var expected: [[String: Data]] = []
        var duration = 0.0
        for variant in variants {
            let began = Date()
            #expect(try finish(variant) == 0)
            duration = max(duration, Date().timeIntervalSince(began))
            expected.append(try snapshot(bundle, except: keep))
        }
        try #require(expected[0] != expected[1] && !expected[0].isEmpty)
        var holds = 1, old = 0, new = 0, done = 0, finished = 0
        var generator = SplitMix64(seed: seed)
        var leftovers: Set<String> = []
        let deadline = Date().addingTimeInterval(seconds)
        // At least 3 kills, however loaded the machine is; then as many as `seconds` allow.
        while done < kills && (done < 3 || Date() < deadline) {
            let next = 1 - holds
            let process = try start(variants[next])
            if done % 2 == 0 {
                usleep(UInt32((0.3 + Double(generator.next() % 1000) / 1000 * 1.1) * duration * 1e6))
            } else {
                // Aimed at the write: once the run's temporary folder appears, 0–20 ms later.
                let marker = ".ecomap-tmp-\(process.processIdentifier)-", until = Date().addingTimeInterval(3 * duration)
                while process.isRunning && Date() < until && !listing(out).contains(where: { $0.hasPrefix(marker) }) { usleep(500) }
                usleep(UInt32(generator.next() % 20_000))
            }
            if !process.isRunning { finished += 1 }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            done += 1
            let now = try snapshot(bundle, except: keep)
            let which = now == expected[holds] ? holds : now == expected[next] ? next : nil
            #expect(which != nil, "kill \(done): the bundle is neither the old nor the new one: \(now.keys.sorted())")
            #expect(try Data(contentsOf: bundle.appendingPathComponent("notes.txt")) == Data("my notes\n".utf8))
            #expect(try Data(contentsOf: bundle.appendingPathComponent("mine/kept.txt")) == Data("kept\n".utf8))
            let left = Set(temporaries([out, bundle]))
            let own = "-\(process.processIdentifier)-"
            if which == next {
                // This run swapped its bundle in, after removing the temporaries of the killed runs before it.
                new += 1; holds = next
                #expect(left.allSatisfy { $0.contains(own) }, "kill \(done): stale temporaries left: \(left.sorted())")
                leftovers = left
            } else {
                old += 1
                #expect(left.subtracting(leftovers).allSatisfy { $0.contains(own) }, "kill \(done): \(left.sorted())")
                leftovers = left
            }
        }
        // The next complete run cleans up.
        #expect(try finish(variants[1 - holds]) == 0)
        #expect(temporaries([out, bundle]).isEmpty, "\(temporaries([out, bundle]))")
        #expect(try snapshot(bundle, except: keep) == expected[1 - holds])
        #expect(listing(bundle).filter { !$0.hasPrefix(".") }.sorted() == (Array(expected[0].keys) + keep).sorted())
        return (old, new, done, finished)
    }

    @Test("report killed at seeded random moments: the old bundle or the new one, never a mix; the next run cleans up")
    func killedReport() throws {
        let base = ["report", zoetermeerModel, "--no-rules"]
        let counts = try killRepeatedly(base + ["--title", "Old"], base + ["--title", "New"], bundleName: "zoetermeer", seed: 7, kills: 12, seconds: 8)
        #expect(counts.killed >= 3)
        print("report: \(counts.killed) kills, \(counts.old) left the old bundle, \(counts.new) the new one (\(counts.finished) had finished)")
    }

    @Test("run killed at seeded random moments: the old ecosystem.svg and metrics.csv or the new ones, never a mix")
    func killedRun() throws {
        let base = ["run", zoetermeerModel, "--no-rules"]
        let counts = try killRepeatedly(base + ["--title", "Old"], base + ["--title", "New", "--directed"], bundleName: "zoetermeer", seed: 11, kills: 14, seconds: 6)
        #expect(counts.killed >= 3)
        print("run: \(counts.killed) kills, \(counts.old) left the old bundle, \(counts.new) the new one (\(counts.finished) had finished)")
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
        try FileManager.default.createDirectory(at: bundle, withIntermediateDirectories: true)
        try Data("my notes\n".utf8).write(to: bundle.appendingPathComponent("notes.txt"))
        for round in 0..<5 {
            let a = try start(["report", zoetermeerModel, "-o", out.path, "--no-rules", "--title", "Run A\(round)"])
            let b = try start(["report", zoetermeerModel, "-o", out.path, "--no-rules", "--title", "Run B\(round)"])
            a.waitUntilExit(); b.waitUntilExit()
            #expect(a.terminationStatus == 0 && b.terminationStatus == 0)
            let names = listing(bundle).filter { !$0.hasPrefix(".") && $0 != "notes.txt" }
            #expect(names == ["report-communities.svg", "report-evolution.svg", "report-gaps.svg", "report-map.svg", "report.html", "report.md"])
            let titles = try names.map { name in
                let text = String(decoding: try Data(contentsOf: bundle.appendingPathComponent(name)), as: UTF8.self)
                return text.contains("Run A\(round)") ? "A" : text.contains("Run B\(round)") ? "B" : "?"
            }
            #expect(Set(titles).count == 1 && !titles.contains("?"), "round \(round): \(titles)")
            #expect(try Data(contentsOf: bundle.appendingPathComponent("notes.txt")) == Data("my notes\n".utf8))
            #expect(temporaries([out, bundle]).isEmpty, "round \(round): \(temporaries([out, bundle]))")
        }
    }
}

