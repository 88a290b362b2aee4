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
}
