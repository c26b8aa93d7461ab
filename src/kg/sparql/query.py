"""Run a SPARQL query on the Oxigraph store and format its results.

The query text (a bundled query, a user's ``.rq`` file, or ``-e`` text) is checked
by :func:`kg.sparql.guard.check_query`, its parameters are bound as typed terms
(:mod:`kg.sparql.params`: a ``VALUES`` block of N-Triples terms, no text pasting), and it runs with
the union of the named graphs as its default graph. Nothing here imports rdflib.

Formats (the ``query`` rows of :mod:`kg.rdf.formats`): ``table`` (aligned for
Hangul), ``csv``, ``tsv``, ``sparql-json`` (also called ``json``), ``sparql-xml``
(the W3C result formats, written by pyoxigraph), ``json-rows`` (one plain object a
row) and ``turtle`` (for CONSTRUCT and DESCRIBE).

Example::

    >>> from kg.build.assemble import build_parts
    >>> from kg.rdf.writing import to_nquads
    >>> _ = Path("kg.nq").write_text(to_nquads(build_parts().dataset()), "utf-8")
    >>> from kg.sparql.store import load_store
    >>> q = find_query("units-opened-in")
    >>> print(execute(load_store(Path("kg.nq")), q, {"year": "2017"}, "csv").decode()[:29])
    unit,label_ko,label_en,opened
"""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox

from kg.core.config import PREFIXES, TURTLE_PREFIXES
from kg.core.errors import QueryError
from kg.core.paths import relative_to_root
from kg.rdf import formats
from kg.rdf.oxigraph import QueryResult, written
from kg.sparql.catalogue import MAX_BYTES, CatalogueQuery, find_query, read_query
from kg.sparql.guard import check_query
from kg.sparql.params import bind, resolve_labels, to_variables, with_values
from kg.sparql.syntax import readable, shorten
from kg.sparql.tables import to_json, to_table, to_xlsx

NAMED = ("entity", "iri")  # the parameter types a name may be given for


def resolve(target: str | None, expression: str | None) -> CatalogueQuery:
    """The query to run: ``-e`` text, a ``.rq`` file, or a bundled query by name."""
    if expression is not None:
        if target:
            raise QueryError("give a query NAME or FILE, or -e TEXT, not both")
        return CatalogueQuery("-e", Path("-e"), expression, "-e", [], [])
    if not target:
        raise QueryError("give a query NAME or FILE.rq, or -e TEXT (see kg query --list)")
    if target.endswith(".rq"):
        return read_query(user_file(target), strict=False)
    return find_query(target)


def user_file(target: str) -> Path:
    """A ``.rq`` file the user named: a regular file (a symlink only to another ``.rq`` file).

    Anything else that is not a query name (``../../etc/passwd``, ``/dev/zero``) is
    refused before it is opened.
    """
    if "\x00" in target:
        raise QueryError("the query file name contains a NUL character")
    path = Path(target)
    if not path.is_file():
        raise QueryError(f"{target}: no such query file")
    if path.is_symlink() and path.resolve().suffix != ".rq":
        raise QueryError(f"{target}: a link to a file that is not a .rq query; refused")
    if path.stat().st_size > MAX_BYTES:
        raise QueryError(f"{target}: larger than {MAX_BYTES} bytes; not a query")
    return path


def source_name(query: CatalogueQuery) -> str:
    """How errors name the query: its file (relative to the repository), or ``-e``."""
    return "the -e query" if query.name == "-e" else relative_to_root(query.path)


def run(store: ox.Store, query: CatalogueQuery, given: dict[str, str] | None = None) -> QueryResult:
    """Check, bind and run ``query``; returns pyoxigraph's solutions, boolean or triples.

    ``-e`` text may use the project's prefixes (kg:, org:, schema: …) without
    declaring them; files must declare theirs, so that any SPARQL engine runs them.
    """
    source = source_name(query)
    text = prepare(query, given, store)
    if query.index:  # a name search: answered by the label index (kg.sparql.lookup)
        from kg.sparql.labels import index_for
        from kg.sparql.lookup import search

        return search(query, bind(query.params, given or {}, source), index_for(store))
    try:
        return store.query(
            text,
            use_default_graph_as_union=True,
            prefixes=PREFIXES if query.name == "-e" else None,
        )
    except SyntaxError as e:
        raise QueryError(f"{source}: {readable(str(e), text)}") from e
    except RuntimeError as e:
        raise QueryError(f"{source}: {_runtime_message(str(e))}") from e
    except OSError as e:
        raise QueryError(f"{source}: the store could not be read: {e}") from e


def prepare(
    query: CatalogueQuery, given: dict[str, str] | None = None, store: ox.Store | None = None
) -> str:
    """Check ``query`` with :mod:`kg.sparql.guard` and bind its parameters.

    Returns the text to run: the query with a VALUES block of the bound parameters
    opening its WHERE group (:func:`kg.sparql.params.with_values`). Given the local
    ``store``, a name given for an ``entity`` or ``iri`` parameter is bound as the IRIs
    bearing it: first by exact label, other name or code
    (:func:`kg.sparql.params.resolve_labels`), else through the label index
    (:mod:`kg.sparql.lookup`), which names close names when nothing matches; an ``iri``
    parameter needs exactly one.
    """
    source = source_name(query)
    try:
        check_query(query.text)
    except QueryError as e:
        raise QueryError(f"{source}: {e}") from e
    bindings = bind(query.params, given or {}, source)
    if store is not None and any(p.type in NAMED for p in query.params):
        from kg.sparql.labels import index_for  # sqlite3: imported only when needed
        from kg.sparql.lookup import needs_index, one_each, resolve_names

        bindings = resolve_labels(store, query.params, bindings)
        if needs_index(query, bindings):
            bindings = resolve_names(query.params, bindings, index_for(store), source)
        bindings = one_each(query.params, bindings, source)
    return with_values(query.text, to_variables(query.params, bindings), source)


def execute(
    store: ox.Store,
    query: CatalogueQuery,
    given: dict[str, str] | None,
    fmt: str | None,
    fallback: str = "csv",
) -> bytes:
    """Run ``query`` and return its results in ``fmt`` (a ``query`` format or its alias).

    With ``fmt`` None, triples (CONSTRUCT/DESCRIBE) give Turtle, anything else ``fallback``.
    """
    results = run(store, query, given)
    if fmt is None:
        fmt = "turtle" if isinstance(results, ox.QueryTriples) else fallback
    return render(results, fmt, source_name(query))


def render(results: QueryResult, fmt: str, source: str = "the query") -> bytes:
    """Serialize pyoxigraph results: its own writers for the W3C formats, ours for the rest."""
    chosen = formats.find(fmt)
    if chosen is None or "query" not in chosen.uses:
        known = ", ".join(formats.names("query"))
        raise QueryError(f"unknown format {fmt!r} (known: {known})")
    if isinstance(results, ox.QueryTriples):
        if not chosen.rdf:
            raise QueryError(f"{source} gives triples (CONSTRUCT/DESCRIBE): use --format turtle")
        return written(ox.serialize(results, format=chosen.oxigraph(), prefixes=_turtle_prefixes()))
    if chosen.rdf:
        raise QueryError(f"--format {fmt} is for CONSTRUCT/DESCRIBE queries; {source} is not")
    if chosen.results:
        return written(results.serialize(format=chosen.oxigraph()))
    if isinstance(results, ox.QueryBoolean):
        if chosen.name == "xlsx":
            return to_xlsx(["answer"], [(ox.Literal(bool(results)),)])
        answer = "true" if bool(results) else "false"
        return (answer + "\n").encode("utf-8")
    columns = [v.value for v in results.variables]
    rows = [tuple(solution[c] for c in columns) for solution in results]
    if chosen.name == "xlsx":
        return to_xlsx(columns, rows)
    text = to_table(columns, rows) if chosen.name == "table" else to_json(columns, rows)
    return text.encode("utf-8")


def default_format(tty: bool, output: Path | None = None) -> str:
    """``table`` on a terminal; else from the ``-o`` suffix; else ``csv``."""
    if output is not None:
        found = formats.suffix_format(output.suffix, "query")
        return found.name if found else "csv"
    return "table" if tty else "csv"


def newer_inputs(nquads: Path) -> list[Path]:
    """The sources, records and ontology files changed since ``nquads`` was built."""
    from kg.core.paths import BUILD_INPUT_DIRS

    try:
        built = nquads.stat().st_mtime
    except OSError:
        return []
    inputs = [p for d in BUILD_INPUT_DIRS for p in sorted(d.glob("*"))]
    return [p for p in inputs if p.is_file() and p.stat().st_mtime > built]


def _turtle_prefixes() -> dict[str, str]:
    return {name: PREFIXES[name] for name in TURTLE_PREFIXES}


def _runtime_message(message: str) -> str:
    match = re.search(r"variable \?(\w+) in its SELECT projection", message)
    if match:
        return f"parameter {match.group(1)} must be a column of the query (in its SELECT)"
    return shorten(message)
