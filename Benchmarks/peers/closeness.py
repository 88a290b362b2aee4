#!/usr/bin/env python3
"""Unweighted closeness with NetworKit or python-igraph (see Benchmarks/RemovalSweep/main.swift,
--job closeness).

Usage: python3 closeness.py networkit|igraph GRAPH.txt [--repeat R] [--threads T]

NetworKit: `centrality.Closeness(G, True, ClosenessVariant.GENERALIZED)`, the Wasserman–Faust
closeness ecomap computes, on T threads (`setNumberOfThreads`); igraph: `Graph.closeness()`
(single-threaded; the same values on a connected graph). Timed from the parsed edge list to the
values (graph construction included), best of R; prints one JSON line with the time and the sum
and maximum of the values as checksums.
"""
import argparse
import json
import time

from common import read_edges


def networkit_job(n, edges, threads):
    import networkit as nk
    nk.setNumberOfThreads(threads)
    g = nk.Graph(n)
    for u, v in edges:
        g.addEdge(u, v)
    c = nk.centrality.Closeness(g, True, nk.centrality.ClosenessVariant.GENERALIZED)
    c.run()
    return "NetworKit %s (%d threads)" % (nk.__version__, threads), c.scores()


def igraph_job(n, edges, threads):
    import igraph as ig
    g = ig.Graph(n=n, edges=edges, directed=False)
    return "python-igraph " + ig.__version__, g.closeness()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("library", choices=["networkit", "igraph"])
    ap.add_argument("graph")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args()
    job = networkit_job if a.library == "networkit" else igraph_job
    n, edges = read_edges(a.graph)
    best, tool, values = float("inf"), "", []
    for _ in range(max(1, a.repeat)):
        start = time.perf_counter()
        tool, values = job(n, edges, a.threads)
        best = min(best, time.perf_counter() - start)
    print(json.dumps({"tool": tool, "n": n, "m": len(edges), "seconds": round(best, 4),
                      "sum": sum(values), "max": max(values)}))


if __name__ == "__main__":
    main()
