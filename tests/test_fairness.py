"""Issue 17: fairness and faults of `kg serve` (per-client limits, queue bound, killed
workers, SIGTERM) and issue 15 point 9 (a rebuilt graph file is served without a restart).

Limits are tiny (sub-second time limits, a half-second budget) so the tests stay cheap;
one real server (2 workers) runs for the module and the last test stops it with SIGTERM.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from kg.serve.fairness import Clients, Limited, Limits
from kg.sparql.executor import QueryPool, ServerBusy, WorkerDied
from kg.sparql.lanes import Lanes, Worker
from tests.helpers import free_port, wait_until_up
from tests.test_hardening_queries import SLOW

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
# 300,000 rows of a cross product: a fraction of a second (more on a loaded machine)
MEDIUM = "SELECT (COUNT(*) AS ?n) { { SELECT * { ?a ?b ?c . ?d ?e ?f } LIMIT 300000 } }"


# --- the rules, without a server --------------------------------------------------------


def test_a_client_past_its_limits_gets_429_with_retry_after() -> None:
    clients = Clients(Limits(queries=2, budget=1.0), fast_limit=0.5)
    first, second = clients.admit("a"), clients.admit("a")
    with pytest.raises(Limited, match="already has 2 queries running") as busy:
        clients.admit("a")
    assert busy.value.retry_after == 1
    assert clients.admit("b").cheap  # another client is not affected
    first.seconds, second.seconds = 0.7, 0.4
    clients.done("a", first)
    clients.done("a", second)
    with pytest.raises(Limited, match=r"used 1\.1 s of query time") as spent:
        clients.admit("a")
    assert 55 <= spent.value.retry_after <= 60  # when the first 0.7 s leaves the window


def test_the_client_header_is_believed_only_from_a_trusted_proxy() -> None:
    clients = Clients(Limits(trusted_proxies=frozenset({"10.0.0.1"})), fast_limit=1.0)
    header = {"x-forwarded-for": "6.6.6.6, 203.0.113.5, 10.0.0.1"}
    assert clients.identify("10.0.0.1", header) == "203.0.113.5"
    assert clients.identify("198.51.100.7", header) == "198.51.100.7"
    assert clients.identify("10.0.0.1", {}) == "10.0.0.1"


def test_cheap_queries_get_the_fast_lane_and_waiters_go_by_cost() -> None:
    async def steps():
        lanes = Lanes(max_waiting=4)
        fast, other = Worker(None, None, fast=True), Worker(None, None)
        lanes.give(fast)
        assert lanes.take(cheap=False) is None  # the fast lane is not for a costly query
        costly = asyncio.ensure_future(lanes.wait(cheap=False, priority=0.0, seconds=5))
        spender = asyncio.ensure_future(lanes.wait(cheap=True, priority=9.0, seconds=5))
        thrifty = asyncio.ensure_future(lanes.wait(cheap=True, priority=1.0, seconds=5))
        await asyncio.sleep(0)
        lanes.give(lanes.take(cheap=True) or other)  # the fast worker comes back
        lanes.give(other)
        got = await asyncio.gather(costly, thrifty)
        spender.cancel()
        return got[0] is other, got[1] is fast

    assert asyncio.run(steps()) == (True, True)


# --- the pool: a queue bound, and a worker killed mid-query ------------------------------


def test_queue_bound_is_503_and_a_killed_worker_is_replaced(nquads: Path) -> None:
    async def steps():
        pool = QueryPool(nquads, workers=1, timeout=20, max_rows=100, queue_wait=0.2)
        pool.start()
        try:
            await pool.run("ASK { ?s ?p ?o }", ["json"])  # the worker has loaded
            slow = asyncio.ensure_future(pool.run(SLOW, ["json"]))
            await asyncio.sleep(0.1)
            with pytest.raises(ServerBusy, match=r"no query worker was free within 0\.2 s") as e:
                await pool.run("ASK { ?s ?p ?o }", ["json"])
            victim = pool._all[0].process
            os.kill(victim.pid, signal.SIGKILL)
            with pytest.raises(WorkerDied, match="died while running the query"):
                await slow
            answer = await pool.run("ASK { ?s ?p ?o }", ["json"])
            return e.value.retry_after, victim.is_alive(), pool._all[0].process.is_alive(), answer
        finally:
            pool.close()

    retry_after, old_alive, new_alive, answer = asyncio.run(steps())
    assert retry_after == 1 and not old_alive and new_alive
    assert b'"boolean":true' in answer.body.replace(b" ", b"")


# --- a real server ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def served(nquads: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple]:
    """`kg serve` over a private copy of the graph, tiny limits, 127.0.0.1 a trusted proxy."""
    graph = Path(shutil.copy(nquads, tmp_path_factory.mktemp("served") / "kg.nq"))
    port = free_port()
    command = [sys.executable, "-c", "from kg.cli import main; main()", "serve", "--graph"]
    command += [str(graph), "--port", str(port), "--workers", "2", "--timeout", "5"]
    command += ["--client-budget", "0.1", "--trusted-proxy", "127.0.0.1", "--fast-lane", "4"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, process)
        yield url, process, graph
    finally:
        process.kill()
        process.wait(10)


_ASKERS = itertools.count(1)


def _count(url: str) -> int:
    """The served triples, asked as a new client each time (the budget here is tiny)."""
    who = {"X-Forwarded-For": f"192.0.2.{next(_ASKERS) % 250}"}
    response = httpx.get(url + "/sparql", params={"query": COUNT}, headers=who, timeout=10)
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def test_a_client_past_its_budget_gets_429_over_http(served) -> None:
    url, _, _ = served
    who = {"X-Forwarded-For": "203.0.113.9"}
    statuses = []
    for n in range(500):  # each answer spends some of the 0.1 s budget (a new text each
        # time: an answer kept from before is given without a worker, so it costs none)
        query = f"{COUNT}\n# {n}"
        response = httpx.get(url + "/sparql", params={"query": query}, headers=who, timeout=10)
        statuses.append(response.status_code)
        if response.status_code != 200:
            break
    assert statuses[0] == 200 and statuses[-1] == 429, response.text
    assert "203.0.113.9 used" in response.text and 1 <= int(response.headers["retry-after"]) <= 60
    other = {"X-Forwarded-For": "192.0.2.4"}
    assert httpx.get(url + "/sparql", params={"query": COUNT}, headers=other).status_code == 200


def test_a_rebuilt_graph_is_served_without_a_restart(served) -> None:
    url, _, graph = served
    before = _count(url)
    lines = graph.read_text(encoding="utf-8").splitlines(keepends=True)
    fresh = graph.with_name("fresh.nq")
    fresh.write_text("".join(lines[:100]), encoding="utf-8")
    os.replace(fresh, graph)  # as kg build writes: atomically
    deadline = time.monotonic() + 15
    while _count(url) == before and time.monotonic() < deadline:
        time.sleep(0.2)
    after = _count(url)
    assert 0 < after < before
    home = httpx.get(url + "/").text
    assert f"{after} triples" in home and "Graph file built" in home
    assert "3 query workers, 2 of them kept for quick queries" in home


def _children(pid: int, workers_only: bool = True) -> list[int]:
    """The child processes of ``pid``: its query workers, or all (multiprocessing's tracker)."""
    text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    children = [int(child) for child in text.split()]
    if not workers_only:
        return children
    return [c for c in children if b"spawn_main" in Path(f"/proc/{c}/cmdline").read_bytes()]


def test_a_killed_worker_is_503_and_sigterm_leaves_no_process(served) -> None:
    url, process, _ = served
    workers = _settled_workers(process.pid)
    assert len(workers) == 3  # two workers, and a second one in the fast lane
    answers: list[httpx.Response | Exception] = []

    def ask(query: str, who: str) -> None:
        params, headers = {"query": query}, {"X-Forwarded-For": who}
        try:
            answers.append(httpx.get(url + "/sparql", params=params, headers=headers, timeout=30))
        except httpx.HTTPError as e:  # recorded, so the assertion below says what happened
            answers.append(e)

    thread = threading.Thread(target=ask, args=(SLOW, "198.51.100.1"))
    thread.start()
    _until_one_works(workers)
    for worker in workers:
        os.kill(worker, signal.SIGKILL)
    thread.join(10)
    died = answers[0]
    assert isinstance(died, httpx.Response), died
    assert died.status_code == 503 and "try again" in died.text
    assert died.headers["retry-after"] == "1"
    assert _count(url) > 0  # the replacements answer
    deadline = time.monotonic() + 10  # idle workers that died are replaced within a second
    while len(_alive(_children(process.pid))) != 3 and time.monotonic() < deadline:
        time.sleep(0.1)
    replaced = _children(process.pid, workers_only=False)
    assert len(_alive(_children(process.pid))) == 3 and not set(replaced) & set(workers)
    _until_idle(_children(process.pid))  # the replacements' start-up is no query at work
    in_flight = threading.Thread(target=ask, args=(MEDIUM, "198.51.100.2"))
    in_flight.start()
    _until_one_works(_children(process.pid))
    process.send_signal(signal.SIGTERM)
    in_flight.join(10)
    assert process.wait(10) in (0, 143, -signal.SIGTERM)  # uvicorn ends as the signal asks
    in_flight_answer = answers[1]
    assert isinstance(in_flight_answer, httpx.Response), in_flight_answer
    assert in_flight_answer.status_code in (200, 503)  # the in-flight query got its answer
    deadline = time.monotonic() + 5  # multiprocessing's tracker ends once its pipe closes
    while _alive(replaced) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(replaced)


def _settled_workers(pid: int) -> list[int]:
    """The server's running workers, once those a reload replaced have ended (10 s at most)."""
    deadline = time.monotonic() + 10
    while True:
        running = [w for w in _children(pid) if _alive([w])]
        if len(running) == 3 or time.monotonic() > deadline:
            return running
        time.sleep(0.1)


def _used(pid: int) -> float:
    """Seconds of processor ``pid`` has used."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _until_one_works(workers: list[int]) -> None:
    """Wait (5 s at most) until one of ``workers`` has used 0.05 s of processor (a query)."""
    before = {pid: _used(pid) for pid in workers}
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        if any(_used(pid) - before[pid] >= 0.05 for pid in workers):
            return
        time.sleep(0.01)


def _until_idle(workers: list[int]) -> None:
    """Wait (10 s at most) until none of ``workers`` uses processor for 0.3 s: a worker that
    has just replaced another spends its first second importing, which is no query."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        before = {pid: _used(pid) for pid in workers}
        time.sleep(0.3)
        if all(_used(pid) == before[pid] for pid in workers):
            return


def _alive(pids: list[int]) -> list[str]:
    """The processes among ``pids`` still running (zombies waiting for init count as gone)."""
    alive = []
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        if "State:\tZ" not in status:
            alive.append(Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace"))
    return alive
