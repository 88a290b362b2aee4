#!/usr/bin/env python3
"""The peers of the ecosystem benchmark (Benchmarks/ecosystem_bench.py): the same analysis as
an ecomap command, done with python-igraph or NetworkX on the model's network, in one fresh
process (read, build, compute). Prints one JSON line: {"tool", "job", "n", "m", "seconds",
"check"}; `check` is a number the caller compares with ecomap's output.

Usage: python3 ecosystem_peers.py {igraph|networkx} {gaps|samples|sweep} MODEL.yaml [--samples 200] [--runs 10]

The network is read from the generated model (Benchmarks/gen_explore_model.py) as ecomap sees
it: undirected, relations between the same two actors merged into one tie of summed strength,
path length 1 / strength (`gaps`: strengths divided by the strongest tie first, as it does).
- gaps: for every actor v, the global efficiency of the network without v (the removal effects
  of `ecomap gaps`), by one all-pairs Dijkstra per v (what a peer has to do); `check` is the
  largest drop of efficiency (ecomap: the largest −global_efficiency_change of "removal").
- samples: `analyze --samples N` with its default measures (degree, strength, betweenness,
  closeness, pagerank) on N networks that keep each relation with its confidence; `check` is
  the number of samples (the draws are not ecomap's streams, so the values are not compared).
- sweep: `sweep --runs R`: targeted (betweenness) and R random removal orders, global
  efficiency at 101 points each (igraph only); `check` is the efficiency at the first point.
"""
import argparse
import json
import random
import re
import sys
import time

LINE = re.compile(r"from: (\w+), to: (\w+), type: \w+, weight: ([0-9.]+)(.*)")


def read_model(path):
    ids, ties, confidence = {}, {}, []
    with open(path) as f:
        for line in f:
            m = re.match(r"\s+- \{id: (\w+), name:", line)
            if m:
                ids[m.group(1)] = len(ids)
                continue
            m = LINE.search(line)
            if m:
                u, v, w, rest = ids[m.group(1)], ids[m.group(2)], float(m.group(3)), m.group(4)
                c = re.search(r"confidence: ([0-9.]+)", rest)
                confidence.append((min(u, v), max(u, v), w, float(c.group(1)) if c else None))
    return len(ids), confidence


def merged(relations):
    ties = {}
    for u, v, w, _ in relations:
        if u != v:
            ties[(u, v)] = ties.get((u, v), 0.0) + w
    keys = sorted(ties)
    return keys, [ties[k] for k in keys]


def efficiency_igraph(ig, n, edges, lengths, alive=None):
    g = ig.Graph(n=n, edges=edges)
    g.es["length"] = lengths
    if alive is not None:
        g = g.induced_subgraph(alive)
    k = g.vcount()
    if k < 2:
        return 0.0
    # Normalized harmonic centrality is sum over v != u of 1/d(u, v) / (k - 1), in C.
    return sum(g.harmonic_centrality(weights="length", normalized=True)) / k


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tool", choices=["igraph", "networkx"])
    ap.add_argument("job", choices=["gaps", "samples", "sweep"])
    ap.add_argument("model")
    ap.add_argument("--samples", type=int, default=200)
    ap.add_argument("--runs", type=int, default=10)
    a = ap.parse_args()
    start = time.perf_counter()
    n, relations = read_model(a.model)
    edges, weights = merged(relations)
    lengths = [1.0 / w for w in weights]
    check = None
    if a.tool == "igraph":
        import igraph as ig
        version = "python-igraph " + ig.__version__
        if a.job == "gaps":
            # `gaps` reads path length 1/strength with the model's strengths (one scale, as
            # `analyze` and `compare`; no division by the strongest tie any more).
            base = efficiency_igraph(ig, n, edges, lengths)
            drops = []
            for v in range(n):
                keep = [i for i, (x, y) in enumerate(edges) if x != v and y != v]
                alive = [u for u in range(n) if u != v]
                drops.append(base - efficiency_igraph(ig, n, [edges[i] for i in keep], [lengths[i] for i in keep], alive))
            check = max(drops)
        elif a.job == "samples":
            rng = random.Random(1)
            for _ in range(a.samples):
                kept = [r for r in relations if r[3] is None or rng.random() < r[3]]
                e, w = merged(kept)
                g = ig.Graph(n=n, edges=e)
                g.es["weight"] = w
                g.es["length"] = [1.0 / x for x in w]
                g.degree(); g.strength(weights="weight")
                g.betweenness(weights="length"); g.closeness(weights="length"); g.pagerank(weights="weight")
            check = a.samples
        else:
            g = ig.Graph(n=n, edges=edges)
            g.es["length"] = lengths
            score = g.betweenness(weights="length")
            orders = [sorted(range(n), key=lambda v: (-score[v], v))]
            rng = random.Random(1)
            for _ in range(a.runs):
                o = list(range(n)); rng.shuffle(o); orders.append(o)
            first = None
            for order in orders:
                for i in range(101):
                    k = i * n // 100
                    alive = sorted(order[k:])
                    e = efficiency_igraph(ig, n, edges, lengths, alive) if len(alive) >= 2 else 0.0
                    if first is None:
                        first = e
            check = first
    else:
        import networkx as nx
        version = "NetworkX " + nx.__version__
        g = nx.Graph()
        g.add_nodes_from(range(n))
        for (u, v), w in zip(edges, weights):
            g.add_edge(u, v, weight=w, length=1.0 / w)

        def eff(h):
            k = h.number_of_nodes()
            total = 0.0
            for _, row in nx.all_pairs_dijkstra_path_length(h, weight="length"):
                total += sum(1.0 / d for d in row.values() if d > 0)
            return total / (k * (k - 1)) if k > 1 else 0.0
        if a.job == "gaps":
            for u, v, d in g.edges(data=True):
                d["length"] = 1.0 / d["weight"]
            base = eff(g)
            check = max(base - eff(g.subgraph([u for u in range(n) if u != v])) for v in range(n))
        elif a.job == "samples":
            rng = random.Random(1)
            for _ in range(a.samples):
                h = nx.Graph(); h.add_nodes_from(range(n))
                for r in relations:
                    if r[3] is None or rng.random() < r[3]:
                        u, v, w = r[0], r[1], r[2]
                        if u != v:
                            old = h.get_edge_data(u, v, {"weight": 0.0})["weight"]
                            h.add_edge(u, v, weight=old + w, length=1.0 / (old + w))
                dict(h.degree()); dict(h.degree(weight="weight"))
                nx.betweenness_centrality(h, weight="length"); nx.closeness_centrality(h, distance="length")
                nx.pagerank(h, weight="weight")
            check = a.samples
        else:
            sys.exit("sweep: igraph only")
    seconds = time.perf_counter() - start
    print(json.dumps({"tool": version, "job": a.job, "n": n, "m": len(edges), "seconds": round(seconds, 3), "check": check}))


if __name__ == "__main__":
    main()
