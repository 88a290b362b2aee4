#!/usr/bin/env python3
"""Runs the removal-sweep benchmark: ecomap (release build) against python-igraph and NetworkX
doing the same job on the same graphs, checks that their curves agree, and prints a Markdown
table. Usage (from the repository root; `make bench` does this):

    python3 Benchmarks/bench.py --ecomap-bench PATH/ecomap-bench [--graphs DIR] [--points 11]

The graphs are generated (deterministically) into DIR (default .build/bench-graphs) by
Benchmarks/gen_graphs.py; they are not committed. The job is described in
Benchmarks/RemovalSweep/main.swift. NetworkX on the 10,000-node graph is estimated from 100
sources per evaluation point (a full run takes about a quarter of an hour).
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def run(command):
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ecomap-bench", required=True)
    ap.add_argument("--graphs", default=os.path.join(".build", "bench-graphs"))
    ap.add_argument("--points", type=int, default=11)
    a = ap.parse_args()
    subprocess.run([sys.executable, os.path.join(HERE, "gen_graphs.py"), "--out", a.graphs], check=True)
    peers = os.path.join(HERE, "peers")
    rows = []
    for name, repeat in (("ba_1k", 5), ("ba_10k", 1)):
        path = os.path.join(a.graphs, name + ".txt")
        points = ["--points", str(a.points)]
        results = [
            run([a.ecomap_bench, path, "--repeat", str(repeat)] + points),
            run([a.ecomap_bench, path, "--repeat", str(repeat), "--threads", "1"] + points),
            run([sys.executable, os.path.join(peers, "igraph_sweep.py"), path, "--repeat", str(repeat)] + points),
            run([sys.executable, os.path.join(peers, "networkx_sweep.py"), path, "--repeat", str(min(repeat, 2))]
                + points + (["--sample-sources", "100"] if name == "ba_10k" else [])),
        ]
        results[1]["tool"] = "ecomap (1 thread)"
        reference = results[0]
        for r in results[1:]:
            assert abs(r["lcc_sum"] - reference["lcc_sum"]) < 1e-6, (r["tool"], r["lcc_sum"], reference["lcc_sum"])
            for x, y in zip(r["efficiency"], reference["efficiency"]):
                assert x is None or abs(x - y) < 1e-9, (r["tool"], x, y)
        for r in results:
            rows.append((name, r["n"], r["m"], r["tool"], r["seconds"], r["seconds"] / reference["seconds"]))
    print("| graph | actors | ties | tool | seconds | × ecomap |")
    print("|---|---:|---:|---|---:|---:|")
    for name, n, m, tool, seconds, ratio in rows:
        print("| %s | %d | %d | %s | %.3f | %.1f |" % (name, n, m, tool, seconds, ratio))
    print("\nCurves agree: largest-component shares identical, efficiencies within 1e-9.")

    # Exact unweighted betweenness (DESIGN.md's reference job). NetworkX only on the small graph:
    # on ba_10k it takes well over ten minutes.
    print("\n| graph | actors | ties | tool | betweenness seconds | × ecomap |")
    print("|---|---:|---:|---|---:|---:|")
    for name, repeat in (("ba_1k", 5), ("ba_10k", 1)):
        path = os.path.join(a.graphs, name + ".txt")
        results = [
            run([a.ecomap_bench, path, "--job", "betweenness", "--repeat", str(repeat)]),
            run([a.ecomap_bench, path, "--job", "betweenness", "--repeat", str(repeat), "--threads", "1"]),
            run([sys.executable, os.path.join(peers, "betweenness.py"), "igraph", path, "--repeat", str(repeat)]),
        ]
        if name == "ba_1k":
            results.append(run([sys.executable, os.path.join(peers, "betweenness.py"), "networkx", path]))
        results[1]["tool"] = "ecomap (1 thread)"
        reference = results[0]
        for r in results[1:]:
            # igraph and NetworkX count each unordered pair once, as we do (raw undirected values).
            assert abs(r["sum"] - reference["sum"]) <= 1e-6 * max(1.0, reference["sum"]), (r["tool"], r["sum"], reference["sum"])
        for r in results:
            print("| %s | %d | %d | %s | %.3f | %.1f |" % (name, r["n"], r["m"], r["tool"], r["seconds"], r["seconds"] / reference["seconds"]))
    print("\nBetweenness values agree (sum of all values within 1e-6, relative).")


if __name__ == "__main__":
    main()
