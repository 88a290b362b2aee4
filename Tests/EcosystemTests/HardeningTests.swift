import FixtureSupport
import Foundation
import Testing
@testable import Ecosystem

/// Issue 16: bounded work in the loaders, `validate` refusing what later commands would fail on,
/// and every loader error at `file:line:col`. Each test failed before the change it covers.
struct HardeningTests {
    /// A valid model with one relation, to vary.
    static func model(actors: String = "  - {id: a, type: t}\n  - {id: b, type: t}\n", weight: String = "1") -> String {
        "actor_types: [{id: t}]\nrelation_types: [{id: r, directed: false}]\nactors:\n\(actors)relations: [{from: a, to: b, type: r, weight: \(weight)}]\n"
    }

    func issues(_ body: () throws -> Void) -> [ModelIssue] {
        do { try body(); return [] } catch let error as ModelError { return error.issues } catch { return [] }
    }

    // MARK: YAML

    /// Nested anchors used through a complex key (`? *l8`): 9⁹ nodes in 477 bytes. Yams hashed
    /// the key's whole expansion (17 s for `*l7`, minutes for `*l8`); now refused at the alias.
    @Test func aliasBombThroughComplexKeyIsRefusedAtTheAlias() {
        var text = "a: &l0 [x, x, x, x, x, x, x, x, x]\n"
        for i in 1...8 { text += "b\(i): &l\(i) [" + Array(repeating: "*l\(i - 1)", count: 9).joined(separator: ", ") + "]\n" }
        text += "? *l8\n: y\n"
        let found = issues { _ = try ModelLoader.load(yaml: text, file: "bomb.yaml") }
        #expect(found.count == 1)
        #expect(found.first?.message.contains("more than 1000000 nodes") == true)
        #expect(found.first?.line == 7)   // the first alias that goes over: `*l5` in b6
        #expect(found.first.map { $0.column > 1 } == true)
    }

    @Test func aFewSharedAliasesStillLoad() throws {
        let text = "actor_types: [{id: t}]\nrelation_types: [{id: r, directed: false}]\nactors:\n  - &x {id: a, type: t}\n  - {id: b, type: t}\nrelations: [{from: a, to: b, type: r}]\n"
        #expect(try ModelLoader.load(yaml: text, file: "m.yaml").actors.count == 2)
    }

    @Test func duplicateKeyIsReportedAtTheDuplicate() {
        let found = issues { _ = try ModelLoader.load(yaml: Self.model() + "name: one\nname: two\n", file: "m.yaml") }
        #expect(found.map(\.line) == [8])
        #expect(found.first?.valid?.contains("first written at line 7") == true)
    }

    /// NEL and LINE SEPARATOR are line breaks to libyaml (YAML 1.1) but not to editors.
    @Test func lineSeparatorsInCommentsDoNotShiftLines() {
        let text = Self.model().replacingOccurrences(of: "actors:\n", with: "actors: # one\u{85}two\u{2028}three\n") + "bogus: 1\n"
        let found = issues { _ = try ModelLoader.load(yaml: text, file: "m.yaml") }
        #expect(found.map(\.line) == [7])
    }

    @Test func invalidUTF8IsLocatedAtItsByte() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hardening-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent("m.yaml")
        try Data("name: é\nbad: ab".utf8 + [0xFF] + Data("\n".utf8)).write(to: url)
        let found = issues { _ = try ModelLoader.load(contentsOf: url) }
        #expect(found.count == 1)
        #expect(found.first.map { "\($0.line)|\($0.column)" } == "2|8")
        #expect(found.first?.message.contains("byte 16 (0xFF)") == true)
    }

    // MARK: Values that later commands cannot use

    @Test(arguments: ["1e300", "1e-200", "1e151"])
    func weightsOutsideTheRangeAreRefused(_ w: String) {
        let found = issues { _ = try ModelLoader.load(yaml: Self.model(weight: w), file: "m.yaml") }
        #expect(found.count == 1)
        #expect(found.first.map { "\($0.line)|\($0.message.contains("1e150") || $0.message.contains("1e-150"))" } == "6|true")
        let csv = issues { _ = try EdgeListLoader.load(csv: "source,target,weight\na,b,\(w)\n", file: "e.csv", name: "e") }
        #expect(csv.map { "\($0.line):\($0.column)" } == ["2:5"])
    }

    @Test func weightsAtTheBoundsLoad() throws {
        #expect(try ModelLoader.load(yaml: Self.model(weight: "1e150"), file: "m.yaml").relations[0].weight == 1e150)
        #expect(try ModelLoader.load(yaml: Self.model(weight: "1e-150"), file: "m.yaml").relations[0].weight == 1e-150)
    }

    @Test func controlCharactersInNamesAreRefused() {
        let found = issues { _ = try ModelLoader.load(yaml: Self.model(actors: "  - {id: a, type: t, name: \"x\\0y\"}\n  - {id: b, type: t}\n"), file: "m.yaml") }
        #expect(found.count == 1)
        #expect(found.first.map { "\($0.line)|\($0.message.contains("U+0000"))" } == "4|true")
        #expect(found.first?.description.contains("actor 'a'") == true)
        let quoted = ModelIssue(file: "m.yaml", line: 1, column: 1, message: "actor 'x\0y\nz'")
        #expect(quoted.description == "m.yaml:1:1: error: actor 'x\\u{0}y\\u{A}z'")
        let csv = issues { _ = try EdgeListLoader.load(csv: "source,target\na\u{1}b,c\n", file: "e.csv", name: "e") }
        #expect(csv.map { "\($0.line):\($0.column)" } == ["2:1"])
    }

    @Test func overlongLabelsAreRefusedWithTheLimit() {
        let long = String(repeating: "x", count: InputLimits.maxNameLength + 1)
        let found = issues { _ = try ModelLoader.load(yaml: Self.model(actors: "  - {id: a, type: t, name: \(long)}\n  - {id: b, type: t}\n"), file: "m.yaml") }
        #expect(found.count == 1)
        #expect(found.first?.message.contains("more than the limit of 1000") == true)
        #expect(found.first?.line == 4)
    }

    // MARK: CSV

    /// 20,000 columns: each unknown column was located by rescanning the header (quadratic).
    @Test func wideHeadersAreRefusedWithTheLimit() throws {
        let header = (["source", "target"] + (0..<20_000).map { "c\($0)" }).joined(separator: ",")
        let found = issues { _ = try EdgeListLoader.load(csv: header + "\na,b\n", file: "e.csv", name: "e") }
        #expect(found.count == 1)
        #expect(found.first?.message.contains("more than the limit of 1000") == true)
        let column = 1 + (["source", "target"] + (0..<998).map { "c\($0)" }).joined(separator: ",").count + 1
        #expect(found.first.map { "\($0.line)|\($0.column)" } == "1|\(column)")
        let table = issues { _ = try DelimitedText.table(header + "\na,b\n", file: "e.csv") }
        #expect(table.first.map { "\($0.line)|\($0.column)" } == "1|\(column)")
    }

    /// A 2 MB header (200,000 fields) took 20 s to split before it was refused: its width is now
    /// read on the raw line first, so the whole count is named; separators inside quotes do not count.
    @Test func aHugeHeaderIsRefusedOnItsRawLine() throws {
        let header = "\"a,b\"," + (0..<200_000).map { "c\($0)" }.joined(separator: ",")
        let column = 1 + ("\"a,b\"," + (0..<999).map { "c\($0)" }.joined(separator: ",")).count + 1
        let edges = issues { _ = try EdgeListLoader.load(csv: "\n" + header + "\na,b\n", file: "e.csv", name: "e") }
        #expect(edges.map { "\($0.line):\($0.column) \($0.message)" } == ["2:\(column) the header has 200001 columns, more than the limit of 1000"])
        let table = issues { _ = try DelimitedText.table(header + "\na,b\n", file: "e.csv") }
        #expect(table.map { "\($0.line):\($0.column) \($0.message)" } == ["1:\(column) the header has 200001 columns, more than the limit of 1000"])
        // 1,000 fields, one of them a quoted field holding separators, fit.
        let fits = "\"x,y,z\"," + (0..<999).map { "c\($0)" }.joined(separator: ",")
        #expect(DelimitedText.overlongHeader(fits.split(separator: "\n"), separator: ",") == nil)
    }

    @Test func aRowWiderThanTheHeaderIsAnErrorNamingTheDecimalComma() throws {
        let found = issues { _ = try DelimitedText.table("from,to,weight\na,b,1,5\n", file: "r.csv") }
        #expect(found.map { "\($0.line):\($0.column)" } == ["2:7"])
        #expect(found.first?.valid?.contains("decimal comma") == true)
        let edges = issues { _ = try EdgeListLoader.load(csv: "source,target,weight\na,b,1,5\n", file: "e.csv", name: "e") }
        #expect(edges.map { "\($0.line):\($0.column)" } == ["2:7"])
        // With `;` the decimal comma is read, as before.
        let t = try #require(try DelimitedText.table("from;to;weight\na;b;1,5\n", file: "r.csv"))
        #expect(t.rows[0].cells == ["a", "b", "1,5"])
    }

    @Test func carriageReturnLineEndsGiveRealColumns() {
        let found = issues { _ = try EdgeListLoader.load(csv: "source,target,weight\ra,b,x\r", file: "e.csv", name: "e") }
        #expect(found.map { "\($0.line):\($0.column)" } == ["2:5"])
    }

    /// UTF-16 XML hides `<!ENTITY` from the byte search; a NUL byte is refused first.
    @Test func xmlWithNULBytesIsRefused() {
        let doc = "<?xml version=\"1.0\"?><!DOCTYPE g [<!ENTITY a \"x\">]><gexf/>"
        var utf16 = Data()
        for unit in doc.utf16 { utf16.append(UInt8(unit & 0xFF)); utf16.append(UInt8(unit >> 8)) }
        let found = issues { _ = try GEXF.read(utf16, file: "g.gexf") }
        #expect(found.count == 1)
        #expect(found.first.map { "\($0.line)|\($0.column)|\($0.message.contains("NUL byte at byte 1"))" } == "1|2|true")
    }

    // MARK: Scenarios and rules

    @Test func extendsAFolderIsReportedAtTheLineThatWroteIt() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hardening-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent("s.yaml")
        try "name: s\nextends: .\nchanges: []\n".write(to: url, atomically: true, encoding: .utf8)
        let found = issues { _ = try ScenarioLoader.loadChain(contentsOf: url) }
        #expect(found.map(\.line) == [2])
        #expect(found.first?.file == url.path || found.first?.file == url.relativePath)
        #expect(found.first?.message.contains("a folder") == true)
    }

    @Test func atLeastOverTheLimitSaysTheLimit() throws {
        let model = try ModelLoader.load(yaml: Self.model(), file: "m.yaml")
        let rules = "composition:\n  - {type: t, min: 9223372036854775807}\n"
        let found = issues { _ = try RulesLoader.load(yaml: rules, file: "r.yaml", for: model) }
        #expect(found.first.map { "\($0.line)|\($0.valid?.contains("999999999") == true)" } == "2|true")
    }
}
