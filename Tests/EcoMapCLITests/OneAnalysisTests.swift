import EcoMapJobs
import Ecosystem
import FixtureSupport
import Foundation
import Testing
@testable import EcoMapCLI

/// The values an SVG map shows for `measure` in each actor's accessible title, by actor id
/// (`<g id="actor-ID" …>` then `<title>… · measure VALUE…</title>`).
func titleValues(_ svg: String, measure: String) -> [String: String] {
    var values: [String: String] = [:]
    let lines = svg.components(separatedBy: "\n")
    for (k, line) in lines.enumerated() where line.hasPrefix("<g id=\"") && line.contains("class=\"node actor") && k + 1 < lines.count {
        let id = line.dropFirst("<g id=\"".count).prefix { $0 != "\"" }.replacingOccurrences(of: "&#45;", with: "-")
        guard let range = lines[k + 1].range(of: " · \(measure) ") else { continue }
        let rest = lines[k + 1][range.upperBound...]
        values[decodedIdentifier(String(id.dropFirst("actor-".count)))] = String(rest.prefix { $0 != " " && $0 != "<" })
    }
    return values
}

/// The actor id behind an element id's escaped part (`_5F` is `_`).
func decodedIdentifier(_ text: String) -> String {
    var bytes: [UInt8] = []
    var rest = Substring(text)
    while let first = rest.first {
        if first == "_", rest.count >= 3, let byte = UInt8(rest.dropFirst().prefix(2), radix: 16) {
            bytes.append(byte); rest = rest.dropFirst(3)
        } else {
            bytes += Array(String(first).utf8); rest = rest.dropFirst()
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// `column` of a metrics.csv, by actor id.
func csvColumn(_ csv: String, _ column: String) -> [String: Double] {
    let rows = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    guard let header = rows.first, let j = header.firstIndex(of: column) else { return [:] }
    var values: [String: Double] = [:]
    for row in rows.dropFirst() where row.count == header.count { values[row[0]] = Double(row[j]) ?? .nan }
    return values
}

@Suite("One analysis per command: maps show the numbers of the table beside them")
struct OneAnalysisTests {
    func mainJob(_ extra: [String]) throws -> (svg: String, csv: String) {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        try runCommand(["run", zoetermeerModel, "--output", out.path] + extra)
        return (try String(contentsOf: out.appendingPathComponent("zoetermeer/ecosystem.svg"), encoding: .utf8),
                try String(contentsOf: out.appendingPathComponent("zoetermeer/metrics.csv"), encoding: .utf8))
    }

    @Test("with --weight none the node sizes of the map are the betweenness of metrics.csv")
    func mainJobUnweighted() throws {
        let unweighted = try mainJob(["--weight", "none"])
        let shown = titleValues(unweighted.svg, measure: "betweenness")
        let table = csvColumn(unweighted.csv, "betweenness")
        #expect(shown.count == 21 && table.count == 21)
        for (id, value) in table { #expect(shown[id] == NumberFormat.attribute(value), "\(id)") }
        // The option changes the numbers, so the test could fail if the map ignored it.
        let weighted = csvColumn(try mainJob([]).csv, "betweenness")
        #expect(table.contains { id, value in abs(value - weighted[id]!) > 1e-6 })
        // The largest value gets the largest label (font size grows with node size).
        let top = try #require(table.max { $0.value < $1.value }?.key)
        #expect(largestLabel(unweighted.svg) == top)
    }

    @Test("render's tooltips are analyze's values with the same --directed and --weight")
    func renderDirected() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let svg = out.appendingPathComponent("map.svg").path, csv = out.appendingPathComponent("m.csv").path
        let options = ["--directed", "--weight", "none"]
        try runCommand(["render", zoetermeerModel, "-o", svg, "--size-by", "pagerank"] + options)
        try runCommand(["analyze", zoetermeerModel, "--measures", "pagerank,betweenness", "-o", csv] + options)
        let text = try String(contentsOfFile: svg, encoding: .utf8), table = try String(contentsOfFile: csv, encoding: .utf8)
        for measure in ["pagerank", "betweenness"] {
            let shown = titleValues(text, measure: measure), values = csvColumn(table, measure)
            #expect(shown.count == 21)
            for (id, value) in values { #expect(shown[id] == NumberFormat.attribute(value), "\(measure) \(id)") }
        }
    }

    @Test("render --cluster-by community frames by the Leiden communities of the same options")
    func communitiesFollowTheOptions() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let csv = out.appendingPathComponent("m.csv").path
        for options in [[], ["--weight", "none"], ["--directed"]] {
            let dot = out.appendingPathComponent("map.gv").path
            try runCommand(["render", zoetermeerModel, "-o", dot, "--format", "dot", "--cluster-by", "community"] + options)
            try runCommand(["analyze", zoetermeerModel, "--measures", "leiden", "-o", csv] + options)
            let source = try String(contentsOfFile: dot, encoding: .utf8)
            let communities = csvColumn(try String(contentsOfFile: csv, encoding: .utf8), "leiden")
            // Every actor sits in the frame of its community, numbered from 1.
            for (id, community) in communities {
                let frame = "Community \(Int(community) + 1)"
                let cluster = try #require(source.components(separatedBy: "subgraph ").first { part in
                    part.contains("label=\"\(frame)\"") && part.contains("\"actor-\(DOTIdentifierForTest(id))\" [")
                }, "\(id) not in \(frame) with \(options)")
                #expect(!cluster.isEmpty)
            }
        }
    }

    func largestLabel(_ svg: String) -> String? {
        var best: (id: String, size: Double)?
        var current: String?
        for line in svg.components(separatedBy: "\n") {
            if line.hasPrefix("<g id=\"actor") { current = String(line.dropFirst("<g id=\"".count).prefix { $0 != "\"" }) }
            if let id = current, line.hasPrefix("<text"), let r = line.range(of: "font-size=\"") {
                let size = Double(line[r.upperBound...].prefix { $0 != "\"" }) ?? 0
                if best == nil || size > best!.size { best = (id, size) }
                current = nil
            }
        }
        return best.map { decodedIdentifier(String($0.id.replacingOccurrences(of: "&#45;", with: "-").dropFirst("actor-".count))) }
    }
}

/// The DOT node id's escaping of an actor id (``EcosystemRendering/DOTText/identifier(_:prefix:)``).
func DOTIdentifierForTest(_ id: String) -> String {
    id.utf8.map { byte -> String in
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
            return String(UnicodeScalar(byte))
        default:
            let hex = String(byte, radix: 16, uppercase: true)
            return "_" + (hex.count == 1 ? "0" + hex : hex)
        }
    }.joined()
}

@Suite("sweep --remove both")
struct SweepBothTests {
    @Test("runs the actor and the relation sweeps, each row naming what it removes")
    func both() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let csv = out.appendingPathComponent("s.csv").path, chart = out.appendingPathComponent("s.svg").path
        try runCommand(["sweep", zoetermeerModel, "--remove", "both", "--runs", "2", "--points", "5", "-o", csv, "--chart", chart])
        let orders = Set(try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n").dropFirst()
            .map { String($0.split(separator: ",")[0]) })
        #expect(orders == ["actors:targeted:betweenness", "actors:random", "relations:targeted:edge_betweenness", "relations:random"])
        let svg = try Data(contentsOf: URL(fileURLWithPath: chart))
        #expect(isWellFormedXML(svg))
        #expect(String(decoding: svg, as: UTF8.self).contains("relations: random (2 runs, seed 1)"))
        #expect(throws: (any Error).self) { try EcoMap.parseAsRoot(["sweep", zoetermeerModel, "--remove", "both", "--by", "degree"]) }
    }
}

@Suite("Count options are capped before any work")
struct CountCapTests {
    @Test("--samples, --runs, --points, --ties, --permutations, --draws and --restarts beyond their caps are usage errors (they trapped, aborted allocating, or ran for hours)")
    func capped() {
        for arguments in [
            ["analyze", zoetermeerModel, "--samples", "9223372036854775807"],
            ["analyze", zoetermeerModel, "--samples", "1000000000"],
            ["sweep", zoetermeerModel, "--runs", "99999999999"],
            ["sweep", zoetermeerModel, "--points", "100001"],
            ["gaps", zoetermeerModel, "--ties", "1000000"],
            ["gaps", zoetermeerModel, "--ties", "-1"],
            ["stats", "mixing", zoetermeerModel, "--permutations", "1000001"],
            ["stats", "qap", zoetermeerModel, "--layers", "funds,supports", "--permutations", "99999999999"],
            ["stats", "cug", zoetermeerModel, "--draws", "100001"],
            ["stats", "keyplayers", zoetermeerModel, "--restarts", "99999999999"],
            ["stats", "coreperiphery", zoetermeerModel, "--restarts", "10001"],
        ] {
            #expect(throws: (any Error).self, "\(arguments)") { _ = try EcoMap.parseAsRoot(arguments) }
        }
    }
}

@Suite("What a new user tried")
struct NewUserTests {
    @Test("render takes the format from -o's extension, and refuses one that names another format")
    func formatFromExtension() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let png = out.appendingPathComponent("map.png")
        try runCommand(["render", zoetermeerModel, "-o", png.path])
        #expect(try Data(contentsOf: png).prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let pdf = out.appendingPathComponent("map.pdf")
        try runCommand(["render", zoetermeerModel, "-o", pdf.path])
        #expect(String(decoding: try Data(contentsOf: pdf).prefix(5), as: UTF8.self) == "%PDF-")
        #expect(throws: (any Error).self) { _ = try EcoMap.parseAsRoot(["render", zoetermeerModel, "-o", out.appendingPathComponent("m.svg").path, "--format", "png"]) }
        #expect(throws: (any Error).self) { _ = try EcoMap.parseAsRoot(["render", zoetermeerModel, "-o", out.appendingPathComponent("m.xyz").path]) }
        #expect(listing(out) == ["map.pdf", "map.png"])
    }

    @Test("sweep checks both outputs before writing either: an input, or the same file twice, writes nothing")
    func sweepOutputsCheckedFirst() throws {
        let data = try DatasetCopy()
        defer { data.remove() }
        let chart = data.folder.appendingPathComponent("chart.svg")
        #expect(throws: JobError.self) { try runCommand(["sweep", data.model, "--runs", "1", "-o", data.model, "--chart", chart.path]) }
        #expect(!FileManager.default.fileExists(atPath: chart.path))
        let same = data.folder.appendingPathComponent("same.out")
        #expect(throws: JobError("two outputs of this run name the same file: \(same.path) and \(same.path)")) {
            try runCommand(["sweep", data.model, "--runs", "1", "-o", same.path, "--chart", same.path])
        }
        #expect(!FileManager.default.fileExists(atPath: same.path))
    }

    @Test("a mistyped command is named, with the command meant")
    func mistypedCommand() {
        #expect(EcoMap.unknownCommandMessage(["analyse", "x.yaml"])?.hasPrefix("unknown command 'analyse' (did you mean 'analyze'?). Commands: run, analyze,") == true)
        #expect(EcoMap.unknownCommandMessage(["gap"])?.contains("did you mean 'gaps'?") == true)
        #expect(EcoMap.unknownCommandMessage([zoetermeerModel]) == nil)
        #expect(EcoMap.unknownCommandMessage(["gaps", zoetermeerModel]) == nil)
        #expect(EcoMap.unknownCommandMessage(["--version"]) == nil)
    }
}
