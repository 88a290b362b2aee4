import Ecosystem
import NetworkAnalysis

/// Peripheral actors (``FindingKind/peripheral``): a low core number and a small two-step reach.
extension GapContext {
    mutating func peripheral() throws {
        var reach = [Int](repeating: 0, count: n)
        var stamp = [Int](repeating: -1, count: n)
        for v in 0..<n {
            stamp[v] = v
            for i in graph.outRange(of: v) {
                let w = Int(graph.outNeighbors[i])
                if stamp[w] != v { stamp[w] = v; reach[v] += 1 }
                for j in graph.outRange(of: w) {
                    let x = Int(graph.outNeighbors[j])
                    if stamp[x] != v { stamp[x] = v; reach[v] += 1 }
                }
            }
        }
        let limits = rules.peripheral
        let nodes = (0..<n).filter { v in
            degree[v] > 0 && core[v] <= limits.maxCore && Double(reach[v]) / Double(max(1, n - 1)) <= limits.maxReachShare
        }.sorted { closeness[$0] != closeness[$1] ? closeness[$0] < closeness[$1] : $0 < $1 }
        let hubs = top(coreNodes.isEmpty ? (0..<n).filter { degree[$0] > 0 } : coreNodes, GapThresholds.candidateEnds)
        for v in nodes {
            let share = Double(reach[v]) / Double(max(1, n - 1))
            add(Finding(
                kind: .peripheral, severity: .low, actors: [id(v)], evidence: [Evidence("core_number", Double(core[v]), of: id(v)),
                           Evidence("closeness", closeness[v], of: id(v)),
                           Evidence("two_step_reach", Double(reach[v]), of: id(v))],
                sentence: "\(name(v)) is peripheral: core number \(core[v]), closeness \(NumberFormat.decimals(closeness[v])), and only "
                    + "\(reach[v]) of the other \(n - 1) actors (\(NumberFormat.percent(share))) within two steps.",
                key: key(.peripheral, "peripheral", actors: [v])))
            for h in hubs { propose(v, h, closes: "a tie from the peripheral \(name(v)) to the core", severity: .low) }
        }
    }
}
