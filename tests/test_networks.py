"""The networkx view: which nodes, which edges, literals as attributes, evidence."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kg.namespaces import OA, ORG, SCHEMA
from kg.networks import display_class, entity_nodes, to_networkx

VR = "https://w3id.org/kr-ict-kg/id/unit/jeonbuk-vr-ar-production-hub-center"
EX = "https://example.org/"


@pytest.fixture(scope="module")
def nxg(graph: Graph):
    return to_networkx(graph)


def tiny() -> Graph:
    """Two organizations, a unit, one annotation with its selectors."""
    from rdflib.namespace import XSD  # imported here: pytest probes module globals

    g = Graph()
    agency, unit, ministry = URIRef(EX + "agency"), URIRef(EX + "unit"), URIRef(EX + "ministry")
    for node, cls, ko, en in [
        (agency, ORG.FormalOrganization, "진흥원", "Agency"),
        (unit, ORG.OrganizationalUnit, "센터", "Center"),
        (ministry, ORG.FormalOrganization, "부", "Ministry"),
    ]:
        g.add((node, RDF.type, cls))
        g.add((node, RDFS.label, Literal(ko, lang="ko")))
        g.add((node, RDFS.label, Literal(en, lang="en")))
    g.add((agency, ORG.hasUnit, unit))
    g.add((unit, ORG.unitOf, agency))
    g.add((unit, SCHEMA.foundingDate, Literal("2020-01-22", datatype=XSD.date)))
    annotation, target, quote = URIRef(EX + "a"), URIRef(EX + "t"), URIRef(EX + "q")
    g.add((annotation, RDF.type, OA.Annotation))
    g.add((annotation, RDFS.label, Literal("an annotation")))
    g.add((annotation, OA.hasBody, unit))
    g.add((annotation, OA.hasTarget, target))
    g.add((target, OA.hasSelector, quote))
    g.add((quote, RDF.type, OA.TextQuoteSelector))
    g.add((quote, OA.exact, Literal("센터")))
    g.add((quote, OA.start, Literal(3)))
    g.add((quote, OA.end, Literal(5)))
    return g


def test_tiny_graph_follows_the_rule() -> None:
    nxg = to_networkx(tiny())
    assert sorted(nxg.nodes) == [EX + "agency", EX + "ministry", EX + "unit"]
    assert sorted(nxg.edges(keys=True)) == [
        (EX + "agency", EX + "unit", "org:hasUnit"),
        (EX + "unit", EX + "agency", "org:unitOf"),
    ]
    unit = nxg.nodes[EX + "unit"]
    assert unit["label_ko"] == "센터" and unit["cls"] == "Unit"
    assert unit["dates"] == {"schema:foundingDate": "2020-01-22"} and unit["year"] == 2020
    assert unit["evidence"] == [{"exact": "센터", "prefix": "", "suffix": "", "start": 3, "end": 5}]
    assert nxg.nodes[EX + "agency"]["cls"] == "Government body"


def test_nodes_are_the_entities_not_the_provenance(graph: Graph, nxg) -> None:
    assert nxg.number_of_nodes() == len(entity_nodes(graph)) == 106
    annotations = {str(a) for a in graph.subjects(RDF.type, OA.Annotation)}
    assert annotations and not annotations & set(nxg.nodes)
    assert not any(isinstance(n, Literal) or n.startswith('"') for n in nxg.nodes)
    classes = [cls for _, cls in nxg.nodes(data="cls")]
    assert classes.count("Agency") == 1 and classes.count("Unit") == 15
    assert classes.count("Event") == 22


def test_edges_are_labelled_by_their_property(nxg) -> None:
    keys = {key for _, _, key in nxg.edges(keys=True)}
    assert {"org:hasUnit", "org:unitOf", "schema:about", "prov:wasAssociatedWith"} <= keys
    assert "rdf:type" not in keys and not any(k.startswith("oa:") for k in keys)


def test_the_vr_center_carries_its_date_and_quotes(nxg, seed_text: str) -> None:
    vr = nxg.nodes[VR]
    assert vr["label_ko"] == "전북 VR·AR제작거점센터"
    assert vr["dates"]["schema:foundingDate"] == "2020-01-22"
    assert len(vr["evidence"]) == 3
    for quote in vr["evidence"]:
        assert seed_text[quote["start"] : quote["end"]] == quote["exact"]
    assert "Jeonbuk VR/AR Production Hub Center@en" in vr["literals"]["skos:altLabel"]


def test_display_class_prefers_the_most_telling_type() -> None:
    assert display_class({ORG.OrganizationalUnit, SCHEMA.Project}) == "Unit"
    assert display_class({URIRef(EX + "Thing")}) == "Other"
