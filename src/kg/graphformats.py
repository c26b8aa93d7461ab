"""The knowledge graph as a networkx graph: one documented conversion, reused by every view.

The rule, for an rdflib graph:

- **Nodes** are the IRIs that have an ``rdf:type``, except the provenance machinery
  (``oa:Annotation``, ``oa:SpecificResource`` and the two text selectors), which
  would drown the picture: 1,052 of them for ~100 entities. Pass
  ``provenance=True`` to keep them. Blank nodes and untyped IRIs are never nodes.
- **Edges** are the triples whose subject and object are both nodes (``rdf:type``
  aside). The result is a :class:`networkx.MultiDiGraph`, keyed by the property's
  compact name (``org:hasUnit``), because two resources may be linked by several
  properties (``def:actor`` and ``prov:wasAssociatedWith``).
- **Literals are attributes**, not nodes: every other triple of a node becomes an
  attribute named after its property (``schema_startDate``, ``skos_altLabel``), its
  values as text, sorted and joined with `` | ``. Links to IRIs that are not nodes
  (``skos:exactMatch`` to Wikidata) are attributes too, holding the IRI.

Every node carries ``iri``, ``name`` (the compact IRI), ``label`` (in the chosen
language, falling back to the other, then to ``name``), ``label_ko``, ``label_en``,
``class`` (the most specific type, ours first), ``class_label`` and ``types``; every
edge carries ``property`` (the IRI), ``name``, ``label``, ``label_ko`` and ``label_en``
(from ``ontology/kg.ttl`` for our terms and ``ontology/labels.ttl`` for the
standard ones, else the property's local name). All values are strings, so every
writer (GraphML, GEXF, DOT, CSV) keeps them as they are. Nodes and edges are added
in sorted order, so the writers' output is deterministic.

Example::

    >>> from kg.pipeline import build_graph
    >>> network = to_networkx(build_graph(), lang="ko")          # doctest: +SKIP
    >>> network.nodes["kg:unit/sos-lab"]["label"]                # doctest: +SKIP
    'SOS랩'
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import cache

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.config import compact_iri
from kg.errors import InputError
from kg.namespaces import OA, SCHEMA
from kg.ontology import load_ontology, load_turtle, supers
from kg.paths import LABELS_FILE

LANGS = ("ko", "en")
PROVENANCE_TYPES = frozenset(
    {OA.Annotation, OA.SpecificResource, OA.TextQuoteSelector, OA.TextPositionSelector}
)
LABEL_PROPERTIES = (RDFS.label, SKOS.prefLabel, SCHEMA.name)
SEPARATOR = " | "


def to_networkx(graph: Graph, lang: str = "en", provenance: bool = False) -> nx.MultiDiGraph:
    """Convert ``graph`` by the rule of this module; labels shown in ``lang`` (ko or en)."""
    if lang not in LANGS:
        raise InputError(f"language {lang!r} is not offered (choose from: {', '.join(LANGS)})")
    nodes = network_nodes(graph, provenance)
    names = {node: compact_iri(str(node)) for node in nodes}
    network = nx.MultiDiGraph(lang=lang)
    for node in sorted(nodes):
        network.add_node(names[node], **_node_attributes(graph, node, nodes, lang))
    for s, p, o in sorted(graph):
        if s in nodes and o in nodes and p != RDF.type:
            name = compact_iri(str(p))
            network.add_edge(names[s], names[o], key=name, **term_labels(p, name, lang))
    return network


def network_nodes(graph: Graph, provenance: bool = False) -> set[URIRef]:
    """The IRIs that become nodes: typed, and not provenance machinery unless asked."""
    types: dict[URIRef, set] = defaultdict(set)
    for s, t in graph.subject_objects(RDF.type):
        if isinstance(s, URIRef):
            types[s].add(t)
    if provenance:
        return set(types)
    return {s for s, ts in types.items() if not ts & PROVENANCE_TYPES}


def _node_attributes(graph: Graph, node: URIRef, nodes: set[URIRef], lang: str) -> dict:
    name = compact_iri(str(node))
    labels = {tag: label_in(graph, node, tag) for tag in LANGS}
    cls = main_class(graph.objects(node, RDF.type))
    attributes = {
        "iri": str(node),
        "name": name,
        "label": labels[lang] or labels[_other(lang)] or name,
        "label_ko": labels["ko"],
        "label_en": labels["en"],
        "class": compact_iri(str(cls)) if cls else "",
        "class_label": term_labels(cls, compact_iri(str(cls)), lang)["label"] if cls else "",
        "types": " ".join(sorted(compact_iri(str(t)) for t in graph.objects(node, RDF.type))),
    }
    values: dict[str, list[str]] = defaultdict(list)
    for p, o in graph.predicate_objects(node):
        if p in (RDF.type, RDFS.label) or o in nodes:
            continue
        values[compact_iri(str(p)).replace(":", "_")].append(str(o))
    for key in sorted(values):
        attributes.setdefault(key, SEPARATOR.join(sorted(values[key])))
    return attributes


def label_in(graph: Graph, node: URIRef, lang: str) -> str:
    """The node's label in ``lang`` (rdfs:label, then skos:prefLabel, then schema:name)."""
    for prop in LABEL_PROPERTIES:
        found = sorted(str(o) for o in graph.objects(node, prop) if _has_lang(o, lang))
        if found:
            return found[0]
    return ""


def _has_lang(value: object, lang: str) -> bool:
    return isinstance(value, Literal) and (value.language or "").lower() == lang


def _other(lang: str) -> str:
    return "en" if lang == "ko" else "ko"


def main_class(types: Iterable) -> URIRef | None:
    """The most specific of ``types`` by the subclass axioms we know; ours before others."""
    vocabulary = display_vocabulary()
    types = {t for t in types if isinstance(t, URIRef)}
    above = {parent for t in types for parent in supers(vocabulary, t) if parent != t}
    specific = sorted(
        types - above, key=lambda t: (not compact_iri(str(t)).startswith("def:"), str(t))
    )
    return specific[0] if specific else None


@cache
def display_vocabulary() -> Graph:
    """Labels and subclass axioms: ours from ``kg.ttl``, standard terms' from ``labels.ttl``."""
    graph = Graph()
    for source in (load_ontology(), load_turtle(LABELS_FILE)):
        for prop in (RDFS.label, RDFS.subClassOf):
            for triple in source.triples((None, prop, None)):
                graph.add(triple)
    return graph


def term_labels(term: URIRef, name: str, lang: str) -> dict[str, str]:
    """``property``, ``name`` and labels of a property or class, in ``ko`` and ``en``.

    A term without a label in :func:`display_vocabulary` is shown by its local name.
    """
    local = name.split(":", 1)[-1]
    labels = {tag: label_in(display_vocabulary(), term, tag) or local for tag in LANGS}
    return {
        "property": str(term),
        "name": name,
        "label": labels[lang],
        "label_ko": labels["ko"],
        "label_en": labels["en"],
    }
