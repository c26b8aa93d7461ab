"""The built graph answers the interop contract's questions for what the article says."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from kg.core.config import entity_iri
from kg.core.namespaces import DCTERMS, ORG, SCHEMA, WD

AGENCY = URIRef(entity_iri("org", "jeonju-ict-culture-agency"))


def iri(kind: str, slug: str) -> URIRef:
    return URIRef(entity_iri(kind, slug))


def test_agency(graph: Graph) -> None:
    for cls in (ORG.FormalOrganization, SCHEMA.GovernmentOrganization, ORG.Organization):
        assert (AGENCY, RDF.type, cls) in graph
    assert (AGENCY, SCHEMA.foundingDate, Literal("2001-08-21", datatype=XSD.date)) in graph
    assert (AGENCY, RDFS.label, Literal("전주정보문화산업진흥원", lang="ko")) in graph
    assert (AGENCY, SKOS.altLabel, Literal("전주정보영상진흥원", lang="ko")) in graph
    assert (AGENCY, SCHEMA.areaServed, iri("place", "jeonbuk")) in graph


def test_units_linked_both_ways_with_opening_dates(graph: Graph) -> None:
    units = set(graph.subjects(RDF.type, ORG.OrganizationalUnit))
    assert len(units) == 15
    for unit in units:
        assert (unit, ORG.unitOf, AGENCY) in graph and (AGENCY, ORG.hasUnit, unit) in graph
    dated = {u for u in units if (u, SCHEMA.foundingDate, None) in graph}
    assert len(dated) == 13
    assert iri("unit", "jeonbuk-prototype-workshop") not in dated
    vr = iri("unit", "jeonbuk-vr-ar-production-hub-center")
    assert (vr, SCHEMA.foundingDate, Literal("2020-01-22", datatype=XSD.date)) in graph


def test_every_label_once_per_language(graph: Graph) -> None:
    labelled = set(graph.subjects(RDFS.label, None))
    for node in labelled:
        langs = sorted(label.language for label in graph.objects(node, RDFS.label))
        assert langs == ["en", "ko"], node


def test_ministries_are_distinct_and_defunct_one_kept(graph: Graph) -> None:
    for slug, en in [
        ("mic", "Ministry of Information and Communication"),
        ("mss", "Ministry of SMEs and Startups"),
        ("msit", "Ministry of Science and ICT"),
        ("kolas", "Korea Laboratory Accreditation Scheme"),
    ]:
        assert (iri("org", slug), RDFS.label, Literal(en, lang="en")) in graph
        assert (iri("org", slug), RDF.type, SCHEMA.GovernmentOrganization) in graph
    assert (iri("org", "msit"), SKOS.altLabel, Literal("과기부", lang="ko")) in graph


def test_places_are_separate_from_governments(graph: Graph) -> None:
    jeonbuk = iri("place", "jeonbuk")
    assert (jeonbuk, RDF.type, SCHEMA.AdministrativeArea) in graph
    assert (jeonbuk, SKOS.exactMatch, WD.Q41157) in graph
    government = iri("org", "jeonbuk-provincial-government")
    assert (government, SCHEMA.areaServed, jeonbuk) in graph
    assert (jeonbuk, RDF.type, ORG.Organization) not in graph


def test_director_and_post(graph: Graph) -> None:
    person = iri("person", "seomun-sanseong")
    post = iri("post", "jeonju-ict-culture-agency-director")
    assert (post, ORG.postIn, AGENCY) in graph
    assert (post, ORG.heldBy, person) in graph and (person, ORG.holds, post) in graph
    assert (post, RDFS.label, Literal("원장", lang="ko")) in graph
    assert (person, RDFS.label, Literal("Seomun Sanseong", lang="en")) in graph


def test_figures_are_observations(graph: Graph) -> None:
    values = {}
    for obs in graph.subjects(RDF.type, SCHEMA.Observation):
        values[int(graph.value(obs, SCHEMA.value))] = obs
        assert graph.value(obs, SCHEMA.observationAbout) is not None
        assert graph.value(obs, SCHEMA.variableMeasured) is not None
    assert sorted(values) == [3, 11, 19, 40, 84]
    percent = values[11]
    assert (percent, SCHEMA.unitCode, Literal("P1")) in graph
    assert (percent, SCHEMA.unitText, Literal("%")) in graph


def test_programs_with_runner_and_funder(graph: Graph) -> None:
    cloud = iri("project", "cloud-computing-workforce-training")
    assert (cloud, SCHEMA.parentOrganization, AGENCY) in graph
    assert (cloud, SCHEMA.funder, iri("org", "msit")) in graph
    assert (AGENCY, SCHEMA.subOrganization, cloud) in graph
    assert (iri("unit", "sos-lab"), RDF.type, SCHEMA.Project) in graph
    assert len(set(graph.subjects(RDF.type, SCHEMA.Project))) >= 15


def test_technologies_scheme(graph: Graph) -> None:
    ai = iri("concept", "ai")
    assert (ai, SKOS.prefLabel, Literal("인공지능", lang="ko")) in graph
    assert (AGENCY, DCTERMS.subject, ai) in graph
    for slug in (
        "iot",
        "big-data",
        "cloud",
        "renewable-energy",
        "3d-printing",
        "drones",
        "vr-ar",
        "5g",
        "software",
        "culture-industry",
        "film",
        "agro-bio",
        "smart-city",
    ):
        assert (iri("concept", slug), RDF.type, SKOS.Concept) in graph, slug


def test_no_blank_nodes(graph: Graph) -> None:
    from rdflib import BNode

    assert not any(isinstance(t, BNode) for triple in graph for t in triple)
