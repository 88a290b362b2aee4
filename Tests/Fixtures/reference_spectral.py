#!/usr/bin/env python3
"""Reference values for the spectral centralities and Burt's structural-hole measures.

Usage:  python3 Tests/Fixtures/reference_spectral.py   (versions pinned in requirements.txt)

Reads Tests/Fixtures/graphs/*.json, writes Tests/Fixtures/reference/spectral.json:

    {"<graph>": {"<measure>_<weighted|unweighted>": [value per node] or null, ...}, ...}

`null` for a whole measure means "no unique answer" (the Swift code must throw
GraphError.undefined there); `null` inside an array is NaN (Burt's measures of isolates).

Sources of the numbers:
- eigenvector: nx.eigenvector_centrality (power iteration on A^T + I, tol 1e-13), cross-checked
  against the numpy eigenvector of the Perron root. Written only where the nonnegative
  eigenvector of the largest eigenvalue is unique (exactly one "distinguished" class, see
  `perron_unique`); otherwise null.
- pagerank: nx.pagerank with tol 1e-13 (plus personalization / dangling variants).
- katz: nx.katz_centrality with alpha = 0.5 / lambda_max (rounded to 4 digits; stored), tol 1e-13.
- hits: nx.hits (ARPACK SVD, tol 1e-13) cross-checked with nx's _hits_numpy; null where the
  leading singular value of A is not simple (bipartite double cover has two top components).
- constraint, effective_size: nx.constraint / nx.effective_size(nodes=all) on the graph **without
  self-loops** (Burt: ego is not its own contact; NetworkX would count a self-loop as a contact).
  efficiency = effective size / number of distinct contacts (Burt 1992, ch. 2).
  hierarchy (NetworkX has none): Burt 1992 / UCINET, computed here from nx.local_constraint:
  H_i = sum_j (c_ij / (C_i/N)) ln(c_ij / (C_i/N)) / (N ln N), NaN for N < 2 and isolates.
"""
import json
import warnings
import math
import os

import networkx as nx
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
GRAPHS = ["karate", "florentine", "kite", "small_directed", "rounding_ties",
          "random_undirected", "random_directed", "random_sparse"]
TOL = 1e-13
# _hits_numpy casts the (real) eigenvectors of a symmetric product from a complex dtype.
warnings.filterwarnings("ignore", category=np.exceptions.ComplexWarning)


def load(name, weighted):
    with open(os.path.join(HERE, "graphs", name + ".json"), encoding="utf-8") as f:
        doc = json.load(f)
    g = nx.DiGraph() if doc["directed"] else nx.Graph()
    g.add_nodes_from(range(len(doc["nodes"])))
    for u, v, w in doc["edges"]:
        g.add_edge(u, v, weight=float(w) if weighted else 1.0)
    return g


def clean(values):
    return [None if (isinstance(x, float) and math.isnan(x)) else float(x) for x in values]


def perron_unique(M):
    """M nonnegative (rows = receivers: y = M x). Returns (rho, unique) where unique tells
    whether the nonnegative eigenvector of rho is unique up to scale: exactly one basic class
    (rho_C == rho) from which no other basic class is reachable (Frobenius-Victory theorem)."""
    n = M.shape[0]
    g = nx.DiGraph()
    g.add_nodes_from(range(n))
    for r, c in zip(*np.nonzero(M)):
        g.add_edge(int(c), int(r))  # x_c feeds y_r
    cond = nx.condensation(g)
    rho_c = {}
    for c, data in cond.nodes(data=True):
        idx = sorted(data["members"])
        rho_c[c] = max(abs(np.linalg.eigvals(M[np.ix_(idx, idx)])))
    rho = max(rho_c.values())
    if rho == 0:
        return rho, False
    basic = {c for c, r in rho_c.items() if abs(r - rho) <= 1e-9 * rho}
    distinguished = [c for c in basic if not (nx.descendants(cond, c) & basic)]
    return rho, len(distinguished) == 1


def adjacency(g, weighted):
    return nx.to_numpy_array(g, nodelist=range(len(g)), weight="weight" if weighted else None)


def eigenvector(g, weighted):
    A = adjacency(g, weighted)
    rho, unique = perron_unique(A.T)
    if not unique:
        return None
    x = nx.eigenvector_centrality(g, max_iter=1_000_000, tol=TOL,
                                  weight="weight" if weighted else None)
    vals = np.array([x[i] for i in range(len(g))])
    e, v = np.linalg.eig(A.T)
    k = np.argmax(e.real)
    ref = np.abs(v[:, k].real)
    ref /= np.linalg.norm(ref)
    assert np.allclose(vals, ref, atol=1e-9), "power iteration and numpy disagree"
    return vals.tolist()


def katz(g, weighted):
    A = adjacency(g, weighted)
    rho = max(abs(np.linalg.eigvals(A)))
    alpha = round(0.5 / rho, 4) if rho > 0 else 0.5
    x = nx.katz_centrality(g, alpha=alpha, beta=1.0, max_iter=1_000_000, tol=TOL,
                           weight="weight" if weighted else None)
    vals = [x[i] for i in range(len(g))]
    # cross-check with the linear solve (I - alpha A^T) x = 1
    sol = np.linalg.solve(np.eye(len(g)) - alpha * A.T, np.ones(len(g)))
    sol /= np.linalg.norm(sol)
    assert np.allclose(vals, sol, atol=1e-9)
    return {"alpha": alpha, "lambda_max": float(rho), "values": vals}


def hits(g, weighted):
    h = g.copy()
    if not weighted:
        for _, _, d in h.edges(data=True):
            d["weight"] = 1.0
    A = adjacency(h, True)
    n = len(g)
    B = np.zeros((2 * n, 2 * n))
    B[:n, n:] = A
    B[n:, :n] = A.T
    _, unique = perron_unique(B)
    if not unique:
        return None
    # A fixed ARPACK start vector (uniform) keeps the output byte-reproducible.
    hubs, auth = nx.hits(h, max_iter=100_000, tol=TOL, nstart={v: 1.0 for v in h})
    hv = [hubs[i] for i in range(n)]
    av = [auth[i] for i in range(n)]
    hn, an = nx.algorithms.link_analysis.hits_alg._hits_numpy(h)
    assert np.allclose(hv, [hn[i] for i in range(n)], atol=1e-9)
    assert np.allclose(av, [an[i] for i in range(n)], atol=1e-9)
    return {"hubs": hv, "authorities": av}


def structural_holes(g, weighted):
    h = g.copy()
    h.remove_edges_from(list(nx.selfloop_edges(h)))
    w = "weight" if weighted else None
    n = len(h)
    con = nx.constraint(h, weight=w)
    # nodes=list(h) selects NetworkX's per-node code path. The default whole-graph (scipy)
    # path of NetworkX 3.6.1 divides m_jq by the wrong node's maximum mutual weight (a
    # broadcasting slip, networkx/networkx PR #8906), which changes weighted and directed
    # results; the per-node path follows Burt's definition.
    es = nx.effective_size(h, nodes=list(h), weight=w)
    # The per-node path also calls a node without *successors* isolated (it tests G[v]), so in
    # a digraph a node with only in-ties gets NaN. Burt counts ties in either direction as
    # contacts (as NetworkX's own definition and whole-graph path do): for those nodes
    # evaluate NetworkX's redundancy formula directly with its public helpers.
    nmw = nx.algorithms.structuralholes.normalized_mutual_weight
    for v in h:
        contacts = set(nx.all_neighbors(h, v)) - {v}
        if math.isnan(es[v]) and contacts:
            es[v] = sum(1 - sum(nmw(h, v, q, weight=w) * nmw(h, u, q, norm=max, weight=w)
                                for q in contacts)
                        for u in contacts)
    if not weighted and not h.is_directed():
        fast = nx.effective_size(h, weight=w)  # unaffected by that slip: every m_jq is 1
        assert all(math.isclose(fast[i], es[i], abs_tol=1e-12) or (math.isnan(fast[i]) and math.isnan(es[i]))
                   for i in h)
    eff, hier = [], []
    for i in range(n):
        contacts = set(nx.all_neighbors(h, i)) - {i}
        N = len(contacts)
        eff.append(es[i] / N if N > 0 else float("nan"))
        if N < 2:
            hier.append(float("nan"))
            continue
        c = [nx.local_constraint(h, i, j, weight=w) for j in sorted(contacts)]
        C = sum(c)
        r = [cj / (C / N) for cj in c]
        hier.append(sum(x * math.log(x) for x in r) / (N * math.log(N)))
    return {
        "constraint": clean([con[i] for i in range(n)]),
        "effective_size": clean([es[i] for i in range(n)]),
        "efficiency": clean(eff),
        "hierarchy": clean(hier),
    }


def main():
    out = {"_generator": "Tests/Fixtures/reference_spectral.py",
           "_versions": {"networkx": nx.__version__, "numpy": np.__version__}}
    for name in GRAPHS:
        entry = {}
        for weighted in (False, True):
            g = load(name, weighted)
            tag = "weighted" if weighted else "unweighted"
            entry["eigenvector_" + tag] = eigenvector(g, weighted)
            pr = nx.pagerank(g, alpha=0.85, max_iter=100_000, tol=TOL,
                             weight="weight" if weighted else None)
            entry["pagerank_" + tag] = [pr[i] for i in range(len(g))]
            entry["katz_" + tag] = katz(g, weighted)
            entry["hits_" + tag] = hits(g, weighted)
            entry["holes_" + tag] = structural_holes(g, weighted)
        # PageRank variants (weighted): personalization on the first three nodes with weights
        # 1, 2, 3 and a dangling distribution concentrated on the last node.
        g = load(name, True)
        n = len(g)
        pers = {0: 1.0, 1: 2.0, 2: 3.0}
        dang = {n - 1: 1.0}
        pr = nx.pagerank(g, alpha=0.7, personalization=pers, max_iter=100_000, tol=TOL)
        entry["pagerank_personalized_alpha07"] = [pr[i] for i in range(n)]
        pr = nx.pagerank(g, alpha=0.85, personalization=pers, dangling=dang,
                         max_iter=100_000, tol=TOL)
        entry["pagerank_personalized_dangling"] = [pr[i] for i in range(n)]
        out[name] = entry
    os.makedirs(os.path.join(HERE, "reference"), exist_ok=True)
    with open(os.path.join(HERE, "reference", "spectral.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
