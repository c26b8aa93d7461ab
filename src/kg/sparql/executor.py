"""Run user SPARQL in worker processes that can be killed: a time limit that really stops work.

Each worker loads the built N-Quads into its own Oxigraph store once, then answers
one query at a time over a pipe: it runs the query, enforces the row limit, and
returns the serialized result. The pool hands a query to an idle worker and waits
at most ``timeout`` seconds; a worker that has not answered by then is killed and
replaced, and the caller gets :class:`QueryTimeout`. Other requests keep being
served by the other workers meanwhile.

A SELECT runs twice: once to count its rows against the limit without keeping
them, then again to serialize it (pyoxigraph serializes only a fresh result); a
CONSTRUCT keeps at most limit + 1 triples. A result over the limit is never sent,
not even in part.

``kg query`` runs one query in a forked child (:mod:`kg.sparql.oneshot`), or, when
this process has threads, in the same worker as here (:func:`run_spawned`): any job
``job(store, *args)`` that returns something picklable, stopped past its time limit.
Once its graph is loaded, a worker leaves the network where Linux allows it
(:func:`kg.sparql.oneshot.isolate_network`), so a query cannot reach out even past
:mod:`kg.sparql.guard`.

Example::

    >>> pool = QueryPool(Path("dist/kg.nq"), workers=2, timeout=5, max_rows=1000)  # doctest: +SKIP
    >>> pool.start()                                                 # doctest: +SKIP
    >>> await pool.run("ASK { ?s ?p ?o }", ["json"])                 # doctest: +SKIP
    Result(kind='boolean', media_type='application/sparql-results+json', body=b'...')
"""

from __future__ import annotations

import asyncio
import itertools
import multiprocessing as mp
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from kg.core.errors import KgError, QueryError, QueryTimeout
from kg.sparql.oneshot import call, isolate_network, returned, timed_out

__all__ = ["QueryPool", "QueryTimeout", "QueryTooLarge", "ServerBusy", "run_spawned"]


class QueryTooLarge(QueryError):
    """A query's result has more rows (or triples) than the configured limit."""


class ServerBusy(KgError):
    """Every worker stayed busy for the whole time limit: the query never started."""


@dataclass(frozen=True)
class Result:
    """A serialized query result: ``kind`` is ``solutions``, ``boolean`` or ``graph``."""

    kind: str
    media_type: str
    body: bytes


@dataclass
class _Worker:
    process: mp.process.BaseProcess
    conn: Connection


class QueryPool:
    """A fixed number of query workers; each query gets one, or a clear error."""

    def __init__(
        self,
        nquads: Path,
        workers: int = 2,
        timeout: float = 10.0,
        max_rows: int = 10_000,
        store_path: Path | None = None,
    ):
        self.nquads = nquads
        self.store_path = store_path  # a persistent store (kg.sparql.store.open_store), if any
        self.size = max(1, workers)
        self.timeout = timeout
        self.max_rows = max_rows
        self._context = mp.get_context("spawn")
        self._idle: asyncio.Queue[_Worker] | None = None
        self._all: list[_Worker] = []

    def start(self) -> None:
        """Start the workers (call from the event loop that will use the pool)."""
        self._idle = asyncio.Queue()
        for _ in range(self.size):
            self._idle.put_nowait(self._spawn())

    def close(self) -> None:
        """Stop every worker."""
        for worker in self._all:
            _stop(worker)
        self._all.clear()

    async def run(self, query: str, formats: list[str]) -> Result:
        """Run ``query`` in a worker; its result serialized in the first of ``formats`` it has."""
        assert self._idle is not None, "QueryPool.start() was not called"
        began = time.monotonic()
        try:
            worker = await asyncio.wait_for(self._idle.get(), self.timeout)
        except TimeoutError as e:
            raise ServerBusy(
                f"all {self.size} query workers stayed busy for {self.timeout:g} s; try again"
            ) from e
        budget = max(0.1, self.timeout - (time.monotonic() - began))
        request = (_answer, (query, formats, self.max_rows))
        try:
            reply = await asyncio.to_thread(_ask, worker, request, budget)
        except asyncio.CancelledError:
            # the caller went away mid-query: its reply must not reach the next caller
            worker = self._replace(worker)
            raise
        except (TimeoutError, EOFError, OSError) as e:
            worker = await asyncio.to_thread(self._replace, worker)
            if isinstance(e, TimeoutError):
                raise timed_out(self.timeout) from e
            raise KgError("the query worker died while running the query") from e
        finally:
            self._idle.put_nowait(worker)
        return _unpack(returned(reply))

    def _spawn(self) -> _Worker:
        worker = _start(self._context, self.nquads, self.store_path)
        self._all.append(worker)
        return worker

    def _replace(self, worker: _Worker) -> _Worker:
        _stop(worker)
        if worker in self._all:
            self._all.remove(worker)
        return self._spawn()


def run_spawned(nquads: Path, job, args: tuple, timeout: float, store_path: Path | None = None):
    """``job(store, *args)`` in a fresh worker process holding ``nquads``; killed past ``timeout``.

    The time counts from the start, loading the graph included (or opening the
    persistent store at ``store_path``). The job's own errors (:class:`KgError`) are
    raised again here; a timeout is :class:`QueryTimeout`.
    """
    worker = _start(mp.get_context("spawn"), nquads, store_path)
    try:
        reply = _ask(worker, (job, args), timeout)
    except TimeoutError as e:
        raise timed_out(timeout) from e
    except (EOFError, OSError) as e:
        raise KgError("the query process died while running the query") from e
    finally:
        _stop(worker)
    return returned(reply)


def _start(context, nquads: Path, store_path: Path | None = None) -> _Worker:
    parent, child = context.Pipe()
    args = (child, str(nquads), str(store_path or ""))
    process = context.Process(target=_serve, args=args, daemon=True)
    process.start()
    child.close()
    return _Worker(process, parent)


def _ask(worker: _Worker, request: tuple, budget: float) -> tuple:
    worker.conn.send(request)
    if not worker.conn.poll(budget):
        raise TimeoutError
    return worker.conn.recv()


def _stop(worker: _Worker) -> None:
    worker.process.kill()
    worker.process.join(5)
    worker.conn.close()


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


# --- the worker side (runs in its own process) ---------------------------------------


def _serve(conn: Connection, nquads: str, store_path: str = "") -> None:
    import signal

    from kg.sparql.store import open_store

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        store = open_store(Path(nquads), Path(store_path) if store_path else None)
        failure = None
    except KgError as e:
        store, failure = None, ("raised", e)
    isolate_network()
    while True:
        try:
            job, args = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(failure or call(job, store, args))


def _answer(store, query: str, formats: list[str], max_rows: int) -> tuple:
    import pyoxigraph as ox

    from kg.sparql.negotiation import serialize_result, serialize_triples

    try:
        first = _execute(store, query)
        if isinstance(first, ox.QueryTriples):  # kept in memory, at most max_rows of them
            triples = list(itertools.islice(first, max_rows + 1))
            _check_size(triples, max_rows)
            return ("ok", "graph", *serialize_triples(triples, formats))
        _check_size(first, max_rows)
        again = first if isinstance(first, ox.QueryBoolean) else _execute(store, query)
        return ("ok", *serialize_result(again, formats))
    except SyntaxError as e:
        return ("syntax", " ".join(str(e).split()))
    except QueryTooLarge as e:
        return ("too-large", str(e))
    except Exception as e:  # the worker must answer, whatever went wrong
        return ("error", f"query failed: {type(e).__name__}: {' '.join(str(e).split())}")


def _execute(store, query: str):
    return store.query(query, use_default_graph_as_union=True)


def _check_size(result, max_rows: int) -> None:
    """Count the rows or triples without keeping them; raise past ``max_rows``."""
    if type(result).__name__ == "QueryBoolean":
        return
    for count, _ in enumerate(result, start=1):
        if count > max_rows:
            raise QueryTooLarge(
                f"result too large: more than {max_rows} rows (the server's limit); "
                "add a LIMIT or narrow the query"
            )
