"""Part of the graph for ``kg export --subset``: a bundled query, or a class.

``--subset`` takes either

- a class, as a compact IRI with one of our prefixes (``org:OrganizationalUnit``)
  or a full IRI (``<https://schema.org/Event>``): its instances are selected;
- the name of a bundled query in ``queries/``: a CONSTRUCT (or DESCRIBE) query
  gives the triples to export as they are; a SELECT query selects the resources
  listed in its first column.

Selected resources keep all their own triples, the type and labels of what they
link to (so graph formats can name those), and the annotations that ground them
(with their targets and selectors), each triple in the named graph it came from.
"""

from __future__ import annotations

from collections.abc import Collection

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SKOS
from rdflib.query import ResultRow
from rdflib.term import Node

from kg.build.assemble import BuiltGraph
from kg.core.config import PREFIXES
from kg.core.errors import InputError, QueryError
from kg.core.namespaces import OA, bind_prefixes
from kg.core.paths import QUERIES_DIR
from kg.sparql.catalogue import find_query
from kg.sparql.guard import check_query

NAMING = (RDF.type, RDFS.label, SKOS.prefLabel)


def select(parts: BuiltGraph, subset: str, queries_dir=QUERIES_DIR) -> BuiltGraph:
    """The part of ``parts`` that ``subset`` (a class or a bundled query name) names."""
    union = parts.union()
    if _is_class(subset):
        cls = class_iri(subset)
        nodes = set(union.subjects(RDF.type, cls))
        if not nodes:
            raise InputError(f"--subset {subset}: no resource in the graph has this class")
        return split(parts, describe(parts, union, nodes))
    return split(parts, _from_query(parts, union, subset, queries_dir))


def _is_class(subset: str) -> bool:
    return ":" in subset or subset.startswith("<")


def class_iri(text: str) -> URIRef:
    """``org:OrganizationalUnit`` or ``<https://…>`` as an IRI; an unknown prefix is an error."""
    if text.startswith("<") and text.endswith(">"):
        return URIRef(text[1:-1])
    if text.startswith(("http://", "https://")):
        return URIRef(text)
    prefix, _, local = text.partition(":")
    if prefix not in PREFIXES or not local:
        known = ", ".join(sorted(PREFIXES))
        raise InputError(f"--subset {text}: unknown prefix {prefix!r} (known: {known})")
    return URIRef(PREFIXES[prefix] + local)


def _from_query(parts: BuiltGraph, union: Graph, name: str, queries_dir) -> Graph:
    query = find_query(name, queries_dir)
    check_query(query.text)
    try:
        result = union.query(query.text)
    except Exception as e:  # rdflib raises many types; all mean the query is bad
        raise QueryError(f"{query.path}: {' '.join(str(e).split())}") from e
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        assert result.graph is not None, "a CONSTRUCT or DESCRIBE result has a graph"
        return result.graph
    if result.type != "SELECT" or not result.vars:
        raise QueryError(f"{query.path}: --subset needs a CONSTRUCT or SELECT query")
    nodes = {row[0] for row in result if isinstance(row, ResultRow) and isinstance(row[0], URIRef)}
    if not nodes:
        raise InputError(f"--subset {name}: the query's first column lists no resource")
    return describe(parts, union, nodes)


def describe(parts: BuiltGraph, union: Graph, nodes: Collection[Node]) -> Graph:
    """The triples of ``nodes``, the names of what they link to, and their evidence."""
    graph = bind_prefixes(Graph())
    for node in nodes:
        for p, o in union.predicate_objects(node):
            graph.add((node, p, o))
            if isinstance(o, URIRef) and o not in nodes:
                for naming in NAMING:
                    for value in union.objects(o, naming):
                        graph.add((o, naming, value))
        for annotation in parts.provenance.subjects(OA.hasBody, node):
            _add_closure(parts.provenance, annotation, graph)
    return graph


def _add_closure(provenance: Graph, start: Node, graph: Graph) -> None:
    """Add ``start`` and the provenance resources it reaches (target, selectors, document)."""
    frontier, seen = [start], {start}
    while frontier:
        subject = frontier.pop()
        for p, o in provenance.predicate_objects(subject):
            graph.add((subject, p, o))
            if isinstance(o, URIRef) and o not in seen and (o, None, None) in provenance:
                seen.add(o)
                frontier.append(o)


def split(parts: BuiltGraph, graph: Graph) -> BuiltGraph:
    """Put each triple of ``graph`` back in its named graph (new triples go with the facts)."""
    facts, provenance = bind_prefixes(Graph()), bind_prefixes(Graph())
    for triple in graph:
        (provenance if triple in parts.provenance else facts).add(triple)
    return BuiltGraph(facts, provenance, parts.sources)
