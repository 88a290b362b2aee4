#!/usr/bin/env python3
"""The per-actor removal sweep with NetworkX (see Benchmarks/RemovalSweep/main.swift).

Usage: python3 networkx_sweep.py GRAPH.txt [--points P] [--repeat R] [--sample-sources S]

Efficiency at each point: nx.global_efficiency of the graph with the removed nodes deleted.
With --sample-sources S, each point runs the single-source searches that nx.global_efficiency
runs (nx.single_source_shortest_path_length) from only the first S remaining nodes, and its
time is scaled by (remaining nodes / S): an estimate for graphs where pure-Python all-pairs
searches take too long (reported as "estimated"; the efficiency values are then omitted).
"""
import argparse
import time

import networkx as nx

from common import checkpoints, degree_order, lcc_curve, read_edges, report


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("graph")
    ap.add_argument("--points", type=int, default=11)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--sample-sources", type=int, default=None)
    a = ap.parse_args()
    n, edges = read_edges(a.graph)
    best = float("inf")
    sampled = False
    for _ in range(max(1, a.repeat)):
        start = time.perf_counter()
        g = nx.Graph()
        g.add_nodes_from(range(n))
        g.add_edges_from(edges)
        order = degree_order(n, edges)
        curve = lcc_curve(n, edges, order)
        efficiency, removed, extra = [], 0, 0.0
        for k in checkpoints(n, a.points):
            g.remove_nodes_from(order[removed:k])
            removed = k
            alive = g.number_of_nodes()
            if a.sample_sources is not None and alive > a.sample_sources:
                sampled = True
                t = time.perf_counter()
                for u in sorted(g.nodes)[: a.sample_sources]:
                    for v, d in nx.single_source_shortest_path_length(g, u).items():
                        if d > 0:
                            _ = 1 / d
                spent = time.perf_counter() - t
                extra += spent * (alive / a.sample_sources - 1)
                efficiency.append(None)
            else:
                efficiency.append(nx.global_efficiency(g) if alive >= 2 else 0.0)
        best = min(best, time.perf_counter() - start + extra)
    label = "networkx " + nx.__version__ + (" (estimated from %d sources per point)" % a.sample_sources if sampled else "")
    report(label, n, len(edges), a.points, best, curve, efficiency)


if __name__ == "__main__":
    main()
