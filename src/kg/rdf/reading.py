"""Read RDF files given by the user into rdflib: parsed safely by :mod:`kg.rdf.parsing`.

The quads come from Oxigraph after every check of :mod:`kg.rdf.parsing` (size cap,
no DTDs, no remote JSON-LD contexts, errors with file, line and column); here they
become rdflib terms, their lexical forms kept exactly, for the commands that need
rdflib's ecosystem (validation with pyshacl, export, pictures).

Example::

    >>> _ = Path("mine.ttl").write_text('<http://x/a> <http://x/p> "01"^^<http://x/t> .')
    >>> [str(o) for o in load_graph(Path("mine.ttl")).objects()]
    ['01']
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from kg.core.errors import ParseError
from kg.core.namespaces import bind_prefixes
from kg.rdf.oxigraph import Term
from kg.rdf.parsing import read_quads

# rdflib logs a traceback for each ill-typed literal ("12abc"^^xsd:integer); validation
# reports those as violations naming the value, so the log is not wanted.
logging.getLogger("rdflib.term").setLevel(logging.ERROR)
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def load_graph(path: Path, warn: Callable[[str], None] | None = None) -> Graph:
    """An RDF file as one rdflib graph (the named graphs of a dataset are merged).

    Each warning (e.g. JSON-LD keys that were dropped) goes to ``warn``, or else to
    Python's :mod:`warnings` as an :class:`InputWarning`.
    """
    loaded = read_quads(path)
    for message in loaded.warnings:
        if warn is None:
            warnings.warn(message, InputWarning, stacklevel=2)
        else:
            warn(message)
    try:
        return to_graph(loaded.quads)
    except ParseError as e:
        raise ParseError(f"{path}: {e}") from e


class InputWarning(UserWarning):
    """Something in an input file was accepted but may not be what was meant."""


def to_graph(quads: list[ox.Quad]) -> Graph:
    """Quads as one rdflib graph with the project's prefixes (graph names dropped)."""
    graph = bind_prefixes(Graph())
    with warnings.catch_warnings():  # rdflib warns on "yes"^^xsd:boolean; we report it
        warnings.simplefilter("ignore")
        for quad in quads:
            graph.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    return graph


def to_rdflib(term: Term) -> URIRef | BNode | Literal:
    """An Oxigraph term as the equal rdflib term (the lexical form kept exactly).

    An RDF 1.2 triple term (``<<( s p o )>>``) has no rdflib form: a :class:`ParseError`.
    """
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Triple):
        raise ParseError(f"an RDF 1.2 triple term cannot be read here: <<( {term} )>>")
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == XSD_STRING:  # rdflib writes simple literals without a datatype
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value), normalize=False)
