#!/usr/bin/env python3
"""Exact unweighted betweenness with python-igraph or NetworkX (see
Benchmarks/RemovalSweep/main.swift, --job betweenness).

Usage: python3 betweenness.py igraph|networkx GRAPH.txt [--repeat R]

Timed from the parsed edge list to the values (graph construction included), best of R;
prints one JSON line with the time and the sum and maximum of the raw undirected values
(each unordered pair counted once, as ecomap does) as checksums.
"""
import argparse
import json
import time

from common import read_edges


def igraph_job(n, edges):
    import igraph as ig
    g = ig.Graph(n=n, edges=edges, directed=False)
    return "python-igraph " + ig.__version__, g.betweenness(directed=False)


def networkx_job(n, edges):
    import networkx as nx
    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(edges)
    return "NetworkX " + nx.__version__, list(nx.betweenness_centrality(g, normalized=False).values())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("library", choices=["igraph", "networkx"])
    ap.add_argument("graph")
    ap.add_argument("--repeat", type=int, default=1)
    a = ap.parse_args()
    job = igraph_job if a.library == "igraph" else networkx_job
    n, edges = read_edges(a.graph)
    best, tool, values = float("inf"), "", []
    for _ in range(max(1, a.repeat)):
        start = time.perf_counter()
        tool, values = job(n, edges)
        best = min(best, time.perf_counter() - start)
    print(json.dumps({"tool": tool, "n": n, "m": len(edges), "seconds": round(best, 4),
                      "sum": sum(values), "max": max(values)}))


if __name__ == "__main__":
    main()
