"""Turtle and TriG written by Oxigraph (pyoxigraph), deterministically.

Oxigraph's writers are 10–300× faster than rdflib's (see README, "Scale"), so
``kg export`` uses them for Turtle and TriG whatever the size (N-Triples and N-Quads,
sorted line by line, JSON-LD, compacted with our context, and RDF/XML stay on rdflib:
:mod:`kg.rdf.writing`; the table is :mod:`kg.rdf.formats`). The
statements are sorted before they are written (by graph, then subject, predicate and
object, in N-Triples form), so the same graph always gives the same bytes, whatever
order the engine holds it in; Turtle and TriG then group each subject's statements.
Turtle reads as a document: the agencies first, entities by class, provenance last
(:mod:`kg.rdf.reading_order`), each section under a ``# title`` comment.

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
from kg.rdf.reading_order import RDF_TYPE, SECTIONS, sections_of

PREFIX_MAP = {name: PREFIXES[name] for name in sorted(TURTLE_PREFIXES)}


def to_turtle(graph: Graph) -> str:
    """Turtle that reads as a document: the agencies first, then entities by class, the
    sources and annotations last (:mod:`kg.rdf.reading_order`), each section under a
    ``# title`` comment, subjects sorted within it, each subject's statements grouped."""
    triples = _sorted(map(_triple, graph))
    section = sections_of(_types(triples))
    parts: dict[int, list[ox.Triple]] = {}
    for triple in triples:
        parts.setdefault(section[str(triple.subject)], []).append(triple)
    texts = [_serialized(parts[i], ox.RdfFormat.TURTLE, PREFIX_MAP) for i in sorted(parts)]
    prefixes = _prefix_lines(texts[0]) if texts else []
    bodies = [
        f"\n# {SECTIONS[i][0]}\n" + "\n".join(t.split("\n")[len(prefixes) :]).rstrip("\n")
        for i, t in zip(sorted(parts), texts, strict=True)
    ]
    return GENERATED + "\n".join(prefixes + bodies) + "\n"


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


def _types(triples: list[ox.Triple]) -> dict[str, set[str]]:
    """Every subject (N-Triples form) → the IRIs of its ``rdf:type`` values."""
    types: dict[str, set[str]] = {str(t.subject): set() for t in triples}
    for t in triples:
        if t.predicate.value == RDF_TYPE and isinstance(t.object, ox.NamedNode):
            types[str(t.subject)].add(t.object.value)
    return types


def _sorted(statements: Iterable) -> list:
    """Sorted by graph, subject, predicate, object (N-Triples forms): a stable order."""
    return sorted(statements, key=lambda s: (str(getattr(s, "graph_name", "")), str(s)))


def _write(statements: list, rdf_format: ox.RdfFormat, prefixes: dict | None = None) -> str:
    """The serialization, its ``@prefix`` lines sorted (whatever order the writer keeps)."""
    text = _serialized(statements, rdf_format, prefixes)
    head = _prefix_lines(text)
    return GENERATED + "\n".join(head + text.split("\n")[len(head) :])


def _serialized(statements: list, rdf_format: ox.RdfFormat, prefixes: dict | None = None) -> str:
    return written(ox.serialize(statements, format=rdf_format, prefixes=prefixes)).decode("utf-8")


def _prefix_lines(text: str) -> list[str]:
    """The ``@prefix`` lines that open ``text``, sorted."""
    lines = text.split("\n")
    head = 0
    while head < len(lines) and lines[head].startswith("@prefix "):
        head += 1
    return sorted(lines[:head])
