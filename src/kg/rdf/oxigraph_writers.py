"""Turtle and TriG written by Oxigraph (pyoxigraph), deterministically.

Oxigraph's writers are 10–300× faster than rdflib's (see README, "Scale"), so
``kg export`` uses them for Turtle and TriG whatever the size (N-Triples and N-Quads,
sorted line by line, JSON-LD, compacted with our context, and RDF/XML stay on rdflib:
:mod:`kg.rdf.writing`; the table is :mod:`kg.rdf.formats`). The
statements are sorted before they are written (by graph, then subject, predicate and
object, in N-Triples form), so the same graph always gives the same bytes, whatever
order the engine holds it in; Turtle and TriG then group each subject's statements.

Example::

    >>> from rdflib import Graph, URIRef
    >>> g = Graph().add((URIRef("https://e.org/b"), URIRef("https://e.org/p"), URIRef("https://e.org/a")))
    >>> print(to_turtle(g).splitlines()[-1])
    <https://e.org/b> <https://e.org/p> <https://e.org/a> .
"""  # noqa: E501

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef

from kg.core.config import PREFIXES, TURTLE_PREFIXES
from kg.core.generated import GENERATED
from kg.rdf.oxigraph import written

PREFIX_MAP = {name: PREFIXES[name] for name in sorted(TURTLE_PREFIXES)}


def to_turtle(graph: Graph) -> str:
    """Turtle with the project's prefixes, subjects sorted, each subject's statements grouped."""
    return _write(_sorted(map(_triple, graph)), ox.RdfFormat.TURTLE, PREFIX_MAP)


def to_trig(dataset: Dataset) -> str:
    """TriG: each named graph (facts, provenance) in its own block, subjects sorted."""
    return _write(_sorted(quads(dataset)), ox.RdfFormat.TRIG, PREFIX_MAP)


def quads(dataset: Dataset) -> list[ox.Quad]:
    """Every statement of every graph of ``dataset`` as Oxigraph quads."""
    found: list[ox.Quad] = []
    for graph in dataset.graphs():
        name = graph.identifier
        target = ox.DefaultGraph() if str(name).startswith("urn:x-rdflib:") else _term(name)
        found += (ox.Quad(_term(s), _term(p), _term(o), target) for s, p, o in graph)
    return found


def _triple(triple: tuple) -> ox.Triple:
    return ox.Triple(*map(_term, triple))


def _term(term):
    """An rdflib term as the Oxigraph term of the same N-Triples form."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def _sorted(statements: Iterable) -> list:
    """Sorted by graph, subject, predicate, object (N-Triples forms): a stable order."""
    return sorted(statements, key=lambda s: (str(getattr(s, "graph_name", "")), str(s)))


def _write(statements: list, rdf_format: ox.RdfFormat, prefixes: dict | None = None) -> str:
    """The serialization, its ``@prefix`` lines sorted (whatever order the writer keeps)."""
    text = written(ox.serialize(statements, format=rdf_format, prefixes=prefixes)).decode("utf-8")
    lines = text.split("\n")
    head = 0
    while head < len(lines) and lines[head].startswith("@prefix "):
        head += 1
    return GENERATED + "\n".join(sorted(lines[:head]) + lines[head:])
