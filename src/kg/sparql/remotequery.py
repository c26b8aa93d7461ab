"""``kg query --endpoint``: the same queries, parameters and output formats, on a remote store.

The query is checked by :func:`kg.sparql.guard.check_query`, then its parameters are bound
without pasting user text: each value becomes an RDF term (:mod:`kg.sparql.params`), written
in its N-Triples form (escaped by pyoxigraph) in a ``VALUES`` block placed first in the
query's WHERE group, where the bundled queries use their parameters. The rewritten
text is checked again and parsed by pyoxigraph before it is sent. The answer is read
back into pyoxigraph results, so every output format of :func:`kg.sparql.query.render` works
as for the local store.

Example::

    >>> q = find_query("units-opened-in")                                  # doctest: +SKIP
    >>> execute_remote("http://127.0.0.1:7878/query", q, {"year": "2017"}, "csv")  # doctest: +SKIP
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pyoxigraph as ox

from kg.core.config import PREFIXES
from kg.core.errors import QueryError
from kg.rdf.oxigraph import QueryResult, written
from kg.sparql.catalogue import CatalogueQuery
from kg.sparql.guard import check_query
from kg.sparql.names import Lookup, resolve_names
from kg.sparql.params import bind, to_variables, with_values
from kg.sparql.query import render, source_name
from kg.sparql.remote import DEFAULT_GRAPH, holds_triples, remote_query


@dataclass(frozen=True)
class RemoteAnswer:
    """The rendered answer, and a note for the user ("" if none) when it is empty."""

    data: bytes
    note: str = ""


def remote_text(
    query: CatalogueQuery, given: dict[str, str] | None = None, lookup: Lookup | None = None
) -> str:
    """The text sent to the endpoint: prefixes for ``-e`` text, parameters as ``VALUES``.

    With ``lookup``, names given for ``iri``/``entity`` parameters are looked up first.
    """
    source = source_name(query)
    try:
        check_query(query.text)
    except QueryError as e:
        raise QueryError(f"{source}: {e}") from e
    text = query.text
    bindings = bind(query.params, given or {}, source)
    if lookup is not None:
        bindings = resolve_names(query.params, bindings, lookup, source)
    bindings = to_variables(query.params, bindings)
    text = with_values(text, bindings, source)
    if query.name == "-e":
        text = "".join(f"PREFIX {n}: <{iri}>\n" for n, iri in PREFIXES.items()) + text
    check_query(text)
    try:  # the rewritten query must still be SPARQL (run on an empty store: no data read)
        ox.Store().query(text)
    except SyntaxError as e:
        raise QueryError(f"{source}: not valid SPARQL: {' '.join(str(e).split())}") from e
    return text


def run_remote(endpoint: str, query: CatalogueQuery, given: dict[str, str] | None = None,
               default_graph: str = DEFAULT_GRAPH):  # fmt: skip
    """Run ``query`` on ``endpoint``: pyoxigraph solutions, boolean or triples."""

    def lookup(text: str) -> list[str]:
        solutions = remote_query(endpoint, text, default_graph)
        assert isinstance(solutions, ox.QuerySolutions)
        return [s[0].value for s in solutions if s[0] is not None]

    return remote_query(endpoint, remote_text(query, given, lookup), default_graph)


def execute_remote(
    endpoint: str,
    query: CatalogueQuery,
    given: dict[str, str] | None,
    fmt: str | None,
    fallback: str = "csv",
    default_graph: str = DEFAULT_GRAPH,
) -> RemoteAnswer:
    """Like :func:`kg.sparql.query.execute`, on a remote SPARQL 1.1 endpoint.

    An empty answer (no row, no triple, ``false``) from an endpoint whose graph holds
    no triple at all comes with a note saying so, rather than zero rows in silence.
    """
    results, empty = _peeked(run_remote(endpoint, query, given, default_graph))
    if fmt is None:
        fmt = "turtle" if isinstance(results, ox.QueryTriples) else fallback
    data = render(results, fmt, source_name(query))
    if not empty or holds_triples(endpoint, default_graph):
        return RemoteAnswer(data)
    return RemoteAnswer(data, empty_note(endpoint, default_graph))


def empty_note(endpoint: str, default_graph: str) -> str:
    """What to tell a user whose endpoint holds nothing in the graph queried."""
    if default_graph:
        return (
            f"{endpoint} holds no triples in <{default_graph}>: did you `kg push` "
            "(or push into another graph: --default-graph IRI)?"
        )
    return f"{endpoint} holds no triples in its default graph: did you `kg push`?"


def _peeked(results: QueryResult) -> tuple[QueryResult, bool]:
    """``results`` (read again from a copy) and whether they are empty."""
    if isinstance(results, ox.QueryBoolean):
        return results, not bool(results)
    if isinstance(results, ox.QueryTriples):
        store = ox.Store()
        store.extend(ox.Quad(*t) for t in results)
        return store.query("CONSTRUCT WHERE { ?s ?p ?o }"), len(store) == 0
    data = written(results.serialize(format=ox.QueryResultsFormat.JSON))
    empty = not json.loads(data)["results"]["bindings"]
    return ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON), empty
