#!/usr/bin/env python3
"""Reference values for the significance and stability statistics of issue 13 (second part):
QAP regression with double semi-partialling, partition agreement (ARI, NMI), multiplex layer
overlap.

Usage:  python3 Tests/Fixtures/reference_statistics.py   (versions: requirements.txt)

Writes Tests/Fixtures/reference/statistics.json.

Which library produced what:
  * QAP regression (Dekker, Krackhardt & Snijders 2007, doi:10.1007/s11336-007-9016-1): the
    coefficients, standard errors, t-values and R^2 are statsmodels OLS on the vectorised
    off-diagonal cells (ordered pairs; the upper triangle for symmetric matrices) with an
    intercept. The DSP permutation p-values are an independent numpy reimplementation
    (np.linalg.lstsq, np.linalg.inv) of the test, run on the *same permutation stream* as the
    Swift code: SplitMix64 (Steele, Lea & Flood 2014) from the seed, each permutation a fresh
    Fisher-Yates shuffle of 0..n-1 with Lemire's bounded integers, as
    Sources/NetworkAnalysis/Graph/Random.swift documents. So the p-values must agree exactly
    (they are counts over the same permutations). A small case is enumerated over all n!
    permutations (itertools).
  * partition agreement: scikit-learn adjusted_rand_score and normalized_mutual_info_score
    (average_method="arithmetic").
  * layer overlap: the Zoetermeer model read with PyYAML, each relation type's ties as a set
    of unordered pairs (self-ties left out), shared ties and Jaccard |A & B| / |A | B| counted
    with NetworkX graphs (nx.intersection / nx.compose edge counts).
"""
import json
import os
from itertools import permutations

import networkx as nx
import numpy as np
import sklearn
import statsmodels
import statsmodels.api as sm
import yaml
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "reference", "statistics.json")
ROOT = os.path.dirname(os.path.dirname(HERE))
MASK = (1 << 64) - 1


class SplitMix64:
    """ecomap's generator (Sources/NetworkAnalysis/Graph/Random.swift), bit for bit."""

    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def next_int(self, bound):
        product = self.next() * bound
        if (product & MASK) < bound:
            threshold = ((1 << 64) - bound) % bound
            while (product & MASK) < threshold:
                product = self.next() * bound
        return product >> 64

    def shuffle(self, a):
        i = len(a) - 1
        while i > 0:
            j = self.next_int(i + 1)
            a[i], a[j] = a[j], a[i]
            i -= 1


def cells_of(n, symmetric):
    return [(i, j) for i in range(n) for j in range(n) if i != j and (not symmetric or i < j)]


def vec(m, cells):
    return np.array([m[i][j] for i, j in cells], dtype=float)


def t_first(y, z):
    """t-value of the first column of z (which has the intercept among its columns)."""
    b, *_ = np.linalg.lstsq(z, y, rcond=None)
    resid = y - z @ b
    dof = len(y) - z.shape[1]
    s2 = float(resid @ resid) / dof
    cov = s2 * np.linalg.inv(z.T @ z)
    return float(b[0] / np.sqrt(cov[0, 0]))


def dsp(y, xs, symmetric, perms):
    """The DSP statistics (t of the permuted residual of each predictor) for each permutation."""
    n = len(y)
    cells = cells_of(n, symmetric)
    yv = vec(y, cells)
    xv = [vec(x, cells) for x in xs]
    ones = np.ones(len(cells))
    residuals = []
    for k in range(len(xs)):
        others = np.column_stack([ones] + [xv[j] for j in range(len(xs)) if j != k])
        b, *_ = np.linalg.lstsq(others, xv[k], rcond=None)
        e = xv[k] - others @ b
        m = np.zeros((n, n))
        for c, (i, j) in enumerate(cells):
            m[i, j] = e[c]
            if symmetric:
                m[j, i] = e[c]
        residuals.append((m, others))
    out = []
    for perm in perms:
        row = []
        for m, others in residuals:
            ep = np.array([m[perm[i], perm[j]] for i, j in cells])
            row.append(t_first(yv, np.column_stack([ep, others])))
        out.append(row)
    return out


def count(observed, values):
    ge = le = ge_abs = 0
    for x in values:
        tie = abs(x - observed) <= 1e-12 * max(1, abs(x), abs(observed))
        ge += x >= observed or tie
        le += x <= observed or tie
        tie_abs = abs(abs(x) - abs(observed)) <= 1e-12 * max(1, abs(x), abs(observed))
        ge_abs += abs(x) >= abs(observed) or tie_abs
    total = len(values)
    return ge / total, le / total, ge_abs / total


def qap_case(n, symmetric, seed, permutations_count, exact=False, rng_seed=0):
    rng = np.random.default_rng(rng_seed)
    groups = rng.integers(0, 3, n)
    x1 = (rng.random((n, n)) < 0.35).astype(float)           # a tie in another layer
    x2 = (groups[:, None] == groups[None, :]).astype(float)   # same group
    x3 = np.round(rng.random((n, n)) * 4, 0)                  # a weighted relation
    noise = rng.normal(0, 1, (n, n))
    y = 1.5 * x1 + 0.8 * x2 + 0.0 * x3 + noise
    y = np.round(y, 3)
    xs = [x1, x2, x3]
    for m in [y] + xs:
        np.fill_diagonal(m, 0)
        if symmetric:
            upper = np.triu(m, 1)
            m[:, :] = upper + upper.T
    cells = cells_of(n, symmetric)
    yv = vec(y, cells)
    design = sm.add_constant(np.column_stack([vec(x, cells) for x in xs]), has_constant="add")
    fit = sm.OLS(yv, design).fit()
    if exact:
        perms = [list(p) for p in permutations(range(n))]
    else:
        stream = SplitMix64(seed)
        perms = []
        for _ in range(permutations_count):
            order = list(range(n))
            stream.shuffle(order)
            perms.append(order)
    stats = dsp(y, xs, symmetric, perms)
    observed = dsp(y, xs, symmetric, [list(range(n))])[0]
    p = [count(observed[k], [row[k] for row in stats]) for k in range(len(xs))]
    return {
        "n": n, "symmetric": symmetric, "seed": seed, "permutations": len(perms), "exact": exact,
        "y": y.tolist(), "x": [x.tolist() for x in xs], "cells": len(cells),
        "intercept": float(fit.params[0]), "coefficients": [float(v) for v in fit.params[1:]],
        "standard_errors": [float(v) for v in fit.bse[1:]], "t_values": [float(v) for v in fit.tvalues[1:]],
        "r_squared": float(fit.rsquared), "adjusted_r_squared": float(fit.rsquared_adj),
        "p_greater_or_equal": [v[0] for v in p], "p_less_or_equal": [v[1] for v in p],
        "p_two_sided": [v[2] for v in p],
        "first_permutations": perms[:3],
    }


def qap_regression_cases():
    return {
        "directed": qap_case(12, False, seed=7, permutations_count=500, rng_seed=11),
        "symmetric": qap_case(14, True, seed=3, permutations_count=500, rng_seed=12),
        "exact": qap_case(6, True, seed=0, permutations_count=0, exact=True, rng_seed=13),
    }


def partition_cases():
    """Pairs of labelings (random, with structure, trivial) and scikit-learn's ARI and NMI."""
    rng = np.random.default_rng(31)
    cases = []
    base = rng.integers(0, 4, 40)
    noisy = base.copy()
    flip = rng.random(40) < 0.25
    noisy[flip] = rng.integers(0, 4, flip.sum())
    pairs = [
        (base, noisy),
        (base, rng.integers(0, 6, 40)),
        (base, (base + 1) % 4),                   # the same partition, other labels
        (np.zeros(10, int), np.zeros(10, int)),   # one community each
        (np.zeros(10, int), np.arange(10)),       # one community against singletons
        (np.arange(10), np.arange(10)),
        (rng.integers(0, 2, 7), rng.integers(0, 3, 7)),
    ]
    for a, b in pairs:
        cases.append({"a": [int(v) for v in a], "b": [int(v) for v in b],
                      "ari": float(adjusted_rand_score(a, b)),
                      "nmi": float(normalized_mutual_info_score(a, b, average_method="arithmetic"))})
    return cases


def layer_model():
    """A model with three relation types that share some ties (written next to this script as
    layers/model.json), and each pair's shared ties and Jaccard index by NetworkX."""
    rng = np.random.default_rng(41)
    n = 14
    actors = [{"id": f"a{i}", "name": f"Actor {i}", "type": "firm" if i % 2 else "university"} for i in range(n)]
    types = ["collaborates", "funds", "advises"]
    pairs = [(i, j) for i in range(n) for j in range(i + 1, n)]
    base = [pairs[k] for k in rng.choice(len(pairs), 30, replace=False)]
    layers = {
        "collaborates": set(base[:20]),
        "funds": set(base[10:25]),
        "advises": set(base[18:30]) | {base[0]},
    }
    relations = []
    for t in types:
        for i, j in sorted(layers[t]):
            a, b = (i, j) if rng.random() < 0.5 else (j, i)
            relations.append({"from": f"a{a}", "to": f"a{b}", "type": t, "weight": 1})
    model = {
        "name": "layers", "title": "Three overlapping layers",
        "actor_types": [{"id": "firm", "label": "Firm"}, {"id": "university", "label": "University"}],
        "relation_types": [{"id": "collaborates", "label": "collaborates", "directed": False},
                           {"id": "funds", "label": "funds", "directed": True},
                           {"id": "advises", "label": "advises", "directed": True}],
        "actors": actors, "relations": relations,
    }
    os.makedirs(os.path.join(HERE, "layers"), exist_ok=True)
    with open(os.path.join(HERE, "layers", "model.json"), "w", encoding="utf-8") as f:
        json.dump(model, f, indent=1)
        f.write("\n")
    graphs = {}
    for t in types:
        g = nx.Graph()
        g.add_nodes_from(a["id"] for a in actors)
        g.add_edges_from((r["from"], r["to"]) for r in relations if r["type"] == t and r["from"] != r["to"])
        graphs[t] = g
    out = []
    for x in range(len(types)):
        for y in range(x + 1, len(types)):
            a, b = graphs[types[x]], graphs[types[y]]
            shared = nx.intersection(a, b).number_of_edges()
            union = nx.compose(a, b).number_of_edges()
            out.append({"a": types[x], "b": types[y], "ties_a": a.number_of_edges(), "ties_b": b.number_of_edges(),
                        "shared": shared, "jaccard": shared / union if union else None})
    return out


def main():
    result = {
        "generator": "Tests/Fixtures/reference_statistics.py",
        "versions": {"networkx": nx.__version__, "numpy": np.__version__, "statsmodels": statsmodels.__version__,
                     "scikit-learn": sklearn.__version__, "PyYAML": yaml.__version__},
        "qap_regression": qap_regression_cases(),
        "partitions": partition_cases(),
        "layer_overlap": layer_model(),
    }
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(result, f, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
