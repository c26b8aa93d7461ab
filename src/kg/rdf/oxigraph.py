"""pyoxigraph's results narrowed to what a call gives, so the callers are type-checked.

``Store.query`` is typed as solutions, a boolean or triples whatever the query;
``serialize`` as ``bytes | None`` though it only gives None when it writes to a file.
These helpers give the one type the call returns, and a clear error if it ever does not.

Example::

    >>> store = ox.Store()
    >>> store.add(ox.Quad(ox.NamedNode("https://e.org/s"), ox.NamedNode("https://e.org/p"),
    ...                   ox.Literal("o")))
    >>> [row["o"].value for row in select(store, "SELECT ?o WHERE { ?s ?p ?o }")]
    ['o']
    >>> written(ox.serialize(store, format=ox.RdfFormat.N_QUADS))
    b'<https://e.org/s> <https://e.org/p> "o" .\\n'
"""

from __future__ import annotations

import pyoxigraph as ox

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
"""Any term pyoxigraph puts in a quad's object or a query solution (a triple is RDF 1.2)."""

QueryResult = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples
"""What ``Store.query`` returns: SELECT solutions, an ASK answer, CONSTRUCT/DESCRIBE triples."""


def select(
    store: ox.Store, query: str, substitutions: dict[ox.Variable, Term] | None = None
) -> ox.QuerySolutions:
    """The solutions of a SELECT ``query`` over the union of the store's graphs."""
    result = store.query(query, use_default_graph_as_union=True, substitutions=substitutions)
    return solutions(result)


def solutions(result: QueryResult) -> ox.QuerySolutions:
    """``result`` as SELECT solutions; a boolean or triples here is a bug in the query."""
    if not isinstance(result, ox.QuerySolutions):
        raise TypeError(f"a SELECT query gave {type(result).__name__}, not solutions")
    return result


def written(data: bytes | None) -> bytes:
    """The bytes of a ``serialize`` call given no output (pyoxigraph returns None only to files)."""
    if data is None:
        raise TypeError("pyoxigraph wrote to a file where bytes were asked for")
    return data
