"""Per-client limits of ``kg serve``: running queries, query-seconds per minute, 429 past them.

A client is the peer's address; when the peer is one of the trusted proxies
(``--trusted-proxy``), the client is the last address of the configured header
(``X-Forwarded-For`` by default) that is not itself a trusted proxy. The header is
never believed from anyone else, so a client cannot pick its own identity.

Each client may have ``queries`` queries running or waiting at once, and may spend
``budget`` seconds of worker time per ``window`` (60 s) — the Wikidata Query Service's
rule. Past either, :class:`Limited` (429) with the seconds to wait before trying
again. A client's recent spending also places its queries: a client whose queries
were all quick is predicted cheap (it may use the fast lane of :mod:`kg.sparql.lanes`),
and waiting queries are served in order of their clients' spending, least first.

Example::

    >>> clients = Clients(Limits(queries=1, budget=2.0), fast_limit=1.0)
    >>> ticket = clients.admit("10.0.0.1")
    >>> clients.admit("10.0.0.1")
    Traceback (most recent call last):
    kg.serve.fairness.Limited: 10.0.0.1 already has 1 query running (limit 1); wait for it
    >>> ticket.seconds = 2.5; clients.done("10.0.0.1", ticket)
    >>> clients.admit("10.0.0.1").cheap
    Traceback (most recent call last):
    kg.serve.fairness.Limited: 10.0.0.1 used 2.5 s of query time in the last 60 s (limit 2 s)
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kg.sparql.lanes import Ticket

if TYPE_CHECKING:
    from kg.sparql.executor import QueryPool, Result

WINDOW = 60.0  # seconds over which a client's query time is counted
MAX_CLIENTS = 10_000  # records kept; idle ones are dropped past this


@dataclass(frozen=True)
class Limits:
    """What one client may do (``kg serve`` options)."""

    queries: int = 2  # running or waiting at once
    budget: float = 30.0  # seconds of query time per WINDOW
    trusted_proxies: frozenset[str] = frozenset()
    client_header: str = "x-forwarded-for"


class Limited(Exception):
    """A client is past one of its limits: 429, retry after ``retry_after`` seconds."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


@dataclass
class _Record:
    """One client: its queries running, and what its queries in the window spent.

    The total and the slowest are kept as queries end and leave the window (a client
    may send thousands of queries a minute; admitting one must not add them all up).
    """

    running: int = 0
    spent: deque[tuple[float, float]] = field(default_factory=deque)  # (ended, seconds)
    total: float = 0.0  # seconds of the queries in ``spent``
    peaks: deque[tuple[float, float]] = field(default_factory=deque)  # slowest first

    def add(self, ended: float, seconds: float) -> None:
        if seconds <= 0:  # an answer kept from before: no worker time, nothing to count
            return
        self.spent.append((ended, seconds))
        self.total += seconds
        while self.peaks and self.peaks[-1][1] <= seconds:
            self.peaks.pop()
        self.peaks.append((ended, seconds))

    def expire(self, before: float) -> None:
        while self.spent and self.spent[0][0] < before:
            self.total -= self.spent.popleft()[1]
        while self.peaks and self.peaks[0][0] < before:
            self.peaks.popleft()
        if not self.spent:
            self.total = 0.0  # no rounding left over

    def slowest(self) -> float:
        return self.peaks[0][1] if self.peaks else 0.0


class Clients:
    """The clients seen in the last minute and what they spent."""

    def __init__(self, limits: Limits, fast_limit: float) -> None:
        self.limits = limits
        self.fast_limit = fast_limit
        self._records: dict[str, _Record] = {}

    def identify(self, peer: str | None, headers: Mapping[str, str]) -> str:
        """Who sent the request: the peer, or what a trusted proxy says the client was."""
        peer = peer or "unknown"
        if peer not in self.limits.trusted_proxies:
            return peer
        hops = [h.strip() for h in headers.get(self.limits.client_header, "").split(",")]
        for hop in reversed(hops):
            if hop and hop not in self.limits.trusted_proxies:
                return hop[:100]
        return peer

    def admit(self, client: str) -> Ticket:
        """A ticket for one more query of ``client``, or :class:`Limited`."""
        now = time.monotonic()
        record = self._record(client, now)
        if record.running >= self.limits.queries:
            plural = "query" if record.running == 1 else "queries"
            raise Limited(
                f"{client} already has {record.running} {plural} running "
                f"(limit {self.limits.queries}); wait for it",
                retry_after=1,
            )
        spent = record.total
        if spent >= self.limits.budget:
            raise Limited(
                f"{client} used {spent:.1f} s of query time in the last {WINDOW:g} s "
                f"(limit {self.limits.budget:g} s)",
                retry_after=self._retry_after(record, spent, now),
            )
        record.running += 1
        return Ticket(
            cheap=record.slowest() < self.fast_limit or not self.fast_limit, priority=spent
        )

    def done(self, client: str, ticket: Ticket) -> None:
        """The query of ``ticket`` ended: its seconds count against ``client``'s budget."""
        record = self._records.setdefault(client, _Record())
        record.running = max(0, record.running - 1)
        record.add(time.monotonic(), ticket.seconds)

    def _record(self, client: str, now: float) -> _Record:
        if client not in self._records and len(self._records) >= MAX_CLIENTS:
            self._forget(now)
        record = self._records.setdefault(client, _Record())
        record.expire(now - WINDOW)
        return record

    def _forget(self, now: float) -> None:
        """Drop the clients with nothing running and nothing spent in the window."""
        for client, record in list(self._records.items()):
            if not record.running and all(ended < now - WINDOW for ended, _ in record.spent):
                del self._records[client]

    def _retry_after(self, record: _Record, spent: float, now: float) -> int:
        """Seconds until enough of the window's spending has expired to be under the budget."""
        for ended, seconds in record.spent:
            spent -= seconds
            if spent < self.limits.budget:
                return max(1, math.ceil(ended + WINDOW - now))
        return math.ceil(WINDOW)


async def run_fairly(request, query: str, keys: list[str]) -> Result:
    """Run the query of ``request`` within its client's limits; its time counts against them."""
    state = request.app.state
    peer = request.client.host if request.client else None
    client = state.clients.identify(peer, request.headers)
    ticket = state.clients.admit(client)
    try:
        return await state.pool.run(query, keys, ticket)
    finally:
        state.clients.done(client, ticket)


def describe_limits(pool: QueryPool, limits: Limits) -> list[str]:
    """The server's limits in words, for the front page."""
    workers = (
        f"{pool.size + 1} query workers, 2 of them kept for quick queries (a query there "
        f"past {pool.fast_limit:g} s moves to another worker)"
        if pool.fast_limit
        else f"{pool.size} query worker{'s' if pool.size > 1 else ''}"
    )
    return [
        workers,
        f"a query runs at most {pool.timeout:g} s (503) and returns at most "
        f"{pool.max_rows} rows (400)",
        f"a query waits at most {pool.queue_wait:g} s for a free worker (503, Retry-After)",
        f"each client: at most {limits.queries} queries at once and {limits.budget:g} s of "
        f"query time per minute (429, Retry-After)",
    ] + (
        [f"answers of repeated queries kept (up to {pool.answers.max_bytes >> 20} MB)"]
        if pool.answers.max_bytes
        else []
    )
