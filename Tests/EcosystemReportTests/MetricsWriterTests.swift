import EcosystemAnalysis
import Foundation
import Testing
@testable import EcosystemReport

@Suite("Metrics writers")
struct MetricsWriterTests {
    let table = MetricsTable(
        nodeIDs: ["dip", "yes,delft"], nodeNames: ["Dutch Innovation Park", "Yes!Delft \"YD\""],
        labels: [(name: "type", values: ["intermediary", "intermediary"])],
        measures: ["degree", "effective_size"], columns: [[3, 1], [2.5, .nan]],
        network: [(name: "density", value: 0.25)])

    @Test("CSV quotes fields with commas and quotes; NaN is an empty field")
    func csv() throws {
        let text = try MetricsWriter.csv(table)
        #expect(text == """
            id,name,type,degree,effective_size
            dip,Dutch Innovation Park,intermediary,3,2.5
            "yes,delft","Yes!Delft ""YD\"\"",intermediary,1,

            """)
    }

    @Test("JSON of network-level measures alone: no object per node")
    func jsonNetworkOnly() throws {
        let network = MetricsTable(
            nodeIDs: ["dip", "yes,delft"], nodeNames: ["Dutch Innovation Park", "Yes!Delft"],
            labels: [], measures: [], columns: [], network: [(name: "density", value: 0.25), (name: "diameter", value: 2)])
        #expect(MetricsWriter.json(network) == """
            {
              "graph" : {
                "density" : 0.25,
                "diameter" : 2
              },
              "nodes" : {

              }
            }

            """)
    }

    @Test("JSON has nodes and graph objects; NaN becomes null")
    func json() throws {
        let text = MetricsWriter.json(table)
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let nodes = object?["nodes"] as? [String: [String: Any]]
        #expect(nodes?["dip"]?["degree"] as? Int == 3)
        #expect(nodes?["dip"]?["effective_size"] as? Double == 2.5)
        #expect(nodes?["yes,delft"]?["effective_size"] is NSNull)
        #expect((object?["graph"] as? [String: Any])?["density"] as? Double == 0.25)
    }

    @Test("text table aligns columns and shows NaN as a dash")
    func text() {
        let text = MetricsWriter.text(table, decimals: 2)
        #expect(text.contains("dip        intermediary       3            2.50"))
        #expect(text.contains("–"))
        #expect(text.contains("density  0.25"))
    }

    @Test("the text table numbers communities and components from 1; CSV and JSON keep the analysis's 0-based numbers")
    func communitiesFromOne() throws {
        let t = MetricsTable(nodeIDs: ["a", "b", "c"], nodeNames: ["A", "B", "C"], measures: ["leiden", "component", "degree"],
                             columns: [[0, 1, 1], [0, 0, .nan], [0, 1, 1]], network: [])
        let lines = MetricsWriter.text(t).split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(lines == [["id", "leiden", "component", "degree"], ["a", "1", "1", "0"], ["b", "2", "1", "1"], ["c", "2", "–", "1"]])
        #expect(try MetricsWriter.csv(t).contains("a,A,0,0,0\n"))
        let nodes = (try JSONSerialization.jsonObject(with: Data(MetricsWriter.json(t).utf8)) as? [String: Any])?["nodes"] as? [String: [String: Any]]
        #expect(nodes?["b"]?["leiden"] as? Int == 1)
    }
}
