import FixtureSupport
import Foundation
import NetworkAnalysis
import Testing

/// Runs the ecomap executable with `arguments` (in `folder`, else here); returns the exit
/// status and standard error.
func runEcomap(_ arguments: [String], in folder: URL? = nil) throws -> (status: Int32, stderr: String) {
    let process = Process()
    process.executableURL = ecomapExecutable
    process.arguments = arguments
    if let folder { process.currentDirectoryURL = folder }
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, text)
}

/// Every file under `folder`, relative paths, hidden ones and the lock files included.
func allFiles(_ folder: URL) -> [String] {
    let base = folder.resolvingSymlinksInPath().path
    let items = FileManager.default.enumerator(atPath: base)?.compactMap { $0 as? String } ?? []
    return items.filter { name in
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: base + "/" + name, isDirectory: &isFolder) && !isFolder.boolValue
    }.sorted()
}

@Suite("gaps and render on long runs: progress on standard error, --max-seconds",
       .enabled(if: ecomapExecutable != nil, "needs the ecomap executable built next to the tests (swift build)"))
struct LongRunTests {
    @Test("--max-seconds 0 stops gaps and render before their first step, with one error line; nothing is written",
          arguments: [["gaps", zoetermeerModel, "--no-rules"], ["render", zoetermeerModel]])
    func stopped(command: [String]) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent(command[0] == "gaps" ? "gaps.md" : "map.svg")
        let run = try runEcomap(command + ["--max-seconds", "0", "-o", out.path], in: folder)
        #expect(run.status == 1)
        let what = command[0] == "gaps" ? "the gap analysis" : "the map"
        let total = command[0] == "gaps" ? 9 : 4
        #expect(run.stderr == "Error: \(what) stopped by --max-seconds 0.000 after 0 of \(total); nothing was written\n")
        #expect(allFiles(folder).isEmpty)
    }

    @Test("--max-seconds 1 on a 50,000-actor edge list: the watchdog ends the run inside its first long step, one error line, nothing written")
    func watchdog() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var generator = SplitMix64(seed: 3)
        var csv = "source,target\n"
        for i in 1..<50_000 { csv += "n\(i),n\(Int(generator.next() % UInt64(i)))\n" }
        try csv.write(to: folder.appendingPathComponent("big.csv"), atomically: true, encoding: .utf8)
        let run = try runEcomap(["gaps", "big.csv", "--max-seconds", "1", "-o", "gaps.md"], in: folder)
        #expect(run.status == 1)
        // Inside a step the watchdog ends it; on a slow machine the load alone may pass the
        // limit, and the check after it stops the run before the first step.
        let last = run.stderr.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last == "Error: the gap analysis stopped by --max-seconds 1.000 during a step; nothing was written"
                || last == "Error: the gap analysis stopped by --max-seconds 1.000 after 0 of 9; nothing was written", "\(run.stderr)")
        #expect(allFiles(folder) == ["big.csv"])
    }

    @Test("--progress into a log: a line per step, then the output as without it")
    func logged() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let gaps = try runEcomap(["gaps", zoetermeerModel, "--no-rules", "--progress", "--format", "json", "-o", "g.json"], in: folder)
        #expect(gaps.status == 0)
        let steps = ["measures", "fragmentation", "single points of failure", "brokers", "under-representation",
                     "missing ties", "openness", "peripheral actors", "tie portfolio", "done"]
        let expected = steps.enumerated().map { "gaps: \($1) (\($0) of 9 steps done)" }
        #expect(gaps.stderr.split(separator: "\n").filter { $0.hasPrefix("gaps: ") }.map(String.init) == expected)
        let render = try runEcomap(["render", zoetermeerModel, "--progress", "-o", "m.svg"], in: folder)
        #expect(render.status == 0)
        #expect(render.stderr.split(separator: "\n").filter { $0.hasPrefix("render: ") }.map(String.init)
                == ["render: measures (0 of 4 steps done)", "render: layout (1 of 4 steps done)", "render: gap overlay (2 of 4 steps done)",
                    "render: drawing (3 of 4 steps done)", "render: done (4 of 4 steps done)"])
        #expect(allFiles(folder) == ["g.json", "m.svg"])
    }

    @Test("on a terminal (a pty from script(1)) the step line is rewritten in place and cleared at the end; without a terminal or --progress, nothing",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1) for a pty"))
    func terminal() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let command = "\(ecomapExecutable!.path) gaps \(zoetermeerModel) --no-rules --progress --format json -o g.json"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        process.currentDirectoryURL = folder
        let pty = Pipe()
        process.standardOutput = pty
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: pty.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text.contains("\r\u{1B}[Kgaps: measures (0 of 9 steps done)\r\u{1B}[Kgaps: fragmentation (1 of 9 steps done)"), "\(text.debugDescription)")
        #expect(text.contains("\r\u{1B}[Kgaps: tie portfolio (8 of 9 steps done)\r\u{1B}[K"))
        #expect(!text.contains("steps done)\n"))
        // Not a terminal and no --progress: no progress at all.
        let quiet = try runEcomap(["gaps", zoetermeerModel, "--no-rules", "--format", "json", "-o", "h.json"], in: folder)
        #expect(quiet.status == 0 && !quiet.stderr.contains("steps done"))
    }
}

@Suite("A model's name never chooses where files go (CLI)",
       .enabled(if: ecomapExecutable != nil, "needs the ecomap executable built next to the tests (swift build)"))
struct ModelNameFolderTests {
    /// The Zoetermeer model with `name` written in.
    func model(named name: String, in folder: URL) throws -> URL {
        let text = try String(contentsOfFile: zoetermeerModel, encoding: .utf8)
        let url = folder.appendingPathComponent("model.yaml")
        try text.replacingOccurrences(of: "\ntitle:", with: "\nname: \(name)\ntitle:").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test("`..`, a path up and out, an absolute path: render, run and report write inside Output/ only",
          arguments: [("\"..\"", "_2E."), ("\"../../somewhere/else\"", "_2E._2F.._2Fsomewhere_2Felse"), ("\"/tmp/x\"", "_2Ftmp_2Fx")])
    func insideOutput(name: String, folderName: String) throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let work = root.appendingPathComponent("a/b")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let model = try model(named: name, in: work)
        let all = name == "\"..\""   // render for every name; run and report too for `..` (they wrote the repository root)
        for command in [["render", model.path]] + (all ? [["run", model.path, "--no-rules"], ["report", model.path, "--no-rules"]] : []) {
            let run = try runEcomap(command, in: work)
            #expect(run.status == 0, "\(command): \(run.stderr)")
        }
        let written = allFiles(root).filter { !$0.hasSuffix("/model.yaml") }
        #expect(!written.isEmpty)
        #expect(written.allSatisfy { $0.hasPrefix("a/b/Output/\(folderName)/") }, "\(written)")
        #expect(written.contains("a/b/Output/\(folderName)/ecosystem.svg"))
        if all { #expect(written.contains("a/b/Output/\(folderName)/report.html") && written.contains("a/b/Output/\(folderName)/metrics.csv")) }
    }

    @Test("a symbolic link as Output/ is followed, and the name still makes one folder inside its target")
    func symlinkedOutput() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let work = root.appendingPathComponent("work"), target = root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: work.appendingPathComponent("Output"), withDestinationURL: target)
        let model = try model(named: "\"..\"", in: work)
        let run = try runEcomap(["render", model.path], in: work)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(allFiles(target).filter { !$0.hasPrefix(".") && !$0.contains("/.") } == ["_2E./ecosystem.svg"])
        #expect(allFiles(root).filter { !$0.contains("/.") }.sorted() == ["elsewhere/_2E./ecosystem.svg", "work/model.yaml"])
    }
}

@Suite("Messages that once misled (issue 16)",
       .enabled(if: ecomapExecutable != nil, "needs the ecomap executable built next to the tests (swift build)"))
struct MisleadingMessageTests {
    @Test("-o through a file, a FIFO or a device as the model: each says what the path is")
    func sayWhatThePathIs() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = folder.appendingPathComponent("m.yaml"), file = folder.appendingPathComponent("FILE")
        try FileManager.default.copyItem(atPath: zoetermeerModel, toPath: model.path)
        try "hi\n".write(to: file, atomically: true, encoding: .utf8)
        let fifo = folder.appendingPathComponent("ff.yaml")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        // "a file with the same name already exists", "NSCocoaErrorDomain error 512", "You don't have permission" before.
        for (arguments, expected) in [
            (["render", "m.yaml", "-o", "m.yaml/x.svg"], "Error: cannot write m.yaml/x.svg: \(model.resolvingSymlinksInPath().path) is a file, not a folder\n"),
            (["run", "m.yaml", "--no-rules", "-o", "FILE"], "Error: cannot write FILE/m/ecosystem.svg: \(file.resolvingSymlinksInPath().path) is a file, not a folder\n"),
            (["validate", "ff.yaml"], "Error: ff.yaml is a FIFO (named pipe), not a model or edge list file\n"),
            (["validate", "/dev/zero"], "Error: /dev/zero is a device, not a model or edge list file\n"),
        ] {
            let run = try runEcomap(arguments, in: folder)
            #expect(run.status == 1, "\(arguments)")
            #expect(run.stderr.hasSuffix(expected), "\(arguments): \(run.stderr)")
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == "hi\n")
    }
}
