#!/usr/bin/env python3
"""Exact unweighted betweenness with NetworkX (see Benchmarks/RemovalSweep/main.swift,
--job betweenness). Usage: python3 networkx_betweenness.py GRAPH.txt [--repeat R]

Timed from the parsed edge list to the values (graph construction included), best of R;
prints one JSON line with the time and the sum and maximum of the values as checksums.
"""
import argparse
import json
import time

import networkx as nx

from common import read_edges


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("graph")
    ap.add_argument("--repeat", type=int, default=1)
    a = ap.parse_args()
    n, edges = read_edges(a.graph)
    best, values = float("inf"), []
    for _ in range(max(1, a.repeat)):
        start = time.perf_counter()
        g = nx.Graph()
        g.add_nodes_from(range(n))
        g.add_edges_from(edges)
        values = list(nx.betweenness_centrality(g, normalized=False).values())
        best = min(best, time.perf_counter() - start)
    print(json.dumps({"tool": "NetworkX " + nx.__version__, "n": n, "m": len(edges),
                      "seconds": round(best, 4), "sum": sum(values), "max": max(values)}))


if __name__ == "__main__":
    main()
