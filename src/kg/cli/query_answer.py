"""What ``kg query`` does, without click: the fast path (:mod:`kg.cli.fast`) runs it too.

:mod:`kg.cli.query_commands` is the click command; both pass the parameters
declared in :data:`kg.cli.declared.QUERY` to :func:`answer`. Messages to stderr go
through click (:func:`say`, imported then), the answer itself straight to stdout.
"""

from __future__ import annotations

import sys
from pathlib import Path

from kg.rdf import formats


def answer(
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
    """Run the query (or list the catalogue) and write its answer: see ``kg query --help``."""
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
        say(
            f"kg: warning: {relative_to_root(changed[0])} changed after dist/kg.nq was built;"
            " run `kg build` for current answers"
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
        say(f"kg: note: {answer.note}")
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
        say(f"wrote {output}")
        return
    out = data if data.endswith(b"\n") else data + b"\n"
    sys.stdout.flush()  # as click.echo writes bytes: to the binary stdout, flushed
    sys.stdout.buffer.write(out)
    sys.stdout.buffer.flush()


def say(text: str) -> None:
    """One line to stderr, as click writes it (imported only now: not on a query's path)."""
    import click

    click.echo(text, err=True)
