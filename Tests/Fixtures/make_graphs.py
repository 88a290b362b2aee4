#!/usr/bin/env python3
"""Writes the input graphs that every reference script and every fixture test share.

Usage:  python3 Tests/Fixtures/make_graphs.py      (needs networkx, see requirements.txt)

Each graph becomes Tests/Fixtures/graphs/<name>.json:
    {"name": ..., "directed": bool, "nodes": [label, ...],
     "edges": [[source_index, target_index, weight], ...], "source": "..."}
Node indices are positions in "nodes". Weights are tie strengths; integer weights are used on
purpose so that 1/weight distances can be computed exactly with fractions.Fraction.
Random graphs come from random.Random(seed) only, so they are reproducible; the files are
committed, so the Swift tests never need Python.
"""
import json
import os
import random

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "graphs")


def dump(name, directed, nodes, edges, source):
    index = {v: i for i, v in enumerate(nodes)}
    doc = {
        "name": name,
        "directed": directed,
        "nodes": [str(v) for v in nodes],
        "edges": [[index[u], index[v], w] for u, v, w in edges],
        "source": source,
    }
    with open(os.path.join(OUT, name + ".json"), "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1, ensure_ascii=False)
        f.write("\n")


def from_nx(name, g, source, weight=None):
    nodes = list(g.nodes())
    edges = [(u, v, (d.get(weight, 1) if weight else 1)) for u, v, d in g.edges(data=True)]
    dump(name, g.is_directed(), nodes, edges, source)


def random_graph(name, n, m, directed, seed, isolates, loops, wmax):
    """n nodes of which the last `isolates` stay isolated; m distinct non-loop edges drawn
    among the others; `loops` self-loops added; integer weights 1..wmax."""
    rng = random.Random(seed)
    active = n - isolates
    seen = set()
    edges = []
    while len(edges) < m:
        u, v = rng.randrange(active), rng.randrange(active)
        if u == v:
            continue
        key = (u, v) if directed else (min(u, v), max(u, v))
        if key in seen:
            continue
        seen.add(key)
        edges.append((u, v, rng.randint(1, wmax)))
    for _ in range(loops):
        v = rng.randrange(active)
        if (v, v) not in seen:
            seen.add((v, v))
            edges.append((v, v, rng.randint(1, wmax)))
    dump(name, directed, list(range(n)), edges,
         f"random.Random({seed}): n={n}, m={m} non-loop edges, {isolates} isolates, "
         f"{loops} self-loops, integer weights 1..{wmax}")


def main():
    os.makedirs(OUT, exist_ok=True)
    from_nx("karate", nx.karate_club_graph(),
            "Zachary 1977, J. Anthropol. Res. 33(4):452-473; networkx.karate_club_graph() "
            "with its 'weight' edge attribute (interaction counts)", weight="weight")
    from_nx("florentine", nx.florentine_families_graph(),
            "Padgett & Ansell 1993 marriage ties; networkx.florentine_families_graph()")
    from_nx("kite", nx.krackhardt_kite_graph(),
            "Krackhardt 1990, Admin. Sci. Q. 35(2); networkx.krackhardt_kite_graph()")
    # A small directed weighted graph with several components (weakly: 3, plus an isolate).
    dump("small_directed", True, list("ABCDEFGHIJ"), [
        ("A", "B", 2), ("B", "C", 1), ("C", "A", 4), ("C", "D", 3), ("D", "E", 1),
        ("E", "D", 2), ("B", "D", 5), ("F", "G", 1), ("G", "H", 2), ("H", "F", 3),
        ("G", "F", 1), ("I", "I", 1)],  # I has only a self-loop; J is isolated
        "hand-made: components {A..E}, {F,G,H}, {I} (self-loop), {J} (isolate)")
    # Weighted path lengths that tie only up to rounding: 1/2 + 1/3 + 1/6 vs 1/1.
    dump("rounding_ties", False, list("STUVW"), [
        ("S", "T", 2), ("T", "U", 3), ("U", "V", 6), ("S", "V", 1), ("V", "W", 1)],
        "hand-made: S-T-U-V (strengths 2,3,6) is as short as S-V (strength 1) under 1/w")
    random_graph("random_undirected", 40, 70, False, 20261129, isolates=3, loops=2, wmax=5)
    random_graph("random_directed", 30, 75, True, 20261130, isolates=2, loops=2, wmax=6)
    random_graph("random_sparse", 60, 55, False, 20261131, isolates=5, loops=0, wmax=4)


if __name__ == "__main__":
    main()
