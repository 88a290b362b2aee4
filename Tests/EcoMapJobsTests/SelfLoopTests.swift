import Ecosystem
import EcosystemAnalysis
import Testing
@testable import EcoMapJobs

@Suite("Self-loops: kept in the model, left out of the measures, counted in a note")
struct SelfLoopTests {
    let withLoops = "source,target,weight\na,b,1\nb,b,5\nb,c,2\nc,a,1\nc,c,1\n"
    let withoutLoops = "source,target,weight\na,b,1\nb,c,2\nc,a,1\n"

    @Test("the measures of a model with loops are those of the model without them")
    func measuresLeaveLoopsOut() throws {
        let looped = try EdgeListLoader.load(csv: withLoops, file: "loops.csv", name: "loops")
        let plain = try EdgeListLoader.load(csv: withoutLoops, file: "plain.csv", name: "plain")
        #expect(looped.relations.count == 5 && looped.selfLoops == ["r2", "r5"])
        let measures = ["degree", "strength", "clustering", "betweenness", "closeness", "pagerank", "density", "edges"]
        for directed in [false, true] {
            let options = AnalysisOptions(directed: directed)
            let a = try EcosystemAnalyzer.metrics(of: looped, measures: measures, options: options)
            let b = try EcosystemAnalyzer.metrics(of: plain, measures: measures, options: options)
            #expect(a.columns == b.columns, "directed \(directed)")
            #expect(a.network.map(\.value) == b.network.map(\.value), "directed \(directed)")
        }
        // degree 2 each (the triangle), strength of b = 1 + 2 (its loop of 5 left out)
        let t = try EcosystemAnalyzer.metrics(of: looped, measures: ["degree", "strength"])
        #expect(t.columns == [[2, 2, 2], [2, 3, 3]])
    }

    @Test("the note says how many loops were left out, naming them")
    func note() throws {
        let looped = try EdgeListLoader.load(csv: withLoops, file: "loops.csv", name: "loops")
        #expect(GraphInput.selfLoopNote(looped)
            == "2 ties of an actor to itself (self-loops: r2, r5) are kept in the model and left out of the measures")
        let one = try EdgeListLoader.load(csv: "source,target\na,a\na,b\n", file: "one.csv", name: "one")
        #expect(GraphInput.selfLoopNote(one) == "1 tie of an actor to itself (self-loops: r1) is kept in the model and left out of the measures")
        let plain = try EdgeListLoader.load(csv: withoutLoops, file: "plain.csv", name: "plain")
        #expect(GraphInput.selfLoopNote(plain) == nil)
    }
}
