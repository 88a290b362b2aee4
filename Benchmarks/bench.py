#!/usr/bin/env python3
"""Runs the removal-sweep benchmark: ecomap (release build) against python-igraph and NetworkX
doing the same job on the same graphs, checks that their curves agree, and prints a Markdown
table. Usage (from the repository root; `make bench` does this):

    python3 Benchmarks/bench.py --ecomap-bench PATH/ecomap-bench [--graphs DIR] [--points 11]
                                [--only-betweenness]

Then the exact-betweenness tables (ba_1k, ba_10k, the 40%-leaves pa_leaves_10k; ecomap against
python-igraph, NetworkX and the tight C Brandes of Benchmarks/peers/brandes.c, compiled here
with `cc -O2`) and closeness on ba_10k against NetworKit (if installed) and python-igraph, each
row with the 1-minute load average before it ran.

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
    ap.add_argument("--only-betweenness", action="store_true",
                    help="skip the removal sweep: betweenness and closeness tables only")
    a = ap.parse_args()
    subprocess.run([sys.executable, os.path.join(HERE, "gen_graphs.py"), "--out", a.graphs], check=True)
    peers = os.path.join(HERE, "peers")
    if a.only_betweenness:
        betweenness_tables(a, peers)
        return
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

    betweenness_tables(a, peers)


def load():
    return "%.1f" % os.getloadavg()[0]


def compile_brandes(out_dir):
    """The tight C Brandes of Benchmarks/peers/brandes.c, built with the system C compiler."""
    exe = os.path.join(out_dir, "brandes")
    subprocess.run(["cc", "-O2", "-o", exe, os.path.join(HERE, "peers", "brandes.c")], check=True)
    return exe


def betweenness_tables(a, peers):
    """Exact unweighted betweenness (DESIGN.md's reference job) on ba_1k, ba_10k and the
    ecosystem-shaped pa_leaves_10k (40% leaves): ecomap (folded and shattered; 2 threads and 1;
    the plain Brandes path on 1 thread), python-igraph, the tight C Brandes, NetworkX on the
    small graph only (on ba_10k it takes well over ten minutes). Then closeness on ba_10k
    against NetworKit on 2 threads and python-igraph. Every row records the 1-minute load
    average just before it ran."""
    brandes = compile_brandes(a.graphs)
    print("\n| graph | actors | ties | tool | betweenness seconds | × ecomap | load |")
    print("|---|---:|---:|---|---:|---:|---:|")
    bench = [a.ecomap_bench]
    for name, repeat in (("ba_1k", 5), ("ba_10k", 1), ("pa_leaves_10k", 1)):
        path = os.path.join(a.graphs, name + ".txt")
        jobs = [
            ("ecomap (2 threads)", bench + [path, "--job", "betweenness", "--repeat", str(repeat), "--threads", "2"]),
            ("ecomap (1 thread)", bench + [path, "--job", "betweenness", "--repeat", str(repeat), "--threads", "1"]),
            ("ecomap plain Brandes (1 thread)",
             bench + [path, "--job", "betweenness-plain", "--repeat", str(repeat), "--threads", "1"]),
            (None, [brandes, path, "--repeat", str(repeat)]),
            (None, [sys.executable, os.path.join(peers, "betweenness.py"), "igraph", path, "--repeat", str(repeat)]),
        ]
        if name == "ba_1k":
            jobs.append((None, [sys.executable, os.path.join(peers, "betweenness.py"), "networkx", path]))
        results = []
        for tool, command in jobs:
            before = load()
            r = run(command)
            if tool:
                r["tool"] = tool
            r["load"] = before
            results.append(r)
        reference = results[0]
        for r in results[1:]:
            # igraph, NetworkX and the C code count each unordered pair once, as we do.
            assert abs(r["sum"] - reference["sum"]) <= 1e-6 * max(1.0, reference["sum"]), (r["tool"], r["sum"], reference["sum"])
        for r in results:
            print("| %s | %d | %d | %s | %.3f | %.2f | %s |" % (name, r["n"], r["m"], r["tool"], r["seconds"],
                                                              r["seconds"] / reference["seconds"], r["load"]))
    print("\nBetweenness values agree (sum of all values within 1e-6, relative).")

    print("\n| graph | tool | closeness seconds | × ecomap | load |")
    print("|---|---|---:|---:|---:|")
    path = os.path.join(a.graphs, "ba_10k.txt")
    jobs = [
        ("ecomap (2 threads)", bench + [path, "--job", "closeness", "--repeat", "3", "--threads", "2"]),
        ("ecomap (1 thread)", bench + [path, "--job", "closeness", "--repeat", "3", "--threads", "1"]),
        (None, [sys.executable, os.path.join(peers, "closeness.py"), "networkit", path, "--repeat", "3", "--threads", "2"]),
        (None, [sys.executable, os.path.join(peers, "closeness.py"), "networkit", path, "--repeat", "3", "--threads", "1"]),
        (None, [sys.executable, os.path.join(peers, "closeness.py"), "igraph", path]),
    ]
    results = []
    for tool, command in jobs:
        before = load()
        try:
            r = run(command)
        except subprocess.CalledProcessError as error:  # NetworKit not installed
            print("(skipped: %s)" % " ".join(command[1:3]), file=sys.stderr)
            continue
        if tool:
            r["tool"] = tool
        r["load"] = before
        results.append(r)
    reference = results[0]
    for r in results[1:]:
        assert abs(r["sum"] - reference["sum"]) <= 1e-9 * reference["sum"], (r["tool"], r["sum"], reference["sum"])
    for r in results:
        print("| ba_10k | %s | %.3f | %.2f | %s |" % (r["tool"], r["seconds"], r["seconds"] / reference["seconds"], r["load"]))
    print("\nCloseness values agree (sum within 1e-9, relative).")


if __name__ == "__main__":
    main()
