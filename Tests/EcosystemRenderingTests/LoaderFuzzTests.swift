import FixtureSupport
import Foundation
import NetworkAnalysis
import Testing
@testable import Ecosystem
@testable import EcosystemRendering

/// A seeded, time-bounded mutation fuzzer over every text loader: model (YAML and JSON), CSV
/// edge list, scenario, rules and theme (the import formats have their own in
/// EcosystemTests/FormatsTests). Each mutated input must load or fail with issues that all
/// have `file:line:col`, and none may take long.
///
/// Duration: `ECOMAP_FUZZ_SECONDS` (default 15, for the test suite); `make fuzz` runs it for
/// 600. Seed: `ECOMAP_FUZZ_SEED` (default 20261201). A failing input is written to
/// `.build/fuzz-findings/` so that it can be minimised into `Tests/Fixtures/fuzz/`, whose
/// files are replayed by ``keptFindingsStayFixed()``.
struct LoaderFuzzTests {
    enum Kind: String, CaseIterable { case model, json, edges, scenario, rules, theme }

    static let root = Fixtures.repositoryRoot
    static let baseModel: EcosystemModel = try! ModelLoader.load(contentsOf: root.appendingPathComponent("Datasets/zoetermeer/model.yaml"))

    /// The seeds: the repository's own files, one per loader.
    static func seeds() throws -> [(Kind, [UInt8])] {
        func file(_ p: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: root.appendingPathComponent(p))) }
        let json = "{\"actor_types\": [{\"id\": \"t\"}], \"relation_types\": [{\"id\": \"r\", \"directed\": true}], \"actors\": [{\"id\": \"a\", \"type\": \"t\"}, {\"id\": \"b\", \"type\": \"t\"}], \"relations\": [{\"from\": \"a\", \"to\": \"b\", \"type\": \"r\", \"weight\": 2}]}"
        let theme = "palette: [\"#0072B2\", \"#E69F00\"]\nshapes: [box, ellipse]\npalette_overrides_model: true\nactor_types:\n  government: {color: \"#0072B2\", shape: box}\nfont_sizes: {title: 18, label: 11}\nnode_width: [0.75, 2.0]\npen_width: [1, 3]\n"
        return [(.model, try file("Datasets/zoetermeer/model.yaml")), (.json, Array(json.utf8)),
                (.edges, Array("source,target,weight,type\ndip,mrdh,2,funds\nmrdh,\"tu, delft\",0.5,\n".utf8)),
                (.scenario, try file("Datasets/zoetermeer/scenarios/programme.yaml")),
                (.rules, try file("Datasets/zoetermeer/rules.yaml")), (.theme, Array(theme.utf8))]
    }

    /// Loads `bytes` as `kind`; returns the issues (empty when it loaded).
    static func run(_ kind: Kind, _ bytes: [UInt8]) -> [ModelIssue] {
        guard let text = String(bytes: bytes, encoding: .utf8) else {
            return [ModelLoader.invalidUTF8Issue(Data(bytes), file: "f")]
        }
        do {
            switch kind {
            case .model, .json: _ = try ModelLoader.load(yaml: text, file: "f")
            case .edges: _ = try EdgeListLoader.load(csv: text, file: "f", name: "f")
            case .scenario: _ = try ScenarioLoader.load(yaml: text, file: "f")
            case .rules: _ = try RulesLoader.load(yaml: text, file: "f", for: baseModel)
            case .theme: _ = try DiagramTheme.load(yaml: text, file: "f")
            }
            return []
        } catch let error as ModelError { return error.issues } catch let error as ThemeError { return error.issues } catch {
            return [ModelIssue(file: "f", line: 0, column: 0, message: "unexpected error \(error)")]
        }
    }

    static let tokens: [[UInt8]] = ["&a ", "*a", "? ", ": ", "- ", "[", "{", "\"", "'", "#", ",", "\n", "\r", "\t", "\u{85}", "\u{2028}",
                                    "1e308", "-1", ".nan", "9223372036854775807", "\0", "\\0", "id", "extends: .", "<<: *a"].map { Array($0.utf8) } + [[0xFF], [0xC3]]

    static func mutate(_ seed: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        var bytes = seed
        for _ in 0...(rng.next() % 6) {
            guard !bytes.isEmpty else { break }
            let at = Int(rng.next() % UInt64(bytes.count))
            switch rng.next() % 6 {
            case 0: bytes[at] = UInt8(truncatingIfNeeded: rng.next())
            case 1: bytes.removeSubrange(at..<min(bytes.count, at + Int(rng.next() % 32) + 1))
            case 2, 3: bytes.insert(contentsOf: tokens[Int(rng.next() % UInt64(tokens.count))], at: at)
            case 4: // repeat a slice (wide rows, long labels, many keys)
                let end = min(bytes.count, at + Int(rng.next() % 64) + 1)
                let slice = bytes[at..<end]
                for _ in 0..<(rng.next() % 50) { bytes.insert(contentsOf: slice, at: end) }
            default: bytes = Array(bytes[..<at])
            }
        }
        return bytes
    }

    /// Where an input is kept when it fails, for minimising.
    static func keep(_ kind: Kind, _ bytes: [UInt8], _ why: String) -> String {
        let dir = root.appendingPathComponent(".build/fuzz-findings")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent("\(kind.rawValue)-\(UUID().uuidString.prefix(8)).txt")
        try? Data(bytes).write(to: url)
        return "\(why): kept in \(url.path)"
    }

    @Test func seededMutationsLoadOrFailLocated() throws {
        let env = ProcessInfo.processInfo.environment
        let seconds = env["ECOMAP_FUZZ_SECONDS"].flatMap(Double.init) ?? 15
        var rng = SplitMix64(seed: env["ECOMAP_FUZZ_SEED"].flatMap(UInt64.init) ?? 20261201)
        let seeds = try Self.seeds()
        let deadline = Date().addingTimeInterval(seconds)
        var runs = 0, failed = 0, findings: [String] = []
        while Date() < deadline || runs < seeds.count {
            let (kind, seed) = seeds[runs % seeds.count]
            let input = Self.mutate(seed, &rng)
            let start = Date()
            let issues = Self.run(kind, input)
            let took = Date().timeIntervalSince(start)
            runs += 1
            if !issues.isEmpty { failed += 1 }
            if took > 5 { findings.append(Self.keep(kind, input, "\(kind) input took \(Int(took)) s")) }
            if let bad = issues.first(where: { $0.line < 1 || $0.column < 1 }) {
                findings.append(Self.keep(kind, input, "\(kind) issue without a position: \(bad)"))
            }
            if findings.count >= 5 { break }
        }
        print("fuzz: \(runs) inputs in \(Int(seconds)) s, \(failed) refused with located issues, \(findings.count) findings")
        #expect(findings.isEmpty, "\(findings.joined(separator: "\n"))")
        #expect(failed > 0 && failed < runs)   // mutations break some inputs, not all
    }

    /// Every minimised finding under Tests/Fixtures/fuzz/ (`<kind>-<name>.<ext>`): it fails with
    /// located issues, quickly (their first line is a comment naming what they once did).
    @Test func keptFindingsStayFixed() throws {
        let dir = Self.root.appendingPathComponent("Tests/Fixtures/fuzz")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted()
        #expect(!names.isEmpty)
        for name in names {
            guard let kind = Kind(rawValue: String(name.prefix { $0 != "-" })) else { Issue.record("\(name): unknown kind"); continue }
            let issues = Self.run(kind, [UInt8](try Data(contentsOf: dir.appendingPathComponent(name))))
            #expect(!issues.isEmpty, "\(name) loads")
            #expect(issues.allSatisfy { $0.line >= 1 && $0.column >= 1 }, "\(name): \(issues)")
        }
    }
}

