"""The graph conforms; data broken on purpose gives the exact violation."""

from __future__ import annotations

import json

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, XSD

from kg.core.config import entity_iri
from kg.core.namespaces import OA, ORG, SCHEMA
from kg.validate.pyshacl_engine import validate
from kg.validate.report import Report

AGENCY = URIRef(entity_iri("org", "jeonju-ict-culture-agency"))
UNIT = URIRef(entity_iri("unit", "it-venture-center"))

pytestmark = pytest.mark.slow  # every test runs pyshacl on the whole graph (~6 s)


@pytest.fixture
def copy(graph: Graph) -> Graph:
    broken = Graph()
    for triple in graph:
        broken.add(triple)
    return broken


def messages(report: Report) -> list[str]:
    return [v.message for v in report.violations]


def test_the_built_graph_conforms(report: Report) -> None:
    assert report.conforms, report.to_text()
    assert report.to_text() == "conforms: yes (0 violations)"


def test_validation_does_not_mutate_the_graph(copy: Graph) -> None:
    before = len(copy)
    validate(copy)
    assert len(copy) == before


def test_missing_label(copy: Graph) -> None:
    copy.remove((UNIT, RDFS.label, Literal("IT Venture Center", lang="en")))
    report = validate(copy)
    assert not report.conforms
    (v,) = report.violations
    assert v.focus == "kg:unit/it-venture-center"
    assert v.message == "Missing rdfs:label in English: exactly one @en label is required."
    assert v.message_ko.startswith("영어 rdfs:label이 없습니다") and v.quote == "IT벤처센터"


def test_two_labels_in_one_language(copy: Graph) -> None:
    copy.add((UNIT, RDFS.label, Literal("IT 벤처 센터", lang="ko")))
    assert "the only one in its language" in " ".join(messages(validate(copy)))


def test_impossible_date(copy: Graph) -> None:
    event = URIRef(entity_iri("event", "it-venture-center-opening"))
    copy.remove((event, SCHEMA.startDate, None))
    copy.add((event, SCHEMA.startDate, Literal("2019-13-40", datatype=XSD.date)))
    report = validate(copy)
    (v,) = [v for v in report.violations if v.path == "schema:startDate"]
    assert v.value.startswith('"2019-13-40"')
    assert "valid xsd:date" in v.message and v.quote.endswith("IT벤처센터 개소")


def test_unit_without_its_agency(copy: Graph) -> None:
    copy.remove((UNIT, ORG.unitOf, None))
    copy.remove((None, ORG.hasUnit, UNIT))
    report = validate(copy)
    assert any(
        v.path == "org:unitOf" and "must be org:unitOf its agency" in v.message
        for v in report.violations
    )


def test_unit_link_in_one_direction_is_a_violation_query(copy: Graph) -> None:
    copy.remove((AGENCY, ORG.hasUnit, UNIT))
    checks = {v.check for v in validate(copy).violations}
    assert "query:unit-inverse-violation" in checks


def test_offsets_that_do_not_match_the_text(copy: Graph) -> None:
    ann = next(iter(copy.subjects(OA.hasBody, UNIT)))
    position = URIRef(f"{ann}#position")
    start = int(copy.value(position, OA.start))
    copy.set((position, OA.start, Literal(start + 1, datatype=XSD.nonNegativeInteger)))
    copy.set((position, OA.end, Literal(start + 7, datatype=XSD.nonNegativeInteger)))
    (v,) = [v for v in validate(copy).violations if v.check == "offsets"]
    assert "not the quote 'IT벤처센터'" in v.message


def test_ungrounded_entity(copy: Graph) -> None:
    for ann in list(copy.subjects(OA.hasBody, UNIT)):
        copy.remove((ann, None, None))
    assert any(v.message.startswith("Not grounded") for v in validate(copy).violations)


def test_observation_needs_a_number(copy: Graph) -> None:
    obs = URIRef(entity_iri("observation", "agro-bio-sw-rbd-new-jobs"))
    copy.set((obs, SCHEMA.value, Literal("12abc", datatype=XSD.integer)))
    assert any("numeric schema:value" in m for m in messages(validate(copy)))


def test_json_report(copy: Graph) -> None:
    copy.remove((UNIT, RDFS.label, Literal("IT Venture Center", lang="en")))
    data = json.loads(validate(copy).to_json())
    assert data["conforms"] is False
    assert data["violations"][0]["focus"] == "kg:unit/it-venture-center"


def test_a_decomposed_hangul_label_is_a_warning_kept_exactly(copy: Graph) -> None:
    import unicodedata

    nfd = unicodedata.normalize("NFD", "전주 센터")
    copy.add((UNIT, RDFS.label, Literal(nfd, lang="ko-Latn")))
    report = validate(copy)
    (warning,) = [v for v in report.violations if v.check == "labels"]
    assert warning.severity == "Warning" and nfd in warning.value
    assert report.conforms and (UNIT, RDFS.label, Literal(nfd, lang="ko-Latn")) in copy
