#!/usr/bin/env python3
"""Exact unweighted betweenness with python-igraph (see Benchmarks/RemovalSweep/main.swift,
--job betweenness). Usage: python3 igraph_betweenness.py GRAPH.txt [--repeat R]

Timed from the parsed edge list to the values (graph construction included), best of R;
prints one JSON line with the time and the sum and maximum of the values as checksums.
"""
import argparse
import json
import time

import igraph as ig

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
        g = ig.Graph(n=n, edges=edges, directed=False)
        values = g.betweenness(directed=False)
        best = min(best, time.perf_counter() - start)
    print(json.dumps({"tool": "python-igraph " + ig.__version__, "n": n, "m": len(edges),
                      "seconds": round(best, 4), "sum": sum(values), "max": max(values)}))


if __name__ == "__main__":
    main()
