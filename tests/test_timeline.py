from __future__ import annotations

import pytest

from kg.build.timeline import parse_date, parse_timeline, split_event_text
from kg.core.errors import TimelineError


def test_seed_timeline_has_21_entries_each_told_twice(seed_text: str) -> None:
    entries = parse_timeline(seed_text)
    assert len(entries) == 21
    assert all(len(e.occurrences) == 2 for e in entries)
    assert [e.date for e in entries] == sorted(e.date for e in entries)
    assert entries[0].date == "1998-11-27" and entries[0].text == "전주S/W지원센터 개소"
    assert entries[-1].date == "2020-01-22"


def test_occurrences_point_at_the_printed_line(seed_text: str) -> None:
    for entry in parse_timeline(seed_text):
        for occ in entry.occurrences:
            assert seed_text[occ.start : occ.end] == entry.line


def test_verbs_and_actors(seed_text: str) -> None:
    by_text = {e.text: e for e in parse_timeline(seed_text)}
    zone = by_text["소프트웨어진흥구역 지정(정보통신부)"]
    assert (zone.subject, zone.verb, zone.actor_text) == (
        "소프트웨어진흥구역",
        "지정",
        "정보통신부",
    )
    kolas = by_text["KOLAS 국제공인시험기관(SW분야) 기관 인정"]
    assert kolas.verb == "인정" and kolas.actor_text is None  # (SW분야) is not an actor
    assert by_text["(재)전주정보문화산업진흥원 명칭개정"].verb == "명칭개정"
    assert by_text["K-ICT 디바이스랩 개관"].verb == "개관"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2001. 08. 21 : x", ("2001-08-21", "day")),
        ("2001.8.21 x", ("2001-08-21", "day")),
        ("2001년 8월 21일 x", ("2001-08-21", "day")),
        ("2001. 08 : x", ("2001-08", "month")),
        ("2001년 8월 x", ("2001-08", "month")),
        ("2001년 x", ("2001", "year")),
    ],
)
def test_date_forms(text: str, expected: tuple[str, str]) -> None:
    parsed = parse_date(text)
    assert parsed is not None and parsed[:2] == expected


def test_impossible_dates_are_errors() -> None:
    with pytest.raises(TimelineError, match="line 7: no such month"):
        parse_date("2019. 13. 40", 7)
    with pytest.raises(TimelineError, match="no such day"):
        parse_date("2019. 02. 30")


def test_bad_date_in_timeline_names_the_line() -> None:
    text = "소개\n주요연혁\n2001. 08. 21 : 가 설립\n2019. 13. 40 : 나 개소\n"
    with pytest.raises(TimelineError, match="line 4"):
        parse_timeline(text)


def test_no_timeline_is_an_error() -> None:
    with pytest.raises(TimelineError, match="no 연혁"):
        parse_timeline("연혁 없는 글\n")


def test_split_keeps_subject() -> None:
    assert split_event_text("중소벤처기업부 액셀러레이터 등록") == (
        "중소벤처기업부 액셀러레이터",
        "등록",
        None,
    )


@pytest.mark.parametrize("heading", ["연혁", "주요 연혁", "■ 연혁", "[주요연혁]", "연혁:"])
def test_headings(heading: str) -> None:
    (entry,) = parse_timeline(f"소개\n{heading}\n2001. 08. 21 : 가 설립\n")
    assert entry.date == "2001-08-21"
