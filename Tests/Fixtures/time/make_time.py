"""Makes the time fixtures (issue 12) from dated.yaml, with its own reading of the date rules
of Datasets/SCHEMA.md ("Dates"), independent of ecomap's:

- snapshots/<date>.yaml: the model with only the actors and relations there at <date>
  (an actor when [first day of since, last day of until] overlaps the date's period; a
  relation when its own life does and both its actors are there);
- observed-2022.yaml: the 2022 network as if built separately: other actor ids (`b_<id>`),
  other relation ids (`e<k>`), ties listed in another order and direction, and one actor
  the 2017 network does not have (for `compare A B --match name`);
- reference.json: per date, NetworkX 3.6.1 indicators of the undirected simple graph of the
  snapshot (nodes, edges, density, components, largest component, global efficiency) and
  the ids present.

Run from the repository root: python3 Tests/Fixtures/time/make_time.py
(versions pinned in Tests/Fixtures/requirements.txt).
"""
import calendar
import datetime
import json
import os

import networkx as nx
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))


def period(text):
    """First and last day of a year, year-month or date."""
    parts = [int(p) for p in str(text).split("-")]
    y = parts[0]
    if len(parts) == 1:
        return datetime.date(y, 1, 1), datetime.date(y, 12, 31)
    m = parts[1]
    if len(parts) == 2:
        return datetime.date(y, m, 1), datetime.date(y, m, calendar.monthrange(y, m)[1])
    d = datetime.date(y, m, parts[2])
    return d, d


def life(item):
    first = period(item["since"])[0] if "since" in item else datetime.date.min
    last = period(item["until"])[1] if "until" in item else datetime.date.max
    return first, last


def there(item, first, last):
    a, b = life(item)
    return a <= last and b >= first


DATES = [str(y) for y in range(2004, 2024)] + ["2005-02", "2011-08", "2011-09", "2018-01-14", "2018-01-15", "2021-06", "2022-07"]


def enumerated_reversed(items):
    return [(k + 1, r) for k, r in enumerate(reversed(items))]


def main():
    with open(os.path.join(HERE, "dated.yaml"), encoding="utf-8") as f:
        text = f.read()
    model = yaml.safe_load(text)
    os.makedirs(os.path.join(HERE, "snapshots"), exist_ok=True)
    reference = {}
    for date in DATES:
        first, last = period(date)
        actors = [a for a in model["actors"] if there(a, first, last)]
        ids = {a["id"] for a in actors}
        relations = [r for r in model["relations"] if there(r, first, last) and r["from"] in ids and r["to"] in ids]
        kept = {"a:" + a["id"] for a in actors} | {"r:" + r["id"] for r in relations}
        # The filtered file keeps the text of dated.yaml line by line (so every field is as written).
        lines = []
        section = None
        for line in text.splitlines():
            if not line.startswith(" "):
                section = {"actors:": "a:", "relations:": "r:"}.get(line.strip())
            elif section and line.startswith("  - {id: "):
                ident = line[len("  - {id: "):].split(",")[0]
                if section + ident not in kept:
                    continue
            lines.append(line)
        with open(os.path.join(HERE, "snapshots", date + ".yaml"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        g = nx.Graph()
        g.add_nodes_from(a["id"] for a in actors)
        g.add_edges_from((r["from"], r["to"]) for r in relations)
        n = g.number_of_nodes()
        comps = list(nx.connected_components(g))
        reference[date] = {
            "actors": [a["id"] for a in actors],
            "relations": [r["id"] for r in relations],
            "nodes": n,
            "edges": g.number_of_edges(),
            "density": nx.density(g) if n > 1 else None,
            "components": len(comps),
            "largest_component": max((len(c) for c in comps), default=0),
            "global_efficiency": nx.global_efficiency(g) if n > 1 else None,
        }
    # A separately built 2022 model: same names, other ids, reversed order, one newcomer.
    first, last = period("2022")
    actors = [a for a in model["actors"] if there(a, first, last)]
    ids = {a["id"] for a in actors}
    relations = [r for r in model["relations"] if there(r, first, last) and r["from"] in ids and r["to"] in ids]
    out = ["# Made by make_time.py: the 2022 network of dated.yaml as if built separately (other ids).",
           "name: observed-2022", 'title: "Observed 2022"']
    out.append("actor_types:")
    out += ["  - " + json.dumps(t, ensure_ascii=False) for t in model["actor_types"]]
    out.append("relation_types:")
    out += ["  - " + json.dumps(t, ensure_ascii=False) for t in model["relation_types"]]
    out.append("actors:")
    for a in reversed(actors):
        out.append("  - " + json.dumps({"id": "b_" + a["id"], "name": a["name"].upper() if a["id"] == "uni" else a["name"], "type": a["type"]}, ensure_ascii=False))
    out.append("  - " + json.dumps({"id": "b_newcomer", "name": "Newcomer", "type": "industry"}))
    out.append("relations:")
    for k, r in enumerated_reversed(relations):
        ends = (r["to"], r["from"]) if r["type"] == "collaborates" else (r["from"], r["to"])
        out.append("  - " + json.dumps({"id": "e%d" % k, "from": "b_" + ends[0], "to": "b_" + ends[1], "type": r["type"]}))
    out.append("  - " + json.dumps({"id": "e99", "from": "b_newcomer", "to": "b_city", "type": "collaborates"}))
    with open(os.path.join(HERE, "observed-2022.yaml"), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    with open(os.path.join(HERE, "reference.json"), "w", encoding="utf-8") as f:
        json.dump({"networkx": nx.__version__, "dates": reference}, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
