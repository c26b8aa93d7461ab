"""The 17 시·도: one registry, written into every graph, merged with the place the article names."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.build.regions import curated_records, load_regions, region_named
from kg.core.errors import RecordError
from kg.core.namespaces import DCTERMS, DEF, ID, OA, SCHEMA
from tests.conftest import edit


def test_the_registry_holds_the_17_regions_with_distinct_iso_codes() -> None:
    regions = load_regions()
    assert len(regions) == len({r.iso for r in regions}) == 17
    assert all(r.iso.startswith("KR-") and r.sources for r in regions)
    assert region_named("전라북도").slug == region_named("전북").slug == "jeonbuk"
    assert region_named("강원도").ko == "강원특별자치도" and region_named("전주시") is None


def test_every_region_is_in_the_graph_once_with_names_code_and_source(graph: Graph) -> None:
    regions = set(graph.subjects(RDF.type, DEF.Region))
    assert regions == {ID[f"place/{r.slug}"] for r in load_regions()}
    for region in load_regions():
        iri = ID[f"place/{region.slug}"]
        assert set(graph.objects(iri, SCHEMA.identifier)) == {Literal(region.iso)}
        assert {(label.language, str(label)) for label in graph.objects(iri, RDFS.label)} == {
            ("ko", region.ko),
            ("en", region.en),
        }
        assert URIRef("https://www.iso.org/obp/ui/#iso:code:3166:KR") in set(
            graph.objects(iri, DCTERMS.source)
        )
        assert {SCHEMA.AdministrativeArea, SCHEMA.Place} <= set(graph.objects(iri, RDF.type))


def test_the_place_the_article_names_is_the_region_not_a_duplicate(graph: Graph) -> None:
    jeonbuk = ID["place/jeonbuk"]
    named = [s for s in graph.subjects(RDFS.label, Literal("전북특별자치도", lang="ko"))]
    assert named == [jeonbuk]
    assert Literal("전라북도", lang="ko") in set(graph.objects(jeonbuk, SKOS.altLabel))
    assert any(graph.subjects(OA.hasBody, jeonbuk)), "the article's evidence is kept"
    agency = ID["org/jeonju-ict-culture-agency"]
    assert jeonbuk in set(graph.objects(agency, SCHEMA.areaServed))


def test_a_record_may_not_restate_what_the_registry_says(data_copy: Path) -> None:
    places = data_copy / "records" / "places.toml"
    edit(places, 'slug = "jeonbuk"\n', 'slug = "jeonbuk"\nko = "전라북도"\n')
    with pytest.raises(RecordError, match="places.toml: place 'jeonbuk': ko of a 시·도"):
        curated_records(data_copy / "records")
