"""The networkx view: which nodes, which edges, literals as attributes, evidence.

Two hand-made graphs (``small_graph``, also written out by test_graphwriters'
golden files, and ``tiny``) and the built one.
"""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kg.core.errors import InputError
from kg.core.namespaces import DEF, ID, OA, ORG, PROV, SCHEMA, SKOS, WD
from kg.network.view import display_class, entity_nodes, main_class, to_networkx
from kg.network.writers import flat

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
    # 122 typed, labelled entities: 106 the article names and the 16 other 시·도 of the
    # reference data (data/reference/regions.toml). The source document (schema:NewsArticle) and its
    # stored text (schema:MediaObject) are provenance: they live in the provenance
    # graph and are nodes only with provenance=True (the export's former rule made them
    # nodes, 108). See test_every_class_and_property_of_the_built_graph_has_display_labels.
    assert nxg.number_of_nodes() == len(entity_nodes(graph)) == 122
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


def k(slug: str) -> str:
    """The node id (the full IRI) of one of our entities."""
    return str(ID[slug])


def small_graph() -> Graph:
    """An agency, one unit, an event naming both, and one annotation: worked by hand."""
    from rdflib.namespace import XSD  # imported here: pytest probes module globals

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
    g.add((event, RDFS.label, Literal("개소", lang="ko")))  # an entity has a label
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
    assert list(network.nodes) == [k("event/e"), k("org/a"), k("unit/u")]
    assert entity_nodes(small_graph(), provenance=True) >= {ID["annotation/x"]}


def test_edges_link_nodes_and_are_keyed_by_property() -> None:
    network = to_networkx(small_graph(), "en")
    assert sorted(network.edges(keys=True)) == [
        (k("event/e"), k("org/a"), "def:actor"),
        (k("event/e"), k("org/a"), "prov:wasAssociatedWith"),
        (k("event/e"), k("unit/u"), "schema:about"),
        (k("org/a"), k("unit/u"), "org:hasUnit"),
    ]
    actor = network.edges[k("event/e"), k("org/a"), "def:actor"]
    assert actor["label"] == "acting body" and actor["label_ko"] == "행위 기관"
    assert network.edges[k("org/a"), k("unit/u"), "org:hasUnit"]["label"] == "has unit"


def test_literals_and_outside_links_are_attributes() -> None:
    network = flat(to_networkx(small_graph(), "ko"))
    agency = network.nodes[k("org/a")]
    assert agency["label"] == "진흥원" and agency["label_en"] == "Agency"
    assert agency["skos_exactMatch"] == str(WD.Q1)
    assert agency["class"] == "def:PromotionAgency" and agency["class_label"] == "진흥원"
    assert network.nodes[k("event/e")]["schema_startDate"] == "2020"
    unit = to_networkx(small_graph(), "en").nodes[k("unit/u")]
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
    network = flat(to_networkx(graph, "ko"))
    assert 100 <= network.number_of_nodes() < 150
    assert not any(n.startswith(k("annotation/")) for n in network)
    agency = network.nodes[k("org/jeonju-ict-culture-agency")]
    assert (
        agency["label"] == "전주정보문화산업진흥원"
        and agency["schema_foundingDate"] == "2001-08-21"
    )
    units = [n for n, d in network.nodes(data=True) if d["class"] == "org:OrganizationalUnit"]
    assert len(units) >= 10
    assert network.has_edge(k("org/jeonju-ict-culture-agency"), k("unit/sos-lab"), "org:hasUnit")
    assert all(isinstance(v, str) for _, d in network.nodes(data=True) for v in d.values())


def test_every_class_and_property_of_the_built_graph_has_display_labels(graph: Graph) -> None:
    """ontology/labels.ttl must name each standard term the graph uses (else: add a line)."""
    # provenance=True: the annotations, selectors and the source document are nodes too
    network = to_networkx(graph, "ko", provenance=True)
    assert k("document/c0befe44ac966333") not in to_networkx(graph, "ko")
    for _, _, data in network.edges(data=True):
        assert data["label_ko"] != data["name"].split(":")[1], data["name"]
    for _, data in network.nodes(data=True):
        assert data["class_label"] != data["class"].split(":")[1], data["class"]
    assert network.nodes[k("document/c0befe44ac966333")]["class"] == "schema:NewsArticle"


def test_every_entity_is_reachable_from_the_agency_but_the_islands_the_readme_lists(
    graph: Graph, nxg
) -> None:
    import re

    import networkx as nx

    from kg.core.paths import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Regions (시·도) and islands", 1)[1].split("\n### ", 1)[0]
    section = section.split("The exceptions, where the text gives no link:", 1)[1]
    listed = {ID[slug] for slug in re.findall(r"`((?:person|org|unit|place)/[a-z0-9-]+)`", section)}
    named = {s for s in graph.objects(None, OA.hasBody)}  # the reference regions are not
    agency = ID["org/jeonju-ict-culture-agency"]
    reached = nx.node_connected_component(nxg.to_undirected(as_view=True), str(agency))
    islands = {URIRef(n) for n in nxg.nodes} - {URIRef(n) for n in reached}
    assert islands & named == listed & named == {ID["person/kim-jin-man"]}
    assert all((n, RDF.type, DEF.Region) in graph for n in islands - named)
