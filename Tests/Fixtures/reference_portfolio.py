#!/usr/bin/env python3
"""Reference values for the tie portfolio search of Sources/NetworkAnalysis
(Graph.bestEdgeSet: greedy, then 1-swaps, exact evaluation of every set).

Usage:  python3 Tests/Fixtures/reference_portfolio.py   (networkx, see requirements.txt)
Writes  Tests/Fixtures/reference/portfolio.json

Small random weighted undirected graphs (n = 8..12, strengths uniform in 0.5..5 with two
decimals, seeded), each with a list of candidate new ties (non-adjacent pairs, seeded sample)
and a set size k (2 or 3). For each graph:
  * global efficiency of the graph (Latora & Marchiori 2001: sum over ordered pairs u != v of
    1/d(u, v) / (n (n - 1)), 1/inf = 0) on NetworkX's Dijkstra lengths with length = 1/strength;
  * the brute-force optimum: every k-subset of the candidates added (each new tie of strength
    1, length 1), global efficiency recomputed from scratch by NetworkX; the best value and
    the first best subset in lexicographic order of candidate indices;
  * greedy and greedy + 1-swaps, written here independently of the Swift code with the same
    rules (best value first, the earlier candidate on equal values, a swap only when it
    improves by more than a relative 1e-12, the best swap of a round made): the greedy value,
    the final value, the number of swaps, and whether the final value is the optimum;
  * the global efficiency after each prefix of the final set ordered by marginal effect.
Seeds are chosen so that the fixture holds graphs where greedy alone misses the optimum and
the swaps reach it, and (if one is found) one where greedy + swaps stays below it.

One scale of tie strength ("zoetermeer"): the global efficiency of Datasets/zoetermeer/model.yaml
and of that model with scenarios/regional.yaml applied (its add_relation and set_weight
changes), read with PyYAML: ties undirected, parallel relations merged into one tie of summed
strength, self-loops left out, path length 1/strength with no normalisation (Opsahl,
Agneessens & Skvoretz 2010). Relations without an id get r<position>, as the Swift loader.
"""
import itertools
import json
import math
import os
import random

import networkx as nx
import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def model_efficiency(actors, relations):
    index = {a["id"]: i for i, a in enumerate(actors)}
    merged = {}
    for r in relations:
        a, b = index[r["from"]], index[r["to"]]
        if a == b:
            continue
        key = (min(a, b), max(a, b))
        merged[key] = merged.get(key, 0.0) + float(r.get("weight", 1))
    return efficiency(len(actors), [(u, v, w) for (u, v), w in merged.items()])


def zoetermeer():
    folder = os.path.join(ROOT, "Datasets", "zoetermeer")
    with open(os.path.join(folder, "model.yaml")) as f:
        model = yaml.safe_load(f)
    relations = [dict(r, id=r.get("id") or f"r{i + 1}") for i, r in enumerate(model["relations"])]
    base = model_efficiency(model["actors"], relations)
    with open(os.path.join(folder, "scenarios", "regional.yaml")) as f:
        scenario = yaml.safe_load(f)
    changed = [dict(r) for r in relations]
    for change in scenario["changes"]:
        (kind, body), = change.items()
        if kind == "add_relation":
            changed.append(dict(body))
        elif kind == "set_weight":
            for r in changed:
                if r["id"] == body["relation"]:
                    r["weight"] = body["weight"]
        else:
            raise SystemExit(f"unexpected change {kind}")
    return {"baseline_global_efficiency": base, "regional_global_efficiency": model_efficiency(model["actors"], changed)}


def efficiency(n, edges):
    g = nx.Graph()
    g.add_nodes_from(range(n))
    for u, v, w in edges:
        length = 1.0 / w
        if g.has_edge(u, v):
            length = min(length, g[u][v]["length"])
        g.add_edge(u, v, length=length)
    total = 0.0
    for a, dist in nx.all_pairs_dijkstra_path_length(g, weight="length"):
        for b, d in dist.items():
            if b != a:
                total += 1.0 / d
    return total / (n * (n - 1)) if n > 1 else 0.0


def better(x, y):
    return x - y > 1e-12 * max(1.0, abs(x), abs(y))


def value(n, edges, cands, subset):
    return efficiency(n, edges + [(cands[c][0], cands[c][1], 1.0) for c in subset])


def search(n, edges, cands, k):
    chosen = []
    cur = value(n, edges, cands, [])
    for _ in range(min(k, len(cands))):
        best = None
        for c in range(len(cands)):
            if c in chosen:
                continue
            x = value(n, edges, cands, chosen + [c])
            if best is None or better(x, best[1]):
                best = (c, x)
        chosen.append(best[0])
        cur = best[1]
    greedy = cur
    swaps = 0
    while True:
        move = None
        options = [c for c in range(len(cands)) if c not in chosen]
        for slot in range(len(chosen)):
            rest = chosen[:slot] + chosen[slot + 1:]
            for c in options:
                x = value(n, edges, cands, rest + [c])
                if better(x, move[2] if move else cur):
                    move = (slot, c, x)
        if move is None:
            break
        chosen[move[0]] = move[1]
        cur = move[2]
        swaps += 1
    # order by marginal effect
    ordered, steps, remaining = [], [], sorted(chosen)
    while remaining:
        best = None
        for c in remaining:
            x = value(n, edges, cands, ordered + [c])
            if best is None or better(x, best[1]):
                best = (c, x)
        ordered.append(best[0]); steps.append(best[1]); remaining.remove(best[0])
    return greedy, cur, swaps, ordered, steps


def make(seed):
    rng = random.Random(seed)
    n = rng.choice([8, 9, 10, 11, 12])
    k = rng.choice([2, 3])
    pairs = set()
    order = list(range(n))
    rng.shuffle(order)
    connected = rng.random() < 0.8
    for i in range(1, n):
        if connected or rng.random() < 0.8:
            pairs.add(tuple(sorted((order[i], order[rng.randrange(i)]))))
    for _ in range(rng.randrange(0, n // 2 + 1)):
        u, v = rng.sample(range(n), 2)
        pairs.add(tuple(sorted((u, v))))
    edges = [(u, v, round(rng.uniform(0.5, 5), 2)) for u, v in sorted(pairs)]
    non = [(u, v) for u in range(n) for v in range(u + 1, n) if (u, v) not in pairs]
    cands = sorted(rng.sample(non, min(len(non), 16)))
    return n, k, edges, cands


def main():
    out = []
    misses = 0
    fixed = 0
    plain = 0
    for seed in range(1, 400):
        n, k, edges, cands = make(seed)
        base = efficiency(n, edges)
        best_value, best_set = None, None
        for subset in itertools.combinations(range(len(cands)), k):
            x = value(n, edges, cands, list(subset))
            if best_value is None or better(x, best_value):
                best_value, best_set = x, list(subset)
        greedy, final, swaps, ordered, steps = search(n, edges, cands, k)
        optimal = not better(best_value, final)
        kind = "plain" if not better(best_value, greedy) else ("swap_fixes" if optimal else "misses")
        keep = (kind == "plain" and plain < 6) or (kind == "swap_fixes" and fixed < 3) or (kind == "misses" and misses < 1)
        if not keep:
            continue
        plain += kind == "plain"; fixed += kind == "swap_fixes"; misses += kind == "misses"
        out.append({
            "name": f"seed{seed}", "n": n, "k": k, "kind": kind,
            "edges": [[u, v, w] for u, v, w in edges],
            "candidates": [[u, v] for u, v in cands],
            "global_efficiency": base,
            "optimum_value": best_value, "optimum_set": best_set,
            "greedy_value": greedy, "final_value": final, "swaps": swaps,
            "reaches_optimum": optimal,
            "ordered": ordered, "steps": steps,
        })
        if plain >= 6 and fixed >= 3 and misses >= 1:
            break
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reference", "portfolio.json")
    with open(path, "w") as f:
        json.dump({"networkx": nx.__version__, "graphs": out, "zoetermeer": zoetermeer()}, f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"wrote {path}: {plain} plain, {fixed} where swaps fix greedy, {misses} where swaps miss")


if __name__ == "__main__":
    main()
