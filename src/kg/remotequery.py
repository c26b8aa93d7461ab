"""``kg query --endpoint``: the same queries, parameters and output formats, on a remote store.

The query is checked by :func:`kg.guard.check_query`, then its parameters are bound
without pasting user text: each value becomes an RDF term (:mod:`kg.params`), written
in its N-Triples form (escaped by pyoxigraph) in a ``VALUES`` block placed first in the
query's WHERE group, where the bundled queries use their parameters. The rewritten
text is checked again and parsed by pyoxigraph before it is sent. The answer is read
back into pyoxigraph results, so every output format of :func:`kg.query.render` works
as for the local store.

Example::

    >>> q = find_query("units-opened-in")                                  # doctest: +SKIP
    >>> execute_remote("http://127.0.0.1:7878/query", q, {"year": "2017"}, "csv")  # doctest: +SKIP
"""

from __future__ import annotations

import pyoxigraph as ox

from kg.catalogue import CatalogueQuery
from kg.config import PREFIXES
from kg.errors import QueryError
from kg.guard import TOKEN, check_query
from kg.params import bind
from kg.query import render, source_name
from kg.remote import remote_query

FORMS = ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")


def remote_text(query: CatalogueQuery, given: dict[str, str] | None = None) -> str:
    """The text sent to the endpoint: prefixes for ``-e`` text, parameters as ``VALUES``."""
    source = source_name(query)
    try:
        check_query(query.text)
    except QueryError as e:
        raise QueryError(f"{source}: {e}") from e
    text = query.text
    bindings = bind(query.params, given or {}, source)
    if bindings:
        names = " ".join(str(v) for v in bindings)
        terms = " ".join(str(t) for t in bindings.values())
        at = where_group(text, source)
        text = f"{text[:at]} VALUES ({names}) {{ ({terms}) }}{text[at:]}"
    if query.name == "-e":
        text = "".join(f"PREFIX {n}: <{iri}>\n" for n, iri in PREFIXES.items()) + text
    check_query(text)
    try:  # the rewritten query must still be SPARQL (run on an empty store: no data read)
        ox.Store().query(text)
    except SyntaxError as e:
        raise QueryError(f"{source}: not valid SPARQL: {' '.join(str(e).split())}") from e
    return text


def where_group(text: str, source: str = "the query") -> int:
    """The offset just after the ``{`` that opens the query's WHERE group.

    That is the first top-level ``{`` after the keyword WHERE, or, without the
    keyword, the first top-level ``{`` after the query form (the second for
    CONSTRUCT, whose first is its template). Strings, IRIs and comments are skipped.
    """
    depth, form, groups, after_where = 0, "", 0, False
    for match in TOKEN.finditer(text):
        kind, token = match.lastgroup, match.group()
        if kind == "word" and depth == 0:
            word = token.upper()
            form = form or (word if word in FORMS else "")
            after_where = after_where or (word == "WHERE" and bool(form))
        elif kind == "open":
            if depth == 0 and token == "{" and form:
                groups += 1
                if after_where or form != "CONSTRUCT" or groups == 2:
                    return match.end()
            depth += 1
        elif kind == "close":
            depth = max(0, depth - 1)
    raise QueryError(f"{source} has no WHERE group to bind its parameters in")


def run_remote(endpoint: str, query: CatalogueQuery, given: dict[str, str] | None = None,
               default_graph: str = ""):  # fmt: skip
    """Run ``query`` on ``endpoint``: pyoxigraph solutions, boolean or triples."""
    return remote_query(endpoint, remote_text(query, given), default_graph)


def execute_remote(
    endpoint: str,
    query: CatalogueQuery,
    given: dict[str, str] | None,
    fmt: str | None,
    fallback: str = "csv",
    default_graph: str = "",
) -> bytes:
    """Like :func:`kg.query.execute`, on a remote SPARQL 1.1 endpoint."""
    results = run_remote(endpoint, query, given, default_graph)
    if fmt is None:
        fmt = "turtle" if isinstance(results, ox.QueryTriples) else fallback
    return render(results, fmt, source_name(query))
