#!/usr/bin/env python3
"""Reference values for the shortest-path measures (betweenness, closeness, harmonic, path
statistics, fragmentation, Freeman centralization) of Sources/NetworkAnalysis.

Usage:  python3 Tests/Fixtures/reference_paths.py   (networkx and igraph, see requirements.txt)
Reads   Tests/Fixtures/graphs/*.json
Writes  Tests/Fixtures/reference/paths.json

One entry per "<graph>|<directed|undirected>|<none|strength>":
  * every fixture graph as the file says; directed fixtures also as undirected graphs (every
    arc becomes an undirected edge, so reciprocal arcs become two parallel edges, exactly as
    Swift's Graph.undirected() does);
  * weighting "none" (every edge length 1) and "strength" (length 1/w). Lengths are
    fractions.Fraction(1, w), so NetworkX's exact comparisons count the rounding ties
    (1/2 + 1/3 + 1/6 == 1) that the Swift code finds with its relative tolerance 1e-10.

Which library produced what:
  * simple graphs (no parallel edges): node/edge betweenness (plain and endpoints=True),
    closeness (wf_improved=True), harmonic centrality: NetworkX, exact arithmetic.
  * graphs with parallel edges (the undirected versions of the directed fixtures): betweenness
    and edge betweenness from igraph, which counts every parallel edge as a distinct shortest
    path (the convention the Swift code follows; NetworkX's MultiGraph betweenness does not).
    Their endpoints=True variant is derived: igraph's betweenness plus, for every node, the
    number of reachable (s, t) pairs it is an endpoint of (NetworkX's _accumulate_endpoints).
    Distance-only measures use a NetworkX graph holding the shortest parallel edge.
  * On simple graphs igraph's betweenness is also computed and must agree with NetworkX to
    1e-9 (asserted below), which checks the two libraries against each other.
  * diameter and average path length: igraph with unconn=True (longest finite distance; mean
    over ordered reachable pairs), since NetworkX raises on disconnected graphs.
  * global efficiency: the Latora-Marchiori definition, sum over ordered pairs u != v of
    1/d(u, v) / (n (n - 1)), on NetworkX's exact all-pairs distances (checked against
    nx.global_efficiency where NetworkX supports it: undirected, unweighted).
  * fragmentation (Borgatti 2006): 1 - R / (n (n - 1)) where R counts ordered pairs (u, v),
    u != v, with v reachable from u (from nx.descendants); for undirected graphs this equals
    1 - sum_i s_i (s_i - 1) / (n (n - 1)) over nx.connected_components (asserted).
    Distance-weighted fragmentation is 1 - global efficiency.
  * Freeman centralization: sum(max - c_i) over the normalized NetworkX/igraph scores, divided
    by n - 1 (betweenness) or, for closeness, (n - 1)(n - 2)/(2n - 3) undirected and n - 1
    directed: the sums a star (in-star / out-star when directed) reaches.
"""
import json
import os
from fractions import Fraction

import igraph as ig
import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
GRAPHS = os.path.join(HERE, "graphs")
OUT = os.path.join(HERE, "reference", "paths.json")


def load(name):
    with open(os.path.join(GRAPHS, name + ".json"), encoding="utf-8") as f:
        return json.load(f)


def lengths(doc, weighting):
    return [Fraction(1) if weighting == "none" else Fraction(1, int(w)) for _, _, w in doc["edges"]]


def nx_simple(doc, directed, weighting):
    """NetworkX graph keeping, for parallel edges, the shortest one (distance measures only)."""
    g = nx.DiGraph() if directed else nx.Graph()
    g.add_nodes_from(range(len(doc["nodes"])))
    for (u, v, _), length in zip(doc["edges"], lengths(doc, weighting)):
        if g.has_edge(u, v) and g[u][v]["length"] <= length:
            continue
        g.add_edge(u, v, length=length)
    return g


def has_parallel(doc, directed):
    keys = [(u, v) if directed else (min(u, v), max(u, v)) for u, v, _ in doc["edges"]]
    return len(keys) != len(set(keys))


def ig_graph(doc, directed, weighting):
    g = ig.Graph(n=len(doc["nodes"]), edges=[(u, v) for u, v, _ in doc["edges"]], directed=directed)
    w = [float(x) for x in lengths(doc, weighting)]
    return g, (None if weighting == "none" else w)


def floats(values):
    return [float(x) for x in values]


def freeman(scores, maximum):
    if len(scores) < 3:
        return None
    top = max(scores)
    return float(sum(top - c for c in scores) / maximum)


def entry(doc, directed, weighting):
    n = len(doc["nodes"])
    g = nx_simple(doc, directed, weighting)
    ig_g, ig_w = ig_graph(doc, directed, weighting)
    parallel = has_parallel(doc, directed)
    dist = "length"
    out = {"graph": doc["name"], "directed": directed, "weighting": weighting}

    # --- betweenness -------------------------------------------------------------------------
    def ig_betweenness():
        raw = ig_g.betweenness(directed=directed, weights=ig_w)
        eraw = ig_g.edge_betweenness(directed=directed, weights=ig_w)
        return raw, eraw

    ig_raw, ig_eraw = ig_betweenness()
    if parallel:
        raw = ig_raw
        # endpoints=True: add the reachable pairs each node is an endpoint of.
        reach_out = [len(nx.descendants(g, v)) for v in range(n)]
        reach_in = [len(nx.ancestors(g, v)) for v in range(n)] if directed else reach_out
        ends_raw = [raw[v] + (reach_out[v] + reach_in[v]) / (1 if directed else 2) for v in range(n)]
        eraw = ig_eraw
        out["betweenness_source"] = "igraph 0.11.8 (parallel edges are distinct paths)"
    else:
        raw = nx.betweenness_centrality(g, normalized=False, weight=dist if weighting != "none" else None)
        raw = [raw[v] for v in range(n)]
        ends = nx.betweenness_centrality(g, normalized=False, endpoints=True,
                                         weight=dist if weighting != "none" else None)
        ends_raw = [ends[v] for v in range(n)]
        ebc = nx.edge_betweenness_centrality(g, normalized=False,
                                             weight=dist if weighting != "none" else None)
        eraw = []
        for u, v, _ in doc["edges"]:
            eraw.append(ebc[(u, v)] if (u, v) in ebc else ebc[(v, u)])
        for a, b in zip(raw, ig_raw):
            assert abs(a - b) <= 1e-9 * max(1, abs(a)), (doc["name"], "node betweenness", a, b)
        for a, b in zip(eraw, ig_eraw):
            assert abs(a - b) <= 1e-9 * max(1, abs(a)), (doc["name"], "edge betweenness", a, b)
        out["betweenness_source"] = "networkx 3.6.1 (exact Fraction lengths); igraph agrees"
    scale = 1 / ((n - 1) * (n - 2)) if n > 2 else 1.0
    if not directed:
        scale *= 2
    escale = (1 if directed else 2) / (n * (n - 1)) if n > 1 else 1.0
    escale_ends = 1 / (n * (n - 1)) * (1 if directed else 2) if n > 1 else 1.0
    out["betweenness_raw"] = floats(raw)
    out["betweenness"] = floats(x * scale for x in raw)
    out["betweenness_endpoints_raw"] = floats(ends_raw)
    out["betweenness_endpoints"] = floats(x * escale_ends for x in ends_raw)
    out["edge_betweenness_raw"] = floats(eraw)
    out["edge_betweenness"] = floats(x * escale for x in eraw)
    if not parallel:
        # The normalized values straight from NetworkX must match our rescaling.
        w = dist if weighting != "none" else None
        norm = nx.betweenness_centrality(g, normalized=True, weight=w)
        norm_ends = nx.betweenness_centrality(g, normalized=True, endpoints=True, weight=w)
        enorm = nx.edge_betweenness_centrality(g, normalized=True, weight=w)
        for v in range(n):
            assert abs(norm[v] - out["betweenness"][v]) < 1e-12
            assert abs(norm_ends[v] - out["betweenness_endpoints"][v]) < 1e-12
        for (u, v, _), x in zip(doc["edges"], out["edge_betweenness"]):
            y = enorm[(u, v)] if (u, v) in enorm else enorm[(v, u)]
            assert abs(x - y) < 1e-12

    # --- closeness and harmonic ------------------------------------------------------------
    rev = g.reverse(copy=True) if directed else g
    cin = nx.closeness_centrality(g, distance=dist, wf_improved=True)
    cout = nx.closeness_centrality(rev, distance=dist, wf_improved=True)
    hin = nx.harmonic_centrality(g, distance=dist)
    hout = nx.harmonic_centrality(rev, distance=dist)
    out["closeness_incoming"] = floats(cin[v] for v in range(n))
    out["closeness_outgoing"] = floats(cout[v] for v in range(n))
    out["harmonic_incoming"] = floats(hin[v] for v in range(n))
    out["harmonic_outgoing"] = floats(hout[v] for v in range(n))

    # --- network level -----------------------------------------------------------------------
    out["diameter"] = float(ig_g.diameter(directed=directed, unconn=True, weights=ig_w))
    apl = ig_g.average_path_length(directed=directed, unconn=True, weights=ig_w)
    out["average_path_length"] = None if apl != apl else float(apl)
    spl = dict(nx.all_pairs_dijkstra_path_length(g, weight=dist))
    inv = sum((1 / d for u in spl for v, d in spl[u].items() if u != v), Fraction(0))
    eff = inv / (n * (n - 1)) if n > 1 else Fraction(0)
    if not directed and weighting == "none":
        assert abs(float(eff) - nx.global_efficiency(g)) < 1e-12
    out["global_efficiency"] = float(eff)
    pairs = sum(len(nx.descendants(g, v)) for v in range(n))
    frag = 1 - Fraction(pairs, n * (n - 1))
    if not directed:
        comp = sum(len(c) * (len(c) - 1) for c in nx.connected_components(g))
        assert comp == pairs
    out["reachable_pairs"] = pairs
    out["fragmentation"] = float(frag)
    out["distance_weighted_fragmentation"] = float(1 - eff)
    out["betweenness_centralization"] = freeman(out["betweenness"], n - 1)
    # The star maxima: undirected (n-1)(n-2)/(2n-3); directed n-1 (in-star read incoming,
    # out-star read outgoing: centre 1, leaves 0 with the Wasserman-Faust correction).
    closeness_max = (n - 1) if directed else (n - 1) * (n - 2) / (2 * n - 3)
    out["closeness_centralization"] = freeman(out["closeness_incoming"], closeness_max)
    out["closeness_centralization_outgoing"] = freeman(out["closeness_outgoing"], closeness_max)
    return out


def main():
    names = sorted(f[:-5] for f in os.listdir(GRAPHS) if f.endswith(".json"))
    result = {}
    for name in names:
        doc = load(name)
        variants = [doc["directed"]] + ([False] if doc["directed"] else [])
        for directed in variants:
            for weighting in ("none", "strength"):
                key = f"{name}|{'directed' if directed else 'undirected'}|{weighting}"
                result[key] = entry(doc, directed, weighting)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
