"""Abuse benchmark of `kg serve` (not a test): slow-query clients beside normal ones, on loopback.

Starts `kg serve` over dist/kg.nq (run `kg build` first) with its default limits
(workers: one per core) and 127.0.0.1 as a trusted proxy, so each simulated client
is its own address in X-Forwarded-For. For a fixed time (default 60 s):

- N abusive clients (default 4) each send, one after another, a query that runs
  until the time limit (a count over a three-way cross product; each text is new,
  so the server cannot recognise it); refused (429/503), they retry after 0.5 s;
- M normal clients (default 4) send the bundled queries of queries/ (those without
  parameters) round-robin, one after another, as fast as they are answered.

Prints the normal clients' p50/p99 latency and errors (anything but 200), what the
abusive clients got (200/429/503 counts), and the peak RSS of the server and its
workers (the sum, sampled every 0.2 s). Exits 1 if a normal request failed.

    .venv/bin/python benchmarks/serve_abuse.py [--abusive 4] [--normal 4] [--seconds 60]
"""

from __future__ import annotations

import argparse
import collections
import itertools
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

ABUSIVE = (
    "SELECT (COUNT(*) AS ?n) WHERE {{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER(?a != <urn:x:{}>) }}"
)
GOAL_P99 = 0.200  # seconds, the normal clients' p99 with 4 abusive clients on 2 cores


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--abusive", type=int, default=4)
    parser.add_argument("--normal", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--timeout", type=float, default=10.0, help="kg serve --timeout")
    args = parser.parse_args()
    # every bundled query as the query page runs it: parameters bound to their default or
    # sample (kg.serve.examples), optional ones (agency) left unbound: every agency
    queries = [example(q)["text"] for q in load_catalogue().values()]
    if not BUILT_NQUADS.exists() or not queries:
        print("no dist/kg.nq or no bundled query: run `kg build` first", file=sys.stderr)
        return 2
    from serve_load import _free_port, _wait_until_up

    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-c", "from kg.cli import main; main()", "serve", "--port", str(port)]
        + ["--trusted-proxy", "127.0.0.1", "--timeout", str(args.timeout)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/sparql"
    memory = RssSampler(server.pid)
    try:
        _wait_until_up(url, server)
        memory.start()
        normal, abusive, elapsed = _run(url, queries, args)
    finally:
        memory.stop()
        server.terminate()
        server.wait(30)
    return _report(normal, abusive, elapsed, memory.peak, args, len(queries))


def _run(url: str, queries: list[str], args):
    normal: list[tuple[float, int]] = []
    abusive: collections.Counter[int] = collections.Counter()
    reasons: collections.Counter[str] = collections.Counter()
    lock = threading.Lock()
    deadline = time.monotonic() + args.seconds
    texts = itertools.count()

    def normal_client(index: int) -> None:
        mine = []
        headers = {"X-Forwarded-For": f"10.1.0.{index}", "Accept": "application/json"}
        with httpx.Client(timeout=60, headers=headers) as http:
            for n in itertools.count(index):
                if time.monotonic() >= deadline:
                    break
                began = time.perf_counter()
                status, text = _send(http, url, queries[n % len(queries)], n)
                mine.append((time.perf_counter() - began, status))
                if status != 200:
                    reasons[text[:90]] += 1
        with lock:
            normal.extend(mine)

    def abusive_client(index: int) -> None:
        got: collections.Counter[int] = collections.Counter()
        with httpx.Client(timeout=60, headers={"X-Forwarded-For": f"10.9.0.{index}"}) as http:
            while time.monotonic() < deadline:
                status, _ = _send(http, url, ABUSIVE.format(next(texts)), index)
                got[status] += 1
                if status in (429, 503):
                    time.sleep(0.5)
        with lock:
            abusive.update(got)

    threads = [threading.Thread(target=abusive_client, args=(i,)) for i in range(args.abusive)]
    threads += [threading.Thread(target=normal_client, args=(i,)) for i in range(args.normal)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(args.seconds + 120)
    for reason, count in reasons.most_common(3):
        print(f"  normal error ×{count}: {reason.strip()}")
    return normal, abusive, time.monotonic() - started


def _send(http: httpx.Client, url: str, query: str, n: int) -> tuple[int, str]:
    """The status and the start of the body (0 and the error when nothing came back)."""
    try:
        if n % 2:
            response = http.post(url, data={"query": query})
        else:
            response = http.get(url, params={"query": query})
        return response.status_code, response.text[:90] if response.status_code != 200 else ""
    except httpx.HTTPError as e:
        return 0, f"{type(e).__name__}: {e}"


class RssSampler(threading.Thread):
    """The peak of the summed resident memory of a process and its descendants."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self._done = pid, 0, threading.Event()

    def run(self) -> None:
        while not self._done.wait(0.2):
            self.peak = max(self.peak, sum(_rss(pid) for pid in _tree(self.pid)))

    def stop(self) -> None:
        self._done.set()


def _tree(pid: int) -> list[int]:
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    return [pid] + [p for child in children for p in _tree(int(child))]


def _rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _report(normal, abusive, elapsed, peak, args, n_queries) -> int:
    latencies = [seconds for seconds, _ in normal]
    errors = collections.Counter(status for _, status in normal if status != 200)
    cut = statistics.quantiles(latencies, n=100)
    print(f"duration             {elapsed:.1f} s, kg serve --timeout {args.timeout:g}, defaults")
    print(f"abusive clients      {args.abusive} (each query runs until the time limit)")
    print(f"normal clients       {args.normal} ({n_queries} bundled queries, round-robin)")
    print(f"normal requests      {len(normal)} ({len(normal) / args.seconds:.1f}/s)")
    print(f"normal latency p50   {cut[49] * 1000:.1f} ms")
    verdict = "✓" if cut[98] <= GOAL_P99 else "✗"
    print(f"normal latency p99   {cut[98] * 1000:.1f} ms (goal ≤ {GOAL_P99 * 1000:.0f}) {verdict}")
    print(f"normal errors        {sum(errors.values())} {dict(errors) or ''}".rstrip())
    print("abusive answers      " + ", ".join(f"{k}: {v}" for k, v in sorted(abusive.items())))
    print(f"peak RSS             {peak / 2**20:.0f} MB (server + workers)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
