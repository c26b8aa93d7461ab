"""The knowledge graph as networkx sees it: the one conversion, used by every view.

``kg export --format graphml|gexf|dot|csv``, ``kg viz`` (explorer, pictures) and
``kg graph`` all start from :func:`to_networkx`. The rule:

- **Nodes** are the typed entities: every IRI with an ``rdf:type`` and an
  ``rdfs:label``, except the provenance parts — annotations
  (``oa:Annotation``), their targets and selectors, and the source documents
  (``schema:CreativeWork``, ``schema:MediaObject``), all of which live in the
  provenance graph. ``provenance=True`` keeps every typed IRI, those parts included.
  Blank nodes and literals are never nodes.
- **Edges** are the IRI→IRI triples between two nodes (``rdf:type`` excepted), one
  per triple, in a :class:`networkx.MultiDiGraph` keyed by the property's compact
  name (``org:hasUnit``): two entities may be linked by several properties, and the
  inverse pairs the build writes out (``org:hasUnit`` / ``org:unitOf``) stay two
  edges. Each edge carries ``property`` (the IRI), ``name``, and ``label``,
  ``label_ko``, ``label_en`` (from ``ontology/kg.ttl`` for our terms and
  ``ontology/labels.ttl`` for standard ones, else the local name).
- **Literals are attributes, never nodes**. Every node carries ``iri``, ``name``
  (compact IRI), ``label`` (in ``lang``, else the other language, else ``name``),
  ``label_ko``, ``label_en``, ``class`` (the most specific RDF type, ours first) and
  ``class_label``, ``cls`` (the display group of :data:`CLASSES`), ``types``
  (sorted compact names), ``dates`` (property → ISO text), ``year`` (earliest year of
  those dates, or None), ``literals`` (every other literal, property → sorted
  ``text`` or ``text@lang``), ``terms`` (every value that is not an edge or a type —
  literals and links to IRIs that are not nodes — exactly, as SPARQL JSON terms
  with their kind, datatype and language) and ``evidence`` (the quotes of the
  node's annotations in text order, with prefix, suffix and offsets).

Node ids are the full IRIs; nodes and edges are added in sorted order, so every
view and every file written from the graph is deterministic. The file writers
turn the attributes into text (:func:`kg.network.writers.flat`).

Example::

    >>> from kg.build.assemble import build_graph
    >>> nxg = to_networkx(build_graph(), lang="ko")
    >>> iri = "https://w3id.org/kr-ict-kg/id/unit/sos-lab"
    >>> nxg.nodes[iri]["label"], nxg.nodes[iri]["cls"]
    ('SOS랩', 'Unit')
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from typing import Any

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS
from rdflib.term import Node

from kg.build.ontology import load_ontology, load_turtle, supers
from kg.core.config import compact_iri
from kg.core.errors import InputError
from kg.core.namespaces import DEF, OA, ORG, SCHEMA
from kg.core.paths import LABELS_FILE

LANGS = ("ko", "en")
# Provenance parts: never nodes unless asked for.
PROVENANCE_TYPES = frozenset(
    {
        OA.Annotation,
        OA.SpecificResource,
        OA.TextQuoteSelector,
        OA.TextPositionSelector,
        SCHEMA.MediaObject,
        SCHEMA.CreativeWork,
    }
)
LABEL_PROPERTIES = (RDFS.label, SKOS.prefLabel, SCHEMA.name)
DATE_PROPERTIES = (SCHEMA.foundingDate, SCHEMA.startDate)

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


def to_networkx(graph: Graph, lang: str = "en", provenance: bool = False) -> nx.MultiDiGraph:
    """Convert ``graph`` by the rule of this module; ``label`` is shown in ``lang`` (ko, en)."""
    if lang not in LANGS:
        raise InputError(f"language {lang!r} is not offered (choose from: {', '.join(LANGS)})")
    wanted = entity_nodes(graph, provenance)
    evidence = evidence_by_node(graph, wanted)
    result: nx.MultiDiGraph[str] = nx.MultiDiGraph(lang=lang)
    for node in sorted(wanted):
        attributes = node_attributes(graph, node, wanted, lang)
        result.add_node(str(node), **attributes, evidence=evidence.get(node, []))
    for subject in sorted(wanted):
        for prop, obj in sorted(graph.predicate_objects(subject)):
            if prop != RDF.type and obj in wanted:
                name = compact_iri(str(prop))
                result.add_edge(str(subject), str(obj), key=name, **term_labels(prop, name, lang))
    return result


def entity_nodes(graph: Graph, provenance: bool = False) -> set[URIRef]:
    """The IRIs that become nodes (see the module's rule)."""
    types: dict[URIRef, set] = defaultdict(set)
    for subject, cls in graph.subject_objects(RDF.type):
        if isinstance(subject, URIRef):
            types[subject].add(cls)
    if provenance:
        return set(types)
    return {
        s
        for s, ts in types.items()
        if PROVENANCE_TYPES.isdisjoint(ts) and graph.value(s, RDFS.label) is not None
    }


def display_class(types: set[Node]) -> str:
    """The one class a node is shown as (colour, legend, filter)."""
    for name, cls in CLASSES:
        if cls in types:
            return name
    return OTHER


def node_attributes(graph: Graph, node: URIRef, nodes: set[URIRef], lang: str) -> dict[str, Any]:
    """The attributes of one node (all but ``evidence``), in a fixed order."""
    name = compact_iri(str(node))
    labels = {tag: label_in(graph, node, tag) for tag in LANGS}
    types = set(graph.objects(node, RDF.type))
    cls = main_class(types)
    cls_name = compact_iri(str(cls)) if cls else ""
    other = "en" if lang == "ko" else "ko"
    return {
        "iri": str(node),
        "name": name,
        "label": labels[lang] or labels[other] or name,
        "label_ko": labels["ko"],
        "label_en": labels["en"],
        "class": cls_name,
        "class_label": term_labels(cls, cls_name, lang)["label"] if cls else "",
        "cls": display_class(types),
        "types": sorted(compact_iri(str(t)) for t in types),
        **node_values(graph, node, nodes),
    }


def node_values(graph: Graph, node: URIRef, nodes: set[URIRef]) -> dict[str, Any]:
    """``dates``, ``year``, ``literals`` and ``terms`` of one node."""
    dates = {
        compact_iri(str(p)): str(graph.value(node, p))
        for p in DATE_PROPERTIES
        if graph.value(node, p) is not None
    }
    literals: dict[str, list[str]] = defaultdict(list)
    terms: dict[str, list[dict[str, str]]] = defaultdict(list)
    for prop, obj in graph.predicate_objects(node):
        name = compact_iri(str(prop))
        if prop == RDF.type or obj in nodes or not isinstance(obj, URIRef | Literal):
            continue
        terms[name].append(json_term(obj))
        if isinstance(obj, Literal) and prop != RDFS.label and prop not in DATE_PROPERTIES:
            literals[name].append(f"{obj}@{obj.language}" if obj.language else str(obj))
    years = [int(value[:4]) for value in dates.values() if value[:4].isdigit()]
    return {
        "dates": dates,
        "year": min(years) if years else None,
        "literals": {prop: sorted(values) for prop, values in sorted(literals.items())},
        "terms": {prop: sorted(values, key=_term_order) for prop, values in sorted(terms.items())},
    }


def json_term(term: URIRef | Literal) -> dict[str, str]:
    """An IRI or a literal as a SPARQL 1.1 JSON results term (kind, value, datatype, language)."""
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    found = {"type": "literal", "value": str(term)}
    if term.language:
        found["xml:lang"] = term.language
    elif term.datatype:
        found["datatype"] = str(term.datatype)
    return found


def _term_order(term: dict[str, str]) -> tuple[str, ...]:
    return (term["type"], term["value"], term.get("datatype", ""), term.get("xml:lang", ""))


def label_in(graph: Graph, node: Node, lang: str) -> str:
    """The node's label in ``lang`` (rdfs:label, skos:prefLabel, schema:name; else untagged)."""
    for prop in LABEL_PROPERTIES:
        found = sorted(str(o) for o in graph.objects(node, prop) if _has_lang(o, lang))
        if found:
            return found[0]
    untagged = sorted(str(o) for o in graph.objects(node, RDFS.label) if _has_lang(o, ""))
    return untagged[0] if untagged else ""


def _has_lang(value: object, lang: str) -> bool:
    return isinstance(value, Literal) and (value.language or "").lower() == lang


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


def term_labels(term: Node, name: str, lang: str) -> dict[str, str]:
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


def evidence_by_node(graph: Graph, wanted: set[URIRef]) -> dict[URIRef, list[dict]]:
    """The quotes of each node's annotations, in text order (one per occurrence)."""
    found: dict[URIRef, list[dict]] = {}
    for annotation, body in graph.subject_objects(OA.hasBody):
        if not isinstance(body, URIRef) or body not in wanted:
            continue
        for target in graph.objects(annotation, OA.hasTarget):
            quote = _selectors(graph, target)
            if quote:
                found.setdefault(body, []).append(quote)
    for quotes in found.values():
        quotes.sort(key=lambda q: (q["start"], q["exact"]))
    return found


def _selectors(graph: Graph, target: Node) -> dict | None:
    quote: dict[str, Any] = {}
    for selector in graph.objects(target, OA.hasSelector):
        for field in ("exact", "prefix", "suffix"):
            value = graph.value(selector, OA[field])
            if value is not None:
                quote[field] = str(value)
        for field in ("start", "end"):
            value = graph.value(selector, OA[field])
            if value is not None:
                quote[field] = int(str(value))
    if "exact" not in quote:
        return None
    defaults = {"exact": "", "prefix": "", "suffix": "", "start": -1, "end": -1}
    return {field: quote.get(field, default) for field, default in defaults.items()}


def label(nxg: nx.MultiDiGraph, node: str, lang: str = "en") -> str:
    """A node's label in ``lang`` (falls back to the other language, then the IRI)."""
    data = nxg.nodes[node]
    other = "ko" if lang == "en" else "en"
    return data.get(f"label_{lang}") or data.get(f"label_{other}") or node
