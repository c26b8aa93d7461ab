"""The networkx view: which nodes, which edges, literals as attributes."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kg.errors import InputError
from kg.graphformats import main_class, network_nodes, to_networkx
from kg.namespaces import DEF, ID, OA, ORG, PROV, SCHEMA, SKOS, WD


def small_graph() -> Graph:
    """An agency, one unit, an event naming both, and one annotation: worked by hand."""
    g = Graph()
    agency, unit, event, note = ID["org/a"], ID["unit/u"], ID["event/e"], ID["annotation/x"]
    for node, types in (
        (agency, [DEF.PromotionAgency, ORG.FormalOrganization, ORG.Organization]),
        (unit, [ORG.OrganizationalUnit, ORG.Organization]),
        (event, [DEF.OpeningEvent, SCHEMA.Event]),
        (note, [OA.Annotation]),
    ):
        for t in types:
            g.add((node, RDF.type, t))
    g.add((agency, RDFS.label, Literal("진흥원", lang="ko")))
    g.add((agency, RDFS.label, Literal("Agency", lang="en")))
    g.add((unit, RDFS.label, Literal("센터", lang="ko")))
    g.add((agency, ORG.hasUnit, unit))
    g.add((agency, SKOS.exactMatch, WD.Q1))
    g.add((event, SCHEMA.about, unit))
    g.add((event, DEF.actor, agency))
    g.add((event, PROV.wasAssociatedWith, agency))
    g.add((event, SCHEMA.startDate, Literal("2020", datatype=XSD.gYear)))
    g.add((note, OA.hasBody, agency))
    return g


def test_nodes_are_typed_entities_without_the_annotations() -> None:
    network = to_networkx(small_graph(), "ko")
    assert list(network.nodes) == ["kg:event/e", "kg:org/a", "kg:unit/u"]
    assert network_nodes(small_graph(), provenance=True) >= {ID["annotation/x"]}


def test_edges_link_nodes_and_are_keyed_by_property() -> None:
    network = to_networkx(small_graph(), "en")
    assert sorted(network.edges(keys=True)) == [
        ("kg:event/e", "kg:org/a", "def:actor"),
        ("kg:event/e", "kg:org/a", "prov:wasAssociatedWith"),
        ("kg:event/e", "kg:unit/u", "schema:about"),
        ("kg:org/a", "kg:unit/u", "org:hasUnit"),
    ]
    actor = network.edges["kg:event/e", "kg:org/a", "def:actor"]
    assert actor["label"] == "acting body" and actor["label_ko"] == "행위 기관"
    assert network.edges["kg:org/a", "kg:unit/u", "org:hasUnit"]["label"] == "has unit"


def test_literals_and_outside_links_are_attributes() -> None:
    network = to_networkx(small_graph(), "ko")
    agency = network.nodes["kg:org/a"]
    assert agency["label"] == "진흥원" and agency["label_en"] == "Agency"
    assert agency["skos_exactMatch"] == str(WD.Q1)
    assert agency["class"] == "def:PromotionAgency" and agency["class_label"] == "진흥원"
    assert network.nodes["kg:event/e"]["schema_startDate"] == "2020"
    unit = to_networkx(small_graph(), "en").nodes["kg:unit/u"]
    assert unit["label"] == "센터" and unit["label_en"] == ""  # falls back to the other language


def test_main_class_is_the_most_specific_type() -> None:
    types = [ORG.FormalOrganization, ORG.Organization, SCHEMA.GovernmentOrganization]
    assert main_class(types) == ORG.FormalOrganization
    assert main_class([SCHEMA.Event, DEF.OpeningEvent]) == DEF.OpeningEvent
    assert main_class([URIRef("http://x.example/T")]) == URIRef("http://x.example/T")


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(InputError, match="language 'fr' is not offered"):
        to_networkx(small_graph(), "fr")


def test_the_built_graph_as_a_network(graph: Graph) -> None:
    network = to_networkx(graph, "ko")
    assert 100 <= network.number_of_nodes() < 150
    assert not any(n.startswith("kg:annotation/") for n in network)
    agency = network.nodes["kg:org/jeonju-ict-culture-agency"]
    assert (
        agency["label"] == "전주정보문화산업진흥원"
        and agency["schema_foundingDate"] == "2001-08-21"
    )
    units = [n for n, d in network.nodes(data=True) if d["class"] == "org:OrganizationalUnit"]
    assert len(units) >= 10
    assert network.has_edge("kg:org/jeonju-ict-culture-agency", "kg:unit/sos-lab", "org:hasUnit")
    assert all(isinstance(v, str) for _, d in network.nodes(data=True) for v in d.values())


def test_every_class_and_property_of_the_built_graph_has_display_labels(graph: Graph) -> None:
    """ontology/labels.ttl must name each standard term the graph uses (else: add a line)."""
    network = to_networkx(graph, "ko")
    for _, _, data in network.edges(data=True):
        assert data["label_ko"] != data["name"].split(":")[1], data["name"]
    for _, data in network.nodes(data=True):
        assert data["class_label"] != data["class"].split(":")[1], data["class"]
    assert network.nodes["kg:document/c0befe44ac966333"]["class"] == "schema:NewsArticle"
