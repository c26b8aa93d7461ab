"""Names given for ``iri`` and ``entity`` parameters, looked up at an endpoint before a query runs.

(A local store looks names up in its label index instead: :mod:`kg.sparql.lookup`.)

``--param org=정보통신부`` names an entity by one of its labels (``rdfs:label`` or
``skos:altLabel``, any language, case ignored), as ``entity`` parameters always
allowed. An ``iri`` parameter needs one IRI: the name must match exactly one entity.
An ``entity`` parameter is bound to every entity bearing the name. A name that
matches nothing is an error for both, with the closest labels as suggestions, rather
than an empty answer that looks like "no evidence": as ``git show nosuchref`` fails
instead of printing nothing.

``lookup`` runs a SELECT text and returns the first column's values: the local store,
or a remote endpoint, so both answer alike.

Example::

    >>> from kg.sparql.catalogue import Param
    >>> found = {"정보통신부": ["https://w3id.org/kr-ict-kg/id/org/mic"]}
    >>> def lookup(text):
    ...     return next((iris for name, iris in found.items() if f'"{name}"' in text), [])
    >>> org = Param("org", "iri")
    >>> resolve_names([org], {ox.Variable("org"): ox.Literal("정보통신부")}, lookup, "q")
    {<Variable value=org>: <NamedNode value=https://w3id.org/kr-ict-kg/id/org/mic>}
"""

from __future__ import annotations

import difflib
from collections.abc import Callable

import pyoxigraph as ox

from kg.core.errors import QueryError
from kg.sparql.catalogue import Param

Lookup = Callable[[str], list[str]]

_LABELS = (
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
)
NAMED = _LABELS + (
    "SELECT DISTINCT ?node WHERE { VALUES ?given { %s } "
    "?node rdfs:label|skos:altLabel ?name . "
    "FILTER (isIRI(?node) && LCASE(STR(?name)) = LCASE(?given)) } ORDER BY ?node LIMIT 20"
)
ALL_LABELS = _LABELS + (
    "SELECT DISTINCT ?name WHERE { ?node rdfs:label|skos:altLabel ?label . "
    "FILTER (isIRI(?node)) BIND (STR(?label) AS ?name) } LIMIT 100000"
)


def resolve_names(
    params: list[Param], bindings: dict[ox.Variable, object], lookup: Lookup, source: str
) -> dict[ox.Variable, object]:
    """``bindings`` with each name given for an ``iri`` parameter replaced by its entity's
    IRI, and for an ``entity`` parameter by the IRIs of every entity bearing it (a list).

    Raises :class:`QueryError` for a name no entity has, or (``iri``) several have.
    """
    resolved = dict(bindings)
    for param in params:
        term = bindings.get(ox.Variable(param.name))
        if param.type not in ("iri", "entity") or not isinstance(term, ox.Literal):
            continue
        matches = lookup(NAMED % ox.Literal(term.value))
        if not matches:
            raise QueryError(f"{source}: parameter {param.name}: {_unknown(term.value, lookup)}")
        if param.type == "iri":
            if len(matches) > 1:
                shown = ", ".join(f"<{m}>" for m in matches[:5])
                raise QueryError(
                    f"{source}: parameter {param.name}: {term.value!r} names "
                    f"{len(matches)} entities ({shown}); give one IRI"
                )
            resolved[ox.Variable(param.name)] = ox.NamedNode(matches[0])
        else:
            resolved[ox.Variable(param.name)] = [ox.NamedNode(m) for m in matches]
    return resolved


def _unknown(name: str, lookup: Lookup) -> str:
    """``no entity is named 'X'`` and the closest labels the graph has."""
    close = difflib.get_close_matches(name, lookup(ALL_LABELS), n=3, cutoff=0.5)
    search = " (find names with kg query search --param text=…)"
    hint = f" (did you mean {', '.join(close)}?)" if close else search
    return f"no entity is named {name!r}{hint}"
