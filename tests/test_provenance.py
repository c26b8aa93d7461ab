"""Every entity is grounded, and every annotation selects its quote in the stored text."""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kg.core.config import entity_iri
from kg.core.namespaces import OA, ORG, SCHEMA
from kg.core.paths import ROOT
from kg.validate.checks import check_offsets

GROUNDED = [
    ORG.Organization,
    SCHEMA.Person,
    ORG.Post,
    SCHEMA.Project,
    SCHEMA.Event,
    SCHEMA.Observation,
]


def spans(graph: Graph, body: URIRef) -> list[tuple[int, int, str]]:
    found = []
    for ann in graph.subjects(OA.hasBody, body):
        target = graph.value(ann, OA.hasTarget)
        selectors = list(graph.objects(target, OA.hasSelector))
        exact = next(graph.value(s, OA.exact) for s in selectors if (s, OA.exact, None) in graph)
        pos = next(s for s in selectors if (s, OA.start, None) in graph)
        found.append((int(graph.value(pos, OA.start)), int(graph.value(pos, OA.end)), str(exact)))
    return sorted(found)


def test_every_entity_is_the_body_of_an_annotation(graph: Graph) -> None:
    for cls in GROUNDED:
        for node in graph.subjects(RDF.type, cls):
            assert spans(graph, node), node


def test_offsets_select_the_quote(graph: Graph, seed_text: str) -> None:
    for ann in graph.subjects(RDF.type, OA.Annotation):
        for start, end, exact in spans(graph, graph.value(ann, OA.hasBody)):
            assert seed_text[start:end] == exact
    assert check_offsets(graph, ROOT) == []


def test_a_fact_told_twice_has_two_annotations(graph: Graph, seed_text: str) -> None:
    opening = URIRef(entity_iri("event", "it-venture-center-opening"))
    found = spans(graph, opening)
    assert [exact for _, _, exact in found] == ["2010. 06. 29 : IT벤처센터 개소"] * 2
    assert found[0][0] != found[1][0]


def test_source_document_points_to_its_stored_text(graph: Graph) -> None:
    doc = URIRef(entity_iri("document", "c0befe44ac966333"))
    media = graph.value(doc, SCHEMA.encoding)
    assert str(graph.value(media, SCHEMA.contentUrl)) == "data/sources/c0befe44ac966333.txt"
    assert len(str(graph.value(media, SCHEMA.sha256))) == 64
    assert graph.value(doc, SCHEMA.author) == URIRef(entity_iri("person", "kim-jin-man"))
