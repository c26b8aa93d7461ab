"""Queries that find entities by name, answered from the label index (:mod:`kg.sparql.labels`).

Two uses, on a local store only (an endpoint runs the query's own SPARQL):

* an ``entity`` parameter given as a name (``정보통신부``, ``MIC``) is looked up in the
  index and bound as the IRI(s) bearing it, so the query matches IRIs, not every label;
  a name that nothing bears is an error that suggests names that come close;
* a query whose header says ``# index: PARAM`` (the bundled ``search``) is answered from
  the index: the names it finds (by substring, romanization or initial consonants) and
  the labels of their entities are all :data:`SEARCH` reads, which gives the query's columns.

Example::

    >>> from kg.core.config import ID_BASE
    >>> from kg.sparql.catalogue import Param
    >>> from kg.sparql.labels import index_for
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
from kg.sparql.labels import LABEL, Hit, LabelIndex

MATCHED = ox.NamedNode("urn:x-kg:matched")  # in the scratch store only: a hit's name
SEARCH = f"""SELECT DISTINCT ?node ?type ?label_ko ?label_en ?matched ?text WHERE {{
  ?node <{MATCHED.value}> ?matched .
  ?node <{LABEL}> ?label_ko . FILTER (LANG(?label_ko) = "ko")
  OPTIONAL {{ ?node <{LABEL}> ?label_en . FILTER (LANG(?label_en) = "en") }}
  BIND (REPLACE(STR(?node), "^.*/id/([^/]+)/.*$", "$1") AS ?type)
}}
ORDER BY ?type ?label_ko ?matched
"""
SUGGESTIONS = 3


def needs_index(query: CatalogueQuery, bindings: dict[ox.Variable, object]) -> bool:
    """True when an ``entity`` or ``iri`` parameter of ``query`` is bound to a name."""
    return any(
        isinstance(bindings.get(ox.Variable(p.name)), ox.Literal)
        for p in query.params
        if p.type in ("entity", "iri")
    )


def resolve_names(
    params: list[Param], bindings: dict[ox.Variable, object], index: LabelIndex, source: str
) -> dict[ox.Variable, object]:
    """``bindings`` with each name given for an ``entity`` or ``iri`` parameter replaced by
    the IRIs that bear it (a list); an ``iri`` parameter needs exactly one."""
    resolved = dict(bindings)
    for param in params:
        variable = ox.Variable(param.name)
        name = bindings.get(variable)
        if param.type not in ("entity", "iri") or not isinstance(name, ox.Literal):
            continue
        iris = index.named(name.value)
        if not iris:
            raise QueryError(f"{source}: parameter {param.name}: {_nothing(index, name.value)}")
        resolved[variable] = [ox.NamedNode(iri) for iri in iris]
    return one_each(params, resolved, source)


def one_each(
    params: list[Param], bindings: dict[ox.Variable, object], source: str
) -> dict[ox.Variable, object]:
    """``bindings`` with each ``iri`` parameter bound to one IRI (several: an error)."""
    resolved = dict(bindings)
    for param in params:
        value = bindings.get(ox.Variable(param.name))
        if param.type != "iri" or not isinstance(value, list):
            continue
        if len(value) > 1:
            shown = ", ".join(f"<{v.value}>" for v in value[:5])
            raise QueryError(
                f"{source}: parameter {param.name}: the name is borne by {len(value)} "
                f"entities ({shown}); give one IRI"
            )
        resolved[ox.Variable(param.name)] = value[0]
    return resolved


def _nothing(index: LabelIndex, name: str) -> str:
    """``no entity is named 'X'``, and the names that come closest: those containing it,
    else those sharing its beginning, closest first (a typo: 정보통신브 → 정보통신부)."""
    import difflib

    close: list[str] = []
    for probe in dict.fromkeys([name, name[:-1], name[:3], name[:2]]):
        if len(probe) >= 2 or probe == name:
            close = list(dict.fromkeys(hit.label for hit in index.search(probe, limit=50)))
        if close:
            break
    ranked = difflib.get_close_matches(name, close, n=SUGGESTIONS, cutoff=0.0) or close
    hint = ", ".join(ranked[:SUGGESTIONS])
    return f"no entity is named {name!r}" + (f"; did you mean {hint}?" if hint else "")


def search(query: CatalogueQuery, bindings: dict[ox.Variable, object], index: LabelIndex):
    """The rows of the name search ``query``, worked out from the index alone.

    The names found and the labels of the entities bearing them go into a scratch
    store, where :data:`SEARCH` (the query's own pattern, its text test done) gives
    pyoxigraph's solutions, so that every result format works as for any query.
    """
    assert query.index is not None
    text = bindings[ox.Variable(query.index)]
    assert isinstance(text, ox.Literal)
    hits = index.search(text.value)
    labels = index.labels_of([hit.node for hit in hits])
    scratch = ox.Store()
    scratch.bulk_extend([ox.Quad(ox.NamedNode(hit.node), MATCHED, _literal(hit)) for hit in hits])
    scratch.bulk_extend(
        [
            ox.Quad(ox.NamedNode(node), ox.NamedNode(LABEL), _literal(label))
            for node, own in labels.items()
            for label in own
        ]
    )
    return scratch.query(SEARCH.replace("?text", f"?{query.index}"), substitutions={
        ox.Variable(query.index): text})  # fmt: skip


def _literal(hit: Hit) -> ox.Literal:
    """The name as the literal the graph holds (its language, or its datatype)."""
    if hit.lang:
        return ox.Literal(hit.label, language=hit.lang)
    if hit.term.endswith('"'):
        return ox.Literal(hit.label)
    return ox.Literal(hit.label, datatype=ox.NamedNode(hit.term.rsplit("^^", 1)[1][1:-1]))
