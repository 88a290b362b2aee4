// ecomap-bench: the per-actor removal sweep, timed (release build; not a unit test).
//
// Usage: ecomap-bench GRAPH.txt [--job sweep|betweenness|betweenness-plain|closeness] [--points P]
//        [--repeat R] [--threads T]
//
// --job betweenness times exact unweighted betweenness (raw values, undirected; the folded and
// shattered path `Graph.betweenness`) on the same graph instead, the job python-igraph's
// Graph.betweenness() and NetworkX's betweenness_centrality(normalized=False) do in
// Benchmarks/peers/betweenness.py; the checksum is the sum of the values. --job
// betweenness-plain times the plain Brandes path (`Graph.brandesBetweenness`) and --job
// closeness the unweighted Wasserman–Faust closeness (NetworKit's "generalized" closeness in
// Benchmarks/peers/closeness.py).
//
// The job (the same in Benchmarks/peers/*.py): read an undirected edge list (the project's
// benchmark format, see Benchmarks/gen_graphs.py); order the nodes by decreasing degree (ties
// by index: a targeted, "initial degree" attack); remove them one at a time and record
//   * the largest-component share after every one of the n removals, and
//   * the global efficiency (unweighted, over the nodes left) at P evenly spaced points.
// Timed from the parsed edge list to the finished curves (graph construction included);
// the best of R repetitions. Prints one JSON line with the time and checksums of the curves,
// so the three tools can be checked against each other.
import Foundation
import NetworkAnalysis

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

var arguments = Array(CommandLine.arguments.dropFirst())
var points = 11, repeats = 1
var threads: Int?
var job = "sweep"
var path: String?
while let a = arguments.first {
    arguments.removeFirst()
    switch a {
    case "--points": points = Int(arguments.removeFirst()) ?? points
    case "--repeat": repeats = Int(arguments.removeFirst()) ?? repeats
    case "--threads": threads = Int(arguments.removeFirst())
    case "--job": job = arguments.removeFirst()
    default: path = a
    }
}
guard let path, let text = try? String(contentsOfFile: path, encoding: .utf8) else {
    fail("usage: ecomap-bench GRAPH.txt [--points P] [--repeat R] [--threads T]")
}
var n = 0
var edges: [(Int, Int)] = []
for line in text.split(separator: "\n") {
    if line.hasPrefix("#") {
        if let field = line.split(separator: " ").first(where: { $0.hasPrefix("n=") }) { n = Int(field.dropFirst(2)) ?? 0 }
        continue
    }
    let parts = line.split(separator: " ")
    guard parts.count >= 2, let u = Int(parts[0]), let v = Int(parts[1]) else { continue }
    edges.append((u, v))
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

if job == "betweenness" || job == "betweenness-plain" || job == "closeness" {
    var best = Double.infinity
    var values: [Double] = []
    for _ in 0..<max(1, repeats) {
        let clock = ContinuousClock()
        let start = clock.now
        let graph = try Graph(nodeCount: n, edges: edges, directed: false)
        switch job {
        case "betweenness": values = try graph.betweenness(weighting: .unweighted, normalized: false, threads: threads)
        case "betweenness-plain":
            values = try graph.brandesBetweenness(weighting: .unweighted, normalized: false, threads: threads)
        default: values = try graph.closeness(weighting: .unweighted, threads: threads)
        }
        best = min(best, seconds(clock.now - start))
    }
    print("{\"tool\": \"ecomap\", \"n\": \(n), \"m\": \(edges.count), \"seconds\": \(String(format: "%.4f", best)), \"sum\": \(String(format: "%.6f", values.reduce(0, +))), \"max\": \(String(format: "%.6f", values.max() ?? 0))}")
    exit(0)
}
guard job == "sweep" else { fail("--job must be sweep, betweenness, betweenness-plain or closeness") }

var best = Double.infinity
var lccSum = 0.0
var efficiency: [Double] = []
for _ in 0..<max(1, repeats) {
    let clock = ContinuousClock()
    let start = clock.now
    let graph = try Graph(nodeCount: n, edges: edges, directed: false)
    let order = RemovalSweep.targetedOrder(scores: graph.degrees().map(Double.init))
    let curves = try RemovalSweep.run(graph: graph, removal: .nodes, orders: [order], points: points,
                                      weighting: .unweighted, threads: threads)
    let elapsed = clock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    best = min(best, seconds)
    lccSum = RemovalSweep.largestComponentCurve(graph: graph, removal: .nodes, order: order).reduce(0, +)
    efficiency = curves.efficiency
}
let eff = efficiency.map { String(format: "%.12f", $0) }.joined(separator: ",")
print("{\"tool\": \"ecomap\", \"n\": \(n), \"m\": \(edges.count), \"points\": \(points), \"seconds\": \(String(format: "%.4f", best)), \"lcc_sum\": \(String(format: "%.9f", lccSum)), \"efficiency\": [\(eff)]}")
