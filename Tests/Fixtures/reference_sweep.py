#!/usr/bin/env python3
"""Reference values for the robustness sweeps of Sources/EcosystemAnalysis/Sweep.swift.

Usage:  python3 Tests/Fixtures/reference_sweep.py   (networkx, see requirements.txt)
Reads   Tests/Fixtures/graphs/{karate,florentine,random_sparse,random_undirected}.json
Writes  Tests/Fixtures/reference/sweep.json

Every graph is first made simple as the Swift sweep sees it (EcosystemNetwork.simpleGraph):
parallel edges merged with their weights summed, self-loops dropped; every listed node stays
a node (isolates included).

Per graph:
  * "actors": the targeted order by degree (decreasing degree of the simple graph, ties by
    node index), and after removing the first k nodes of that order, for every k = 0..n,
      - lcc:  size of the largest connected component / n (original n), by recomputing
              nx.connected_components on the remaining graph (brute force, no union-find);
      - eff:  nx.global_efficiency of the remaining graph (sum over ordered pairs of the
              n_k remaining nodes of 1/d, divided by n_k (n_k - 1); 0 below 2 nodes);
      - eff_strength: the same with path lengths 1/w (w the summed tie strength), from
              exact Fraction distances (nx.single_source_dijkstra_path_length), as a float.
  * "relations": the order by decreasing merged weight (ties by (u, v) with u < v), written
    as [u, v] pairs, and lcc / eff after removing the first k edges, k = 0..m.
"""
import json
import os
from fractions import Fraction

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
GRAPHS = ["karate", "florentine", "random_sparse", "random_undirected"]


def simple_graph(spec):
    g = nx.Graph()
    g.add_nodes_from(range(len(spec["nodes"])))
    for s, t, w in spec["edges"]:
        s, t = int(s), int(t)
        if s == t:
            continue
        if g.has_edge(s, t):
            g[s][t]["weight"] += w
        else:
            g.add_edge(s, t, weight=w)
    return g


def lcc_share(g, n):
    if g.number_of_nodes() == 0:
        return 0.0
    return max(len(c) for c in nx.connected_components(g)) / n


def efficiency_strength(g):
    k = g.number_of_nodes()
    if k < 2:
        return 0.0
    h = nx.Graph()
    h.add_nodes_from(g.nodes)
    for u, v, w in g.edges(data="weight"):
        h.add_edge(u, v, length=Fraction(1) / Fraction(w))
    total = Fraction(0)
    for u in h.nodes:
        for v, d in nx.single_source_dijkstra_path_length(h, u, weight="length").items():
            if v != u:
                total += 1 / d
    return float(total / (k * (k - 1)))


def main():
    out = {}
    for name in GRAPHS:
        with open(os.path.join(HERE, "graphs", name + ".json")) as f:
            spec = json.load(f)
        g = simple_graph(spec)
        n = g.number_of_nodes()
        order = sorted(g.nodes, key=lambda v: (-g.degree(v), v))
        lcc, eff, effw = [], [], []
        h = g.copy()
        for k in range(n + 1):
            if k > 0:
                h.remove_node(order[k - 1])
            lcc.append(lcc_share(h, n))
            eff.append(nx.global_efficiency(h) if h.number_of_nodes() >= 2 else 0.0)
            effw.append(efficiency_strength(h))
        edges = sorted(((min(u, v), max(u, v), w) for u, v, w in g.edges(data="weight")),
                       key=lambda e: (-e[2], e[0], e[1]))
        rlcc, reff = [], []
        h = g.copy()
        for k in range(len(edges) + 1):
            if k > 0:
                h.remove_edge(edges[k - 1][0], edges[k - 1][1])
            rlcc.append(lcc_share(h, n))
            reff.append(nx.global_efficiency(h))
        out[name] = {
            "actors": {"order": order, "lcc": lcc, "eff": eff, "eff_strength": effw},
            "relations": {"order": [[u, v] for u, v, _ in edges], "lcc": rlcc, "eff": reff},
        }
    path = os.path.join(HERE, "reference", "sweep.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")
    print("wrote", path)


if __name__ == "__main__":
    main()
