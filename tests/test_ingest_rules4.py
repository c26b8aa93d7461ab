"""Rules learned from the fourth dev set (blind4-*, tuned on after its first run): slash dates,
a person's career list (약력) that is no history of the agency, the acting body given by the
sentence's subject, a table read by its header. Every sentence here is new, written for the
rule, not taken from an article."""

from __future__ import annotations

from kg.ingest.dates import article_date, dated
from kg.ingest.extract import extract
from tests.ingest_helpers import event_tuples


def test_slash_dates_in_prose_and_in_the_date_line() -> None:
    body = "다라진흥원은 2018/3/9 설립됐고 2021/11 거점으로 지정됐다.\n"
    assert [(d.date, d.precision) for d in dated(body, [])] == [
        ("2018-03-09", "day"),
        ("2021-11", "month"),
    ]
    assert article_date("제목\n2023/05/17 10:20 송고\n본문\n") == "2023-05-17"
    assert list(dated("시즌 2015/16 기록을 세웠다.\n", [])) == []  # no month 16: no date


def test_a_career_list_is_a_persons_history_not_the_agencys() -> None:
    text = (
        "다라진흥원은 2015년 3월 설립됐다.\n\n"
        "■ 가온 원장 주요 약력\n"
        " · 1990.02 나라대 졸업\n"
        " · 2010.03 다라시 정보과장 취임\n\n"
        "진흥원은 2020년 5월 다라 메이커랩을 열었다.\n"
    )
    notes: list[str] = []
    assert [d.date for d in dated(text, notes)] == ["2015-03", "2020-05"]
    assert sum("career line" in n for n in notes) == 2
    assert len(extract(text, "x.txt").of("event")) == 2


def test_a_topic_that_opened_is_the_facility_by_its_longest_name() -> None:
    text = (
        "다라진흥원은 2012년 5월 설립됐다. 실습은 다라VR전시관에서 한다.\n"
        "전시관은 2020년 3월 문을 열었다. 별관(연면적 900㎡)은 2022년 4월 개관했다.\n"
    )
    assert event_tuples(text)[1:] == [
        ("2020-03", "OpeningEvent", "다라VR전시관", "-"),
        ("2022-04", "OpeningEvent", "별관", "-"),
    ]


def test_a_table_row_under_a_founding_column_is_a_founding_by_the_founder_column() -> None:
    text = (
        "세 기관을 비교했다.\n\n"
        "| 기관 | 설립 | 설립 주체 | 인력 |\n|---|---|---|---|\n"
        "| 가온정보진흥원 | 2011.04 | 광명시 | 20명 |\n"
        "| 라온콘텐츠진흥원 | 2018.10 | 과학기술정보통신부 | 9명 |\n"
    )
    assert event_tuples(text) == [
        ("2011-04", "FoundingEvent", "가온정보진흥원", "광명시청"),
        ("2018-10", "FoundingEvent", "라온콘텐츠진흥원", "과학기술정보통신부"),
    ]


def test_a_facility_that_moved_and_a_founding_funded_by_a_city() -> None:
    text = (
        "다라진흥원은 2013년 7월 광명시 출연 재단법인(당시 이름 '다라정보센터')으로 설립됐다.\n"
        "다라메이커랩은 2016년 문을 열었다. 메이커랩은 2021년 5월 새 건물로 옮겼다.\n"
    )
    events = event_tuples(text)
    assert events[0] == ("2013-07", "FoundingEvent", "다라진흥원", "광명시청")
    assert events[-1] == ("2021-05", "RelocationEvent", "다라메이커랩", "-")
