import FixtureSupport
import Foundation
import Testing
@testable import Ecosystem

@Suite("EdgeListLoader")
struct EdgeListLoaderTests {
    func csvIssues(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [ModelIssue] {
        do {
            _ = try EdgeListLoader.load(csv: text, file: "edges.csv", name: "edges")
            Issue.record("expected errors", sourceLocation: sourceLocation)
            return []
        } catch {
            return error.issues
        }
    }

    @Test func exampleFileLoads() throws {
        let url = Fixtures.repositoryRoot.appendingPathComponent("Datasets/examples/edges.csv")
        let m = try ModelLoader.load(contentsOf: url)   // .csv is routed to EdgeListLoader
        #expect(m.name == "edges")
        #expect(m.actors.map(\.id) == ["city", "hub", "acme", "café"])
        #expect(m.actors.allSatisfy { $0.type == "node" && $0.name == $0.id })
        #expect(m.actorTypes.map(\.id) == ["node"])
        #expect(m.relationTypes.map(\.id) == ["funds", "supports", "collaborates"])
        #expect(m.relationTypes.allSatisfy { !$0.directed })
        #expect(m.relations.map(\.id) == ["r1", "r2", "r3", "r4"])
        #expect(m.relations.map(\.weight) == [3, 2, 1, 1])   // empty weight cell = 1
        #expect(m.relations[3].from == "acme" && m.relations[3].to == "café")
    }

    @Test func directedAndDefaultTieType() throws {
        let m = try EdgeListLoader.load(csv: "target,source\nb,a\nc,b\n", file: "e.csv", name: "e", directed: true)
        #expect(m.relationTypes == [RelationType(id: "tie", label: "tie", color: "#555555", style: "solid", directed: true)])
        #expect(m.relations.map { "\($0.from)>\($0.to)" } == ["a>b", "b>c"])
        #expect(m.actors.map(\.id) == ["a", "b", "c"])   // first appearance, source before target
        #expect(m.relations.allSatisfy { $0.weight == 1 && $0.type == "tie" })
    }

    @Test func quotedFieldsParallelTiesAndBlankLines() throws {
        let text = "source,target,weight\r\n\"Smith, J.\",\"Café \"\"Noord\"\"\",0.5\r\n\r\nb,\"Smith, J.\",2\r\nb,\"Smith, J.\",2\r\n"
        let m = try EdgeListLoader.load(csv: text, file: "e.csv", name: "e")
        #expect(m.actors.map(\.id) == ["Smith, J.", "Café \"Noord\"", "b"])
        #expect(m.relations.map(\.weight) == [0.5, 2, 2])
        #expect(m.relations.map(\.id) == ["r1", "r2", "r3"])
    }

    @Test func missingHeaderColumn() {
        let found = csvIssues("from,target\na,b\n")
        #expect(found.map(\.message) == ["unknown column 'from'", "the header has no 'source' column"])
        #expect(found.map(\.line) == [1, 1])
        #expect(found[1].valid == "the first row is a header with 'source,target' and optional 'weight', 'type'")
    }

    @Test func unknownColumnSuggestsTheLikelyOne() {
        let found = csvIssues("source,target,wieght\na,b,2\n")
        #expect(found.count == 1)
        #expect(found.first.map { ($0.line, $0.column) } ?? (0, 0) == (1, 15))
        #expect(found.first?.valid == "did you mean 'weight'? valid columns: 'source', 'target', 'weight', 'type'")
    }

    @Test func emptyIDs() {
        let found = csvIssues("source,target\na,b\n,c\nd,\n")
        #expect(found.map(\.line) == [3, 4])
        #expect(found.map(\.column) == [1, 3])
        #expect(found.map(\.id) == ["r2", "r3"])
        #expect(found.map(\.message) == ["row 2 has an empty 'source'", "row 3 has an empty 'target'"])
    }

    @Test(arguments: ["0", "-2", "nan", "inf", "strong"])
    func badWeights(weight: String) {
        let found = csvIssues("source,target,weight\na,b,1\nb,c,\(weight)\n")
        #expect(found.count == 1)
        #expect(found.first.map { ($0.line, $0.column) } ?? (0, 0) == (3, 5))
        #expect(found.first?.message == "row 2 has weight '\(weight)'")
        #expect(found.first?.valid?.hasPrefix("weight is a positive finite number") == true)
    }

    @Test func selfLoopsAreKept() throws {
        let m = try EdgeListLoader.load(csv: "source,target\na,b\nb,b\n", file: "edges.csv", name: "edges")
        #expect(m.relations.map { [$0.id, $0.from, $0.to] } == [["r1", "a", "b"], ["r2", "b", "b"]])
        #expect(m.selfLoops == ["r2"])
    }

    @Test func linesStayExactAcrossQuotedLineBreaks() {
        let found = csvIssues("source,target,weight\n\"multi\nline\",b,1\nc,d,0\n")
        #expect(found.map(\.line) == [4])
        #expect(found.map(\.column) == [5])
    }

    @Test func emptyFile() {
        let found = csvIssues("")
        #expect(found.map(\.message) == ["the file is empty"])
    }
}

@Suite("EdgeListLoader: quotes")
struct EdgeListQuoteTests {
    @Test("a quoted field never closed is an error at the quote that opens it, not a silent misread")
    func unterminated() {
        do {
            _ = try EdgeListLoader.load(csv: "source,target\nA,\"B\nC,D\n", file: "e.csv", name: "e")
            Issue.record("accepted an unterminated quote")
        } catch {
            #expect(error.issues.map(\.line) == [2])
            #expect(error.issues.map(\.column) == [3])
            #expect(error.description.contains("never closed"))
        }
    }

    @Test("quoted fields with commas, doubled quotes and line breaks are read as written")
    func quoted() throws {
        let model = try EdgeListLoader.load(csv: "source,target\n\"A \"\"x\"\"\",\"B, b\"\nC,\"D\nd\"\n", file: "e.csv", name: "e")
        #expect(model.actors.map(\.id) == ["A \"x\"", "B, b", "C", "D\nd"])
        #expect(EdgeListLoader.unterminatedQuote(in: "a,\"b\"\"\"\n") == nil)
        #expect(EdgeListLoader.unterminatedQuote(in: "a,\"b\"\"\n")! == (1, 3))
    }
}
