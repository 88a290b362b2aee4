#!/usr/bin/env python3
"""The ecosystem benchmark of issue 15: whole ecomap commands on generated ecosystem models of
300, 1,000 and 3,000 actors, next to python-igraph and NetworkX doing the same analysis where a
peer can (Benchmarks/peers/ecosystem_peers.py), with growth exponents and the machine's load.

Usage (from the repository root; `make bench` runs it after the kernel benchmarks):

    python3 Benchmarks/ecosystem_bench.py --ecomap PATH/ecomap [--sizes 300,1000,3000]
        [--repeat 3] [--peer-sizes 300,1000] [--networkx-sizes 300] [--timeout 300] [--out DIR]

Models: Benchmarks/gen_explore_model.py --actors N --seed 104 (preferential attachment, two
ties per new actor, 6 actor types, weights 1–3, a tenth of the ties with confidence 0.5) and
its benchmark scenario (one new actor with three ties, one hub removed), written into DIR
(default .build/bench-graphs). Every command runs as a fresh process under /usr/bin/time -v:
the table shows the median wall time of `--repeat` runs, the CPU time (user + system) of the
same run, and the peak resident memory. The 1-minute load average (/proc/loadavg) is printed
before every row: other processes on the machine make wall times noisy, CPU times less so.
Growth exponents: log(t₂/t₁) / log(n₂/n₁), of the median wall times and of the CPU times.
A command that runs longer than --timeout seconds (default 300) is stopped and shown as
"> N" (its growth exponent as a lower bound, "> n^x", from the limit).
"""
import argparse
import json
import math
import os
import re
import signal
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

COMMANDS = [
    ("run", lambda b, m, s, o: [b, "run", m, "-o", os.path.join(o, "run")]),
    ("gaps", lambda b, m, s, o: [b, "gaps", m, "--format", "json"]),
    ("compare (1 scenario)", lambda b, m, s, o: [b, "compare", m, s, "--format", "json"]),
    ("report", lambda b, m, s, o: [b, "report", m, "-o", os.path.join(o, "report")]),
    ("analyze --samples 200", lambda b, m, s, o: [b, "analyze", m, "--samples", "200", "--seed", "1", "--format", "json"]),
    ("sweep --runs 10", lambda b, m, s, o: [b, "sweep", m, "--runs", "10", "--seed", "1", "-o", os.path.join(o, "sweep.csv")]),
]
PEER_JOB = {"gaps": "gaps", "analyze --samples 200": "samples", "sweep --runs 10": "sweep"}


def progress(row):
    """One finished row on stderr, so a long run shows where it is."""
    print("  " + " | ".join("" if x is None else ("%.2f" % x if isinstance(x, float) else str(x)) for x in row),
          file=sys.stderr, flush=True)


def load():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


class TimedOut(Exception):
    """The command ran longer than the per-command limit (and was stopped)."""


def timed(command, timeout=None):
    """Runs `command` under /usr/bin/time -v; returns (wall s, cpu s, peak KiB, stdout).
    Raises TimedOut after `timeout` seconds (the whole process group is killed)."""
    p = subprocess.Popen(["/usr/bin/time", "-v"] + command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True, start_new_session=True)
    try:
        stdout, stderr = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        p.communicate()
        raise TimedOut()
    if p.returncode != 0:
        sys.exit("failed (%d): %s\n%s" % (p.returncode, " ".join(command), stderr[-2000:]))
    fields = {}
    for line in stderr.splitlines():
        if ":" in line:
            k, _, v = line.strip().rpartition(": ")
            fields[k] = v
    wall = fields["Elapsed (wall clock) time (h:mm:ss or m:ss)"]
    parts = [float(x) for x in wall.split(":")]
    seconds = sum(x * 60 ** i for i, x in enumerate(reversed(parts)))
    cpu = float(fields["User time (seconds)"]) + float(fields["System time (seconds)"])
    return seconds, cpu, int(fields["Maximum resident set size (kbytes)"]), stdout


def median_run(command, repeat, timeout=None):
    runs = [timed(command, timeout) for _ in range(repeat)]
    runs.sort(key=lambda r: r[0])
    return runs[len(runs) // 2]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ecomap", required=True)
    ap.add_argument("--sizes", default="300,1000,3000")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--peer-sizes", default="300,1000")
    ap.add_argument("--networkx-sizes", default="300")
    ap.add_argument("--out", default=os.path.join(".build", "bench-graphs"))
    ap.add_argument("--timeout", type=float, default=300,
                    help="seconds per command; a longer one is stopped and reported as '> N s'")
    a = ap.parse_args()
    sizes = [int(x) for x in a.sizes.split(",")]
    peer_sizes = {int(x) for x in a.peer_sizes.split(",") if x}
    nx_sizes = {int(x) for x in a.networkx_sizes.split(",") if x}
    os.makedirs(a.out, exist_ok=True)
    models = {}
    for n in sizes:
        m = os.path.join(a.out, "eco_%d.yaml" % n)
        s = os.path.join(a.out, "eco_%d_scenario.yaml" % n)
        subprocess.run([sys.executable, os.path.join(HERE, "gen_explore_model.py"), "--out", m, "--actors", str(n),
                        "--seed", "104", "--scenario", s], check=True, capture_output=True)
        models[n] = (m, s)
    out = os.path.join(a.out, "ecosystem-out")
    rows, wall, cputime = [], {}, {}
    for name, make in COMMANDS:
        for n in sizes:
            m, s = models[n]
            before = load()
            repeat = a.repeat if n <= 1000 else 1
            try:
                seconds, cpu, peak, stdout = median_run(make(a.ecomap, m, s, out), repeat, a.timeout)
            except TimedOut:
                rows.append((name, n, "ecomap", None, None, None, before, "stopped after %g s" % a.timeout))
                progress(rows[-1])
                continue
            wall[(name, n)] = seconds
            cputime[(name, n)] = cpu
            rows.append((name, n, "ecomap", seconds, cpu, peak, before, ""))
            progress(rows[-1])
            job = PEER_JOB.get(name)
            for tool, allowed in (("igraph", peer_sizes), ("networkx", nx_sizes)):
                if job is None or n not in allowed or (tool == "networkx" and job == "sweep"):
                    continue
                before = load()
                try:
                    ps, pcpu, ppeak, pout = timed(
                        [sys.executable, os.path.join(HERE, "peers", "ecosystem_peers.py"), tool, job, m], a.timeout)
                except TimedOut:
                    rows.append((name, n, tool, None, None, None, before, "stopped after %g s" % a.timeout))
                    progress(rows[-1])
                    continue
                result = json.loads(pout.strip().splitlines()[-1])
                note = ""
                if job == "gaps":
                    ours = max(-r["global_efficiency_change"] for r in json.loads(stdout)["removal"])
                    assert abs(ours - result["check"]) < 1e-9, (tool, ours, result["check"])
                    note = "largest efficiency drop agrees (1e-9)"
                rows.append((name, n, result["tool"], ps, pcpu, ppeak, before, note))
                progress(rows[-1])
    print("| command | actors | tool | wall s (median) | CPU s | peak MiB | load before | note |")
    print("|---|---:|---|---:|---:|---:|---:|---|")
    for name, n, tool, seconds, cpu, peak, before, note in rows:
        if seconds is None:
            over = "> %g" % a.timeout
            print("| %s | %d | %s | %s | %s | — | %.1f | %s |" % (name, n, tool, over, "—", before, note))
        else:
            print("| %s | %d | %s | %.2f | %.2f | %.0f | %.1f | %s |" % (name, n, tool, seconds, cpu, peak / 1024, before, note))
    if len(sizes) >= 2:
        for title, times in (("wall", wall), ("CPU", cputime)):
            print("\n| command (%s time) | " % title + " | ".join("growth %d→%d" % (sizes[i], sizes[i + 1]) for i in range(len(sizes) - 1)) + " |")
            print("|---|" + "---:|" * (len(sizes) - 1))
            for name, _ in COMMANDS:
                exps = []
                for i in range(len(sizes) - 1):
                    t1, t2 = times.get((name, sizes[i])), times.get((name, sizes[i + 1]))
                    if t1 is not None and t2 is None:
                        if title == "CPU":
                            exps.append("stopped")
                            continue
                        # Stopped at the larger size: the wall-time exponent is at least this.
                        t2 = a.timeout
                        exps.append("> n^%.2f" % (math.log(t2 / t1) / math.log(sizes[i + 1] / sizes[i])) if t1 > 0 else "—")
                        continue
                    exps.append("n^%.2f" % (math.log(t2 / t1) / math.log(sizes[i + 1] / sizes[i]))
                                if t1 is not None and t2 is not None and t1 > 0 and t2 > 0 else "—")
                print("| %s | %s |" % (name, " | ".join(exps)))
    print("\nLoad average (1 min) at the end: %.1f on %d cores." % (load(), os.cpu_count() or 0))


if __name__ == "__main__":
    main()
