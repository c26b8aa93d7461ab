"""SHACL shapes a user names: read safely and checked before pyshacl ever runs them.

Shapes can carry SPARQL (``sh:select``, ``sh:ask`` …) that pyshacl runs on the
data with rdflib, which would follow ``SERVICE`` to any URL and ``FROM NAMED`` to
any file. So:

- shapes are read from a local file only (a URL is refused), by :mod:`kg.rdf.reading`;
- every SPARQL text in them passes :func:`kg.sparql.guard.check_query` (no SERVICE, FROM,
  updates, deep nesting);
- SHACL-AF rules and SPARQL-based targets are refused outright: we run pyshacl
  without its advanced features (``advanced=False``), so they would be ignored
  silently anyway;
- ``owl:imports`` is never followed (pyshacl's ``do_owl_imports`` stays off).

Example::

    >>> shapes = "@prefix sh: <http://www.w3.org/ns/shacl#> . <http://x/S> a sh:NodeShape ."
    >>> _ = Path("my-shapes.ttl").write_text(shapes)
    >>> len(load_user_shapes("my-shapes.ttl"))
    1
"""

from __future__ import annotations

import re
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from kg.core.config import compact_iri
from kg.core.errors import InputError, ParseError, QueryError
from kg.rdf.reading import load_graph
from kg.sparql.guard import check_query

URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")  # a scheme; one letter is a Windows drive
SPARQL_TEXTS = (SH.select, SH.ask, SH.construct, SH.update)
ADVANCED_PREDICATES = (SH.rule, SH.target, SH.entailment)
ADVANCED_TYPES = (
    SH.SPARQLTarget,
    SH.SPARQLTargetType,
    SH.SPARQLRule,
    SH.TripleRule,
    SH.SPARQLFunction,
    SH.JSConstraint,
    SH.JSTarget,
    SH.JSRule,
    SH.JSFunction,
)


def load_user_shapes(name: str) -> Graph:
    """The shapes in the local file ``name``, checked by :func:`check_shapes`."""
    if URL.match(name):
        raise InputError(f"shapes given as a URL are refused: {name} (give a local file)")
    path = Path(name)
    shapes = load_graph(path)
    check_shapes(shapes, path)
    return shapes


def check_shapes(shapes: Graph, path: Path) -> None:
    """Raise ParseError for SHACL-AF features and for SPARQL the guard refuses."""
    for predicate in ADVANCED_PREDICATES:
        for node in shapes.subjects(predicate, None):
            where = f"{_name(shapes, node)} {compact_iri(str(predicate))}"
            raise ParseError(f"{path}: {where}: {_ADVANCED}")
    for kind in ADVANCED_TYPES:
        for node in shapes.subjects(RDF.type, kind):
            where = f"{_name(shapes, node)} is a {compact_iri(str(kind))}"
            raise ParseError(f"{path}: {where}: {_ADVANCED}")
    for predicate in SPARQL_TEXTS:
        for node, text in sorted(shapes.subject_objects(predicate)):
            try:
                check_query(str(text))
            except QueryError as e:
                where = f"{_name(shapes, node)} {compact_iri(str(predicate))}"
                raise ParseError(f"{path}: {where}: {e}") from e


_ADVANCED = "SHACL-AF rules and targets are refused (validation runs without advanced features)"


def _name(shapes: Graph, node: Node | None) -> str:
    """The node's IRI, or for a blank node the IRI of the shape that holds it."""
    for _ in range(8):
        if isinstance(node, URIRef):
            return compact_iri(str(node))
        holders = shapes.subjects(None, node)
        # every concrete rdflib Node is ordered, though the Node stub declares no ordering
        node = next(iter(sorted(holders)), None)  # type: ignore[type-var]
    return "a blank node"
