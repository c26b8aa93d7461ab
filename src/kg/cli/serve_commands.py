"""``kg serve``: the SPARQL endpoint and linked-data pages over the built graph."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.options import graph_option, store_option


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@graph_option(
    "The graph to serve, any RDF format (N-Quads, Turtle, N-Triples, TriG, JSON-LD, RDF/XML; "
    "default: dist/kg.nq)."
)
@store_option
@click.option(
    "--timeout",
    default=10.0,
    show_default=True,
    type=click.FloatRange(min=0.1),
    help="Seconds a query may run before it is stopped (answered 503).",
)
@click.option(
    "--max-rows",
    default=10_000,
    show_default=True,
    type=click.IntRange(min=1),
    help="Most rows (or triples) a result may have (more is answered 400).",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    help="Query worker processes  [default: one per core]. With 2 or more, one more is "
    "started and two are kept for quick queries (the fast lane).",
)
@click.option(
    "--fast-lane",
    default=0.5,
    show_default=True,
    type=click.FloatRange(min=0),
    help="Seconds a query may run on the fast-lane worker before it moves to another "
    "(0: no fast lane).",
)
@click.option(
    "--queue-wait",
    default=5.0,
    show_default=True,
    type=click.FloatRange(min=0),
    help="Seconds a query may wait for a free worker (then 503 with Retry-After).",
)
@click.option(
    "--client-queries",
    default=2,
    show_default=True,
    type=click.IntRange(min=1),
    help="Queries one client may have running or waiting at once (more: 429, Retry-After).",
)
@click.option(
    "--client-budget",
    default=30.0,
    show_default=True,
    type=click.FloatRange(min=0.1),
    help="Seconds of query time one client may use per minute (then 429, Retry-After).",
)
@click.option(
    "--trusted-proxy",
    "trusted_proxies",
    multiple=True,
    metavar="ADDRESS",
    help="A reverse proxy's address (repeatable): for requests from it, the client is "
    "taken from --client-header.",
)
@click.option(
    "--cache",
    "cache_mb",
    default=64.0,
    show_default=True,
    type=click.FloatRange(min=0),
    help="Megabytes of answers kept: a query asked again on the same graph is answered "
    "without running it (0: none kept; a rebuilt graph empties it).",
)
@click.option(
    "--client-header",
    default="X-Forwarded-For",
    show_default=True,
    help="The header a trusted proxy names the client in.",
)
def serve(
    host: str,
    port: int,
    graph_file: Path | None,
    store_path: Path | None,
    timeout: float,
    max_rows: int,
    **limits,
) -> None:
    """Serve the graph: SPARQL 1.1 Protocol at /sparql, a page per entity under /id/.

    Read-only: SPARQL Update, LOAD, SERVICE and FROM are refused. Each query runs
    in a worker process that is stopped after --timeout seconds (503). Bodies over
    400 kB are refused (413), URLs over 32 KiB too (414: POST long queries).
    A client (its address, or behind --trusted-proxy its --client-header) may have
    --client-queries queries at once and --client-budget seconds of query time per
    minute (429 with Retry-After); a query that finds no free worker within
    --queue-wait seconds gets 503 with Retry-After. A query asked again is answered
    from the --cache of answers. A rebuilt graph file is served within seconds, no
    restart. The front page (/) lists the limits.
    Run `kg build` first.

    Example:

    \b
        kg serve --port 8000
        kg serve --store dist/kg.oxigraph
        curl -g 'http://127.0.0.1:8000/sparql?query=ASK{?s?p?o}'
    """
    import math

    import uvicorn

    from kg.serve.app import ServeConfig, create_app
    from kg.serve.http import HttpProtocol
    from kg.sparql.store import BUILT_NQUADS, open_store, require_graph

    path = require_graph(graph_file or BUILT_NQUADS)
    _check_address(host, port)
    store = open_store(path, store_path)  # a bad file fails here: one line, no traceback
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"kg: warning: serving on {host}, reachable from other machines", err=True)
    config = ServeConfig(path, timeout=timeout, max_rows=max_rows, store=store_path, **limits)
    click.echo(f"kg: serving {path} at http://{host}:{port}/ (SPARQL at /sparql)", err=True)
    uvicorn.run(
        create_app(config, store),
        host=host,
        port=port,
        log_level="warning",
        http=HttpProtocol,  # httptools, its request head held to MAX_HEAD
        access_log=False,
        # SIGTERM: in-flight queries end (answer or 503) before the workers are stopped
        timeout_graceful_shutdown=math.ceil(config.timeout + config.queue_wait) + 5,
    )


def _check_address(host: str, port: int) -> None:
    """Fail with one line, before loading anything, when the address cannot be listened on."""
    import socket

    from kg.core.errors import InputError

    try:
        with socket.create_server((host, port)):
            pass
    except OSError as e:
        raise InputError(f"cannot listen on {host}:{port}: {e.strerror or e}") from e


COMMANDS = [serve]
