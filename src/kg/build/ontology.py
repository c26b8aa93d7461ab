"""Load the vocabulary and the shapes, and read what the build needs from them.

The ontology says which standard types and properties stand above ours; the build
writes them out on every resource (explicit inference), because consumers do none.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDFS

from kg.core.config import BASE, CANONICAL_BASE
from kg.core.errors import KgError, ParseError
from kg.core.files import read_text
from kg.core.namespaces import DEF, bind_prefixes
from kg.core.paths import ONTOLOGY_FILE, SHAPES_FILE


def load_turtle(path: Path) -> Graph:
    """Parse a Turtle file; a syntax error names the file and the parser's position."""
    graph = bind_prefixes(Graph())
    try:
        text = read_text(path).replace(CANONICAL_BASE, BASE)
        graph.parse(data=text, format="turtle", publicID=BASE)
    except KgError:
        raise
    except Exception as e:  # rdflib raises many types; all mean the file is bad
        raise ParseError(f"{path}: {' '.join(str(e).split())}") from e
    return graph


@cache
def load_ontology(path: Path = ONTOLOGY_FILE) -> Graph:
    """The project's OWL vocabulary (with the standard axioms it relies on)."""
    return load_turtle(path)


@cache
def load_shapes(path: Path = SHAPES_FILE) -> Graph:
    """The SHACL shapes the build enforces."""
    return load_turtle(path)


def supers(ontology: Graph, term: URIRef, relation: URIRef = RDFS.subClassOf) -> list[URIRef]:
    """``term`` and everything above it by ``relation``, transitively, sorted."""
    found = {term}
    frontier = [term]
    while frontier:
        for parent in ontology.objects(frontier.pop(), relation):
            if isinstance(parent, URIRef) and parent not in found:
                found.add(parent)
                frontier.append(parent)
    return sorted(found)


def event_verbs(ontology: Graph) -> dict[str, list[URIRef]]:
    """Korean verb → the event classes it names (설립 names two: founding, establishment)."""
    verbs: dict[str, list[URIRef]] = {}
    for cls, verb in ontology.subject_objects(DEF.verb):
        if isinstance(cls, URIRef):
            verbs.setdefault(str(verb), []).append(cls)
    return {verb: sorted(classes) for verb, classes in sorted(verbs.items())}
