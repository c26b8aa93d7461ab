"""Load benchmark of `kg serve` (not a test): concurrent clients run bundled queries on loopback.

Starts `kg serve` on a free 127.0.0.1 port over dist/kg.nq (run `kg build` first),
then N clients (default 8) send the bundled queries of queries/ round-robin for a
fixed time (default 20 s), over SPARQL 1.1 Protocol GET and POST alternately,
asking for SPARQL JSON. Then the same with `kg serve --cache 0` (no answer kept: every
query runs in a worker), then against a plain `oxigraph serve` (the `oxigraph` CLI
from PyPI, a dev dependency) holding the same graph in memory (POSTed to its
/store), union default graph. Prints requests/s, p50/p99 latency, the processor time
of the server (its workers included) per request and errors side by side, and both
ratios of throughputs (goal: kg serve, as users run it, ≥ 0.8× raw Oxigraph); exits 1
if any request failed. Queries are bound as the query page binds them.

    .venv/bin/python benchmarks/serve_load.py [--clients 8] [--seconds 20] [--workers N]
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

from kg.serve.examples import example
from kg.sparql.catalogue import load_catalogue
from kg.sparql.store import BUILT_NQUADS

JSON = "application/sparql-results+json"
GOAL_RATIO = 0.8  # kg serve's throughput against raw Oxigraph's


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--workers", type=int, help="kg serve --workers (default: its own)")
    args = parser.parse_args()
    # every bundled query as the query page runs it: parameters bound to their default or
    # sample (kg.serve.examples), optional ones (agency) left unbound: every agency
    queries = [example(q)["text"] for q in load_catalogue().values()]
    if not BUILT_NQUADS.exists() or not queries:
        print("no dist/kg.nq or no bundled query: run `kg build` first", file=sys.stderr)
        return 2
    command = [sys.executable, "-c", "from kg.cli import main; main()", "serve"]
    command += ["--workers", str(args.workers)] if args.workers else []
    # each client is its own address (X-Forwarded-For from 127.0.0.1, a trusted proxy), as
    # clients on the network are: one address would be one client, held to 2 queries at once
    command += ["--trusted-proxy", "127.0.0.1"]
    port = _free_port()
    url = f"http://127.0.0.1:{port}/sparql"
    ours = _measure(command + ["--port", str(port)], url, queries, args)
    port = _free_port()
    url = f"http://127.0.0.1:{port}/sparql"
    uncached = _measure(command + ["--cache", "0", "--port", str(port)], url, queries, args)
    oxigraph = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    port = _free_port()
    serve = [oxigraph, "serve", "--union-default-graph", "--bind", f"127.0.0.1:{port}"]
    raw = _measure(serve, f"http://127.0.0.1:{port}/query", queries, args, load=True)
    _report({"kg serve": ours, "--cache 0": uncached, "oxigraph": raw}, args, len(queries))
    return 1 if ours[1] or uncached[1] or raw[1] else 0


def _measure(command: list[str], url: str, queries: list[str], args, load: bool = False):
    """Start the server, (load the graph into its memory over HTTP), run the clients."""
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_until_up(url, server)
        if load:  # Oxigraph's in-memory store, as kg serve's: the graph POSTed to /store
            store = url.rsplit("/", 1)[0] + "/store"
            headers = {"Content-Type": "application/n-quads"}
            httpx.post(store, content=BUILT_NQUADS.read_bytes(), headers=headers, timeout=600)
        processes = [server.pid, *_children(server.pid)]
        _settle(processes)  # kg serve's workers load the graph after it answers: not counted
        before = sum(_cpu(pid) for pid in processes)
        latencies, errors, elapsed = _load(url, queries, args.clients, args.seconds)
        used = sum(_cpu(pid) for pid in processes) - before
        return latencies, errors, elapsed, used
    finally:
        server.terminate()
        server.wait(30)


def _load(url: str, queries: list[str], clients: int, seconds: float):
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client(index: int) -> None:
        mine, failed = [], []
        # SPARQL JSON for SELECT/ASK, Turtle for CONSTRUCT/DESCRIBE (describe): as a client asks
        headers = {"Accept": f"{JSON}, text/turtle;q=0.9", "X-Forwarded-For": f"10.2.0.{index}"}
        with httpx.Client(timeout=30, headers=headers) as http:
            for n in itertools.count(index):
                if time.monotonic() >= deadline:
                    break
                query = queries[n % len(queries)]
                began = time.perf_counter()
                try:
                    if n % 2:
                        response = http.post(url, data={"query": query})
                    else:
                        response = http.get(url, params={"query": query})
                    ok = response.status_code == 200 and response.content
                    if not ok:
                        failed.append(f"{response.status_code} {response.text[:80]}")
                except httpx.HTTPError as e:
                    failed.append(f"{type(e).__name__}: {e}")
                mine.append(time.perf_counter() - began)
        with lock:
            latencies.extend(mine)
            errors.extend(failed)

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 60)
    return latencies, errors, time.monotonic() - started


def _report(runs: dict, args, n_queries) -> None:
    print(f"clients          {args.clients}, {args.seconds:g} s each, loopback")
    print(f"bundled queries  {n_queries} (GET and POST alternately, SPARQL JSON)")
    print(f"{'':16}" + "".join(f" {name:>12}" for name in runs))
    rows = [_figures(*run) for run in runs.values()]
    names = ("requests", "requests/s", "latency p50", "latency p99", "CPU/request", "errors")
    for index, name in enumerate(names):
        print(f"{name:16}" + "".join(f" {row[index]:>12}" for row in rows))
    raw = runs["oxigraph"]
    for name, label in (("kg serve", "kg serve"), ("--cache 0", "--cache 0")):
        run = runs[name]
        ratio = (len(run[0]) / run[2]) / (len(raw[0]) / raw[2])
        verdict = "✓" if ratio >= GOAL_RATIO else "✗"
        print(f"{label:9} ratio {ratio:.2f}× raw Oxigraph (goal ≥ {GOAL_RATIO}) {verdict}")
    for error in sorted({e for run in runs.values() for e in run[1]})[:5]:
        print(f"  {error}")


def _figures(latencies, errors, elapsed, used) -> list[str]:
    cut = statistics.quantiles(latencies, n=100)
    return [
        str(len(latencies)),
        f"{len(latencies) / elapsed:.1f}",
        f"{cut[49] * 1000:.1f} ms",
        f"{cut[98] * 1000:.1f} ms",
        f"{used / len(latencies) * 1000:.2f} ms" if used >= 0 else "-",
        str(len(errors)),
    ]


def _settle(processes: list[int]) -> None:
    """Wait (10 s at most) until ``processes`` use no processor for half a second."""
    for _ in range(20):
        before = sum(_cpu(pid) for pid in processes)
        time.sleep(0.5)
        if sum(_cpu(pid) for pid in processes) - before < 0.02:
            return


def _children(pid: int) -> list[int]:
    """The processes ``pid`` started (the query workers), where Linux says."""
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _cpu(pid: int) -> float:
    """Seconds of processor (user and system) ``pid`` has used; -1e9 where unknown."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return -1e9
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url: str, server: subprocess.Popen) -> None:
    for _ in range(300):  # at most 30 s
        if server.poll() is not None:
            raise SystemExit(f"the server exited with {server.returncode}")
        try:
            httpx.get(url, timeout=2)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise SystemExit("the server did not answer within 30 s")


if __name__ == "__main__":
    sys.exit(main())
