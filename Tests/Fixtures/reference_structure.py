#!/usr/bin/env python3
"""Reference values for the structural measures of NetworkAnalysis (degree, components, cuts,
core numbers, clustering, density/reciprocity/centralization, link prediction).

Usage:  python3 Tests/Fixtures/reference_structure.py   (versions: requirements.txt)

Reads Tests/Fixtures/graphs/*.json (written by make_graphs.py) and writes
Tests/Fixtures/reference/structure.json:
    {"generator": ..., "versions": {...},
     "graphs": {<name>: {<measure>: value or per-node list, ...}, ...}}
Per-node lists are indexed like the fixture's "nodes"; edge ids are positions in "edges".

Every value comes from NetworkX, except where a key starts with "igraph_" (python-igraph,
recorded where its convention differs from NetworkX's, so that the tests can name the
convention they follow). Policies that the Swift code documents and that NetworkX cannot
express directly are applied to the *input* here, never to the output:
  - core_number: NetworkX refuses self-loops, so it runs on the graph without them (our
    policy: loops are ignored).
  - link prediction: NetworkX counts loops in degrees and neighbour sets; our policy ignores
    them, so it runs on the graph without loops (the Swift test uses the full graph).
  - articulation points / bridges: NetworkX refuses directed graphs, so directed fixtures are
    given as an undirected MultiGraph (reciprocal arcs become two parallel edges, which
    NetworkX's bridges() then does not report), loops dropped.
  - degree_centralization: Freeman's formula applied to NetworkX's degree_centrality
    (python-igraph exposes no centralization function); denominators as igraph's
    centralization_degree_tmax(loops=False).
"""
import json
import math
import os

import igraph as ig
import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
GRAPHS = os.path.join(HERE, "graphs")
OUT = os.path.join(HERE, "reference", "structure.json")

NAMES = ["karate", "florentine", "kite", "small_directed", "rounding_ties",
         "random_undirected", "random_directed", "random_sparse"]


def load(name):
    with open(os.path.join(GRAPHS, name + ".json"), encoding="utf-8") as f:
        doc = json.load(f)
    n = len(doc["nodes"])
    edges = [(int(s), int(t), float(w)) for s, t, w in doc["edges"]]
    g = nx.DiGraph() if doc["directed"] else nx.Graph()
    g.add_nodes_from(range(n))
    for s, t, w in edges:
        g.add_edge(s, t, weight=w)
    assert g.number_of_edges() == len(edges), f"{name}: fixture has parallel edges"
    return doc, n, edges, g


def per_node(n, mapping, cast=float):
    return [cast(mapping[v]) for v in range(n)]


def membership(n, components):
    """Component index per node, components numbered in order of their smallest node."""
    comps = sorted((sorted(c) for c in components), key=lambda c: c[0])
    m = [0] * n
    for i, c in enumerate(comps):
        for v in c:
            m[v] = i
    return m, [len(c) for c in comps]


def without_loops(g):
    h = g.copy()
    h.remove_edges_from(list(nx.selfloop_edges(h)))
    return h


def freeman(values, n, denominator_scale):
    top = max(values)
    return sum(top - c for c in values) / denominator_scale


def structure(name):
    doc, n, edges, g = load(name)
    directed = doc["directed"]
    r = {"n": n, "m": len(edges), "directed": directed}

    # Degree and strength.
    r["degree"] = per_node(n, dict(g.degree()), int)
    r["strength"] = per_node(n, dict(g.degree(weight="weight")))
    r["degree_centrality"] = per_node(n, nx.degree_centrality(g))
    if directed:
        r["in_degree"] = per_node(n, dict(g.in_degree()), int)
        r["out_degree"] = per_node(n, dict(g.out_degree()), int)
        r["in_strength"] = per_node(n, dict(g.in_degree(weight="weight")))
        r["out_strength"] = per_node(n, dict(g.out_degree(weight="weight")))
        r["in_degree_centrality"] = per_node(n, nx.in_degree_centrality(g))
        r["out_degree_centrality"] = per_node(n, nx.out_degree_centrality(g))

    # Network level.
    r["density"] = nx.density(g)
    if directed:
        r["reciprocity"] = nx.overall_reciprocity(g)
        ig_g = ig.Graph(n=n, edges=[(s, t) for s, t, _ in edges], directed=True)
        r["igraph_reciprocity_ignore_loops"] = ig_g.reciprocity(ignore_loops=True)
        c_all = r["degree_centrality"]
        # normalized (in+out)/(n-1); tmax 2(n-1)(n-2) on raw degrees
        r["degree_centralization"] = freeman(c_all, n, 2 * (n - 2))
        r["in_degree_centralization"] = freeman(r["in_degree_centrality"], n, n - 1)
        r["out_degree_centralization"] = freeman(r["out_degree_centrality"], n, n - 1)
    else:
        r["degree_centralization"] = freeman(r["degree_centrality"], n, n - 2)

    # Components.
    if directed:
        r["components"], r["component_sizes"] = membership(n, nx.weakly_connected_components(g))
        r["scc"], r["scc_sizes"] = membership(n, nx.strongly_connected_components(g))
    else:
        r["components"], r["component_sizes"] = membership(n, nx.connected_components(g))

    # Articulation points and bridges (on the undirected multigraph, loops dropped).
    mg = nx.MultiGraph()
    mg.add_nodes_from(range(n))
    mg.add_edges_from((s, t) for s, t, _ in edges if s != t)
    r["articulation_points"] = sorted(nx.articulation_points(mg))
    edge_id = {}
    for e, (s, t, _) in enumerate(edges):
        edge_id.setdefault(frozenset((s, t)), []).append(e)
    bridge_ids = []
    for u, v in nx.bridges(mg):
        ids = edge_id[frozenset((u, v))]
        assert len(ids) == 1
        bridge_ids.append(ids[0])
    r["bridges"] = sorted(bridge_ids)

    # Core numbers (loops removed, see module docstring).
    r["core_number"] = per_node(n, nx.core_number(without_loops(g)), int)

    # Clustering (NetworkX handles the loops itself).
    r["clustering"] = per_node(n, nx.clustering(g))
    r["clustering_weighted"] = per_node(n, nx.clustering(g, weight="weight"))
    r["average_clustering"] = nx.average_clustering(g)
    try:  # no node with a nonzero coefficient: NetworkX divides by zero, we throw
        r["average_clustering_nonzero"] = nx.average_clustering(g, count_zeros=False)
    except ZeroDivisionError:
        r["average_clustering_nonzero"] = None
    r["average_clustering_weighted"] = nx.average_clustering(g, weight="weight")
    simple = nx.Graph(without_loops(g).to_undirected()) if directed else without_loops(g)
    r["transitivity"] = nx.transitivity(simple)
    r["triangles"] = per_node(n, nx.triangles(simple), int)
    ig_u = ig.Graph(n=n, edges=list(simple.edges()), directed=False)
    r["igraph_transitivity_undirected"] = ig_u.transitivity_undirected()
    r["igraph_local_transitivity_zero"] = ig_u.transitivity_local_undirected(mode="zero")
    avg_nan = ig_u.transitivity_avglocal_undirected(mode="nan")
    r["igraph_average_local_transitivity_nan"] = None if math.isnan(avg_nan) else avg_nan

    # Link prediction on the simple undirected loop-free graph, all non-edges u < v.
    if not directed:
        h = without_loops(g)
        pairs = sorted((min(u, v), max(u, v)) for u, v in nx.non_edges(h))
        lp = {"pairs": [list(p) for p in pairs]}
        for key, fn in [("common_neighbors", None),
                        ("jaccard", nx.jaccard_coefficient),
                        ("adamic_adar", nx.adamic_adar_index),
                        ("resource_allocation", nx.resource_allocation_index),
                        ("preferential_attachment", nx.preferential_attachment)]:
            if fn is None:
                lp[key] = [float(len(nx.common_neighbors(h, u, v))) for u, v in pairs]
            else:
                lp[key] = [float(p) for _, _, p in fn(h, pairs)]
        r["link_prediction"] = lp
    return r


def main():
    doc = {
        "generator": "Tests/Fixtures/reference_structure.py",
        "versions": {"networkx": nx.__version__, "igraph": ig.__version__},
        "graphs": {name: structure(name) for name in NAMES},
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1, sort_keys=True, allow_nan=False)
        f.write("\n")


if __name__ == "__main__":
    main()
