"""Run user SPARQL in worker processes that can be killed: a time limit that really stops work.

Each worker (:mod:`kg.sparql.worker`) loads the graph into its own Oxigraph store once,
then answers one query at a time over a pipe: it runs the query, enforces the row
limit, and returns the serialized result. A worker that has not answered within
``timeout`` seconds is killed and replaced, and the caller gets :class:`QueryTimeout`;
the other workers keep serving meanwhile.

Fairness (:mod:`kg.sparql.lanes`): with two workers or more, a *fast lane* takes only
queries predicted cheap: a text that answered quickly before, or a new text from a
client whose recent queries were all quick (the caller's :class:`Ticket`). A query
there that runs past ``fast_limit`` seconds is stopped, its text remembered as slow,
and it starts again on another worker with the rest of its time, so a slow query holds
the fast lane for ``fast_limit`` at most. The fast lane has two workers (one more
process than ``workers``), so it keeps serving while one is stopped and replaced.
Workers outside the fast lane run at a lower processor priority (nice 10), so slow
queries leave the fast lane its core. A query waits at most ``queue_wait`` seconds for
a worker (:class:`ServerBusy`, with a Retry-After); a worker that dies mid-query
(``kill -9``) is replaced and that query gets :class:`WorkerDied`.
:meth:`QueryPool.reload` moves every worker to a rebuilt graph file without dropping a
query: busy workers are replaced once they answer.

A SELECT runs twice: once to count its rows against the limit without keeping
them, then again to serialize it (pyoxigraph serializes only a fresh result), unless
the worker counted the same text before; a CONSTRUCT keeps at most limit + 1 triples.
A result over the limit is never sent. With ``cache_bytes``, the serialized answers of
repeatable texts (:mod:`kg.sparql.answers`) are kept by text, formats and graph
generation: the same query asked again is answered without a worker; a reload empties it.

``kg query`` runs one query in a forked child (:mod:`kg.sparql.oneshot`), or, when
this process has threads, in the same worker as here (:func:`run_spawned`): any job
``job(store, *args)`` that returns something picklable, stopped past its time limit.

Example::

    >>> pool = QueryPool(Path("dist/kg.nq"), workers=2, timeout=5, max_rows=1000)  # doctest: +SKIP
    >>> pool.start()                                                 # doctest: +SKIP
    >>> await pool.run("ASK { ?s ?p ?o }", ["json"])                 # doctest: +SKIP
    Result(kind='boolean', media_type='application/sparql-results+json', body=b'...')
"""

from __future__ import annotations

import asyncio
import math
import multiprocessing as mp
import os
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from kg.core.errors import KgError, QueryError, QueryTimeout
from kg.sparql.answers import AnswerCache, repeatable
from kg.sparql.lanes import Lanes, Ticket, Worker, default_workers, readable
from kg.sparql.oneshot import returned
from kg.sparql.worker import READY, QueryTooLarge, answer, start_worker, stop_worker

__all__ = ["QueryPool", "QueryTimeout", "QueryTooLarge", "ServerBusy", "WorkerDied", "run_spawned"]
SLOW_NICE = 10  # the nice value of workers outside the fast lane
READY_LIMIT = 600.0  # seconds a new worker may take to load the graph
KNOWN_TEXTS = 1000  # query texts remembered as cheap or not (the fast lane's prediction)


class ServerBusy(KgError):
    """No worker was free within the queue bound: the query never started."""

    def __init__(self, message: str, retry_after: int = 1) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class WorkerDied(ServerBusy):
    """The worker running the query died (killed from outside); it was replaced."""


@dataclass(frozen=True)
class Result:
    """A serialized query result: ``kind`` is ``solutions``, ``boolean`` or ``graph``."""

    kind: str
    media_type: str
    body: bytes


class QueryPool:
    """A fixed number of query workers; each query gets one, or a clear error."""

    def __init__(
        self,
        nquads: Path,
        workers: int | None = None,
        timeout: float = 10.0,
        max_rows: int = 10_000,
        store_path: Path | None = None,
        queue_wait: float | None = None,
        fast_limit: float = 0.5,
        cache_bytes: int = 0,
    ):
        self.nquads = nquads
        self.store_path = store_path  # a persistent store (kg.sparql.store.open_store), if any
        self.size = max(1, workers or default_workers())
        self.timeout = timeout
        self.max_rows = max_rows
        self.queue_wait = timeout if queue_wait is None else queue_wait
        # the fast lane: only with a second worker, and only if shorter than the time limit
        self.fast_limit = fast_limit if self.size > 1 and 0 < fast_limit < timeout else 0.0
        self._context = mp.get_context("spawn")
        self._lanes = Lanes(max_waiting=8 * self.size)
        self._all: list[Worker] = []
        self._generation = 0
        self._tasks: set[asyncio.Future] = set()  # workers loading before they join a lane
        self._loading: set[Worker] = set()
        self._known: OrderedDict[str, bool] = OrderedDict()  # query text: cheap or not
        self.answers = AnswerCache(cache_bytes)  # kept results (0 bytes: none kept)

    def start(self) -> None:
        """Start the workers (call from the event loop that will use the pool)."""
        for index in range(self.size):
            self._lanes.give(self._spawn(fast=index == 0 and self.fast_limit > 0))
        if self.fast_limit:  # a second fast worker: the lane stays open while one is replaced
            self._lanes.give(self._spawn(fast=True))

    def close(self) -> None:
        """Stop every worker; queries still waiting for one get ServerBusy."""
        self._lanes.fail_all(ServerBusy("the server is stopping"))
        for task in self._tasks:
            task.cancel()
        for worker in self._all:
            stop_worker(worker)
        self._all.clear()
        self._lanes.idle.clear()

    def reload(self) -> None:
        """Serve the graph file as it is now, without a gap: each worker gets a successor
        that loads the new graph meanwhile; an old worker stops once its successor is
        ready and it is idle (a busy one answers its query first)."""
        self._generation += 1
        self.answers.clear()
        for worker in [w for w in self._all if w.generation != self._generation]:
            self._bring_in(self._spawn(worker.fast), worker)

    def _bring_in(self, worker: Worker, old: Worker | None = None) -> None:
        """Give ``worker`` to its lane once it has loaded the graph; then ``old`` stops if idle."""

        async def when_ready() -> None:
            try:
                await readable(worker.conn, READY_LIMIT)
                worker.ready = worker.conn.recv() == READY
            except (TimeoutError, EOFError, OSError):
                pass  # a worker that does not start is replaced when a query finds it dead
            self._loading.discard(worker)
            if old is not None and old in self._lanes.idle:
                self._lanes.idle.remove(old)
                self._successor(old)
            if worker in self._all:
                self._lanes.give(worker)

        self._loading.add(worker)
        task = asyncio.ensure_future(when_ready())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def heal(self) -> None:
        """Replace the idle workers that died, killed from outside."""
        for worker in [w for w in self._lanes.idle if not w.process.is_alive()]:
            self._lanes.idle.remove(worker)
            self._successor(worker)

    def waiting(self) -> int:
        """Queries waiting for a worker now."""
        return self._lanes.waiting()

    async def run(self, query: str, formats: list[str], ticket: Ticket | None = None) -> Result:
        """Run ``query`` in a worker; its result serialized in the first of ``formats`` it has.

        ``ticket`` (optional) says whether the query is predicted cheap and its priority;
        the worker-seconds the query used are added to ``ticket.seconds``.
        """
        ticket = ticket or Ticket()
        kept = (query, tuple(formats)) if self.answers.max_bytes else None
        if kept and (result := self.answers.get(self._generation, kept)) is not None:
            return result
        key = " ".join(query.split())
        known = self._known.get(key)  # a text seen before predicts itself, else the client does
        ticket.cheap = ticket.cheap if known is None else known
        request = (answer, (query, formats, self.max_rows))
        worker = await self._acquire(ticket)
        began = ticket.seconds  # of the last run: a query moved off the fast lane runs again
        if not worker.fast:
            try:
                reply = await self._ask(worker, request, self.timeout, ticket)
            except QueryTimeout:
                self._remember(key, cheap=False)
                raise
        else:
            try:
                reply = await self._ask(worker, request, self.fast_limit, ticket)
            except QueryTimeout:
                self._remember(key, cheap=False)
                ticket.cheap = False
                worker = await self._acquire(ticket)  # the rest of its time, on another lane
                began = ticket.seconds
                reply = await self._ask(worker, request, self.timeout - self.fast_limit, ticket)
        self._remember(key, cheap=ticket.seconds - began < self.fast_limit)
        result = _unpack(reply)
        if kept and worker.generation == self._generation and repeatable(query):
            self.answers.put(worker.generation, kept, result, len(result.body) + len(query))
        return result

    async def _acquire(self, ticket: Ticket) -> Worker:
        worker = self._lanes.take(ticket.cheap)
        if worker is None:
            try:
                worker = await self._lanes.wait(ticket.cheap, ticket.priority, self.queue_wait)
            except TimeoutError as e:
                raise ServerBusy(
                    f"no query worker was free within {self.queue_wait:g} s "
                    f"({len(self._all)} workers, {self.waiting()} queries waiting); try again",
                    retry_after=max(1, math.ceil(self.queue_wait)),
                ) from e
        if worker.process.is_alive():
            return worker
        self._successor(worker)  # killed while idle: the query waits for another worker
        return await self._acquire(ticket)

    async def _ask(self, worker: Worker, request: tuple, budget: float, ticket: Ticket) -> tuple:
        began = time.monotonic()
        try:
            if not worker.ready:  # loading the graph is not the query's time
                await readable(worker.conn, READY_LIMIT)
                worker.ready, began = worker.conn.recv() == READY, time.monotonic()
            worker.conn.send(request)
            await readable(worker.conn, budget)
            reply = worker.conn.recv()
        except BaseException as e:  # the worker's state is unknown: a fresh one takes its place
            self._successor(worker)
            if isinstance(e, TimeoutError):
                raise QueryTimeout(
                    f"query stopped: it ran past the time limit of {self.timeout:g} s"
                ) from e
            if isinstance(e, (EOFError, OSError)):
                raise WorkerDied("the query worker died while running the query; try again") from e
            raise
        finally:
            ticket.seconds += time.monotonic() - began
        if worker.generation == self._generation:
            self._lanes.give(worker)
        else:  # the graph was reloaded meanwhile: its successor is already loading
            self._successor(worker)
        return returned(reply)

    def _remember(self, key: str, cheap: bool) -> None:
        self._known[key] = cheap
        self._known.move_to_end(key)
        if len(self._known) > KNOWN_TEXTS:
            self._known.popitem(last=False)

    def _spawn(self, fast: bool) -> Worker:
        # the other lanes yield the processor to the fast one (a lower priority, never raised)
        worker = start_worker(self._context, self.nquads, self.store_path, 0 if fast else SLOW_NICE)
        worker.fast, worker.generation = fast, self._generation
        self._all.append(worker)
        return worker

    def _successor(self, worker: Worker) -> None:
        """Stop ``worker`` and start one in its lane (unless a reload already did).

        The new worker joins the lane once it has loaded the graph, unless it is alone
        in its lane: then it joins at once, and the next query waits for it to load.
        """
        stop_worker(worker)
        if worker in self._all:
            self._all.remove(worker)
        if worker.generation != self._generation:
            return
        fresh = self._spawn(worker.fast)
        serving = [w for w in self._all if w is not fresh and w not in self._loading]
        if any(w.fast == fresh.fast for w in serving):
            self._bring_in(fresh)
        else:
            self._lanes.give(fresh)


def run_spawned(nquads: Path, job, args: tuple, timeout: float, store_path: Path | None = None):
    """``job(store, *args)`` in a fresh worker process holding ``nquads``; killed past ``timeout``.

    The time counts from the start, loading the graph included (or opening the
    persistent store at ``store_path``). The job's own errors (:class:`KgError`) are
    raised again here; a timeout is :class:`QueryTimeout`.
    """
    worker = start_worker(_one_shot_context(), nquads, store_path)
    try:
        worker.conn.send((job, args))
        deadline = time.monotonic() + timeout
        reply = READY
        while reply == READY:  # the worker says it has loaded the graph, then answers
            if not worker.conn.poll(max(0.0, deadline - time.monotonic())):
                raise TimeoutError
            reply = worker.conn.recv()
    except TimeoutError as e:
        raise QueryTimeout(f"query stopped: it ran past the time limit of {timeout:g} s") from e
    except (EOFError, OSError) as e:
        raise KgError("the query process died while running the query") from e
    finally:
        stop_worker(worker)
    return returned(reply)


def _one_shot_context():
    """``fork`` (fast) when this process has one thread, so no lock can be held; else spawn."""
    try:
        single = len(os.listdir("/proc/self/task")) == 1
    except OSError:
        single = False
    return mp.get_context("fork" if single else "spawn")


def _unpack(reply: tuple) -> Result:
    status, *rest = reply
    if status == "ok":
        return Result(*rest)
    message = rest[0]
    if status == "too-large":
        raise QueryTooLarge(message)
    if status == "syntax":
        raise QueryError(message)
    raise KgError(message)
