#!/usr/bin/env python3
"""Writes actors.csv and relations.csv beside this script: a 60-actor ecosystem with 15 actor
types that no types sheet declares (the loader declares them), for checking that `ecomap` and
`ecomap gaps` stay readable on a model with many types (issue 11).

Deterministic: Python's random.Random(11) with no other input; standard library only, so
`python3 make_manytypes.py` reproduces the committed files byte for byte.

Shape: 15 types of 4 actors each (60 actors) in 4 places. Inside a type, actors form a chain
(3 ties); each type is tied to the next type in a ring through its first actor, and a few
random ties across types are added (seeded), so the network is connected but most pairs of
types have no direct tie. One actor per type is tied only through its chain end, so cut
points exist.
"""
import csv
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = ["university", "applied_sciences", "startup", "scaleup", "corporate", "sme", "bank",
         "investor", "municipality", "province", "ministry", "incubator", "accelerator",
         "residents_association", "foundation"]
PLACES = ["Leiden", "Delft", "Den Haag", "Zoetermeer"]
RELATION_TYPES = ["collaborates", "funds", "supports", "advises"]


def main():
    rng = random.Random(11)
    actors = []
    for t, type_id in enumerate(TYPES):
        for k in range(4):
            actors.append({"id": f"{type_id}_{k + 1}",
                           "name": f"{type_id.replace('_', ' ').title()} {k + 1}",
                           "type": type_id, "place": PLACES[(t + k) % len(PLACES)]})
    relations = []

    def tie(a, b, kind, weight):
        relations.append({"from": a, "to": b, "type": kind, "weight": weight})

    for t, type_id in enumerate(TYPES):
        members = [f"{type_id}_{k + 1}" for k in range(4)]
        for a, b in zip(members, members[1:]):
            tie(a, b, "collaborates", rng.choice([1, 2, 3]))
        nxt = TYPES[(t + 1) % len(TYPES)]
        tie(members[0], f"{nxt}_1", rng.choice(RELATION_TYPES), rng.choice([1, 2]))
    ids = [a["id"] for a in actors]
    seen = {(r["from"], r["to"]) for r in relations}
    while len(relations) < 90:
        a, b = rng.sample(ids[:], 2)
        if a.rsplit("_", 1)[0] == b.rsplit("_", 1)[0] or (a, b) in seen or (b, a) in seen:
            continue
        if a.endswith("_4") or b.endswith("_4"):
            continue  # chain ends stay leaves: single points of failure exist
        seen.add((a, b))
        tie(a, b, rng.choice(RELATION_TYPES), rng.choice([1, 2, 3]))
    with open(os.path.join(HERE, "actors.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=["id", "name", "type", "place"], lineterminator="\n")
        w.writeheader(); w.writerows(actors)
    with open(os.path.join(HERE, "relations.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=["from", "to", "type", "weight"], lineterminator="\n")
        w.writeheader(); w.writerows(relations)


if __name__ == "__main__":
    main()
