"""The worker side of :mod:`kg.sparql.executor`: a process that holds the graph and answers jobs.

A worker loads the graph once (:func:`kg.sparql.store.open_store`), leaves the network
(:func:`kg.sparql.oneshot.isolate_network`), asks the kernel to kill it when its parent
dies (so a server stopped by any signal leaves no orphan), then answers ``(job, args)``
requests over a
pipe (after a first :data:`READY`), one at a time, with ``("ok", value)``,
``("raised", KgError)`` or ``("failed", text)``.
:func:`answer` is the server's job: run a query, enforce the row limit, serialize. A SELECT
is run once to count its rows, then again to serialize; a repeatable text whose count
the worker already knows (:mod:`kg.sparql.answers`) runs once.

Example::

    >>> isolate_network() in (True, False)   # best effort: False where the system refuses
    True
"""

from __future__ import annotations

import itertools
import os
from multiprocessing.connection import Connection
from pathlib import Path

from kg.core.errors import KgError, QueryError
from kg.sparql.answers import counted, remember_count
from kg.sparql.lanes import Worker
from kg.sparql.oneshot import call, isolate_network

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
READY = ("ready", None)  # the first message of a worker: the graph is loaded


class QueryTooLarge(QueryError):
    """A query's result has more rows (or triples) than the configured limit."""


def serve(conn: Connection, nquads: str, store_path: str = "", parent: int = 0, nice: int = 0):
    """The worker's loop: load the graph, then answer jobs until the pipe closes."""
    import os
    import signal

    from kg.sparql.store import open_store

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if nice:
        os.nice(nice)
    try:
        store = open_store(Path(nquads), Path(store_path) if store_path else None)
        failure = None
    except KgError as e:
        store, failure = None, ("raised", e)
    isolate_network()
    die_with_parent(parent)
    conn.send(READY)
    while True:
        try:
            job, args = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(failure or call(job, store, args))


def start_worker(context, nquads: Path, store_path: Path | None = None, nice: int = 0) -> Worker:
    """A worker process started (it loads the graph, then says READY), and its pipe."""
    parent, child = context.Pipe()
    args = (child, str(nquads), str(store_path or ""), os.getpid(), nice)
    process = context.Process(target=serve, args=args, daemon=True)
    process.start()
    child.close()
    return Worker(process, parent)


def stop_worker(worker: Worker) -> None:
    """Kill the worker process and close its pipe."""
    worker.process.kill()
    worker.process.join(5)
    worker.conn.close()


def die_with_parent(parent: int) -> None:
    """Linux: SIGKILL this process when its parent dies (set after the namespaces change)."""
    import ctypes
    import os
    import signal
    import sys

    if not parent or not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(0)


def answer(store, query: str, formats: list[str], max_rows: int) -> tuple:
    """Run ``query``; ``("ok", kind, media_type, body)`` or ``(status, message)``."""
    import pyoxigraph as ox

    from kg.sparql.negotiation import serialize_result, serialize_triples

    try:
        first = _execute(store, query)
        if isinstance(first, ox.QueryTriples):  # kept in memory, at most max_rows of them
            triples = list(itertools.islice(first, max_rows + 1))
            _check_size(triples, max_rows)
            return ("ok", "graph", *serialize_triples(triples, formats))
        if isinstance(first, ox.QueryBoolean):
            return ("ok", *serialize_result(first, formats))
        known = counted(store, query)  # a repeatable text counted before runs once
        if known is None or known > max_rows:
            remember_count(store, query, _check_size(first, max_rows))
            first = _execute(store, query)
        return ("ok", *serialize_result(first, formats))
    except SyntaxError as e:
        from kg.sparql.syntax import readable

        return ("syntax", readable(str(e), query))
    except QueryTooLarge as e:
        return ("too-large", str(e))
    except Exception as e:  # the worker must answer, whatever went wrong
        return ("error", f"query failed: {type(e).__name__}: {' '.join(str(e).split())}")


def _execute(store, query: str):
    return store.query(query, use_default_graph_as_union=True)


def _check_size(result, max_rows: int) -> int:
    """Count the rows or triples without keeping them; raise past ``max_rows``."""
    count = 0
    for count, _ in enumerate(result, start=1):
        if count > max_rows:
            raise QueryTooLarge(
                f"result too large: more than {max_rows} rows (the server's limit); "
                "add a LIMIT or narrow the query"
            )
    return count
