"""Load benchmark of `kg serve` (not a test): concurrent clients run bundled queries on loopback.

Starts `kg serve` on a free 127.0.0.1 port over dist/kg.nq (run `kg build` first),
then N clients (default 8) send the bundled queries of queries/ round-robin for a
fixed time (default 20 s), over SPARQL 1.1 Protocol GET and POST alternately.
Prints requests/s, p50/p99 latency and the error count; exits 1 if any request
failed. Queries that take parameters are skipped (they need bindings).

    .venv/bin/python benchmarks/serve_load.py [--clients 8] [--seconds 20] [--workers 2]
"""

from __future__ import annotations

import argparse
import itertools
import socket
import statistics
import subprocess
import sys
import threading
import time

import httpx

from kg.sparql.catalogue import load_catalogue
from kg.sparql.store import BUILT_NQUADS


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    queries = [q.text for q in load_catalogue().values() if not q.params]
    if not BUILT_NQUADS.exists() or not queries:
        print("no dist/kg.nq or no bundled query: run `kg build` first", file=sys.stderr)
        return 2
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-c", "from kg.cli import main; main()", "serve"]
        + ["--port", str(port), "--workers", str(args.workers)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/sparql"
    try:
        _wait_until_up(url, server)
        latencies, errors, elapsed = _load(url, queries, args.clients, args.seconds)
    finally:
        server.terminate()
        server.wait(10)
    _report(latencies, errors, elapsed, args, len(queries))
    return 1 if errors else 0


def _load(url: str, queries: list[str], clients: int, seconds: float):
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client(index: int) -> None:
        mine, failed = [], []
        with httpx.Client(timeout=30) as http:
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


def _report(latencies, errors, elapsed, args, n_queries) -> None:
    cut = statistics.quantiles(latencies, n=100)
    print(f"clients          {args.clients}")
    print(f"duration         {elapsed:.1f} s")
    print(f"query workers    {args.workers}")
    print(f"bundled queries  {n_queries}")
    print(f"requests         {len(latencies)}")
    print(f"requests/s       {len(latencies) / elapsed:.1f}")
    print(f"latency p50      {cut[49] * 1000:.1f} ms")
    print(f"latency p99      {cut[98] * 1000:.1f} ms")
    print(f"errors           {len(errors)}")
    for error in sorted(set(errors))[:5]:
        print(f"  {error}")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url: str, server: subprocess.Popen) -> None:
    for _ in range(300):  # at most 30 s
        if server.poll() is not None:
            raise SystemExit(f"kg serve exited with {server.returncode}")
        try:
            httpx.get(url, timeout=2)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise SystemExit("kg serve did not answer within 30 s")


if __name__ == "__main__":
    sys.exit(main())
