"""The curated graph as gold answers for :mod:`kg.ingest.evaluate`."""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import Graph, Literal
from rdflib.query import ResultRow

from kg.ingest.evaluate import CATEGORIES, NONE, Gold, figure_key

PREFIXES = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX def: <https://w3id.org/kr-ict-kg/def/>
PREFIX oa: <http://www.w3.org/ns/oa#>
"""
NAMES = (
    PREFIXES
    + """
SELECT ?s ?label ?alt WHERE {
  ?s rdfs:label ?label . FILTER (lang(?label) = "ko")
  OPTIONAL { ?s skos:altLabel ?alt . FILTER (lang(?alt) = "ko") }
}"""
)
EVENTS = (
    PREFIXES
    + """
SELECT ?date ?kind ?about ?actor WHERE {
  ?e a schema:Event ; a ?kind ; schema:startDate ?date ; schema:about ?about .
  OPTIONAL { ?e prov:wasAssociatedWith ?actor }
}"""
)
UNITS = (
    PREFIXES
    + """
SELECT ?u ?date WHERE { ?u a org:OrganizationalUnit . OPTIONAL { ?u schema:foundingDate ?date } }
"""
)
# Typed entities the text names (the 시·도 of the reference data are in every graph).
TYPED = PREFIXES + "SELECT ?s WHERE { ?s a ?type . VALUES ?type { %s } ?a oa:hasBody ?s }"
POSTS = (
    PREFIXES
    + """
SELECT ?person ?title ?org WHERE {
  ?post a org:Post ; org:heldBy ?person ; org:postIn ?org ; rdfs:label ?title .
  FILTER (lang(?title) = "ko")
}"""
)
FIGURES = (
    PREFIXES
    + "SELECT ?v ?u WHERE { ?o a schema:Observation ; schema:value ?v ; schema:unitText ?u }"
)


def _rows(graph: Graph, query: str) -> Iterator[ResultRow]:
    """The rows of a SELECT query (rdflib types a result as any query's: triples, bool or rows)."""
    for row in graph.query(query):
        assert isinstance(row, ResultRow), "a SELECT query yields rows"
        yield row


def graph_gold(graph: Graph) -> Gold:
    """Gold tuples from a built graph (its timeline and other dated events, units …)."""
    from kg.core.config import DEF_BASE
    from kg.ingest.vocabulary import event_kinds

    gold = Gold({c: set() for c in CATEGORIES})
    label: dict[str, str] = {}
    for row in _rows(graph, NAMES):
        label[str(row.s)] = gold.know(str(row.label), [str(row.alt)] if row.alt else [])

    def name(node: object) -> str:
        return label.get(str(node), NONE) if node is not None else NONE

    kinds = {k for ks in event_kinds().values() for k in ks} | {"ExhibitionEvent"}
    for row in _rows(graph, EVENTS):
        kind = str(row.kind).removeprefix(DEF_BASE).removeprefix("https://schema.org/")
        if kind not in kinds:
            continue
        gold.sets["events"].add((str(row.date), kind, name(row.about), name(row.actor)))
    for row in _rows(graph, UNITS):
        gold.sets["units"].add((name(row.u), str(row.date) if row.date else NONE))
    for category, types in (
        ("organizations", "org:FormalOrganization"),
        ("people", "schema:Person"),
        ("places", "schema:AdministrativeArea def:DesignatedZone"),
    ):
        gold.sets[category] = {(name(row.s),) for row in _rows(graph, TYPED % types)}
    for row in _rows(graph, POSTS):
        gold.sets["posts"].add((name(row.person), str(row.title), name(row.org)))
    for row in _rows(graph, FIGURES):
        value = row.v.toPython() if isinstance(row.v, Literal) else row.v
        gold.sets["figures"].add(figure_key(value, str(row.u)))
    return gold
