"""Queries that find entities by name, answered from the label index (:mod:`kg.sparql.labels`).

Two uses, on a local store only (an endpoint runs the query's own SPARQL):

* an ``entity`` parameter given as a name (``정보통신부``, ``MIC``) is looked up in the
  index and bound as the IRI(s) bearing it, so the query matches IRIs, not every label;
  a name that nothing bears is an error that suggests names that come close;
* a query whose header says ``# index: PARAM`` (the bundled ``search``) is answered from
  the index: the names it finds (by substring, romanization or initial consonants) are
  bound as ``?node ?matched`` rows of :data:`SEARCH`, which gives the query's columns.

Example::

    >>> from kg.core.config import ID_BASE
    >>> from kg.sparql.catalogue import Param
    >>> from kg.sparql.labels import LABEL, index_for
    >>> store, org = ox.Store(), ox.NamedNode(ID_BASE + "org/j")
    >>> name = ox.Literal("전주정보문화산업진흥원", language="ko")
    >>> store.add(ox.Quad(org, ox.NamedNode(LABEL), name))
    >>> bound = {ox.Variable("entity"): ox.Literal("전주정보문화산업진흥원")}
    >>> resolve_names([Param("entity", "entity")], bound, index_for(store), "q.rq")
    {<Variable value=entity>: [<NamedNode value=https://w3id.org/kr-ict-kg/id/org/j>]}
"""

from __future__ import annotations

import pyoxigraph as ox

from kg.core.errors import QueryError
from kg.sparql.catalogue import CatalogueQuery, Param
from kg.sparql.labels import LabelIndex

SEARCH = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?node ?type ?label_ko ?label_en ?matched ?{text} WHERE {{
  {rows}
  ?node rdfs:label ?label_ko . FILTER (LANG(?label_ko) = "ko")
  OPTIONAL {{ ?node rdfs:label ?label_en . FILTER (LANG(?label_en) = "en") }}
  BIND (REPLACE(STR(?node), "^.*/id/([^/]+)/.*$", "$1") AS ?type)
}}
ORDER BY ?type ?label_ko ?matched
"""
SUGGESTIONS = 3


def needs_index(query: CatalogueQuery, bindings: dict[ox.Variable, object]) -> bool:
    """True when ``query`` is a name search, or an ``entity`` parameter is bound to a name."""
    return bool(query.index) or any(
        isinstance(bindings.get(ox.Variable(p.name)), ox.Literal)
        for p in query.params
        if p.type == "entity"
    )


def resolve_names(
    params: list[Param], bindings: dict[ox.Variable, object], index: LabelIndex, source: str
) -> dict[ox.Variable, object]:
    """``bindings`` with each ``entity`` name replaced by the IRIs that bear it (a list)."""
    resolved = dict(bindings)
    for param in params:
        variable = ox.Variable(param.name)
        name = bindings.get(variable)
        if param.type != "entity" or not isinstance(name, ox.Literal):
            continue
        iris = index.named(name.value)
        if not iris:
            raise QueryError(f"{source}: parameter {param.name}: {_nothing(index, name.value)}")
        resolved[variable] = [ox.NamedNode(iri) for iri in iris]
    return resolved


def _nothing(index: LabelIndex, name: str) -> str:
    close = list(dict.fromkeys(hit.label for hit in index.search(name, limit=50)))
    hint = ", ".join(close[:SUGGESTIONS])
    return f"nothing is named {name!r}" + (f"; names that contain it: {hint}" if hint else "")


def search_text(
    query: CatalogueQuery, bindings: dict[ox.Variable, object], index: LabelIndex
) -> str:
    """The SPARQL that answers the name search ``query`` from the index: :data:`SEARCH`, bound."""
    assert query.index is not None
    text = bindings[ox.Variable(query.index)]
    assert isinstance(text, ox.Literal)
    hits = index.search(text.value)
    rows = " ".join(f"({ox.NamedNode(hit.node)} {hit.term} {text})" for hit in hits)
    values = f"VALUES (?node ?matched ?{query.index}) {{ {rows} }}"
    return SEARCH.format(text=query.index, rows=values)
