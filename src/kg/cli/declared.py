"""Command-line options declared once, as data, without importing click.

:mod:`kg.cli.options` builds click's parameters from these declarations, and the
fast path of ``kg query`` (:mod:`kg.cli.fast`) reads the same ones to take plain
arguments without importing click (~35 ms of a one-shot query). :meth:`Option.convert`
takes only values click would take unchanged; for anything else it says None and
the command line goes to click, which converts it or names the error.

Example::

    >>> TIMEOUT.convert("2.5"), TIMEOUT.convert("-1"), TIMEOUT.convert("soon")
    (2.5, None, None)
"""

from __future__ import annotations

import math
import os
import stat
from pathlib import Path

from kg.rdf import formats

KINDS = ("text", "flag", "float", "choice", "file", "folder")


class Option:
    """One parameter of a command: its names, kind (one of :data:`KINDS`) and help."""

    def __init__(
        self,
        *decls: str,
        dest: str,
        kind: str = "text",
        help: str = "",
        metavar: str | None = None,
        multiple: bool = False,
        default: object = None,
        minimum: int | None = None,
        choices: tuple[str, ...] = (),
        show_default: bool = False,
    ) -> None:
        assert kind in KINDS, kind
        self.decls, self.dest, self.kind = decls, dest, kind
        self.argument = not decls  # a positional argument: named by ``dest`` alone
        self.help, self.metavar, self.multiple = help, metavar, multiple
        self.minimum = minimum  # float: the least value taken
        self.choices = choices  # choice: the names taken, in any case
        self.show_default = show_default
        empty = () if multiple else (False if kind == "flag" else None)
        self.default = empty if default is None else default

    def helped(self, text: str) -> Option:
        """This option with another help text (a shared option, said for one command)."""
        copy = Option.__new__(Option)
        copy.__dict__.update(self.__dict__, help=text)
        return copy

    def convert(self, value: str) -> object:
        """``value`` as click would pass it on; None if click might refuse or change it."""
        if not value or value.startswith("-"):  # "" and "-…": click's own reading decides
            return None
        if self.kind == "text":
            return value
        if self.kind == "choice":
            return {c.casefold(): c for c in self.choices}.get(value.casefold())
        if self.kind == "float":
            return _number(value, self.minimum)
        return _path(value, folder=self.kind == "folder")


def _number(value: str, minimum: int | None) -> float | None:
    try:
        number = float(value)
    except ValueError:
        return None
    if not math.isfinite(number) or (minimum is not None and number < minimum):
        return None
    return number


def _path(value: str, folder: bool) -> Path | None:
    """A path click takes as given: missing, or there, readable and of the right kind."""
    try:
        mode = os.stat(value).st_mode
    except OSError:
        return Path(value)
    wrong = stat.S_ISREG(mode) if folder else stat.S_ISDIR(mode)
    return None if wrong or not os.access(value, os.R_OK) else Path(value)


GRAPH = Option("--graph", dest="graph_file", kind="file")
STORE = Option(
    "--store",
    dest="store_path",
    kind="folder",
    help="A persistent Oxigraph store (a folder): built from the graph when missing or "
    "older than it, then opened read-only, so a big graph is loaded once.",
)

TIMEOUT = Option(
    "--timeout",
    dest="timeout",
    kind="float",
    default=30.0,
    minimum=0,
    show_default=True,
    help="Seconds the query may run (loading the graph included, building a --store "
    "not) before it is stopped (exit 2); 0 runs it in this process: no limit, and no "
    "network isolation.",
)

QUERY = (  # kg query's parameters, in the order --help shows them
    Option(dest="target", metavar="[NAME | FILE.rq]"),
    Option("-e", dest="expression", metavar="TEXT", help="Run this SPARQL text instead."),
    Option("--list", dest="list_only", kind="flag", help="List the bundled queries and exit."),
    Option(
        "--param",
        dest="params",
        multiple=True,
        metavar="NAME=VALUE",
        help="A parameter value, checked against the query's '# param:' type. Repeatable.",
    ),
    Option(
        "--format",
        dest="fmt",
        kind="choice",
        choices=formats.choices("query"),
        help="Output format (default: from the -o suffix, else table on a terminal, else csv; "
        "turtle for CONSTRUCT/DESCRIBE). json is SPARQL JSON (= sparql-json); json-rows is "
        "one plain object per row; xlsx an Excel workbook (-o FILE.xlsx). A CSV file written "
        "with -o opens with a UTF-8 BOM, for Excel.",
    ),
    Option(
        "-o",
        "--output",
        dest="output",
        kind="file",
        help="Write the results to this file (atomically) instead of the screen.",
    ),
    GRAPH.helped(
        "The RDF file to query, any format (N-Quads, Turtle, N-Triples, TriG, JSON-LD, RDF/XML; "
        "default: dist/kg.nq, written by `kg build`)."
    ),
    TIMEOUT,
    STORE,
    Option(
        "--endpoint",
        dest="endpoint",
        metavar="URL",
        help="Run the query on this SPARQL 1.1 endpoint instead of the local graph.",
    ),
    Option(
        "--default-graph",
        dest="default_graph",
        metavar="IRI",
        help="With --endpoint: the graph to query, sent as default-graph-uri (default: "
        "<base>graph/all, the one `kg push` fills; '' for the endpoint's own default graph).",
    ),
)
