#!/usr/bin/env python3
"""The per-actor removal sweep with python-igraph (see Benchmarks/RemovalSweep/main.swift).

Usage: python3 igraph_sweep.py GRAPH.txt [--points P] [--repeat R]

Efficiency at each point: the mean of igraph's normalized harmonic centrality over the nodes
left (sum over u of sum over v != u of 1/d(u, v) / (n_k - 1), divided by n_k), i.e. the global
efficiency, computed by igraph's C all-pairs BFS on the induced subgraph.
"""
import argparse
import time

import igraph as ig

from common import checkpoints, degree_order, lcc_curve, read_edges, report


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("graph")
    ap.add_argument("--points", type=int, default=11)
    ap.add_argument("--repeat", type=int, default=1)
    a = ap.parse_args()
    n, edges = read_edges(a.graph)
    best = float("inf")
    for _ in range(max(1, a.repeat)):
        start = time.perf_counter()
        g = ig.Graph(n=n, edges=edges, directed=False)
        order = degree_order(n, edges)
        curve = lcc_curve(n, edges, order)
        efficiency = []
        for k in checkpoints(n, a.points):
            alive = sorted(order[k:])
            if len(alive) < 2:
                efficiency.append(0.0)
                continue
            h = g.induced_subgraph(alive)
            efficiency.append(sum(h.harmonic_centrality(normalized=True)) / len(alive))
        best = min(best, time.perf_counter() - start)
    report("python-igraph " + ig.__version__, n, len(edges), a.points, best, curve, efficiency)


if __name__ == "__main__":
    main()
