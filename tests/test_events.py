from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from kg.build.assemble import build_parts
from kg.build.events import _last_year
from kg.core.config import entity_iri
from kg.core.errors import RecordError
from kg.core.namespaces import DEF, PROV, SCHEMA
from tests.conftest import edit


def event(slug: str) -> URIRef:
    return URIRef(entity_iri("event", slug))


def org(slug: str) -> URIRef:
    return URIRef(entity_iri("org", slug))


def test_the_21_timeline_events(graph: Graph) -> None:
    events = set(graph.subjects(predicate=None, object=DEF.HistoryEvent))
    assert len(events) == 21
    for e in events:
        (date,) = graph.objects(e, SCHEMA.startDate)
        assert date.datatype == XSD.date
        assert (e, SCHEMA.about, None) in graph


@pytest.mark.parametrize(
    ("slug", "kind", "date"),
    [
        ("agency-founding", DEF.FoundingEvent, "2001-08-21"),
        ("agency-renaming", DEF.RenamingEvent, "2012-07-18"),
        ("culture-industry-support-center-establishment", DEF.EstablishmentEvent, "2003-06-21"),
        ("k-ict-device-lab-opening", DEF.OpeningEvent, "2015-11-17"),
        ("software-promotion-zone-designation", DEF.DesignationEvent, "2000-07-26"),
        ("jeonbuk-prototype-workshop-operator-selection", DEF.SelectionEvent, "2017-05-30"),
        ("accelerator-registration", DEF.RegistrationEvent, "2017-11-29"),
        ("kolas-accreditation", DEF.AccreditationEvent, "2019-10-29"),
        ("venture-town-ordinance-enactment", DEF.EnactmentEvent, "2001-05-30"),
    ],
)
def test_event_kinds_and_dates(graph: Graph, slug: str, kind: URIRef, date: str) -> None:
    assert (event(slug), None, kind) in graph
    assert (event(slug), SCHEMA.startDate, Literal(date, datatype=XSD.date)) in graph
    assert (event(slug), None, SCHEMA.Event) in graph


def test_acting_bodies_only_where_the_text_names_one(graph: Graph) -> None:
    acted = {(e, a) for e, a in graph.subject_objects(PROV.wasAssociatedWith)}
    assert acted == {
        (event("software-promotion-zone-designation"), org("mic")),
        (event("soft-town-designation"), org("mic")),
        (event("accelerator-registration"), org("mss")),
        (event("kolas-accreditation"), org("kolas")),
    }


def test_drone_fair_is_a_year_precision_event(graph: Graph) -> None:
    fair = event("drone-industry-fair-2019")
    assert (fair, SCHEMA.startDate, Literal("2019", datatype=XSD.gYear)) in graph
    assert (fair, None, SCHEMA.ExhibitionEvent) in graph


def test_a_timeline_line_without_record_fails(data_copy: Path) -> None:
    edit(
        data_copy / "records" / "events.toml",
        'timeline = "IT벤처센터 개소"',
        'timeline = "IT벤처센터 개관"',
    )
    with pytest.raises(RecordError, match="matches no line"):
        build_parts(data_copy / "records", data_copy / "sources")


def test_an_actor_not_named_in_the_line_fails(data_copy: Path) -> None:
    edit(
        data_copy / "records" / "events.toml",
        'about = "org/jeonju-ict-culture-agency"\nactor = "mss"',
        'about = "org/jeonju-ict-culture-agency"\nactor = "msit"',
    )
    with pytest.raises(RecordError, match="actor 'msit' is not named"):
        build_parts(data_copy / "records", data_copy / "sources")


def test_a_parenthesised_actor_must_be_recorded(data_copy: Path) -> None:
    edit(
        data_copy / "records" / "events.toml",
        'about = "place/soft-town"\nactor = "mic"',
        'about = "place/soft-town"',
    )
    with pytest.raises(RecordError, match="names '정보통신부' as acting body"):
        build_parts(data_copy / "records", data_copy / "sources")


@pytest.mark.parametrize(
    ("year", "quotes", "told"),
    [
        ("2024", ["지난해 5월 지정", "2025. 9. 18."], True),
        ("2024", ["- last year 5월 — 도가 designate", "2025.09.18 | by 기자"], True),
        ("2023", ["재작년 3월 이전", "2025년 2월 12일"], True),
        ("2017", ["2016년 6월 열었고, 이듬해 지정"], True),
        ("2023", ["last year 5월", "2025.09.18"], False),  # last year of 2025 is 2024
    ],
)
def test_a_year_told_against_a_printed_one_is_printed(
    year: str, quotes: list[str], told: bool
) -> None:
    assert _last_year(year, quotes) is told
