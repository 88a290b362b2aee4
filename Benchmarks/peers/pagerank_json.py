#!/usr/bin/env python3
"""File to answer with python-igraph: `ecomap analyze EDGES.csv --measures pagerank --format json`
done in one fresh process (read the CSV edge list, build the graph, PageRank, write the JSON
with the same layout: {"graph": {}, "nodes": {id: {"pagerank": value}}}, keys sorted).

Usage: python3 pagerank_json.py EDGES.csv OUT.json
"""
import csv
import json
import sys
import time

import igraph as ig

start = time.perf_counter()
with open(sys.argv[1], newline="") as f:
    rows = list(csv.reader(f))
names = {}
edges = []
for row in rows[1:]:
    u, v = row[0].strip(), row[1].strip()
    edges.append((names.setdefault(u, len(names)), names.setdefault(v, len(names))))
g = ig.Graph(n=len(names), edges=edges)
rank = g.pagerank()
ids = list(names)
with open(sys.argv[2], "w") as out:
    json.dump({"graph": {}, "nodes": {ids[i]: {"pagerank": rank[i]} for i in range(len(ids))}}, out, indent=2, sort_keys=True)
    out.write("\n")
print(json.dumps({"tool": "python-igraph " + ig.__version__, "seconds": round(time.perf_counter() - start, 3)}))
