"""Shared parts of the peer benchmarks (Benchmarks/peers/*_sweep.py): reading the graph, the
removal order, the largest-component curve and the JSON line. The job is described in
Benchmarks/RemovalSweep/main.swift; only the efficiency evaluation differs per library."""
import json
import sys


def read_edges(path):
    n, edges = 0, []
    with open(path) as f:
        for line in f:
            if line.startswith("#"):
                for field in line.split():
                    if field.startswith("n="):
                        n = int(field[2:])
                continue
            u, v = line.split()[:2]
            edges.append((int(u), int(v)))
    return n, edges


def degree_order(n, edges):
    """Nodes by decreasing degree, ties by index (the Swift targetedOrder)."""
    degree = [0] * n
    for u, v in edges:
        degree[u] += 1
        degree[v] += 1
    return sorted(range(n), key=lambda v: (-degree[v], v))


def lcc_curve(n, edges, order):
    """Largest-component share after removing the first k nodes, k = 0..n: nodes added back in
    reverse order with a union-find (Newman & Ziff 2000), the algorithm the Swift code uses."""
    adjacency = [[] for _ in range(n)]
    for u, v in edges:
        adjacency[u].append(v)
        adjacency[v].append(u)
    parent = list(range(n))
    size = [1] * n
    present = [False] * n
    largest = 0
    curve = [0.0] * (n + 1)

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for k in range(n - 1, -1, -1):
        v = order[k]
        present[v] = True
        largest = max(largest, 1)
        for w in adjacency[v]:
            if present[w]:
                a, b = find(v), find(w)
                if a != b:
                    if size[a] < size[b]:
                        a, b = b, a
                    parent[b] = a
                    size[a] += size[b]
                    largest = max(largest, size[a])
        curve[k] = largest / n
    return curve


def checkpoints(total, points):
    if total == 0:
        return [0]
    if points < 2 or points > total:
        return list(range(total + 1))
    result = []
    for i in range(points):
        k = i * total // (points - 1)
        if not result or result[-1] != k:
            result.append(k)
    return result


def report(tool, n, m, points, seconds, curve, efficiency):
    print(json.dumps({"tool": tool, "n": n, "m": m, "points": points, "seconds": round(seconds, 4),
                      "lcc_sum": round(sum(curve), 9), "efficiency": [None if e is None else round(e, 12) for e in efficiency]}))
    sys.stdout.flush()
