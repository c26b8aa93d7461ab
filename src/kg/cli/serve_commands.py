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
    default=2,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Query worker processes.",
)
def serve(
    host: str,
    port: int,
    graph_file: Path | None,
    store_path: Path | None,
    timeout: float,
    max_rows: int,
    workers: int,
) -> None:
    """Serve the graph: SPARQL 1.1 Protocol at /sparql, a page per entity under /id/.

    Read-only: SPARQL Update, LOAD, SERVICE and FROM are refused. Each query runs
    in a worker process that is stopped after --timeout seconds (503). Bodies over
    400 kB are refused (413), URLs over 32 KiB too (414: POST long queries).
    Run `kg build` first.

    Example:

    \b
        kg serve --port 8000
        kg serve --store dist/kg.oxigraph
        curl -g 'http://127.0.0.1:8000/sparql?query=ASK{?s?p?o}'
    """
    import uvicorn

    from kg.serve.app import MAX_HEAD, ServeConfig, create_app
    from kg.sparql.store import BUILT_NQUADS, open_store, require_graph

    path = require_graph(graph_file or BUILT_NQUADS)
    _check_address(host, port)
    store = open_store(path, store_path)  # a bad file fails here: one line, no traceback
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"kg: warning: serving on {host}, reachable from other machines", err=True)
    config = ServeConfig(
        path, workers=workers, timeout=timeout, max_rows=max_rows, store=store_path
    )
    click.echo(f"kg: serving {path} at http://{host}:{port}/ (SPARQL at /sparql)", err=True)
    uvicorn.run(
        create_app(config, store),
        host=host,
        port=port,
        log_level="warning",
        http="h11",  # its header size cap (MAX_HEAD) is what the server documents
        h11_max_incomplete_event_size=MAX_HEAD,
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
