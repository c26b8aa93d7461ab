"""``kg query``: the bundled SPARQL catalogue, a user's file, or -e text, run on Oxigraph.

Only pyoxigraph is imported on this path (never rdflib, pyshacl or networkx), so a
query answers in a fraction of a second.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli.options import graph_option, store_option
from kg.rdf import formats


@click.command("query")
@click.argument("target", metavar="[NAME | FILE.rq]", required=False)
@click.option("-e", "expression", metavar="TEXT", help="Run this SPARQL text instead.")
@click.option("--list", "list_only", is_flag=True, help="List the bundled queries and exit.")
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="A parameter value, checked against the query's '# param:' type. Repeatable.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(formats.choices("query"), case_sensitive=False),
    default=None,
    help="Output format (default: from the -o suffix, else table on a terminal, else csv; "
    "turtle for CONSTRUCT/DESCRIBE). json is SPARQL JSON (= sparql-json); json-rows is "
    "one plain object per row; xlsx an Excel workbook (-o FILE.xlsx). A CSV file written "
    "with -o opens with a UTF-8 BOM, for Excel.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the results to this file (atomically) instead of the screen.",
)
@graph_option(
    "The RDF file to query, any format (N-Quads, Turtle, N-Triples, TriG, JSON-LD, RDF/XML; "
    "default: dist/kg.nq, written by `kg build`)."
)
@click.option(
    "--timeout",
    default=30.0,
    show_default=True,
    type=click.FloatRange(min=0),
    help="Seconds the query may run (loading the graph included, building a --store "
    "not) before it is stopped "
    "(exit 2); 0 runs it in this process: no limit, and no network isolation.",
)
@store_option
@click.option(
    "--endpoint",
    metavar="URL",
    default=None,
    help="Run the query on this SPARQL 1.1 endpoint instead of the local graph.",
)
@click.option(
    "--default-graph",
    metavar="IRI",
    default=None,
    help="With --endpoint: the graph to query, sent as default-graph-uri (default: "
    "<base>graph/all, the one `kg push` fills; '' for the endpoint's own default graph).",
)
def query(
    target: str | None,
    expression: str | None,
    list_only: bool,
    params: tuple[str, ...],
    fmt: str | None,
    output: Path | None,
    graph_file: Path | None,
    timeout: float,
    store_path: Path | None,
    endpoint: str | None,
    default_graph: str | None,
) -> None:
    """Answer a question with SPARQL: a bundled query by NAME, a FILE.rq, or -e TEXT.

    Queries run on the built graph (dist/kg.nq; run `kg build` first), facts and
    provenance together. Parameters are bound as typed RDF terms, never pasted
    into the text; -e text may use the prefixes kg:, org:, schema:, oa: … without
    declaring them. Without --format, a terminal gets an aligned table and a pipe
    gets CSV (SPARQL 1.1 CSV: full IRIs, plain values). The query runs in a
    separate process, stopped after --timeout seconds: an error, never a partial
    answer.

    Example:

    \b
        kg query --list
        kg query history
        kg query units-opened-in --param year=2017
        kg query evidence --param entity=정보통신부 --format json-rows
        kg query search --param text=jeonju
        kg query -e 'SELECT ?unit WHERE { ?unit a org:OrganizationalUnit }'
        kg query describe --param entity=unit/sos-lab -o sos-lab.ttl
        kg query history -o history.xlsx
        kg query neighbours --param org=정보통신부
        kg query my-question.rq --timeout 120
        kg query history --store dist/kg.oxigraph
        kg query history --endpoint http://127.0.0.1:7878/query
        kg query history --endpoint http://127.0.0.1:8890/sparql --default-graph ''
    """
    from kg.core.errors import InputError
    from kg.core.paths import relative_to_root
    from kg.sparql.catalogue import load_catalogue
    from kg.sparql.params import parse_assignments
    from kg.sparql.query import default_format, newer_inputs, prepare, resolve
    from kg.sparql.store import BUILT_NQUADS

    if list_only:
        text = _catalogue_text(load_catalogue(), fmt)
        _emit(text.encode("utf-8"), output)
        return
    chosen = resolve(target, expression)
    given = parse_assignments(params)
    prepare(chosen, given)  # refused text or a bad parameter fails here, before any work
    if output is not None:  # the file's suffix means its format (and must agree with --format)
        fmt = formats.for_file(output, fmt, "query").name
    elif fmt and formats.get(fmt).name == "xlsx" and sys.stdout.isatty():
        raise InputError("an Excel workbook is not for the terminal: give -o FILE.xlsx")
    fallback = default_format(sys.stdout.isatty(), output)
    if endpoint:
        data = _remote(endpoint, chosen, given, fmt, fallback, default_graph)
        _emit(formats.get(fmt).file_data(data) if output and fmt else data, output)
        return
    if graph_file is None and (changed := newer_inputs(BUILT_NQUADS)):
        click.echo(
            f"kg: warning: {relative_to_root(changed[0])} changed after dist/kg.nq was built;"
            " run `kg build` for current answers",
            err=True,
        )
    args = (chosen, given, fmt, fallback)
    data = _run(graph_file or BUILT_NQUADS, store_path, args, timeout)
    _emit(formats.get(fmt).file_data(data) if output and fmt else data, output)


def _run(nquads: Path, store_path: Path | None, args: tuple, timeout: float) -> bytes:
    """The query's output: run in a child process killed past ``timeout`` (0: here, no limit)."""
    from kg.sparql.query import execute
    from kg.sparql.store import require_graph

    require_graph(nquads)
    if store_path is not None:  # building a store is not the query: not under its time limit
        from kg.sparql.store import prepare_store

        prepare_store(nquads, store_path)
    if timeout == 0:
        from kg.sparql.store import open_store

        return execute(open_store(nquads, store_path), *args)
    from kg.sparql.oneshot import can_fork, run_once

    if can_fork():  # cheap: no asyncio, no multiprocessing
        return run_once(nquads, execute, args, timeout, store_path)
    from kg.sparql.executor import run_spawned

    return run_spawned(nquads, execute, args, timeout, store_path)


def _remote(endpoint: str, chosen, given: dict, fmt: str | None, fallback: str,
            graph: str | None) -> bytes:  # fmt: skip
    """The answer of a remote endpoint; a note on stderr when it holds nothing of ours."""
    from kg.sparql.remote import DEFAULT_GRAPH
    from kg.sparql.remotequery import execute_remote

    chosen_graph = DEFAULT_GRAPH if graph is None else graph
    answer = execute_remote(endpoint, chosen, given, fmt, fallback, chosen_graph)
    if answer.note:
        click.echo(f"kg: note: {answer.note}", err=True)
    return answer.data


def _catalogue_text(catalogue: dict, fmt: str | None) -> str:
    import json

    entries = [
        {
            "name": q.name,
            "title": q.title,
            "description": q.description,
            "params": [
                {"name": p.name, "type": p.type, "default": p.default, "doc": p.doc}
                for p in q.params
            ],
            "check": q.is_violation,
        }
        for q in catalogue.values()
    ]
    if fmt is not None and "json" in formats.get(fmt).name:
        return json.dumps(entries, ensure_ascii=False, indent=1) + "\n"
    width = max(len(e["name"]) for e in entries)
    lines = []
    for q in catalogue.values():
        names = " ".join(
            f"{p.name}={p.type}" if p.required else f"[{p.name}={p.type}]" for p in q.params
        )
        lines.append(f"{q.name:<{width}}  {q.title}" + (f"  ({names})" if names else ""))
    return "\n".join(lines) + "\n"


def _emit(data: bytes, output: Path | None) -> None:
    """Write to the ``-o`` file atomically, or to stdout as bytes (UTF-8, as serialized)."""
    if output is not None:
        from kg.core.files import write_atomic

        write_atomic(output, data)
        click.echo(f"wrote {output}", err=True)
        return
    click.echo(data, nl=not data.endswith(b"\n"))  # bytes go to the binary stdout


COMMANDS = [query]
