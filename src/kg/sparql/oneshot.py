"""Run one job on the graph in a forked child that is killed at its deadline (``kg query``).

A one-shot command needs no pool: the process forks (a few milliseconds; the child
shares the parent's imports), the child opens the graph, leaves the network
(:func:`isolate_network`), runs ``job(store, *args)`` and writes the pickled result
to a pipe; the parent waits for it at most ``timeout`` seconds from the start,
loading included, then kills the child and raises :class:`QueryTimeout` (exit 2).
The caller gets the whole result or an error, never a part. asyncio and
multiprocessing are not imported here: that cost ~0.1 s, more than a small query.

Forking is safe only while this process has one thread (no lock can be held by
another): :func:`can_fork` says so; otherwise run the job in a spawned worker
(:func:`kg.sparql.executor.run_spawned`).

Example::

    >>> _ = Path("g.nq").write_text('<http://x/a> <http://x/p> "v" .', encoding="utf-8")
    >>> def count(store, limit):
    ...     return min(len(store), limit)
    >>> run_once(Path("g.nq"), count, (10,), timeout=30) if can_fork() else 1
    1
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kg.core.errors import KgError, QueryTimeout

CLONE_NEWUSER = 0x10000000  # from <sched.h>: os.unshare arrives with Python 3.12
CLONE_NEWNET = 0x40000000


def run_once(
    nquads: Path,
    job: Callable[..., Any],
    args: tuple,
    timeout: float,
    store_path: Path | None = None,
) -> Any:
    """``job(store, *args)`` on the graph in ``nquads`` (or the store at ``store_path``).

    Stopped ``timeout`` seconds after the start, loading included (:class:`QueryTimeout`);
    the job's own errors (:class:`KgError`) are raised again here. Call it only when
    :func:`can_fork`.
    """
    return returned(_forked(nquads, store_path, job, args, time.monotonic() + timeout, timeout))


def returned(reply: tuple) -> Any:
    """What a job returned; its KgError raised again (its message kept)."""
    status, value = reply
    if status == "raised":
        raise value
    if status == "failed":
        raise KgError(value)
    return value


def call(job: Callable[..., Any], store: Any, args: tuple) -> tuple:
    """``job(store, *args)`` as a reply: ``ok``, ``raised`` (a KgError) or ``failed`` (text)."""
    try:
        return ("ok", job(store, *args))
    except KgError as e:
        return ("raised", e)
    except Exception as e:  # the worker must answer, whatever went wrong
        return ("failed", f"query failed: {type(e).__name__}: {' '.join(str(e).split())}")


def isolate_network() -> bool:
    """Best effort: move this process into new, empty user and network namespaces.

    A second wall behind :mod:`kg.sparql.guard`: Oxigraph would contact a ``SERVICE`` URL,
    and in an empty network namespace every connection fails (no interface is up,
    not even loopback). Linux only, and only where unprivileged user namespaces are
    allowed (Debian's default); False elsewhere, and the guard alone stands.
    """
    import sys

    if not sys.platform.startswith("linux"):
        return False
    unshare = getattr(os, "unshare", None)  # Python 3.12+: no ctypes to import (~3 ms)
    if unshare is not None:
        try:
            unshare(CLONE_NEWUSER | CLONE_NEWNET)
        except OSError:
            return False
        return True
    import ctypes

    try:
        return ctypes.CDLL(None, use_errno=True).unshare(CLONE_NEWUSER | CLONE_NEWNET) == 0
    except (OSError, AttributeError):
        return False


def timed_out(timeout: float) -> QueryTimeout:
    """The error of a query stopped at its limit (one message for every runner)."""
    return QueryTimeout(f"query stopped: it ran past the time limit of {timeout:g} s")


def can_fork() -> bool:
    """True where this process may fork safely: a POSIX system, and one thread running."""
    try:
        return hasattr(os, "fork") and len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


def _forked(nquads: Path, store_path: Path | None, job, args: tuple, deadline: float, timeout):
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(read)
        _child(write, nquads, store_path, job, args)
    os.close(write)
    try:
        data = _read_until(read, deadline)
    finally:
        os.close(read)
        _reap(pid)
    if data is None:
        raise timed_out(timeout)
    if not data:
        raise KgError("the query process died while running the query")
    return _decoded(data)


def _child(write: int, nquads: Path, store_path: Path | None, job, args: tuple) -> None:
    status = 3
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        from kg.sparql.store import open_store

        try:
            store = open_store(nquads, store_path)
        except KgError as e:
            reply: tuple = ("raised", e)
        else:
            isolate_network()
            reply = call(job, store, args)
        data = _encoded(reply)
        with os.fdopen(write, "wb") as pipe:
            pipe.write(data)
        status = 0
    finally:
        os._exit(status)  # no atexit, no flushing of the parent's buffers


def _encoded(reply: tuple) -> bytes:
    """A reply as bytes: an answer as it is (the usual case, no pickle), else pickled."""
    if reply[0] == "ok" and isinstance(reply[1], bytes):
        return b"=" + reply[1]
    import pickle  # only for other replies: importing it costs every answer ~2 ms

    return b"!" + pickle.dumps(reply)


def _decoded(data: bytes) -> tuple:
    if data[:1] == b"=":
        return ("ok", data[1:])
    import pickle

    return pickle.loads(data[1:])


def _read_until(fd: int, deadline: float) -> bytes | None:
    """Everything the child writes until it closes the pipe; None past ``deadline``."""
    chunks: list[bytes] = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            return None
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _reap(pid: int) -> None:
    """Kill the child if it still runs, and collect it."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
