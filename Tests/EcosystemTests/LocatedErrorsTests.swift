import FixtureSupport
import Foundation
import Testing
@testable import Ecosystem

/// Every error the loaders can produce has `file:line:col`: the walk goes two ways. At run time,
/// ``LoaderFuzzTests`` checks every issue of every mutated input and every kept finding
/// (Tests/Fixtures/fuzz/); here, the source: every place in the loaders (Sources/Ecosystem)
/// that makes an issue without a position (`line: 0`) must be one of the whole-file errors,
/// which have no line to point at (no such file, an unknown extension, a folder or workbook
/// without its relations, an XML file over its size limit, a broken workbook zip).
@Suite("Every loader error is located")
struct LocatedErrorsTests {
    /// What a whole-file error may say (its message, or the helper that makes it).
    static let wholeFile = ["has no extension", "unknown model file extension", "unknown scenario file extension",
                            "unknown file extension", "cannot read the file", "the folder holds no relations.csv",
                            "the workbook has no relations sheet", "the XML document is larger than", "message: message, valid: valid"]

    @Test("no issue is made without a line and column except the whole-file errors")
    func onlyWholeFileErrorsAreUnlocated() throws {
        let root = Fixtures.repositoryRoot.appendingPathComponent("Sources/Ecosystem")
        let files = FileManager.default.enumerator(atPath: root.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        #expect(files.count > 20)
        var sites = 0, unlocated: [String] = []
        for name in files {
            let lines = try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8).components(separatedBy: "\n")
            for (k, line) in lines.enumerated() where line.contains("ModelIssue(") || line.contains("line: 0") {
                sites += 1
                guard line.contains("line: 0") || line.contains("column: 0") else { continue }
                let around = lines[k..<min(lines.count, k + 3)].joined(separator: " ")
                if !Self.wholeFile.contains(where: around.contains) { unlocated.append("\(name):\(k + 1): \(line.trimmingCharacters(in: .whitespaces))") }
            }
        }
        #expect(sites > 50)
        #expect(unlocated.isEmpty, "issues without a position: \(unlocated.joined(separator: "\n"))")
    }

    @Test("a catalogue of broken inputs, one per loader and kind of fault: every issue has a line and a column")
    func catalogue() throws {
        let yaml = ["a: [", "actors: 3", "actor_types: [{id: t}]\nrelation_types: [{id: r, directed: x}]\nactors: [{id: a, type: u}]\nrelations: [{from: a, to: b, type: r, weight: -1}]",
                    "title: t\ntitle: u\n", "\t- x", "x: *nope", "actors:\n  - {id: \"a\u{0}\"}\n", "? [a]\n: b\n", "%YAML 9.9\n---\na: 1\n"]
        let csv = ["", "a,b\n", "source,target,weight\nx,,0\n", "source,target\n\"a,b\n", "source,source,target\na,b,c\n", "source,target\na,b,c,d\n"]
        var checked = 0
        for text in yaml {
            do { _ = try ModelLoader.load(yaml: text, file: "m.yaml"); Issue.record("\(text.debugDescription) loads") } catch {
                checked += error.issues.count
                #expect(error.issues.allSatisfy { $0.line >= 1 && $0.column >= 1 }, "\(text.debugDescription): \(error.issues)")
            }
            do { _ = try ScenarioLoader.load(yaml: text, file: "s.yaml") } catch {
                checked += error.issues.count
                #expect(error.issues.allSatisfy { $0.line >= 1 && $0.column >= 1 }, "scenario \(text.debugDescription): \(error.issues)")
            }
        }
        for text in csv {
            do { _ = try EdgeListLoader.load(csv: text, file: "e.csv", name: "e"); Issue.record("\(text.debugDescription) loads") } catch {
                checked += error.issues.count
                #expect(error.issues.allSatisfy { $0.line >= 1 && $0.column >= 1 }, "\(text.debugDescription): \(error.issues)")
            }
        }
        let invalid = ModelLoader.invalidUTF8Issue(Data([0x61, 0x0A, 0x62, 0xFF]), file: "m.yaml")
        #expect("\(invalid.line):\(invalid.column)" == "2:2")
        #expect(checked > 20)
    }
}
