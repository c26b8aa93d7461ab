"""What a running ``kg serve`` holds, and how it follows a rebuilt graph file.

:func:`load_state` puts the store (for pages), its counts, the bundled examples, the
query workers and the per-client limits on ``app.state``. :func:`follow` checks the
graph file every second; once a changed file (inode, size or time) has stayed the
same for one more check, it is loaded beside the old one, then swapped in: pages
and counts at once, query workers one by one as they finish (no request dropped).
A file that cannot be read is reported on stderr and the old graph stays served.

Example::

    >>> version(Path("no-such-file.nq")) is None
    True
"""

from __future__ import annotations

import asyncio
import datetime
import sys
from pathlib import Path

from kg.core.errors import KgError

POLL = 1.0  # seconds between two looks at the graph file


def version(path: Path) -> tuple[int, int, int] | None:
    """What identifies one content of the file (inode, size, mtime); None when it is missing."""
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_ino, info.st_size, info.st_mtime_ns)


def built_at(path: Path) -> str:
    """When the graph file was written (UTC, to the second)."""
    when = datetime.datetime.fromtimestamp(path.stat().st_mtime, tz=datetime.UTC)
    return when.strftime("%Y-%m-%d %H:%M:%S UTC")


def load_state(app, config, store=None) -> None:
    """Everything the routes read, on ``app.state`` (the store is loaded unless given)."""
    from kg.serve.examples import example
    from kg.serve.fairness import Clients, Limits
    from kg.sparql.catalogue import load_catalogue
    from kg.sparql.executor import QueryPool

    app.state.version = version(config.nquads)
    app.state.store, app.state.stats, app.state.built = _loaded(config, store)
    catalogue = sorted(load_catalogue(config.queries_dir).values(), key=_example_order)
    app.state.examples = [example(q) for q in catalogue]  # runnable: samples bound
    app.state.pool = QueryPool(
        config.nquads,
        config.workers,
        config.timeout,
        config.max_rows,
        config.store,
        queue_wait=config.queue_wait,
        fast_limit=config.fast_lane,
        cache_bytes=int(config.cache_mb * 1024 * 1024),
    )
    limits = Limits(
        config.client_queries,
        config.client_budget,
        frozenset(config.trusted_proxies),
        config.client_header.lower(),
    )
    app.state.clients = Clients(limits, app.state.pool.fast_limit)


async def follow(app, config) -> None:
    """Serve the graph file as it is (reloaded when changed), with every worker alive."""
    seen = app.state.version
    while True:
        await asyncio.sleep(POLL)
        app.state.pool.heal()  # a worker killed while idle is replaced within a second
        now = version(config.nquads)
        if now is None or now == app.state.version or now != seen:
            seen = now  # missing, unchanged, or still changing: look again later
            continue
        try:
            loaded = await asyncio.to_thread(_loaded, config)
        except KgError as e:
            print(f"kg: {e}; still serving the graph loaded before", file=sys.stderr)
            app.state.version = now  # not retried until the file changes again
            continue
        app.state.version = now
        app.state.store, app.state.stats, app.state.built = loaded
        app.state.pool.reload()
        print(f"kg: reloaded {config.nquads} ({app.state.stats.triples} triples)", file=sys.stderr)


def _loaded(config, store=None) -> tuple:
    """The store (opened unless given), its counts, and when its file was written."""
    from kg.serve.void import dataset_stats
    from kg.sparql.store import open_store

    store = store if store is not None else open_store(config.nquads, config.store)
    return store, dataset_stats(store), built_at(config.nquads)


def _example_order(query) -> tuple[bool, str]:
    return (query.is_violation, query.name)
