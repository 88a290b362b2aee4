#!/usr/bin/env python3
"""A deterministic dated 1,000-actor model for measuring `ecomap evolve` (standard library only).

Usage:  python3 Benchmarks/gen_dated_model.py --out FILE [--actors 1000] [--m 2] [--seed 112]

The ties are the Barabasi-Albert preferential attachment of Benchmarks/gen_graphs.py (m = 2:
about 2,000 ties). The ecosystem grows as the generator does: actor i is founded in year
2001 + 20 i / n (the first 20 actors are undated, there from the start); one actor in ten
closes 3-10 years later; a tie begins when its younger actor is founded (plus 0-1 years) and
one in seven ends 1-6 years later, always within both actors' lives (a tie to an actor
that closed before the other was founded is left out) (Datasets/SCHEMA.md,
"Dates"). So `ecomap evolve FILE --from 2001 --to 2020` has 20 periods over one growing,
changing network. Types and places from the same random.Random(seed).
"""
import argparse
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_graphs import barabasi_albert  # noqa: E402

TYPES = [("government", "Government", "#0072B2", "box", "government"),
         ("industry", "Industry", "#E69F00", "ellipse", "industry"),
         ("knowledge", "Knowledge", "#009E73", "diamond", "knowledge"),
         ("civil_society", "Civil society", "#CC79A7", "octagon", "civil_society"),
         ("intermediary", "Intermediary", "#D55E00", "hexagon", "intermediary")]
PLACES = ["Zoetermeer", "Delft", "Rotterdam", "Den Haag", "Leiden"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--actors", type=int, default=1000)
    ap.add_argument("--m", type=int, default=2)
    ap.add_argument("--seed", type=int, default=112)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    n = a.actors
    edges = barabasi_albert(n, a.m, random.Random(a.seed))
    since, until = [], []
    for i in range(n):
        s = None if i < 20 else 2001 + (20 * i) // n
        since.append(s)
        u = None
        if s is not None and rng.random() < 0.1:
            u = min(2020, s + 3 + rng.randrange(8))
        until.append(u)
    lines = ["# Made by Benchmarks/gen_dated_model.py --actors %d --m %d --seed %d" % (n, a.m, a.seed),
             "name: dated_1k", 'title: "Dated benchmark ecosystem (%d actors)"' % n, "observed: 2020-12",
             "actor_types:"]
    lines += ['  - {id: %s, label: %s, color: "%s", shape: %s, helix: %s}' % t for t in TYPES]
    lines += ["relation_types:", '  - {id: collaborates, label: collaborates, color: "#000000", style: dashed, directed: false}', "actors:"]
    for i in range(n):
        t = TYPES[rng.randrange(len(TYPES))][0]
        p = PLACES[rng.randrange(len(PLACES))]
        dates = "".join([", since: %d" % since[i] if since[i] else "", ", until: %d" % until[i] if until[i] else ""])
        lines.append("  - {id: a%d, name: Actor %d, type: %s, place: %s%s}" % (i, i, t, p, dates))
    lines.append("relations:")
    for k, (u, v) in enumerate(edges):
        first = max(since[u] or 2001, since[v] or 2001)
        ends = [x for x in (until[u], until[v]) if x]
        last = min(ends) if ends else 2020
        if last < first:
            continue  # the older actor closed before the younger was founded: no tie
        s = min(last, first + rng.randrange(2))
        e = None
        if rng.random() < 1 / 7:
            e = min(last, s + 1 + rng.randrange(6))
        elif ends:
            e = last
        dates = (", since: %d" % s if s > 2001 or since[u] or since[v] else "") + (", until: %d" % e if e else "")
        lines.append("  - {id: r%d, from: a%d, to: a%d, type: collaborates%s}" % (k + 1, u, v, dates))
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
