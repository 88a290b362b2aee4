#!/usr/bin/env python3
"""Reference values for modularity, Louvain/Leiden quality and the SplitMix64 generator.

Usage:  python3 Tests/Fixtures/reference_community.py
        (needs networkx and python-igraph at the versions in requirements.txt)

Reads the shared graphs in Tests/Fixtures/graphs/*.json and writes
Tests/Fixtures/reference/community.json with:

  "modularity": list of cases {graph, directed, weighted, resolution, partition (name),
      membership (one label per node index), value}; value = networkx.community.modularity.
      Labels are arbitrary integers on purpose (some cases use negative or sparse labels).
      "directed": false on a directed fixture means "read as an undirected multigraph"
      (reciprocal arcs stay two parallel edges, as Graph.undirected() keeps them).
  "louvain": per graph/weighting, the modularity of networkx.community.louvain_communities
      for seeds 0..9 (NetworkX convention, threshold 1e-7), their best and mean; for
      undirected graphs also the best of igraph's community_multilevel and
      community_leiden(objective_function="modularity", n_iterations=-1) over the same seeds.
      Partitions of different implementations cannot be compared one to one; the Swift tests
      check that our modularity is no worse than NetworkX's best minus 0.02.
  "planted": graphs with known community structure (edge lists, the planted membership and
      its modularity), which Louvain and Leiden must recover exactly.
  "splitmix64": outputs of an independent Python transcription of SplitMix64
      (Steele, Lea & Flood 2014) and of the derived draws documented in Random.swift
      (Lemire bounded integers, 53-bit unit doubles, Fisher-Yates shuffle). 64-bit values are
      decimal strings, since JSON numbers are doubles.
"""
import json
import os
import random

import igraph as ig
import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
GRAPHS = os.path.join(HERE, "graphs")
OUT = os.path.join(HERE, "reference", "community.json")
MASK = (1 << 64) - 1


def load(name, directed=None):
    with open(os.path.join(GRAPHS, name + ".json"), encoding="utf-8") as f:
        doc = json.load(f)
    d = doc["directed"] if directed is None else directed
    if d:
        g = nx.DiGraph()
    elif doc["directed"]:
        g = nx.MultiGraph()  # a directed fixture read as undirected keeps reciprocal arcs apart
    else:
        g = nx.Graph()
    g.add_nodes_from(range(len(doc["nodes"])))
    for u, v, w in doc["edges"]:
        g.add_edge(int(u), int(v), weight=w)
    return g


def communities_of(membership):
    groups = {}
    for v, c in enumerate(membership):
        groups.setdefault(c, set()).add(v)
    return list(groups.values())


def membership_of(communities, n):
    m = [0] * n
    for i, c in enumerate(sorted(communities, key=min)):
        for v in c:
            m[v] = i
    return m


def random_membership(n, k, seed):
    rng = random.Random(seed)
    return [rng.randrange(k) for _ in range(n)]


def modularity_cases():
    cases = []

    def add(graph, membership, partition, weighted, resolution, directed=None):
        g = load(graph, directed)
        value = nx.community.modularity(
            g, communities_of(membership), weight="weight" if weighted else None,
            resolution=resolution)
        cases.append({
            "graph": graph, "directed": g.is_directed(), "weighted": weighted,
            "resolution": resolution, "partition": partition, "membership": membership,
            "value": value})

    karate = nx.karate_club_graph()
    club = [0 if karate.nodes[v]["club"] == "Mr. Hi" else 1 for v in range(34)]
    for weighted in (False, True):
        for gamma in (1.0, 0.5, 2.0):
            add("karate", club, "club", weighted, gamma)
    add("karate", [5 * c - 3 for c in random_membership(34, 4, 11)], "random k=4, labels 5c-3", True, 1.0)
    add("karate", list(range(34)), "singletons", True, 1.0)
    add("karate", [0] * 34, "one community", False, 1.0)

    flo = load("florentine")
    greedy = membership_of(nx.community.greedy_modularity_communities(flo), flo.number_of_nodes())
    add("florentine", greedy, "greedy_modularity_communities", False, 1.0)
    for k, seed, gamma in ((2, 1, 1.0), (3, 2, 1.0), (5, 3, 1.7), (3, 4, 0.3)):
        add("florentine", random_membership(flo.number_of_nodes(), k, seed), f"random k={k}", False, gamma)

    add("kite", random_membership(10, 3, 5), "random k=3", False, 1.0)
    add("rounding_ties", [0, 0, 1, 1, 1], "{S,T},{U,V,W}", True, 1.0)

    for weighted in (False, True):
        for gamma in (1.0, 0.8):
            add("random_undirected", [100 * c for c in random_membership(40, 4, 21)],
                "random k=4, labels 100c", weighted, gamma)
    sparse = load("random_sparse")
    comps = membership_of(list(nx.connected_components(sparse)), sparse.number_of_nodes())
    add("random_sparse", comps, "connected components", True, 1.0)
    add("random_sparse", random_membership(60, 6, 22), "random k=6", False, 1.0)

    for weighted in (False, True):
        for gamma in (1.0, 1.5):
            add("random_directed", random_membership(30, 3, 31), "random k=3", weighted, gamma)
    add("random_directed", random_membership(30, 3, 31), "random k=3 (as undirected multigraph)",
        True, 1.0, directed=False)
    add("small_directed", [0, 0, 0, 0, 0, 1, 1, 1, 2, 3], "{A..E},{F,G,H},{I},{J}", True, 1.0)
    add("small_directed", [0, 1, 0, 1, 1, 0, 2, 2, 1, 0], "mixed", False, 1.0)
    add("small_directed", [0, 0, 0, 0, 0, 1, 1, 1, 2, 3], "{A..E},{F,G,H},{I},{J} (undirected)",
        True, 1.0, directed=False)
    return cases


def quality_references():
    out = {}
    seeds = list(range(10))
    for graph, weighted in (("karate", False), ("karate", True), ("florentine", False),
                            ("random_undirected", True), ("random_directed", True)):
        g = load(graph)
        weight = "weight" if weighted else None
        values = [nx.community.modularity(
            g, nx.community.louvain_communities(g, weight=weight, seed=s), weight=weight)
            for s in seeds]
        entry = {"graph": graph, "directed": g.is_directed(), "weighted": weighted,
                 "seeds": seeds, "networkx_louvain": values,
                 "networkx_louvain_best": max(values),
                 "networkx_louvain_mean": sum(values) / len(values)}
        if not g.is_directed():
            h = ig.Graph.from_networkx(g)
            w = h.es["weight"] if weighted else None
            ml, ld = [], []
            for s in seeds:
                random.seed(s)
                ml.append(h.community_multilevel(weights=w).modularity)
                random.seed(s)
                part = h.community_leiden(objective_function="modularity", weights=w, n_iterations=-1)
                ml_q = h.modularity(part.membership, weights=w)
                ld.append(ml_q)
            entry["igraph_multilevel_best"] = max(ml)
            entry["igraph_leiden_best"] = max(ld)
        out[f"{graph}/{'weighted' if weighted else 'unweighted'}"] = entry
    return out


def planted():
    cases = []
    ring = nx.ring_of_cliques(6, 5)
    cases.append({
        "name": "ring_of_cliques(6, 5)",
        "nodeCount": ring.number_of_nodes(),
        "edges": [[u, v] for u, v in ring.edges()],
        "membership": [v // 5 for v in range(30)],
    })
    # Two dense groups of 8 (each pair tied with probability 0.8, kept connected), one bridge.
    rng = random.Random(20261201)
    edges = []
    for base in (0, 8):
        while True:
            group = [(base + i, base + j) for i in range(8) for j in range(i + 1, 8) if rng.random() < 0.8]
            if nx.is_connected(nx.Graph(group)) and len({x for e in group for x in e}) == 8:
                break
        edges += group
    edges.append((3, 12))
    cases.append({
        "name": "two dense groups of 8 (p = 0.8) joined by the edge 3-12",
        "nodeCount": 16,
        "edges": [list(e) for e in edges],
        "membership": [0] * 8 + [1] * 8,
    })
    for case in cases:
        g = nx.Graph()
        g.add_nodes_from(range(case["nodeCount"]))
        g.add_edges_from(case["edges"])
        case["modularity"] = nx.community.modularity(g, communities_of(case["membership"]))
        found = nx.community.louvain_communities(g, seed=0)
        case["networkx_louvain_recovers"] = membership_of(found, g.number_of_nodes()) == case["membership"]
    return cases


def splitmix64(seed):
    state = seed & MASK
    while True:
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        yield z ^ (z >> 31)


def bounded(gen, bound):
    """Lemire 2019: high word of x*bound, rejecting low words below 2^64 mod bound."""
    product = next(gen) * bound
    if (product & MASK) < bound:
        threshold = (-bound % (1 << 64)) % bound
        while (product & MASK) < threshold:
            product = next(gen) * bound
    return product >> 64


def shuffled(gen, items):
    a = list(items)
    for i in range(len(a) - 1, 0, -1):
        j = bounded(gen, i + 1)
        a[i], a[j] = a[j], a[i]
    return a


def prng():
    out = {"outputs": {}}
    for seed in (0, 1234567, MASK):
        gen = splitmix64(seed)
        out["outputs"][str(seed)] = [str(next(gen)) for _ in range(5)]
    gen = splitmix64(42)
    out["seed42_unit_doubles"] = [(next(gen) >> 11) * 2.0 ** -53 for _ in range(5)]
    gen = splitmix64(42)
    out["seed42_below_10"] = [bounded(gen, 10) for _ in range(20)]
    gen = splitmix64(42)
    out["seed42_below_3000000000"] = [bounded(gen, 3_000_000_000) for _ in range(5)]
    gen = splitmix64(7)
    out["seed7_shuffle_20"] = shuffled(gen, range(20))
    return out


def main():
    doc = {
        "tool": f"networkx {nx.__version__}, python-igraph {ig.__version__}",
        "modularity": modularity_cases(),
        "louvain": quality_references(),
        "planted": planted(),
        "splitmix64": prng(),
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
