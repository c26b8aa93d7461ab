"""Extraction rules: the timeline, the agency, units, people, places and figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.build.evidence import find_quote
from kg.core.errors import InputError
from kg.ingest import ingest, localities, people
from kg.ingest.extract import extract, read_article, repeated_lines
from tests.ingest_helpers import FIXTURES


@pytest.fixture(scope="module")
def seed(seed_text: str):
    return extract(seed_text, "seed")


def test_the_21_timeline_events_with_kinds_and_acting_bodies(seed) -> None:
    events = {e.fields["timeline"]: e for e in seed.of("event") if "timeline" in e.fields}
    assert len(events) == 21
    zone = events["소프트웨어진흥구역 지정(정보통신부)"].fields
    assert (zone["date"], zone["event_kind"], zone["actor"].ko) == (
        "2000-07-26",
        "DesignationEvent",
        "정보통신부",
    )
    assert zone["about"].kind == "place" and zone["about"].fields["kind"] == "zone"
    registration = events["중소벤처기업부 액셀러레이터 등록"].fields
    assert registration["actor"].ko == "중소벤처기업부" and registration["about"] is seed.agency
    kolas = events["KOLAS 국제공인시험기관(SW분야) 기관 인정"].fields
    assert kolas["actor"].ko == "KOLAS" and kolas["event_kind"] == "AccreditationEvent"
    assert "actor" not in events["전북시제품제작소 운영기관 선정"].fields  # no selector named
    assert events["(재)전주정보영상진흥원 설립"].fields["event_kind"] == "FoundingEvent"
    assert events["문화산업지원센터 설립"].fields["event_kind"] == "EstablishmentEvent"


def test_the_agency_with_its_former_name_and_legal_form(seed) -> None:
    agency = seed.agency
    assert agency.ko == "전주정보문화산업진흥원"
    assert {"전주정보영상진흥원", "(재)전주정보영상진흥원", "진흥원"} <= set(agency.alt_ko)
    assert agency.fields["legal_form_ko"] == "재단법인"


def test_units_with_their_opening_dates(seed) -> None:
    units = {u.ko: u.fields.get("date") for u in seed.of("unit")}
    assert len(units) == 15
    assert units["전주S/W지원센터"] == "1998-11-27"
    assert units["1인 창조기업 비즈니스센터"] == "2011-04-14"
    assert units["전북시제품제작소"] is None and units["SOS랩"] is None


def test_director_post_and_reporter(seed) -> None:
    (post,) = seed.of("post")
    assert (post.ko, post.fields["held_by"].ko, post.fields["post_in"]) == (
        "원장",
        "서문산성",
        seed.agency,
    )
    assert post.fields["head"] is True
    person = post.fields["held_by"]
    assert "서 원장" in person.quotes  # the short reference is evidence too
    assert {p.ko for p in seed.of("person")} == {"서문산성", "김진만"}


def test_figures_with_what_they_count(seed) -> None:
    figures = {(f.fields["value"], f.fields["unit_text"]): f for f in seed.of("observation")}
    assert set(figures) == {(19, "개사"), (40, "명"), (11, "%"), (3, "개국"), (84, "개 기업")}
    assert figures[(11, "%")].fields["unit_code"] == "P1"
    assert figures[(19, "개사")].fields["variable_ko"] == "수혜기업"
    assert figures[(19, "개사")].fields["about"].ko == "농생명과 SW융합을 위한 R&BD 지원"
    fair = figures[(3, "개국")].fields["about"]
    assert (fair.kind, fair.fields["date"], fair.fields["precision"]) == ("event", "2019", "year")


def test_every_item_is_grounded_in_the_text(seed, seed_text: str) -> None:
    for item in seed.items:
        spans = list(item.fields.get("occurrences", []))
        for quote in item.quotes:
            found = find_quote(seed_text, quote)
            assert found, (item.kind, quote)
            spans += [(e.start, e.end) for e in found]
        assert spans, (item.kind, item.ko)
    for event in seed.of("event"):
        for start, end in event.fields.get("occurrences", []):
            assert seed_text[start:end] == event.fields["line"]


def test_repeated_paragraphs_are_detected_and_told_once(seed, seed_text: str) -> None:
    assert [(r.first, r.again) for r in seed.repeats] == [(6, 15), (28, 56)]
    assert seed.repeats[1].count == 28  # the director's block and the whole timeline
    assert repeated_lines("가나다라마바사아자차카타파하\n" * 2, shortest=5)[0].again == 2
    events = [e for e in seed.of("event") if "timeline" in e.fields]
    assert all(len(e.fields["occurrences"]) == 2 for e in events)


@pytest.mark.parametrize(
    ("line", "date", "precision"),
    [
        ("2005년 3월 2일 : (재)가나진흥원 설립", "2005-03-02", "day"),
        ("2004.11 : 가나센터 개소", "2004-11", "month"),
        ("2002.3.4 : 가나센터 개소", "2002-03-04", "day"),
        ("2023년 : 가나센터 개소", "2023", "year"),
    ],
)
def test_date_forms_keep_their_precision(line: str, date: str, precision: str) -> None:
    text = f"(재)가나진흥원은 기관이다.\n연혁\n{line}\n"
    (event,) = [e for e in extract(text).of("event")]
    assert (event.fields["date"], event.fields["precision"]) == (date, precision)


def test_other_profiles_other_verbs() -> None:
    text = (FIXTURES / "haeundae-ict-agency.txt").read_text(encoding="utf-8")
    found = extract(text)
    events = {e.fields["date"]: e.fields for e in found.of("event")}
    assert events["2015-01-15"]["event_kind"] == "OpeningEvent"  # 개원
    assert events["2021-03"]["actor"].ko == "KISA"  # a leading acronym acts
    assert events["2012-10-08"]["actor"].ko == "정보통신산업진흥원"
    assert events["2023"]["about"].kind == "legislation"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"   \n", "the file is empty"),
        (b"\xff\xfe\x00", "not UTF-8"),
        (b"PNG\x00\x00\x00\x01", "not a text file"),
    ],
)
def test_bad_input_is_an_input_error(tmp_path: Path, content: bytes, message: str) -> None:
    article = tmp_path / "article.txt"
    article.write_bytes(content)
    with pytest.raises(InputError, match=message) as caught:
        ingest(article)
    assert str(article) in str(caught.value)


def test_what_cannot_be_read_is_a_review_note() -> None:
    found = extract("연혁\n2001. 08. 21 : 무엇 개소\n", "x.txt")
    assert any("no organization found" in note for note in found.notes)
    with pytest.raises(InputError, match="no such file"):
        read_article(Path("/nonexistent/article.txt"))
    found = extract("(재)가나진흥원\n연혁\n2019. 13. 40 : 가나센터 개소\n", "x.txt")
    assert (
        found.notes[0]
        == "line 3: no such month in 2019.13: '2019. 13. 40 : 가나센터 개소' (not drafted)"
    )


@pytest.mark.parametrize(
    ("text", "person", "title", "org"),
    [
        ("(재)가나진흥원 홍길동 원장은 말했다.", "홍길동", "원장", "(재)가나진흥원"),
        ("행사에는 정하윤 문화체육관광부 차관이 왔다.", "정하윤", "차관", "문화체육관광부"),
        ("이어 원장 최민호는 말했다.", "최민호", "원장", None),
        ("- 서문산성 원장", "서문산성", "원장", None),
    ],
)
def test_people_with_titles(text: str, person: str, title: str, org: str | None) -> None:
    (found,) = people.people(text)
    assert (found.ko, found.fields["title"], found.fields["org"]) == (person, title, org)
    assert found.quotes[0] in text


@pytest.mark.parametrize(
    "text", ["매출이 늘었다.\n원장 인사", "아시아 콘텐츠 시장을 연다", "채용했다.\n원장"]
)
def test_words_that_are_not_people(text: str) -> None:
    assert list(people.people(text)) == []


def test_other_forms_of_the_genre() -> None:
    text = (FIXTURES / "daejeon-info-agency.txt").read_text(encoding="utf-8")
    found = extract(text)  # "■ 연혁", dates with trailing dots
    units = {u.ko: u for u in found.of("unit")}
    renamed = units["대전디지털혁신센터"]  # "대전SW센터, 대전디지털혁신센터로 명칭변경"
    assert renamed.alt_ko == ["대전SW센터"] and renamed.fields["date"] == "2010-07"
    figures = {f.fields["value"]: f.fields["unit_text"] for f in found.of("observation")}
    assert figures[1200] == "억원"  # 1,200억원
    people = {p.ko: p.fields["title"] for p in found.of("person")}
    assert people == {"윤서영": "이사장", "송지훈": "시장"}  # 대전광역시장: a glued title
    places = {p.ko: p.fields["kind"] for p in found.of("place")}
    assert places["유성구"] == "district" and places["대덕특구"] == "zone"


def test_places_with_and_without_particles() -> None:
    text = "전라북도 그리고 경기도와 전주시의 해운대구에"
    found = {p.ko: p.quotes for p in localities.places(text)}
    assert set(found) == {"전북특별자치도", "경기도", "전주시", "해운대구"}  # today's name
    assert found["전북특별자치도"] == ["전라북도"] and found["경기도"] == ["경기도"]
