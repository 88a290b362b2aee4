#!/usr/bin/env python3
"""Reference values for the research measures of issue 13 (eccentricity, radius, centre,
degree assortativity, average neighbour degree, local efficiency, Barrat's weighted clustering,
Bonacich power, node and edge connectivity, maximal cliques, personalized PageRank).

Usage:  python3 Tests/Fixtures/reference_research.py   (versions: requirements.txt)

Reads Tests/Fixtures/graphs/*.json (written by make_graphs.py) and writes
Tests/Fixtures/reference/research.json:
    {"generator": ..., "versions": {...}, "graphs": {<name>: {<key>: value, ...}, ...}}
Per-node lists are indexed like the fixture's "nodes".

Which library produced what:
  * eccentricity, radius: python-igraph (mode="out"; unreachable nodes ignored, the convention
    the Swift code follows), unweighted and with lengths 1/w; on (strongly) connected graphs
    also NetworkX eccentricity/radius/center, asserted equal. The centre is the set of nodes
    whose igraph eccentricity equals the radius within 1e-10 (relative).
  * triad census (triadic_census; an undirected graph as a DiGraph with arcs both ways), dyad
    census (counted from the DiGraph), ego networks (ego_graph(undirected=True)),
    degree assortativity, average neighbour degree (weight=None and weight="weight"), local
    efficiency (per node: global_efficiency of the subgraph induced by the neighbours, whose
    mean is asserted equal to nx.local_efficiency), node and edge connectivity, maximal cliques
    (find_cliques, number_of_cliques), personalized PageRank: NetworkX.
  * Barrat's weighted clustering: python-igraph transitivity_local_undirected(weights=,
    mode="zero"), on the undirected reading with reciprocal weights summed.
  * structural equivalence: numpy (Wasserman & Faust 1994 eqs. 9.2-9.3: rows and columns
    without the pair's own entries; 0/1 or strengths); average-linkage clustering and the cut
    into 4 positions: scipy linkage(method="average") and fcluster(criterion="maxclust"),
    correlation as distance 1 - r (NaN -> 1).
  * core-periphery (Borgatti & Everett 1999): see core_periphery_cases (numpy brute force,
    cpnet, scipy.optimize).
  * permutation tests: exact enumeration of all 8! relabellings (itertools) of a small graph,
    E-I index computed here, attribute assortativity by NetworkX.
  * QAP correlation: exact enumeration of all 7! permutations (itertools, numpy corrcoef).
  * key players (Borgatti 2006): brute force over every k-subset, each value from NetworkX
    (connected_components, all_pairs_shortest_path_length).
  * Bonacich power: python-igraph has no power_centrality (only R igraph does), so it is an
    independent numpy computation of R igraph's formula: x = solve(I - beta A, A 1), scaled to
    sum x^2 = n (rescale = FALSE), A the 0/1 adjacency (A[i][j] = 1 for an arc i -> j).
Policies the Swift code documents, applied to the *input*: self-loops are left out (NetworkX
counts them in degrees); the undirected reading of a directed fixture merges reciprocal arcs.
"""
import json
import math
import os

import igraph as ig
import networkx as nx
import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

HERE = os.path.dirname(os.path.abspath(__file__))
GRAPHS = os.path.join(HERE, "graphs")
OUT = os.path.join(HERE, "reference", "research.json")

NAMES = ["karate", "florentine", "kite", "small_directed", "rounding_ties",
         "random_undirected", "random_directed", "random_sparse"]
BETAS = [0.05, -0.2]
TRIADS = ["003", "012", "102", "021D", "021U", "021C", "111D", "111U",
          "030T", "030C", "201", "120D", "120U", "120C", "210", "300"]


def load(name):
    with open(os.path.join(GRAPHS, name + ".json"), encoding="utf-8") as f:
        doc = json.load(f)
    n = len(doc["nodes"])
    edges = [(int(s), int(t), float(w)) for s, t, w in doc["edges"] if int(s) != int(t)]
    g = nx.DiGraph() if doc["directed"] else nx.Graph()
    g.add_nodes_from(range(n))
    for s, t, w in edges:
        g.add_edge(s, t, weight=w)
    u = nx.Graph()
    u.add_nodes_from(range(n))
    for s, t, w in edges:
        if u.has_edge(s, t):
            u[s][t]["weight"] += w
        else:
            u.add_edge(s, t, weight=w)
    return doc, n, edges, g, u


def per_node(n, mapping):
    return [float(mapping[v]) for v in range(n)]


def connected(g):
    return nx.is_strongly_connected(g) if g.is_directed() else nx.is_connected(g)


def research(name):
    doc, n, edges, g, u = load(name)
    directed = doc["directed"]
    r = {"n": n, "directed": directed}

    # Eccentricity, radius, centre.
    ig_g = ig.Graph(n=n, edges=[(s, t) for s, t, _ in edges], directed=directed)
    for weighting, lengths in [("none", None), ("strength", [1.0 / w for _, _, w in edges])]:
        ecc = [float(x) for x in ig_g.eccentricity(mode="out", weights=lengths)]
        rad = min(ecc)
        r[f"eccentricity_{weighting}"] = ecc
        r[f"radius_{weighting}"] = rad
        r[f"center_{weighting}"] = [v for v in range(n) if abs(ecc[v] - rad) <= 1e-10 * max(abs(ecc[v]), abs(rad))]
        if connected(g):
            dist = {(s, t): 1.0 / w for s, t, w in edges}
            if not directed:
                dist.update({(t, s): d for (s, t), d in list(dist.items())})
            h = g.copy()
            for a, b in h.edges():
                h[a][b]["length"] = 1.0 if weighting == "none" else dist[(a, b)]
            nx_ecc = nx.eccentricity(h, weight="length")
            assert all(abs(nx_ecc[v] - ecc[v]) < 1e-9 for v in range(n)), name
            assert abs(nx.radius(h, weight="length") - rad) < 1e-9
            if weighting == "none":
                assert sorted(nx.center(h)) == r[f"center_{weighting}"]

    # Mixing.
    r["degree_assortativity"] = nx.degree_assortativity_coefficient(g)
    r["average_neighbor_degree_none"] = per_node(n, nx.average_neighbor_degree(g))
    r["average_neighbor_degree_strength"] = per_node(n, nx.average_neighbor_degree(g, weight="weight"))

    # Local efficiency (undirected reading, unweighted).
    local = [nx.global_efficiency(u.subgraph(list(u[v]))) if u.degree(v) >= 2 else 0.0 for v in range(n)]
    assert abs(sum(local) / n - nx.local_efficiency(u)) < 1e-12
    r["local_efficiency"] = local
    r["average_local_efficiency"] = nx.local_efficiency(u)

    # Barrat's weighted clustering (igraph), undirected reading with summed weights.
    ig_u = ig.Graph(n=n, edges=list(u.edges()), directed=False)
    ig_u.es["weight"] = [u[a][b]["weight"] for a, b in u.edges()]
    r["barrat_clustering_strength"] = [float(x) for x in ig_u.transitivity_local_undirected(weights="weight", mode="zero")]
    r["barrat_clustering_none"] = [float(x) for x in ig_u.transitivity_local_undirected(mode="zero")]

    # Bonacich power (numpy, R igraph's formula).
    a = np.zeros((n, n))
    for s, t, _ in edges:
        a[s, t] = 1
        if not directed:
            a[t, s] = 1
    for beta in BETAS:
        x = np.linalg.solve(np.eye(n) - beta * a, a @ np.ones(n))
        x = x * math.sqrt(n / float(np.sum(x * x)))
        r[f"bonacich_power_{beta}"] = [float(v) for v in x]

    # Connectivity.
    r["node_connectivity"] = nx.node_connectivity(g)
    r["edge_connectivity"] = nx.edge_connectivity(g)

    # Maximal cliques.
    cliques = sorted(sorted(c) for c in nx.find_cliques(u))
    r["maximal_cliques"] = cliques
    counts = nx.number_of_cliques(u)
    r["cliques"] = per_node(n, counts)
    assert r["cliques"] == [float(sum(v in c for c in cliques)) for v in range(n)]

    # Dyad and triad census (an undirected fixture as a digraph with arcs both ways).
    d = g if directed else nx.DiGraph(u)
    census = nx.triadic_census(d)
    r["triad_census"] = [census[t] for t in TRIADS]
    mutual = sum(1 for a, b in d.edges() if a < b and d.has_edge(b, a))
    asym = sum(1 for a, b in d.edges() if not d.has_edge(b, a))
    r["dyad_census"] = [mutual, asym, n * (n - 1) // 2 - mutual - asym]

    # Ego networks (undirected=True): the first node, radius 1 and 2.
    r["ego_0_radius_1"] = sorted(nx.ego_graph(g, 0, radius=1, undirected=True).nodes())
    r["ego_0_radius_2"] = sorted(nx.ego_graph(g, 0, radius=2, undirected=True).nodes())

    # Structural equivalence (numpy, Wasserman & Faust eqs. 9.2-9.3) and average linkage (scipy).
    for weighting in ["none", "strength"]:
        x = np.zeros((n, n))
        for a_, b_, w in edges:
            x[a_, b_] += 1 if weighting == "none" else w
            if not directed:
                x[b_, a_] += 1 if weighting == "none" else w
        if weighting == "none":
            x = (x > 0).astype(float)
        euc = np.zeros((n, n))
        cor = np.ones((n, n))
        for i in range(n):
            for j in range(i + 1, n):
                keep = [k for k in range(n) if k != i and k != j]
                pa = np.concatenate([x[i, keep], x[keep, i]])
                pb = np.concatenate([x[j, keep], x[keep, j]])
                euc[i, j] = euc[j, i] = math.sqrt(float(np.sum((pa - pb) ** 2)))
                if np.std(pa) < 1e-12 or np.std(pb) < 1e-12:
                    cor[i, j] = cor[j, i] = float("nan")
                else:
                    cor[i, j] = cor[j, i] = float(np.corrcoef(pa, pb)[0, 1])
        r[f"se_euclidean_{weighting}"] = [[float(v) for v in row] for row in euc]
        r[f"se_correlation_{weighting}"] = [[None if v != v else float(v) for v in row] for row in cor]

    # Personalized PageRank: restart at the first and last node (weights 1 and 3).
    p = {v: 0.0 for v in range(n)}
    p[0], p[n - 1] = 1.0, 3.0
    r["personalized_pagerank"] = per_node(n, nx.pagerank(g, alpha=0.85, personalization=p, weight="weight", tol=1e-12, max_iter=1000))
    return r


def connectivity_cases():
    """Graphs whose connectivity is above 1 (the fixture graphs all have 0 or 1), with node and
    edge connectivity that differ: their edges, and NetworkX's values."""
    two_k5 = nx.Graph()
    two_k5.add_edges_from(nx.complete_graph(5).edges())
    two_k5.add_edges_from((a + 4, b + 4) for a, b in nx.complete_graph(5).edges())   # share node 4
    cases = {
        "petersen": nx.petersen_graph(),
        "complete5": nx.complete_graph(5),
        "hypercube3": nx.convert_node_labels_to_integers(nx.hypercube_graph(3)),
        "two_k5_sharing_a_node": two_k5,
        "random_regular_4_12": nx.random_regular_graph(4, 12, seed=3),
        "circulant_digraph_8_1_2": nx.DiGraph([(i, (i + d) % 8) for i in range(8) for d in (1, 2)]),
        "directed_cycle_6": nx.DiGraph([(i, (i + 1) % 6) for i in range(6)]),
    }
    out = {}
    for name, h in cases.items():
        h = nx.convert_node_labels_to_integers(h)
        out[name] = {"n": h.number_of_nodes(), "directed": h.is_directed(), "edges": sorted([int(a), int(b)] for a, b in h.edges()),
                     "node_connectivity": nx.node_connectivity(h), "edge_connectivity": nx.edge_connectivity(h)}
    return out


def triad_cases():
    """Dense random digraphs (many mutual dyads, every triad type likely): edges and census."""
    out = {}
    for seed, p in [(5, 0.35), (11, 0.5), (2, 0.2)]:
        h = nx.gnp_random_graph(12, p, seed=seed, directed=True)
        c = nx.triadic_census(h)
        out[f"gnp_12_{p}_{seed}"] = {"n": 12, "edges": sorted([a, b] for a, b in h.edges()), "triad_census": [c[t] for t in TRIADS]}
    return out


def se_matrices(n, edges, directed, weighted):
    x = np.zeros((n, n))
    for a_, b_, w in edges:
        x[a_, b_] += w if weighted else 1
        if not directed:
            x[b_, a_] += w if weighted else 1
    euc = np.zeros((n, n))
    cor = np.ones((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            keep = [k for k in range(n) if k != i and k != j]
            pa = np.concatenate([x[i, keep], x[keep, i]])
            pb = np.concatenate([x[j, keep], x[keep, j]])
            euc[i, j] = euc[j, i] = math.sqrt(float(np.sum((pa - pb) ** 2)))
            cor[i, j] = cor[j, i] = float(np.corrcoef(pa, pb)[0, 1])
    return euc, cor


def position_cases():
    """Weighted random digraphs with continuous weights (no tied distances, so average linkage
    has one answer): edges, both distance matrices, scipy's merge heights and cuts into 2..5."""
    out = {}
    rng = np.random.default_rng(13)
    for n, p in [(12, 0.4), (20, 0.25)]:
        edges = [(i, j, float(rng.uniform(0.5, 5))) for i in range(n) for j in range(n) if i != j and rng.random() < p]
        euc, cor = se_matrices(n, edges, True, True)
        case = {"n": n, "edges": [[i, j, w] for i, j, w in edges]}
        for name_, dist in [("euclidean", euc.copy()), ("correlation", 1 - cor)]:
            np.fill_diagonal(dist, 0)
            z = linkage(squareform(dist, checks=False), method="average")
            case[f"linkage_heights_{name_}"] = [float(h) for h in z[:, 2]]
            for k in range(2, 6):
                number = {}
                case[f"positions{k}_{name_}"] = [number.setdefault(l, len(number)) for l in fcluster(z, t=k, criterion="maxclust")]
        out[f"random_weighted_{n}"] = case
    return out


def key_player_cases():
    """Brute force over every k-subset (NetworkX for each value): the best value of
    fragmentation, distance-weighted fragmentation (both on the graph without the set) and
    reach within m steps (Borgatti 2006), and every set that attains it."""
    from itertools import combinations
    out = {}
    for name, ks in [("kite", [1, 2, 3]), ("florentine", [1, 2, 3]), ("karate", [1, 2])]:
        doc, n, edges, g, u = load(name)
        spl = dict(nx.all_pairs_shortest_path_length(u))

        def frag(rest):
            h = u.subgraph(rest)
            m = len(rest)
            if m < 2:
                return 0.0
            pairs = sum(len(c) * (len(c) - 1) for c in nx.connected_components(h))
            return 1 - pairs / (m * (m - 1))

        def dwf(rest):
            h = u.subgraph(rest)
            m = len(rest)
            if m < 2:
                return 0.0
            inv = sum(1 / d for a, row in nx.all_pairs_shortest_path_length(h) for b, d in row.items() if a != b)
            return 1 - inv / (m * (m - 1))

        def reach(kset, steps):
            others = [j for j in range(n) if j not in kset]
            hit = sum(1 for j in others if min(spl[i].get(j, math.inf) for i in kset) <= steps)
            return hit / len(others)

        case = {}
        for k in ks:
            values = {"fragmentation": {}, "distance_weighted_fragmentation": {}, "reach_within_1": {}, "reach_within_2": {}}
            for kset in combinations(range(n), k):
                rest = [v for v in range(n) if v not in kset]
                values["fragmentation"][kset] = frag(rest)
                values["distance_weighted_fragmentation"][kset] = dwf(rest)
                values["reach_within_1"][kset] = reach(kset, 1)
                values["reach_within_2"][kset] = reach(kset, 2)
            for objective, table in values.items():
                best = max(table.values())
                case[f"{objective}_k{k}"] = {"best": best, "sets": sorted(list(s) for s, v in table.items() if abs(v - best) < 1e-12)}
        out[name] = case
    return out


def zoetermeer_key_players():
    """Brute force over every pair of actors of Datasets/zoetermeer/model.yaml (undirected
    simple graph, loops left out): the KPP-Neg pair for distance-weighted fragmentation."""
    import yaml
    from itertools import combinations
    with open(os.path.join(HERE, "..", "..", "Datasets", "zoetermeer", "model.yaml"), encoding="utf-8") as f:
        m = yaml.safe_load(f)
    ids = [a["id"] for a in m["actors"]]
    u = nx.Graph()
    u.add_nodes_from(ids)
    u.add_edges_from((r["from"], r["to"]) for r in m["relations"] if r["from"] != r["to"])

    def dwf(rest):
        h = u.subgraph(rest)
        k = len(rest)
        return 1 - sum(1 / d for a, row in nx.all_pairs_shortest_path_length(h) for b, d in row.items() if a != b) / (k * (k - 1))

    values = {s: dwf([v for v in ids if v not in s]) for s in combinations(ids, 2)}
    best = max(values.values())
    return {"distance_weighted_fragmentation_k2": {"best": best, "sets": sorted(sorted(s) for s, v in values.items() if abs(v - best) < 1e-12)}}


def core_periphery_cases():
    """Borgatti & Everett (1999) discrete model, rho = corr_{i<j}(a_ij, delta_ij) with
    delta_ij = 1 when i or j is in the core: the best of all 2^n splits (numpy brute force) for
    the small fixtures; cpnet.BE (Kojaku & Masuda, the same objective by Kernighan-Lin search,
    seeded numpy) for all undirected fixtures. Continuous model: argmin sum_{i != j}
    (a_ij - c_i c_j)^2 by scipy.optimize (L-BFGS-B, c >= 0), scaled to unit norm, with the
    correlation of a_ij and c_i c_j over i < j.

    cpnet's search runs in numba, whose random generator np.random.seed does not reach, so its
    split can differ from one run of this script to the next. The tests rely only on what holds
    for any of its runs: our fit of cpnet's split equals cpnet's score, and our split scores at
    least as high."""
    import cpnet
    from scipy.optimize import minimize
    out = {}
    for name in NAMES:
        doc, n, edges, g, u = load(name)
        a = nx.to_numpy_array(u, nodelist=range(n), weight=None)
        iu = np.triu_indices(n, 1)
        av = a[iu]
        case = {}
        if n <= 15:
            best, sets = -2.0, []
            for mask in range(1, 2 ** n - 1):
                x = np.array([(mask >> v) & 1 for v in range(n)], dtype=float)
                d = (x[:, None] + x[None, :] - x[:, None] * x[None, :])[iu]
                rho = float(np.corrcoef(av, d)[0, 1])
                if rho > best + 1e-12:
                    best, sets = rho, [[v for v in range(n) if x[v]]]
                elif abs(rho - best) <= 1e-12:
                    sets.append([v for v in range(n) if x[v]])
            case["discrete_best"] = best
            case["discrete_best_cores"] = sets
        np.random.seed(3)
        be = cpnet.BE(num_runs=20)
        be.detect(u)
        xs = be.get_coreness()
        case["cpnet_core"] = sorted(int(v) for v in range(n) if xs[v] > 0.5)
        case["cpnet_q"] = float(be.score(u, be.get_pair_id(), xs)[0])

        def loss(c):
            p = np.outer(c, c)
            np.fill_diagonal(p, 0)
            r = a - p
            np.fill_diagonal(r, 0)
            grad = -4 * (r @ c)
            return float(np.sum(r * r)), grad
        res = minimize(loss, np.ones(n), jac=True, method="L-BFGS-B", bounds=[(0, None)] * n,
                       options={"ftol": 1e-15, "gtol": 1e-12, "maxiter": 20000})
        c = res.x / np.linalg.norm(res.x)
        case["coreness"] = [float(v) for v in c]
        case["coreness_fit"] = float(np.corrcoef(av, np.outer(c, c)[iu])[0, 1])
        out[name] = case
    return out


def ei_index(edges, groups):
    """Krackhardt & Stern's E-I index, network and per group (sorted labels), every arc or
    edge once, loops left out."""
    E = I = 0
    labels = sorted(set(groups))
    eg = {g: 0 for g in labels}
    ig_ = {g: 0 for g in labels}
    for s_, t in edges:
        if s_ == t:
            continue
        if groups[s_] == groups[t]:
            I += 1
            ig_[groups[s_]] += 1
        else:
            E += 1
            eg[groups[s_]] += 1
            eg[groups[t]] += 1
    net = (E - I) / (E + I) if E + I else float("nan")
    per = [(eg[g] - ig_[g]) / (eg[g] + ig_[g]) if eg[g] + ig_[g] else float("nan") for g in labels]
    return [net] + per


def permutation_cases():
    """Exact permutation distributions (every one of the n! relabellings, itertools) of the
    E-I index (network, per group) and of NetworkX's attribute assortativity, for a small graph
    with three groups; and NetworkX attribute_assortativity_coefficient on every fixture graph
    with groups = node index mod 3."""
    from itertools import permutations
    edges = [(0, 1), (0, 2), (1, 2), (2, 3), (3, 4), (4, 5), (3, 5), (5, 6), (6, 7), (1, 6)]
    groups = [0, 0, 0, 1, 1, 1, 2, 2]
    n = 8
    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(edges)

    def stats(gr):
        nx.set_node_attributes(g, {v: gr[v] for v in range(n)}, "group")
        return ei_index(edges, gr) + [nx.attribute_assortativity_coefficient(g, "group")]

    observed = stats(groups)
    k = len(observed)
    ge = [0] * k
    le = [0] * k
    total = 0
    for pi in permutations(range(n)):
        values = stats([groups[pi[v]] for v in range(n)])
        total += 1
        for i in range(k):
            tie = abs(values[i] - observed[i]) <= 1e-12 * max(1, abs(values[i]), abs(observed[i]))
            ge[i] += values[i] >= observed[i] or tie
            le[i] += values[i] <= observed[i] or tie
    small = {"n": n, "edges": [list(e) for e in edges], "groups": groups, "observed": observed,
             "p_greater_or_equal": [x / total for x in ge], "p_less_or_equal": [x / total for x in le], "permutations": total}
    assortativity = {}
    for name in NAMES:
        doc, n_, edges_, g_, u_ = load(name)
        nx.set_node_attributes(g_, {v: v % 3 for v in range(n_)}, "group")
        assortativity[name] = nx.attribute_assortativity_coefficient(g_, "group")
    return {"small": small, "assortativity_mod3": assortativity}


def qap_cases():
    """QAP correlation (Krackhardt 1987): two random 0/1 relations on 7 nodes, directed (all
    ordered pairs) and symmetric (upper triangle); observed correlation (numpy corrcoef) and the
    exact p-values over all 7! simultaneous row/column permutations of the second (itertools)."""
    from itertools import permutations
    rng = np.random.default_rng(29)
    out = {}
    n = 7
    for kind in ["directed", "symmetric"]:
        x = (rng.random((n, n)) < 0.4).astype(float)
        y = ((x + (rng.random((n, n)) < 0.3)) > 0).astype(float) * (rng.random((n, n)) < 0.8)
        if kind == "symmetric":
            x = np.triu(x, 1); x = x + x.T
            y = np.triu(y, 1); y = y + y.T
        np.fill_diagonal(x, 0); np.fill_diagonal(y, 0)
        cells = np.triu_indices(n, 1) if kind == "symmetric" else np.where(~np.eye(n, dtype=bool))
        obs = float(np.corrcoef(x[cells], y[cells])[0, 1])
        ge = le = total = 0
        for pi in permutations(range(n)):
            yp = y[np.ix_(pi, pi)]
            r = float(np.corrcoef(x[cells], yp[cells])[0, 1])
            tie = abs(r - obs) <= 1e-12 * max(1, abs(r), abs(obs))
            ge += r >= obs or tie
            le += r <= obs or tie
            total += 1
        out[kind] = {"x": x.tolist(), "y": y.tolist(), "correlation": obs, "p_greater_or_equal": ge / total,
                     "p_less_or_equal": le / total, "permutations": total}
    return out


def main():
    result = {
        "qap_cases": qap_cases(),
        "permutation_cases": permutation_cases(),
        "core_periphery_cases": core_periphery_cases(),
        "zoetermeer_key_players": zoetermeer_key_players(),
        "key_player_cases": key_player_cases(),
        "position_cases": position_cases(),
        "triad_cases": triad_cases(),
        "connectivity_cases": connectivity_cases(),
        "generator": "Tests/Fixtures/reference_research.py",
        "versions": {"networkx": nx.__version__, "igraph": ig.__version__, "numpy": np.__version__},
        "graphs": {name: research(name) for name in NAMES},
    }
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(result, f, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
