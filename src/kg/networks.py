"""The knowledge graph as networkx sees it: one documented conversion.

The rule, in three lines:

- **Nodes** are the typed entities of the facts: every IRI subject with an
  ``rdf:type`` and an ``rdfs:label``, except the provenance machinery
  (``oa:Annotation``, ``oa:SpecificResource``, the selectors, the source documents
  and their ``schema:MediaObject``), which never becomes a node.
- **Edges** are the IRI→IRI triples between two nodes (``rdf:type`` excepted), one
  edge per triple, keyed and labelled by the property (compact IRI, e.g.
  ``org:hasUnit``). Inverse pairs written out by the build (``org:hasUnit`` /
  ``org:unitOf``) stay two edges: the graph is a ``MultiDiGraph``.
- **Literals are attributes, never nodes**: ``label_ko``, ``label_en``, ``cls`` (one
  display class, see :data:`CLASSES`), ``types``, ``dates`` (property → ISO text),
  ``year`` (the earliest year of those dates), ``literals`` (every other literal,
  property → sorted values) and ``evidence`` (the quotes of the node's
  ``oa:Annotation`` s, in text order, with prefix, suffix and offsets).

Example::

    >>> from kg.networks import to_networkx
    >>> nxg = to_networkx(graph)
    >>> nxg.nodes[iri]["label_ko"], nxg.nodes[iri]["cls"]
"""

from __future__ import annotations

from typing import Any

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.config import compact_iri
from kg.namespaces import DEF, OA, ORG, SCHEMA

# Provenance machinery: never a node.
EXCLUDED_TYPES = frozenset(
    {
        OA.Annotation,
        OA.SpecificResource,
        OA.TextQuoteSelector,
        OA.TextPositionSelector,
        SCHEMA.MediaObject,
        SCHEMA.CreativeWork,
    }
)

# The display class of a node: the first of these types it has (order matters:
# the agency is also a FormalOrganization, SOS랩 is a unit and a program).
CLASSES: list[tuple[str, URIRef]] = [
    ("Agency", DEF.PromotionAgency),
    ("Unit", ORG.OrganizationalUnit),
    ("Government body", ORG.FormalOrganization),
    ("Program", SCHEMA.Project),
    ("Event", SCHEMA.Event),
    ("Person", SCHEMA.Person),
    ("Post", ORG.Post),
    ("Figure", SCHEMA.Observation),
    ("Place", SCHEMA.Place),
    ("Legislation", SCHEMA.Legislation),
    ("Concept", SKOS.Concept),
    ("Concept scheme", SKOS.ConceptScheme),
]
OTHER = "Other"

DATE_PROPERTIES = (SCHEMA.foundingDate, SCHEMA.startDate)


def entity_nodes(graph: Graph) -> list[URIRef]:
    """The IRIs that become nodes, sorted."""
    nodes = []
    for subject in set(graph.subjects(RDF.type, None)):
        if not isinstance(subject, URIRef) or graph.value(subject, RDFS.label) is None:
            continue
        if EXCLUDED_TYPES.isdisjoint(graph.objects(subject, RDF.type)):
            nodes.append(subject)
    return sorted(nodes)


def display_class(types: set[URIRef]) -> str:
    """The one class a node is shown as (colour, legend, filter)."""
    for name, cls in CLASSES:
        if cls in types:
            return name
    return OTHER


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """The entity graph of ``graph`` (see the module's rule); nodes are IRI strings."""
    nodes = entity_nodes(graph)
    wanted = set(nodes)
    evidence = evidence_by_node(graph, wanted)
    result = nx.MultiDiGraph()
    for node in nodes:
        result.add_node(str(node), **node_attributes(graph, node, evidence.get(node, [])))
    for subject in nodes:
        for prop, obj in sorted(graph.predicate_objects(subject)):
            if prop != RDF.type and obj in wanted:
                key = compact_iri(str(prop))
                result.add_edge(str(subject), str(obj), key=key, property=key)
    return result


def node_attributes(graph: Graph, node: URIRef, evidence: list[dict]) -> dict[str, Any]:
    """The literals of one node as attributes (labels, class, dates, the rest)."""
    types = set(graph.objects(node, RDF.type))
    labels = {lit.language: str(lit) for lit in graph.objects(node, RDFS.label)}
    dates = {
        compact_iri(str(p)): str(graph.value(node, p))
        for p in DATE_PROPERTIES
        if graph.value(node, p) is not None
    }
    literals: dict[str, list[str]] = {}
    for prop, obj in graph.predicate_objects(node):
        if isinstance(obj, Literal) and prop != RDFS.label and prop not in DATE_PROPERTIES:
            literals.setdefault(compact_iri(str(prop)), []).append(_literal_text(obj))
    years = [int(value[:4]) for value in dates.values() if value[:4].isdigit()]
    return {
        "iri": str(node),
        "label_ko": labels.get("ko", labels.get(None, "")),
        "label_en": labels.get("en", labels.get(None, "")),
        "cls": display_class(types),
        "types": sorted(compact_iri(str(t)) for t in types),
        "dates": dates,
        "year": min(years) if years else None,
        "literals": {prop: sorted(values) for prop, values in sorted(literals.items())},
        "evidence": evidence,
    }


def _literal_text(literal: Literal) -> str:
    return f"{literal}@{literal.language}" if literal.language else str(literal)


def evidence_by_node(graph: Graph, wanted: set[URIRef]) -> dict[URIRef, list[dict]]:
    """The quotes of each node's annotations, in text order (one per occurrence)."""
    found: dict[URIRef, list[dict]] = {}
    for annotation, body in graph.subject_objects(OA.hasBody):
        if body not in wanted:
            continue
        for target in graph.objects(annotation, OA.hasTarget):
            quote = _selectors(graph, target)
            if quote:
                found.setdefault(body, []).append(quote)
    for quotes in found.values():
        quotes.sort(key=lambda q: (q["start"], q["exact"]))
    return found


def _selectors(graph: Graph, target: URIRef) -> dict | None:
    quote: dict[str, Any] = {}
    for selector in graph.objects(target, OA.hasSelector):
        for field in ("exact", "prefix", "suffix"):
            value = graph.value(selector, OA[field])
            if value is not None:
                quote[field] = str(value)
        for field in ("start", "end"):
            value = graph.value(selector, OA[field])
            if value is not None:
                quote[field] = int(value)
    if "exact" not in quote:
        return None
    defaults = {"exact": "", "prefix": "", "suffix": "", "start": -1, "end": -1}
    return {field: quote.get(field, default) for field, default in defaults.items()}


def label(nxg: nx.MultiDiGraph, node: str, lang: str = "en") -> str:
    """A node's label in ``lang`` (falls back to the other language, then the IRI)."""
    data = nxg.nodes[node]
    other = "ko" if lang == "en" else "en"
    return data.get(f"label_{lang}") or data.get(f"label_{other}") or node
