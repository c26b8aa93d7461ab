"""Event rules learned from the fifth dev set (blind5-*, tuned on after its first run): dates
alone on a slide's line, header lines that carry the day, ISO months, year-only relative
dates, spoken and passive verb forms, grades received, plans and anniversaries that are no
happenings. Every sentence here is new, written for the rule, not taken from an article."""

from __future__ import annotations

from kg.ingest.dates import article_date, dated
from tests.ingest_helpers import event_tuples


def test_a_date_alone_on_its_line_heads_the_short_lines_below_it() -> None:
    text = (
        "(재)다라진흥원 한눈에 보기\n\n"
        "업로드 2024.10.02 · 다라진흥원 블로그\n\n"
        "2012.4.9\n재단으로 첫발\n직원 3명\n\n"
        "2016\n'다라진흥원'으로 새 이름\n같은 해\n중앙로 새 청사로 이사\n\n"
        "지난해 5월\n행정안전부가 지정한\n'데이터 거점'\n"
    )
    assert article_date(text) == "2024-10-02"
    assert event_tuples(text) == [
        ("2012-04-09", "FoundingEvent", "다라진흥원", "-"),
        ("2016", "RenamingEvent", "다라진흥원", "-"),
        ("2016", "RelocationEvent", "다라진흥원", "-"),
        ("2023-05", "DesignationEvent", "다라진흥원", "행정안전부"),
    ]


def test_header_lines_and_a_periodicals_issue_date_an_article() -> None:
    assert article_date("[생방송] 마루FM '정오 광장' 2023년 7월 4일(화) 낮 12시\n본문\n") == (
        "2023-07-04"
    )
    assert article_date("갱신일: 2022-02-10 | 문의: 홍보팀\n\n본문이다.\n") == "2022-02-10"
    assert article_date("마루소식 2024년 2월호 · 경제\n본문\n") == "2024-02-29"
    # a timeline line with an unknown verb is no header, even at the end of the article
    assert article_date("연혁\n2001. 3. 1 : 설립\n2010. 5. 1 : 표창 수상\n") is None


def test_iso_months_and_year_only_relative_dates() -> None:
    text = (
        "2024.3.15 | 마루일보\n"
        "다라진흥원은 2019-08 새 건물로 이사했다. 재작년에는 거점으로 선정됐다.\n"
    )
    assert [(d.date, d.precision, d.verb) for d in dated(text, [])] == [
        ("2019-08", "month", "이전"),
        ("2022", "year", "선정"),
    ]
    assert list(dated("문의 ☎ 031-2020-0500 으로 등록하세요.\n", [])) == []  # a phone number


def test_spoken_and_passive_verb_forms() -> None:
    text = (
        "2024.3.15 | 마루일보\n"
        "2015년 5월에 나라시가 세웠으니까 오래됐죠. 2019년에 지금 이름으로 바꾸고 "
        "2021년엔 시범기관으로 뽑혔어요. 지난달에는 '마루랩'을 문을 열었습니다.\n"
    )
    assert [(d.date, d.verb) for d in dated(text, [])] == [
        ("2015-05", "설립"),
        ("2019", "명칭변경"),
        ("2021", "선정"),
        ("2024-02", "개소"),
    ]


def test_a_grade_received_is_a_history_event_of_the_body_that_graded() -> None:
    text = "(재)다라진흥원 소식\n진흥원은 2022년 행정안전부 경영평가에서 '우수' 등급을 받았다.\n"
    assert event_tuples(text) == [("2022", "HistoryEvent", "다라진흥원", "행정안전부")]


def test_anniversaries_befores_and_plans_are_no_happenings() -> None:
    text = (
        "2024.3.15 | 마루일보\n"
        "다라진흥원은 오는 20일 개원 10주년 행사를 연다. 전시관은 2023년 개관 전이었다.\n"
        "2026년 '다라 창작센터' 준공\n"
    )
    notes: list[str] = []
    assert list(dated(text, notes)) == []
    assert any("a plan, not history" in n for n in notes)


def test_the_city_a_newsletter_calls_ours_and_a_topic_with_an_object_act() -> None:
    text = (
        "보령해양데이터진흥원 소개\n"
        "진흥원은 우리 시가 2016년 4월 출연해 세운 기관입니다. 충청남도는 2020년 3월 "
        "진흥원을 '해양 데이터 거점'으로 지정했습니다.\n"
    )
    assert event_tuples(text) == [
        ("2016-04", "FoundingEvent", "보령해양데이터진흥원", "보령시청"),
        ("2020-03", "DesignationEvent", "보령해양데이터진흥원", "충청남도청"),
    ]


def test_the_founder_named_a_sentence_before_the_founding() -> None:
    text = (
        "(재)아산미디어진흥원 안내\n"
        "아산시가 출연한 재단법인입니다. 2016-03-02 '아산영상센터'라는 이름으로 설립되었습니다.\n"
    )
    assert event_tuples(text) == [("2016-03-02", "FoundingEvent", "아산미디어진흥원", "아산시청")]


def test_a_city_that_funds_an_opening_founds_a_body() -> None:
    text = (
        "(재)논산문화진흥원 이야기\n2009년 2월 논산시가 출연해 문을 연 '논산정보센터'가 시작이다.\n"
    )
    assert [e[1::2] for e in event_tuples(text)] == [("FoundingEvent", "논산시청")]


def test_a_transcript_without_a_headline_body_profiles_the_agency_named_most() -> None:
    text = (
        "[녹취] 마루FM '오후 산책' 2024년 8월 2일(금)\n\n"
        "▷ 진행자: 천안게임진흥원 원장님 모셨습니다.\n"
        "▶ 원장: 천안게임진흥원은 2018년 3월에 문을 열었어요.\n"
    )
    assert event_tuples(text) == [("2018-03", "FoundingEvent", "천안게임진흥원", "-")]


def test_ceremonies_held_and_buildings_begun() -> None:
    text = (
        "(재)가람진흥원 소식\n2023.9.9 | 마루일보\n"
        "진흥원은 8일 본원에서 '창립 5주년 기념식'을 열었다.\n"
        "진흥원은 지난 1일 '가람 데이터타워' 기공식을 가졌다.\n"
    )
    assert event_tuples(text) == [
        ("2023-09-08", "HistoryEvent", "가람진흥원", "-"),
        ("2023-09-01", "HistoryEvent", "가람 데이터타워", "-"),
    ]


def test_a_quoted_facility_before_its_bracketed_opening() -> None:
    text = "(재)가람진흥원 안내\n진흥원은 '가람 빛놀이마당'(2021-07 개관)을 운영합니다.\n"
    assert event_tuples(text) == [("2021-07", "OpeningEvent", "가람 빛놀이마당", "-")]


def test_a_city_or_county_the_gazetteer_lacks_acts_as_a_subject() -> None:
    text = (
        "(재)가람진흥원 안내\n진흥원은 2012년 5월 가람군이 설립했고 "
        "2014년 3월 새 청사로 본원을 옮겼다.\n"
    )
    assert event_tuples(text) == [
        ("2012-05", "FoundingEvent", "가람진흥원", "가람군청"),
        ("2014-03", "RelocationEvent", "가람진흥원", "-"),
    ]


def test_one_verb_for_two_dated_clauses_and_one_event_for_each_agency_counted() -> None:
    text = (
        "(재)가람진흥원 소식\n"
        "진흥원은 2016년 행정안전부 '데이터 거점'으로, 2020-05 산업통상자원부 '실증 거점'으로 "
        "각각 지정되었다.\n"
    )
    assert [e[0::3] for e in event_tuples(text)] == [
        ("2016", "행정안전부"),
        ("2020-05", "산업통상자원부"),
    ]
    two = (
        "보령콘텐츠진흥원과 논산콘텐츠진흥원 비교\n"
        "두 기관은 모두 2017년 행정안전부로부터 '지역 거점'으로 선정됐다.\n"
    )
    assert sorted(e[2] for e in event_tuples(two)) == ["논산콘텐츠진흥원", "보령콘텐츠진흥원"]


def test_the_name_an_agency_began_with_is_no_unit() -> None:
    text = (
        "(재)가람진흥원 소개\n"
        "2014년 가람정보센터로 출발한 진흥원은 2019년 지금의 이름으로 바뀌었다.\n"
    )
    assert event_tuples(text) == [
        ("2014", "FoundingEvent", "가람진흥원", "-"),
        ("2019", "RenamingEvent", "가람진흥원", "-"),
    ]


def test_a_bare_province_or_city_is_the_articles_own_and_a_years_end_is_no_name() -> None:
    text = (
        "(재)보령해양데이터진흥원 현황 답변\n2024.3.15 | 도의회\n"
        "○ 도는 2021. 6. 진흥원을 '해양 거점'으로 지정하였습니다.\n"
        "○ 진흥원은 작년 말에는 행정안전부 경영평가에서 '우수' 등급을 받는 등 성과를 냈습니다.\n"
    )
    assert event_tuples(text) == [
        ("2021-06", "DesignationEvent", "보령해양데이터진흥원", "충청남도청"),
        ("2023", "HistoryEvent", "보령해양데이터진흥원", "행정안전부"),
    ]
