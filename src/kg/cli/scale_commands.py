"""``kg synth`` and ``kg push``: graphs at scale, and handing them to a real triple store."""

from __future__ import annotations

import os
from pathlib import Path

import click


@click.command()
@click.option("--scale", "n", type=click.IntRange(min=1), required=True,
              help="About how many triples (at least 17 agencies are written).")  # fmt: skip
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Output file, .nq or .nt (default: dist/synth.nq).")  # fmt: skip
def synth(n: int, output: Path | None) -> None:
    """Write a synthetic graph of our exact shape, of about N triples.

    Agencies in all 17 regions with their units, timeline events, directors,
    programs, figures, subjects and source documents, every entity grounded by
    annotations in a generated text. The texts go next to the output, in
    <stem>.texts/ (schema:contentUrl is relative to the output's folder). The same
    N always gives byte-identical files.

    Example:

    \b
        kg synth --scale 100000 -o dist/synth-1e5.nq
    """
    from kg.core.errors import InputError
    from kg.core.paths import DIST_DIR
    from kg.rdf import formats
    from kg.scale.synth import write_synth

    written = ("nquads", "ntriples")
    if output is not None and formats.for_file(output, None, "read").name not in written:
        raise InputError(f"{output}: a synthetic graph is N-Quads (.nq) or N-Triples (.nt)")
    path, count = write_synth(n, output or DIST_DIR / "synth.nq")
    click.echo(f"wrote {os.path.relpath(path)} ({count} triples)")


@click.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--endpoint", required=True,
              help="Graph Store URL, e.g. http://127.0.0.1:7878/store.")  # fmt: skip
@click.option("--graph", "graph", default=None,
              help="Named graph IRI to replace (default: <base>graph/all).")  # fmt: skip
@click.option("--query-endpoint", default="",
              help="SPARQL query URL to count stored triples (default: GET), and to print "
                   "in the `kg query` command that reads the graph back.")  # fmt: skip
def push(file: Path | None, endpoint: str, graph: str | None, query_endpoint: str) -> None:
    """Replace a named graph of a remote store with the built graph (FILE or dist/kg.nq).

    One HTTP PUT (SPARQL 1.1 Graph Store Protocol) replaces the graph at once;
    then the remote triple count must equal the local one, or the command fails
    and claims nothing. Contacts only the URLs given.

    Example:

    \b
        kg push --endpoint http://127.0.0.1:7878/store
        kg push --endpoint http://127.0.0.1:7878/store --graph https://example.org/kg
        kg push --endpoint http://127.0.0.1:8890/sparql-graph-crud
    """
    from kg.core.paths import DIST_DIR
    from kg.sparql.remote import DEFAULT_GRAPH, read_back_command
    from kg.sparql.remote import push as run_push

    result = run_push(file or DIST_DIR / "kg.nq", endpoint, graph or DEFAULT_GRAPH, query_endpoint)
    click.echo(
        f"pushed {result.sent} triples into <{result.graph}>; the store holds {result.stored}"
    )
    click.echo(f"read it back: {read_back_command(endpoint, result.graph, query_endpoint)}",
               err=True)  # fmt: skip


COMMANDS = [synth, push]
