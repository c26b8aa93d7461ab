"""Which query gets which worker: a fast lane kept for cheap queries, waiters ordered by cost.

A pool of query workers (:mod:`kg.sparql.executor`) keeps some workers, the *fast
lane*, for queries predicted cheap; every other worker takes any query. A query that finds
no idle worker it may use waits, and a freed worker goes to the waiting query with
the lowest priority number (the client's recent query-seconds, so a client that
spends little is served before one that spends much), oldest first among equals.
Waiting is bounded: in time by the caller, in number by ``max_waiting``.

Example::

    >>> lanes = Lanes(max_waiting=4)
    >>> lanes.give(Worker(process=None, conn=None, fast=True))
    >>> lanes.take(cheap=False) is None, lanes.take(cheap=True).fast
    (True, True)
"""

from __future__ import annotations

import asyncio
import itertools
import os
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Ticket:
    """One query's place: predicted cheap or not, its priority (lower first), seconds it used."""

    cheap: bool = True
    priority: float = 0.0
    seconds: float = 0.0


@dataclass(eq=False)
class Worker:
    """A worker process, its pipe, its lane, the graph generation it holds, and if it loaded."""

    process: Any
    conn: Any
    fast: bool = False
    generation: int = 0
    ready: bool = False  # it said it has loaded the graph


@dataclass(eq=False)
class _Waiter:
    priority: float
    order: int
    cheap: bool
    future: asyncio.Future = field(repr=False)


class Lanes:
    """Idle workers and the queries waiting for one."""

    def __init__(self, max_waiting: int) -> None:
        self.max_waiting = max_waiting
        self.idle: list[Worker] = []
        self._waiting: list[_Waiter] = []
        self._order = itertools.count()

    def take(self, cheap: bool) -> Worker | None:
        """An idle worker this query may use (the fast lane first for a cheap one), or None."""
        usable = [w for w in self.idle if cheap or not w.fast]
        if not usable:
            return None
        worker = max(usable, key=lambda w: w.fast) if cheap else usable[0]
        self.idle.remove(worker)
        return worker

    async def wait(self, cheap: bool, priority: float, seconds: float) -> Worker:
        """The next worker this query may use; TimeoutError past ``seconds`` or a full queue."""
        if len(self._waiting) >= self.max_waiting:
            raise TimeoutError
        future = asyncio.get_running_loop().create_future()
        waiter = _Waiter(priority, next(self._order), cheap, future)
        self._waiting.append(waiter)
        try:
            done, _ = await asyncio.wait({future}, timeout=seconds)
        except asyncio.CancelledError:
            self._abandon(waiter)
            raise
        if not done:
            self._abandon(waiter)
            raise TimeoutError
        return future.result()

    def give(self, worker: Worker) -> None:
        """A free worker: to the first waiting query that may use it, else idle."""
        usable = [w for w in self._waiting if w.cheap or not worker.fast]
        if usable:
            waiter = min(usable, key=lambda w: (w.priority, w.order))
            self._waiting.remove(waiter)
            waiter.future.set_result(worker)
        else:
            self.idle.append(worker)

    def waiting(self) -> int:
        """How many queries wait for a worker now."""
        return len(self._waiting)

    def fail_all(self, error: Exception) -> None:
        """Every waiting query gets ``error`` (the server is stopping)."""
        for waiter in self._waiting:
            waiter.future.set_exception(error)
        self._waiting.clear()

    def _abandon(self, waiter: _Waiter) -> None:
        if waiter in self._waiting:
            self._waiting.remove(waiter)
        elif waiter.future.done() and waiter.future.exception() is None:
            self.give(waiter.future.result())  # a worker came just as the query gave up


def default_workers() -> int:
    """One query worker per core this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


async def readable(conn, seconds: float) -> None:
    """Wait until the pipe has data (or was closed); TimeoutError past ``seconds``."""
    loop = asyncio.get_running_loop()
    ready = loop.create_future()
    fd = conn.fileno()

    def wake() -> None:
        if not ready.done():
            ready.set_result(None)

    loop.add_reader(fd, wake)
    try:
        await asyncio.wait_for(ready, seconds)
    finally:
        loop.remove_reader(fd)
